import { extension, formatMoney, parseMoney } from '../money';
import type { Rows } from '../types/cells';
import type { EstimateLine, ParsedEstimate, PrintedTotal, Side } from '../types/estimate';
import type { Cents } from '../types/money';
import type { Problem } from '../types/problem';
import { blankRawLine, checkDuplicateItems, finishLine, type RawLine } from './line';
import { isFiguresLine, isSubsequence, priceOf, solveRoles, splitFigures, tokenize, type Reading, type Role, type Roles, type SplitLine } from './figures';
import { readRecapLabel, RecapReader } from './recap';
import { rowText } from './rows';
import { compactRanges, looksLikeHeading, readPriceList } from './text-kinds';
import { cleanRoomName, NoiseReport, noiseKind, roomHeight, type NoiseKind } from './noise';

/** Money columns a figures line can carry, in the order an estimate's column header names them. */
type MoneyCol = Role;

// Longer phrases first: "TOTAL O&P" is the O&P column, "UNIT PRICE" one column, "RC" the RCV.
const HEADER_WORDS: Array<[RegExp, MoneyCol | 'qty' | 'description' | 'skip' | 'unit']> = [
  [/^DESCRIP/, 'description'],
  [/^(QUANTITY|QTY|QNTY|QUANT\.?)$/, 'qty'],
  [/^TOTAL O ?& ?P$|^O ?& ?P$|^OVERHEAD$/, 'overheadProfit'],
  [/^TOTAL TAX(ES)?$|^TAX(ES)?$|^SALES TAX$/, 'tax'],
  [/^UNIT (PRICE|COST)$|^PRICE$|^UNIT COST$/, 'unitPrice'],
  [/^RESET$/, 'reset'],
  [/^REMOVE$/, 'remove'],
  [/^REPLACE$/, 'replace'],
  [/^\*?(RCV|RC|TOTAL|REPLACEMENT COST)$/, 'rcv'],
  [/^(EXT|EXTENSION|AMOUNT)$/, 'amount'],
  [/^AGE\/LIFE$|^COND(ITION|\.)?$|^DEP ?%$|^PER$|^UNIT$|^UOM$|^AGE$|^LIFE$/, 'skip'],
  [/^DEPREC(\.|IATION)?$|^\(?DEPREC\.?\)?$/, 'depreciation'],
  [/^ACV$/, 'acv'],
];

// Patterns run on every row, made once (a literal in a function body is a new RegExp object each
// time it runs).
const QUANTITY_WORD = /\b(QUANTITY|QTY|QNTY|QUANT)\b/i;
const LETTER = /[A-Za-z]/;
const DIGIT = /\d/;
const SPACES = /\s+/g;
/** Any whitespace but a lone space. */
const UNEVEN_SPACE = /\s{2,}|[^\S ]/;

/** Runs of whitespace as one space, trimmed; most descriptions are so already, and are kept as they are. */
function oneSpaced(text: string): string {
  return (UNEVEN_SPACE.test(text) ? text.replace(SPACES, ' ') : text).trim();
}

/** A column header line ("DESCRIPTION  QUANTITY  UNIT PRICE  TAX  O&P  RCV") → its money columns. */
export function readColumnHeader(line: string): MoneyCol[] | null {
  if (!QUANTITY_WORD.test(line)) return null;
  const words = line.toUpperCase().replace(/\s+/g, ' ').trim().split(' ');
  const found: Array<MoneyCol | 'qty' | 'description' | 'skip' | 'unit'> = [];
  let unknown = 0;
  for (let k = 0; k < words.length; ) {
    let matched = false;
    // Two-word phrases first ("UNIT PRICE", "TOTAL O&P", "SALES TAX"), then single words.
    for (const len of [2, 1]) {
      if (k + len > words.length) continue;
      const phrase = words.slice(k, k + len).join(' ');
      const hit = HEADER_WORDS.find(([re]) => re.test(phrase));
      if (hit) {
        found.push(hit[1]);
        k += len;
        matched = true;
        break;
      }
    }
    if (!matched) {
      unknown++;
      k++;
    }
  }
  const money = found.filter((f): f is MoneyCol => f !== 'qty' && f !== 'description' && f !== 'skip' && f !== 'unit');
  if (found.length < 3 || money.length < 1 || unknown > found.length) return null;
  // A lone "REPLACE" column is the unit price.
  if (money.includes('replace') && !money.includes('remove') && !money.includes('unitPrice')) {
    money[money.indexOf('replace')] = 'unitPrice';
  }
  return money;
}

