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

/** Lists of insurer indexes stored end to end: list k is items[start[k] .. start[k + 1]). */
export interface Postings {
  start: Int32Array;
  items: Int32Array;
}

/** Groups lines by their keys (ids below `groups`, `keyCount(j)` of them for line j, read by
 * `keyAt(j, m)`), each list in the order `order` gives: a counting sort, so no list is an array
 * of its own. */
function postings(groups: number, order: Int32Array, keyCount: (j: number) => number, keyAt: (j: number, m: number) => number): Postings {
  const start = new Int32Array(groups + 1);
  for (const j of order) for (let m = keyCount(j) - 1; m >= 0; m--) start[keyAt(j, m) + 1]++;
  for (let k = 0; k < groups; k++) start[k + 1] += start[k];
  const next = start.slice(0, groups);
  const items = new Int32Array(start[groups]);
  for (const j of order) for (let m = 0; m < keyCount(j); m++) items[next[keyAt(j, m)]++] = j;
  return { start, items };
}

/** One key per line: key[j]. */
function postingsOne(groups: number, order: Int32Array, key: Int32Array): Postings {
  return postings(groups, order, () => 1, (j) => key[j]);
}

/** Lines ordered by an ordinal (few distinct), then by index: a stable counting sort. */
function orderBy(ord: Int32Array, distinct: number): Int32Array {
  return postingsOne(distinct, Int32Array.from(ord.keys()), ord).items;
}

/** First position in items[from, to) whose ordinal is ≥ want (the list is ascending by ordinal). */
function lowerBound(items: Int32Array, from: number, to: number, ord: Int32Array, want: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ord[items[mid]] < want) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The range of list k of `p` whose lines have ordinal `want` (empty when want is −1). */
function sliceOf(p: Postings, k: number, ord: Int32Array, want: number): [number, number] {
  if (k >= p.start.length - 1 || want < 0) return [0, 0];
  const from = lowerBound(p.items, p.start[k], p.start[k + 1], ord, want);
  return [from, lowerBound(p.items, from, p.start[k + 1], ord, want + 1)];
}

/**
 * The insurer's lines indexed once per matching run; each pass queries it, skipping lines already
 * taken. Lines sharing an item key are listed three ways (by index; by place, then index; by
 * building, then index), and token postings by place, so the building or room slice of a list is
 * found by binary search instead of separate indexes.
 */
export class CandidateIndex {
  /** Item key id → insurer indexes, in the three orders. */
  readonly byKey: Postings;
  readonly byKeyPlace: Postings;
  readonly byKeyBuilding: Postings;
  /** Token id → insurer indexes, in place order. */
  readonly tokens: Postings;
  /** Insurer index → ordinal of its building and of its place, both ascending along postings. */
  readonly buildingOrd: Int32Array;
  readonly placeOrd: Int32Array;
  readonly buildingIds = new Map<string, number>();
  readonly placeIds = new Map<string, number>();
  /** Same place and unit, by quantity and by unit price. */
  readonly byQty = new Map<string, number[]>();
  readonly byPrice = new Map<string, number[]>();

  constructor(readonly theirs: PreparedLine[], vocab: { keyCount: number; tokenCount: number }) {
    const n = theirs.length;
    this.buildingOrd = new Int32Array(n);
    this.placeOrd = new Int32Array(n);
    this.numberPlaces();
    const keyOf = Int32Array.from(theirs, (t) => t.keyId);
    this.byKey = postingsOne(vocab.keyCount, Int32Array.from(keyOf.keys()), keyOf);
    const byPlace = orderBy(this.placeOrd, this.placeIds.size);
    this.byKeyPlace = postingsOne(vocab.keyCount, byPlace, keyOf);
    this.byKeyBuilding = postingsOne(vocab.keyCount, orderBy(this.buildingOrd, this.buildingIds.size), keyOf);
    this.tokens = postings(vocab.tokenCount, byPlace, (j) => theirs[j].ids.length, (j, m) => theirs[j].ids[m]);
  }

  /** Places ordered by building then room (few distinct); each line's building and place ordinal. */
  private numberPlaces(): void {
    const places = new Map<string, { building: string; room: string }>();
    for (const t of this.theirs) if (!places.has(t.place)) places.set(t.place, { building: t.path.building, room: t.path.room });
    const sorted = [...places.entries()].sort(([, x], [, y]) =>
      x.building < y.building ? -1 : x.building > y.building ? 1 : x.room < y.room ? -1 : x.room > y.room ? 1 : 0);
    for (const [key, p] of sorted) {
      if (!this.buildingIds.has(p.building)) this.buildingIds.set(p.building, this.buildingIds.size);
      this.placeIds.set(key, this.placeIds.size);
    }
    for (const t of this.theirs) {
      this.placeOrd[t.index] = this.placeIds.get(t.place)!;
      this.buildingOrd[t.index] = this.buildingIds.get(t.path.building)!;
    }
  }

