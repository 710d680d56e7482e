import type { Cell, Rows } from '../types/cells';
import { emptyRecap, type EstimateLine, type ParsedEstimate, type PrintedTotal, type Side } from '../types/estimate';
import type { Cents } from '../types/money';
import type { Problem } from '../types/problem';
import { blankRawLine, checkDuplicateItems, finishLine, type RawLine } from './line';
import { columnOf, normaliseHeader, type Field, type HeaderRow } from './header';
import { cellMoney, cellNumber, MAX_CENTS, normaliseUnit, readQtyUnit, readQuantity } from './numbers';
import { extension, formatMoney } from '../money';
import { completeRecap, readRecapLabel, setRecap } from './recap';
import { cellText, isBlankRow, rawCellText } from './rows';
import { compactRanges, looksLikeHeading, looksLikeNote, readPriceList, SkippedRows } from './text-kinds';

const TOTALS_LABEL = /^(line item )?totals?\b|^grand total|^totals?:/i;

interface SideColumns {
  item: number | null;
  /** Group / Building / Structure: the first part of the area path ("Bldg 3 › Roof"). */
  group: number | null;
  area: number | null;
  description: number | null;
  qty: number | null;
  unit: number | null;
  unitPrice: number | null;
  remove: number | null;
  replace: number | null;
  tax: number | null;
  overheadProfit: number | null;
  /** A "Profit" column beside "Overhead": added to it. */
  profit: number | null;
  rcv: number | null;
  amount: number | null;
  depreciation: number | null;
  acv: number | null;
  note: number | null;
}

function sideColumns(h: HeaderRow, side: Side | null): SideColumns {
  const shared = (f: Field) => columnOf(h, f, null);
  const own = (f: Field) => (side === null ? columnOf(h, f, null) : columnOf(h, f, side) ?? null);
  const cols: SideColumns = {
    item: shared('item'),
    group: shared('group'),
    area: shared('area'),
    description: shared('description'),
    qty: own('qty'),
    unit: side === null ? shared('unit') : columnOf(h, 'unit', side) ?? shared('unit'),
    unitPrice: own('unitPrice'),
    remove: own('remove'),
    replace: own('replace'),
    tax: own('tax'),
    overheadProfit: own('overheadProfit'),
    profit: own('profit'),
    rcv: own('rcv'),
    amount: own('amount'),
    depreciation: own('depreciation'),
    acv: own('acv'),
    note: shared('note'),
  };
  // "Replace" alone is the unit price; with "Remove" beside it the unit price is their sum.
  if (cols.unitPrice === null && cols.replace !== null && cols.remove === null) {
    cols.unitPrice = cols.replace;
    cols.replace = null;
  }
  return cols;
}

const FIGURE_FIELDS = ['qty', 'unitPrice', 'remove', 'replace', 'rcv', 'amount'] as const;

function hasFigures(row: Cell[], cols: SideColumns): boolean {
  return FIGURE_FIELDS.some((f) => {
    const i = cols[f];
    return i !== null && cellText(row[i]) !== '' && cellMoney(row[i]) !== null;
  });
}

interface TableContext {
  side: Side;
  problems: Problem[];
  european: boolean;
}

/** A money cell: cents, null when empty, 'bad' when it holds something that is not money. */
function money(row: Cell[], i: number | null, ctx: TableContext, r: number, what: string, bad?: string[]): Cents | null {
  if (i === null) return null;
  const text = cellText(row[i]);
  if (text === '') return null;
  const m = cellMoney(row[i]);
  if (!m || Math.abs(m.cents) > MAX_CENTS) {
    if (bad) bad.push(`${what} "${text.slice(0, 40)}"`);
    else {
      ctx.problems.push({
        side: ctx.side, row: r, severity: 'warning', code: 'bad-figure',
        message: `Row ${r}: ${what} "${text.slice(0, 40)}" is not a usable amount; it is ignored. Correct the cell and run again.`,
      });
    }
    return null;
  }
  if (m.european) ctx.european = true;
  return m.cents;
}

