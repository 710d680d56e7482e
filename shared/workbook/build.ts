import type { Reconciliation } from '../types/reconciliation';
import type { PursueState, StatusEntry } from '../types/knowledge';
import type { SheetDescription, WorkbookDescription } from '../types/workbook';
import type { Cents } from '../types/money';
import type { ModelRow, PursueModel } from '../types/model';
import { formatMoney } from '../money';
import { statusMessage } from '../report/status';
import { READINESS_DEFAULTS } from '../host-rules';
import {
  explainPriority,
  formatStatusCell,
  rebuttalsToRows,
  topicGap,
  weightsToRows,
} from '../knowledge';
import { WEIGHT_CATEGORY_HEADERS } from '../knowledge/priority';
import { a1, a1Range } from './a1';
import { COLORS, FMT, SheetGrid } from './grid';
import { reconciledIsRule, reconciledMarkFormula, residualExplanationFormula, residualFormula, rowGapFormula, sumOfGapsFormula, topRankRule } from './formulas';
import {
  GAP_KINDS,
  LC,
  LOG_COLUMNS,
  OP_ITEM,
  TAX_ITEM,
  PC,
  PURSUE_COLUMNS,
  SHEETS,
  SUGGESTED_PREFIX,
  TC,
  TOPIC_COLUMNS,
  TOTAL_LABELS,
  formatKey,
  textHash,
} from './layout';
import { compareItems } from '../item-order';
import { pursueModel, readiness } from '../model';
import { DATE_FMT, isoToSerial, usDate } from './dates';

export interface BuildOptions {
  /** yyyy-mm-dd: the date the workbook is built (Call Brief title, readiness). */
  today: string;
  /** How many top priorities the Call Brief lists (default 10). */
  topN?: number;
  /** How many top priorities Pursue Items highlights (default 5). */
  highlightN?: number;
  /**
   * Status Log identities (see entryIdentity) in the order the existing workbook listed them; those
   * rows keep their places and new entries follow, so a re-run never moves an earlier row.
   */
  statusOrder?: string[];
  /** Warnings from the merge and the read-back, listed on the Checks sheet. */
  warnings?: Array<{ item: string; message: string }>;
  /** The per-item model of rec and state, when the caller already has it (buildPursue). */
  model?: PursueModel;
}

const dollars = (c: Cents): number => c / 100;

/** Identity of one Status Log entry: the same on every run, so order can be kept. */
export function entryIdentity(item: string, e: StatusEntry): string {
  return [item, e.timestamp, e.author, e.text].join('\u0001');
}

/** Item numbers that are plain numbers are written as numbers so the column sorts as a person expects. */
function itemCell(label: string): string | number {
  return /^[0-9]{1,9}$/.test(label) ? Number(label) : label;
}

/** Column widths (characters) by column, so they follow the columns wherever PURSUE_COLUMNS puts them. */
const PURSUE_WIDTHS: Record<keyof typeof PC, number> = {
  priority: 7, item: 8, area: 14, name: 30, ours: 11, insurer: 11, gap: 11, kind: 13, denial: 28, approve: 30, status: 36, nextStep: 28, rf: 7, reItem: 7, override: 9, key: 12,
};

interface PursueLayout {
  sheet: SheetDescription;
  rows: ModelRow[];
  firstDataRow: number;
  lastDataRow: number;
  sumRow: number;
  totalRow: number;
  residualRow: number;
}

function buildPursueSheet(rec: Reconciliation, state: PursueState, rows: ModelRow[], highlightN: number): PursueLayout {
  const g = new SheetGrid(SHEETS.pursue, PURSUE_COLUMNS.length);
  headerRow(g);
  const first = 1;
  let r = first;
  for (const row of rows) itemRow(g, r++, row, highlightN);
  const last = Math.max(first, r - 1);
  if (r === first) r++; // keep one (empty) data row so formulas and the filter have a range
  const totals = totalsBlock(g, rec, first, last, r);
  sheetLayout(g, last, totals);
  highlightsAndDropdowns(g, rows, first, last, totals.residualRow, highlightN);
  g.desc.notes.push(...headerNotes(state));
  return { sheet: g.finish(), rows, firstDataRow: first, lastDataRow: last, ...totals };
}

