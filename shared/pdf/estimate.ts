import { parseEstimate } from '../parse/detect';
import { cellText } from '../parse/rows';
import type { Cell, Rows } from '../types/cells';
import type { ParsedEstimate, Side } from '../types/estimate';
import type { Problem } from '../types/problem';
import { readPdf, type PdfRefusal, type ReadPdfOptions } from './read';
import type { PdfRows, RowPlace } from './rows';

export type PdfEstimateResult =
  | { ok: true; parsed: ParsedEstimate; pdf: PdfRows }
  | { ok: false; refusal: PdfRefusal; problem: Problem };

/**
 * One side's estimate PDF → the same reader that reads pastes. Problems about a row name the page
 * and line on paper, and a PDF with no line items is named in the reader's own message.
 */
export async function readEstimatePdf(bytes: Uint8Array, side: Side, opts: ReadPdfOptions): Promise<PdfEstimateResult> {
  const read = await readPdf(bytes, opts);
  if (!read.ok) {
    return {
      ok: false,
      refusal: read.refusal,
      problem: { side, row: null, severity: 'error', code: `pdf-${read.refusal.kind}`, message: read.refusal.message },
    };
  }
  const parsed = parseEstimate(read.rows, side);
  placeProblems(parsed.problems, read.places, opts.fileName);
  return { ok: true, parsed, pdf: read };
}

/** Parses rows already read from a PDF (a host that wrote them to a sheet reads them back). */
export function parsePdfRows(rows: Rows, places: RowPlace[], side: Side, fileName: string): ParsedEstimate {
  const parsed = parseEstimate(rows, side);
  placeProblems(parsed.problems, places, fileName);
  return parsed;
}

/**
 * Rewrites "row 12" in the reader's messages as "page 3, line 12" and names the file in problems
 * about the whole paste ("No line items were found in ... (from theirs.pdf)").
 */
export function placeProblems(problems: Problem[], places: RowPlace[], fileName: string): void {
  for (const p of problems) {
    let m = relabelRows(p.message, places);
    if (p.code === 'nothing-recognised') {
      m = `${fileName}: ${m.replace(/\bpaste\b/g, 'PDF')} If this is not the estimate, open the estimate PDF instead.`;
    }
    p.message = m;
  }
}

/**
 * Where one side's rows came from when they were read from a PDF. A host passes it with the rows
 * (`buildPursue({ pdf: { ours: origin } })`); the engine decides how problems say it.
 */
export interface PdfOrigin {
  /** The PDF's file name ("theirs.pdf"). */
  fileName: string;
  /** places[i]: the page and line on paper of row i + 1 as read. */
  places: RowPlace[];
  /**
   * The rows are on a sheet the user sees (the panes write them to "Ours (PDF)"): problems keep
   * the sheet's row and add the place, "row 57 (page 3, line 12)". Without it (the command line,
   * where rows are never shown) the place replaces the row.
   */
  onSheet?: boolean;
  /**
   * rowKey() of each row as it was read. A row edited, inserted or deleted on the sheet since
   * then no longer matches, and is not given a page and line it may no longer have.
   */
  keys?: string[];
}

/** The origin of rows just read from a PDF, with each row's key. */
export function pdfOrigin(read: Pick<PdfRows, 'rows' | 'places'>, fileName: string, onSheet: boolean): PdfOrigin {
  return { fileName, places: read.places, onSheet, keys: read.rows.map(rowKey) };
}

/**
 * A short fingerprint of a row's text (FNV-1a over its trimmed cells, trailing empty cells
 * ignored): what a sheet gives back for a row written as text has the same key.
 */
