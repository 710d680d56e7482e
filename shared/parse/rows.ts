import Papa from 'papaparse';
import type { Cell, Rows } from '../types/cells';

/**
 * Splits pasted text into rows of cells, the same shape a sheet range hands over.
 * Tabs (Excel's clipboard, with quoted cells that span lines) win over commas; text with
 * neither is one cell a row (a PDF paste). CRLF, CR and non-breaking spaces are normalised.
 */
export function readText(text: string): Rows {
  const clean = normaliseText(text);
  if (clean.trim() === '') return [];
  const lines = clean.split('\n');
  const sample = lines.slice(0, 200);
  const tabbed = sample.filter((l) => l.includes('\t')).length;
  if (tabbed > 0 && tabbed >= sample.filter((l) => l.trim() !== '').length * 0.3) {
    return readDelimited(clean, '\t');
  }
  if (looksLikeCsv(sample)) return readDelimited(clean, ',');
  return lines.map((l) => [l]);
}

export function normaliseText(text: string): string {
  let t = text;
  if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
  // Non-breaking spaces are kept as pasted: descriptions are stored exactly; numbers and matching
  // treat them as spaces.
  return t.replace(/\r\n?/g, '\n');
}

/** CSV when most non-blank lines split into the same number (≥ 3) of comma fields. */
function looksLikeCsv(lines: string[]): boolean {
  const nonBlank = lines.filter((l) => l.trim() !== '');
  if (nonBlank.length === 0) return false;
  const parsed = Papa.parse<string[]>(nonBlank.join('\n'), { delimiter: ',', skipEmptyLines: false });
  const counts = new Map<number, number>();
  for (const r of parsed.data) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [n, c] of counts) if (c > bestCount) [best, bestCount] = [n, c];
  return best >= 3 && bestCount >= nonBlank.length * 0.6;
}

/** Papa Parse handles quoted cells with embedded delimiters, quotes and line breaks. */
function readDelimited(text: string, delimiter: string): Rows {
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, quoteChar: '"' });
  const rows: Rows = parsed.data.map((r) => r.map((c) => c as Cell));
  // Papa leaves a trailing empty row for a final newline; a paste's row count should not grow.
  while (rows.length > 0 && rows[rows.length - 1].every((c) => c === '' || c == null)) rows.pop();
  return rows;
}

/** A cell as trimmed text ("" for empty). Numbers keep their full precision. */
export function cellText(c: Cell): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'number') return Number.isFinite(c) ? String(c) : '';
  if (typeof c === 'boolean') return c ? 'TRUE' : 'FALSE';
  return c.replace(/[\u00a0\u2007\u202f]/g, ' ').trim();
}

/** A cell's text as pasted (non-breaking spaces kept), trimmed: for descriptions and notes. */
export function rawCellText(c: Cell): string {
  if (typeof c === 'string') return c.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
  return cellText(c);
}

/** The row's cells joined as one line of text (for PDF pastes that landed in several cells). */
export function rowText(row: Cell[]): string {
  return row.map(cellText).filter((t) => t !== '').join('  ');
}

export function isBlankRow(row: Cell[] | undefined): boolean {
  return !row || row.every((c) => cellText(c) === '');
}
