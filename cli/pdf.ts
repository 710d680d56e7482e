// PDF input for the command line: estimate PDFs read with PDF.js's Node build, on this machine.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePdfRows, pdfOrigin, PursueInputError, readPdf, type PdfJsLib, type PdfJsLoader, type PdfOrigin, type RowPlace, type Rows, type Side } from '../shared/index';

/**
 * PDF.js's "legacy" build is the one made for Node (the modern build assumes browser globals).
 * It is ESM-only, so it is imported at run time, from node_modules, and only when a PDF is
 * opened. Its worker runs in this process ("fake worker"): the CLI reads one file at a time.
 */
export const loadPdfJsNode: PdfJsLoader = async () => {
  const [lib, worker] = await Promise.all([
    import('pdfjs-dist/legacy/build/pdf.mjs'),
    import('pdfjs-dist/legacy/build/pdf.worker.mjs'),
  ]);
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
  return lib as unknown as PdfJsLib;
};

export function isPdf(bytes: Uint8Array, file: string): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-') || /\.pdf$/i.test(file);
}

/**
 * An estimate PDF as rows for the reader. A PDF that cannot be read, or that holds no line items,
 * stops the run with a message naming the file and what to do.
 */
export async function readPdfFile(file: string, side: Side | 'compare', loader: PdfJsLoader = loadPdfJsNode): Promise<{ rows: Rows; places: RowPlace[]; origin: PdfOrigin }> {
  const bytes = new Uint8Array(readFileSync(file));
  const name = path.basename(file);
  // No standard font files: PDF.js knows the 14 standard fonts' metrics and encodings, which is
  // all text extraction needs; loading the font programs only slows each read.
  const read = await readPdf(bytes, { loader, fileName: name });
  if (!read.ok) throw new PursueInputError(read.refusal.message);
  if (side !== 'compare') {
    const parsed = parsePdfRows(read.rows, read.places, side, name);
    if (parsed.lines.length === 0) throw new PursueInputError(parsed.problems[0].message);
  }
  // The rows are never shown on the command line: problems say the page and line instead of a row.
  return { rows: read.rows, places: read.places, origin: pdfOrigin(read, name, false) };
}
