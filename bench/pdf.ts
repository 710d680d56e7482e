// PDF input figures for `npm run bench`: time to read an estimate PDF per page (target: a 20-page
// estimate in under 1 s), and the sizes of what the panes load lazily when a PDF is opened.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { loadPdfJsNode } from '../cli/pdf';
import { extension, formatPlain, parseEstimate, readPdf } from '../shared/index';

const DESCS = ['Drip edge', 'Step flashing', 'Valley metal', 'R&R Siding - vinyl', 'Ice & water barrier', 'Roof vent - turtle type - Metal', 'R&R Gutter / downspout - aluminum - up to 5"', 'House wrap (air/moisture barrier)'];
const AREAS = ['Roof', 'Front Elevation', 'Rear Elevation', 'Left Elevation', 'Right Elevation', 'Garage'];
const UNITS = ['LF', 'SF', 'EA', 'SQ'];

/** An Xactimate-style estimate of `pages` pages: running head and foot, right-aligned figures. */
async function estimatePdf(pages: number): Promise<{ bytes: Uint8Array; lines: number }> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const right = (pg: ReturnType<PDFDocument['addPage']>, t: string, x: number, y: number) => pg.drawText(t, { x: x - font.widthOfTextAtSize(t, 8), y, size: 8, font });
  let n = 0;
  for (let p = 1; p <= pages; p++) {
    const pg = doc.addPage([612, 792]);
    pg.drawText('Summit Roofing & Restoration LLC', { x: 24, y: 760, size: 8, font });
    pg.drawText(AREAS[(p - 1) % AREAS.length], { x: 24, y: 730, size: 8, font });
    const head: Array<[string, number]> = [['QUANTITY', 300], ['UNIT PRICE', 370], ['TAX', 440], ['O&P', 510], ['RCV', 580]];
    pg.drawText('DESCRIPTION', { x: 24, y: 715, size: 8, font });
    for (const [t, x] of head) right(pg, t, x, 715);
    for (let y = 700; y > 60; y -= 11.2) {
      n++;
      const qty = ((n * 37) % 5000) / 10 + 1;
      const price = 100 + ((n * 7919) % 40000);
      const amt = extension(qty, price);
      pg.drawText(`${n}.  ${DESCS[n % DESCS.length]}`, { x: 24, y, size: 8, font });
      right(pg, `${qty.toFixed(2)} ${UNITS[n % UNITS.length]}`, 300, y);
      right(pg, formatPlain(price), 370, y);
      right(pg, '0.00', 440, y);
      right(pg, '0.00', 510, y);
      right(pg, formatPlain(amt), 580, y);
    }
    pg.drawText(`SMITH_J_2025-ROOF     5/14/2025     Page: ${p}`, { x: 24, y: 30, size: 8, font });
  }
  return { bytes: await doc.save(), lines: n };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}

/** Size and gzipped size of a built file, or a note that it is not built. */
function size(file: string): string {
  if (!existsSync(file)) return 'not built (npm run build:excel)';
  return `${kb(statSync(file).size)} (gzip ${kb(gzipSync(readFileSync(file)).length)})`;
}

export async function pdfBench(root: string): Promise<string[]> {
  const out: string[] = [];
  const t0 = performance.now();
  await loadPdfJsNode();
  out.push(`PDF.js load (first PDF only): ${(performance.now() - t0).toFixed(0)} ms`);
  out.push('pages   lines   read ms (median)   ms per page   lines read');
  for (const [pages, runs] of [[1, 9], [20, 7], [100, 3]] as const) {
    const { bytes, lines } = await estimatePdf(pages);
    await readPdf(bytes, { loader: loadPdfJsNode, fileName: 'bench.pdf' }); // warm up
    const times: number[] = [];
    let got = 0;
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      const read = await readPdf(bytes, { loader: loadPdfJsNode, fileName: 'bench.pdf' });
      times.push(performance.now() - t);
      if (!read.ok) throw new Error(read.refusal.message);
      got = parseEstimate(read.rows, 'ours').lines.length;
    }
    const ms = median(times);
    out.push(`${String(pages).padStart(5)}   ${String(lines).padStart(5)}   ${ms.toFixed(0).padStart(16)}   ${(ms / pages).toFixed(1).padStart(11)}   ${got === lines ? 'all' : `${got} of ${lines}`}`);
  }
  const ex = path.join(root, 'dist', 'excel-addin');
  out.push('Loaded lazily, only when a PDF is opened (Excel pane serves them; the sidebar loads the same files):');
  out.push(`  pdf.min.mjs         ${size(path.join(ex, 'pdfjs', 'pdf.min.mjs'))}`);
  out.push(`  pdf.worker.min.mjs  ${size(path.join(ex, 'pdfjs', 'pdf.worker.min.mjs'))}`);
  out.push(`First load of the Excel pane (no PDF.js in it): taskpane.js ${size(path.join(ex, 'taskpane.js'))}`);
  return out;
}
