import { parseEstimate, readText } from '../../shared/index';

// A table printed with its subtotals and recap under it (a fixed-width estimate read from a PDF
// becomes such a table): read the way the text reader reads the same page.
const read = (lines: string[][]) => parseEstimate(readText(lines.map((l) => l.join('\t')).join('\n') + '\n'), 'ours');

test('"Subtotal" right under an area\'s lines totals that area; a one-figure "Line Item Total" is the recap\'s', () => {
  const p = read([
    ['Item', 'Description', 'Qty', 'Unit', 'Unit Price', 'Total'],
    ['', 'ROOF', '', '', '', ''],
    ['1', 'Drip edge', '10.00', 'LF', '$2.50', '$25.00'],
    ['', 'Subtotal', '', '', '', '$25.00'],
    ['', 'GUTTERS', '', '', '', ''],
    ['2', 'Gutter guard', '4.00', 'LF', '$5.00', '$20.00'],
    ['', 'Subtotal', '', '', '', '$20.00'],
    ['Line Item Total', '$45.00', '', '', '', ''],
    ['Sales Tax', '$1.00', '', '', '', ''],
    ['Replacement Cost Value', '$46.00', '', '', '', ''],
  ]);
  expect(p.lines.map((l) => [l.item, l.area, l.amount])).toEqual([
    ['1', 'ROOF', 2500],
    ['2', 'GUTTERS', 2000],
  ]);
  expect(p.printedTotals.map((t) => [t.area, t.rcv])).toEqual([
    ['ROOF', 2500],
    ['GUTTERS', 2000],
  ]);
  expect(p.recap).toMatchObject({ lineItemTotal: 4500, materialSalesTax: 100, rcv: 4600, subtotal: null });
  expect(p.problems.filter((x) => x.severity !== 'info')).toEqual([]);
});

test('a "Line Item Totals" row with the tax and RCV columns filled stays the table\'s totals row', () => {
  const p = read([
    ['Description', 'Qty', 'Unit', 'Unit Price', 'Tax', 'RCV'],
    ['Drip edge', '10.00', 'LF', '2.50', '1.00', '26.00'],
    ['Line Item Totals', '', '', '', '1.00', '26.00'],
    ['Line Item Totals', '', '', '', '', '26.00'],
  ]);
  expect(p.recap.lineItemTotal).toBeNull();
  expect(p.printedTotals.map((t) => [t.area, t.tax, t.rcv])).toEqual([
    ['', 100, 2600],
    ['', null, 2600],
  ]);
});

// "Overhead" and "Profit" printed as two columns were not read at all: the lines had no O&P, the
// O&P gap was $0 and every line warned that its figures did not add up to the printed total.
test('Overhead and Profit columns add up to the line O&P, on lines and on the totals row', () => {
  const text = [
    'Line,Room,Description,Qty,Unit,Unit Price,Line Total,Tax,Overhead,Profit,Total RCV',
    '1,Roof,Drip edge,180.00,LF,2.90,522.00,15.66,53.77,53.76,645.19',
    '2,Roof,Step flashing,10.00,LF,12.00,120.00,0.00,12.00,12.00,144.00',
    ',,Totals: Roof,,,,642.00,15.66,65.77,65.76,789.19',
  ].join('\n');
  const p = parseEstimate(readText(text), 'ours');
  expect(p.lines.map((l) => [l.item, l.amount, l.tax, l.overheadProfit, l.rcv])).toEqual([
    ['1', 52_200, 1_566, 10_753, 64_519],
    ['2', 12_000, 0, 2_400, 14_400],
  ]);
  expect(p.problems.filter((q) => q.severity !== 'info')).toEqual([]);
});
