import type { Rows } from '../types/cells';
import type { Side } from '../types/estimate';
import { cellText } from './rows';

export type Field =
  | 'item' | 'group' | 'area' | 'description' | 'qty' | 'unit' | 'unitPrice' | 'remove' | 'replace'
  | 'tax' | 'overheadProfit' | 'profit' | 'rcv' | 'amount' | 'depreciation' | 'acv' | 'note' | 'ignore';

// Header words seen in Xactimate, Symbility and spreadsheet exports. Keys are normalised
// (lower case, single spaces, no trailing dots or colons).
const SYNONYMS: Record<string, Field> = {};
function add(field: Field, words: string[]): void {
  for (const w of words) SYNONYMS[w] = field;
}
add('item', ['#', 'line', 'line #', 'line no', 'line number', 'item', 'item #', 'item no', 'item number', 'no', 'ln', 'seq', 'item no(s)', 'line item #']);
add('area', ['room', 'area', 'location', 'section', 'elevation', 'room/area', 'area/room', 'room name', 'area name', 'sub area', 'subarea']);
add('group', ['group', 'building', 'bldg', 'structure', 'group/building', 'building/group', 'level', 'floor level', 'group name', 'bldg #', 'building #']);
add('description', ['description', 'desc', 'item description', 'line item', 'line description', 'activity', 'item name', 'scope', 'line item description']);
add('qty', ['qty', 'quantity', 'quant', 'qnty', 'units qty']);
add('unit', ['unit', 'uom', 'units', 'unit of measure', 'u/m', 'um', 'unit type']);
add('unitPrice', ['unit price', 'unit cost', 'price', 'unit rate', 'rate', 'cost', 'price per unit', 'replace price', 'unit $', 'price each']);
add('remove', ['remove', 'remove price', 'rem', 'remove $']);
add('replace', ['replace', 'repl', 'replace $']);
add('tax', ['tax', 'sales tax', 'mat tax', 'material tax', 'taxes']);
add('overheadProfit', ['o&p', 'op', 'o & p', 'o and p', 'overhead & profit', 'overhead and profit', 'o&p $', 'oh&p', 'oh & p', 'ohp', 'o/p', 'overhead/profit', 'oh and p', 'overhead', 'overhead $']);
// "Overhead" and "Profit" as two columns: the line's O&P is their sum.
add('profit', ['profit', 'profit $']);
add('rcv', ['rcv', 'total', 'line total', 'total rcv', 'replacement cost', 'replacement cost value', 'rcv total', 'total $', 'rcv $', 'rc', 'rcv amount', 'total replacement cost']);
add('amount', ['ext', 'extension', 'amount', 'line amount', 'extended', 'ext price', 'extended price', 'extended cost']);
add('depreciation', ['deprec', 'depreciation', 'dep', 'less depreciation', 'deprec $', '(deprec)', 'depr', 'dep $', 'depreciation $']);
add('acv', ['acv', 'actual cash value', 'ac', 'acv amount', 'acv $']);
add('note', ['note', 'notes', 'comment', 'comments', 'remarks']);
add('ignore', ['age/life', 'age', 'life', 'condition', 'cond', 'dep %', 'dep%', 'difference', 'diff', 'variance', '%', 'gap', 'gap $', 'category', 'cat', 'sel', 'code', 'act']);

// The two sides' labels in a side-by-side comparison, as a prefix ("Our Qty", "Approved RCV") or a
// suffix ("Qty (Ours)", "Total - Carrier"). Longer labels first so "our estimate" wins over "our".
const OURS_WORDS = "our estimate|our est|contractor'?s? estimate|contractor'?s?|ours|our|requested|supplement(?:al)?|supp|est|estimate|proposed";
const THEIRS_WORDS = "insurer'?s? estimate|insurance estimate|carrier'?s? estimate|ins est|insurer'?s?|insurance|ins|carrier'?s?|approved|re|allowed|adjuster'?s?|paid|original";
const DIFF_WORDS = 'variance|difference|delta|diff|gap|change';
const OURS = new RegExp(`^(${OURS_WORDS})\\b\\s*[-:]?\\s*`);
const THEIRS = new RegExp(`^(${THEIRS_WORDS})\\b\\s*[-:]?\\s*`);
const OURS_SUFFIX = new RegExp(`\\s*[-:(]?\\s*\\b(${OURS_WORDS})\\)?$`);
const THEIRS_SUFFIX = new RegExp(`\\s*[-:(]?\\s*\\b(${THEIRS_WORDS})\\)?$`);
const DIFF = new RegExp(`(^|\\b)(${DIFF_WORDS})\\b`);

export function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.:]+$/, '')
    .replace(/\.(?=\s|$)/g, '')
    .trim();
}

