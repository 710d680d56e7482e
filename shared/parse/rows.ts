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
  let rows: Rows;
  const delimiter = tabbed > 0 && tabbed >= sample.filter((l) => l.trim() !== '').length * 0.3 ? '\t' : csvDelimiter(sample);
  if (delimiter !== null) {
    rows = readDelimited(clean, delimiter);
  } else {
    rows = lines.map((l) => [l]);
  }
  const bad = lines.findIndex((l) => l.includes('\ufffd'));
  if (bad >= 0) {
    addRowNote(rows, {
      row: bad + 1, severity: 'warning', code: 'not-utf8',
      message: `Row ${bad + 1} holds characters that could not be read (shown as \ufffd): the file was not saved as UTF-8. Save it as UTF-8 (or paste the text directly) and run again.`,
    });
  }
  return rows;
}

/** Something readText noticed about the text (a stray quote, undecodable characters). */
export interface RowNote {
  row: number;
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
}

const notes = new WeakMap<Rows, RowNote[]>();

function addRowNote(rows: Rows, note: RowNote): void {
  const list = notes.get(rows) ?? [];
  list.push(note);
  notes.set(rows, list);
}

/** What readText noticed while splitting this text into rows (none for a sheet's range). */
export function rowNotes(rows: Rows): RowNote[] {
  return notes.get(rows) ?? [];
}

/**
 * Bytes from a file as text: UTF-8 (with or without BOM), UTF-16 with a BOM, and otherwise
 * Windows-1252, which is what Excel on Windows saves as "CSV" and turns ½, × and – into junk
 * when read as UTF-8.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Windows-1252 is Latin-1 except 0x80–0x9F (€, ‚, „, …, –, —, ™ ...), mapped here since
    // Node's decoder may be built without them.
    let out = '';
    for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
    return out;
  }
}

const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function normaliseText(text: string): string {
  let t = text;
  if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
  // Non-breaking spaces are kept as pasted: descriptions are stored exactly; numbers and matching
  // treat them as spaces.
  return t.replace(/\r\n?/g, '\n');
}

/**
 * The CSV delimiter: a comma, or a semicolon (what Excel saves as "CSV" where the decimal mark
 * is a comma); when both fit, the one that gives more fields a line, since the other is then
 * splitting figures ("1.276,45") or descriptions. Null when the text is not CSV.
 */
function csvDelimiter(lines: string[]): ',' | ';' | null {
  const comma = csvFields(lines, ',');
  const semi = csvFields(lines, ';');
  if (semi > comma) return ';';
  return comma > 0 ? ',' : null;
}

/** The field count most non-blank lines split into (≥ 3 on 60% of them), or 0 when none. */
function csvFields(lines: string[], delimiter: string): number {
  // Thousands separators inside figures ("$1,234.56" in a fixed-width table) are not field breaks.
  // Only a line laid out with runs of spaces is such a table: in a CSV row "Bldg 3,100.00" is two cells.
  const nonBlank = lines.filter((l) => l.trim() !== '').map((l) => !/\S {2,}\S/.test(l) ? l : l.replace(/(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?=\s|$)/g, (n) => n.replace(/,/g, '')));
  if (nonBlank.length === 0) return 0;
  let parsed = Papa.parse<string[]>(nonBlank.join('\n'), { delimiter, skipEmptyLines: false });
  // A stray quote would merge lines: count fields line by line instead.
  if (parsed.errors.some((e) => e.type === 'Quotes')) {
    parsed = { ...parsed, data: nonBlank.map((l) => Papa.parse<string[]>(l.replace(/"/g, ''), { delimiter }).data[0] ?? []) };
  }
  const counts = new Map<number, number>();
  for (const r of parsed.data) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [n, c] of counts) if (c > bestCount) [best, bestCount] = [n, c];
  return best >= 3 && bestCount >= nonBlank.length * 0.6 ? best : 0;
}

/**
 * Papa Parse handles quoted cells with embedded delimiters, quotes and line breaks. A quote left
 * open (a cell cut or typed with one ") would swallow the rest of the file into one cell, so then
 * the text is read line by line instead, the stray quote dropped and its row named.
 */
function readDelimited(text: string, delimiter: string): Rows {
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, quoteChar: '"' });
  if (parsed.errors.some((e) => e.type === 'Quotes')) return readLineByLine(text, delimiter);
  const rows: Rows = parsed.data.map((r) => r.map((c) => c as Cell));
  // Papa leaves a trailing empty row for a final newline; a paste's row count should not grow.
  while (rows.length > 0 && rows[rows.length - 1].every((c) => c === '' || c == null)) rows.pop();
  return rows;
}

function readLineByLine(text: string, delimiter: string): Rows {
  const lines = text.split('\n');
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  const rows: Rows = [];
  const stray: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const quotes = (line.match(/"/g) ?? []).length;
    const p = quotes % 2 === 0 ? Papa.parse<string[]>(line, { delimiter, quoteChar: '"' }) : null;
    if (p && !p.errors.some((e) => e.type === 'Quotes')) {
      rows.push((p.data[0] ?? ['']).map((c) => c as Cell));
    } else {
      stray.push(i + 1);
      rows.push(line.split(delimiter).map((c) => c.replace(/"/g, '').trim()));
    }
  }
  for (const r of stray) {
    addRowNote(rows, {
      row: r, severity: 'warning', code: 'unbalanced-quote',
      message: `Row ${r} has an unmatched quote ("); it was read on its own with the quote dropped, and the other rows line by line. Check row ${r} against the estimate.`,
    });
  }
  return rows;
}

/** A cell as trimmed text ("" for empty). Numbers keep their full precision. */
export function cellText(c: Cell): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'number') return Number.isFinite(c) ? String(c) : '';
  if (typeof c === 'boolean') return c ? 'TRUE' : 'FALSE';
  return c.replace(NO_BREAK_SPACE, ' ').trim();
}

// Made once: a literal in a function body is a new RegExp object each time it runs (every cell).
const NO_BREAK_SPACE = /[\u00a0\u2007\u202f]/g;
const EDGE_SPACE = /^[ \t\r\n]+|[ \t\r\n]+$/g;

/** A cell's text as pasted (non-breaking spaces kept), trimmed: for descriptions and notes. */
export function rawCellText(c: Cell): string {
  if (typeof c === 'string') return c.replace(EDGE_SPACE, '');
  return cellText(c);
}

/** The row's cells joined as one line of text (for PDF pastes that landed in several cells). */
export function rowText(row: Cell[]): string {
  // A text paste is one cell a row: its text as is (the same as joining the one non-blank cell).
  if (row.length === 1) return cellText(row[0]);
  return row.map(cellText).filter((t) => t !== '').join('  ');
}

export function isBlankRow(row: Cell[] | undefined): boolean {
  return !row || row.every((c) => cellText(c) === '');
}
