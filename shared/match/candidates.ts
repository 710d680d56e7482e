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
/** Of those, at least this many (when there are) from the line's own building and room. */
const SAME_PLACE_KEPT = 4;
/** A token used by more lines than this (in the scope looked at) is too common to index by. */
export const TOKEN_CAP = 40;
/** At most this many lines sharing the same key are costed (the rest are the same item elsewhere). */
const KEY_CAP = 64;
/** The same item elsewhere in the building, costed for a line with no twin in its own room. */
const OTHER_ROOM_CAP = 16;
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

/**
 * The insurer's lines indexed once per matching run; each pass queries it, skipping lines already
 * taken. Token postings are one list per token, ordered by place (building, then room), so the
 * building or room slice of a posting is found by binary search instead of separate indexes.
 */
export class CandidateIndex {
  readonly byKeyPlace = new Map<string, number[]>();
  readonly byKeyBuilding = new Map<string, number[]>();
  readonly byKey = new Map<string, number[]>();
  /** Token id → insurer indexes, in place order. */
  readonly tokens = new Map<number, number[]>();
  /** Insurer index → ordinal of its building and of its place, both ascending along postings. */
  readonly buildingOrd: Int32Array;
  readonly placeOrd: Int32Array;
  readonly buildingIds = new Map<string, number>();
  readonly placeIds = new Map<string, number>();
  /** Same place and unit, by quantity and by unit price. */
  readonly byQty = new Map<string, number[]>();
  readonly byPrice = new Map<string, number[]>();

  constructor(readonly theirs: PreparedLine[]) {
    const n = theirs.length;
    this.buildingOrd = new Int32Array(n);
    this.placeOrd = new Int32Array(n);
    // Places ordered by building then room (few distinct), then lines by place: a counting sort.
    const places = new Map<string, { building: string; room: string; count: number }>();
    for (const t of theirs) {
      const p = places.get(t.place);
      if (p) p.count++;
      else places.set(t.place, { building: t.path.building, room: t.path.room, count: 1 });
    }
    const sorted = [...places.entries()].sort(([, x], [, y]) =>
      x.building < y.building ? -1 : x.building > y.building ? 1 : x.room < y.room ? -1 : x.room > y.room ? 1 : 0);
    const first = new Map<string, number>();
    let at = 0;
    for (const [key, p] of sorted) {
      if (!this.buildingIds.has(p.building)) this.buildingIds.set(p.building, this.buildingIds.size);
      this.placeIds.set(key, this.placeIds.size);
      first.set(key, at);
      at += p.count;
    }
    const order = new Int32Array(n);
    const next = new Int32Array(this.placeIds.size);
    for (const [key, id] of this.placeIds) next[id] = first.get(key)!;
    for (const t of theirs) {
      const id = this.placeIds.get(t.place)!;
      this.placeOrd[t.index] = id;
      this.buildingOrd[t.index] = this.buildingIds.get(t.path.building)!;
      order[next[id]++] = t.index;
    }
    for (const j of order) for (const id of theirs[j].ids) push(this.tokens, id, j);
    for (const t of theirs) {
      push(this.byKeyPlace, t.keyPlace, t.index);
      push(this.byKeyBuilding, t.keyBuilding, t.index);
      push(this.byKey, t.desc.key, t.index);
    }
  }

  private byPlaceUnit: Map<string, number[]> | null = null;
  /** Same place and unit, sorted by `field`; built the first time a line needs the fallback. */
  sortedBy(field: 'qty' | 'unitPrice', key: string): number[] | undefined {
    if (this.byPlaceUnit === null) {
      this.byPlaceUnit = new Map();
      for (const t of this.theirs) push(this.byPlaceUnit, t.place + SEP + t.line.unit, t.index);
    }
    const cache = field === 'qty' ? this.byQty : this.byPrice;
    let list = cache.get(key);
    if (list === undefined) {
      const raw = this.byPlaceUnit.get(key);
      if (!raw) return undefined;
      list = [...raw].sort((a, b) => this.theirs[a].line[field] - this.theirs[b].line[field] || a - b);
      cache.set(key, list);
    }
    return list;
  }

  /** The slice [from, to) of a posting whose ordinal (by `ord`) equals `want`. */
  static slice(list: number[], ord: Int32Array, want: number): [number, number] {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ord[list[mid]] < want) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    hi = list.length;
    while (end < hi) {
      const mid = (end + hi) >> 1;
      if (ord[list[mid]] <= want) end = mid + 1;
      else hi = mid;
    }
    return [lo, end];
  }
}

