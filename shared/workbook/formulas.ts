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
