/**
 * What the task pane's buttons do, host side only: read (one sync), hand the rows to the engine,
 * write what it describes (syncs bounded by bytes, see payload.ts), finish (one sync). The engine
 * is passed in so tests and the bench can measure round trips and request sizes with any input.
 */
import { picksProblem, type PastePick, type PastePicks, type PursueInput, type PursueResult } from '../shared/index';
import type { Cell, Rows, ReconcileOptions, PursueModel, ReadinessIssue, ReadinessOptions, Topic, NoteSpec } from '../shared/index';
import { PURSUE_SHEETS, readWorkbook, UserError, type Source, type WorkbookRead } from './reader';
import { queuePatches, writePlan, type CellPatch, type HostCaps, type WriteReport } from './writer';
import { planWorkbook, type WritePlan } from './payload';
import { itemAtRow, rfAskedAt, rowOfItem, type ShownItem } from '../shared/index';

/** What the pane uses of the engine's result (the engine's own type, so the two cannot drift). */
export type BuildResult = Pick<PursueResult, 'rec' | 'state' | 'workbook' | 'warnings' | 'crm'>;

export interface PatchResult {
  patches: CellPatch[];
  warnings: string[];
}

/** The engine calls the host makes (all through shared/index.ts). */
export interface PursueEngine {
  buildPursue(input: PursueInput): BuildResult;
  statusNotePatch(existing: Record<string, Cell[][]>, item: string, text: string, author: string, nowIso: string): PatchResult;
  rfPatch(existing: Record<string, Cell[][]>, item: string, asked: boolean): PatchResult;
  topicPatch(existing: Record<string, Cell[][]>, topic: Topic): PatchResult;
  readiness(model: PursueModel, opts: ReadinessOptions): ReadinessIssue[];
}

/** Where the pastes are: our estimate and the insurer's, or one side-by-side comparison. */
export interface PaneBuildRequest {
  ours: Source | null;
  theirs: Source | null;
  compare?: Source | null;
  options: ReconcileOptions;
  today: string;
}

export interface BuildOutcome extends BuildResult {
  read: WorkbookRead;
  syncs: number;
  write: WriteReport;
}

/** Counts round trips so tests and the bench can report them. */
export function countingSync(context: Excel.RequestContext): { count: () => number } {
  let n = 0;
  const original = context.sync.bind(context);
  (context as { sync: typeof context.sync }).sync = ((passThroughValue?: unknown) => {
    n++;
    return original(passThroughValue as never);
  }) as typeof context.sync;
  return { count: () => n };
}

/** The engine's picks for the pane's sources: a whole sheet, or a range of it. */
export function pastePicks(req: Pick<PaneBuildRequest, 'ours' | 'theirs' | 'compare'>): PastePicks {
  const pick = (s: Source | null | undefined): PastePick | null => (s ? { sheet: s.sheet, range: s.kind === 'range' ? s.address : null } : null);
  return req.compare !== undefined ? { compare: pick(req.compare) } : { ours: pick(req.ours), theirs: pick(req.theirs) };
}

/** Refuses a request with a missing side (naming it) or both sides on the same cells, before anything is read. */
export function requireSources(req: Pick<PaneBuildRequest, 'ours' | 'theirs' | 'compare'>): void {
  const problem = picksProblem(pastePicks(req));
  if (problem) throw new UserError(problem);
}

function rowsOrError(read: WorkbookRead['ours'], who: string): Rows {
  if (!read || read.rows.length === 0 || read.rows.every((r) => r.every((c) => c === null || c === undefined || c === ''))) {
    throw new UserError(`${who} is empty. Paste the estimate into that sheet (column A for PDF text) and try again.`);
  }
  return read.rows;
}

/** The pasted rows and what the Pursue sheets hold, in one sync, checked for empty pastes. */
export async function readForBuild(context: Excel.RequestContext, req: PaneBuildRequest): Promise<{ read: WorkbookRead; input: { ours?: Rows; theirs?: Rows; compare?: Rows } }> {
  requireSources(req);
  const read = await readWorkbook(context, { ours: req.compare ? null : req.ours, theirs: req.compare ? null : req.theirs, compare: req.compare ?? null, existing: true, names: PURSUE_SHEETS });
  if (req.compare) return { read, input: { compare: rowsOrError(read.compare, 'The side-by-side comparison') } };
  return { read, input: { ours: rowsOrError(read.ours, 'Our estimate'), theirs: rowsOrError(read.theirs, "The insurer's estimate") } };
}

