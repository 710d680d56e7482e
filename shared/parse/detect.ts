import type { Rows } from '../types/cells';
import type { EstimateLine, ParsedEstimate, Side } from '../types/estimate';
import { findHeader } from './header';
import { cellText, isBlankRow, rowNotes } from './rows';
import { parseTable, type TableResult } from './table';
import { compactRanges } from './text-kinds';
import { parseXactimateText } from './xactimate-text';

/**
 * Reads one side's paste, recognising its layout without being told: a header-row table (export,
 * rough draft), or Xactimate / carrier PDF text. A side-by-side comparison pasted as one side
 * yields that side's columns.
 */
export function parseEstimate(rows: Rows, side: Side): ParsedEstimate {
  let parsed = parseAsIs(rows, side);
  if (splitAtSpaces(rows)) {
    // Excel keeps the last Text to Columns setting: with "Space" ticked, a pasted PDF line lands one
    // word per cell and its header row looks like a table's. Read it as the text it was too, and keep
    // whichever reading finds more lines.
    const joined = rows.map((r) => [r.map(cellText).filter((c) => c !== '').join(' ')]);
    const asText = parseXactimateText(joined, side);
    if (asText.lines.length > parsed.lines.length) {
      parsed = asText;
      parsed.problems.push({
        side, row: null, severity: 'info', code: 'split-at-spaces',
        message: `${capitalise(pasteName(side))} was split into one word per cell; it was read as text. Excel splits pastes at spaces after Text to Columns was used that way: run Data > Text to Columns with every delimiter unticked to paste into one column again. In Google Sheets, undo the "Split text to columns" suggestion after pasting.`,
      });
    }
  }
  dropRepeatedLines(parsed);
  for (const n of rowNotes(rows)) parsed.problems.push({ side, ...n });
  if (parsed.lines.length === 0) {
    const empty = rows.every((r) => isBlankRow(r));
    parsed.format = 'unknown';
    parsed.problems.unshift({
      side,
      row: null,
      severity: 'error',
      code: 'nothing-recognised',
      message: empty
        ? `${capitalise(pasteName(side))} is empty. Paste the estimate's lines (from the PDF or an export) and run again.`
        : `No line items were found in ${pasteName(side)} (${rows.length} ${rows.length === 1 ? 'row' : 'rows'}). Paste the estimate's numbered lines from the PDF, or an export with a header row (Description, Qty, Unit, Unit Price, Total).`,
    });
  }
  return parsed;
}

/**
 * A line printed again with the same item number, area, description and figures is part of the
 * estimate pasted twice (a page copied again), never a second line: the repeats are left out and
 * said once, so the line sums are not doubled and the item is not split into "5" and "5 (2)".
 */
function dropRepeatedLines(parsed: ParsedEstimate): void {
  // Kept lines by item number: a repeat has the same number, so only those few are compared.
  const kept = new Map<string, EstimateLine[]>();
  const repeats: number[] = [];
  parsed.lines = parsed.lines.filter((l) => {
    const same = kept.get(l.item);
    if (same?.some((k) => sameLine(k, l))) {
      repeats.push(l.row);
      return false;
    }
    if (same) same.push(l);
    else kept.set(l.item, [l]);
    return true;
  });
  if (repeats.length === 0) return;
  const repeated = new Set(repeats);
  parsed.problems = parsed.problems.filter((p) => !(p.code === 'duplicate-item-number' && p.row !== null && repeated.has(p.row)));
  parsed.problems.push({
    side: parsed.side, row: repeats[0]!, severity: 'warning', code: 'pasted-twice',
    message: `${repeats.length} line${repeats.length === 1 ? '' : 's'} (rows ${compactRanges(repeats)}) repeat earlier lines exactly (same item number, description and figures): part of the estimate was pasted twice. The repeats were left out; delete them from the paste.`,
  });
}

/** Same area, description and figures (item numbers already equal): the same line printed again. */
function sameLine(a: EstimateLine, b: EstimateLine): boolean {
  // A missing figure (null or undefined) counts as the same on both, as the joined-text key had it.
  return a.area === b.area && a.description === b.description && a.qty === b.qty && a.unit === b.unit && a.unitPrice === b.unitPrice &&
    a.amount === b.amount && (a.tax ?? null) === (b.tax ?? null) && (a.rcv ?? null) === (b.rcv ?? null);
}

function parseAsIs(rows: Rows, side: Side): ParsedEstimate {
  const header = findHeader(rows);
  if (!header) return parseXactimateText(rows, side);
  const t = parseTable(rows, header, side);
  return header.sideBySide ? (side === 'ours' ? t.ours : t.theirs!) : t.ours;
}

/** Rows of single words, many per row: text split at every space, not an export's columns. */
function splitAtSpaces(rows: Rows): boolean {
  let wide = 0;
  let spaced = 0;
  for (const r of rows) {
    // A row with fewer cells than that cannot count (most pastes are one cell a row): not read.
    if (r.length < SPLIT_ROW_CELLS) continue;
    const cells = r.map(cellText).filter((c) => c !== '');
    if (cells.length < SPLIT_ROW_CELLS) continue;
    wide++;
    if (cells.some((c) => /\s/.test(c))) spaced++;
  }
  return wide >= SPLIT_MIN_ROWS && spaced === 0;
}

/** An estimate line split at spaces has a number, a few words and five or more figures. */
const SPLIT_ROW_CELLS = 7;
/** Enough such rows to tell a split paste from a small export that happens to have one-word cells. */
const SPLIT_MIN_ROWS = 3;

/** A side-by-side comparison (our and the insurer's columns in one table), or null. */
export function parseComparison(rows: Rows): TableResult | null {
  const header = findHeader(rows);
  if (!header || !header.sideBySide) return null;
  const t = parseTable(rows, header, 'ours');
  for (const n of rowNotes(rows)) t.ours.problems.push({ side: 'both', ...n });
  return t;
}

/** "our estimate paste" / "the insurer's estimate paste": never "the our ...". */
function pasteName(side: Side): string {
  return side === 'ours' ? 'our estimate paste' : "the insurer's estimate paste";
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function sideName(side: Side): string {
  return side === 'ours' ? 'our estimate' : "insurer's estimate";
}

/** The side as a sentence's subject: "Our estimate" / "The insurer's estimate", never "The our". */
export function sideSubject(side: Side): string {
  return side === 'ours' ? 'Our estimate' : "The insurer's estimate";
}
