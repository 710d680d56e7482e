// Every layout family the reader knows (tests/render, the reader's own renderer), printed to PDF
// the way a PDF producer sets text: page text at its character columns (runs of spaces become
// gaps, not characters), exports and tables as cells at column positions with figures
// right-aligned. The PDF path must read what the text path reads, to the cent.
import fc from 'fast-check';
import { PDFDocument, StandardFonts, type PDFPage } from 'pdf-lib';
import { parseEstimate } from '../../shared/parse/detect';
import { readText } from '../../shared/parse/rows';
import { arbEstimate, FAMILIES, renderEstimate } from '../render/index';
import { essence, readPdfBytes } from './helpers';

const FIGURE = /^[\s$()\-\d.,%]+$/;

async function printToPdf(text: string): Promise<Uint8Array> {
  const rows = readText(text).map((r) => r.map((c) => (c == null ? '' : String(c))));
  const table = rows.some((r) => r.length > 1);
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Courier);
  // Column starts (in characters) for a table: each column as wide as its widest cell, 3 apart.
  const widths: number[] = [];
  if (table) for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.trim().length)));
  const starts = widths.map((_, i) => widths.slice(0, i).reduce((a, w) => a + w + 3, 0));
  const chars = table ? (starts.at(-1) ?? 0) + (widths.at(-1) ?? 0) : Math.max(1, ...rows.map((r) => (r[0] ?? '').length));
  const size = Math.min(8, 560 / (chars * 0.6));
  const cw = size * 0.6;
  let page: PDFPage | null = null;
  let y = 0;
  const draw = (t: string, col: number) => page!.drawText(t, { x: 24 + col * cw, y, size, font });
  for (const r of rows) {
    if (!page || y < 40) {
      page = doc.addPage([612, 792]);
      y = 760;
    }
    if (table) {
      r.forEach((c, i) => {
        const t = c.trim();
        if (t === '') return;
        draw(t, FIGURE.test(t) ? starts[i]! + widths[i]! - t.length : starts[i]!);
      });
    } else {
      // Each run of text at its column: a producer positions words, it does not print spaces.
      const line = r[0] ?? '';
      const re = /\S+(?: \S+)*/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(line)) !== null) draw(m[0], m.index);
    }
    y -= size * 1.5;
  }
  return doc.save();
}

// Not yet read from a PDF the way their text is (open work, see the pdf helper's report):
// 'fixed-width' (its recap under the table), 'pdf-to-excel' (descriptions wrapped inside quoted
// cells) and 'tsv' (columns in any order, item number last).
const NOT_YET = ['fixed-width', 'pdf-to-excel', 'tsv'];

describe.each(FAMILIES.filter((f) => !NOT_YET.includes(f)))('%s (tests/render) printed to PDF', (family) => {
  test('PDF path = text path', async () => {
    await fc.assert(
      fc.asyncProperty(arbEstimate, fc.boolean(), async (est, noise) => {
        const text = renderEstimate(est, family, { noise });
        const fromText = parseEstimate(readText(text), 'ours');
        const read = await readPdfBytes(await printToPdf(text));
        if (!read.ok) throw new Error(read.refusal.message);
        const fromPdf = parseEstimate(read.rows, 'ours');
        expect(fromPdf.lines.length).toBe(fromText.lines.length);
        expect(essence(fromPdf).lines).toEqual(essence(fromText).lines);
        expect(essence(fromPdf).recap).toEqual(essence(fromText).recap);
      }),
      { numRuns: 8 },
    );
  });
});