  /** Same item key, same place: the range of byKeyPlace.items. */
  keyInPlace(keyId: number, placeOrd: number): [number, number] {
    return sliceOf(this.byKeyPlace, keyId, this.placeOrd, placeOrd);
  }

  /** Same item key, same building: the range of byKeyBuilding.items. */
  keyInBuilding(keyId: number, buildingOrd: number): [number, number] {
    return sliceOf(this.byKeyBuilding, keyId, this.buildingOrd, buildingOrd);
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

  /** The range of token `id`'s posting whose ordinal (by `ord`) equals `want`. */
  tokenSlice(id: number, ord: Int32Array, want: number): [number, number] {
    return sliceOf(this.tokens, id, ord, want);
  }
}

/** Figures within this relative band count as the same quantity or price (rounding, conversions). */
const FIGURE_BAND = 0.02;
/** At most this many lines with about the same figure are looked at (a common figure says little). */
const FIGURE_CAP = 32;

/** One pass's search, line by line; the scratch arrays are shared by every line. */
class CandidateSearch {
  private readonly theirs: PreparedLine[];
  private readonly skipCol: (j: number) => boolean;
  private readonly across: boolean;
  readonly colOut: number[] = [];
  readonly costOut: number[] = [];
  readonly fallback = new Set<number>();
  private readonly count: Int32Array;
  private readonly seenStamp: Int32Array;
  private readonly tokStamp: Int32Array;
  private readonly foundCol: number[] = [];
  private readonly foundCost: number[] = [];
  private readonly touched: number[] = [];
  private samePlace = false;
  /** The current line's place and building ordinals in the index (−1 when the insurer has none there). */
  private pOrd = -1;
  private bOrd = -1;

  constructor(private readonly index: CandidateIndex, opts: CandidateOptions) {
    this.theirs = index.theirs;
    this.skipCol = opts.skipCol ?? (() => false);
    this.across = opts.acrossBuildings ?? false;
    this.count = new Int32Array(this.theirs.length);
    this.seenStamp = new Int32Array(this.theirs.length).fill(-1);
    this.tokStamp = new Int32Array(this.theirs.length).fill(-1);
  }

  /** Finds and keeps line o's candidates. */
  line(o: PreparedLine): void {
    this.foundCol.length = 0;
    this.foundCost.length = 0;
    this.samePlace = false;
    this.pOrd = this.index.placeIds.get(o.place) ?? -1;
    this.bOrd = this.index.buildingIds.get(o.path.building) ?? -1;
    this.sameItem(o);
    // Each step runs only while nothing in the same place has been found.
    if (!this.samePlace && !this.across) this.closeWording(o);
    if (!this.samePlace && !this.across) this.sameFigures(o);
    this.keepCheapest();
  }

  private consider(o: PreparedLine, j: number, c: number | null): void {
    if (c === null || this.seenStamp[j] === o.index) return;
    this.seenStamp[j] = o.index;
    this.foundCol.push(j);
    this.foundCost.push(c);
    if (this.index.placeOrd[j] === this.pOrd) this.samePlace = true;
  }

  /** Costs the first `cap` lines not taken of items[from, to). */
  private costAll(o: PreparedLine, items: Int32Array, [from, to]: [number, number], cap = KEY_CAP): void {
    for (let k = from, n = 0; k < to && n < cap; k++) {
      if (this.skipCol(items[k])) continue;
      n++;
      this.consider(o, items[k], pairCost(o, this.theirs[items[k]], this.across));
    }
  }

  /** 1. The same item: in the same place, else in the same building; a side that names no
   * building is compared with every building; the last pass looks everywhere. The same item in
   * other rooms is usually its own line there: a few are enough as fallbacks. */
  private sameItem(o: PreparedLine): void {
    const { index, across } = this;
    const b = o.path.building;
    this.costAll(o, index.byKeyPlace.items, index.keyInPlace(o.keyId, this.pOrd));
    if (!this.samePlace) this.costAll(o, index.byKeyBuilding.items, index.keyInBuilding(o.keyId, this.bOrd), OTHER_ROOM_CAP);
    if (across || (b === '' && !this.samePlace)) this.costAll(o, index.byKey.items, keyRange(index.byKey, o.keyId), across ? KEY_CAP : OTHER_ROOM_CAP);
    if (!across && b !== '' && !this.samePlace) {
      this.costAll(o, index.byKeyBuilding.items, index.keyInBuilding(o.keyId, index.buildingIds.get('') ?? -1), OTHER_ROOM_CAP);
    }
  }

