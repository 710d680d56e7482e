// The PDF path reads the same estimate as the text path: for every layout family, generated
// estimates printed as page text and as a PDF (right-aligned figure columns, descriptions wrapped
// in their column, running heads and feet, a line whose figures fall on the next page, a sketch
// page of room labels) parse to the same lines, areas and totals, to the cent, and to the
// generated figures themselves.
import fc from 'fast-check';
import { parseEstimate } from '../../shared/parse/detect';
import { essence, parseTextPath, readPdfBytes } from './helpers';
import { amountOf, FAMILIES, genEstimate, printedPdf, printedText, printEstimate } from './printed';

describe.each(FAMILIES)('%s layout', (family) => {
  test('PDF path = text path = the generated estimate', async () => {
    await fc.assert(
      fc.asyncProperty(genEstimate(family, 30), async (est) => {
        const text = parseTextPath(printedText(printEstimate(est, false)));
        const printed = printEstimate(est, true);
        const read = await readPdfBytes(await printedPdf(printed));
        if (!read.ok) throw new Error(read.refusal.message);
        const pdf = parseEstimate(read.rows, 'ours');

        expect(essence(pdf)).toEqual(essence(text));
        // Not two readers agreeing on a wrong answer: the generated lines, to the cent.
        expect(pdf.lines.map((l) => [l.item, l.area, l.description, l.amount])).toEqual(
          est.items.map((it, k) => [String(k + 1), family === 'table' || it.area ? it.area : '', it.desc, amountOf(it)]),
        );
        expect(read.mode).toBe(family === 'table' ? 'table' : 'text');
        expect(read.sketchPages).toEqual(est.sketch ? [read.pageCount] : []);
        expect(read.joinedAcrossPages).toBe(est.split >= 0 ? 1 : 0);
        // Running heads (3 lines) and feet (1 line) on every page are dropped when there are 2+ pages.
        const textPages = printed.pages.length;
        if (textPages >= 2) expect(read.repeatedLinesDropped).toBeGreaterThanOrEqual(4 * textPages);
      }),
      { numRuns: 20 },
    );
  });
});
