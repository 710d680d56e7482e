/**
 * Writes a workbook with Office.js. Each property goes as whole 2D blocks of rows, and the queue is
 * sent whenever the next block would take the request past the budget (Excel on the web's 5 MB
 * cap): a small workbook is one write sync, a 5,000-line one a few, in proportion to its bytes,
 * never to its rows.
 */
import type { CellPatch, WorkbookDescription, WriterSupport } from '../shared/index';
import { pacer } from './pace';
import { ACTION_OVERHEAD, chunkProps, metaBytes, planWorkbook, REQUEST_BUDGET, toFormulaCell, type RowChunk, type SheetMeta, type WritePlan } from './payload';

/** What the host supports beyond the declared minimum (ExcelApi 1.9). */
export interface HostCaps {
  /** ExcelApi 1.18: cell notes. Without it notes are skipped (the text is in the cells anyway). */
  notes: boolean;
}

export { needsTextPrefix, toFormulaCell } from './payload';

/** Column widths come in characters of the default font; Office.js wants points. */
export function charsToPoints(chars: number): number {
  // Calibri 11: 7 px per character plus 5 px of padding; 1 px = 0.75 pt.
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const BORDER_EDGE: Record<string, Excel.BorderIndex | string> = {
  top: 'EdgeTop',
  bottom: 'EdgeBottom',
  left: 'EdgeLeft',
  right: 'EdgeRight',
  insideHorizontal: 'InsideHorizontal',
  insideVertical: 'InsideVertical',
};

/** Packs queued actions into syncs of at most `budget` serialized bytes. */
class Batcher {
  private used = 0;
  syncs = 0;
  readonly requests: number[] = [];
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget: number,
    private readonly onSync: (syncs: number) => void,
  ) {
    this.begin();
  }

  private begin(): void {
    // Both apply until the next sync only, so each batch suspends them again.
    const app = this.context.workbook.application;
    app.suspendApiCalculationUntilNextSync();
    app.suspendScreenUpdatingUntilNextSync();
    this.used = 2 * ACTION_OVERHEAD;
  }

  /** Reserve room for an action of `bytes`, sending what is queued first when it would not fit. */
  async take(bytes: number): Promise<void> {
    if (this.used > 2 * ACTION_OVERHEAD && this.used + bytes > this.budget) await this.flush(true);
    this.used += bytes;
  }

  async flush(more: boolean): Promise<void> {
    this.requests.push(this.used);
    await this.context.sync();
    this.syncs++;
    this.onSync(this.syncs);
    if (more) this.begin();
  }
}

/** Clears what an existing sheet held (its typed content was read back already) and places it. */
function prepareSheet(context: Excel.RequestContext, meta: SheetMeta, position: number, existed: boolean): Excel.Worksheet {
  const sheets = context.workbook.worksheets;
  const ws = existed ? sheets.getItem(meta.name) : sheets.add(meta.name);
  if (existed) {
    const all = ws.getRange();
    all.clear('All');
    all.conditionalFormats.clearAll();
    all.dataValidation.clear();
    all.unmerge();
    ws.freezePanes.unfreeze();
    if (!meta.filter) ws.autoFilter.remove();
  }
  ws.position = position;
  ws.tabColor = meta.tabColor ?? '';
  return ws;
}

function queueChunk(ws: Excel.Worksheet, meta: SheetMeta, chunk: RowChunk): void {
  const block = ws.getRangeByIndexes(chunk.r0, 0, chunk.rows, meta.colCount);
  // Number formats first: a text cell written under "@" stays text in every Excel.
  block.numberFormat = chunk.numberFormat;
  block.formulas = chunk.formulas;
  block.setCellProperties(chunkProps(chunk) as Excel.SettableCellProperties[][]);
}

