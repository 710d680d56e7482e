import type { PursueState } from '../types/knowledge';
import type { ModelRow } from '../types/model';
import { suggestRebuttal } from '../knowledge/rebuttals';
import { OP_DESCRIPTION } from '../knowledge/state';

/**
 * The rebuttal for a row with a gap (and always for O&P, whose argument is the same whatever the
 * gap), and a suggested reason to approve where nobody typed one. Insurer-only and tax rows argue
 * nothing. The O&P row is looked up by OP_DESCRIPTION, the same text everywhere.
 */
export function suggestReasons(row: ModelRow, state: PursueState): void {
  if (row.kind === 'insurer-only' || row.kind === 'tax') return;
  if (row.gap <= 0 && row.kind !== 'op') return;
  const rebuttal = suggestRebuttal(row.kind === 'op' ? OP_DESCRIPTION : row.name, row.category, state.rebuttals);
  row.rebuttal = rebuttal;
  if (row.approve.trim() === '' && rebuttal && row.gap > 0) {
    row.approve = rebuttal.argument;
    row.approveSuggested = true;
  }
}

/** The reason to approve a person typed ("" when the row only shows a suggestion). */
export function typedApprove(row: ModelRow): string {
  return row.approveSuggested ? '' : row.approve;
}