function headerRow(g: SheetGrid): void {
  const header = { bold: true, fontColor: COLORS.header, fill: COLORS.headerFill, wrap: true, hAlign: 'center' as const };
  PURSUE_COLUMNS.forEach((h, c) => g.set(0, c, h, header));
}

/** One model row on sheet row r: its look, its cells, its Key and its notes. */
function itemRow(g: SheetGrid, r: number, row: ModelRow, highlightN: number): void {
  rowStyle(g, r, row);
  const approveCell = itemCells(g, r, row);
  g.set(r, PC.key, rowKey(row, approveCell), { fontColor: COLORS.muted });
  const remarks = [...row.remarks];
  if (row.closedOn !== null) remarks.unshift(`Gap closed on ${usDate(row.closedOn)}. Delete this row when nothing more is needed.`);
  if (remarks.length > 0) g.desc.notes.push({ cell: a1(r, PC.name), text: remarks.join('\n') });
  if (row.priority && row.priority.rank <= highlightN) {
    const p = row.priority.parts;
    g.desc.notes.push({
      cell: a1(r, PC.priority),
      text: `Score ${row.priority.score.toFixed(1)} = gap ${p.gap.toFixed(1)} + RF asked ${p.rfAsked.toFixed(1)} + category ${p.category.toFixed(1)}`,
    });
  }
}

function rowStyle(g: SheetGrid, r: number, row: ModelRow): void {
  const muted = row.kind === 'insurer-only' || (row.kind === 'item' && row.gap === 0);
  const base = { fontColor: muted ? COLORS.muted : COLORS.text, fill: row.kind === 'op' || row.kind === 'tax' ? COLORS.band : null };
  g.styleRow(r, base);
  if (row.closedOn !== null) g.styleRow(r, { fill: COLORS.closedFill, italic: true });
  if (row.kind === 'insurer-only') g.styleRow(r, { italic: true });
  if (row.absentSince) g.styleRow(r, { fill: COLORS.closedFill, italic: true });
}

/** The visible cells of one row; returns the Approve cell's text as written (the Key hashes it). */
function itemCells(g: SheetGrid, r: number, row: ModelRow): string {
  if (row.absentSince) g.set(r, PC.priority, 'absent', { hAlign: 'center' });
  else if (row.closedOn !== null) g.set(r, PC.priority, 'closed', { hAlign: 'center' });
  else if (row.priority) g.set(r, PC.priority, row.priority.rank, { numberFormat: FMT.integer, hAlign: 'center', bold: true });
  // A topic's list of item numbers wraps in its cell rather than being cut off.
  g.set(r, PC.item, itemCell(row.label), { numberFormat: FMT.integer, hAlign: 'center', wrap: row.kind === 'topic' });
  g.set(r, PC.area, row.area, { wrap: true });
  g.set(r, PC.name, row.name, { wrap: true });
  if (row.ours !== null) g.set(r, PC.ours, dollars(row.ours), { numberFormat: FMT.money });
  if (row.insurer !== null) g.set(r, PC.insurer, dollars(row.insurer), { numberFormat: FMT.money });
  if (row.gapIsDifference) g.formula(r, PC.gap, rowGapFormula(r), { numberFormat: FMT.money, bold: true });
  else g.set(r, PC.gap, dollars(row.gap), { numberFormat: FMT.money, bold: true });
  g.set(r, PC.kind, row.gapKind, { hAlign: 'center' });
  g.set(r, PC.denial, row.denial, { wrap: true });
  // A suggestion is marked as one, so nobody takes it for what the team typed.
  const approveCell = row.approveSuggested ? SUGGESTED_PREFIX + row.approve : row.approve;
  g.set(r, PC.approve, approveCell, row.approveSuggested ? { wrap: true, italic: true, fontColor: COLORS.suggested } : { wrap: true });
  g.set(r, PC.status, formatStatusCell(row.status), { wrap: true });
  // Worked out from the notes on every run (the model's next step); typing here changes nothing.
  g.set(r, PC.nextStep, row.nextStep ?? '', { wrap: true, italic: true, fontColor: COLORS.suggested });
  if (row.kind !== 'insurer-only') g.set(r, PC.rf, row.rfCell, { hAlign: 'center', wrap: row.kind === 'topic' });
  g.set(r, PC.reItem, row.reItem, { hAlign: 'center' });
  g.set(r, PC.override, row.override, { hAlign: 'center' });
  return approveCell;
}

