/**
 * What the task pane's buttons do, host side only: read (one sync), hand the rows to the engine,
 * write what it describes (one sync), finish (one sync). The engine is passed in so the round-trip
 * count can be measured with any description.
 */
import type { Cell, Rows } from '../shared/index';
import type { ReconcileOptions, Reconciliation } from '../shared/index';
import type { PursueState, ReadinessIssue, Topic } from '../shared/index';
import type { WorkbookDescription } from '../shared/index';
import { PURSUE_SHEETS, readWorkbook, itemOnRow, UserError, type Source, type WorkbookRead } from './reader';
import { queuePatches, queueWorkbook, type CellPatch, type HostCaps } from './writer';

export interface BuildResult {
  rec: Reconciliation;
  state: PursueState;
  workbook: WorkbookDescription;
  warnings: Array<{ item: string; message: string }>;
  crm: string;
}

export interface PatchResult {
  patches: CellPatch[];
  warnings: string[];
}

/** The engine calls the host makes (shared/pursue.ts, shared/workbook/patch.ts, shared/knowledge). */
export interface PursueEngine {
  buildPursue(input: {
    ours?: Rows;
    theirs?: Rows;
    options?: ReconcileOptions;
    existing?: Record<string, Cell[][]> | null;
    today: string;
  }): BuildResult;
  statusNotePatch(existing: Record<string, Cell[][]>, item: string, text: string, author: string, nowIso: string): PatchResult;
  rfPatch(existing: Record<string, Cell[][]>, item: string, asked: boolean): PatchResult;
  topicPatch(existing: Record<string, Cell[][]>, topic: Topic): PatchResult;
  readiness(rec: Reconciliation, state: PursueState, opts: { minGap: number; days: number; today: string }): ReadinessIssue[];
}

export interface BuildRequest {
  ours: Source | null;
  theirs: Source | null;
  options: ReconcileOptions;
  today: string;
}

export interface BuildOutcome extends BuildResult {
  read: WorkbookRead;
  syncs: number;
}

/** Counts round trips so the pane (and the benchmark) can report them. */
export function countingSync(context: Excel.RequestContext): { count: () => number } {
  let n = 0;
  const original = context.sync.bind(context);
  (context as { sync: typeof context.sync }).sync = ((passThroughValue?: unknown) => {
    n++;
    return original(passThroughValue as never);
  }) as typeof context.sync;
  return { count: () => n };
}

function requireSources(req: BuildRequest): void {
  if (!req.ours) throw new UserError('Pick the sheet or selection that holds our estimate (step 1).');
  if (!req.theirs) throw new UserError("Pick the sheet or selection that holds the insurer's estimate (step 1).");
}

function rowsOrError(read: WorkbookRead['ours'], who: string): Rows {
  if (!read || read.rows.length === 0 || read.rows.every((r) => r.every((c) => c === null || c === undefined || c === ''))) {
    throw new UserError(`${who} is empty. Paste the estimate into that sheet (column A for PDF text) and try again.`);
  }
  return read.rows;
}

/** Runs the engine over the pasted estimates without writing anything (one sync). */
export async function analyse(context: Excel.RequestContext, engine: PursueEngine, req: BuildRequest) {
  requireSources(req);
  const read = await readWorkbook(context, { ours: req.ours, theirs: req.theirs, existing: true, names: PURSUE_SHEETS });
  const result = engine.buildPursue({
    ours: rowsOrError(read.ours, 'Our estimate'),
    theirs: rowsOrError(read.theirs, "The insurer's estimate"),
    options: req.options,
    existing: read.existing,
    today: req.today,
  });
  return { read, result };
}

/** Build or refresh the workbook: read + write + finish, three syncs however many rows. */
export async function buildWorkbook(
  context: Excel.RequestContext,
  engine: PursueEngine,
  req: BuildRequest,
  caps: HostCaps,
): Promise<BuildOutcome> {
  const counter = countingSync(context);
  let { read, result } = await analyse(context, engine, req);
  const unread = result.workbook.sheets.filter((s) => read.sheetNames.includes(s.name) && !PURSUE_SHEETS.includes(s.name));
  if (unread.length > 0) {
    // A sheet the description writes that was not read back: read it before overwriting it.
    ({ read, result } = await analyse(context, engine, req));
  }
  queueWorkbook(context, result.workbook, new Set(read.sheetNames));
  await context.sync();
  await finish(context, result.workbook, caps);
  return { ...result, read, syncs: counter.count() };
}

/** Recalculates (calculation was suspended while writing) and adds notes where Excel can. */
async function finish(context: Excel.RequestContext, workbook: WorkbookDescription, caps: HostCaps): Promise<void> {
  context.workbook.application.calculate('Recalculate');
  if (!caps.notes) {
    await context.sync();
    return;
  }
  const sheets = context.workbook.worksheets;
  for (const s of workbook.sheets) {
    for (const n of s.notes) sheets.getItem(s.name).notes.add(sheets.getItem(s.name).getRange(n.cell), n.text);
  }
  try {
    await context.sync();
  } catch {
    // Notes are extras (their text is in the cells too); a failed note must not fail the build.
  }
}

export interface SelectedItem {
  item: string;
  name: string;
  existing: Record<string, Cell[][]>;
}

/** The item on the selected row of "Pursue Items" (one sync). */
export async function selectedItem(context: Excel.RequestContext): Promise<SelectedItem> {
  const read = await readWorkbook(context, { existing: true, selection: true });
  const items = read.existing?.['Pursue Items'];
  if (!items) throw new UserError('Build the workbook first (step 3), then select an item row on "Pursue Items".');
  if (!read.selection || read.selection.sheet !== 'Pursue Items') {
    throw new UserError('Select a cell in an item row on the "Pursue Items" sheet, then try again.');
  }
  const found = itemOnRow(items, read.selection.row);
  if (!found) throw new UserError('The selected row is not an item. Select a cell in an item row on "Pursue Items".');
  return { ...found, existing: read.existing! };
}

/** Applies a patch the engine computed from the sheets as they are now (two syncs). */
export async function applyPatch(
  context: Excel.RequestContext,
  make: (existing: Record<string, Cell[][]>, item: string) => PatchResult,
): Promise<PatchResult & { item: string }> {
  const sel = await selectedItem(context);
  const result = make(sel.existing, sel.item);
  queuePatches(context, result.patches);
  await context.sync();
  return { ...result, item: sel.item };
}
