import fc from 'fast-check';
import { appendStatus, emptyState, formatStatusCell, makeStatusEntry, mergeState, parseStatusCell } from '../../shared/knowledge';
import type { PursueState, StatusEntry } from '../../shared/types/knowledge';
import { makeRec, type LineSpec } from './factory';

const ITEMS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'];
const DESCRIPTIONS = ['Drip edge', 'Ice & water barrier', 'R&R Siding - vinyl', 'Step flashing', 'R&R Gutter guard/screen'];
const NOTES = [null, 'Ice & water barrier allowed in valleys only.', 'Not visible in photos provided', 'Siding is repairable'];

/** One insurer revision: some of our items, each with a gap that may be open, closed or negative. */
const revision = fc
  .uniqueArray(fc.constantFrom(...ITEMS), { maxLength: ITEMS.length })
  .chain((items) =>
    fc.tuple(
      ...items.map((item) =>
        fc.record({
          item: fc.constant(item),
          description: fc.constantFrom(...DESCRIPTIONS),
          ours: fc.integer({ min: 0, max: 500000 }),
          theirs: fc.option(fc.integer({ min: 0, max: 500000 }), { nil: null }),
          note: fc.constantFrom(...NOTES),
        }),
      ),
    ),
  )
  .map((specs) => makeRec(specs as LineSpec[], { ours: 1000, theirs: 500 }));

/** What a person does between two runs: notes on some items (existing ones or any item number). */
const edits = fc.array(
  fc.record({
    item: fc.constantFrom(...ITEMS, 'O&P'),
    text: fc.string({ maxLength: 40 }),
    day: fc.integer({ min: 1, max: 28 }),
    denial: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
  }),
  { maxLength: 8 },
);

function applyEdits(state: PursueState, list: Array<{ item: string; text: string; day: number; denial?: string }>, log: Map<string, StatusEntry[]>): PursueState {
  const items = { ...state.items };
  for (const e of list) {
    if (!items[e.item]) continue; // the sheet only has rows for known items
    const entry = makeStatusEntry(`9/${e.day} – ${e.text}`, `2026-09-${String(e.day).padStart(2, '0')}T12:00:00Z`, 'Ana');
    items[e.item] = { ...items[e.item], status: appendStatus(items[e.item].status, entry) };
    if (e.denial !== undefined) items[e.item] = { ...items[e.item], denialText: e.denial };
    log.set(e.item, [...(log.get(e.item) ?? []), entry]);
  }
  return { ...state, items };
}

describe('mergeState properties', () => {
  test('merging never loses a status entry and never reorders earlier entries', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(revision, edits), { minLength: 1, maxLength: 5 }), (runs) => {
        let state = emptyState();
        const log = new Map<string, StatusEntry[]>();
        const typedDenials = new Map<string, string>();
        let day = 1;
        for (const [rec, list] of runs) {
          const before: PursueState = JSON.parse(JSON.stringify(state));
          const merged = mergeState(state, rec, `2026-10-${String(day++).padStart(2, '0')}`).state;
          for (const [item, a] of Object.entries(before.items)) {
            // Every item survives with exactly its earlier entries, in the same order.
            expect(merged.items[item]).toBeDefined();
            expect(merged.items[item].status).toEqual(a.status);
            // A denial text a person typed survives too (blank or spaces only counts as nothing
            // typed: the insurer's note under the line may then be offered in its place).
            if (a.denialText.trim() !== '') expect(merged.items[item].denialText).toBe(a.denialText);
          }
          // The previous state was not touched.
          expect(state).toEqual(before);
          state = applyEdits(merged, list, log);
          for (const e of list) if (e.denial !== undefined && state.items[e.item]) typedDenials.set(e.item, e.denial);
        }
        // Every entry ever appended is still there, in the order it was appended.
        for (const [item, entries] of log) expect(state.items[item].status).toEqual(entries);
      }),
      { numRuns: 300 },
    );
  });

  test('the notes cell reads back every entry, oldest first', () => {
    const entry = fc.record({
      day: fc.integer({ min: 1, max: 28 }),
      month: fc.integer({ min: 1, max: 12 }),
      // Notes as typed: any text without line breaks, not empty.
      text: fc.string({ minLength: 1, maxLength: 30 }).filter((t) => !/[\r\n]/.test(t) && t.trim() !== ''),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 10 }), (list) => {
        let log: StatusEntry[] = [];
        for (const e of list) {
          const iso = `2026-${String(e.month).padStart(2, '0')}-${String(e.day).padStart(2, '0')}`;
          log = appendStatus(log, { date: iso, timestamp: `${iso}T09:00:00Z`, author: 'A', text: e.text.trim(), missing: [] });
        }
        const back = parseStatusCell(formatStatusCell(log), '2026-12-31');
        const expected = log
          .map((e, i) => ({ e, i }))
          .sort((a, b) => (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : a.i - b.i))
          .map(({ e }) => [e.date, e.text.replace(/\s+/g, ' ')]);
        expect(back.map((e) => [e.date, e.text.replace(/\s+/g, ' ')])).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
