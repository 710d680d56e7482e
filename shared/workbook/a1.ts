/** A1 addressing helpers shared by the builder, the read-back and the patches. */

/** 0-based column index to letters: 0 → "A", 26 → "AA". */
export function colLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based row and column to "B7". */
export function a1(row: number, col: number): string {
  return `${colLetter(col)}${row + 1}`;
}

/** 0-based inclusive corners to "A1:K9" (a single cell gives "A1"). */
export function a1Range(row1: number, col1: number, row2: number, col2: number): string {
  const first = a1(row1, col1);
  const last = a1(row2, col2);
  return first === last ? first : `${first}:${last}`;
}

/** "B7" → { row: 6, col: 1 } (0-based). */
export function parseA1(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?([0-9]+)$/i.exec(ref.trim());
  if (!m) throw new Error(`Not an A1 cell address: ${ref}`);
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** "A1:K9" → 0-based corners. */
export function parseRange(range: string): { row1: number; col1: number; row2: number; col2: number } {
  const [a, b] = range.split(':');
  const p = parseA1(a!);
  const q = b === undefined ? p : parseA1(b);
  return { row1: p.row, col1: p.col, row2: q.row, col2: q.col };
}