/** The line's O&P: its O&P column, or Overhead + Profit where they are printed apart. */
function overheadProfit(row: Cell[], cols: SideColumns, ctx: TableContext, r: number): Cents | null {
  const op = money(row, cols.overheadProfit, ctx, r, 'O&P');
  const profit = money(row, cols.profit, ctx, r, 'profit');
  return op === null && profit === null ? null : (op ?? 0) + (profit ?? 0);
}

/** The quantity that makes qty × price = total exactly (to 4 decimals), or null. */
function solveQty(price: Cents, total: Cents): number | null {
  if (price === 0) return null;
  // Estimates print quantities to two decimals; a quotient that needs more is not a quantity.
  const q = Math.round((total / price) * 100) / 100;
  return q !== 0 && extension(q, price) === total ? q : null;
}

/** Reads one side's line from a table row; null when the row holds no figures for that side. */
/**
 * A table with no unit price column has every price rebuilt from total ÷ quantity: that is one fact
 * about the paste, said once with its rows, not a warning per line.
 */
function collapseDerivedPrices(problems: Problem[], side: Side): void {
  const derived = problems.filter((p) => p.code === 'unit-price-derived' && p.side === side);
  if (derived.length < 2) return;
  const rows = derived.map((p) => p.row).filter((r): r is number => r !== null);
  const keep = problems.filter((p) => !derived.includes(p));
  problems.length = 0;
  problems.push(...keep, {
    side, row: null, severity: 'info', code: 'unit-price-derived',
    message: `${derived.length} lines have no unit price (rows ${compactRanges(rows)}): each price is the line's total ÷ its quantity, so the quantity and price parts of those gaps rest on it.`,
  });
}

/**
 * In a comparison, an insurer side that approves nothing (no quantity, no total or $0.00) is a denial: the RE
 * has no such line, so the gap is the whole of ours and its kind is "denied", not a price cut.
 */
function deniedToNull(read: RawLine | null | 'refused', row: Cell[], cols: SideColumns): RawLine | null | 'refused' {
  if (read === null || read === 'refused') return read;
  const total = read.amount ?? read.rcv ?? null;
  const qtyText = cols.qty !== null ? cellText(row[cols.qty]) : '';
  const noQuantity = qtyText === '' || read.qty === 0;
  return (total === null || total === 0) && noQuantity ? null : read;
}