  /** 2. Close wording. Each token's posting is taken at the widest scope where it is short:
   * everywhere, the building, the room; the lines sharing most such words are costed. */
  private closeWording(o: PreparedLine): void {
    const { index, touched, count, tokStamp } = this;
    const items = index.tokens.items;
    touched.length = 0;
    for (const id of o.ids) {
      let [from, to] = keyRange(index.tokens, id);
      if (to - from > TOKEN_CAP) [from, to] = index.tokenSlice(id, index.buildingOrd, this.bOrd);
      if (to - from > TOKEN_CAP) [from, to] = index.tokenSlice(id, index.placeOrd, this.pOrd);
      if (to - from > TOKEN_CAP) continue;
      for (let q = from; q < to; q++) {
        const j = items[q];
        if (this.skipCol(j)) continue;
        if (tokStamp[j] !== o.index) {
          tokStamp[j] = o.index;
          count[j] = 0;
          touched.push(j);
        }
        count[j]++;
      }
    }
    // Cost the most promising (most shared uncommon words) only.
    if (touched.length > 2 * MAX_PER_LINE) touched.sort((x, y) => count[y] - count[x] || x - y);
    for (let k = 0; k < touched.length && k < 2 * MAX_PER_LINE; k++) this.consider(o, touched[k], pairCost(o, this.theirs[touched[k]], this.across));
  }

  /** 3. Same place, same unit, same quantity or price, words largely agreeing. */
  private sameFigures(o: PreparedLine): void {
    const k = o.place + SEP + o.line.unit;
    this.near(o, this.index.sortedBy('qty', k), 'qty');
    this.near(o, this.index.sortedBy('unitPrice', k), 'unitPrice');
  }

  private near(o: PreparedLine, list: number[] | undefined, field: 'qty' | 'unitPrice'): void {
    if (!list) return;
    const { theirs } = this;
    const target = o.line[field];
    let lo = 0;
    let hi = list.length;
    const from = target * (1 - FIGURE_BAND);
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (theirs[list[mid]].line[field] < from) lo = mid + 1;
      else hi = mid;
    }
    for (let q = lo, n = 0; q < list.length && n < FIGURE_CAP && theirs[list[q]].line[field] <= target * (1 + FIGURE_BAND); q++, n++) {
      const j = list[q];
      const t = theirs[j];
      if (this.skipCol(j) || t.desc.action !== o.desc.action || this.seenStamp[j] === o.index) continue;
      if (similarityIds(o.ids, t.ids).overlap < CLOSE_OVERLAP) continue;
      const c = COST.closeBase + COST.closeSpan + Math.round(COST.qty * Math.min(1, Math.abs(o.line.qty - t.line.qty) / Math.max(o.line.qty, t.line.qty, 1e-9)));
      if (c < UNPAIRED) {
        this.consider(o, j, c);
        this.fallback.add(o.index * theirs.length + j);
      }
    }
  }

  /** Keeps the cheapest few (ties on the lower insurer index), but always the best few in the same
   * room: the same item in other rooms is usually taken by its own line there, and must not crowd
   * out a reworded line here. */
  private keepCheapest(): void {
    const { foundCol, foundCost, colOut, costOut } = this;
    if (foundCol.length <= MAX_PER_LINE) {
      for (let k = 0; k < foundCol.length; k++) {
        colOut.push(foundCol[k]);
        costOut.push(foundCost[k]);
      }
      return;
    }
    const order = foundCol.map((_, k) => k).sort((x, y) => foundCost[x] - foundCost[y] || foundCol[x] - foundCol[y]);
    const here = order.filter((k) => this.index.placeOrd[foundCol[k]] === this.pOrd).slice(0, SAME_PLACE_KEPT);
    const keep = new Set(here);
    for (let k = 0; k < order.length && keep.size < MAX_PER_LINE; k++) keep.add(order[k]);
    for (const k of order) {
      if (!keep.has(k)) continue;
      colOut.push(foundCol[k]);
      costOut.push(foundCost[k]);
    }
  }
}

/** The whole of list k (empty when no insurer line has k). */
function keyRange(p: Postings, k: number): [number, number] {
  return k < p.start.length - 1 ? [p.start[k], p.start[k + 1]] : [0, 0];
}

export function buildCandidates(ours: PreparedLine[], index: CandidateIndex, opts: CandidateOptions = {}): CandidateGraph {
  const skipRow = opts.skipRow ?? (() => false);
  const search = new CandidateSearch(index, opts);
  const start = new Int32Array(ours.length + 1);
  for (const o of ours) {
    start[o.index] = search.colOut.length;
    if (!skipRow(o.index)) search.line(o);
  }
  start[ours.length] = search.colOut.length;
  const { colOut, costOut, fallback } = search;
  return { rows: ours.length, cols: index.theirs.length, start, col: Int32Array.from(colOut), cost: Int32Array.from(costOut), fallback };
}
