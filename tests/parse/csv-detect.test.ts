import { parseEstimate, readText } from '../../shared/index';

// Found by the renderer property test (FC_SEED=19000134): a Group cell ending in a number followed by
// a figure ("Bldg 3,100.00") was taken for a thousands separator, so the CSV was not seen as CSV.
test('a CSV cell ending in a number before a figure cell is two cells, not "3,100.00"', () => {
  const text = 'Room,Line,RCV,Unit,Description,Tax,Quantity,O&P,Group,Unit Price\nRoof,1,1.05,LF,Drip edge,0.00,0.01,0.05,Bldg 3,100.00\n';
  const rows = readText(text);
  expect(rows[1]).toHaveLength(10);
  const p = parseEstimate(rows, 'ours');
  expect(p.lines.map((l) => [l.item, l.description, l.qty, l.unitPrice, l.amount, l.area])).toEqual([['1', 'Drip edge', 0.01, 10000, 100, 'Bldg 3 › Roof']]);
});

test('a fixed-width table keeps its thousands separators inside figures', () => {
  const text = ['DESCRIPTION            QTY   UNIT PRICE        TOTAL', 'Drip edge          1,200.00 LF       2.50     3,000.00', 'Step flashing         10.00 LF      12.00       120.00'].join('\n');
  expect(readText(text).every((r) => r.length === 1)).toBe(true);
});