// Symbility/Cotality's line: Qty $Price UNIT [$Total] $O&P $Tax $RC $Dep $ACV. Arithmetic cannot
// tell O&P from tax (both add to the RCV), so without a header this order is taken from the unit.
const SYMBILITY_COLUMNS: MoneyCol[] = ['unitPrice', 'amount', 'overheadProfit', 'tax', 'rcv', 'depreciation', 'acv'];

const PERCENT = /^[(<-]?\d[\d,]*(\.\d+)?%[)>]?$/;

function assign(raw: RawLine, values: Roles): void {
  // for-in visits the keys in the order Object.entries gives them, without an array per line.
  for (const k in values) {
    if (k === 'reset') continue;
    const role = k as Exclude<Role, 'reset'>;
    raw[role] = values[role]!;
  }
  if (values.reset !== undefined) {
    // RESET is part of the unit price like REMOVE and REPLACE.
    raw.unitPrice = priceOf(values);
    raw.remove = null;
    raw.replace = null;
  }
}

// "12. Desc", "12) Desc", "10a. Desc", "Line 12 Desc", "Line 12: Desc". A bare number ("12 Desc 1.00
// EA ...", Symbility) counts only when the same line carries figures after a description.
const ITEM_START = /^\s*(?:line\s+(\d{1,5}[a-z]?)[.:)]?|(\d{1,5}[a-z]?)[.)])\s+(\S.*)$/i;
const BARE_ITEM = /^\s*(\d{1,5}[a-z]?)\s+(\D\S*.*)$/i;
const SUBTOTAL_LINE = /^\s*(.*?)\s*-\s*subtotal\b(?:\s*\(\d+\s+items?\))?\s*(.*)$/i;

/** An item's number and the rest of its first line. */
interface ItemStart {
  item: string;
  rest: string;
}

/** The item number and the rest of an item's first line, or null. */
function readItemStart(t: string): ItemStart | null {
  const m = ITEM_START.exec(t);
  if (m) return { item: m[1] ?? m[2], rest: m[3] };
  const b = BARE_ITEM.exec(t);
  if (b) {
    const split = splitFigures(b[2]);
    if (split && split.before !== '' && LETTER.test(split.before)) return { item: b[1], rest: b[2] };
  }
  return null;
}
const TOTALS_LINE = /^\s*(line item totals?|totals?)\s*:?\s*(.*)$/i;
// Sketch text is sometimes run in front of it: "MMaasstteerr BBeeddrroooomm CONTINUED - Master Bedroom".
const CONTINUED = /(?:^|\s)continued\s*[-–:]\s*(.+)$/i;
const PAGE_FURNITURE = /\bpage:?\s*\d+\b|^\s*date:\s*\d|^\s*\d{1,2}\/\d{1,2}\/\d{2,4}\s+\d{1,2}:\d{2}/i;
const DIMENSION_WORDS = /surface area|number of squares|perimeter|ridge length|hip length|valley length|eave length|rake length|sf walls|sf ceiling|sf floor|sy flooring|lf floor|lf ceil|ceiling height|\bheight\b|sf long wall|sf short wall|total area/i;
const RECAP_SECTION = /^\s*(recap by (room|category)|recap of taxes|summary for|coverage\b)/i;

type Kind = 'noise' | 'room' | 'subtotal' | 'blank' | 'header' | 'item' | 'figures' | 'totals' | 'continued' | 'furniture' | 'dimension' | 'recap' | 'text' | 'recap-table';

interface Classified {
  kind: Kind;
  text: string;
  noise?: NoiseKind;
}

/** Trailing figures of a totals line ("Totals: Roof  515.47  4,257.20  26,058.47"). */
function trailingMoney(text: string): { label: string; money: Cents[] } {
  const tokens = tokenize(text);
  const money: Cents[] = [];
  let k = tokens.length - 1;
  for (; k >= 0; k--) {
    const t = tokens[k];
    if (PERCENT.test(t)) continue;
    const m = parseMoney(t);
    if (m === null || !DIGIT.test(t)) break;
    money.unshift(m);
  }
  return { label: tokens.slice(0, k + 1).join(' '), money };
}

/**
 * Text copied from an Xactimate (or carrier) PDF: numbered lines, descriptions that wrap, figures
 * on the same line or the next, room headings, "Totals:" rows, page furniture, notes, the recap.
 */