/** Runs the engine over the pasted estimates without writing anything (one sync). */
export async function analyse(context: Excel.RequestContext, engine: PursueEngine, req: PaneBuildRequest) {
  const { read, input } = await readForBuild(context, req);
  const result = engine.buildPursue({ ...input, options: req.options, existing: read.existing, today: req.today });
  return { read, result };
}

/** Writes a planned workbook, then recalculates and adds notes (the last sync). */
export async function writeBuilt(
  context: Excel.RequestContext,
  plan: WritePlan,
  notes: Array<{ sheet: string; notes: NoteSpec[] }>,
  sheetNames: string[],
  caps: HostCaps,
  onSync?: (syncs: number) => void,
): Promise<WriteReport> {
  const report = await writePlan(context, plan, new Set(sheetNames), { onSync });
  await finish(context, notes, caps);
  return report;
}

/** Build or refresh the workbook: read, write in byte-bounded batches, finish. */
export async function buildWorkbook(
  context: Excel.RequestContext,
  engine: PursueEngine,
  req: PaneBuildRequest,
  caps: HostCaps,
): Promise<BuildOutcome> {
  const counter = countingSync(context);
  const { read, result } = await analyse(context, engine, req);
  const notes = result.workbook.sheets.map((s) => ({ sheet: s.name, notes: s.notes }));
  const write = await writeBuilt(context, planWorkbook(result.workbook), notes, read.sheetNames, caps);
  return { ...result, read, syncs: counter.count(), write };
}

/** Recalculates (calculation was suspended while writing) and adds notes where Excel can. */
async function finish(context: Excel.RequestContext, notes: Array<{ sheet: string; notes: NoteSpec[] }>, caps: HostCaps): Promise<void> {
  context.workbook.application.calculate('Recalculate');
  if (!caps.notes) {
    await context.sync();
    return;
  }
  const sheets = context.workbook.worksheets;
  for (const s of notes) {
    for (const n of s.notes) sheets.getItem(s.sheet).notes.add(sheets.getItem(s.sheet).getRange(n.cell), n.text);
  }
  try {
    await context.sync();
  } catch {
    // Notes are extras (their text is in the cells too); a failed note must not fail the build.
  }
}

export interface PickedItem extends ShownItem {
  /** The RF asked flag on the row when it was picked. */
  rfAsked: boolean;
}

/** The item shown on the selected row of "Pursue Items" (one sync). */
export async function selectedItem(context: Excel.RequestContext): Promise<PickedItem> {
  const read = await readWorkbook(context, { existing: true, selection: true });
  const items = read.existing?.['Pursue Items'];
  if (!items) throw new UserError('Build the workbook first (step 3), then select an item row on "Pursue Items".');
  if (!read.selection || read.selection.sheet !== 'Pursue Items') {
    throw new UserError('Nothing picked: click a cell in an item row on the "Pursue Items" sheet, then press "Use selected row".');
  }
  const shown = itemAtRow(items, read.selection.row);
  if (!shown) throw new UserError('The selected row is not an item (a header, a total or an insurer-only line). Click a cell in an item row on "Pursue Items", then press "Use selected row".');
  return { ...shown, rfAsked: rfAskedAt(items, shown.row) };
}

/**
 * Applies a patch the engine computed for `item`, the item the pane shows, from the sheets as they
 * are now (two syncs). The selection plays no part: a click elsewhere since the pick moves nothing.
 */
export async function applyPatch(
  context: Excel.RequestContext,
  item: string,
  make: (existing: Record<string, Cell[][]>, item: string) => PatchResult | Promise<PatchResult>,
): Promise<PatchResult & { item: string }> {
  const read = await readWorkbook(context, { existing: true });
  const items = read.existing?.['Pursue Items'];
  if (!read.existing || !items) throw new UserError('The "Pursue Items" sheet is gone. Build the workbook again (step 3), then pick the item.');
  if (rowOfItem(items, item) === null) throw new UserError(`Item ${item} is no longer on "Pursue Items". Build the workbook again, then pick the item.`);
  const result = await make(read.existing, item);
  if (result.patches.length === 0) throw new UserError(result.warnings.join(' ') || `Nothing was written for item ${item}. Build the workbook again, then try once more.`);
  queuePatches(context, result.patches);
  await context.sync();
  return { ...result, item };
}
