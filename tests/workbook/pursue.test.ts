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
