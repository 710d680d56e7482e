// "Open PDF…" and drag and drop for each side of the Excel task pane. The PDF is read here, in the
// pane (PDF.js parses in its Web Worker), never uploaded; the rows go to a sheet named for the
// side so the user can see and fix what was read, then the pane builds as usual.
import type { PdfJsLoader, PdfOrigin, Rows } from '../../shared/index';
import { mountPdfDropZones, PDF_SHEETS, readChosenPdf, type PdfSide } from './drop-zone';
import { browserPdfJsLoader } from './load';

export { PDF_SHEETS, type PdfSide };

export interface PdfPaneHooks {
  /**
   * Rows are on `sheet`: pick it for the side and build as usual, passing `origin` to the engine
   * while that sheet is the side's pick (problems then say the PDF's page and line).
   */
  written(side: PdfSide, sheet: string, origin: PdfOrigin): Promise<void>;
  /** Runs the work with the pane's progress and error display. */
  busy(label: string, work: () => Promise<string | void>): Promise<void>;
  /** A refusal or failure, in words the user can act on. */
  fail(message: string): Error;
}

/** PDF.js served beside the pane (dist/excel-addin/pdfjs/), fetched on the first PDF only. */
export function paneLoader(base: string = document.baseURI): PdfJsLoader {
  return browserPdfJsLoader(new URL('pdfjs/pdf.min.mjs', base).href, new URL('pdfjs/pdf.worker.min.mjs', base).href);
}

/** Adds the "Open PDF…" button and a drop zone under each side's `anchor` element. */
export function mountPdfInput(anchors: Record<PdfSide, HTMLElement>, hooks: PdfPaneHooks, loader: PdfJsLoader = paneLoader()): void {
  mountPdfDropZones(anchors, (side, file) => void readInto(side, file, hooks, loader), {
    hint: 'or drop the PDF here (read on this computer, never uploaded)',
    buttonClass: 'secondary',
  });
}

async function readInto(side: PdfSide, file: File, hooks: PdfPaneHooks, loader: PdfJsLoader): Promise<void> {
  let origin: PdfOrigin | null = null;
  const sheet = PDF_SHEETS[side];
  await hooks.busy(`Reading ${file.name}…`, async () => {
    const read = await readChosenPdf(file, loader, hooks.fail);
    await Excel.run((context) => writeRows(context, sheet, read.rows));
    origin = read.origin;
    return `Read ${read.rows.length} rows from ${file.name} (${read.pageCount} pages) into "${sheet}".`;
  });
  if (origin) await hooks.written(side, sheet, origin);
}

/** The rows as text on the side's sheet (replacing what an earlier PDF left), in one sync. */
export async function writeRows(context: Excel.RequestContext, name: string, rows: Rows): Promise<void> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const exists = sheets.items.some((s) => s.name === name);
  const ws = exists ? sheets.getItem(name) : sheets.add(name);
  if (exists) ws.getRange().clear();
  const width = Math.max(1, ...rows.map((r) => r.length));
  if (rows.length > 0) {
    const block = ws.getRangeByIndexes(0, 0, rows.length, width);
    // Text format: "1.00" or "12/30" must stay as printed, not become numbers or dates.
    block.numberFormat = rows.map(() => Array.from({ length: width }, () => '@'));
    block.values = rows.map((r) => Array.from({ length: width }, (_, c) => (r[c] == null ? '' : String(r[c]))));
  }
  ws.activate();
  await context.sync();
}
