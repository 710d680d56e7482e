// "Open PDF…" and drag and drop in the Google Sheets sidebar. The PDF is read here, in the
// browser (PDF.js in a Web Worker); only the rows go to the server, in batches kept well under
// Apps Script's payload limits, onto a sheet named for the side. Then the sidebar builds as usual.
import { mountPdfDropZones, PDF_SHEETS, readChosenPdf, type PdfSide } from '../../excel-addin/pdf/drop-zone';
import { browserPdfJsLoader } from '../../excel-addin/pdf/load';
// Through the engine's public face; the bundler keeps only the PDF reader.
import type { PdfJsLoader, PdfOrigin, Rows } from '../../shared/index';

export { PDF_SHEETS, type PdfSide };

/** Kept equal to package.json's pdfjs-dist by tests/pdf/panes.browser.test.ts. */
export const PDFJS_VERSION = '5.6.205';

/**
 * Apps Script serves the sidebar as one HTML page and no other files, so PDF.js (1.7 MB, too big
 * to inline into every sidebar load) comes from the npm CDN at the pinned version, on the first
 * PDF only. Only library code is fetched; the PDF itself is never sent anywhere.
 */
export function sidebarLoader(base = `https://cdn.jsdelivr.net/npm/pdfjs-dist@${PDFJS_VERSION}/legacy/build/`): PdfJsLoader {
  return browserPdfJsLoader(`${base}pdf.min.mjs`, `${base}pdf.worker.min.mjs`, true);
}

/** Rows a server call carries: few enough, and small enough (JSON), for google.script.run. */
export function batches(rows: Rows, maxRows = 1000, maxChars = 400_000): Rows[] {
  const out: Rows[] = [];
  let cur: Rows = [];
  let chars = 0;
  for (const r of rows) {
    const size = JSON.stringify(r).length;
    if (cur.length > 0 && (cur.length >= maxRows || chars + size > maxChars)) {
      out.push(cur);
      cur = [];
      chars = 0;
    }
    cur.push(r);
    chars += size;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

export interface SidebarPdfHooks {
  act(busy: string, work: () => Promise<string | void>): Promise<void>;
  writeBatch(batch: { sheet: string; start: number; rows: Rows }): Promise<unknown>;
  /** Rows are on `sheet`; `origin` goes with the build request while that sheet is the side's pick. */
  written(side: PdfSide, sheet: string, origin: PdfOrigin): Promise<void>;
}

export function mountSidebarPdf(anchors: Record<PdfSide, HTMLElement>, hooks: SidebarPdfHooks, loader: PdfJsLoader = sidebarLoader()): void {
  mountPdfDropZones(anchors, (side, file) => void readInto(side, file, hooks, loader), { hint: 'or drop it here' });
}

async function readInto(side: PdfSide, file: File, hooks: SidebarPdfHooks, loader: PdfJsLoader): Promise<void> {
  let origin: PdfOrigin | null = null;
  await hooks.act(`Reading ${file.name}…`, async () => {
    const read = await readChosenPdf(file, loader, (message) => new Error(message));
    const sheet = PDF_SHEETS[side];
    let start = 0;
    const parts = batches(read.rows);
    if (parts.length === 0) parts.push([]);
    for (const rows of parts) {
      await hooks.writeBatch({ sheet, start, rows });
      start += rows.length;
    }
    origin = read.origin;
    return `Read ${read.rows.length} rows from ${file.name} (${read.pageCount} pages) into "${sheet}".`;
  });
  if (origin) await hooks.written(side, PDF_SHEETS[side], origin);
}
