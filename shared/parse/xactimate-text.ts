import { parseMoney } from '../money';
import type { Rows } from '../types/cells';
import { emptyRecap, type EstimateLine, type ParsedEstimate, type PrintedTotal, type Side } from '../types/estimate';
import type { Cents } from '../types/money';
import type { Problem } from '../types/problem';
import { blankRawLine, checkDuplicateItems, finishLine, type RawLine } from './line';
import { readQtyUnit, readNumber, normaliseUnit } from './numbers';
import { completeRecap, readRecapLabel, setRecap } from './recap';
import { rowText } from './rows';
import { looksLikeHeading, readPriceList, SkippedRows } from './text-kinds';

/** Money columns a figures line can carry, in the order an estimate's column header names them. */
type MoneyCol = 'unitPrice' | 'remove' | 'replace' | 'tax' | 'overheadProfit' | 'rcv' | 'amount' | 'depreciation' | 'acv';

const HEADER_WORDS: Array<[RegExp, MoneyCol | 'qty' | 'description' | 'skip']> = [
  [/\bDESCRIPTION\b/y, 'description'],
  [/\b(QUANTITY|QTY)\b/y, 'qty'],
  [/\bUNIT\s+(PRICE|COST)\b/y, 'unitPrice'],
  [/\bREMOVE\b/y, 'remove'],
  [/\bREPLACE\b/y, 'replace'],
  [/\bTAX\b/y, 'tax'],
  [/\bO\s?&\s?P\b/y, 'overheadProfit'],
  [/\b(RCV|TOTAL)\b/y, 'rcv'],
  [/\b(EXT|EXTENSION|AMOUNT)\b/y, 'amount'],
  [/\bAGE\/LIFE\b/y, 'skip'],
  [/\bCOND(ITION|\.)?/y, 'skip'],
  [/\bDEP\s?%/y, 'skip'],
  [/\bDEPREC(\.|IATION)?/y, 'depreciation'],
  [/\bACV\b/y, 'acv'],
];

/** A column header line ("DESCRIPTION  QUANTITY  UNIT PRICE  TAX  O&P  RCV") → its money columns. */
export function readColumnHeader(line: string): MoneyCol[] | null {
  if (!/\b(QUANTITY|QTY)\b/i.test(line)) return null;
  const upper = line.toUpperCase();
  const found: Array<{ at: number; col: MoneyCol | 'qty' | 'description' | 'skip' }> = [];
  for (const [re, col] of HEADER_WORDS) {
    const global = new RegExp(re.source, 'g');
    let m: RegExpExecArray | null;
    while ((m = global.exec(upper)) !== null) {
      // "DEP %" must not also count as DEPREC; "UNIT PRICE" must not count "PRICE" twice.
      if (found.some((f) => f.at === m!.index)) continue;
      found.push({ at: m.index, col });
      break;
    }
  }
  const money = found.sort((a, b) => a.at - b.at).filter((f) => f.col !== 'qty' && f.col !== 'description' && f.col !== 'skip');
  if (found.length < 3 || money.length < 1) return null;
  const cols = money.map((f) => f.col as MoneyCol);
  // A lone "REPLACE" column is the unit price.
  if (cols.includes('replace') && !cols.includes('remove') && !cols.includes('unitPrice')) {
    cols[cols.indexOf('replace')] = 'unitPrice';
  }
  return cols;
}

const CONDITION_WORDS = /^(avg\.?|average|good|fair|poor|new|above|below|excellent|yrs?\.?|years?|na|n\/a|\[%\]|%)$/i;
const AGE_LIFE = /^\d+\/(\d+|na)$/i;
const PERCENT = /^[(<-]?\d[\d,]*(\.\d+)?%[)>]?$/;

interface Figures {
  qty: number;
  unit: string;
  money: Cents[];
  /** The quantity was written 1.234,56. */
  european: boolean;
}

/** Tokens after qty+unit: money, with age/life, condition and percentages skipped. */
function readFigureTokens(tokens: string[]): { money: Cents[] } | null {
  const money: Cents[] = [];
  for (const t of tokens) {
    if (CONDITION_WORDS.test(t) || AGE_LIFE.test(t) || PERCENT.test(t)) continue;
    const m = parseMoney(t);
    if (m === null) return null;
    money.push(m);
  }
  return { money };
}

/**
 * Finds "QTY UNIT money money ..." at the end of a line. Returns the description text before it
 * and the figures, or null when the line ends in no figures.
 */