/** The hidden Key a re-run finds this row by. */
function rowKey(row: ModelRow, approveCell: string): string {
  const attrs: Record<string, string> = {};
  if (row.approveSuggested) attrs.r = textHash(approveCell);
  if (row.closedOn !== null) attrs.closed = row.closedOn;
  if (row.absentSince) attrs.absent = row.absentSince;
  // The name as written, so a re-run can tell an Item No. moved away from its name (identity.ts).
  if (row.kind === 'item') attrs.n = textHash(row.name);
  if (row.kind === 'item') return formatKey('item', row.items[0]!, attrs);
  if (row.kind === 'topic') return formatKey('topic', (row.topic ?? '').replace(/;/g, ','), attrs);
  if (row.kind === 'insurer-only') return formatKey('re', row.reItem);
  return formatKey(row.kind, '', attrs);
}

interface TotalRows {
  sumRow: number;
  totalRow: number;
  residualRow: number;
}

/** Totals block, one blank row below the table (outside the filter, so sorting leaves it in place). */
function totalsBlock(g: SheetGrid, rec: Reconciliation, first: number, last: number, afterTable: number): TotalRows {
  const sumRow = afterTable + 1;
  const totalRow = sumRow + 1;
  const residualRow = totalRow + 1;
  const totalStyle = { fill: COLORS.totalFill, bold: true };
  for (const t of [sumRow, totalRow, residualRow]) g.styleRow(t, totalStyle);
  g.set(sumRow, PC.name, TOTAL_LABELS.sum);
  g.formula(sumRow, PC.gap, sumOfGapsFormula(first, last), { numberFormat: FMT.money });
  g.set(sumRow, PC.key, 'sum', { fontColor: COLORS.muted, bold: false });
  g.set(totalRow, PC.name, TOTAL_LABELS.total);
  g.set(totalRow, PC.ours, dollars(rec.ours.rcv), { numberFormat: FMT.money });
  g.set(totalRow, PC.insurer, dollars(rec.theirs.rcv), { numberFormat: FMT.money });
  g.formula(totalRow, PC.gap, rowGapFormula(totalRow), { numberFormat: FMT.money });
  g.set(totalRow, PC.key, 'total', { fontColor: COLORS.muted, bold: false });
  residualCells(g, rec, { sumRow, totalRow, residualRow });
  g.desc.notes.push({
    cell: a1(totalRow, PC.ours),
    text: `Our RCV (${rec.ours.rcvSource}) and the insurer's approved RCV (${rec.theirs.rcvSource}).`,
  });
  return { sumRow, totalRow, residualRow };
}

/** The residual row: what is left unexplained, and whether that is within tolerance. */
function residualCells(g: SheetGrid, rec: Reconciliation, { sumRow, totalRow, residualRow }: TotalRows): void {
  g.set(residualRow, PC.name, TOTAL_LABELS.residual);
  g.formula(residualRow, PC.gap, residualFormula(totalRow, sumRow), { numberFormat: FMT.money });
  const tol = (rec.tolerance / 100).toFixed(2);
  // An assumed total makes the residual 0 by construction: the mark then says Unverified, never Reconciled.
  if (rec.status === 'unverified') g.set(residualRow, PC.kind, 'Unverified', { hAlign: 'center' });
  else g.formula(residualRow, PC.kind, reconciledMarkFormula(residualRow, tol), { hAlign: 'center' });
  // The explanation follows the figures (a formula): an RM's edit to any figure changes what it says.
  g.formula(
    residualRow,
    PC.denial,
    residualExplanationFormula(residualRow, totalRow, tol, rec.status === 'unverified' ? statusMessage(rec, 'workbook').replace(/^\S+\s/, '') : null),
    { wrap: true, bold: false },
  );
  g.set(residualRow, PC.key, 'residual', { fontColor: COLORS.muted, bold: false });
}