function readLine(row: Cell[], r: number, cols: SideColumns, area: string, ctx: TableContext): RawLine | null | 'refused' {
  if (!hasFigures(row, cols)) return null;
  const raw = blankRawLine(r);
  raw.item = cols.item !== null ? cellText(row[cols.item]) : '';
  const group = cols.group !== null ? cellText(row[cols.group]) : '';
  const room = cols.area !== null ? cellText(row[cols.area]) : '';
  raw.area = group && room ? `${group} › ${room}` : group || room || area;
  raw.description = cols.description !== null ? rawCellText(row[cols.description]) : '';
  let unit = cols.unit !== null ? cellText(row[cols.unit]) : '';
  const bad: string[] = [];
  raw.unitPrice = money(row, cols.unitPrice, ctx, r, 'unit price', bad);
  const badPrice = bad.length > 0;
  raw.remove = money(row, cols.remove, ctx, r, 'remove price');
  raw.replace = money(row, cols.replace, ctx, r, 'replace price');
  raw.tax = money(row, cols.tax, ctx, r, 'tax');
  raw.overheadProfit = overheadProfit(row, cols, ctx, r);
  const badBefore = bad.length;
  raw.rcv = money(row, cols.rcv, ctx, r, 'total', bad);
  raw.amount = money(row, cols.amount, ctx, r, 'amount', bad);
  const badTotal = bad.length > badBefore;
  raw.depreciation = money(row, cols.depreciation, ctx, r, 'depreciation');
  raw.acv = money(row, cols.acv, ctx, r, 'ACV');
  const total = raw.amount ?? (raw.rcv !== null ? raw.rcv - (raw.tax ?? 0) - (raw.overheadProfit ?? 0) : null);
  const price = raw.unitPrice ?? (raw.remove !== null || raw.replace !== null ? (raw.remove ?? 0) + (raw.replace ?? 0) : null);
  const warn = (code: string, message: string) => ctx.problems.push({ side: ctx.side, row: r, severity: 'warning', code, message });
  const refuse = (message: string): 'refused' => {
    ctx.problems.push({ side: ctx.side, row: r, severity: 'error', code: 'bad-figure', message });
    return 'refused';
  };
  let qtyKnown = true;
  if (cols.qty !== null) {
    const qtyCell = row[cols.qty];
    const qtyText = cellText(qtyCell);
    const q = qtyText === '' ? null : readQuantity(qtyCell);
    const qu = q && !q.ok ? readQtyUnit(qtyText) : null;
    if (q && q.ok) {
      raw.qty = q.value;
      if (q.european) ctx.european = true;
      if (q.note) warn('bad-figure', `Row ${r}: quantity ${q.note} read as ${q.value}. Check it.`);
    } else if (qu) {
      raw.qty = qu.qty;
      if (!unit) unit = qu.unit;
    } else if (q && !q.ok) {
      // Rebuilt only when price and total agree on one quantity; never a silent 1.
      const solved = price !== null && total !== null && !badPrice && !badTotal ? solveQty(price, total) : null;
      const why = q.reason === 'excel-error' ? `is an Excel error value` : q.reason === 'implausible' ? 'is implausibly large' : 'is not a number';
      if (solved === null) {
        return refuse(`Row ${r}: quantity "${q.text.slice(0, 40)}" ${why}, and the price and total do not settle it; the line is left out. Correct the cell and run again.`);
      }
      raw.qty = solved;
      warn('figure-rebuilt', `Row ${r}: quantity "${q.text.slice(0, 40)}" ${why}; ${solved} is used because total ${formatMoney(total!)} ÷ price ${formatMoney(price!)} gives exactly that. Check it.`);
    } else {
      qtyKnown = false;
      const solved = price !== null && total !== null && total !== price ? solveQty(price, total) : null;
      raw.qty = solved ?? 1;
    }
  } else {
    raw.qty = 1;
  }
  if (badPrice) {
    const p = qtyKnown && total !== null && raw.qty !== 0 ? Math.round(total / raw.qty) : null;
    if (p === null || extension(raw.qty, p) !== total || badTotal) {
      return refuse(`Row ${r}: ${bad[0]} is not a usable amount, and quantity and total do not settle it; the line is left out. Correct the cell and run again.`);
    }
    raw.unitPrice = p;
    warn('figure-rebuilt', `Row ${r}: ${bad[0]} is not a usable amount; ${formatMoney(p)} is used because total ÷ quantity gives exactly that. Check it.`);
  } else if (badTotal) {
    if (price === null) return refuse(`Row ${r}: ${bad[0]} is not a usable amount and there is no price to rebuild it from; the line is left out.`);
    warn('figure-rebuilt', `Row ${r}: ${bad.join(', ')} is not a usable amount; quantity × price is used instead. Check it.`);
  }
  raw.unit = unit ? normaliseUnit(unit) ?? unit.toUpperCase() : '';
  if (cols.note !== null && cellText(row[cols.note]) !== '') raw.note = rawCellText(row[cols.note]);
  return raw;
}

const NO_LABEL: { label: string; figures: Array<{ col: number; cents: Cents }> } = { label: '', figures: [] };

/** The text of a row's first non-empty cell and the last money figure in it. */
function labelAndFigures(row: Cell[]): { label: string; figures: Array<{ col: number; cents: Cents }> } {
  let label = '';
  const figures: Array<{ col: number; cents: Cents }> = [];
  for (let c = 0; c < row.length; c++) {
    const t = cellText(row[c]);
    if (t === '') continue;
    const m = cellMoney(row[c]);
    if (m && /\d/.test(t)) figures.push({ col: c, cents: m.cents });
    else if (label === '') label = t;
  }
  return { label, figures };
}

