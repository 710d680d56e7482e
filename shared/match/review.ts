/**
 * Which pairings a person should check: only those where another assignment costs about the same
 * and would change a gap. For each pair (i, j) the cheapest local change is priced: i takes a free
 * insurer line instead; i swaps lines with the row holding another candidate; that row gives its
 * line up; i is left unpaired. The assignment is optimal, so every change costs ≥ 0 more; within
 * REVIEW_MARGIN it is a coin toss and the alternative is named. A cross-area pair that is the only
 * candidate in its building costs far less than any alternative, so it is not flagged.
 */
import type { Assignment, SparseProblem } from './assign';
import type { PreparedLine } from './cost';

/** "About the same" in cost units (the quantity tie-breaker spans 30). */
export const REVIEW_MARGIN = 10;

export interface Review {
  /** Insurer index of the alternative line. */
  alternative: number;
  /** How much more the alternative costs. */
  extra: number;
}

function edgeCost(p: SparseProblem, r: number, c: number): number | null {
  for (let e = p.start[r]; e < p.start[r + 1]; e++) if (p.col[e] === c) return p.cost[e];
  return null;
}

/** Whether pairing with `b` instead of `a` would give a different gap. */
function differs(a: PreparedLine, b: PreparedLine): boolean {
  return a.line.amount !== b.line.amount || a.line.qty !== b.line.qty || a.line.unitPrice !== b.line.unitPrice;
}

export function reviewAssignment(p: SparseProblem, a: Assignment, theirs: PreparedLine[]): Map<number, Review> {
  const out = new Map<number, Review>();
  for (let i = 0; i < p.rows; i++) {
    const j = a.rowCol[i];
    if (j === -1) continue;
    const cij = edgeCost(p, i, j)!;
    let best: Review | null = null;
    const offer = (alt: number, extra: number) => {
      if (!differs(theirs[j], theirs[alt])) return;
      if (best === null || extra < best.extra || (extra === best.extra && alt < best.alternative)) best = { alternative: alt, extra };
    };
    for (let e = p.start[i]; e < p.start[i + 1]; e++) {
      const j2 = p.col[e];
      if (j2 === j) continue;
      const c2 = p.cost[e];
      const i2 = a.colRow[j2];
      if (i2 === -1) {
        offer(j2, c2 - cij);
        continue;
      }
      const ci2j2 = edgeCost(p, i2, j2)!;
      const swap = edgeCost(p, i2, j);
      const viaSwap = swap === null ? Infinity : c2 + swap - cij - ci2j2;
      const viaDrop = c2 + p.unpaired - cij - ci2j2;
      offer(j2, Math.min(viaSwap, viaDrop));
    }
    if (best !== null && (best as Review).extra <= REVIEW_MARGIN) out.set(i, best);
  }
  return out;
}
