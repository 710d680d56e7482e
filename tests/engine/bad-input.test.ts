import { parseEstimate, readText, runPursue, PursueInputError } from '../../shared/index';
import { fixture } from '../helpers/samples';

const HEADER = 'Line\tRoom\tDescription\tQty\tUnit\tUnit Cost\tTotal';
const parse = (text: string, side: 'ours' | 'theirs' = 'ours') => parseEstimate(readText(text), side);
const messages = (p: { problems: Array<{ message: string }> }) => p.problems.map((x) => x.message).join('\n');

test('empty paste: a clear error, no crash', () => {
  const p = parse('');
  expect(p.lines).toEqual([]);
  expect(p.problems[0]).toMatchObject({ severity: 'error', code: 'nothing-recognised' });
  expect(p.problems[0].message).toMatch(/empty/);
  expect(() => runPursue({ ours: '', theirs: fixture('case2', 'theirs.txt') })).toThrow(PursueInputError);
});

test('header only: says no line items were found', () => {
  const p = parse(HEADER + '\n');
  expect(p.lines).toEqual([]);
  expect(p.problems[0].message).toMatch(/No line items were found/);
  // One row is "1 row", two are "2 rows".
  expect(p.problems[0].message).toContain('(1 row)');
  expect(parse(`${HEADER}\nnot a line\n`).problems.find((x) => x.code === 'nothing-recognised')?.message).toContain('(2 rows)');
});

test('junk text: every line accounted for, nothing recognised', () => {
  const p = parse('hello world\nthis is not an estimate\n\n$$$ ### 12\n');
  expect(p.lines).toEqual([]);
  expect(p.problems[0].code).toBe('nothing-recognised');
  expect(messages(p)).toMatch(/rows 1-2, 4|row/);
});

test('binary garbage does not crash the parser', () => {
  const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1');
  const p = parse(bytes);
  expect(p.lines).toEqual([]);
  expect(p.problems[0].severity).toBe('error');
});

test('a 1 MB line is reported, not choked on', () => {
  const big = 'x'.repeat(1_000_000);
  const text = `${HEADER}\n1\tRoof\tDrip edge\t10\tLF\t3.00\t30.00\n\t\t${big}\t\t\t\t\n2\tRoof\tStep flashing\t5\tLF\t10.00\t50.00`;
  const t0 = Date.now();
  const p = parse(text);
  expect(Date.now() - t0).toBeLessThan(5000);
  expect(p.lines.map((l) => l.item)).toEqual(['1', '2']);
  // The long text row follows a line: it is kept as that line's note, not dropped.
  expect(p.lines[0].note?.length).toBe(1_000_000);
});

test('European number formats are read and flagged', () => {
  const p = parse(`${HEADER}\n1\tRoof\tDrip edge\t1.040,00\tLF\t3,41\t3.546,40`);
  expect(p.lines[0]).toMatchObject({ qty: 1040, unitPrice: 341, amount: 354640 });
  expect(p.problems.some((x) => x.code === 'european-numbers' && x.severity === 'warning')).toBe(true);
});

test('negative quantities are kept as credit lines, with a warning naming the row', () => {
  const p = parse(`${HEADER}\n1\tRoof\tDrip edge\t-10\tLF\t3.00\t(30.00)`);
  expect(p.lines[0]).toMatchObject({ qty: -10, amount: -3000 });
  expect(p.problems.find((x) => x.code === 'negative-quantity')).toMatchObject({ row: 2, severity: 'warning' });
});

test('duplicated item numbers are both kept and flagged with their rows', () => {
  const p = parse(`${HEADER}\n7\tRoof\tDrip edge\t10\tLF\t3.00\t30.00\n7\tRoof\tStep flashing\t5\tLF\t10.00\t50.00`);
  expect(p.lines).toHaveLength(2);
  const dup = p.problems.find((x) => x.code === 'duplicate-item-number');
  expect(dup?.message).toMatch(/rows 2 and 3/);
});

test('a truncated PDF line (number and words, no figures) is reported with its row', () => {
  const text = 'Roof\n\nDESCRIPTION  QUANTITY UNIT PRICE  TAX  O&P  RCV\n1.  Drip edge   256.00 LF   3.28   26.45   167.94   1,034.07\n2.  Asphalt starter - universal\n3.  Step flashing   36.00 LF   10.28   6.48   74.02   450.58\n';
  const p = parse(text);
  expect(p.lines.map((l) => l.item)).toEqual(['1', '3']);
  const cut = p.problems.find((x) => x.code === 'line-without-figures');
  expect(cut).toMatchObject({ row: 5, severity: 'error' });
  expect(cut?.message).toMatch(/cut off/);
});

test('a missed line shows up as a failed line-sum check', () => {
  const theirs = fixture('case2', 'theirs.txt').replace(/^7\. {2}R&R Roof vent.*\n.*\n/m, '');
  const rec = runPursue({ ours: fixture('case2', 'ours.txt'), theirs });
  expect(rec.checks.find((c) => c.id === 'line-sum-theirs')?.status).toBe('fail');
  expect(rec.reconciled).toBe(false);
  expect(rec.problems.some((p) => p.code === 'not-reconciled')).toBe(true);
});

