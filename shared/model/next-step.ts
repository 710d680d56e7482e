import type { ModelRow } from '../types/model';

/** "next: send code citation" from an entry, if the person wrote one. */
function namedNextStep(text: string): string | null {
  const m = /\bnext(?:\s+step)?\s*[:\-–]\s*(.+)$/i.exec(text);
  return m ? m[1]!.trim() : null;
}

/** What to ask when no reason for denial is known: a denial needs the reason, a cut needs why. */
function askForReason(row: ModelRow): string {
  if (row.gapKind === 'denied' || row.kind === 'op') return 'Ask the adjuster for the denial reason in writing.';
  const what = row.gapKind === 'price' ? 'price' : row.gapKind === 'quantity' ? 'quantity' : 'line';
  return `Ask the adjuster in writing why the ${what} was cut.`;
}

/**
 * What to do next on a row with a gap, always something: the next step the last note names, else
 * what is missing, in the order a call needs it.
 */
function suggestedNextStep(row: ModelRow): string {
  const last = row.status.at(-1);
  const named = last ? namedNextStep(last.text) : null;
  if (named) return named;
  const steps: string[] = [];
  if (row.denial.trim() === '') steps.push(askForReason(row));
  if (row.approveSuggested) steps.push('Make the suggested reason to approve yours, then send it with the evidence.');
  else if (row.approve.trim() === '') steps.push('Write the reason to approve and gather the evidence.');
  if (steps.length === 0) steps.push('Send the reason to approve with the evidence and ask for a revised estimate.');
  return steps.join(' ');
}

/** A gap still to argue: neither closed nor on the row of an item our estimate dropped. */
export function hasOpenGap(row: ModelRow): boolean {
  return row.gap > 0 && row.closedOn === null && row.absentSince === null;
}

/** Every open row with a gap gets a next step; rows with nothing to pursue get none. */
export function nextStepOf(row: ModelRow): string | null {
  return row.kind !== 'insurer-only' && hasOpenGap(row) ? suggestedNextStep(row) : null;
}