export function parseXactimateText(rows: Rows, side: Side): ParsedEstimate {
  const lines = rows.map((r) => rowText(r));
  const itemStarts = lines.map((l) => readItemStart(l.trim()));
  const kinds = classifyLines(lines, itemStarts);
  const s = new TextParse(side, kinds, itemStarts, namedAreas(kinds));
  for (let i = 0; i < kinds.length; i++) readRow(s, i);
  s.finish();
  return finishParse(s, rows.length);
}

// Every line is given its kind first, so the reading loop can look ahead at what follows.
function classifyLines(lines: string[], itemStarts: Array<ItemStart | null>): Classified[] {
  const repeated = repeatedHeaderLines(lines, itemStarts);
  let inRecapTable = false;
  return lines.map((l, lineIndex) => {
    const t = l.trim();
    if (t === '') return { kind: 'blank', text: t };
    const room = roomHeight(t);
    // "Subroom: Closet (1) Height: 8'" (sometimes run into sketch text) stays in its room.
    if (room && /room:/i.test(room[1])) return { kind: 'noise', text: t, noise: 'dimension' };
    if (room && cleanRoomName(room[1]) !== '') return { kind: 'room', text: cleanRoomName(room[1]) };
    if (readColumnHeader(t)) {
      inRecapTable = false;
      return { kind: 'header', text: t };
    }
    if (RECAP_SECTION.test(t)) {
      inRecapTable = /^\s*recap (by|of)/i.test(t);
      return { kind: 'furniture', text: t };
    }
    if (inRecapTable) return { kind: trailingMoney(t).money.length > 0 ? 'recap-table' : 'furniture', text: t };
    if (itemStarts[lineIndex]) return { kind: 'item', text: t };
    // Most rows of a carrier layout are figures lines: recognised before the costlier tests.
    if (!inRecapTable && isFiguresLine(t)) return { kind: 'figures', text: t };
    const c = classifyText(t, repeated.has(t));
    // An unnumbered line item starts like a numbered one, with the whole line as its rest.
    if (c.kind === 'item') itemStarts[lineIndex] = { item: '', rest: t };
    return c;
  });
}