export function buildCandidates(ours: PreparedLine[], index: CandidateIndex, opts: CandidateOptions = {}): CandidateGraph {
  const theirs = index.theirs;
  const skipCol = opts.skipCol ?? (() => false);
  const skipRow = opts.skipRow ?? (() => false);
  const across = opts.acrossBuildings ?? false;

  const start = new Int32Array(ours.length + 1);
  const colOut: number[] = [];
  const costOut: number[] = [];
  const fallback = new Set<number>();
  const count = new Int32Array(theirs.length);
  const seenStamp = new Int32Array(theirs.length).fill(-1);
  const tokStamp = new Int32Array(theirs.length).fill(-1);
  const foundCol: number[] = [];
  const foundCost: number[] = [];
  const touched: number[] = [];
  let samePlace = false;

  const consider = (o: PreparedLine, j: number, c: number | null) => {
    if (c === null || seenStamp[j] === o.index) return;
    seenStamp[j] = o.index;
    foundCol.push(j);
    foundCost.push(c);
    if (theirs[j].place === o.place) samePlace = true;
  };
  const costAll = (o: PreparedLine, list: number[] | undefined, cap = KEY_CAP) => {
    if (!list) return;
    for (let k = 0, n = 0; k < list.length && n < cap; k++) {
      if (skipCol(list[k])) continue;
      n++;
      consider(o, list[k], pairCost(o, theirs[list[k]], across));
    }
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
    // The same item in other rooms is usually its own line there: a few are enough as fallbacks.
    costAll(o, index.byKeyPlace.get(o.keyPlace));
    const inBuilding = samePlace ? undefined : index.byKeyBuilding.get(o.keyBuilding);
    costAll(o, inBuilding, OTHER_ROOM_CAP);
    const anywhere = across || (b === '' && !samePlace) ? index.byKey.get(o.desc.key) : undefined;
    if (anywhere !== inBuilding) costAll(o, anywhere, across ? KEY_CAP : OTHER_ROOM_CAP);
    if (!across && b !== '' && !samePlace) costAll(o, index.byKeyBuilding.get(o.desc.key + SEP), OTHER_ROOM_CAP);

    // 2. Close wording, unless the same item is already there in the same place. Each token's
    //    posting is taken at the widest scope where it is short: everywhere, the building, the room.
    if (!samePlace && !across) {
      touched.length = 0;
      const bOrd = index.buildingIds.get(b);
      const pOrd = index.placeIds.get(o.place);
      for (const id of o.ids) {
        const list = index.tokens.get(id);
        if (!list) continue;
        let from = 0;
        let to = list.length;
        if (to - from > TOKEN_CAP) {
          if (bOrd === undefined) continue;
          [from, to] = CandidateIndex.slice(list, index.buildingOrd, bOrd);
        }
        if (to - from > TOKEN_CAP) {
          if (pOrd === undefined) continue;
          [from, to] = CandidateIndex.slice(list, index.placeOrd, pOrd);
        }
        if (to - from > TOKEN_CAP) continue;
        for (let q = from; q < to; q++) {
          const j = list[q];
          if (skipCol(j)) continue;
          if (tokStamp[j] !== i) {
            tokStamp[j] = i;
            count[j] = 0;
            touched.push(j);
          }
          count[j]++;
        }
      }
      // Cost the most promising (most shared uncommon words) only.
      if (touched.length > 2 * MAX_PER_LINE) touched.sort((x, y) => count[y] - count[x] || x - y);
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
          if (skipCol(j) || t.desc.action !== o.desc.action || seenStamp[j] === i) continue;
          if (similarityIds(o.ids, t.ids).overlap < CLOSE_OVERLAP) continue;
          const c = COST.closeBase + COST.closeSpan + Math.round(COST.qty * Math.min(1, Math.abs(o.line.qty - t.line.qty) / Math.max(o.line.qty, t.line.qty, 1e-9)));
          if (c < UNPAIRED) {
            consider(o, j, c);
            fallback.add(i * theirs.length + j);
          }
        }
      };
      near(index.sortedBy('qty', k), (j) => theirs[j].line.qty, o.line.qty);
      near(index.sortedBy('unitPrice', k), (j) => theirs[j].line.unitPrice, o.line.unitPrice);
    }

    // Keep the cheapest few (ties on the lower insurer index).
    if (foundCol.length <= MAX_PER_LINE) {
      for (let k = 0; k < foundCol.length; k++) {
        colOut.push(foundCol[k]);
        costOut.push(foundCost[k]);
      }
    } else {
      // The cheapest few, but always the best few in the same room: the same item in other rooms
      // is usually taken by its own line there, and must not crowd out a reworded line here.
      const order = foundCol.map((_, k) => k).sort((x, y) => foundCost[x] - foundCost[y] || foundCol[x] - foundCol[y]);
      const here = order.filter((k) => theirs[foundCol[k]].place === o.place).slice(0, SAME_PLACE_KEPT);
      const keep = new Set(here);
      for (let k = 0; k < order.length && keep.size < MAX_PER_LINE; k++) keep.add(order[k]);
      for (const k of order) {
        if (!keep.has(k)) continue;
        colOut.push(foundCol[k]);
        costOut.push(foundCost[k]);
      }
    }
  }
  start[ours.length] = colOut.length;
  return { rows: ours.length, cols: theirs.length, start, col: Int32Array.from(colOut), cost: Int32Array.from(costOut), fallback };
}
