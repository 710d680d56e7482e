// The "Open PDF…" button and drop zone for each side, and reading the chosen file, shared by the
// Excel task pane (excel-addin/pdf/pane.ts) and the Google Sheets sidebar (gas/sidebar/pdf.ts).
// Which PDF.js to load and where the rows go stay in each host's own module.
// Only the PDF reader (rows), not the estimate reader: that runs at build, where the engine is.
import { pdfOrigin, readPdf, type PdfJsLoader, type PdfOrigin, type Rows } from '../../shared/index';

export type PdfSide = 'ours' | 'theirs';

/** The sheet each side's PDF rows are written to, in both hosts. */
export const PDF_SHEETS: Record<PdfSide, string> = { ours: 'Ours (PDF)', theirs: 'Insurer (PDF)' };

export interface DropZoneOptions {
  /** Said after the button: where the PDF is read. */
  hint: string;
  /** Class of the button, for a host whose secondary buttons are styled by class. */
  buttonClass?: string;
}

/**
 * Adds, after each side's `anchor`, a button that opens the file chooser and a zone a PDF can be
 * dropped on; `open` gets the side and the file (one at a time: the first file of a drop).
 */
export function mountPdfDropZones(anchors: Record<PdfSide, HTMLElement>, open: (side: PdfSide, file: File) => void, opts: DropZoneOptions): void {
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
    if (opts.buttonClass) button.className = opts.buttonClass;
    button.id = `${side}-pdf`;
    button.textContent = 'Open PDF…';
    button.setAttribute('aria-label', `Open the PDF of ${whose}`);
    const hint = document.createElement('span');
    hint.className = 'hint';
    hint.textContent = ` ${opts.hint}`;
    zone.append(button, hint, label, input);
    anchors[side].insertAdjacentElement('afterend', zone);

    const take = (file: File | undefined) => {
      if (file) open(side, file);
    };
    button.addEventListener('click', () => input.click());
    input.addEventListener('change', () => {
      take(input.files?.[0]);
      // The same file chosen again (after fixing it) fires change again.
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
      take(e.dataTransfer?.files?.[0]);
    });
  }
}

export interface ChosenPdf {
  rows: Rows;
  pageCount: number;
  /** Where each row is on paper, for the build (the rows go to a sheet the user sees). */
  origin: PdfOrigin;
}

/**
 * Reads a chosen PDF in the page into rows. A PDF that cannot be read becomes `fail(message)`,
 * in the engine's words naming the file, before anything is written. (One that holds no line
 * items is said by the build, which names the file from the origin.)
 */
export async function readChosenPdf(file: File, loader: PdfJsLoader, fail: (message: string) => Error): Promise<ChosenPdf> {
  const read = await readPdf(new Uint8Array(await file.arrayBuffer()), { loader, fileName: file.name });
  if (!read.ok) throw fail(read.refusal.message);
  return { rows: read.rows, pageCount: read.pageCount, origin: pdfOrigin(read, file.name, true) };
}
