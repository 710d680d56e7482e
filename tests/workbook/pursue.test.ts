import { buildPursue } from '../../shared/pursue';
import { runPursue } from '../../shared/index';
import { PC, SHEETS } from '../../shared/workbook/layout';
import type { Cell } from '../../shared/types/cells';
import type { WorkbookDescription } from '../../shared/types/workbook';
import { cents, evaluate, samplePairs } from './factory';

const today = '2025-09-10';

function asExisting(wb: WorkbookDescription): Record<string, Cell[][]> {
  return Object.fromEntries(wb.sheets.map((s) => [s.name, s.name === SHEETS.pursue ? evaluate(s) : s.values.map((r) => [...r])]));
}

describe('buildPursue over the sample pairs', () => {
  for (const pair of samplePairs()) {
    test(`${pair.name}: the same reconciliation as the engine, and a sheet whose formulas add up to it`, () => {
      const input = { ours: pair.ours, theirs: pair.theirs, compare: pair.compare, options: pair.options };
      const out = buildPursue({ ...input, today });
      const rec = runPursue(input);
      expect(out.rec.totalGap).toBe(rec.totalGap);
      expect(out.rec.residual).toBe(rec.residual);
      const s = out.workbook.sheets[0]!;
      expect(s.name).toBe(SHEETS.pursue);
      const v = evaluate(s);
      const sumRow = v.findIndex((r) => String(r[PC.name] ?? '').startsWith('Sum of gaps'));
      expect(cents(v[sumRow]![PC.gap]!)).toBe(rec.sumOfParts);
      expect(out.crm.split('\n')[0]).toBe('Item Number\tItem Name\tGap $\tReason for Insurance denial\tReason to approve\tStatus/notes');
    });
  }

  test('a match override typed in the workbook is passed to the engine and survives the next run', () => {
    const pair = samplePairs().find((p) => p.name === 'case1')!;
    const input = { ours: pair.ours, theirs: pair.theirs, options: pair.options };
    const first = buildPursue({ ...input, today });
    const matched = first.rec.lines.find((l) => l.match !== null && l.gap !== l.ours.amount)!;
    const ex = asExisting(first.workbook);
    const row = ex[SHEETS.pursue]!.find((r) => String(r[PC.key] ?? '').split(';')[0] === `item:${matched.ours.item}`)!;
    row[PC.override] = 'none';
    const second = buildPursue({ ...input, existing: ex, today });
    const line = second.rec.lines.find((l) => l.ours.item === matched.ours.item)!;
    expect(line.match).toBeNull();
    expect(line.gap).toBe(line.ours.amount);
    expect(second.state.items[matched.ours.item]!.override).toBe('none');
    const third = buildPursue({ ...input, existing: asExisting(second.workbook), today });
    expect(third.rec.lines.find((l) => l.ours.item === matched.ours.item)!.match).toBeNull();
  });

  test('re-running over an untouched workbook warns about nothing and changes nothing', () => {
    for (const pair of samplePairs()) {
      const input = { ours: pair.ours, theirs: pair.theirs, compare: pair.compare, options: pair.options };
      const first = buildPursue({ ...input, today });
      const second = buildPursue({ ...input, existing: asExisting(first.workbook), today });
      expect(second.warnings).toEqual([]);
      expect(second.workbook).toEqual(first.workbook);
    }
  });

  test('a sheet called Pursue Items that Pursue did not write is not read, and the user is told', () => {
    const pair = samplePairs().find((p) => p.name === 'case2')!;
    const out = buildPursue({ ours: pair.ours, theirs: pair.theirs, existing: { 'Pursue Items': [['My own notes']] }, today });
    expect(out.warnings.some((w) => /was not written by Pursue/.test(w.message))).toBe(true);
  });
});

// Small pastes the engine reads: our three lines, and two revisions of the insurer's estimate.
const HEADER = 'Line\tRoom\tDescription\tQty\tUnit\tUnit Cost\tTotal';
const OURS = `${HEADER}\n1\tRoof\tDrip edge\t10\tLF\t3.00\t30.00\n2\tRoof\tStep flashing\t5\tLF\t10.00\t50.00\n3\tRoof\tRidge cap\t10\tLF\t10.00\t100.00`;
const REV1 = `${HEADER}\n1\tRoof\tDrip edge\t10\tLF\t3.00\t30.00\n2\tRoof\tStep flashing\t2\tLF\t10.00\t20.00`;
// The second revision pays item 2 in full, and the O&P and tax we asked for.
const REV2 = `${HEADER}\n1\tRoof\tDrip edge\t10\tLF\t3.00\t30.00\n2\tRoof\tStep flashing\t5\tLF\t10.00\t50.00`;
const OURS_TOTALS = { tax: 1000, overheadProfit: 3600 };
const REV1_TOTALS = { ours: OURS_TOTALS, theirs: { tax: 400, overheadProfit: 1000 } };
const REV2_TOTALS = { ours: OURS_TOTALS, theirs: OURS_TOTALS };
const day1 = '2025-09-01';
const day2 = '2025-09-10';

