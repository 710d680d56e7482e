export type ProblemSide = 'ours' | 'theirs' | 'both';
export type Severity = 'error' | 'warning' | 'info';

/** Something a person should look at: a row not understood, a failed check, a weak match. */
export interface Problem {
  side: ProblemSide;
  /** 1-based row of that side's paste; null when the problem is not about one row. */
  row: number | null;
  /** For a row read from a PDF: where it is on paper ("page 3, line 12"). */
  place?: string;
  severity: Severity;
  /** Stable machine code, e.g. "row-not-understood", "line-sum-mismatch". */
  code: string;
  /** What is wrong and what to do about it, in the team's words. */
  message: string;
}
