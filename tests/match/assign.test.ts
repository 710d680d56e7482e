import fc from 'fast-check';
import { assign, type SparseProblem } from '../../shared/match/assign';

/** The best total by trying every one-to-one pairing (each row: one of its edges, or unpaired). */
function bruteForce(p: SparseProblem): number {
  let best = Infinity;
  const used = new Set<number>();
  const go = (r: number, acc: number) => {
    if (acc >= best) return;
    if (r === p.rows) {
      best = acc;
      return;
    }
    go(r + 1, acc + p.unpaired);
    for (let e = p.start[r]; e < p.start[r + 1]; e++) {
      const c = p.col[e];
      if (used.has(c)) continue;
      used.add(c);
      go(r + 1, acc + p.cost[e]);
      used.delete(c);
    }
  };
  go(0, 0);
  return best;
}

const problem = fc
  .record({ rows: fc.integer({ min: 1, max: 7 }), cols: fc.integer({ min: 1, max: 7 }), unpaired: fc.integer({ min: 1, max: 60 }) })
  .chain(({ rows, cols, unpaired }) =>
    fc.array(fc.array(fc.tuple(fc.integer({ min: 0, max: cols - 1 }), fc.integer({ min: 0, max: 80 })), { maxLength: cols }), { minLength: rows, maxLength: rows }).map((adj) => {
      const start = new Int32Array(rows + 1);
      const col: number[] = [];
      const cost: number[] = [];
      adj.forEach((edges, r) => {
        start[r] = col.length;
        const seen = new Set<number>();
        for (const [c, w] of edges) {
          if (seen.has(c)) continue;
          seen.add(c);
          col.push(c);
          cost.push(w);
        }
      });
      start[rows] = col.length;
      return { rows, cols, start, col: Int32Array.from(col), cost: Int32Array.from(cost), unpaired } as SparseProblem;
    }),
  );

test('the assignment is optimal: its total equals brute force on small random instances', () => {
  fc.assert(
    fc.property(problem, (p) => {
      const a = assign(p);
      // The reported pairs are one-to-one, use real edges, and add up to the reported total.
      let total = 0;
      const cols = new Set<number>();
      for (let r = 0; r < p.rows; r++) {
        const c = a.rowCol[r];
        if (c === -1) {
          total += p.unpaired;
          continue;
        }
        expect(cols.has(c)).toBe(false);
        cols.add(c);
        expect(a.colRow[c]).toBe(r);
        let w = -1;
        for (let e = p.start[r]; e < p.start[r + 1]; e++) if (p.col[e] === c) w = p.cost[e];
        expect(w).toBeGreaterThanOrEqual(0);
        total += w;
      }
      expect(total).toBe(a.total);
      expect(a.total).toBe(bruteForce(p));
    }),
    { numRuns: 1000 },
  );
});

test('the same input gives the same pairs (deterministic ties)', () => {
  const p: SparseProblem = {
    rows: 3, cols: 3, unpaired: 100,
    start: Int32Array.from([0, 3, 6, 9]), col: Int32Array.from([0, 1, 2, 0, 1, 2, 0, 1, 2]), cost: new Int32Array(9),
  };
  const a = assign(p);
  expect([...a.rowCol]).toEqual([...assign(p).rowCol]);
  expect([...a.rowCol].sort()).toEqual([0, 1, 2]);
});
