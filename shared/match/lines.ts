/**
 * Pairs our lines with the insurer's, one to one:
 *
 * 1. a person's overrides (found again by description and area when the insurer renumbers);
 * 2. one global minimum-cost assignment over sparse candidates (candidates.ts, cost.ts,
 *    assign.ts): same item in the same place is cheapest, then another room of the same building,
 *    then close wording (another building is never offered in this pass);
 * 3. R&R against Remove + Replace among what is left (splits.ts), then the very same item in
 *    another building for what is still left;
 * 4. near misses (like-kind substitutions) are mentioned, not paired.
 *
 * A pair is flagged for review only when another assignment costs about the same (review.ts), or
 * when its wording or building differs enough that a person should look.
 */
import type { EstimateLine } from '../types/estimate';
import type { Match, MatchAlternative } from '../types/reconciliation';
import type { Problem } from '../types/problem';
import { assign } from './assign';
import { buildCandidates, CandidateIndex, TOKEN_CAP } from './candidates';
import { areaCost, descriptionCost, prepareLines, UNPAIRED, Vocabulary, type PreparedLine } from './cost';
import { MAYBE_OVERLAP, similarityIds, unitRelation } from './describe';
import { parseOverride, recordOverride, resolveOverride } from './overrides';
import { reviewAssignment } from './review';
import { findSplits, splitMatches } from './splits';

export interface MatchResult {
  /** Index into ours → its match (absent = denied). */
  matches: Map<number, Match>;
  problems: Problem[];
  /** Our item → the override as recorded for the next run ("" = dropped). */
  overrides: Record<string, string>;
  /** Index into ours → why its override was dropped. */
  overrideNotes: Map<number, string>;
}

export interface MatchOptions {
  /** Our item → insurer item ("12", or as recorded "12 · Drip edge · Roof"), or "none". */
  overrides?: Record<string, string>;
  /** Pairs a side-by-side comparison already made; nothing else is matched. */
  pairs?: Record<string, string>;
  /** When given, filled with milliseconds per phase (the benchmark's profile). */
  timings?: Record<string, number>;
}

function alternativeOf(t: EstimateLine): MatchAlternative {
  return { item: t.item, description: t.description, area: t.area };
}

function describeAlt(t: EstimateLine): string {
  return `RE ${t.item} "${t.description}"${t.area ? ` (${t.area})` : ''}`;
}

/** Method, confidence, weakness and notes of an assigned pair. */
function explain(o: PreparedLine, t: PreparedLine, fallback: boolean): Omit<Match, 'insurer'> {
  const notes: string[] = [];
  const d = descriptionCost(o, t);
  const sameBuilding = o.path.building === t.path.building || o.path.building === '' || t.path.building === '';
  const otherBuilding = !sameBuilding;
  const samePlace = sameBuilding && (o.path.room === t.path.room || o.path.room === '' || t.path.room === '');
  // The areas as printed (trimmed once per area); equal text needs no case folding.
  const oa = o.path.text;
  const ta = t.path.text;
  if (oa && ta && oa !== ta && oa.toLowerCase() !== ta.toLowerCase()) {
    notes.push(samePlace ? `area named differently: ${oa} / ${ta}` : `area differs: ${oa} / ${ta}`);
  }
  if (otherBuilding) notes.push('paired across buildings: the insurer has this item in another building only');
  const unit = unitRelation(o.line.unit, t.line.unit);
  if (unit === 'converted') notes.push(`unit converted: ${t.line.unit} → ${o.line.unit}`);
  let method: Match['method'];
  let confidence: number;
  let weak = false;
  if (fallback || d === null || !d.exact) {
    method = 'close-wording';
    notes.unshift(
      fallback || d === null
        ? `worded differently, paired by area, unit and quantity or price: "${o.line.description}" / "${t.line.description}"`
        : `close wording: "${o.line.description}" / "${t.line.description}"`,
    );
    const descScore = d === null ? 0.3 : 1 - (d.cost - 100) / 600;
    confidence = 0.4 + 0.45 * descScore;
    weak = true;
  } else {
    if (o.desc.textKey !== t.desc.textKey) notes.push(`worded differently: "${o.line.description}" / "${t.line.description}"`);
    method = samePlace ? 'same-area' : 'other-area';
    confidence = otherBuilding ? 0.6 : samePlace ? (o.desc.textKey === t.desc.textKey ? 1 : 0.95) : 0.9;
    weak = otherBuilding;
  }
  if (unit !== 'same') confidence -= 0.05;
  return { method, confidence: Math.round(confidence * 100) / 100, weak, notes, parts: [t.line] };
}