export interface TableResult {
  ours: ParsedEstimate;
  theirs: ParsedEstimate | null;
  /** Side-by-side: our item → insurer item on the same row. */
  pairs: Record<string, string>;
}

/**
 * A header-row table: an export (any column order, synonym headers), a rough draft
 * (REMOVE + REPLACE), or a side-by-side comparison with our and the insurer's columns.
 */
type Figures = Array<{ col: number; cents: Cents }>;

/** What reading a table builds up, row by row (both sides for a side-by-side comparison). */
interface TableRead {
  header: HeaderRow;
  sbs: boolean;
  side: Side;
  ourCols: SideColumns;
  theirCols: SideColumns | null;
  sides: Side[];
  problems: Problem[];
  ctx: Record<Side, TableContext>;
  lines: Record<Side, EstimateLine[]>;
  recaps: Record<Side, ParsedEstimate['recap']>;
  totals: Record<Side, PrintedTotal[]>;
  pairs: Record<string, string>;
  skipped: SkippedRows;
  priceList: Record<Side, string | null>;
  area: string;
  lastLine: EstimateLine | null;
  theirOrdinal: number;
}

/** One row as the steps see it: its cells, its description and item text, its label and loose figures. */
interface RowView {
  row: Cell[];
  r: number;
  desc: string;
  itemText: string;
  hasQty: boolean;
  label: string;
  figures: Figures;
}

export function parseTable(rows: Rows, header: HeaderRow, side: Side): TableResult {
  const st = newTableRead(header, side);
  readPreamble(st, rows);
  const isRepeatedHeader = repeatedHeaderTest(st, rows);
  for (let i = header.rowIndex + 1; i < rows.length; i++) {
    const row = rows[i];
    if (isBlankRow(row) || isRepeatedHeader(row)) continue;
    const v = viewRow(st, row, i + 1);
    if (areaSubtotalRow(st, v) || recapRow(st, v) || totalsRow(st, v) || lineRow(st, v) || noteRow(st, v) || textRow(st, v)) continue;
    st.problems.push({
      side: st.sbs ? 'both' : side, row: v.r, severity: 'warning', code: 'row-not-understood',
      message: `Row ${v.r} ("${row.map(cellText).filter(Boolean).join(' | ').slice(0, 80)}") is not a line item, a total or a recap line; it is left out. Check it.`,
    });
  }
  return finishTable(st, rows);
}

function newTableRead(header: HeaderRow, side: Side): TableRead {
  const sbs = !!header.sideBySide;
  const problems: Problem[] = [];
  return {
    header, sbs, side, problems,
    ourCols: sideColumns(header, sbs ? 'ours' : null),
    theirCols: sbs ? sideColumns(header, 'theirs') : null,
    sides: sbs ? ['ours', 'theirs'] : [side],
    ctx: { ours: { side: sbs ? 'ours' : side, problems, european: false }, theirs: { side: 'theirs', problems, european: false } },
    lines: { ours: [], theirs: [] },
    recaps: { ours: emptyRecap(), theirs: emptyRecap() },
    totals: { ours: [], theirs: [] },
    pairs: {},
    skipped: new SkippedRows(),
    priceList: { ours: null, theirs: null },
    area: '',
    lastLine: null,
    theirOrdinal: 0,
  };
}

/** Rows above the header: the price list if printed; the rest is reported as left out. */
function readPreamble(st: TableRead, rows: Rows): void {
  for (let i = 0; i < st.header.rowIndex; i++) {
    const t = rows[i].map(cellText).join(' ').trim();
    const pl = readPriceList(t);
    if (pl) for (const s of st.sides) st.priceList[s] = st.priceList[s] ?? pl;
    if (t !== '') st.skipped.add(i + 1, t);
  }
}