/** Sheet-level layout: widths, freezes, hidden Key, filter, print area and borders. */
function sheetLayout(g: SheetGrid, last: number, { sumRow, residualRow }: TotalRows): void {
  g.desc.columnWidths = PURSUE_COLUMNS.map((_, c) => PURSUE_WIDTHS[(Object.keys(PC) as Array<keyof typeof PC>).find((k) => PC[k] === c)!]);
  g.desc.frozenRows = 1;
  // Item No. and Item Name stay in view while the notes scroll past.
  g.desc.frozenColumns = PC.name + 1;
  // The Key is machine text for re-runs: hidden, not deleted (identity.ts reads it as a cross-check).
  g.desc.hiddenColumns = [PC.key];
  g.desc.filter = a1Range(0, 0, last, PURSUE_COLUMNS.length - 1);
  g.desc.tabColor = COLORS.headerFill;
  g.desc.print = { landscape: true, fitToPageWide: true, fitToPageTall: false, area: a1Range(0, 0, residualRow, PC.rf), repeatRows: 1 };
  g.desc.borders.push(
    { range: a1Range(0, 0, last, PC.override), edges: ['top', 'bottom', 'left', 'right', 'insideHorizontal', 'insideVertical'], style: 'thin', color: COLORS.border },
    { range: a1Range(sumRow, 0, residualRow, PC.override), edges: ['top', 'bottom', 'left', 'right'], style: 'medium', color: COLORS.border },
  );
}

/** Conditional formats (top ranks, the Reconciled mark) and the drop-down lists. */
function highlightsAndDropdowns(g: SheetGrid, rows: ModelRow[], first: number, last: number, residualRow: number, highlightN: number): void {
  const dataRange = a1Range(first, 0, last, PC.key);
  g.desc.conditionalFormats.push(
    { range: dataRange, formula: topRankRule(first, highlightN), fill: COLORS.top },
    { range: a1(residualRow, PC.kind), formula: reconciledIsRule(residualRow, 'Reconciled'), fill: COLORS.good, fontColor: COLORS.goodText, bold: true },
    { range: a1(residualRow, PC.kind), formula: reconciledIsRule(residualRow, 'Not reconciled'), fill: COLORS.bad, fontColor: COLORS.badText, bold: true },
  );
  const ourRows = rows.filter((x) => x.kind === 'item' || x.kind === 'topic').length;
  if (ourRows > 0) {
    g.desc.validations.push({
      range: a1Range(first, PC.kind, first + ourRows - 1, PC.kind),
      list: [...GAP_KINDS],
      allowBlank: true,
      message: `Choose one of: ${GAP_KINDS.join(', ')}.`,
    });
  }
  g.desc.validations.push({ range: a1Range(first, PC.rf, last, PC.rf), list: ['Y', 'N'], allowBlank: true, message: 'Type Y if the field rep (RF) asked to fight for this item, else N.' });
}

/** What each header means, as notes on the header cells. */
function headerNotes(state: PursueState): SheetDescription['notes'] {
  return [
    { cell: a1(0, PC.priority), text: `1 = pursue first. ${explainPriority(state.weights)} Weights are on the Priority sheet.` },
    { cell: a1(0, PC.gap), text: 'Gap $ = Ours $ − Insurer $. Change a figure and the totals follow.' },
    { cell: a1(0, PC.denial), text: "The insurer's denial reason exactly as written. Type or paste it here; it is kept when you re-run." },
    { cell: a1(0, PC.approve), text: 'Grey italic text is a suggestion from the Rebuttals sheet. Type over it to make it yours.' },
    {
      cell: a1(0, PC.status),
      text: 'One dated entry per line, oldest first, e.g. "9/03 – spoke to adjuster J. Ruiz, confirmed denial reason; next: send code citation". Add new lines at the end; every entry is also kept on the Status Log sheet.',
    },
    { cell: a1(0, PC.nextStep), text: 'What to do next on each open item, worked out again on every run: the "next: …" of the latest status note, else what the item still lacks. Write "next: …" in a status note to set it.' },
    { cell: a1(0, PC.rf), text: 'Y when the field rep (RF) asked to fight for this item.' },
    { cell: a1(0, PC.reItem), text: "The insurer's (RE) item this line was paired with." },
    { cell: a1(0, PC.override), text: "To pair this item with a different RE item, type the RE item number here; type none to leave it unpaired. Kept when you re-run." },
    { cell: a1(0, PC.key), text: 'Lets a re-run find this row even after sorting. Do not edit.' },
  ];
}

