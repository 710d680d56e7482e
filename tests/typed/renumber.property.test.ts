// Our estimate revised (a supplement inserts lines, a line is dropped, everything after is
// renumbered): whatever a person typed stays with the item they typed it on, never with the item
// that now carries the old number, and an item that left keeps its notes on a row of its own.
import fc from 'fast-check';
import { buildPursue } from '../../shared/pursue';
import { PC, SHEETS } from '../../shared/workbook/layout';
import { DAY1, DAY2, OURS, THEIRS, valuesOf, type Book } from './workbooks';

const NUMBERED = /^(\d+)\.(\s+)(.*)$/;

interface Revision {
  inserts: number[];
  deletes: number[];
}

/** Our paste with new lines inserted before and lines deleted at the given item numbers, then renumbered. */
function revise(text: string, rev: Revision): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let next = 1;
  lines.forEach((line, i) => {
    const m = NUMBERED.exec(line);
    if (!m) return void out.push(line);
    const old = Number(m[1]);
    for (const [k, at] of rev.inserts.entries()) {
      if (at === old) out.push(`${next++}.${m[2]}Added supplement line ${k + 1}     10.00 EA      5.00      0.00      0.00       50.00`);
    }
    // Only lines that end on their own row are dropped, so no wrapped remainder is left behind.
    const single = NUMBERED.test(lines[i + 1] ?? '');
    if (rev.deletes.includes(old) && single) return;
    out.push(`${next++}.${m[2]}${m[3]}`);
  });
  return out.join('\n');
}

function itemRows(book: Book): Array<{ row: number; item: string; name: string; denial: string }> {
  const grid = book[SHEETS.pursue]!;
  return grid
    .map((r, row) => ({ row, item: String(r[PC.item] ?? ''), name: String(r[PC.name] ?? ''), denial: String(r[PC.denial] ?? '') }))
    .filter((r) => r.row > 0 && /^\d/.test(r.item));
}

const first = valuesOf(buildPursue({ ours: OURS, theirs: THEIRS, today: DAY1 }).workbook);
const firstRows = itemRows(first);

test('typed reasons follow their items through an insert / delete / renumber revision of our estimate', () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.integer({ min: 1, max: firstRows.length }), { minLength: 1, maxLength: 6 }),
      fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { maxLength: 3 }),
      fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { maxLength: 2 }),
      (typedOn, inserts, deletes) => {
        const book: Book = { ...first, [SHEETS.pursue]: first[SHEETS.pursue]!.map((r) => [...r]) };
        const typed = typedOn.map((i) => firstRows[i - 1]!);
        for (const t of typed) book[SHEETS.pursue]![t.row]![PC.denial] = `Typed on item ${t.item}`;

        const revised = revise(OURS, { inserts, deletes });
        const again = itemRows(valuesOf(buildPursue({ ours: revised, theirs: THEIRS, today: DAY2, existing: book }).workbook));

        for (const t of typed) {
          const holders = again.filter((r) => r.denial === `Typed on item ${t.item}`);
          // Exactly one row keeps it, and that row names the item it was typed on.
          expect(holders.map((h) => h.name)).toEqual([t.name]);
        }
        // No row got a reason typed on another item.
        for (const r of again) if (r.denial.startsWith('Typed on item')) expect(typed.some((t) => t.name === r.name)).toBe(true);
      },
    ),
    { numRuns: 40 },
  );
});

test('an item our estimate dropped keeps its row and notes over two more runs, then follows it back', () => {
  const drip = firstRows.find((r) => r.name === 'Drip edge')!;
  const book: Book = { ...first, [SHEETS.pursue]: first[SHEETS.pursue]!.map((r) => [...r]) };
  book[SHEETS.pursue]![drip.row]![PC.denial] = 'Not visible in photos';
  const without = OURS.split('\n').filter((l) => !/^\d+\.\s+Drip edge\b/.test(l)).join('\n');

  const run = (ours: string, existing: Book, today: string) => valuesOf(buildPursue({ ours, theirs: THEIRS, today, existing }).workbook);
  const second = run(without, book, DAY2);
  const third = run(without, second, '2025-09-12');
  const kept = itemRows(third).filter((r) => r.denial === 'Not visible in photos');
  expect(kept.map((r) => [r.item, r.name])).toEqual([[drip.item, 'Drip edge']]);
  expect(third[SHEETS.pursue]![kept[0]!.row]![PC.priority]).toBe('absent');

  // Back in a renumbered revision (a line inserted above it): the notes go with it.
  const back = run(revise(OURS, { inserts: [1], deletes: [] }), third, '2025-09-15');
  const now = itemRows(back).filter((r) => r.denial === 'Not visible in photos');
  expect(now.map((r) => [r.item, r.name])).toEqual([[String(Number(drip.item) + 1), 'Drip edge']]);
});
