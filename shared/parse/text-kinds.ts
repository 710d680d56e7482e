import type { Problem, ProblemSide } from '../types/problem';

/** A sentence-like line under an item: the adjuster's or estimator's note. */
export function looksLikeNote(text: string): boolean {
  const t = text.trim();
  if (t === '') return false;
  if (/[.;!?]$/.test(t) && t.split(/\s+/).length >= 2) return true;
  if (t.split(/\s+/).length >= 6) return true;
  return /[;]/.test(t);
}

/** A short title-like line: an area or room heading ("Roof", "Front Elevation", "GUTTERS"). */
export function looksLikeHeading(text: string): boolean {
  const t = text.trim();
  if (t === '' || t.length > 60) return false;
  if (/[.;!?:]$/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > 6) return false;
  if (/\d{3,}/.test(t)) return false;
  return /^[A-Z]/.test(t);
}

export function readPriceList(text: string): string | null {
  const m = /price\s*list\s*:?\s*([A-Z0-9_.\-/]{4,})/i.exec(text);
  return m ? m[1] : null;
}

/**
 * Rows a parser recognised as page text (titles, addresses, page furniture) and left out.
 * They are reported together, with their row numbers, so nothing is dropped silently.
 */
export class SkippedRows {
  private rows: number[] = [];
  private samples: string[] = [];

  add(row: number, text: string): void {
    this.rows.push(row);
    if (this.samples.length < 3) this.samples.push(text.slice(0, 40));
  }

  report(problems: Problem[], side: ProblemSide): void {
    if (this.rows.length === 0) return;
    problems.push({
      side,
      row: null,
      severity: 'info',
      code: 'rows-skipped',
      message: `${rowsOfPageText(this.rows.length)} left out (${this.rows.length === 1 ? 'row' : 'rows'} ${compactRanges(this.rows)}), e.g. "${this.samples.join('", "')}".`,
    });
  }
}

/** "1 row of page text was" / "3 rows of page text were". */
export function rowsOfPageText(n: number): string {
  return n === 1 ? '1 row of page text was' : `${n} rows of page text were`;
}

/** [1,2,3,7,9,10] → "1-3, 7, 9-10". */
export function compactRanges(rows: number[]): string {
  const sorted = [...rows].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = sorted[0];
  let prev = sorted[0];
  for (let i = 1; i <= sorted.length; i++) {
    const r = sorted[i];
    if (r === prev + 1) {
      prev = r;
      continue;
    }
    parts.push(start === prev ? `${start}` : `${start}-${prev}`);
    start = r;
    prev = r;
  }
  return parts.join(', ');
}