export function splitFigures(line: string): { before: string; figures: Figures } | null {
  const tokens = line.trim().split(/\s+/);
  // Walk back over the figures to the quantity and unit just before them.
  let k = tokens.length - 1;
  while (k >= 0 && isFigureToken(tokens[k])) k--;
  if (k === tokens.length - 1) return null;
  let qu: { qty: number; unit: string; european: boolean } | null = null;
  let start = k;
  if (k >= 0) {
    const unit = normaliseUnit(tokens[k]);
    const n = unit && k >= 1 ? readNumber(tokens[k - 1]) : null;
    if (unit && n) {
      qu = { qty: n.value, unit, european: n.european };
      start = k - 1;
    } else {
      qu = readQtyUnit(tokens[k]);
    }
  }
  if (!qu) return null;
  const figs = readFigureTokens(tokens.slice(k + 1));
  if (!figs || figs.money.length === 0) return null;
  return {
    before: tokens.slice(0, start).join(' '),
    figures: { qty: qu.qty, unit: qu.unit, money: figs.money, european: qu.european },
  };
}

function isFigureToken(t: string): boolean {
  return CONDITION_WORDS.test(t) || AGE_LIFE.test(t) || PERCENT.test(t) || (/\d/.test(t) && parseMoney(t) !== null);
}

// Layouts seen in Xactimate and carrier estimates, tried in order when the paste has no header.
const KNOWN_LAYOUTS: MoneyCol[][] = [
  ['unitPrice', 'tax', 'overheadProfit', 'rcv'],
  ['unitPrice', 'tax', 'rcv', 'depreciation', 'acv'],
  ['unitPrice', 'tax', 'overheadProfit', 'rcv', 'depreciation', 'acv'],
  ['remove', 'replace', 'tax', 'overheadProfit', 'rcv'],
  ['remove', 'replace', 'tax', 'rcv'],
  ['unitPrice', 'tax', 'rcv'],
  ['unitPrice', 'rcv'],
  ['unitPrice', 'overheadProfit', 'rcv'],
  ['unitPrice'],
];

function assign(raw: RawLine, layout: MoneyCol[], money: Cents[]): void {
  layout.forEach((col, k) => {
    raw[col] = money[k];
  });
}

/** Does qty × price roughly equal the line total less tax and O&P? (a few cents of rounding) */
function consistent(qty: number, layout: MoneyCol[], money: Cents[]): boolean {
  const get = (c: MoneyCol) => {
    const k = layout.indexOf(c);
    return k < 0 ? null : money[k];
  };
  const price = get('unitPrice') ?? ((get('remove') ?? 0) + (get('replace') ?? 0));
  const total = get('amount') ?? (get('rcv') !== null ? get('rcv')! - (get('tax') ?? 0) - (get('overheadProfit') ?? 0) : null);
  if (total === null) return true;
  const computed = Math.round(qty * price);
  return Math.abs(computed - total) <= Math.max(5, Math.abs(total) * 0.005);
}

function chooseLayout(header: MoneyCol[] | null, qty: number, money: Cents[]): MoneyCol[] | null {
  if (header && header.length === money.length && consistent(qty, header, money)) return header;
  for (const l of KNOWN_LAYOUTS) if (l.length === money.length && consistent(qty, l, money)) return l;
  if (header && header.length === money.length) return header;
  return null;
}

const ITEM_START = /^\s*(\d{1,5})[.)]\s+(\S.*)$/;
const TOTALS_LINE = /^\s*(line item totals?|totals?)\s*:?\s*(.*)$/i;
const CONTINUED = /^\s*continued\s*[-–:]\s*(.+)$/i;
const PAGE_FURNITURE = /\bpage:?\s*\d+\b|^\s*date:\s*\d|^\s*\d{1,2}\/\d{1,2}\/\d{2,4}\s+\d{1,2}:\d{2}/i;
const DIMENSION_WORDS = /surface area|number of squares|perimeter|ridge length|hip length|valley length|eave length|rake length|sf walls|sf ceiling|sf floor|sy flooring|lf floor|lf ceil|ceiling height|\bheight\b|sf long wall|sf short wall|total area/i;
const RECAP_SECTION = /^\s*(recap by (room|category)|recap of taxes|summary for|coverage\b)/i;

type Kind = 'blank' | 'header' | 'item' | 'figures' | 'totals' | 'continued' | 'furniture' | 'dimension' | 'recap' | 'text' | 'recap-table';

interface Classified {
  kind: Kind;
  text: string;
}

