import fc from 'fast-check';
import { parseEstimate } from '../../shared/parse/detect';
import { parseComparison } from '../../shared/parse/detect';
import { decodeText, readText } from '../../shared/parse/rows';
import { fixture } from '../helpers/samples';

// Hostile and awkward pastes (issue 11, "Pastes read wrong"): each gets a problem naming its row,
// and nothing is guessed.
const HEADER = 'Line\tRoom\tDescription\tQty\tUnit\tUnit Cost\tTotal';
const parse = (text: string, side: 'ours' | 'theirs' = 'ours') => parseEstimate(readText(text), side);
const codes = (p: { problems: Array<{ code: string; row: number | null }> }) => p.problems.map((x) => `${x.code}@${x.row}`);

test('(3.00) as a quantity is −3, flagged as a credit on its row', () => {
  const p = parse(`${HEADER}\n1\tRoof\tDrip edge\t10\tLF\t3.00\t30.00\n2\tRoof\tSalvage shingles\t(3.00)\tSQ\t20.00\t(60.00)\n`);
  expect(p.lines[1]).toMatchObject({ qty: -3, amount: -6000 });
  expect(codes(p)).toContain('negative-quantity@3');
});

test('a negative unit price (salvage credit) is flagged on its row', () => {
  const p = parse(`${HEADER}\n1\tRoof\tDrip edge\t10\tLF\t3.00\t30.00\n2\tRoof\tSalvage\t1\tEA\t-50.00\t-50.00\n`);
  expect(p.lines[1].unitPrice).toBe(-5000);
  expect(codes(p)).toContain('negative-price@3');
});

test('a TSV whose last cell was cut short says the paste looks cut off, naming the row', () => {
  const p = parse(`${HEADER}\n1\tRoof\tDrip edge\t10\tLF\t3.00\t30.00\n2\tRoof\tValley metal\t100\tLF\t2.50\t25`);
  const cut = p.problems.find((x) => x.code === 'paste-cut-off');
  expect(cut?.row).toBe(3);
  expect(cut?.message).toMatch(/cut off/);
  expect(p.lines[1].amount).toBe(25000);
});

test('a TSV row cut before its total column is cut off too', () => {
  const p = parse(`${HEADER}\n1\tRoof\tDrip edge\t10\tLF\t3.00\t30.00\n2\tRoof\tValley metal\t100\tLF`);
  expect(codes(p)).toEqual(expect.arrayContaining([expect.stringMatching(/@3$/)]));
  expect(p.lines.map((l) => l.item)).toEqual(['1']);
});

test('a PDF-text line cut inside its figures is reported as cut off', () => {
  const text = [
    'DESCRIPTION QUANTITY UNIT PRICE TAX O&P RCV',
    '1. Drip edge 10.00 LF 3.00 1.00 6.20 37.20',
    '2. Valley metal 20.00 LF 5.00 2.00 20.40 122.40',
    '3. Step flashing 12.00 LF 10.00 3.',
  ].join('\n');
  const p = parse(text);
  const cut = p.problems.find((x) => x.code === 'paste-cut-off');
  expect(cut?.row).toBe(4);
});

test('an unbalanced quote in a CSV is recovered line by line and its row named', () => {
  const csv = 'Line,Description,Qty,Unit,Unit Cost,Total\n1,Drip edge,10,LF,3.00,30.00\n2,"Valley metal 6" wide,20,LF,5.00,100.00\n3,Step flashing,12,LF,10.00,120.00\n';
  const p = parse(csv);
  expect(p.lines.map((l) => [l.item, l.amount])).toEqual([['1', 3000], ['2', 10000], ['3', 12000]]);
  expect(p.problems.find((x) => x.code === 'unbalanced-quote')?.row).toBe(3);
});

test('#N/A in Qty never becomes 1: rebuilt from price and total when they agree, and said so', () => {
  const p = parse(`${HEADER}\n1\tRoof\tDrip edge\t#N/A\tLF\t3.00\t30.00\n2\tRoof\tValley\t#VALUE!\tLF\t3.00\t31.01\n`);
  expect(p.lines.map((l) => [l.item, l.qty])).toEqual([['1', 10]]);
  expect(codes(p)).toEqual(expect.arrayContaining(['figure-rebuilt@2', 'bad-figure@3']));
});

test('scientific and huge numbers: read and said, or refused; never $1.00', () => {
  const p = parse(`${HEADER}\n1\tRoof\tDrip edge\t1e1\tLF\t3.00\t30.00\n2\tRoof\tValley\t1e15\tLF\t3.00\t30.00\n`);
  expect(p.lines[0].qty).toBe(10);
  expect(p.lines.some((l) => l.item === '2' && l.amount === 100)).toBe(false);
  expect(p.problems.some((x) => x.row === 3)).toBe(true);
});

test('a non-breaking space in a description is kept as pasted', () => {
  const p = parse(`${HEADER}\n1\tRoof\tDrip\u00a0edge\t10\tLF\t3.00\t30.00\n`);
  expect(p.lines[0].description).toBe('Drip\u00a0edge');
});