/** What a host hands back when the file was never calculated (ExcelJS writes formulas without results). */
function asUncalculated(wb: WorkbookDescription): Record<string, Cell[][]> {
  return Object.fromEntries(wb.sheets.map((s) => [s.name, s.values.map((r) => [...r])]));
}

function keyOf(wb: WorkbookDescription, item: string): string {
  const row = wb.sheets[0]!.values.find((r) => String(r[PC.key] ?? '').split(';')[0] === `item:${item}`)!;
  return String(row[PC.key]);
}

describe('a later revision over a workbook nobody typed in', () => {
  for (const [how, read] of [
    ['formulas read as their results', asExisting],
    ['formulas read without a result', asUncalculated],
  ] as const) {
    test(`${how}: every row whose gap closed is marked closed, once`, () => {
      const first = buildPursue({ ours: OURS, theirs: REV1, options: REV1_TOTALS, today: day1 });
      expect(first.rec.lines.find((l) => l.ours.item === '2')!.gap).toBeGreaterThan(0);
      expect(first.rec.overheadProfitGap).toBeGreaterThan(0);
      expect(first.rec.taxGap).toBeGreaterThan(0);

      const second = buildPursue({ ours: OURS, theirs: REV2, options: REV2_TOTALS, existing: read(first.workbook), today: day2 });
      expect(second.rec.lines.find((l) => l.ours.item === '2')!.gap).toBe(0);
      expect(second.state.items['2']!.closedOn).toBe(day2);
      expect(second.state.items['O&P']!.closedOn).toBe(day2);
      expect(second.state.items['Tax']!.closedOn).toBe(day2);
      // Still open, or never open: not closed.
      expect(second.state.items['3']!.closedOn).toBeNull();
      expect(second.state.items['1']!.closedOn).toBeNull();
      const said = (item: string) => second.warnings.filter((w) => w.item === item).map((w) => w.message);
      expect(said('2')).toEqual([expect.stringMatching(/^Item 2 \(Step flashing\) has no gap left .* kept and marked closed/)]);
      expect(said('O&P')).toEqual([expect.stringMatching(/^The O&P row has no gap left/)]);
      expect(said('Tax')).toEqual([expect.stringMatching(/^The tax row has no gap left/)]);
      // The O&P and tax rows are written on every run: nobody is told to remove them.
      expect([...said('O&P'), ...said('Tax')].join(' ')).not.toMatch(/Remove the row/);
      expect(said('1')).toEqual([]);
      expect(said('3')).toEqual([]);
      expect(keyOf(second.workbook, '2')).toMatch(new RegExp(`^item:2;closed=${day2}(;|$)`));

      // The run after keeps the date and says nothing new.
      const third = buildPursue({ ours: OURS, theirs: REV2, options: REV2_TOTALS, existing: read(second.workbook), today: '2025-09-12' });
      expect(third.state.items['2']!.closedOn).toBe(day2);
      expect(third.warnings).toEqual([]);
    });
  }
});

describe('the tax row on a re-run', () => {
  test('a note typed on the tax row is kept and no warning is made about the tax row', () => {
    const first = buildPursue({ ours: OURS, theirs: REV1, options: REV1_TOTALS, today: day1 });
    const ex = asExisting(first.workbook);
    const tax = ex[SHEETS.pursue]!.find((r) => String(r[PC.key] ?? '').split(';')[0] === 'tax')!;
    tax[PC.denial] = 'Tax on labor not owed';
    tax[PC.status] = '9/02 – asked adjuster J. Ruiz for the tax basis; next: call Friday';
    const second = buildPursue({ ours: OURS, theirs: REV1, options: REV1_TOTALS, existing: ex, today: day2 });
    expect(second.state.items['Tax']!.denialText).toBe('Tax on labor not owed');
    expect(second.state.items['Tax']!.status.map((e) => [e.date, e.text])).toEqual([['2025-09-02', 'asked adjuster J. Ruiz for the tax basis; next: call Friday']]);
    expect(second.warnings.filter((w) => w.item === 'Tax')).toEqual([]);
    expect(second.warnings.filter((w) => /tax row/i.test(w.message))).toEqual([]);
    const again = buildPursue({ ours: OURS, theirs: REV1, options: REV1_TOTALS, existing: asExisting(second.workbook), today: day2 });
    expect(again.warnings).toEqual([]);
    expect(again.state.items['Tax']!.denialText).toBe('Tax on labor not owed');
  });
});
