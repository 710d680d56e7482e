import { distance } from 'fastest-levenshtein';
import type { EstimateLine } from '../types/estimate';
import type { Match } from '../types/reconciliation';
import type { Problem } from '../types/problem';
import { unitFactor } from '../parse/numbers';
import {
  actionOf, areaKey, CLOSE_JACCARD, CLOSE_OVERLAP, descriptionKey, descriptionTokens, MAYBE_OVERLAP,
  similarity,
} from './describe';

export interface MatchResult {
  /** Index into ours → its match (absent = denied). */
  matches: Map<number, Match>;
  problems: Problem[];
}

export interface MatchOptions {
  /** Our item → insurer item, or "none". */
  overrides?: Record<string, string>;
  /** Pairs a side-by-side comparison already made; nothing else is matched. */
  pairs?: Record<string, string>;
}

function unitsCompatible(a: EstimateLine, b: EstimateLine): boolean {
  return a.unit === b.unit || a.unit === '' || b.unit === '' || unitFactor(a.unit, b.unit) !== null;
}

/**
 * Matches our lines to the insurer's one-to-one: person's overrides first; then the same
 * description and unit within the same area; then across areas; then close wording. Each match
 * carries a confidence, and weak or ambiguous ones are flagged for review. Cost grows with
 * n log n: exact stages use hash groups, close wording only compares lines sharing a rare word.
 */
