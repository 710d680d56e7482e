import { parseEstimate } from '../../shared/parse/detect';
import { solveRoles, splitFigures } from '../../shared/parse/figures';
import { noiseKind } from '../../shared/parse/noise';
import { readText } from '../../shared/parse/rows';

const parse = (lines: string[]) => parseEstimate(readText(lines.join('\n')), 'ours');

test('roles from arithmetic: the same figures read whatever the column order', () => {
  // qty 10 × 3.00 = 30.00; tax 1.00; O&P 6.20; RCV 37.20; dep 5.00; ACV 32.20.
  const r = solveRoles(10, [300, 100, 620, 3720, -500, 3220], null)!;
  expect(r.values).toMatchObject({ unitPrice: 300, tax: 100, overheadProfit: 620, rcv: 3720, acv: 3220 });
  // A header saying O&P comes before tax only breaks the tie arithmetic cannot.
  const s = solveRoles(10, [300, 620, 100, 3720], ['unitPrice', 'overheadProfit', 'tax', 'rcv'])!;
  expect(s.values).toMatchObject({ overheadProfit: 620, tax: 100 });
});

test('figures found at the end of a line: unit after price, glued money, (qty2), no quantity', () => {
  expect(splitFigures('Window beading, 6.00 $1.63 LF $0.00 $0.00 $9.78 $0.00 $9.78')!.run).toMatchObject({ qty: 6, unit: 'LF' });
  expect(splitFigures('Shingles 22.21 (22.33) $107.81 SQ $0.00 $198.61 $2,606.01 $0.00 $2,606.01')!.run.qty).toBe(22.33);
  expect(splitFigures('Sub 13.49SQ 10.00 134.90')!.run).toMatchObject({ qty: 13.49, unit: 'SQ' });
  expect(splitFigures('Total $0.00 $521.95$17,811.00')).toBeNull();
  expect(splitFigures('Countertop - butcher SF 5.66 0.00 0.00')!.run).toMatchObject({ qty: null, unit: 'SF' });
});

test('item numbers in any form', () => {
  const p = parse([
    'DESCRIPTION QUANTITY UNIT PRICE TAX O&P RCV',
    '12. Drip edge 10.00 LF 3.00 1.00 6.20 37.20',
    '10a. Valley metal 20.00 LF 5.00 2.00 20.40 122.40',
    'Line 14 Step flashing 12.00 LF 10.00 0.00 24.00 144.00',
    '15 Ridge cap, composition 10.00 LF 4.00 0.00 8.00 48.00',
  ]);
  expect(p.lines.map((l) => [l.item, l.amount])).toEqual([['12', 3000], ['10a', 10000], ['14', 12000], ['15', 4000]]);
});

test('sketch labels and dimension lines are noise, never areas or items', () => {
  for (const t of ['LLiivviinngg RRoooomm', '((BB11))', `12' 10"`, '"11', '3397.66 Surface Area', "Height: 8'", '1,093.33 SF Walls 1,130.27 SF Ceiling', 'Roof area: 2,799.23 SF Squares: 28.0 SQ']) {
    expect([t, noiseKind(t)]).toEqual([t, expect.stringMatching(/sketch|dimension/)]);
  }
  const p = parse([
    'LLiivviinngg RRoooomm',
    `12' 10"`,
    "Living Room Height: 8'",
    '3397.66 Surface Area',
    'DESCRIPTION QTY REMOVE REPLACE TOTAL',
    '1. Drywall 10.00 SF 0.50 2.00 25.00',
    '((BB11))',
    'Totals: Living Room 25.00',
  ]);
  expect(p.lines.map((l) => [l.item, l.area])).toEqual([['1', 'Living Room']]);
  const skipped = p.problems.filter((x) => x.code === 'rows-skipped');
  expect(skipped).toHaveLength(1);
  expect(p.problems.filter((x) => x.severity !== 'info')).toEqual([]);
});

test('recap: several tax lines add up, coverage lines and M/L/E subtotals are not the totals', () => {
  const p = parse([
    'Description Quantity Unit Price Per Total O&P Total Taxes RC Depreciation ACV',
    '1 Drip edge, aluminum 10.00 $3.00 LF $0.00 $1.50 $31.50 $0.00 $31.50',
    'Total Materials: $20.00',
    'Total Labor: $10.00',
    'Subtotal: $30.00',
    'State 6.250% (applies to materials only): $1.00',
    'City 1.500% (applies to materials only): $0.50',
    'Replacement Cost Value: $31.50',
    'Replacement Cost on Coverage Building ($300,000.00 limit): $31.50',
    'Net Actual Cash Value on Coverage Building: $31.50',
    'Deductible ($1,000.00): $(1,000.00)',
    'Net Estimate: $0.00',
  ]);
  expect(p.recap).toMatchObject({ lineItemTotal: 3000, materialSalesTax: 150, rcv: 3150, deductible: 100000, netClaim: 0 });
  expect(p.recapRows?.rcv).toBe(8);
});

