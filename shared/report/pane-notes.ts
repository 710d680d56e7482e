/**
 * What a pane lists after a build: problems to fix (errors) and things worth a look (advisories),
 * each once, with where it is. One rule for the task pane and the sidebar.
 */
import type { Reconciliation } from '../types/reconciliation';

export interface PaneNotes {
  errors: string[];
  advisories: string[];
}

/** Where a side's rows sit in the workbook (a paste read from a range starting below row 1). */
export interface PasteOrigin {
  sheet: string;
  /** 0-based offset: paste row 1 is sheet row 1 + firstRow. */
  firstRow: number;
}

const WHO: Record<string, string> = { ours: 'Our estimate', theirs: "Insurer's estimate", compare: 'Comparison' };

/** "Our estimate, row 12: " or, with the paste's place, "Our estimate, row 14 of "Ours": "; "" when not about one side. */
export function noteWhere(side: string, row: number | null, origin?: PasteOrigin): string {
  const who = WHO[side];
  if (!who) return '';
  if (row === null) return `${who}: `;
  return origin ? `${who}, row ${row + origin.firstRow} of "${origin.sheet}": ` : `${who}, row ${row}: `;
}

/**
 * Problems by severity, failed checks not already said by a problem, then the build's warnings as
 * advisories; a text listed once.
 */
export function paneNotes(
  result: { rec: Reconciliation; warnings: Array<{ item: string; message: string }> },
  origins: Partial<Record<string, PasteOrigin>> = {},
): PaneNotes {
  const notes: PaneNotes = { errors: [], advisories: [] };
  const seen = new Set<string>();
  const add = (list: string[], text: string) => {
    if (seen.has(text)) return;
    seen.add(text);
    list.push(text);
  };
  const rec = result.rec;
  for (const p of rec.problems) add(p.severity === 'error' ? notes.errors : notes.advisories, `${noteWhere(p.side, p.row, origins[p.side])}${p.message}`);
  // A failed check that repeats a problem already listed is shown once, as that problem.
  const said = rec.problems.map((p) => p.message);
  for (const c of rec.checks) {
    if (c.status === 'fail' && !said.some((m) => m.includes(c.detail) || c.detail.includes(m))) add(notes.errors, `${c.label}: ${c.detail}`);
  }
  for (const w of result.warnings) add(notes.advisories, w.item ? `Item ${w.item}: ${w.message}` : w.message);
  return notes;
}
