// The sidebar sends a PDF's rows to Apps Script in batches under google.script.run's limits, and
// the server writes them to the side's sheet (and to no other sheet).
import fc from 'fast-check';
import { batches } from '../../gas/sidebar/pdf';
import { createFakeGas, loadBundle } from '../gas/fake-gas';

test('batches keep every row, in order, each under the row and size caps', () => {
  fc.assert(
    fc.property(fc.array(fc.array(fc.string({ maxLength: 80 }), { maxLength: 8 }), { maxLength: 400 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 200, max: 5000 }), (rows, maxRows, maxChars) => {
      const parts = batches(rows, maxRows, maxChars);
      expect(parts.flat()).toEqual(rows);
      for (const p of parts) {
        expect(p.length).toBeGreaterThan(0);
        expect(p.length).toBeLessThanOrEqual(maxRows);
        // A single row larger than the cap travels alone.
        if (p.length > 1) expect(p.reduce((n, r) => n + JSON.stringify(r).length, 0)).toBeLessThanOrEqual(maxChars);
      }
    }),
  );
});

test('pursueWritePdfRows: batches land on the side sheet as text; other sheets are refused', () => {
  const gas = createFakeGas();
  const bundle = loadBundle(gas);
  const rows = Array.from({ length: 2500 }, (_, k) => (k % 2 ? [`${k + 1}.  Drip edge`, '1.00', '12/30'] : [`line ${k + 1}`]));
  let start = 0;
  for (const part of batches(rows)) {
    bundle.call('pursueWritePdfRows', { sheet: 'Ours (PDF)', start, rows: part });
    start += part.length;
  }
  const values = gas.ss.getSheetByName('Ours (PDF)')!.getDataRange().getValues();
  expect(values.length).toBe(2500);
  expect(values[1]).toEqual(['2.  Drip edge', '1.00', '12/30']);
  expect(values[2]).toEqual(['line 3', '', '']);
  // A second PDF replaces the first.
  bundle.call('pursueWritePdfRows', { sheet: 'Ours (PDF)', start: 0, rows: [['only']] });
  expect(gas.ss.getSheetByName('Ours (PDF)')!.getDataRange().getValues()).toEqual([['only']]);
  expect(() => bundle.call('pursueWritePdfRows', { sheet: 'Pursue Items', start: 0, rows: [['x']] })).toThrow(/only to Ours \(PDF\) or Insurer \(PDF\)/);
});
