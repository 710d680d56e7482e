import type { Rows } from '../types/cells';
import type { ParsedEstimate, Side } from '../types/estimate';
import { findHeader } from './header';
import { isBlankRow, rowNotes } from './rows';
import { parseTable, type TableResult } from './table';
import { parseXactimateText } from './xactimate-text';

/**
 * Reads one side's paste, recognising its layout without being told: a header-row table (export,
 * rough draft), or Xactimate / carrier PDF text. A side-by-side comparison pasted as one side
 * yields that side's columns.
 */
export function parseEstimate(rows: Rows, side: Side): ParsedEstimate {
  const header = findHeader(rows);
  let parsed: ParsedEstimate;
  if (header) {
    const t = parseTable(rows, header, side);
    parsed = header.sideBySide ? (side === 'ours' ? t.ours : t.theirs!) : t.ours;
  } else {
    parsed = parseXactimateText(rows, side);
  }
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
        : `No line items were found in ${pasteName(side)} (${rows.length} rows). Paste the estimate's numbered lines from the PDF, or an export with a header row (Description, Qty, Unit, Unit Price, Total).`,
    });
  }
  return parsed;
}

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
