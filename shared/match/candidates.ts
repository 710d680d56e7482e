/**
 * Sparse candidate pairs: for each of our lines, at most MAX_PER_LINE insurer lines worth
 * considering, found through hash indexes, never by comparing every pair.
 *
 * 1. The same item (normalised description key) in the same building, then anywhere.
 * 2. Close wording, through a token index. A token's posting list is taken at the widest scope
 *    (whole estimate, building, or building and room) where it is short (IDF cap): a word every
 *    line uses says nothing, but inside one room it still narrows things down.
 * 3. When neither finds anything in the same place, lines in the same building and room with the
 *    same unit and the same quantity or unit price, whose words largely agree (a line reworded
 *    with common words only).
 */
import type { PreparedLine } from './cost';
import { COST, pairCost, UNPAIRED } from './cost';
import { CLOSE_OVERLAP, similarityIds } from './describe';

export const MAX_PER_LINE = 16;
/** A token used by more lines than this (in the scope looked at) is too common to index by. */
export const TOKEN_CAP = 40;
/** At most this many lines sharing the same key are costed (the rest are the same item elsewhere). */
const KEY_CAP = 64;
const SEP = '\u0001';

export interface CandidateGraph {
  rows: number;
  cols: number;
  /** CSR: edges of row r are start[r] .. start[r + 1] − 1. */
  start: Int32Array;
  col: Int32Array;
  cost: Int32Array;
  /** Pairs found by the same-place fallback (3). */
  fallback: Set<number>;
}

function push<K>(m: Map<K, number[]>, k: K, v: number): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

/** Pairs that must not be offered (overrides, splits already decided). */
export interface CandidateOptions {
  skipRow?: (i: number) => boolean;
  skipCol?: (j: number) => boolean;
  /** Offer the very same item in another building (the last pass, for what is left). */
  acrossBuildings?: boolean;
}

