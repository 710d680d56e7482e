// Every layout family the reader knows (tests/render, the reader's own renderer), printed to PDF
// the way a PDF producer sets text: page text at its character columns (runs of spaces become
// gaps, not characters), exports and tables as cells at column positions with figures
// right-aligned. The PDF path must read what the text path reads, to the cent.
import fc from 'fast-check';
import { parseEstimate } from '../../shared/parse/detect';
import { readText } from '../../shared/parse/rows';
import { arbEstimate, FAMILIES, renderEstimate } from '../render/index';
import { essence, readPdfBytes } from './helpers';
import { printToPdf } from './print-rendering';

describe.each(FAMILIES)('%s (tests/render) printed to PDF', (family) => {
  test('PDF path = text path', async () => {
    await fc.assert(
      fc.asyncProperty(arbEstimate, fc.boolean(), fc.constantFrom('top' as const, 'bottom' as const), fc.integer({ min: 1, max: 1000 }), async (est, noise, valign, shuffle) => {
        // Tables in any column order (the item number last, the description anywhere).
        const text = renderEstimate(est, family, { noise, shuffle });
        const fromText = parseEstimate(readText(text), 'ours');
        const read = await readPdfBytes(await printToPdf(text, { valign }));
        if (!read.ok) throw new Error(read.refusal.message);
        const fromPdf = parseEstimate(read.rows, 'ours');
        expect(fromPdf.lines.length).toBe(fromText.lines.length);
        expect(essence(fromPdf).lines).toEqual(essence(fromText).lines);
        expect(essence(fromPdf).recap).toEqual(essence(fromText).recap);
        expect(essence(fromPdf).printedTotals).toEqual(essence(fromText).printedTotals);
      }),
      { numRuns: 8 },
    );
  });
});
