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

// Excel saves "CSV" with semicolons where the decimal mark is a comma; such a file was read as
// one cell a line and gave "No line items were found".
test('a semicolon CSV with comma decimals and a quoted cell spanning lines is read as a table', () => {
  const text = [
    'Line #;Area;Description;Qty.;U/M;Unit Cost;Ext.;Tax;O&P;Replacement Cost;Less Depreciation;ACV',
    '1;Roof;"Remove Laminated - comp. shingle rfg.; w/out felt";24,50;SQ;52,10;1.276,45;0,00;255,30;1.531,75;0,00;1.531,75',
    '2;Roof;"Laminated - comp. shingle rfg.',
    'w/out felt";27,00;SQ;245,00;6.615,00;180,45;1.359,09;8.154,54;0,00;8.154,54',
    '3;Roof;Drip edge;180,00;LF;2,90;522,00;15,66;107,53;645,19;0,00;645,19',
  ].join('\n');
  const rows = readText(text);
  expect(rows.map((r) => r.length)).toEqual([12, 12, 12, 12]);
  const p = parseEstimate(rows, 'ours');
  expect(p.lines.map((l) => [l.item, l.description, l.qty, l.unit, l.unitPrice, l.amount, l.tax, l.overheadProfit, l.rcv])).toEqual([
    ['1', 'Remove Laminated - comp. shingle rfg.; w/out felt', 24.5, 'SQ', 5210, 127645, 0, 25530, 153175],
    ['2', 'Laminated - comp. shingle rfg. w/out felt', 27, 'SQ', 24500, 661500, 18045, 135909, 815454],
    ['3', 'Drip edge', 180, 'LF', 290, 52200, 1566, 10753, 64519],
  ]);
});

test('a comma CSV whose descriptions hold semicolons stays a comma CSV', () => {
  const text = 'Description,Qty,Unit,Unit Price,Total\n"Drip edge; aluminum; white",180.00,LF,2.90,522.00\n"Step flashing; galv.",10.00,LF,12.00,120.00\n';
  const p = parseEstimate(readText(text), 'ours');
  expect(p.lines.map((l) => [l.description, l.amount])).toEqual([['Drip edge; aluminum; white', 52200], ['Step flashing; galv.', 12000]]);
});

// "Line Item" is a description heading, but beside a "Description" column it holds the line
// numbers: the first description column won and every line was named "1", "2", "3".
test('"Line Item" beside "Description" is the line number, not the description', () => {
  const text = 'Line Item,Area,Description,Qty.,U/M,Unit Cost,Ext.\n7,Roof,Drip edge,180.00,LF,2.90,522.00\n8,Roof,Step flashing,10.00,LF,12.00,120.00\n';
  const p = parseEstimate(readText(text), 'ours');
  expect(p.lines.map((l) => [l.item, l.description, l.unit, l.amount])).toEqual([['7', 'Drip edge', 'LF', 52200], ['8', 'Step flashing', 'LF', 12000]]);
});

test('"Line Item" alone is still the description', () => {
  const text = 'Line Item,Qty,Unit,Unit Price,Total\nDrip edge,180.00,LF,2.90,522.00\n';
  expect(parseEstimate(readText(text), 'ours').lines.map((l) => l.description)).toEqual(['Drip edge']);
});