test('Summary for blocks (coverage splits) add up; a repeated figure counts once', () => {
  const p = parse([
    'DESCRIPTION QUANTITY UNIT PRICE TAX O&P RCV',
    '1. Drip edge 10.00 LF 3.00 0.00 0.00 30.00',
    '2. Fence 10.00 LF 2.00 0.00 0.00 20.00',
    'Summary for Dwelling',
    'Line Item Total 30.00',
    'Replacement Cost Value 30.00',
    'Less Recoverable Depreciation (5.00)',
    'Less Non-recoverable Depreciation (1.00)',
    'Net Claim 24.00',
    'Total Recoverable Depreciation 5.00',
    'Summary for Other Structures',
    'Line Item Total 20.00',
    'Replacement Cost Value 20.00',
    'Net Claim 20.00',
  ]);
  expect(p.recap).toMatchObject({ lineItemTotal: 5000, rcv: 5000, depreciation: 600, netClaim: 4400 });
});

test('a rough draft whose totals include tax: one note, not a warning per line', () => {
  const p = parse([
    'DESCRIPTION QTY REMOVE REPLACE *TOTAL',
    '1. Drywall 100.00 SF 0.50 2.00 260.00',
    '2. Paint 100.00 SF 0.00 1.00 104.00',
    '3. Trim 10.00 LF 0.00 2.00 20.80',
  ]);
  expect(p.lines.map((l) => l.amount)).toEqual([26000, 10400, 2080]);
  const notes = p.problems.filter((x) => x.code === 'totals-include-tax');
  expect(notes).toHaveLength(1);
  expect(notes[0].message).toMatch(/1\.0400/);
  expect(p.problems.filter((x) => x.code === 'line-figures-disagree')).toEqual([]);
});

test('lines without item numbers are numbered by their order, said once', () => {
  const p = parse([
    'Roof',
    'DESCRIPTION QUANTITY UNIT PRICE TAX O&P RCV',
    'Drip edge 10.00 LF 3.00 1.00 6.20 37.20',
    'Valley metal 20.00 LF 5.00 2.00 20.40 122.40',
    'Totals: Roof 3.00 26.60 159.60',
  ]);
  expect(p.lines.map((l) => [l.item, l.description, l.amount, l.area])).toEqual([['1', 'Drip edge', 3000, 'Roof'], ['2', 'Valley metal', 10000, 'Roof']]);
  expect(p.problems.filter((x) => x.code === 'items-numbered-by-order')).toHaveLength(1);
  expect(p.problems.filter((x) => x.severity !== 'info')).toEqual([]);
});

test('"qty UNIT @ price = extension" figures, on the line under the description', () => {
  const p = parse([
    'Roof',
    'QUANTITY  UNIT  TAX  O&P  RCV  AGE/LIFE  COND.  DEP %  DEPREC.  ACV',
    '1. Tear off, haul and dispose of comp. shingles - 3 tab',
    '24.50 SQ @ 52.10 = 1,276.45   0.00  0.00  1,276.45  15/25 yrs  Avg.  20%  (255.29)  1,021.16',
    '2. Drip edge',
    '180.00 LF @ 2.95 = 531.00   33.19  0.00  564.19  15/25 yrs  Avg.  20%  (112.84)  451.35',
  ]);
  expect(p.lines.map((l) => [l.item, l.description, l.qty, l.unit, l.unitPrice, l.amount, l.tax])).toEqual([
    ['1', 'Tear off, haul and dispose of comp. shingles - 3 tab', 24.5, 'SQ', 5210, 127645, 0],
    ['2', 'Drip edge', 180, 'LF', 295, 53100, 3319],
  ]);
});

test('older Xactimate columns "DESCRIPTION QNTY REMOVE REPLACE TAX O&P TOTAL": the header is read, remove + replace is the price', () => {
  const p = parse([
    'ROOF',
    'DESCRIPTION QNTY REMOVE REPLACE TAX O&P TOTAL',
    '1. R&R Drip edge 220.00 LF 0.25 2.90 8.12 140.22 841.34',
    '2. Laminated - comp. shingle rfg. - w/ felt 31.67 SQ 0.00 268.71 268.07 1,755.62 10,533.74',
  ]);
  expect(p.lines.map((l) => [l.item, l.unitPrice, l.amount])).toEqual([['1', 315, 69300], ['2', 26871, 851005]]);
  // The column header is not page text left out.
  expect(p.problems.filter((x) => x.code === 'rows-skipped')).toEqual([]);
});