test('Windows-1252 bytes are decoded, not turned into �', () => {
  const bytes = Uint8Array.from([0x31, 0xbd, 0x20, 0xd7, 0x20, 0x96]); // "1½ × –"
  expect(decodeText(bytes)).toBe('1½ × –');
  expect(decodeText(new TextEncoder().encode('1½ × –'))).toBe('1½ × –');
});

test('Group/Building and Room columns make an area path; NOTE rows are the line note', () => {
  const text = 'Group\tRoom\tLine\tDescription\tQty\tUnit\tUnit Price\tTotal\nBldg 3\tRoof\t1\tDrip edge\t10\tLF\t3.00\t30.00\n\t\tNOTE\tPer code R905.2.8.5\t\t\t\t\n';
  const p = parse(text);
  expect(p.lines[0].area).toBe('Bldg 3 › Roof');
  expect(p.lines[0].note).toBe('Per code R905.2.8.5');
});

test.each([
  ['Ours', 'Insurer'], ['Contractor', 'Carrier'], ['Our Estimate', 'RE'], ['Requested', 'Approved'], ['Supplement', 'Approved'],
])('side-by-side labels %s / %s, with a variance column ignored', (a, b) => {
  const text = `Item\tDescription\t${a} Qty\t${a} Unit Price\t${a} Total\t${b} Qty\t${b} Unit Price\t${b} Total\tVariance\nRoof\n1\tDrip edge\t10\t3.00\t30.00\t8\t3.00\t24.00\t6.00\n`;
  const t = parseComparison(readText(text))!;
  expect(t.ours.lines[0]).toMatchObject({ qty: 10, amount: 3000, area: 'Roof' });
  expect(t.theirs!.lines[0]).toMatchObject({ qty: 8, amount: 2400 });
});

test('bad input: empty, binary, raw PDF bytes, a 1 MB line, truncated: no crash, no hang', () => {
  const pdf = '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\nstream\nx\u0000\u0001\u0002\nendstream\n%%EOF';
  for (const t of ['', '\u0000\u0001\u0002\u0003', pdf, 'x'.repeat(1_000_000), '1. Drip edge 10.00 LF 3.', '1. Drip edge']) {
    const started = Date.now();
    const p = parse(t);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(p.problems.length).toBeGreaterThan(0);
  }
});

test('any text: the reader never throws, and every amount it reads is whole cents', () => {
  const token = fc.constantFrom('1.', 'Drip edge', '10.00', 'LF', '$3.00', '(5.00)', '<0.00>', '[M]', 'Totals:', 'Roof', 'Subtotal', '"', ',', '\t', '#N/A', '1e15', '22.21', '(22.33)', 'QTY', 'DESCRIPTION', 'RCV', 'CONTINUED -', '$1,234.56$7.00', 'LLiivviinngg', "12' 10\"");
  const line = fc.array(token, { maxLength: 10 }).map((t) => t.join(' '));
  fc.assert(
    fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
      const p = parse(lines.join('\n'));
      for (const l of p.lines) expect(Number.isInteger(l.amount) && Number.isInteger(l.unitPrice)).toBe(true);
    }),
  );
});

test('export headers: OH&P, RC, Dep, AC are read; "Line Total" before "Total RCV" is the extension', () => {
  const p = parse(
    [
      'Item #,Room / Area,Desc,Qty,UOM,Unit Cost,Line Total,Sales Tax,OH&P,RC,Dep,AC',
      '1,Main Roof,Drip edge,256.00,LF,3.28,839.68,26.45,167.94,"1,034.07",(103.41),930.66',
    ].join('\n'),
  );
  expect(p.lines.map((l) => [l.amount, l.tax, l.overheadProfit, l.rcv])).toEqual([[83968, 2645, 16794, 103407]]);
  expect(p.problems.filter((x) => x.severity !== 'info')).toEqual([]);
  const q = parse('Line,Location,Item Description,Quantity,Unit,Price,Line Total,Tax,Total RCV\n2,Roof,Shingles,30.00,SQ,268.71,"8,061.30",250.00,"8,311.30"\n', 'theirs');
  expect(q.lines.map((l) => [l.amount, l.tax, l.rcv])).toEqual([[806130, 25000, 831130]]);
  expect(q.problems.filter((x) => x.severity !== 'info')).toEqual([]);
});