/** A repeated header (a page break in a PDF-to-Excel table); checked cheaply on the description cell first. */
function repeatedHeaderTest(st: TableRead, rows: Rows): (row: Cell[]) => boolean {
  const headerKey = rows[st.header.rowIndex].map((c) => normaliseHeader(cellText(c))).join('|');
  const headerDesc = st.ourCols.description ?? st.header.columns[0]?.index ?? null;
  const headerDescText = headerDesc === null ? '' : normaliseHeader(cellText(rows[st.header.rowIndex][headerDesc]));
  return (row) => headerDesc !== null && normaliseHeader(cellText(row[headerDesc])) === headerDescText && row.map((c) => normaliseHeader(cellText(c))).join('|') === headerKey;
}

function viewRow(st: TableRead, row: Cell[], r: number): RowView {
  const { ourCols, theirCols } = st;
  const hasQty = (ourCols.qty !== null && cellNumber(row[ourCols.qty]) !== null) || (theirCols?.qty != null && cellNumber(row[theirCols.qty]) !== null);
  // A row with a quantity is a line: its label and loose figures are only needed otherwise.
  const { label, figures } = hasQty ? NO_LABEL : labelAndFigures(row);
  return {
    row, r, hasQty, label, figures,
    desc: ourCols.description !== null ? cellText(row[ourCols.description]) : '',
    itemText: ourCols.item !== null ? cellText(row[ourCols.item]) : '',
  };
}

/**
 * "Subtotal  $1,234.56" right under an area's lines totals that area (as the text reader reads a
 * fixed-width table); elsewhere it is the recap's subtotal.
 */
function areaSubtotalRow(st: TableRead, v: RowView): boolean {
  if (st.sbs || !st.lastLine || v.figures.length !== 1 || !/^sub ?total:?$/i.test(v.label)) return false;
  st.totals[st.side].push({ area: st.area, row: v.r, amount: null, tax: null, overheadProfit: null, rcv: v.figures[0].cents });
  st.lastLine = null;
  return true;
}

function isTotalsRow(v: RowView): boolean {
  return (TOTALS_LABEL.test(v.desc) || TOTALS_LABEL.test(v.itemText) || TOTALS_LABEL.test(v.label)) && !v.hasQty;
}

/** A recap row: a label we know and a figure (in a comparison, the column says whose it is). */
function recapRow(st: TableRead, v: RowView): boolean {
  const recap = v.label && !v.hasQty ? readRecapLabel(v.label) : null;
  if (!recap || v.figures.length === 0) return false;
  // "Line Item Total $1,234.56" with its one figure outside the tax, O&P and taxed-total columns
  // is the recap's line, as in page text; with those columns filled it is the table's totals row.
  const cols = st.ourCols;
  const lone = v.figures.length === 1 ? v.figures[0].col : null;
  const oneTotal = !st.sbs && lone !== null && lone !== cols.tax && lone !== cols.overheadProfit && !(lone === cols.rcv && (cols.tax !== null || cols.overheadProfit !== null));
  if (isTotalsRow(v) && recap.field === 'lineItemTotal' && !oneTotal) return false;
  if (recap.field) {
    const fig = v.figures[v.figures.length - 1];
    const s: Side = st.sbs ? recap.side ?? sideOfColumn(st.header, fig.col) : st.side;
    setRecap(st.recaps[s], recap.field, fig.cents);
  }
  st.lastLine = null;
  return true;
}

/** "Totals: Roof" or "Line Item Totals" under the line columns: each side's printed totals. */
function totalsRow(st: TableRead, v: RowView): boolean {
  if (!isTotalsRow(v)) return false;
  for (const s of st.sides) {
    const cols = st.sbs && s === 'theirs' ? st.theirCols! : st.ourCols;
    const totalsArea = /^totals?:\s*(.+)$/i.exec(v.desc || v.label)?.[1]?.trim() ?? '';
    st.totals[s].push({
      area: /^line item/i.test(v.desc || v.label) ? '' : totalsArea,
      row: v.r,
      amount: money(v.row, cols.amount, st.ctx[s], v.r, 'amount'),
      tax: money(v.row, cols.tax, st.ctx[s], v.r, 'tax'),
      overheadProfit: overheadProfit(v.row, cols, st.ctx[s], v.r),
      rcv: money(v.row, cols.rcv, st.ctx[s], v.r, 'total'),
    });
  }
  st.lastLine = null;
  return true;
}