/** What the passes share: pairs made so far, which lines on each side are settled, what to report. */
interface MatchState {
  ours: EstimateLine[];
  theirs: EstimateLine[];
  matches: Map<number, Match>;
  problems: Problem[];
  /** Overrides as the engine records them (written back to the sheet), by our item. */
  recorded: Record<string, string>;
  overrideNotes: Map<number, string>;
  taken: Uint8Array;
  settled: Uint8Array;
  /** The insurer's first line with each item number. */
  theirByItem: Map<string, number>;
}

function newState(ours: EstimateLine[], theirs: EstimateLine[]): MatchState {
  const theirByItem = new Map<string, number>();
  theirs.forEach((t, j) => {
    if (!theirByItem.has(t.item)) theirByItem.set(t.item, j);
  });
  return {
    ours, theirs, matches: new Map(), problems: [], recorded: {}, overrideNotes: new Map(),
    taken: new Uint8Array(theirs.length), settled: new Uint8Array(ours.length), theirByItem,
  };
}

function pair(st: MatchState, i: number, j: number, m: Omit<Match, 'insurer'>): void {
  st.matches.set(i, { insurer: st.theirs[j], parts: [st.theirs[j]], ...m });
  st.taken[j] = 1;
  st.settled[i] = 1;
}

function result(st: MatchState): MatchResult {
  return { matches: st.matches, problems: st.problems, overrides: st.recorded, overrideNotes: st.overrideNotes };
}

/**
 * Pairs our lines with the insurer's: 1. a person's overrides; then (for a side-by-side
 * comparison) the pairs it states; else 2. one global assignment within buildings, 3. R&R against
 * Remove + Replace among what is left, 4. the same item in another building, and 5. near misses
 * mentioned (not paired). Buildings come first so a line the insurer split (or denied) never
 * steals its twin from another building.
 */
export function matchLines(ours: EstimateLine[], theirs: EstimateLine[], opts: MatchOptions = {}): MatchResult {
  const st = newState(ours, theirs);
  applyOverrides(st, opts.overrides ?? {});
  if (opts.pairs) {
    applyStatedPairs(st, opts.pairs);
    return result(st);
  }
  const lap = phaseClock(opts.timings);
  const vocab = new Vocabulary();
  const po = prepareLines(ours, vocab);
  const pt = prepareLines(theirs, vocab);
  lap('prepare');
  const index = new CandidateIndex(pt, vocab);
  lap('index');
  // A split whose three lines share a room and have no exact twin there is settled first, so
  // its Remove line cannot be paired with another room's.
  splitPass(st, po, pt, true, lap);
  assignPass(st, po, pt, index, false, lap);
  splitPass(st, po, pt, false, lap);
  assignPass(st, po, pt, index, true, lap);
  nearMisses(st, po, pt);
  lap('near misses');
  return result(st);
}

/** 1. A person's overrides survive re-runs and win over everything. */
function applyOverrides(st: MatchState, overrides: Record<string, string>): void {
  st.ours.forEach((o, i) => {
    const text = overrides[o.item];
    if (text === undefined) return;
    const parsed = parseOverride(text);
    if (parsed === null) return;
    const res = resolveOverride(parsed, o.item, st.theirs, st.theirByItem);
    if (res.kind === 'none') {
      st.recorded[o.item] = 'none';
      st.settled[i] = 1;
      return;
    }
    if (res.kind === 'dropped') {
      // A number that was never there stays as typed so the person sees it; a recorded line that
      // is gone or ambiguous is cleared: it must not follow the number to another line.
      st.recorded[o.item] = parsed.description === undefined ? text.trim() : '';
      st.overrideNotes.set(i, res.message);
      st.problems.push({ side: 'ours', row: o.row, severity: 'warning', code: 'override-dropped', message: res.message });
      return;
    }
    if (st.taken[res.index]) {
      const message = `Item ${o.item} is set to match the insurer's line ${st.theirs[res.index].item}, but that line is already matched to another item by an override. Correct one of the two match overrides.`;
      st.recorded[o.item] = text.trim();
      st.overrideNotes.set(i, message);
      st.problems.push({ side: 'ours', row: o.row, severity: 'warning', code: 'override-not-found', message });
      return;
    }
    st.recorded[o.item] = recordOverride(st.theirs[res.index]);
    const notes = ['matched by hand'];
    if (res.note) notes.push(res.note);
    pair(st, i, res.index, { method: 'override', confidence: 1, weak: false, notes });
  });
}

/** A side-by-side comparison has already said which lines go together. */
function applyStatedPairs(st: MatchState, pairs: Record<string, string>): void {
  st.ours.forEach((o, i) => {
    if (st.settled[i]) return;
    const want = pairs[o.item];
    const j = want === undefined ? undefined : st.theirByItem.get(want);
    if (j !== undefined && !st.taken[j]) pair(st, i, j, { method: 'side-by-side', confidence: 1, weak: false, notes: [] });
  });
}