test('unicode, CRLF and non-breaking spaces', () => {
  const text = `${HEADER}\r\n1\tToit – Façade\tRevêtement vinyle « premium » 🏠\t10\tSF\t6,15\t61,50\r\n2\tRoof\tDrip\u00a0edge\t10\tLF\t$3.00\t$30.00\r\n`;
  const p = parse(text);
  // Pasted text is stored exactly (issue 11): the non-breaking space stays; matching normalises it.
  expect(p.lines.map((l) => l.description)).toEqual(['Revêtement vinyle « premium » 🏠', 'Drip\u00a0edge']);
  expect(p.lines[0].area).toBe('Toit – Façade');
  expect(p.lines[1].amount).toBe(3000);
});

test('a row that is neither a line, a total nor a recap is reported with its row number', () => {
  const p = parse(`${HEADER}\n1\tRoof\tDrip edge\t10\tLF\t3.00\t30.00\n\t\t\t\tabc\t12.5%\t\n`);
  expect(p.lines).toHaveLength(1);
  const odd = p.problems.find((x) => x.code === 'row-not-understood');
  expect(odd?.row).toBe(3);
});

test('printed figures that disagree are flagged, the printed amount kept', () => {
  const p = parse(`${HEADER}\n1\tRoof\tDrip edge\t10\tLF\t3.00\t31.00`);
  expect(p.lines[0].amount).toBe(3100);
  expect(p.problems.find((x) => x.code === 'line-figures-disagree')?.message).toMatch(/\$30\.00.*\$31\.00/);
});

test('money forms: $, thousands, (x), <x>, accounting dash', () => {
  const p = parse(`Description\tQty\tUnit\tUnit Price\tRCV\nA\t1\tEA\t$1,234.56\t$1,234.56\nB\t1\tEA\t(5.00)\t(5.00)\nC\t1\tEA\t<7.25>\t<7.25>\nD\t1\tEA\t $ -   \t $ -   \nE\t2\tEA\t3.5\t7`);
  expect(p.lines.map((l) => l.amount)).toEqual([123456, -500, -725, 0, 700]);
});

test('quantity and unit run together, any column order, synonym headers', () => {
  const p = parse('RCV,Item Description,Quantity,Unit Price,#\n"1,034.07",Drip edge,256.00LF,3.28,5\n450.58,"Step flashing, galvanized",36SF,10.28,6\n');
  expect(p.format).toBe('header-table');
  expect(p.lines.map((l) => [l.item, l.description, l.qty, l.unit, l.amount])).toEqual([
    ['5', 'Drip edge', 256, 'LF', 103407],
    ['6', 'Step flashing, galvanized', 36, 'SF', 45058],
  ]);
});

test('the rough-draft layout: unit price = REMOVE + REPLACE', () => {
  const p = parse('DESCRIPTION\tQTY\tREMOVE\tREPLACE\tTAX\tO&P\tTOTAL\nLaminated shingles\t30.14 SQ\t68.75\t268.71\t0.00\t0.00\t10,171.04\n');
  expect(p.format).toBe('rough-draft');
  expect(p.lines[0]).toMatchObject({ unitPrice: 33746, qty: 30.14, unit: 'SQ', amount: 1017104 });
});

test('rough draft as PDF text', () => {
  const p = parse('Roof\nDESCRIPTION   QTY   REMOVE   REPLACE   TAX   O&P   TOTAL\n1. Laminated shingles   30.14 SQ   68.75   268.71   0.00   0.00   10,171.04\n');
  expect(p.format).toBe('rough-draft');
  expect(p.lines[0]).toMatchObject({ unitPrice: 33746, area: 'Roof', amount: 1017104 });
});

test('Excel quoted cells that span lines', () => {
  const p = parse(`${HEADER}\n1\tRoof\t"Drip edge\nat eaves, ""aluminum"""\t10\tLF\t3.00\t30.00\n`);
  expect(p.lines[0].description).toBe('Drip edge at eaves, "aluminum"');
});

test('messages name each side in plain English: "Our estimate", "the insurer\'s estimate", never "the our"', () => {
  // No recap on either side and a line sum that disagrees: the totals and checks messages fire for both.
  const paste = `${HEADER}\n1\tRoof\tDrip edge\t10\tLF\t3.00\t30.00\nLine Item Total\t\t\t\t\t\t99.00\n`;
  const r = runPursue({ ours: paste, theirs: paste.replace('10\tLF', '9\tLF').replace('30.00', '27.00') });
  const text = [...r.problems.map((p) => p.message), ...r.checks.map((c) => c.detail)].join('\n');
  expect(text).toMatch(/Our estimate (shows|'s)/);
  expect(text).toMatch(/The insurer's estimate (shows|'s)/);
  expect(text).not.toMatch(/\bthe our\b/i);
});

test('a line without an item number is named by its row, never "Line ?"', () => {
  const p = parse('Description,Qty,Unit,Unit Price,Total\nDrip edge,220,LF,3.15,690.00\n');
  const m = messages(p);
  expect(m).toMatch(/^Row 2 "Drip edge": 220 LF × \$3\.15 = \$693\.00, but the line prints \$690\.00/m);
  expect(m).not.toContain('Line ?');
});