function buildCallBrief(rec: Reconciliation, model: PursueModel, topN: number, today: string): SheetDescription {
  const cols = ['#', 'Item', 'Gap $', 'Reason for denial (as written)', 'Reason to approve', 'Evidence to bring', 'Last status', 'Next step'];
  const g = new SheetGrid(SHEETS.brief, cols.length);
  g.set(0, 0, `Call Brief – top ${topN} items to pursue – ${usDate(today)}`, { bold: true });
  g.desc.merges.push(a1Range(0, 0, 0, cols.length - 1));
  g.set(
    1,
    0,
    `Total gap ${formatMoney(rec.totalGap)} (our RCV ${formatMoney(rec.ours.rcv)} − approved RCV ${formatMoney(rec.theirs.rcv)}); ` +
      `O&P gap ${formatMoney(rec.overheadProfitGap)}; tax gap ${formatMoney(rec.taxGap)}; residual ${formatMoney(rec.residual)} ` +
      `(${rec.status === 'reconciled' ? 'reconciled' : rec.status === 'unverified' ? 'unverified: type the RCVs, see Checks' : 'NOT reconciled: see Checks'}).`,
    { wrap: true },
  );
  g.desc.merges.push(a1Range(1, 0, 1, cols.length - 1));
  const h = 3;
  cols.forEach((c, i) => g.set(h, i, c, { bold: true, fontColor: COLORS.header, fill: COLORS.headerFill, wrap: true, hAlign: 'center' }));
  const ranked = model.ranked.slice(0, topN);
  let r = h + 1;
  for (const row of ranked) {
    const last = row.status.at(-1);
    const name = row.kind === 'op' ? row.name : `${row.label} ${row.name}${row.area ? ` (${row.area})` : ''}`;
    g.set(r, 0, row.priority!.rank, { numberFormat: FMT.integer, hAlign: 'center', bold: true });
    g.set(r, 1, name, { wrap: true });
    g.set(r, 2, dollars(row.gap), { numberFormat: FMT.money, bold: true });
    g.set(r, 3, row.denial, { wrap: true });
    g.set(r, 4, row.approveSuggested ? SUGGESTED_PREFIX + row.approve : row.approve, { wrap: true, italic: row.approveSuggested });
    g.set(r, 5, row.rebuttal ? row.rebuttal.evidence : '', { wrap: true });
    g.set(r, 6, last ? `${usDate(last.date)} – ${last.text}` : '', { wrap: true });
    g.set(r, 7, row.nextStep ?? '', { wrap: true });
    if (row.rfAsked) g.style(r, 1, { bold: true });
    r++;
  }
  if (ranked.length === 0) g.set(r, 1, 'No open item has a gap to pursue.', { italic: true });
  g.desc.columnWidths = [4, 26, 11, 30, 34, 26, 28, 24];
  g.desc.frozenRows = h + 1;
  g.desc.print = { landscape: true, fitToPageWide: true, fitToPageTall: true };
  g.desc.borders.push({ range: a1Range(h, 0, Math.max(h, r - 1), cols.length - 1), edges: ['top', 'bottom', 'left', 'right', 'insideHorizontal', 'insideVertical'], style: 'thin', color: COLORS.border });
  return g.finish();
}