/** Trailing figures of a totals line ("Totals: Roof  515.47  4,257.20  26,058.47"). */
function trailingMoney(text: string): { label: string; money: Cents[] } {
  const tokens = text.trim().split(/\s+/);
  const money: Cents[] = [];
  let k = tokens.length - 1;
  for (; k >= 0; k--) {
    const t = tokens[k];
    if (PERCENT.test(t)) continue;
    const m = parseMoney(t);
    if (m === null || !/\d/.test(t)) break;
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
  const problems: Problem[] = [];
  const recap = emptyRecap();
  const printedTotals: PrintedTotal[] = [];
  const out: EstimateLine[] = [];
  const skipped = new SkippedRows();
  let priceList: string | null = null;
  let european = false;

  // Lines printed on every page (company name, address) are page furniture.
  const counts = new Map<string, number>();
  for (const l of lines) {
    const t = l.trim();
    if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
  }

  // The page header block: text above the first numbered line, repeated on later pages.
  const firstItem = lines.findIndex((l) => ITEM_START.test(l.trim()));
  const headerBlock = new Set(lines.slice(0, firstItem < 0 ? lines.length : firstItem).map((l) => l.trim()));
  let inRecapTable = false;
  const kinds: Classified[] = lines.map((l) => {
    const t = l.trim();
    if (t === '') return { kind: 'blank', text: t };
    if (readColumnHeader(t)) {
      inRecapTable = false;
      return { kind: 'header', text: t };
    }
    if (RECAP_SECTION.test(t)) {
      inRecapTable = /^\s*recap by/i.test(t);
      return { kind: 'furniture', text: t };
    }
    if (inRecapTable) return { kind: trailingMoney(t).money.length > 0 ? 'recap-table' : 'furniture', text: t };
    if (ITEM_START.test(t)) return { kind: 'item', text: t };
    const tm = trailingMoney(t);
    if (CONTINUED.test(t)) return { kind: 'continued', text: t };
    if (PAGE_FURNITURE.test(t)) return { kind: 'furniture', text: t };
    if (tm.money.length === 1 && tm.label && readRecapLabel(tm.label)) return { kind: 'recap', text: t };
    if (TOTALS_LINE.test(t) && tm.money.length > 0) return { kind: 'totals', text: t };
    const fig = splitFigures(t);
    if (fig && fig.before === '') return { kind: 'figures', text: t };
    if (DIMENSION_WORDS.test(t) && /\d/.test(t)) return { kind: 'dimension', text: t };
    if (tm.money.length > 0 && tm.label && readRecapLabel(tm.label)) return { kind: 'recap', text: t };
    if (headerBlock.has(t) && (counts.get(t) ?? 0) > 1) return { kind: 'furniture', text: t };
    return { kind: 'text', text: t };
  });

  let layout: MoneyCol[] | null = null;
  let area = '';
  let pendingHeading: string | null = null;
  let current: { raw: RawLine; figuresOnStart: boolean; hasFigures: boolean; noteLines: string[]; descLines: string[] } | null = null;

  const nextSignificant = (i: number): Classified | null => {
    for (let j = i + 1; j < kinds.length; j++) {
      if (kinds[j].kind !== 'blank' && kinds[j].kind !== 'dimension') return kinds[j];
    }
    return null;
  };

  const finish = () => {
    if (!current) return;
    const c = current;
    current = null;
    c.raw.description = c.descLines.join(' ').replace(/\s+/g, ' ').trim();
    c.raw.note = c.noteLines.length ? c.noteLines.join('\n') : null;
    if (!c.hasFigures) {
      problems.push({
        side, row: c.raw.row, severity: 'error', code: 'line-without-figures',
        message: `Line ${c.raw.item} (row ${c.raw.row}) "${c.raw.description.slice(0, 60)}" has no quantity and price; it is left out. The paste may be cut off: copy the whole line from the estimate.`,
      });
      return;
    }
    const line = finishLine(c.raw, side, problems);
    if (line) out.push(line);
  };

  const applyFigures = (raw: RawLine, fig: Figures, row: number): boolean => {
    const chosen = chooseLayout(layout, fig.qty, fig.money);
    if (!chosen) {
      problems.push({
        side, row, severity: 'warning', code: 'figures-not-understood',
        message: `Row ${row}: the figures "${fig.money.length} amounts" do not fit the estimate's columns; line ${raw.item} is left out. Check the row against the estimate.`,
      });
      return false;
    }
    raw.qty = fig.qty;
    raw.unit = fig.unit;
    if (fig.european) european = true;
    assign(raw, chosen, fig.money);
    return true;
  };

  for (let i = 0; i < kinds.length; i++) {
    const { kind, text } = kinds[i];
    const row = i + 1;
    const pl = readPriceList(text);
    if (pl && !priceList) priceList = pl;
    switch (kind) {
      case 'blank':
      case 'dimension':
        break;
      case 'furniture':
        if (!current) skipped.add(row, text);
        break;
      case 'header':
        finish();
        layout = readColumnHeader(text);
        if (pendingHeading) area = pendingHeading;
        pendingHeading = null;
        break;
      case 'continued':
        finish();
        area = CONTINUED.exec(text)![1].trim();
        pendingHeading = null;
        break;
      case 'totals': {
        finish();
        const m = TOTALS_LINE.exec(text)!;
        const { label, money } = trailingMoney(m[2] ?? '');
        const whole = /^line item/i.test(m[1]);
        const summable: MoneyCol[] = (layout ?? (['unitPrice', 'tax', 'overheadProfit', 'rcv'] as MoneyCol[])).filter(
          (c) => c !== 'unitPrice' && c !== 'remove' && c !== 'replace',
        );
        const cols = summable.slice(Math.max(0, summable.length - money.length));
        const get = (c: MoneyCol) => (cols.indexOf(c) >= 0 ? money[cols.indexOf(c)] : null);
        printedTotals.push({
          area: whole ? '' : label,
          row,
          amount: get('amount'),
          tax: get('tax'),
          overheadProfit: get('overheadProfit'),
          rcv: get('rcv'),
        });
        break;
      }
      case 'recap': {
        finish();
        const { label, money } = trailingMoney(text);
        const r = readRecapLabel(label);
        if (r?.field) setRecap(recap, r.field, money[money.length - 1]);
        break;
      }
      case 'recap-table':
        skipped.add(row, text);
        break;
      case 'item': {
        finish();
        const m = ITEM_START.exec(text)!;
        const raw = blankRawLine(row);
        raw.item = m[1];
        raw.area = area;
        const split = splitFigures(m[2]);
        current = { raw, figuresOnStart: false, hasFigures: false, noteLines: [], descLines: [] };
        if (split) {
          current.descLines.push(split.before);
          current.hasFigures = applyFigures(raw, split.figures, row);
          current.figuresOnStart = true;
        } else {
          current.descLines.push(m[2]);
        }
        break;
      }
      case 'figures': {
        const fig = splitFigures(text)!.figures;
        if (current && !current.hasFigures) {
          current.hasFigures = applyFigures(current.raw, fig, row);
        } else {
          problems.push({
            side, row, severity: 'warning', code: 'row-not-understood',
            message: `Row ${row} ("${text.slice(0, 60)}") has figures but no numbered line above it; it is left out. Copy the line's number and description with it.`,
          });
        }
        break;
      }
      case 'text': {
        const next = nextSignificant(i);
        const headingAhead = next !== null && (next.kind === 'header' || next.kind === 'item');
        if (current) {
          if (!current.hasFigures) {
            current.descLines.push(text);
            break;
          }
          if (next && next.kind === 'header' && looksLikeHeading(text)) {
            finish();
            pendingHeading = text;
            break;
          }
          if (current.figuresOnStart && current.noteLines.length === 0 && isContinuation(current.descLines, text)) {
            current.descLines.push(text);
            break;
          }
          if (next && next.kind === 'item' && looksLikeHeading(text) && text.split(/\s+/).length <= 4) {
            finish();
            area = text;
            break;
          }
          current.noteLines.push(text);
          break;
        }
        if (looksLikeHeading(text) && headingAhead) {
          pendingHeading = text;
          if (next?.kind === 'item') {
            area = text;
            pendingHeading = null;
          }
          break;
        }
        if (looksLikeHeading(text) && out.length > 0) {
          pendingHeading = text;
        }
        skipped.add(row, text);
        break;
      }
    }
  }
  finish();

  completeRecap(recap);
  skipped.report(problems, side);
  if (european) {
    problems.push({
      side, row: null, severity: 'warning', code: 'european-numbers',
      message: 'Some quantities were written 1.234,56 and read as 1,234.56. Check them.',
    });
  }
  checkDuplicateItems(out, side, problems);
  const rough = layout !== null && (layout as MoneyCol[]).includes('remove');
  return {
    side,
    format: rough ? 'rough-draft' : 'xactimate-text',
    lines: out,
    recap,
    printedTotals,
    priceList,
    problems,
    rowCount: rows.length,
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