/** A line item (ours, the insurer's, or both on a side-by-side row); a refused row is reported by readLine. */
function lineRow(st: TableRead, v: RowView): boolean {
  const ours = readLine(v.row, v.r, st.ourCols, st.area, st.ctx.ours);
  const theirs = st.theirCols ? deniedToNull(readLine(v.row, v.r, st.theirCols, st.area, st.ctx.theirs), v.row, st.theirCols) : null;
  if (ours === 'refused' || theirs === 'refused') {
    if (theirs === 'refused' && st.theirCols) st.theirOrdinal += 1;
    return true;
  }
  if (!ours && !theirs) return false;
  const ourLine = ours ? finishLine(ours, st.ctx.ours.side, st.problems) : null;
  let theirLine: EstimateLine | null = null;
  if (theirs && st.theirCols) {
    st.theirOrdinal += 1;
    theirs.item = String(st.theirOrdinal); // a comparison prints no insurer line numbers
    theirLine = finishLine(theirs, 'theirs', st.problems);
  }
  if (ourLine) keepOurLine(st, ourLine, v.r);
  if (theirLine) {
    st.lines.theirs.push(theirLine);
    if (ourLine) st.pairs[ourLine.item] = theirLine.item;
    else st.lastLine = theirLine; // an insurer-only row: a note under it is the insurer's
  }
  return true;
}

/** Our line, numbered by its position when the paste gives it no item number (said, when there is a column for it). */
function keepOurLine(st: TableRead, line: EstimateLine, r: number): void {
  const side = st.ctx.ours.side;
  if (line.item === '') {
    line.item = String(st.lines[side].length + 1);
    if (st.ourCols.item !== null && !st.sbs) {
      st.problems.push({
        side, row: r, severity: 'warning', code: 'missing-item-number',
        message: `Row ${r} has figures but no item number; numbered ${line.item} by its position. Type the item number in the paste.`,
      });
    }
  }
  st.lines[side].push(line);
  st.lastLine = line;
}

function addNote(line: EstimateLine, text: string): void {
  line.note = line.note ? `${line.note}\n${text}` : text;
}

/** A NOTE row (Xactimate exports: "NOTE" in the item or type column, or "NOTE:" before the text) is the line above's note, kept as pasted. */
function noteRow(st: TableRead, v: RowView): boolean {
  const noteText = noteRowText(v.row, st.ourCols);
  if (noteText === null || v.figures.length > 0) return false;
  if (st.lastLine) addNote(st.lastLine, noteText);
  else st.skipped.add(v.r, noteText);
  return true;
}

/** Text alone in the description column: an area heading or a note under the line above. */
function textRow(st: TableRead, v: RowView): boolean {
  const nonEmpty = v.row.filter((c) => cellText(c) !== '').length;
  const text = v.desc !== '' && nonEmpty === 1 ? v.desc : nonEmpty === 1 && !st.lastLine ? v.label : '';
  if (!text || v.figures.length > 0) return false;
  if (st.lastLine && looksLikeNote(text)) addNote(st.lastLine, text);
  else if (looksLikeHeading(text)) {
    st.area = text;
    st.lastLine = null;
  } else if (st.lastLine) addNote(st.lastLine, text);
  else st.skipped.add(v.r, text);
  return true;
}

/** The whole-table checks, then each side's estimate. */
function finishTable(st: TableRead, rows: Rows): TableResult {
  st.skipped.report(st.problems, st.sbs ? 'both' : st.side);
  for (const s of st.sides) collapseDerivedPrices(st.problems, s);
  for (const s of st.sides) checkCutOff(rows, st.lines[s], st.sbs && s === 'theirs' ? st.theirCols! : st.ourCols, s, st.problems);
  const build = (s: Side): ParsedEstimate => {
    completeRecap(st.recaps[s]);
    if (st.ctx[s].european) {
      st.problems.push({
        side: s, row: null, severity: 'warning', code: 'european-numbers',
        message: 'Some figures were written 1.234,56 and read as 1,234.56. Check the amounts.',
      });
    }
    checkDuplicateItems(st.lines[s], s, st.problems);
    return {
      side: s,
      format: st.sbs ? 'side-by-side' : st.header.roughDraft ? 'rough-draft' : 'header-table',
      lines: st.lines[s],
      recap: st.recaps[s],
      printedTotals: st.totals[s],
      priceList: st.priceList[s],
      problems: st.problems.filter((p) => p.side === s || p.side === 'both'),
      rowCount: rows.length,
    };
  };
  if (st.sbs) return { ours: build('ours'), theirs: build('theirs'), pairs: st.pairs };
  return { ours: build(st.side), theirs: null, pairs: st.pairs };
}

