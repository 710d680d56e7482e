import fc from 'fast-check';
import { buildPursue } from '../../shared/pursue';
import { a1 } from '../../shared/workbook/a1';
import { PC, SHEETS } from '../../shared/workbook/layout';
import type { Cell } from '../../shared/types/cells';
import type { WorkbookDescription } from '../../shared/types/workbook';
import { evaluate } from '../workbook/factory';
import { amountOf, claimRows, type ClaimLine } from './claims';

// Our estimate, and the insurer's first revision (its own wording for the ridge cap, so only the
// person's override pairs it).
const OURS: ClaimLine[] = [
  { area: 'Roof', desc: 'Laminated - comp. shingle rfg. - w/out felt', unit: 'SQ', qty100: 3133, price: 27240 },
  { area: 'Roof', desc: 'Drip edge', unit: 'LF', qty100: 23800, price: 341 },
  { area: 'Roof', desc: 'Hip / Ridge cap - Standard profile - composition shingles', unit: 'LF', qty100: 9600, price: 562 },
  { area: 'Roof', desc: 'Ice & water barrier', unit: 'SF', qty100: 85200, price: 204 },
  { area: 'Front Elevation', desc: 'R&R Siding - vinyl', unit: 'SF', qty100: 42000, price: 512 },
  { area: 'Debris Removal', desc: 'Dumpster load - Approx. 20 yards, 4 tons of debris', unit: 'EA', qty100: 100, price: 51200 },
];
const THEIRS: ClaimLine[] = [
  { area: 'Roof', desc: 'Laminated - comp. shingle rfg. - w/out felt', unit: 'SQ', qty100: 3133, price: 26218 },
  { area: 'Roof', desc: 'Drip edge', unit: 'LF', qty100: 20000, price: 341 },
  { area: 'Roof', desc: 'Ridge cap - laminated, high profile', unit: 'LF', qty100: 6000, price: 540 },
  { area: 'Roof', desc: 'Ice & water barrier', unit: 'SF', qty100: 42600, price: 204 },
  { area: 'Front Elevation', desc: 'R&R Siding - vinyl', unit: 'SF', qty100: 30000, price: 512 },
  { area: 'General', desc: 'Dumpster load - Approx. 20 yards, 4 tons of debris', unit: 'EA', qty100: 100, price: 51200 },
];
const RIDGE = 2; // index in both
const today = '2026-01-10';

function asExisting(wb: WorkbookDescription): Record<string, Cell[][]> {
  return Object.fromEntries(wb.sheets.map((s) => [s.name, s.name === SHEETS.pursue ? evaluate(s) : s.values.map((r) => [...r])]));
}
function rowOf(sheet: Cell[][], item: string): number {
  return sheet.findIndex((r) => String(r[PC.item] ?? '') === item);
}
function pursueSheet(wb: WorkbookDescription) {
  return wb.sheets.find((s) => s.name === SHEETS.pursue)!;
}

/** Run 1 builds, the person types RE line 3 as item 3's override, run 2 records it. */
function withOverride() {
  const first = buildPursue({ ours: claimRows(OURS), theirs: claimRows(THEIRS), today });
  const ex = asExisting(first.workbook);
  const sheet = ex[SHEETS.pursue]!;
  sheet[rowOf(sheet, '3')]![PC.override] = '3';
  const second = buildPursue({ ours: claimRows(OURS), theirs: claimRows(THEIRS), existing: ex, today });
  return second;
}

test('an override typed as a number is recorded with the line\'s description and area', () => {
  const second = withOverride();
  const ridge = second.rec.lines.find((l) => l.ours.item === '3')!;
  expect(ridge.match?.method).toBe('override');
  expect(ridge.match?.insurer.description).toBe(THEIRS[RIDGE].desc);
  const v = evaluate(pursueSheet(second.workbook));
  expect(v[rowOf(v, '3')]![PC.override]).toBe('3 · Ridge cap - laminated, high profile · Roof');
});

test('the insurer renumbers its lines: the override follows its line, or is dropped with a message; never a gap against another line', () => {
  const second = withOverride();
  fc.assert(
    fc.property(
      fc.shuffledSubarray(THEIRS.map((_, k) => k), { minLength: THEIRS.length, maxLength: THEIRS.length }),
      fc.constantFrom('keep', 'gone', 'twice'),
      fc.integer({ min: 0, max: 3 }),
      (order, fate, inserted) => {
        // The next revision: lines in another order, new lines in front, the ridge line kept, gone or doubled.
        const rev: ClaimLine[] = [];
        for (let k = 0; k < inserted; k++) rev.push({ area: 'Roof', desc: `Roof mount power attic vent ${k}`, unit: 'EA', qty100: 100, price: 9000 });
        for (const k of order) {
          if (k === RIDGE && fate === 'gone') continue;
          rev.push(THEIRS[k]);
          if (k === RIDGE && fate === 'twice') rev.push({ ...THEIRS[k], qty100: 1200 });
        }
        const third = buildPursue({ ours: claimRows(OURS), theirs: claimRows(rev), existing: asExisting(second.workbook), today });
        const ridge = third.rec.lines.find((l) => l.ours.item === '3')!;
        const v = evaluate(pursueSheet(third.workbook));
        const cell = v[rowOf(v, '3')]![PC.override];
        if (fate === 'keep') {
          const now = rev.indexOf(THEIRS[RIDGE]) + 1;
          expect(ridge.match?.method).toBe('override');
          expect(ridge.match?.insurer.item).toBe(String(now));
          expect(ridge.gap).toBe(amountOf(OURS[RIDGE]) - amountOf(THEIRS[RIDGE]));
          expect(cell).toBe(`${now} · Ridge cap - laminated, high profile · Roof`);
        } else {
          // Dropped: the line is not paired by the override, whatever now carries number 3.
          expect(ridge.match?.method).not.toBe('override');
          if (ridge.match) expect(ridge.match.insurer.description).not.toBe('Drip edge');
          expect(ridge.overrideNote).toMatch(/dropped/);
          expect(third.rec.problems.some((p) => p.code === 'override-dropped' && /item 3/.test(p.message))).toBe(true);
          expect(cell ?? '').toBe('');
          const notes = pursueSheet(third.workbook).notes.find((n) => n.cell === a1(rowOf(v, '3'), PC.name));
          expect(notes?.text).toMatch(/override for item 3 .*dropped/);
        }
        // Every other line keeps its right partner and gap.
        for (const k of [0, 1, 3, 4, 5]) {
          const l = third.rec.lines.find((x) => x.ours.item === String(k + 1))!;
          expect(l.match?.insurer.description).toBe(THEIRS[k].desc);
          expect(l.gap).toBe(amountOf(OURS[k]) - amountOf(THEIRS[k]));
        }
      },
    ),
    { numRuns: 60 },
  );
});

test('"none" stays none across revisions', () => {
  const first = buildPursue({ ours: claimRows(OURS), theirs: claimRows(THEIRS), today });
  const ex = asExisting(first.workbook);
  ex[SHEETS.pursue]![rowOf(ex[SHEETS.pursue]!, '2')]![PC.override] = 'none';
  const second = buildPursue({ ours: claimRows(OURS), theirs: claimRows([...THEIRS].reverse()), existing: ex, today });
  expect(second.rec.lines.find((l) => l.ours.item === '2')!.match).toBeNull();
  expect(second.rec.overrides['2']).toBe('none');
});
