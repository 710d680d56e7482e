/**
 * Which pastes a pane picked, and whether a build can go: the rule both panes apply (a side not
 * picked, the same cells for both sides), in one place so the task pane and the sidebar say it
 * the same way.
 */

/** A paste's place in the workbook: a whole sheet, or a range of it (A1). */
export interface PastePick {
  sheet: string;
  range?: string | null;
}

export interface PastePicks {
  ours?: PastePick | null;
  theirs?: PastePick | null;
  /** Set (even to null) when the user chose one side-by-side comparison instead of two estimates. */
  compare?: PastePick | null;
}

/** Two picks read overlapping cells: the same range, or a whole sheet and anything on it. */
export function samePaste(a: PastePick | null | undefined, b: PastePick | null | undefined): boolean {
  if (!a || !b || a.sheet !== b.sheet) return false;
  return !a.range || !b.range || a.range === b.range;
}

/** "Our estimate and the insurer's are both ...": shown as soon as the picks collide, and at build. */
export function samePasteWarning(p: PastePicks): string | null {
  if (p.compare !== undefined || !samePaste(p.ours, p.theirs)) return null;
  return `Our estimate and the insurer's are both "${p.ours!.sheet}". Pick the sheet that holds the insurer's estimate; built like this, every gap would be $0.00.`;
}

/** What stops a build with these picks, in words for a pane (its step 1), or null when it can go. */
export function picksProblem(p: PastePicks): string | null {
  if (p.compare !== undefined) return p.compare ? null : 'Pick the sheet that holds the side-by-side comparison in step 1, then build.';
  if (!p.ours && !p.theirs) return "Pick our estimate and the insurer's estimate in step 1 (the sheet or cells that hold each), then build.";
  if (!p.ours) return 'Our estimate is not picked. Pick the sheet or cells that hold it in step 1, then build.';
  if (!p.theirs) return "The insurer's estimate is not picked. Pick the sheet or cells that hold it in step 1, then build.";
  return samePasteWarning(p);
}