test('a side-by-side where the carrier approves nothing is a denial; missing unit prices are said once per side', () => {
  const cmp = parseComparison(
    readText(
      [
        'Item\tDescription\tContractor Qty\tContractor Total\tCarrier Qty\tCarrier Total\tVariance',
        '1\tDrip edge\t256 LF\t$839.68\t200 LF\t$656.00\t$183.68',
        '2\tIce & water barrier\t930 SF\t$1,841.40\t310 SF\t$613.80\t$1,227.60',
        '3\tValley metal\t48 LF\t$269.76\t\t$0.00\t$269.76',
      ].join('\n'),
    ),
  )!;
  expect(cmp.ours.lines.map((l) => l.item)).toEqual(['1', '2', '3']);
  expect(cmp.theirs!.lines.map((l) => l.description)).toEqual(['Drip edge', 'Ice & water barrier']);
  expect(cmp.pairs['3']).toBeUndefined();
  const derived = [...cmp.ours.problems, ...cmp.theirs!.problems].filter((p) => p.code === 'unit-price-derived');
  expect(derived.map((p) => [p.side, p.severity, p.row])).toEqual([
    ['ours', 'info', null],
    ['theirs', 'info', null],
  ]);
  expect(derived[0]!.message).toMatch(/^3 lines have no unit price \(rows 2-4\)/);
});

test('PDF text split one word per cell (Excel\'s remembered Text to Columns) reads as the text it was', () => {
  for (const side of ['ours', 'theirs'] as const) {
    const text = fixture('case2', `${side}.txt`);
    const split = readText(text.split('\n').map((l) => l.trim().split(/\s+/).join('\t')).join('\n'));
    const asText = parseEstimate(readText(text), side);
    const p = parseEstimate(split, side);
    expect(p.lines.map((l) => [l.item, l.description, l.amount])).toEqual(asText.lines.map((l) => [l.item, l.description, l.amount]));
    expect(p.recap.rcv).toBe(asText.recap.rcv);
    // Ours has a column header line, whose words look like a table's header once split: that reading
    // is set aside, and the paste says so. The insurer's has none and reads as text either way.
    expect(p.problems.filter((x) => x.code === 'split-at-spaces')).toHaveLength(side === 'ours' ? 1 : 0);
  }
});

test('a page pasted twice: the exact repeats are left out and said once, so nothing is counted twice', () => {
  const lines = fixture('case2', 'ours.txt').split('\n');
  const once = parseEstimate(readText(lines.join('\n')), 'ours');
  const twice = parseEstimate(readText([...lines.slice(0, 45), ...lines.slice(25, 45), ...lines.slice(45)].join('\n')), 'ours');
  expect(twice.lines.map((l) => [l.item, l.amount])).toEqual(once.lines.map((l) => [l.item, l.amount]));
  const said = twice.problems.filter((p) => p.code === 'pasted-twice');
  expect(said).toHaveLength(1);
  expect(said[0]!.message).toMatch(/rows 46-/);
  expect(twice.problems.some((p) => p.code === 'duplicate-item-number')).toBe(false);
  // The same description and figures in another room is another line, kept.
  const room = (name: string) => [name, 'DESCRIPTION QUANTITY UNIT PRICE TOTAL', '1. Toilet seat 1.00 EA 40.00 40.00', `Totals: ${name} 40.00`];
  const rooms = parseEstimate(readText([...room('Bath 1'), ...room('Bath 2')].join('\n')), 'ours');
  expect(rooms.lines.map((l) => l.area)).toEqual(['Bath 1', 'Bath 2']);
});

// A figure whose sign is an en dash or minus sign (word processors, some PDFs), or whose dollar
// sign stands apart (Excel's accounting format, right-aligned PDF columns), made the whole line
// "has no quantity and price" and it was left out.
test('en dash and minus-sign negatives and "$ 12.00" are read as figures, in text and in a CSV', () => {
  const text = [
    'Roof',
    '1. Credit for salvage \u20131.00 EA 150.00 0.00 0.00 \u2013150.00 (0.00) \u2013150.00',
    '2. Step flashing 10.00 LF $ 12.00 0.00 24.00 $ 144.00 (0.00) $ 144.00',
    '3. Valley metal 40.00 LF 5.00 0.00 0.00 200.00 \u221220.00 180.00',
  ].join('\n');
  const p = parseEstimate(readText(text), 'ours');
  expect(p.lines.map((l) => [l.item, l.description, l.qty, l.unitPrice, l.amount, l.overheadProfit, l.rcv, l.depreciation, l.acv])).toEqual([
    ['1', 'Credit for salvage', -1, 15_000, -15_000, 0, -15_000, 0, -15_000],
    ['2', 'Step flashing', 10, 1_200, 12_000, 2_400, 14_400, 0, 14_400],
    ['3', 'Valley metal', 40, 500, 20_000, 0, 20_000, 2_000, 18_000],
  ]);
  const csv = 'Description,Qty,Unit,Unit Price,Total\nCredit for salvage,\u20131.00,EA,150.00,\u2013150.00\nStep flashing,10.00,LF,$ 12.00,$ 120.00\n';
  expect(parseEstimate(readText(csv), 'ours').lines.map((l) => [l.qty, l.unitPrice, l.amount])).toEqual([[-1, 15_000, -15_000], [10, 1_200, 12_000]]);
});

test('an en dash inside a description is kept as printed', () => {
  const p = parseEstimate(readText('Roof\n1. Roof vent \u2013 turtle type 2.00 EA 55.00 110.00'), 'ours');
  expect(p.lines.map((l) => [l.description, l.amount])).toEqual([['Roof vent \u2013 turtle type', 11_000]]);
});