type Lap = (phase: string) => void;

/** Adds each phase's time to `timings` (CPU time where the platform has it: steadier on a busy machine). */
function phaseClock(timings: Record<string, number> | undefined): Lap {
  if (!timings) return () => {};
  const now = () => {
    const p = (globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } }).process;
    if (p?.cpuUsage) {
      const u = p.cpuUsage();
      return (u.user + u.system) / 1000;
    }
    return performance.now();
  };
  let clock = now();
  return (phase) => {
    const t = now();
    timings[phase] = (timings[phase] ?? 0) + t - clock;
    clock = t;
  };
}

/** One global assignment over what is not settled yet, within buildings or across them. */
function assignPass(st: MatchState, po: PreparedLine[], pt: PreparedLine[], index: CandidateIndex, acrossBuildings: boolean, lap: Lap): void {
  const graph = buildCandidates(po, index, { skipRow: (i) => st.settled[i] === 1, skipCol: (j) => st.taken[j] === 1, acrossBuildings });
  lap('candidates');
  const problem = { ...graph, unpaired: UNPAIRED };
  const assigned = assign(problem);
  lap('assign');
  const reviews = reviewAssignment(problem, assigned, pt);
  lap('review');
  for (let i = 0; i < st.ours.length; i++) {
    const j = assigned.rowCol[i];
    if (j === -1) continue;
    const m = explain(po[i], pt[j], graph.fallback.has(i * st.theirs.length + j));
    const r = reviews.get(i);
    if (r) {
      const alt = st.theirs[r.alternative];
      m.weak = true;
      m.confidence = Math.min(m.confidence, 0.7);
      m.alternative = alternativeOf(alt);
      m.notes.push(`ambiguous: ${describeAlt(alt)} fits about as well`);
    }
    pair(st, i, j, m);
  }
  lap('explain');
}

/** R&R against the insurer's Remove + Replace (strict: the three lines share a room). */
function splitPass(st: MatchState, po: PreparedLine[], pt: PreparedLine[], strict: boolean, lap: Lap): void {
  for (const s of findSplits(po, pt, (i) => !st.settled[i], (j) => !st.taken[j], strict)) {
    for (const [i, m] of splitMatches(s, st.ours, st.theirs)) {
      st.matches.set(i, m);
      st.settled[i] = 1;
    }
    for (const j of s.theirs) st.taken[j] = 1;
  }
  lap('splits');
}

/** Near misses: the closest unpaired insurer line is mentioned (a like-kind substitution), never paired. */
function nearMisses(st: MatchState, po: PreparedLine[], pt: PreparedLine[]): void {
  const freeTok = new Map<number, number[]>();
  for (const t of pt) {
    if (st.taken[t.index]) continue;
    for (const id of t.ids) {
      const l = freeTok.get(id);
      if (l) l.push(t.index);
      else freeTok.set(id, [t.index]);
    }
  }
  for (const o of po) {
    if (st.settled[o.index]) continue;
    const best = closestFree(o, pt, freeTok);
    if (best === null) continue;
    const t = st.theirs[best];
    const o2 = o.line;
    st.problems.push({
      side: 'both', row: o2.row, severity: 'info', code: 'possible-substitution',
      message: `Item ${o2.item} "${o2.description}" was not paired, but the insurer's line ${t.item} "${t.description}" may be its like-kind substitute. If they are the same item, type ${t.item} as the match override for item ${o2.item}.`,
    });
  }
}

/** The free insurer line sharing the most words with ours (same action, comparable unit), or null. */
function closestFree(o: PreparedLine, pt: PreparedLine[], freeTok: Map<number, number[]>): number | null {
  let best: { j: number; score: number } | null = null;
  const seen = new Set<number>();
  for (const id of o.ids) {
    const list = freeTok.get(id);
    if (!list || list.length > TOKEN_CAP) continue;
    for (const j of list) {
      if (seen.has(j)) continue;
      seen.add(j);
      const t = pt[j];
      if (t.desc.action !== o.desc.action || unitRelation(o.line.unit, t.line.unit) === null) continue;
      const sim = similarityIds(o.ids, t.ids);
      if (sim.overlap < MAYBE_OVERLAP) continue;
      const score = sim.overlap + sim.jaccard - areaCost(o.path, t.path) / 1000;
      if (best === null || score > best.score || (score === best.score && j < best.j)) best = { j, score };
    }
  }
  return best === null ? null : best.j;
}
