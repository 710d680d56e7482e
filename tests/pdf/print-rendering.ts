// A rendering (tests/render) printed to PDF the way a PDF producer sets text: page text at its
// character columns (runs of spaces become gaps, not characters), exports and tables as cells at
// column positions with figures right-aligned.
import { PDFDocument, StandardFonts, type PDFPage } from 'pdf-lib';
import { readText } from '../../shared/parse/rows';

const FIGURE = /^[\s$()\-\d.,%]+$/;

export interface PrintOptions {
  /**
   * Where a table row's other cells sit beside a cell wrapped onto several lines: at its first line
   * (top) or its last (bottom, a spreadsheet's default when it prints).
   */
  valign?: 'top' | 'bottom';
}

export async function printToPdf(text: string, opts: PrintOptions = {}): Promise<Uint8Array> {
  const rows = readText(text).map((r) => r.map((c) => (c == null ? '' : String(c))));
  const table = rows.some((r) => r.length > 1);
  // A cell with line breaks in it (a quoted cell) is printed on as many lines, the row as tall.
  const linesOf = (c: string) => c.split('\n').map((s) => s.trim());
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Courier);
  // Column starts (in characters) for a table: each column as wide as its widest cell line, 3 apart.
  const widths: number[] = [];
  if (table) for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, ...linesOf(c).map((s) => s.length))));
  const starts = widths.map((_, i) => widths.slice(0, i).reduce((a, w) => a + w + 3, 0));
  const chars = table ? (starts.at(-1) ?? 0) + (widths.at(-1) ?? 0) : Math.max(1, ...rows.map((r) => (r[0] ?? '').length));
  const size = Math.min(8, 560 / (chars * 0.6));
  const cw = size * 0.6;
  // Lines inside one cell are set at the font's leading; rows further apart.
  const lead = size * 1.2;
  let page: PDFPage | null = null;
  let y = 0;
  const draw = (t: string, col: number, at = y) => page!.drawText(t, { x: 24 + col * cw, y: at, size, font });
  for (const r of rows) {
    const cells = r.map(linesOf);
    const tall = Math.max(1, ...cells.map((c) => c.length));
    if (!page || y - (tall - 1) * lead < 40) {
      page = doc.addPage([612, 792]);
      y = 760;
    }
    if (table) {
      cells.forEach((ls, i) => {
        const from = opts.valign === 'bottom' ? tall - ls.length : 0;
        ls.forEach((t, k) => {
          if (t === '') return;
          draw(t, FIGURE.test(t) ? starts[i]! + widths[i]! - t.length : starts[i]!, y - (from + k) * lead);
        });
      });
    } else {
      // Each run of text at its column: a producer positions words, it does not print spaces.
      const line = r[0] ?? '';
      const re = /\S+(?: \S+)*/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(line)) !== null) draw(m[0], m.index);
    }
    y -= (tall - 1) * lead + size * 1.5;
  }
  return doc.save();
}