function buildStatusLog(state: PursueState, order: string[]): SheetDescription {
  const g = new SheetGrid(SHEETS.log, LOG_COLUMNS.length);
  LOG_COLUMNS.forEach((c, i) => g.set(0, i, c, { bold: true, fontColor: COLORS.header, fill: COLORS.headerFill }));
  const all: Array<{ item: string; e: StatusEntry; id: string }> = [];
  const items = Object.keys(state.items).sort(compareItems);
  for (const item of items) for (const e of state.items[item]!.status) all.push({ item, e, id: entryIdentity(item, e) });
  // Rows the workbook already had keep their places; anything new goes after them, oldest first.
  const pending = new Map<string, Array<(typeof all)[number]>>();
  for (const x of all) pending.set(x.id, [...(pending.get(x.id) ?? []), x]);
  const ordered: typeof all = [];
  for (const id of order) {
    const list = pending.get(id);
    if (list && list.length > 0) ordered.push(list.shift()!);
  }
  const rest = [...pending.values()].flat().sort((a, b) => (a.e.timestamp < b.e.timestamp ? -1 : a.e.timestamp > b.e.timestamp ? 1 : 0));
  ordered.push(...rest);
  let r = 1;
  for (const { item, e } of ordered) {
    // Real dates in US format; the read-back turns them back into the same ISO text, so rows keep their identity.
    g.set(r, LC.timestamp, isoToSerial(e.timestamp) ?? e.timestamp, { numberFormat: DATE_FMT.timestamp, hAlign: 'left' });
    g.set(r, LC.date, isoToSerial(e.date) ?? e.date, { numberFormat: DATE_FMT.date, hAlign: 'left' });
    g.set(r, LC.item, item, { hAlign: 'center' });
    g.set(r, LC.author, e.author);
    g.set(r, LC.text, e.text, { wrap: true });
    g.set(r, LC.missing, e.missing.length > 0 ? `missing: ${e.missing.join(', ')}` : '', { fontColor: COLORS.badText });
    r++;
  }
  g.desc.columnWidths = [20, 11, 8, 16, 70, 26];
  g.desc.frozenRows = 1;
  g.desc.filter = a1Range(0, 0, Math.max(1, r - 1), LOG_COLUMNS.length - 1);
  g.desc.print = { landscape: true, fitToPageWide: true, fitToPageTall: false, repeatRows: 1 };
  g.desc.notes.push({
    cell: a1(0, LC.text),
    text: 'Append-only: add new entries in new rows at the bottom (Date, Item, Author, Entry). Earlier rows are never changed or removed.',
  });
  return g.finish();
}

function buildTopics(rec: Reconciliation, state: PursueState): SheetDescription {
  const g = new SheetGrid(SHEETS.topics, TOPIC_COLUMNS.length);
  TOPIC_COLUMNS.forEach((c, i) => g.set(0, i, c, { bold: true, fontColor: COLORS.header, fill: COLORS.headerFill }));
  const gaps: Record<string, Cents> = {};
  for (const l of rec.lines) gaps[l.ours.item] = l.gap;
  let r = 1;
  for (const t of state.topics) {
    g.set(r, TC.name, t.name);
    g.set(r, TC.items, t.items.join(', '));
    g.set(r, TC.gap, dollars(topicGap(t, gaps)), { numberFormat: FMT.money });
    g.set(r, TC.state, t.state, { hAlign: 'center', bold: t.state === 'accepted' });
    r++;
  }
  g.desc.columnWidths = [24, 24, 12, 12];
  g.desc.frozenRows = 1;
  g.desc.validations.push({
    range: a1Range(1, TC.state, Math.max(r, 1) + 50, TC.state),
    list: ['suggested', 'accepted', 'refused'],
    allowBlank: true,
    message: 'Type accepted to combine these items into one row on Pursue Items, refused to keep them apart.',
  });
  g.desc.notes.push({
    cell: a1(0, TC.state),
    text: 'accepted = combine the items into one row on Pursue Items at the next run; refused = keep them apart. Add your own topic in a new row (name, item numbers, accepted).',
  });
  return g.finish();
}

function textSheet(name: string, rows: (string | number | null)[][], widths: number[], note: string | null): SheetDescription {
  const cols = Math.max(1, ...rows.map((r) => r.length));
  const g = new SheetGrid(name, cols);
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (r === 0) g.set(r, c, v === null ? null : String(v), { bold: true, fontColor: COLORS.header, fill: COLORS.headerFill, wrap: true });
      // Rebuttal and weight cells are text a person edits; numbers stay numbers.
      else g.set(r, c, v, { wrap: true });
    }),
  );
  g.desc.columnWidths = Array.from({ length: cols }, (_, i) => widths[i] ?? 16);
  g.desc.frozenRows = 1;
  if (note) g.desc.notes.push({ cell: 'A1', text: note });
  return g.finish();
}

