import { parseEstimate } from '../parse/detect';
import type { Rows } from '../types/cells';
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

export function placeText(row: number, places: RowPlace[]): string | null {
  const at = places[row - 1];
  return at ? `page ${at.page}, line ${at.line}` : null;
}

export function relabelRows(message: string, places: RowPlace[]): string {
  return message
    .replace(/\b([Rr])ows (\d+) and (\d+)\b/g, (all, _r: string, a: string, b: string) => {
      const pa = placeText(Number(a), places);
      const pb = placeText(Number(b), places);
      return pa && pb ? `${pa} and ${pb}` : all;
    })
    .replace(/\b([Rr])ow (\d+)\b/g, (all, r: string, n: string) => {
      const at = placeText(Number(n), places);
      if (!at) return all;
      return r === 'R' ? at[0].toUpperCase() + at.slice(1) : at;
    });
}