/** Widths, heights, merges, borders, rules, validation, panes, filter and print settings. */
function queueLayout(ws: Excel.Worksheet, meta: SheetMeta): void {
  if (meta.columnWidths.length > 0) {
    const cols = ws.getRangeByIndexes(0, 0, 1, meta.columnWidths.length);
    cols.setColumnProperties(meta.columnWidths.map((w) => ({ format: { columnWidth: charsToPoints(w) } })));
  }
  // Columns the reader needs but a person does not (the Key): hidden, still there for the next run.
  for (const c of meta.hiddenColumns ?? []) ws.getRangeByIndexes(0, c, 1, 1).getEntireColumn().columnHidden = true;
  const heights = meta.rowHeights ?? [];
  if (heights.some((h) => h !== null && h !== undefined)) {
    const rows = ws.getRangeByIndexes(0, 0, heights.length, 1);
    rows.setRowProperties(heights.map((h) => (h === null || h === undefined ? {} : { format: { rowHeight: h } })));
  }
  for (const m of meta.merges) ws.getRange(m).merge(false);
  for (const b of meta.borders) {
    const borders = ws.getRange(b.range).format.borders;
    for (const edge of b.edges) {
      const item = borders.getItem(BORDER_EDGE[edge] as Excel.BorderIndex);
      item.style = 'Continuous';
      item.weight = b.style === 'medium' ? 'Medium' : 'Thin';
      item.color = b.color;
    }
  }
  for (const cf of meta.conditionalFormats) {
    const added = ws.getRange(cf.range).conditionalFormats.add('Custom');
    added.custom.rule.formula = cf.formula;
    if (cf.fill) added.custom.format.fill.color = cf.fill;
    if (cf.fontColor) added.custom.format.font.color = cf.fontColor;
    if (cf.bold !== undefined) added.custom.format.font.bold = cf.bold;
  }
  for (const v of meta.validations) {
    const dv = ws.getRange(v.range).dataValidation;
    dv.rule = { list: { inCellDropDown: true, source: v.list.join(',') } };
    dv.ignoreBlanks = v.allowBlank;
    dv.errorAlert = { showAlert: true, style: 'Stop', title: 'Pursue', message: v.message };
  }
  if (meta.frozenRows > 0 && meta.frozenColumns > 0) {
    ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, meta.frozenRows, meta.frozenColumns));
  } else if (meta.frozenRows > 0) {
    ws.freezePanes.freezeRows(meta.frozenRows);
  } else if (meta.frozenColumns > 0) {
    ws.freezePanes.freezeColumns(meta.frozenColumns);
  }
  if (meta.filter) ws.autoFilter.apply(ws.getRange(meta.filter));
  ws.pageLayout.orientation = meta.print.landscape ? 'Landscape' : 'Portrait';
  if (meta.print.area) ws.pageLayout.setPrintArea(meta.print.area);
  if (meta.print.repeatRows) ws.pageLayout.setPrintTitleRows(`$1:$${meta.print.repeatRows}`);
  if (meta.print.fitToPageWide || meta.print.fitToPageTall) {
    ws.pageLayout.zoom = {
      horizontalFitToPages: meta.print.fitToPageWide ? 1 : 0,
      verticalFitToPages: meta.print.fitToPageTall ? 1 : 0,
    };
  }
}

export interface WriteReport {
  /** context.sync() calls the write took. */
  syncs: number;
  /** Serialized bytes queued for each of those syncs (the writer's own count). */
  requests: number[];
}

/**
 * Writes a planned workbook in as few syncs as its size allows: every action's serialized size is
 * counted, and the queue is sent before it would pass `budget` (Excel on the web refuses a request
 * over 5 MB). Calculation and screen updating stay suspended for each batch. Notes (ExcelApi 1.18)
 * are added afterwards by the caller.
 */
export async function writePlan(
  context: Excel.RequestContext,
  plan: WritePlan,
  existingNames: ReadonlySet<string>,
  opts: { budget?: number; onSync?: (syncs: number) => void } = {},
): Promise<WriteReport> {
  const batch = new Batcher(context, opts.budget ?? REQUEST_BUDGET, opts.onSync ?? (() => undefined));
  // Queueing a sync's worth of chunks (4 MB) is one long task unless the loop gives the pane turns.
  const pace = pacer();
  for (const [i, sheet] of plan.sheets.entries()) {
    await batch.take(10 * ACTION_OVERHEAD);
    const ws = prepareSheet(context, sheet.meta, i, existingNames.has(sheet.meta.name));
    for (const chunk of sheet.chunks) {
      await batch.take(chunk.bytes);
      queueChunk(ws, sheet.meta, chunk);
      await pace();
    }
    await batch.take(metaBytes(sheet.meta));
    queueLayout(ws, sheet.meta);
  }
  if (plan.sheets.length > 0) context.workbook.worksheets.getItem(plan.sheets[0]!.meta.name).activate();
  await batch.flush(false);
  return { syncs: batch.syncs, requests: batch.requests };
}

/** The description written through a plan made here (tests and the bench; the pane's worker plans instead). */
export function writeWorkbook(
  context: Excel.RequestContext,
  workbook: WorkbookDescription,
  existingNames: ReadonlySet<string>,
  opts: { budget?: number; onSync?: (syncs: number) => void } = {},
): Promise<WriteReport> {
  return writePlan(context, planWorkbook(workbook), existingNames, opts);
}

export type { CellPatch };

/** Queues patches (a status note, an RF flag, a topic) without a sync; text stays text. */
export function queuePatches(context: Excel.RequestContext, patches: CellPatch[]): void {
  const sheets = context.workbook.worksheets;
  for (const p of patches) {
    const range = sheets.getItem(p.sheet).getRange(p.range);
    if (p.numberFormats) range.numberFormat = p.numberFormats;
    range.formulas = p.values.map((row, r) => row.map((v, c) => toFormulaCell(v, null, p.numberFormats?.[r]?.[c] ?? 'General')));
  }
}

/** What this writer does with each part of a description (see WriterSupport). */
export const OFFICE_JS_SUPPORT: WriterSupport = {
  values: true,
  formulas: true,
  numberFormats: true,
  bold: true,
  italic: true,
  fontColors: true,
  fills: true,
  wrap: true,
  hAlign: true,
  columnWidths: true,
  hiddenColumns: true,
  frozenRows: true,
  frozenColumns: true,
  filter: true,
  borders: true,
  conditionalFormats: true,
  validations: true,
  // Written after the build in their own sync (actions.ts), where ExcelApi 1.18 is there.
  notes: 'added by the build after the write, only where Excel supports notes (ExcelApi 1.18)',
  merges: true,
  tabColor: true,
  fontSize: true,
  verticalAlign: true,
  rowHeights: true,
  'print.landscape': true,
  'print.fitToPageWide': true,
  'print.fitToPageTall': true,
  'print.area': true,
  'print.repeatRows': true,
};