/** Which side a figure belongs to in a side-by-side table: the nearest headed column at or left of it. */
function sideOfColumn(header: HeaderRow, col: number): Side {
  let best: Side = 'ours';
  let bestIndex = -1;
  for (const c of header.columns) {
    if (c.side && c.index <= col && c.index > bestIndex) {
      best = c.side;
      bestIndex = c.index;
    }
  }
  return best;
}

/** The text of a NOTE row, or null. */
function noteRowText(row: Cell[], cols: SideColumns): string | null {
  const item = cols.item !== null ? cellText(row[cols.item]) : '';
  const desc = cols.description !== null ? rawCellText(row[cols.description]) : '';
  if (/^notes?:?$/i.test(item) && desc) return desc;
  const m = /^notes?\s*:\s*([\s\S]+)$/i.exec(desc);
  if (m) return m[1];
  const cells = row.map(cellText).filter((t) => t !== '');
  if (cells.length === 2 && /^notes?:?$/i.test(cells[0])) return cells[1];
  return null;
}

/**
 * A paste that ends inside its last row (the copy stopped short): the row has fewer cells than
 * its figures need, or its printed total is the first digits of qty × price. Said plainly, with
 * the row; qty × price is used for that line.
 */
function checkCutOff(rows: Rows, lines: EstimateLine[], cols: SideColumns, side: Side, problems: Problem[]): void {
  let last = rows.length - 1;
  while (last >= 0 && isBlankRow(rows[last])) last--;
  const line = lines[lines.length - 1];
  if (!line || line.row !== last + 1) return;
  const row = rows[last];
  let cells = row.length;
  while (cells > 0 && cellText(row[cells - 1]) === '') cells--;
  const needed = Math.max(...[cols.qty, cols.unitPrice, cols.rcv, cols.amount].filter((c): c is number => c !== null));
  const computed = extension(line.qty, line.unitPrice);
  const totalCol = cols.amount ?? cols.rcv;
  const totalText = totalCol !== null ? cellText(row[totalCol]).replace(/\D/g, '') : '';
  const computedDigits = String(Math.abs(computed));
  const shortCells = cells <= needed;
  const cutFigure = totalText !== '' && line.amount !== computed && Math.abs(line.amount - computed) > 1 && computedDigits.startsWith(totalText) && totalText.length < computedDigits.length;
  if (!shortCells && !cutFigure) return;
  const r = line.row;
  for (let k = problems.length - 1; k >= 0; k--) {
    if (problems[k].row === r && problems[k].code === 'line-figures-disagree' && problems[k].side === side) problems.splice(k, 1);
  }
  if (cutFigure) {
    line.amount = computed;
    line.rcv = null;
    line.acv = null;
  }
  problems.push({
    side, row: r, severity: 'error', code: 'paste-cut-off',
    message: cutFigure
      ? `Row ${r} (the last) looks cut off: its total reads "${cellText(row[totalCol!])}" where ${line.qty} × ${formatMoney(line.unitPrice)} = ${formatMoney(computed)}, so the paste seems to stop inside it. ${formatMoney(computed)} is used; copy the whole estimate again to be sure.`
      : `Row ${r} (the last) looks cut off: it stops after ${cells} cell(s), before its figures end. The paste seems to stop inside it; ${formatMoney(line.amount)} is used. Copy the whole estimate again to be sure.`,
  });
}
