/**
 * One line against two: Xactimate joins removal and replacement in one `R&R X` line, Symbility and
 * others print `Remove X` and `Replace X` (or `X`) apart. Such a pair is one item, and its gap is
 * against the sum. Only lines the assignment left unpaired are looked at.
 */
import { divRound } from '../money';
import type { EstimateLine } from '../types/estimate';
import type { Cents } from '../types/money';
import type { Match } from '../types/reconciliation';
import type { PreparedLine } from './cost';
import { comparePaths } from './area-path';
import { unitRelation } from './describe';

const ITEM_ORDER = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function sumNullable(a: Cents | null, b: Cents | null): Cents | null {
  return a === null && b === null ? null : (a ?? 0) + (b ?? 0);
}

/** The insurer's Remove + Replace pair as one line, numbered "8 + 9". */
export function combineLines(remove: EstimateLine, install: EstimateLine): EstimateLine {
  const [first, second] = ITEM_ORDER.compare(remove.item, install.item) <= 0 ? [remove, install] : [install, remove];
  return {
    ...install,
    item: `${first.item} + ${second.item}`,
    description: `${remove.description} + ${install.description}`,
    // An R&R unit price is the removal price plus the replacement price.
    unitPrice: remove.unitPrice + install.unitPrice,
    amount: remove.amount + install.amount,
    tax: sumNullable(remove.tax, install.tax),
    overheadProfit: sumNullable(remove.overheadProfit, install.overheadProfit),
    rcv: sumNullable(remove.rcv, install.rcv),
    depreciation: sumNullable(remove.depreciation, install.depreciation),
    acv: sumNullable(remove.acv, install.acv),
    note: [remove.note, install.note].filter((n) => n).join(' ') || null,
  };
}

/** One insurer R&R line shared between our Remove and Replace lines, in proportion to ours. */
export function shareLine(rr: EstimateLine, parts: [EstimateLine, EstimateLine]): [EstimateLine, EstimateLine] {
  const share = (total: Cents, a: Cents, b: Cents): [Cents, Cents] => {
    if (a + b === 0) return [0, total];
    const first = Number(divRound(BigInt(total) * BigInt(a), BigInt(a + b)));
    return [first, total - first];
  };
  const [amt0, amt1] = share(rr.amount, parts[0].amount, parts[1].amount);
  const [pr0, pr1] = share(rr.unitPrice, parts[0].unitPrice, parts[1].unitPrice);
  const names = ['removal part', 'replacement part'];
  return [
    { ...rr, amount: amt0, unitPrice: pr0, description: `${rr.description} (${names[0]})`, tax: null, overheadProfit: null, rcv: null },
    { ...rr, amount: amt1, unitPrice: pr1, description: `${rr.description} (${names[1]})`, tax: null, overheadProfit: null, rcv: null },
  ];
}

export interface SplitPair {
  kind: 'one-of-ours' | 'two-of-ours';
  /** Our indexes (one or two) and the insurer's (two or one). */
  ours: number[];
  theirs: number[];
}

const SEP = '\u0001';

/**
 * Finds R&R against Remove + Replace among the unpaired lines, in both directions. The object
 * words must be the same and the buildings must not differ (one side may name none); the same building and room is preferred, then the closest
 * quantity, then the lowest line numbers.
 */
