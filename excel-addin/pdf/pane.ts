// "Open PDF…" and drag and drop for each side of the Excel task pane. The PDF is read here, in the
// pane (PDF.js parses in its Web Worker), never uploaded; the rows go to a sheet named for the
// side so the user can see and fix what was read, then the pane builds as usual.
import { readPdf, type PdfJsLoader, type Rows } from '../../shared/index';
import { browserPdfJsLoader } from './load';

export type PdfSide = 'ours' | 'theirs';

export const PDF_SHEETS: Record<PdfSide, string> = { ours: 'Ours (PDF)', theirs: 'Insurer (PDF)' };

export interface PdfPaneHooks {
  /** Rows are on `sheet`: pick it for the side and build as usual. */
  written(side: PdfSide, sheet: string, fileName: string): Promise<void>;
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
  for (const side of ['ours', 'theirs'] as PdfSide[]) {
    const zone = document.createElement('div');
    zone.className = 'pdf-drop';
    zone.id = `${side}-pdf-drop`;
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'application/pdf,.pdf';
    input.id = `${side}-pdf-file`;
    input.hidden = true;
    const whose = side === 'ours' ? 'our estimate' : "the insurer's estimate";
    const label = document.createElement('label');
    label.htmlFor = input.id;
    label.hidden = true;
    label.textContent = `PDF of ${whose}`;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary';
    button.id = `${side}-pdf`;
    button.textContent = 'Open PDF…';
    button.setAttribute('aria-label', `Open the PDF of ${whose}`);
    const hint = document.createElement('span');
    hint.className = 'hint';
    hint.textContent = ' or drop the PDF here (read on this computer, never uploaded)';
    zone.append(button, hint, label, input);
    anchors[side].insertAdjacentElement('afterend', zone);

    const open = (file: File | undefined) => {
      if (file) void readInto(side, file, hooks, loader);
    };
    button.addEventListener('click', () => input.click());
    input.addEventListener('change', () => {
      open(input.files?.[0]);
      input.value = '';
    });
    zone.addEventListener('dragover', (e) => {
      e.preventDefault();
      zone.classList.add('over');
    });
    zone.addEventListener('dragleave', () => zone.classList.remove('over'));
    zone.addEventListener('drop', (e) => {
      e.preventDefault();
      zone.classList.remove('over');
      open(e.dataTransfer?.files?.[0]);
    });
  }
}

async function readInto(side: PdfSide, file: File, hooks: PdfPaneHooks, loader: PdfJsLoader): Promise<void> {
  let read: Awaited<ReturnType<typeof readPdf>> | null = null;
  await hooks.busy(`Reading ${file.name}…`, async () => {
    read = await readPdf(new Uint8Array(await file.arrayBuffer()), { loader, fileName: file.name });
    if (!read.ok) throw hooks.fail(read.refusal.message);
    const sheet = PDF_SHEETS[side];
    await Excel.run((context) => writeRows(context, sheet, read!.ok ? read!.rows : []));
    return `Read ${read.rows.length} rows from ${file.name} (${read.pageCount} pages) into "${sheet}".`;
  });
  const done = read as Awaited<ReturnType<typeof readPdf>> | null;
  if (done?.ok) await hooks.written(side, PDF_SHEETS[side], file.name);
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