/**
 * The Priority sheet: the settings table (Setting, Value, What it means) above the denial-type table
 * (Denial type, Effort, Chance, Points). "What it means" spans the columns the second table needs
 * for its numbers, so the sentences read in one wide cell and the numbers sit in narrow ones.
 */
function buildPriority(rows: (string | number | null)[][]): SheetDescription {
  const WIDE = 4; // last column a meaning spans (C to E)
  const g = new SheetGrid(SHEETS.priority, WIDE + 1);
  const head = { bold: true, fontColor: COLORS.header, fill: COLORS.headerFill, wrap: true };
  let inSettings = true;
  rows.forEach((row, r) => {
    const blank = row.every((v) => v === '' || v === null);
    if (blank) {
      inSettings = false;
      return;
    }
    const isHeader = r === 0 || (typeof row[0] === 'string' && row[0] === WEIGHT_CATEGORY_HEADERS[0]);
    const onlyText = row.slice(1).every((v) => v === '' || v === null);
    if (onlyText && !isHeader) {
      // The explanation sentence: one wide wrapped cell across the sheet.
      g.set(r, 0, row[0] ?? null, { wrap: true, italic: true });
      g.desc.merges.push(a1Range(r, 0, r, WIDE));
      return;
    }
    row.forEach((v, c) => g.set(r, c, v === '' ? null : v, isHeader ? head : { wrap: true }));
    if (inSettings && row.length === 3) {
      if (isHeader) for (let c = 3; c <= WIDE; c++) g.set(r, c, null, head);
      g.desc.merges.push(a1Range(r, 2, r, WIDE));
    }
  });
  g.desc.columnWidths = [30, 12, 16, 10, 60];
  g.desc.frozenRows = 1;
  g.desc.notes.push({ cell: 'A1', text: 'The priority weights: edit any value, effort or chance. A re-run ranks the items with your weights.' });
  return g.finish();
}

/** Checks that find something to argue or look at, not something wrong with the figures. */
const ADVISORY_CHECKS = new Set(['price-list', 'inside-waste', 'op-denied']);

/** A message written for the CLI, in the workbook's words (no command-line flags). */
function workbookWords(text: string): string {
  // Most messages name no flag: one scan instead of a regex replace (the Checks sheet has thousands).
  if (!text.includes('(--')) return text;
  return text.replace(/\s*\(--[a-z-]+\)/g, '');
}

/**
 * The Checks sheet in plain words. Status is used honestly: fail = the figures do not add up;
 * warning = something to fix or check before relying on the result; note = worth knowing;
 * to do = what to get before the next call; pass = checked and fine. Each finding is listed once,
 * under a label a person understands (never an internal code).
 */