export function findSplits(
  ours: PreparedLine[],
  theirs: PreparedLine[],
  oursFree: (i: number) => boolean,
  theirsFree: (j: number) => boolean,
  /** Before the assignment: only three lines in the same room, where neither side also prints
   * the other form of the item there (so no exact pair is taken away). */
  strict = false,
): SplitPair[] {
  const out: SplitPair[] = [];
  const takenOurs = new Set<number>();
  const takenTheirs = new Set<number>();
  const run = (ones: PreparedLine[], twos: PreparedLine[], oneFree: (k: number) => boolean, twoFree: (k: number) => boolean, takenOne: Set<number>, takenTwo: Set<number>, kind: SplitPair['kind']) => {
    // Only objects some free R&R line names are worth indexing.
    const wanted = new Set<string>();
    // Keyed by object alone: one side may name the building ("Dwelling Roof") where the other
    // names none ("Roof"); only two named, different buildings keep the lines apart (in fits).
    for (const o of ones) if (o.desc.action === 'rr' && oneFree(o.index)) wanted.add(o.desc.object);
    if (wanted.size === 0) return;
    const removes = new Map<string, PreparedLine[]>();
    const installs = new Map<string, PreparedLine[]>();
    for (const t of twos) {
      if ((t.desc.action !== 'remove' && t.desc.action !== 'install') || t.desc.object === '' || !twoFree(t.index)) continue;
      if (!wanted.has(t.desc.object)) continue;
      const m = t.desc.action === 'remove' ? removes : installs;
      const k = t.desc.object;
      const l = m.get(k);
      if (l) l.push(t);
      else m.set(k, [t]);
    }
    if (removes.size === 0 || installs.size === 0) return;
    // Item key ␁ place: equal for the same item in the same place.
    const at = (l: PreparedLine, key: string) => key + SEP + l.place;
    // Every free line's item and place on each side, for the strict pass's "no exact twin" test.
    const placed = (lines: PreparedLine[], free: (k: number) => boolean) => {
      const s = new Set<string>();
      if (strict) for (const l of lines) if (free(l.index)) s.add(at(l, l.desc.key));
      return s;
    };
    let onesPlacedSet: Set<string> | null = null;
    let twosPlacedSet: Set<string> | null = null;
    const onesPlaced = { has: (k: string) => (onesPlacedSet ??= placed(ones, oneFree)).has(k) };
    const twosPlaced = { has: (k: string) => (twosPlacedSet ??= placed(twos, twoFree)).has(k) };
    for (const o of ones) {
      if (!oneFree(o.index) || o.desc.action !== 'rr') continue;
      const k = o.desc.object;
      if (!removes.has(k) || !installs.has(k)) continue;
      if (strict && twosPlaced.has(at(o, o.desc.key))) continue;
      const fits = (t: PreparedLine) =>
        !takenTwo.has(t.index) && unitRelation(o.line.unit, t.line.unit) !== null && !comparePaths(o.path, t.path).otherBuilding &&
        (!strict || (t.place === o.place && !onesPlaced.has(at(o, t.desc.key))));
      const rem = (removes.get(k) ?? []).filter(fits);
      const ins = (installs.get(k) ?? []).filter(fits);
      if (rem.length === 0 || ins.length === 0) continue;
      const rank = (t: PreparedLine) => [(t.path.building === o.path.building ? 0 : 2) + (t.path.room === o.path.room ? 0 : 1), Math.abs(t.line.qty - o.line.qty), t.index];
      const best = (l: PreparedLine[]) =>
        [...l].sort((a, b) => {
          const x = rank(a);
          const y = rank(b);
          return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
        })[0];
      const r = best(rem);
      const s = best(ins);
      takenOne.add(o.index);
      takenTwo.add(r.index);
      takenTwo.add(s.index);
      out.push(kind === 'one-of-ours' ? { kind, ours: [o.index], theirs: [r.index, s.index] } : { kind, ours: [r.index, s.index], theirs: [o.index] });
    }
  };
  run(ours, theirs, oursFree, theirsFree, takenOurs, takenTheirs, 'one-of-ours');
  run(theirs, ours, theirsFree, (i) => oursFree(i) && !takenOurs.has(i), takenTheirs, takenOurs, 'two-of-ours');
  return out;
}

/** The matches a split makes: our index → match. */
export function splitMatches(s: SplitPair, ours: EstimateLine[], theirs: EstimateLine[]): Array<[number, Match]> {
  if (s.kind === 'one-of-ours') {
    const [r, i] = s.theirs.map((j) => theirs[j]);
    const combined = combineLines(r, i);
    return [[s.ours[0], {
      insurer: combined,
      parts: [r, i],
      method: 'split',
      confidence: 0.9,
      weak: false,
      notes: [`the insurer splits this item into RE ${r.item} "${r.description}" and RE ${i.item} "${i.description}"; the gap is against their sum`],
    }]];
  }
  const rr = theirs[s.theirs[0]];
  const two: [EstimateLine, EstimateLine] = [ours[s.ours[0]], ours[s.ours[1]]];
  const shared = shareLine(rr, two);
  return s.ours.map((i, k): [number, Match] => [i, {
    insurer: shared[k],
    parts: [rr],
    method: 'split',
    confidence: 0.9,
    weak: false,
    notes: [`the insurer's RE ${rr.item} "${rr.description}" covers items ${two[0].item} and ${two[1].item}; its amount is shared between them in proportion to ours, so their gaps add up to the gap against it`],
  }]);
}