export function rowKey(row: Cell[]): string {
  const cells = row.map(cellText);
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  const text = cells.join('\t');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** Where a row is on paper, or null (no place, or the row changed since it was read). */
type Placer = (row: number) => RowPlace | null;

function placer(origin: PdfOrigin, rows?: Rows): Placer {
  return (row) => {
    const at = origin.places[row - 1];
    if (!at) return null;
    if (origin.keys && rows && rowKey(rows[row - 1] ?? []) !== origin.keys[row - 1]) return null;
    return at;
  };
}

/** "page 3, line 12"; "page 3, lines 12-14" or "page 3, line 40 to page 4, line 2" for a range. */
function placeWords(a: RowPlace, b?: RowPlace): string {
  if (!b || (a.page === b.page && a.line === b.line)) return `page ${a.page}, line ${a.line}`;
  if (a.page === b.page) return `page ${a.page}, lines ${a.line}-${b.line}`;
  return `page ${a.page}, line ${a.line} to page ${b.page}, line ${b.line}`;
}

// "row 12", "Rows 12 and 14", "rows 3, 5-9" (the rows a message names, singly or as ranges).
const ROW_REF = /\b([Rr])ows? (\d+(?:[-–]\d+)?(?:(?:, | and )\d+(?:[-–]\d+)?)*)\b/g;

/**
 * Rewrites the rows a message names with their page and line: "Row 12: ..." → "Page 3, line 12:
 * ..." (rows never shown), or "Row 57 (page 3, line 12): ..." (rows on a sheet). A row with no
 * place keeps its number alone.
 */
export function relabelRows(message: string, places: RowPlace[] | Placer, keep = false): string {
  const at: Placer = typeof places === 'function' ? places : (row) => places[row - 1] ?? null;
  return message.replace(ROW_REF, (all: string, r: string, list: string, offset: number) => {
    const parts = list.split(/(, | and )/);
    const segments = parts.filter((_, k) => k % 2 === 0);
    const seps = parts.filter((_, k) => k % 2 === 1);
    // Each segment ("12" or "24-26") with its place on paper, or null.
    const words = segments.map((seg) => {
      const [a, b] = seg.split(/[-–]/).map((n) => at(Number(n)));
      if (!a || (seg.match(/[-–]/) && !b)) return null;
      return placeWords(a, b ?? undefined);
    });
    if (words.every((w) => w === null)) return all;
    if (keep) {
      // "Line 1 (row 6)": the place joins the parenthesis, "(row 6, page 1, line 9)".
      const inParens = message[offset - 1] === '(' && message[offset + all.length] === ')';
      if (inParens && segments.length === 1) return `${all}, ${words[0]}`;
      // Each row or range followed by its place: "rows 12 (page 1, line 12) and 14 (page 1, line 14)".
      const text = segments.map((seg, k) => (words[k] ? `${seg} (${words[k]})` : seg));
      return `${all.slice(0, all.length - list.length)}${text.map((t, k) => (k === 0 ? t : `${seps[k - 1]}${t}`)).join('')}`;
    }
    if (words.some((w) => w === null)) return all;
    const placed = words as string[];
    return cap(r, placed.length === 1 ? placed[0] : `${placed.slice(0, -1).join('; ')} and ${placed[placed.length - 1]}`);
  });
}

const cap = (r: string, text: string) => (r === 'R' ? text[0].toUpperCase() + text.slice(1) : text);

export type PdfOrigins = Partial<Record<'ours' | 'theirs' | 'compare', PdfOrigin>>;

/**
 * Problems and failed checks about rows read from a PDF name the page and line on paper, in the
 * reconciliation itself, so the report, the Checks sheet and the panes all say it. `rows` are the
 * rows the engine read (to see that a row on a sheet is still the one read from the PDF).
 */
export function placeReconciliation(
  rec: { problems: Problem[]; checks: Array<{ detail: string }> },
  origins: PdfOrigins,
  rows: Partial<Record<'ours' | 'theirs' | 'compare', Rows>>,
): void {
  const of = (side: Problem['side']): { o: PdfOrigin; at: Placer } | null => {
    const key = origins.compare ? 'compare' : side === 'theirs' ? 'theirs' : side === 'ours' ? 'ours' : null;
    const o = key ? origins[key] : undefined;
    return key && o ? { o, at: placer(o, rows[key]) } : null;
  };
  const done = new Map<string, string>();
  for (const p of new Set(rec.problems)) {
    const src = of(p.side);
    if (!src) continue;
    const before = p.message;
    p.message = relabelRows(p.message, src.at, !!src.o.onSheet);
    const at = p.row !== null ? src.at(p.row) : null;
    if (at) p.place = placeWords(at);
    done.set(before, p.message);
  }
  // A failed check is also listed as a problem with the same words: the same rewrite.
  for (const c of rec.checks) c.detail = done.get(c.detail) ?? c.detail;
}

/**
 * The reader's "no line items" about a side read from a PDF names the file, as the command line
 * says it ("No line items were found in our estimate PDF, ours.pdf ..."): the build refuses such
 * a side with this message.
 */
export function namePdfsInMessage(message: string, origins: PdfOrigins): string {
  let out = message;
  for (const [side, words] of [['ours', 'our estimate'], ['theirs', "the insurer's estimate"]] as const) {
    const o = origins[side];
    if (!o) continue;
    out = out.replace(new RegExp(`${words} paste \\((\\d+) (rows?)\\)\\.`), (_all, n: string, unit: string) => `${words} PDF, ${o.fileName} (${n} ${unit}): if this is not the estimate, open the estimate PDF instead.`);
  }
  return out;
}
