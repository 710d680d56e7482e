// PDF input for the command line: estimate PDFs read with PDF.js's Node build, on this machine.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePdfRows, PursueInputError, readPdf, type PdfJsLib, type PdfJsLoader, type RowPlace, type Rows, type Side } from '../shared/index';

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

/** Where PDF.js finds the metrics of the 14 standard fonts (PDFs that do not embed them). */
export function standardFontDataUrl(): string | undefined {
  try {
    return path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + path.sep;
  } catch {
    return undefined;
  }
}

export function isPdf(bytes: Uint8Array, file: string): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-') || /\.pdf$/i.test(file);
}

/**
 * An estimate PDF as rows for the reader. A PDF that cannot be read, or that holds no line items,
 * stops the run with a message naming the file and what to do.
 */
export async function readPdfFile(file: string, side: Side | 'compare', loader: PdfJsLoader = loadPdfJsNode): Promise<{ rows: Rows; places: RowPlace[] }> {
  const bytes = new Uint8Array(readFileSync(file));
  const name = path.basename(file);
  const read = await readPdf(bytes, { loader, fileName: name, source: { standardFontDataUrl: standardFontDataUrl() } });
  if (!read.ok) throw new PursueInputError(read.refusal.message);
  if (side !== 'compare') {
    const parsed = parsePdfRows(read.rows, read.places, side, name);
    if (parsed.lines.length === 0) throw new PursueInputError(parsed.problems[0].message);
  }
  return { rows: read.rows, places: read.places };
}