test('one row left out is "1 row ... was", with its row number', () => {
  const p = parse(['Roof', 'QUANTITY UNIT PRICE TAX RCV', '1. Drip edge', '220.00 LF 3.15 0.00 693.00', 'Totals: Roof 0.00 693.00', '$$$ ### 12 34']);
  const skipped = p.problems.find((x) => x.code === 'rows-skipped');
  expect(skipped?.message).toBe('1 row of page text was left out: other text (row 6). Other text left out, e.g. "$$$ ### 12 34".');
  const two = parse(['Roof', 'QUANTITY UNIT PRICE TAX RCV', '1. Drip edge', '220.00 LF 3.15 0.00 693.00', 'Totals: Roof 0.00 693.00', '$$$ ### 12 34', '### 56']);
  expect(two.problems.find((x) => x.code === 'rows-skipped')?.message).toMatch(/^2 rows of page text were left out: other text \(2: rows 6-7\)\./);
});

// Copied without its column header, a Symbility line ("26.00 $240.00 SQ $O&P $Tax $RC ...") was
// read in Xactimate's TAX-then-O&P order: its O&P became tax and its tax O&P, so the tax and
// O&P gaps were both wrong (by $1,165.51 here) while the line totals looked right.
test('a Symbility line without its header (unit after the price) reads O&P before tax', () => {
  const text = [
    'Roof',
    '2 Laminated - comp. shingle rfg. - w/out felt 26.00 $240.00 SQ $1,248.00 $164.32 $7,652.32 $1,530.46 $6,121.86',
    '3 Drip edge 170.00 $2.80 LF $95.20 $13.37 $584.57 $58.46 $526.11',
  ].join('\n');
  const p = parseEstimate(readText(text), 'theirs');
  expect(p.lines.map((l) => [l.item, l.amount, l.overheadProfit, l.tax, l.rcv, l.depreciation, l.acv])).toEqual([
    ['2', 624_000, 124_800, 16_432, 765_232, 153_046, 612_186],
    ['3', 47_600, 9_520, 1_337, 58_457, 5_846, 52_611],
  ]);
});

test('an Xactimate line without its header keeps TAX before O&P', () => {
  const p = parseEstimate(readText('Roof\n3. Drip edge 180.00 LF 2.90 15.66 107.53 645.19 (0.00) 645.19'), 'ours');
  expect(p.lines.map((l) => [l.tax, l.overheadProfit, l.rcv])).toEqual([[1_566, 10_753, 64_519]]);
});

// The description ended one page and the figures opened the next, after the footer, "CONTINUED -"
// and the column header: the page break closed the line, so it was left out ("no quantity and
// price") and its figures reported as a stray row.
test('a line whose figures fall after a page break is read whole', () => {
  const text = [
    'Roof',
    'DESCRIPTION QUANTITY UNIT PRICE TAX O&P RCV DEPREC. ACV',
    '1. Drip edge 180.00 LF 2.90 15.66 107.53 645.19 (0.00) 645.19',
    '2. Hip / Ridge cap - Standard profile -',
    'composition shingles',
    'SMITH_JOHN 11/14/2026 Page: 3',
    'CONTINUED - Roof',
    'DESCRIPTION QUANTITY UNIT PRICE TAX O&P RCV DEPREC. ACV',
    '42.00 LF 6.50 8.19 56.24 337.43 (0.00) 337.43',
    '3. Step flashing 10.00 LF 12.00 0.00 24.00 144.00 (0.00) 144.00',
  ].join('\n');
  const p = parseEstimate(readText(text), 'ours');
  expect(p.lines.map((l) => [l.item, l.area, l.description, l.qty, l.amount, l.rcv])).toEqual([
    ['1', 'Roof', 'Drip edge', 180, 52_200, 64_519],
    ['2', 'Roof', 'Hip / Ridge cap - Standard profile - composition shingles', 42, 27_300, 33_743],
    ['3', 'Roof', 'Step flashing', 10, 12_000, 14_400],
  ]);
  expect(p.problems.filter((q) => q.severity !== 'info')).toEqual([]);
});

test('a line with no figures before a page break is still reported, and the next page read', () => {
  const text = [
    'Roof',
    'DESCRIPTION QUANTITY UNIT PRICE TAX O&P RCV DEPREC. ACV',
    '1. Drip edge 180.00 LF 2.90 15.66 107.53 645.19 (0.00) 645.19',
    '2. Hip / Ridge cap - Standard profile',
    'SMITH_JOHN 11/14/2026 Page: 3',
    'CONTINUED - Roof',
    'DESCRIPTION QUANTITY UNIT PRICE TAX O&P RCV DEPREC. ACV',
    '3. Step flashing 10.00 LF 12.00 0.00 24.00 144.00 (0.00) 144.00',
  ].join('\n');
  const p = parseEstimate(readText(text), 'ours');
  expect(p.lines.map((l) => [l.item, l.description, l.amount])).toEqual([['1', 'Drip edge', 52_200], ['3', 'Step flashing', 12_000]]);
  expect(p.problems.map((q) => q.code)).toContain('line-without-figures');
});