// The page header block (text above the first numbered line) is repeated on later pages; lines
// printed on every page (company name, address) are page furniture. Only its lines are counted.
function repeatedHeaderLines(lines: string[], itemStarts: Array<ItemStart | null>): Set<string> {
  const firstItem = itemStarts.findIndex((s) => s !== null);
  const headerBlock = new Set(lines.slice(0, firstItem < 0 ? lines.length : firstItem).map((l) => l.trim()));
  const counts = new Map<string, number>();
  for (const l of lines) {
    const t = l.trim();
    if (t && headerBlock.has(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const repeated = new Set<string>();
  for (const [t, n] of counts) if (n > 1) repeated.add(t);
  return repeated;
}

// A line that is neither a room, header, recap row, numbered item nor figures line: the slower tests.
function classifyText(t: string, repeated: boolean): Classified {
  const noise = noiseKind(t, repeated);
  if (noise && !TOTALS_LINE.test(t)) return { kind: 'noise', text: t, noise };
  const tm = trailingMoney(t);
  if (SUBTOTAL_LINE.test(t) && tm.money.length > 0) return { kind: 'subtotal', text: t };
  // "Subtotal $0.00 $526.57 $18,139.98 ..." under the columns: the whole estimate's totals row.
  if (/^subtotal\b/i.test(t) && tm.money.length > 1 && !/^subtotal\s*:/i.test(t)) return { kind: 'subtotal', text: ` - ${t}` };
  if (CONTINUED.test(t)) return { kind: 'continued', text: t };
  if (PAGE_FURNITURE.test(t)) return { kind: 'furniture', text: t };
  if (tm.money.length === 1 && tm.label && readRecapLabel(tm.label)) return { kind: 'recap', text: t };
  if (TOTALS_LINE.test(t) && tm.money.length > 0) return { kind: 'totals', text: t };
  if (DIMENSION_WORDS.test(t) && DIGIT.test(t)) return { kind: 'dimension', text: t };
  if (tm.money.length > 0 && tm.label && readRecapLabel(tm.label)) return { kind: 'recap', text: t };
  // A line with a description, a quantity and unit, and figures, but no item number: an
  // unnumbered line item (numbered by its order, and said once).
  if (/^[A-Za-z(]/.test(t) && !readRecapLabel(t.replace(/[\d$.,()-]+\s*$/, '').trim())) {
    const split = splitFigures(t);
    if (split && split.run.unit && split.run.qty !== null && /[A-Za-z]{2}/.test(split.before)) return { kind: 'item', text: t };
  }
  return { kind: 'text', text: t };
}

// Area names the paste itself confirms: "Totals: Roof", "Roof - Subtotal", "CONTINUED - Roof",
// "Roof Height: 8'". When there are any, a heading-like line is an area only if it is one of them;
// other capitalised labels between lines ("PRT 6/1", "CHIMNEY:") are labels, not areas.
function namedAreas(kinds: Classified[]): Set<string> {
  const named = new Set<string>();
  kinds.forEach((c) => {
    let name: string | null = null;
    if (c.kind === 'room') name = c.text;
    else if (c.kind === 'continued') name = CONTINUED.exec(c.text)![1];
    else if (c.kind === 'subtotal') name = SUBTOTAL_LINE.exec(c.text)![1];
    else if (c.kind === 'totals') {
      const m = TOTALS_LINE.exec(c.text)!;
      if (!/^line item/i.test(m[1])) name = trailingMoney(m[2] ?? '').label;
    }
    if (name && name.trim()) named.add(areaKey(name));
  });
  return named;
}

/** The line being read: its first row seen, its figures perhaps not yet. */
interface PendingLine {
  raw: RawLine;
  figuresOnStart: boolean;
  hasFigures: boolean;
  noteLines: string[];
  descLines: string[];
}

/** How many figures a line carried, for the cut-off check at the end. */
interface FigureCount {
  line: RawLine;
  row: number;
  count: number;
  hinted: number | null;
}

// A line whose description ends a page and whose figures open the next ("2. Hip / Ridge cap
// ...", footer, "CONTINUED - Roof", column header, "42.00 LF 6.50 ..."): the page break
// must not close it, or the line is left out and its figures reported as a stray row.
const PAGE_BREAK_KINDS = new Set(['blank', 'dimension', 'noise', 'furniture', 'header', 'continued']);

// What the reading loop carries from row to row, shared by the per-kind steps below.
class TextParse {
  readonly problems: Problem[] = [];
  readonly recapReader = new RecapReader();
  readonly printedTotals: PrintedTotal[] = [];
  readonly out: EstimateLine[] = [];
  readonly noiseReport = new NoiseReport();
  readonly rcvSums = new RcvSums();
  // Lines whose printed total is above qty × price with no tax column: a tax-inclusive total
  // ("*TOTAL", rough drafts). Reported once for the whole paste, not once a line.
  readonly taxInclusive: Array<{ row: number; ratio: number; excess: Cents }> = [];
  readonly unnumbered: number[] = [];
  readonly figureCounts: FigureCount[] = [];
  priceList: string | null = null;
  european = false;
  layout: MoneyCol[] | null = null;
  groupStart = 0;
  area = '';
  pendingHeading: string | null = null;
  current: PendingLine | null = null;

  constructor(
    readonly side: Side,
    readonly kinds: Classified[],
    readonly itemStarts: Array<ItemStart | null>,
    readonly named: Set<string>,
  ) {}

  /** The next line that is not blank or a dimension, or null. */
  nextSignificant(i: number): Classified | null {
    for (let j = i + 1; j < this.kinds.length; j++) {
      if (this.kinds[j].kind !== 'blank' && this.kinds[j].kind !== 'dimension') return this.kinds[j];
    }
    return null;
  }

  /** Does the pending line's figures row come after the page break at row i? */
  figuresAfterPageBreak(i: number): boolean {
    if (!this.current || this.current.hasFigures) return false;
    for (let j = i + 1; j < this.kinds.length; j++) {
      if (!PAGE_BREAK_KINDS.has(this.kinds[j].kind)) return this.kinds[j].kind === 'figures';
    }
    return false;
  }

  /** Closes the pending line: out, or said why it is left out. */
  finish(): void {
    if (!this.current) return;
    const c = this.current;
    this.current = null;
    c.raw.description = oneSpaced(c.descLines.join(' '));
    c.raw.note = c.noteLines.length ? c.noteLines.join('\n') : null;
    if (!c.hasFigures) {
      this.problems.push({
        side: this.side, row: c.raw.row, severity: 'error', code: 'line-without-figures',
        message: `Line ${c.raw.item} (row ${c.raw.row}) "${c.raw.description.slice(0, 60)}" has no quantity and price; it is left out. The paste may be cut off: copy the whole line from the estimate.`,
      });
      return;
    }
    const line = finishLine(c.raw, this.side, this.problems);
    if (line) this.out.push(line);
  }

  /** Reads a figures run into the line; false (and said) when the figures fit no reading. */
  applyFigures(raw: RawLine, split: SplitLine, row: number): boolean {
    const fig = split.run;
    const layout = this.layout;
    // With no column header, a unit after the price marks Symbility's columns: O&P before tax.
    const hint = layout ?? (fig.unitAfterPrice ? SYMBILITY_COLUMNS : null);
    // The reading splitFigures just made under this header, else solved here.
    const reading: Reading | null = split.solved && split.solved.hint === hint ? split.solved.reading : solveRoles(fig.qty, fig.money, hint);
    const hinted = reading !== null && layout !== null && isSubsequence(reading.roles, layout);
    if (!reading || (reading.held.length === 0 && reading.failed.length > 0 && !hinted)) {
      this.problems.push({
        side: this.side, row, severity: 'warning', code: 'figures-not-understood',
        message: `Row ${row}: line ${raw.item}'s figures (${fig.qtyText || 'no quantity'} ${fig.unit} ${fig.money.map(formatMoney).join(' ')}) fit none of qty × price = total, total + tax + O&P = RCV or RCV − depreciation = ACV; it is left out. Check the row against the estimate.`,
      });
      return false;
    }
    raw.qty = fig.qty ?? 0;
    raw.unit = fig.unit;
    this.figureCounts.push({ line: raw, row, count: fig.money.length, hinted: layout?.length ?? null });
    if (fig.european) this.european = true;
    assign(raw, reading.values);
    if (!reading.extensionFits && reading.values.tax === undefined && reading.values.amount === undefined && reading.values.rcv !== undefined) {
      const price = priceOf(reading.values);
      const ext = price === null ? null : extension(raw.qty, price);
      if (ext !== null && ext > 0 && reading.values.rcv > ext && reading.values.rcv <= ext * 1.2) {
        this.taxInclusive.push({ row, ratio: reading.values.rcv / ext, excess: reading.values.rcv - ext });
        raw.quietMismatch = true;
      }
    }
    return true;
  }
}

// One row of the paste, by its kind; the longer kinds have their own steps below.
function readRow(s: TextParse, i: number): void {
  const { kind, text } = s.kinds[i];
  const row = i + 1;
  const pl = readPriceList(text);
  if (pl && !s.priceList) s.priceList = pl;
  switch (kind) {
    case 'blank':
      break;
    case 'dimension':
      s.noiseReport.add('dimension', row, text);
      break;
    case 'noise':
      s.noiseReport.add(s.kinds[i].noise!, row, text);
      break;
    case 'room':
      s.finish();
      s.area = text;
      s.pendingHeading = null;
      s.noiseReport.add('dimension', row, text);
      break;
    case 'furniture': {
      const summary = /^\s*summary for\s+(.+?)\s*$/i.exec(text);
      if (summary) s.recapReader.startBlock(summary[1]);
      s.noiseReport.add('furniture', row, text);
      break;
    }
    case 'header':
      if (!s.figuresAfterPageBreak(i)) s.finish();
      s.layout = readColumnHeader(text);
      if (s.pendingHeading) s.area = s.pendingHeading;
      s.pendingHeading = null;
      break;
    case 'continued':
      if (!s.figuresAfterPageBreak(i)) s.finish();
      s.area = CONTINUED.exec(text)![1].trim();
      s.pendingHeading = null;
      break;
    case 'totals':
      readTotals(s, text, row);
      break;
    case 'subtotal':
      readSubtotal(s, text, row);
      break;
    case 'recap':
      readRecap(s, text, row);
      break;
    case 'recap-table':
      s.noiseReport.add('text', row, text);
      break;
    case 'item':
      startItem(s, s.itemStarts[i]!, row);
      break;
    case 'figures':
      readFigures(s, text, row);
      break;
    case 'text':
      readText(s, i, text, row);
      break;
  }
}

// Totals and subtotals rows sum the columns after the price, in the header's order.
function summedColumns(layout: MoneyCol[] | null): MoneyCol[] {
  return (layout ?? (['unitPrice', 'tax', 'overheadProfit', 'rcv'] as MoneyCol[])).filter(
    (c) => c !== 'unitPrice' && c !== 'remove' && c !== 'replace' && c !== 'reset',
  );
}

// "Totals: Roof  515.47  4,257.20  26,058.47" or "Line Item Totals: ...": a printed total.
function readTotals(s: TextParse, text: string, row: number): void {
  s.finish();
  const m = TOTALS_LINE.exec(text)!;
  const { label, money } = trailingMoney(m[2] ?? '');
  const whole = /^line item/i.test(m[1]);
  const summable = summedColumns(s.layout);
  const cols = summable.slice(Math.max(0, summable.length - money.length));
  const get = (c: MoneyCol) => (cols.indexOf(c) >= 0 ? money[cols.indexOf(c)] : null);
  if (!whole && /^total$/i.test(m[1]) && get('rcv') !== null && readGroupTotal(s, text, row, label, get('rcv')!)) return;
  s.printedTotals.push({
    area: whole ? '' : label,
    row,
    amount: get('amount'),
    tax: get('tax'),
    overheadProfit: get('overheadProfit'),
    rcv: get('rcv'),
  });
}

// "Total: Interior" (singular) is also how Xactimate totals a group of rooms. When the room's own
// lines do not make it but every line since the last group total does, it is the group's total:
// checked here, not filed as a room's. True when the row was taken as a group's total.
function readGroupTotal(s: TextParse, text: string, row: number, label: string, rcv: Cents): boolean {
  const { own, lines: ownLines, group } = s.rcvSums.of(s.out, areaKey(label), s.groupStart);
  if (own !== rcv && group === rcv) {
    s.groupStart = s.out.length;
    return true;
  }
  if (own !== rcv && ownLines === 0 && group < rcv) {
    // A group total over rooms of which some never reached the paste (pages cut).
    s.problems.push({
      side: s.side, row, severity: 'warning', code: 'group-total-short',
      message: `"${text.slice(0, 40)}" (row ${row}) prints RCV ${formatMoney(rcv)}, but the lines above it add up to ${formatMoney(group)}: ${formatMoney(rcv - group)} is in rooms that are not in the paste. Pages seem to be missing; paste the whole estimate.`,
    });
    s.groupStart = s.out.length;
    return true;
  }
  if (own !== rcv) s.groupStart = s.out.length;
  return false;
}

// "Roof - Subtotal (20 items) $0.00 $521.95 $17,811.00 $0.00 $17,811.00" (Symbility): the
// columns after the price, i.e. O&P, tax, RC, depreciation, ACV in the header's order.
function readSubtotal(s: TextParse, text: string, row: number): void {
  s.finish();
  const m = SUBTOTAL_LINE.exec(text)!;
  const { money } = trailingMoney(m[2] ?? '');
  const name = m[1].trim();
  if (name === '' && s.printedTotals.some((t) => t.area === '')) return;
  const cols = summedColumns(s.layout);
  const get = (c: MoneyCol): Cents | null => (cols.indexOf(c) >= 0 && cols.length === money.length ? money[cols.indexOf(c)] : null);
  const rcv = get('rcv') ?? (cols.length === money.length ? null : money[money.length - 1] ?? null);
  if (!s.printedTotals.some((t) => t.area.toLowerCase() === name.toLowerCase() && t.rcv === rcv)) {
    s.printedTotals.push({ area: name, row, amount: get('amount'), tax: get('tax'), overheadProfit: get('overheadProfit'), rcv });
  }
}

// A recap row ("Roofing  1,234.56"), or an area's "Subtotal" right under its lines.
function readRecap(s: TextParse, text: string, row: number): void {
  const { label, money } = trailingMoney(text);
  // "Subtotal  $1,234.56" right under an area's lines (fixed-width tables) totals that area;
  // on the recap page it is the recap's subtotal.
  if (s.current !== null && money.length === 1 && /^sub ?total:?$/i.test(label)) {
    s.finish();
    s.printedTotals.push({ area: s.area, row, amount: null, tax: null, overheadProfit: null, rcv: money[0] });
    return;
  }
  s.finish();
  s.recapReader.add(label, money[money.length - 1], row);
}

// A numbered (or unnumbered) line's first row: closes the one before, opens a pending line.
function startItem(s: TextParse, m: ItemStart, row: number): void {
  s.finish();
  const raw = blankRawLine(row);
  raw.item = m.item;
  if (m.item === '') {
    s.unnumbered.push(row);
    raw.item = String(s.out.length + (s.current ? 2 : 1));
  }
  raw.area = s.area;
  const split = splitFigures(m.rest, s.layout);
  const current: PendingLine = { raw, figuresOnStart: false, hasFigures: false, noteLines: [], descLines: [] };
  s.current = current;
  if (split) {
    current.descLines.push(split.before);
    current.hasFigures = s.applyFigures(raw, split, row);
    current.figuresOnStart = true;
  } else {
    current.descLines.push(m.rest);
  }
}

// A row of figures alone: the pending line's, if it has none yet; else a stray row, said.
function readFigures(s: TextParse, text: string, row: number): void {
  const fig = splitFigures(text, s.layout);
  if (fig && s.current && !s.current.hasFigures) {
    s.current.hasFigures = s.applyFigures(s.current.raw, fig, row);
  } else {
    s.problems.push({
      side: s.side, row, severity: 'warning', code: 'row-not-understood',
      message: `Row ${row} ("${text.slice(0, 60)}") has figures but no numbered line above it; it is left out. Copy the line's number and description with it.`,
    });
  }
}

// A row of words: an area, a group label, a line's description or note, a heading, or noise.
function readText(s: TextParse, i: number, text: string, row: number): void {
  const next = s.nextSignificant(i);
  const headingAhead = next !== null && (next.kind === 'header' || next.kind === 'item');
  const asName = text.replace(/:$/, '').trim();
  if (s.named.size > 0 && s.named.has(areaKey(asName)) && (!s.current || s.current.hasFigures)) {
    s.finish();
    s.area = asName;
    s.pendingHeading = null;
    return;
  }
  // An all-capitals label just before a line ("PRT 6/1", "CHIMNEY:", "TREE REMOVAL ...")
  // titles a group of lines; it is neither a note of the line above nor an area.
  if (s.named.size > 0 && next?.kind === 'item' && !/[a-z]/.test(text) && text.length <= 80 && !(s.current && !s.current.hasFigures)) {
    s.noiseReport.add('text', row, text);
    return;
  }
  if (s.current) {
    readTextUnderLine(s, s.current, text, next);
    return;
  }
  if (looksLikeHeading(text) && headingAhead && (s.named.size === 0 || next?.kind === 'header')) {
    s.pendingHeading = text;
    if (next?.kind === 'item') {
      s.area = text;
      s.pendingHeading = null;
    }
    return;
  }
  if (looksLikeHeading(text) && s.out.length > 0) {
    s.pendingHeading = text;
  }
  s.noiseReport.add('text', row, text);
}

// Words under a pending line: its wrapped description, a heading that ends it, or its note.
function readTextUnderLine(s: TextParse, current: PendingLine, text: string, next: Classified | null): void {
  if (!current.hasFigures) {
    current.descLines.push(text);
    return;
  }
  if (s.named.size === 0 && next && next.kind === 'header' && looksLikeHeading(text)) {
    s.finish();
    s.pendingHeading = text;
    return;
  }
  if (current.figuresOnStart && current.noteLines.length === 0 && isContinuation(current.descLines, text)) {
    current.descLines.push(text);
    return;
  }
  if (s.named.size === 0 && next && next.kind === 'item' && looksLikeHeading(text) && text.split(/\s+/).length <= 4) {
    s.finish();
    s.area = text;
    return;
  }
  current.noteLines.push(text);
}

// The whole-paste checks and notes, said once after every row is read.
function finishParse(s: TextParse, rowCount: number): ParsedEstimate {
  const { side, problems, out } = s;
  const { recap, rows: recapRows } = s.recapReader.result();
  checkTextCutOff(s.kinds, s.figureCounts, out, side, problems);
  if (s.unnumbered.length > 0) {
    problems.push({
      side, row: null, severity: 'info', code: 'items-numbered-by-order',
      message: `${s.unnumbered.length} line(s) print no item number (rows ${compactRanges(s.unnumbered)}); they are numbered by their order in the paste.`,
    });
  }
  s.noiseReport.report(problems, side);
  reportTaxInclusive(s.taxInclusive, out.length, side, problems);
  if (s.european) {
    problems.push({
      side, row: null, severity: 'warning', code: 'european-numbers',
      message: 'Some quantities were written 1.234,56 and read as 1,234.56. Check them.',
    });
  }
  checkDuplicateItems(out, side, problems);
  const rough = s.layout !== null && s.layout.includes('remove');
  return {
    side,
    format: rough ? 'rough-draft' : 'xactimate-text',
    lines: out,
    recap,
    recapRows,
    printedTotals: s.printedTotals,
    priceList: s.priceList,
    problems,
    rowCount,
  };
}

/** Is this text the rest of a description that wrapped (not a note)? */
function isContinuation(descLines: string[], text: string): boolean {
  const prev = descLines[descLines.length - 1] ?? '';
  if (/[-,(/&]$|\b(of|and|or|to|with|for|w\/|up|per)$/i.test(prev.trim())) return true;
  if (/[.!?;]$/.test(text.trim())) return false;
  if (/^[a-z0-9"(]/.test(text.trim())) return true;
  return text.trim().split(/\s+/).length <= 3;
}

/**
 * One note for lines whose printed total is qty × price plus a few percent with no tax column:
 * totals that include sales tax. Said once, with the factor when it is the same on every line.
 */
function reportTaxInclusive(hits: Array<{ row: number; ratio: number; excess: Cents }>, lineCount: number, side: Side, problems: Problem[]): void {
  if (hits.length === 0) return;
  const excess = hits.reduce((a, h) => a + h.excess, 0);
  const lo = Math.min(...hits.map((h) => h.ratio));
  const hi = Math.max(...hits.map((h) => h.ratio));
  const same = hi - lo < 0.0005;
  const factor = same
    ? `qty × price × ${lo.toFixed(4)} on every one of them`
    : `qty × price plus ${((lo - 1) * 100).toFixed(1)}–${((hi - 1) * 100).toFixed(1)} %`;
  problems.push({
    side, row: null, severity: 'info', code: 'totals-include-tax',
    message: `${hits.length} of ${lineCount} lines print a total of ${factor} (${formatMoney(excess)} in all, rows ${compactRanges(hits.map((h) => h.row))}): the totals look tax-inclusive. The printed totals are used; no tax is added on top.`,
  });
}

/** A line's RCV: printed, or its amount with tax and O&P. */
function lineRcv(l: EstimateLine): Cents {
  return l.rcv ?? l.amount + (l.tax ?? 0) + (l.overheadProfit ?? 0);
}

/**
 * RCV sums of the lines read so far, by area and from any line on, for "Total:" rows. Lines are
 * added as a total asks (never re-read), so a paste with a total under every room stays linear.
 */
class RcvSums {
  private read = 0;
  /** prefix[k] = RCV of lines 0 .. k − 1. */
  private readonly prefix: Cents[] = [0];
  private readonly byArea = new Map<string, { rcv: Cents; lines: number }>();

  of(out: EstimateLine[], area: string, from: number): { own: Cents; lines: number; group: Cents } {
    for (; this.read < out.length; this.read++) {
      const l = out[this.read];
      const r = lineRcv(l);
      this.prefix.push(this.prefix[this.read] + r);
      const k = areaKey(l.area);
      const a = this.byArea.get(k);
      if (a) {
        a.rcv += r;
        a.lines++;
      } else this.byArea.set(k, { rcv: r, lines: 1 });
    }
    const a = this.byArea.get(area);
    return { own: a?.rcv ?? 0, lines: a?.lines ?? 0, group: this.prefix[out.length] - this.prefix[from] };
  }
}

function areaKey(name: string): string {
  return name.replace(/\s+/g, ' ').replace(/:$/, '').trim().toLowerCase();
}

/**
 * A PDF-text paste that stops inside its last line's figures: that line has fewer figures than
 * the header names (or than the other lines carry), and nothing follows it. Said plainly, with
 * the row.
 */
function checkTextCutOff(
  kinds: Classified[],
  counts: FigureCount[],
  out: EstimateLine[],
  side: Side,
  problems: Problem[],
): void {
  const lastFig = counts[counts.length - 1];
  const lastLine = out[out.length - 1];
  if (!lastFig || !lastLine || lastLine.row !== lastFig.line.row) return;
  let lastSignificant = -1;
  kinds.forEach((k, i) => {
    if (k.kind !== 'blank' && k.kind !== 'noise' && k.kind !== 'furniture' && k.kind !== 'dimension') lastSignificant = i;
  });
  // Only a line that ends the paste (its figure row, or a wrapped description under it).
  if (lastSignificant + 1 < lastFig.row || kinds.slice(lastFig.row).some((k) => k.kind !== 'blank' && k.kind !== 'text' && k.kind !== 'noise')) return;
  let expected = lastFig.hinted;
  if (expected === null) {
    const tally = new Map<number, number>();
    for (const c of counts.slice(0, -1)) tally.set(c.count, (tally.get(c.count) ?? 0) + 1);
    let best = 0;
    for (const [n, c] of tally) if (c > (tally.get(best) ?? 0)) best = n;
    expected = counts.length >= 3 ? best : null;
  }
  if (expected === null || lastFig.count >= expected) return;
  problems.push({
    side, row: lastFig.row, severity: 'error', code: 'paste-cut-off',
    message: `Row ${lastFig.row} (line ${lastLine.item}, the last) looks cut off: it has ${lastFig.count} figure(s) where the estimate's lines carry ${expected}, and nothing follows it. The paste seems to stop inside it; its amount ${formatMoney(lastLine.amount)} may be wrong. Copy the whole estimate again.`,
  });
}