export function matchLines(ours: EstimateLine[], theirs: EstimateLine[], opts: MatchOptions = {}): MatchResult {
  const matches = new Map<number, Match>();
  const problems: Problem[] = [];
  const taken = new Set<number>();
  const settled = new Set<number>();
  const theirByItem = new Map<string, number>();
  theirs.forEach((t, j) => {
    if (!theirByItem.has(t.item)) theirByItem.set(t.item, j);
  });

  const pair = (i: number, j: number, m: Omit<Match, 'insurer'>) => {
    matches.set(i, { insurer: theirs[j], ...m });
    taken.add(j);
    settled.add(i);
  };

  // 1. A person's overrides survive re-runs and win over everything.
  const overrides = opts.overrides ?? {};
  ours.forEach((o, i) => {
    const want = overrides[o.item];
    if (want === undefined || want === '') return;
    if (want.toLowerCase() === 'none') {
      settled.add(i);
      return;
    }
    const j = theirByItem.get(want);
    if (j === undefined || taken.has(j)) {
      problems.push({
        side: 'theirs', row: null, severity: 'warning', code: 'override-not-found',
        message: `Item ${o.item} is set to match the insurer's line ${want}, but ${j === undefined ? 'the insurer\'s estimate has no such line' : 'that line is already matched to another item'}. Correct the Item No. override.`,
      });
      return;
    }
    pair(i, j, { method: 'override', confidence: 1, weak: false, notes: ['matched by hand'] });
  });

  // A side-by-side comparison has already said which lines go together.
  if (opts.pairs) {
    ours.forEach((o, i) => {
      if (settled.has(i)) return;
      const want = opts.pairs![o.item];
      const j = want === undefined ? undefined : theirByItem.get(want);
      if (j !== undefined && !taken.has(j)) {
        pair(i, j, { method: 'side-by-side', confidence: 1, weak: false, notes: [] });
      }
    });
    return { matches, problems };
  }

  // 2 and 3. Same description (and a compatible unit): within the same area, then across areas.
  const exactStage = (byArea: boolean) => {
    const groups = new Map<string, { ours: number[]; theirs: number[] }>();
    const keyOf = (l: EstimateLine) => `${descriptionKey(l.description)}\u0000${byArea ? areaKey(l.area) : ''}`;
    ours.forEach((o, i) => {
      if (settled.has(i)) return;
      const k = keyOf(o);
      if (!groups.has(k)) groups.set(k, { ours: [], theirs: [] });
      groups.get(k)!.ours.push(i);
    });
    theirs.forEach((t, j) => {
      if (taken.has(j)) return;
      const g = groups.get(keyOf(t));
      if (g) g.theirs.push(j);
    });
    for (const g of groups.values()) {
      if (g.theirs.length === 0) continue;
      const ambiguous = g.ours.length > 1 && g.theirs.length > 1;
      // Several of the same line: pair by the closest area, then quantity, then order.
      const candidates: Array<{ i: number; j: number; cost: number }> = [];
      for (const i of g.ours) {
        for (const j of g.theirs) {
          if (!unitsCompatible(ours[i], theirs[j])) continue;
          const areaCost = areaKey(ours[i].area) === areaKey(theirs[j].area) ? 0 : 1e9;
          const qtyCost = Math.abs(ours[i].qty - theirs[j].qty * (unitFactor(theirs[j].unit, ours[i].unit) ?? 1));
          candidates.push({ i, j, cost: areaCost + qtyCost });
        }
      }
      candidates.sort((a, b) => a.cost - b.cost || a.i - b.i || a.j - b.j);
      for (const c of candidates) {
        if (settled.has(c.i) || taken.has(c.j)) continue;
        const o = ours[c.i];
        const t = theirs[c.j];
        const notes: string[] = [];
        const sameArea = areaKey(o.area) === areaKey(t.area);
        if (!sameArea && o.area && t.area) notes.push(`area differs: ${o.area} / ${t.area}`);
        if (o.unit !== t.unit && o.unit && t.unit) notes.push(`unit converted: ${t.unit} → ${o.unit}`);
        if (ambiguous) notes.push(`ambiguous: ${g.ours.length} of ours and ${g.theirs.length} of the insurer's read "${o.description}"; paired by area and quantity`);
        const weak = ambiguous || (o.unit !== t.unit && !!o.unit && !!t.unit);
        pair(c.i, c.j, {
          method: byArea || sameArea ? 'same-area' : 'other-area',
          confidence: sameArea || !o.area || !t.area ? (weak ? 0.8 : 1) : weak ? 0.75 : 0.9,
          weak,
          notes,
        });
      }
    }
  };
  exactStage(true);
  exactStage(false);

  // 4. Close wording, only between lines that share a word no more than a few lines use.
  const theirTokens = new Map<number, string[]>();
  const index = new Map<string, number[]>();
  theirs.forEach((t, j) => {
    if (taken.has(j)) return;
    const toks = descriptionTokens(t.description);
    theirTokens.set(j, toks);
    for (const tok of toks) {
      if (!index.has(tok)) index.set(tok, []);
      index.get(tok)!.push(j);
    }
  });
  const RARE = 25;
  type Cand = { i: number; j: number; score: number; overlap: number; jaccard: number; close: boolean };
  const cands: Cand[] = [];
  const bestByOurs = new Map<number, Cand[]>();
  ours.forEach((o, i) => {
    if (settled.has(i)) return;
    const toks = descriptionTokens(o.description);
    const seen = new Set<number>();
    const action = actionOf(o.description);
    for (const tok of toks) {
      const list = index.get(tok);
      if (!list || list.length > RARE) continue;
      for (const j of list) {
        if (seen.has(j) || taken.has(j)) continue;
        seen.add(j);
        const t = theirs[j];
        if (actionOf(t.description) !== action || !unitsCompatible(o, t)) continue;
        const sim = similarity(toks, theirTokens.get(j)!);
        if (sim.overlap < MAYBE_OVERLAP) continue;
        const a = toks.join(' ');
        const b = theirTokens.get(j)!.join(' ');
        const chars = 1 - distance(a, b) / Math.max(a.length, b.length, 1);
        const sameArea = areaKey(o.area) === areaKey(t.area) ? 0.05 : 0;
        const sameQty = o.qty === t.qty ? 0.05 : 0;
        const c: Cand = {
          i, j,
          score: sim.overlap * 0.5 + sim.jaccard * 0.3 + chars * 0.1 + sameArea + sameQty,
          overlap: sim.overlap,
          jaccard: sim.jaccard,
          close: sim.overlap >= CLOSE_OVERLAP && sim.jaccard >= CLOSE_JACCARD,
        };
        cands.push(c);
        if (!bestByOurs.has(i)) bestByOurs.set(i, []);
        bestByOurs.get(i)!.push(c);
      }
    }
  });
  cands.sort((a, b) => b.score - a.score || a.i - b.i || a.j - b.j);
  const maybes: Cand[] = [];
  for (const c of cands) {
    if (settled.has(c.i) || taken.has(c.j)) continue;
    if (!c.close) {
      maybes.push(c);
      continue;
    }
    const rivals = (bestByOurs.get(c.i) ?? []).filter((r) => r !== c && r.close && !taken.has(r.j) && c.score - r.score < 0.05);
    const o = ours[c.i];
    const t = theirs[c.j];
    const notes = [`close wording: "${o.description}" / "${t.description}"`];
    if (areaKey(o.area) !== areaKey(t.area) && o.area && t.area) notes.push(`area differs: ${o.area} / ${t.area}`);
    if (rivals.length > 0) notes.push(`ambiguous: insurer lines ${[c.j, ...rivals.map((r) => r.j)].map((j) => theirs[j].item).join(', ')} fit as well`);
    pair(c.i, c.j, {
      method: 'close-wording',
      confidence: Math.round(Math.min(0.85, 0.4 + c.score * 0.5) * 100) / 100,
      weak: true,
      notes,
    });
  }
  // Near misses are not paired, but a person should hear of them (like-kind substitutions).
  const mentioned = new Set<number>();
  for (const c of maybes) {
    if (settled.has(c.i) || taken.has(c.j) || mentioned.has(c.i)) continue;
    mentioned.add(c.i);
    const o = ours[c.i];
    const t = theirs[c.j];
    problems.push({
      side: 'both', row: o.row, severity: 'info', code: 'possible-substitution',
      message: `Item ${o.item} "${o.description}" was not paired, but the insurer's line ${t.item} "${t.description}" may be its like-kind substitute. If they are the same item, type ${t.item} as the match override for item ${o.item}.`,
    });
  }
  return { matches, problems };
}
