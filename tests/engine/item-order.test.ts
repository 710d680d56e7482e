// The one item order (shared/item-order.ts) used by the reconciliation, the sheet, topics,
// readiness and priorities: numeric-aware, and a total order, so equal-looking numbers (" 3" and
// "3", "7A" and "7a", "7" and "07") still come out the same way whatever order they arrive in.
import fc from 'fast-check';
import { compareItems } from '../../shared/item-order';
import { compareItems as fromIndex, runPursue } from '../../shared/index';

const item = fc.oneof(
  fc.stringMatching(/^ ?0?[0-9]{1,3}[A-Za-z]?( [a-z])? ?$/),
  fc.constantFrom('3', ' 3', '3 ', '7A', '7a', '07', '7', '10', '2', 'O&P', 'Tax', ''),
);

describe('item order', () => {
  test('the engine API exports the same order', () => {
    expect(fromIndex).toBe(compareItems);
  });

  test('reads numbers as numbers', () => {
    expect(['11', '10a', '2', '10', '1'].sort(compareItems)).toEqual(['1', '2', '10', '10a', '11']);
  });

  test('spaces, case and leading zeros only break ties', () => {
    expect(['07', '8', '7a', ' 3', '7A', '7', '3'].sort(compareItems)).toEqual([' 3', '3', '07', '7', '7A', '7a', '8']);
  });

  test('is a total order: antisymmetric, transitive, zero only for the same text', () => {
    fc.assert(
      fc.property(item, item, item, (a, b, c) => {
        expect(Math.sign(compareItems(a, b)) + Math.sign(compareItems(b, a))).toBe(0);
        if (compareItems(a, b) === 0) expect(a).toBe(b);
        if (compareItems(a, b) <= 0 && compareItems(b, c) <= 0) expect(compareItems(a, c)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });

  test('sorting does not depend on the order items arrive in', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), fc.func(fc.integer()), (items, key) => {
        const shuffled = [...items].sort((x, y) => key(x) - key(y));
        expect([...shuffled].sort(compareItems)).toEqual([...items].sort(compareItems));
      }),
    );
  });

  test('the reconciliation lists our lines in this order', () => {
    const text = (items: string[]) =>
      items.map((i) => `${i}. Drip edge ${i}   10.00 LF   2.00   0.00   0.00   20.00`).join('\n');
    const items = ['10', '3', '2', '07', '7', '11'];
    const out = runPursue({ ours: text(items), theirs: text(items) });
    expect(out.lines.map((l) => l.ours.item)).toEqual([...items].sort(compareItems));
  });
});