function buildChecks(rec: Reconciliation, today: string, warnings: Array<{ item: string; message: string }>, model: PursueModel): SheetDescription {
  const cols = ['Status', 'Check', 'What was found and what to do'];
  const g = new SheetGrid(SHEETS.checks, cols.length);
  cols.forEach((c, i) => g.set(0, i, c, { bold: true, fontColor: COLORS.header, fill: COLORS.headerFill }));
  let r = 1;
  const seen = new Set<string>();
  const add = (status: 'pass' | 'note' | 'warning' | 'fail' | 'to do', what: string, detail: string): void => {
    const text = workbookWords(detail);
    const key = text.replace(/\s+/g, ' ').trim().toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    const fill = status === 'fail' ? COLORS.bad : status === 'warning' || status === 'to do' ? COLORS.warn : status === 'pass' ? COLORS.good : null;
    g.set(r, 0, status, { fill, hAlign: 'center', bold: status === 'fail' });
    g.set(r, 1, what, { wrap: true });
    g.set(r, 2, text, { wrap: true });
    r++;
  };
  const checkStatus = (c: Reconciliation['checks'][number]): 'pass' | 'note' | 'warning' | 'fail' => {
    if (c.id === 'residual' && rec.status === 'unverified') return 'warning';
    if (c.status === 'pass') return 'pass';
    if (c.status === 'not-run') return 'note';
    return ADVISORY_CHECKS.has(c.id) ? 'warning' : 'fail';
  };
  // Failures and warnings first, then notes and passes: what needs a person comes to the top.
  const order = { fail: 0, warning: 1, note: 2, pass: 3 } as const;
  const checks = rec.checks.map((c) => ({ c, st: checkStatus(c) })).sort((a, b) => order[a.st] - order[b.st]);
  for (const { c, st } of checks.filter((x) => x.st !== 'pass' && x.st !== 'note')) add(st, c.label, c.detail);
  const sideName = (side: string): string => (side === 'ours' ? 'Our estimate' : side === 'theirs' ? "Insurer's estimate" : 'Both estimates');
  const problems = [...rec.problems].sort((a, b) => ({ error: 0, warning: 1, info: 2 })[a.severity] - ({ error: 0, warning: 1, info: 2 })[b.severity]);
  for (const p of problems) {
    // A row read from a PDF is named where it is on paper: its row as read is shown nowhere.
    const where = p.place
      ? `${sideName(p.side)}, ${p.place}`
      : p.row === null
        ? sideName(p.side)
        : `${p.side === 'ours' ? 'Our paste' : p.side === 'theirs' ? "Insurer's paste" : 'Both pastes'}, row ${p.row}`;
    add(p.severity === 'error' ? 'fail' : p.severity === 'warning' ? 'warning' : 'note', where, p.message);
  }
  for (const w of warnings) add('warning', w.item === '' ? 'Workbook' : w.item === OP_ITEM ? 'O&P row' : w.item === TAX_ITEM ? 'Tax row' : `Item ${w.item}`, w.message);
  // The suggestion the readiness message mentions is shown only where a row has one.
  const suggested = new Set(model.rows.filter((x) => x.approveSuggested).flatMap((x) => x.items));
  for (const i of readiness(model, { ...READINESS_DEFAULTS, today })) {
    const msg = i.message.replace(/\s*\(the Rebuttals sheet has a suggestion\)/, suggested.has(i.item) ? ' (a suggestion is shown in grey on Pursue Items: make it yours)' : '');
    add('to do', `${i.item === OP_ITEM ? 'O&P row' : `Item ${i.item}`} (${formatMoney(i.gap)})`, msg);
  }
  for (const { c, st } of checks.filter((x) => x.st === 'pass' || x.st === 'note')) add(st, c.label, c.detail);
  if (r === 1) add('pass', 'Nothing to check', 'No check ran and no problem was found.');
  g.desc.columnWidths = [10, 40, 90];
  g.desc.frozenRows = 1;
  g.desc.filter = a1Range(0, 0, r - 1, cols.length - 1);
  g.desc.print = { landscape: true, fitToPageWide: true, fitToPageTall: false, repeatRows: 1 };
  return g.finish();
}

/** The whole Pursue workbook as a host-independent description ("Pursue Items" first). */
export function buildWorkbook(rec: Reconciliation, state: PursueState, opts: BuildOptions): WorkbookDescription {
  const topN = opts.topN ?? 10;
  const highlightN = opts.highlightN ?? 5;
  const model = opts.model ?? pursueModel(rec, state);
  const pursue = buildPursueSheet(rec, state, model.rows, highlightN);
  const rebuttalRows = rebuttalsToRows(state.rebuttals);
  const weightRows = weightsToRows(state.weights);
  return {
    sheets: [
      pursue.sheet,
      buildCallBrief(rec, model, topN, opts.today),
      buildStatusLog(state, opts.statusOrder ?? []),
      buildTopics(rec, state),
      textSheet(SHEETS.rebuttals, rebuttalRows, [16, 24, 14, 50, 40, 40], 'The rebuttal library: edit any text, or add a row. A re-run keeps your edits.'),
      // The rows already end with the explanation sentence; the note says how to use the sheet instead.
      buildPriority(weightRows as (string | number | null)[][]),
      buildChecks(rec, opts.today, opts.warnings ?? [], model),
    ],
  };
}