export function buildCandidates(ours: PreparedLine[], theirs: PreparedLine[], opts: CandidateOptions = {}): CandidateGraph {
  const skipCol = opts.skipCol ?? (() => false);
  const skipRow = opts.skipRow ?? (() => false);
  const across = opts.acrossBuildings ?? false;
  const byKeyPlace = new Map<string, number[]>();
  const byKeyBuilding = new Map<string, number[]>();
  const byKey = new Map<string, number[]>();
  const tokGlobal = new Map<number, number[]>();
  const tokBuilding = new Map<string, Map<number, number[]>>();
  const tokPlace = new Map<string, Map<number, number[]>>();
  const byPlaceUnit = new Map<string, number[]>();
  for (const t of theirs) {
    if (skipCol(t.index)) continue;
    push(byKeyPlace, t.keyPlace, t.index);
    push(byKeyBuilding, t.keyBuilding, t.index);
    push(byKey, t.desc.key, t.index);
    if (across) continue; // the last pass offers the very same item only
    const b = t.path.building;
    let tb = tokBuilding.get(b);
    if (!tb) tokBuilding.set(b, (tb = new Map()));
    let tp = tokPlace.get(t.place);
    if (!tp) tokPlace.set(t.place, (tp = new Map()));
    for (const id of t.ids) {
      push(tokGlobal, id, t.index);
      push(tb, id, t.index);
      push(tp, id, t.index);
    }
    push(byPlaceUnit, t.place + SEP + t.line.unit, t.index);
  }
  // Same place and unit, sorted by quantity and by unit price for the fallback's window search.
  const byQty = new Map<string, number[]>();
  const byPrice = new Map<string, number[]>();
  for (const [k, list] of byPlaceUnit) {
    byQty.set(k, [...list].sort((a, b) => theirs[a].line.qty - theirs[b].line.qty || a - b));
    byPrice.set(k, [...list].sort((a, b) => theirs[a].line.unitPrice - theirs[b].line.unitPrice || a - b));
  }

  const start = new Int32Array(ours.length + 1);
  const colOut: number[] = [];
  const costOut: number[] = [];
  const fallback = new Set<number>();
  const count = new Int32Array(theirs.length);
  const seenStamp = new Int32Array(theirs.length).fill(-1);
  const tokStamp = new Int32Array(theirs.length).fill(-1);
  const foundCol: number[] = [];
  const foundCost: number[] = [];
  let samePlace = false;

  const consider = (o: PreparedLine, j: number, c: number | null) => {
    if (c === null || seenStamp[j] === o.index) return;
    seenStamp[j] = o.index;
    foundCol.push(j);
    foundCost.push(c);
    if (theirs[j].place === o.place) samePlace = true;
  };
  const costAll = (o: PreparedLine, list: number[] | undefined) => {
    if (!list) return;
    for (let k = 0; k < list.length && k < KEY_CAP; k++) consider(o, list[k], pairCost(o, theirs[list[k]], across));
  };

  for (const o of ours) {
    const i = o.index;
    start[i] = colOut.length;
    if (skipRow(i)) continue;
    foundCol.length = 0;
    foundCost.length = 0;
    samePlace = false;
    const b = o.path.building;

    // 1. The same item: in the same place, else in the same building; a side that names no
    //    building is compared with every building; the last pass looks everywhere.
    costAll(o, byKeyPlace.get(o.keyPlace));
    if (!samePlace) costAll(o, byKeyBuilding.get(o.keyBuilding));
    if (across || b === '') costAll(o, byKey.get(o.desc.key));
    else if (!samePlace) costAll(o, byKeyBuilding.get(o.desc.key + SEP));

    // 2. Close wording, unless the same item is already there in the same place.
    if (!samePlace && !across) {
      const touched: number[] = [];
      const tb = tokBuilding.get(b);
      const tp = tokPlace.get(o.place);
      for (const id of o.ids) {
        let list = tokGlobal.get(id);
        if (list && list.length > TOKEN_CAP) list = tb?.get(id);
        if (list && list.length > TOKEN_CAP) list = tp?.get(id);
        if (!list || list.length > TOKEN_CAP) continue;
        for (const j of list) {
          if (tokStamp[j] !== i) {
            tokStamp[j] = i;
            count[j] = 0;
            touched.push(j);
          }
          count[j]++;
        }
      }
      // Cost the most promising (most shared uncommon words) only.
      touched.sort((x, y) => count[y] - count[x] || x - y);
      for (let k = 0; k < touched.length && k < 2 * MAX_PER_LINE; k++) consider(o, touched[k], pairCost(o, theirs[touched[k]], across));
    }

    // 3. Same place, same unit, same quantity or price, words largely agreeing.
    if (!samePlace && !across) {
      const k = o.place + SEP + o.line.unit;
      const near = (list: number[] | undefined, val: (j: number) => number, target: number) => {
        if (!list) return;
        let lo = 0;
        let hi = list.length;
        const from = target * 0.98;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (val(list[mid]) < from) lo = mid + 1;
          else hi = mid;
        }
        for (let q = lo, n = 0; q < list.length && n < 32 && val(list[q]) <= target * 1.02; q++, n++) {
          const j = list[q];
          const t = theirs[j];
          if (t.desc.action !== o.desc.action || seenStamp[j] === i) continue;
          if (similarityIds(o.ids, t.ids).overlap < CLOSE_OVERLAP) continue;
          const c = COST.closeBase + COST.closeSpan + Math.round(COST.qty * Math.min(1, Math.abs(o.line.qty - t.line.qty) / Math.max(o.line.qty, t.line.qty, 1e-9)));
          if (c < UNPAIRED) {
            consider(o, j, c);
            fallback.add(i * theirs.length + j);
          }
        }
      };
      near(byQty.get(k), (j) => theirs[j].line.qty, o.line.qty);
      near(byPrice.get(k), (j) => theirs[j].line.unitPrice, o.line.unitPrice);
    }

    // Keep the cheapest few (ties on the lower insurer index).
    const order = foundCol.map((_, k) => k);
    if (order.length > MAX_PER_LINE) order.sort((x, y) => foundCost[x] - foundCost[y] || foundCol[x] - foundCol[y]);
    for (let k = 0; k < order.length && k < MAX_PER_LINE; k++) {
      colOut.push(foundCol[order[k]]);
      costOut.push(foundCost[order[k]]);
    }
  }
  start[ours.length] = colOut.length;
  return { rows: ours.length, cols: theirs.length, start, col: Int32Array.from(colOut), cost: Int32Array.from(costOut), fallback };
}
