/**
 * Every formula of the Pursue Items sheet, built from column indexes (PC) and 0-based rows, so
 * reordering PURSUE_COLUMNS moves the formulas with the columns instead of breaking Gap $, the
 * totals and the Reconciled mark. tests/workbook/columns-permuted.test.ts holds this in LibreOffice.
 */
import { a1, a1Range, colLetter } from './a1';
import { PC } from './layout';

/** Gap $ of one row: Ours $ − Insurer $ on the same row. */
export function rowGapFormula(row: number): string {
  return `=${a1(row, PC.ours)}-${a1(row, PC.insurer)}`;
}

/** Sum of the Gap $ cells of the table rows first..last. */
export function sumOfGapsFormula(first: number, last: number): string {
  return `=SUM(${a1Range(first, PC.gap, last, PC.gap)})`;
}

/** Residual: the total gap less the sum of the parts. */
export function residualFormula(totalRow: number, sumRow: number): string {
  return `=${a1(totalRow, PC.gap)}-${a1(sumRow, PC.gap)}`;
}

/** "Reconciled" when the residual on its row is within the tolerance (dollars, two decimals). */
export function reconciledMarkFormula(residualRow: number, toleranceDollars: string): string {
  return `=IF(ABS(${a1(residualRow, PC.gap)})<=${toleranceDollars},"Reconciled","Not reconciled")`;
}

/**
 * Conditional-format rule for the table rows: the Priority cell of the rule's row is a rank within
 * the top n. Relative row, absolute column, written for the range's top-left row `first`.
 */
export function topRankRule(first: number, n: number): string {
  const p = `$${colLetter(PC.priority)}${first + 1}`;
  return `=AND(ISNUMBER(${p}),${p}<=${n})`;
}

/** Conditional-format rule: the Gap kind cell of the residual row reads `mark`. */
export function reconciledIsRule(residualRow: number, mark: 'Reconciled' | 'Not reconciled'): string {
  return `=$${colLetter(PC.kind)}$${residualRow + 1}="${mark}"`;
}

/** A text literal for a formula: quotes doubled, cut into pieces of at most 250 characters (Excel's limit is 255). */
export function textLiteral(text: string): string {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += 250) pieces.push(`"${text.slice(i, i + 250).replace(/"/g, '""')}"`);
  return pieces.length === 0 ? '""' : pieces.join('&');
}

/**
 * The residual's explanation, live: it follows the figures, so after an RM edits an Ours $ figure it
 * says "Not reconciled" and by how much, never a stale "the parts add up". `withinText` is what to
 * say when the residual is within the tolerance (reconciled, or unverified when a total was assumed).
 */
export function residualExplanationFormula(residualRow: number, totalRow: number, toleranceDollars: string, withinText: string | null): string {
  const money = (cell: string) => `TEXT(${cell},"$#,##0.00;-$#,##0.00")`;
  const res = a1(residualRow, PC.gap);
  const total = a1(totalRow, PC.gap);
  const outside =
    `"✗ Not reconciled: "&${money(res)}&" of the total gap "&${money(total)}&" is not explained (tolerance $${toleranceDollars}). ` +
    `A line, the tax or the O&P is missing or misread, or a figure was changed: see the Checks sheet."`;
  const within = withinText !== null
    ? textLiteral(withinText)
    : `"✓ Reconciled: the parts add up to the total gap "&${money(total)}&" (residual "&${money(res)}&", tolerance $${toleranceDollars})."`;
  return `=IF(ABS(${res})>${toleranceDollars},${outside},${within})`;
}