export interface Column {
  index: number;
  field: Field;
  side: Side | null;
  header: string;
}

export interface HeaderRow {
  /** 0-based row index in the paste. */
  rowIndex: number;
  columns: Column[];
  sideBySide: boolean;
  roughDraft: boolean;
}

function readHeaderCell(raw: string, index: number): Column | null {
  let h = normaliseHeader(raw);
  if (h === '') return null;
  // A variance / difference column is derived, never a side's figure.
  if (DIFF.test(h)) return { index, field: 'ignore', side: null, header: raw };
  let side: Side | null = null;
  if (SYNONYMS[h] === undefined) {
    if (OURS.test(h)) {
      side = 'ours';
      h = h.replace(OURS, '');
    } else if (THEIRS.test(h)) {
      side = 'theirs';
      h = h.replace(THEIRS, '');
    } else if (OURS_SUFFIX.test(h)) {
      side = 'ours';
      h = h.replace(OURS_SUFFIX, '');
    } else if (THEIRS_SUFFIX.test(h)) {
      side = 'theirs';
      h = h.replace(THEIRS_SUFFIX, '');
    }
  }
  h = h.replace(/[()]/g, '').trim();
  // "Ours" / "Insurer" alone are the two sides' totals in a simple comparison.
  const field: Field | undefined = h === '' && side ? 'rcv' : SYNONYMS[h];
  if (!field) return null;
  return { index, field, side, header: raw };
}

/** The field one heading names ("Item #" is the item, "Unit Cost" the unit price), or null. */
export function headerField(text: string): Field | null {
  return readHeaderCell(text, 0)?.field ?? null;
}

/** The first row (in the first 60) that reads as a table header: a description and figures. */
export function findHeader(rows: Rows): HeaderRow | null {
  const limit = Math.min(rows.length, 60);
  for (let r = 0; r < limit; r++) {
    const row = rows[r];
    if (!row || row.length < 3) continue;
    const columns: Column[] = [];
    for (let c = 0; c < row.length; c++) {
      const col = readHeaderCell(cellText(row[c]), c);
      if (col) columns.push(col);
    }
    const fields = new Set(columns.map((c) => c.field));
    const figures = ['qty', 'unitPrice', 'rcv', 'amount', 'replace', 'unit'].filter((f) => fields.has(f as Field));
    if (!fields.has('description') || figures.length < 2) continue;
    const sideBySide = columns.some((c) => c.side === 'ours') && columns.some((c) => c.side === 'theirs');
    for (const side of sideBySide ? (['ours', 'theirs'] as const) : [null]) settleTwoTotals(columns, side);
    settleTwoDescriptions(columns);
    return {
      rowIndex: r,
      columns,
      sideBySide,
      roughDraft: fields.has('remove') && fields.has('replace'),
    };
  }
  return null;
}

/**
 * "Line Total … Tax … Total RCV": two total columns and no extension column. Estimates print the
 * extension before tax, O&P and RCV, so the first total is the extension; otherwise the RCV would
 * be read from the wrong column and every tax-bearing line would look short by its tax.
 */
function settleTwoTotals(columns: Column[], side: Side | null): void {
  const own = columns.filter((c) => c.side === side);
  if (own.some((c) => c.field === 'amount')) return;
  const totals = own.filter((c) => c.field === 'rcv');
  if (totals.length >= 2) totals[0]!.field = 'amount';
}

// Headings that can only mean the description; "Line Item", "Scope", "Activity" may be something else.
const PLAIN_DESCRIPTION = new Set(['description', 'desc', 'item description', 'line description', 'line item description']);

/**
 * "Line Item … Description": two description headings. The plain "Description" is the
 * description; "Line Item" beside it holds the line numbers (the item, when no other column
 * does), and any other is left out. Otherwise the first would win and every line be named "1".
 */
function settleTwoDescriptions(columns: Column[]): void {
  const descs = columns.filter((c) => c.field === 'description');
  const plain = descs.find((c) => PLAIN_DESCRIPTION.has(normaliseHeader(c.header)));
  if (descs.length < 2 || !plain) return;
  let hasItem = columns.some((c) => c.field === 'item');
  for (const c of descs) {
    if (c === plain) continue;
    const lineItem = !hasItem && normaliseHeader(c.header) === 'line item';
    c.field = lineItem ? 'item' : 'ignore';
    if (lineItem) hasItem = true;
  }
}

/** The column for a field (of one side, for a side-by-side table); the first one wins. */
export function columnOf(header: HeaderRow, field: Field, side: Side | null = null): number | null {
  const exact = header.columns.find((c) => c.field === field && c.side === side);
  if (exact) return exact.index;
  if (side !== null) return null;
  const any = header.columns.find((c) => c.field === field);
  return any ? any.index : null;
}
