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
    if (o.textKey !== t.textKey) notes.push(`worded differently: "${o.line.description}" / "${t.line.description}"`);
    method = samePlace ? 'same-area' : 'other-area';
    confidence = otherBuilding ? 0.6 : samePlace ? (o.textKey === t.textKey ? 1 : 0.95) : 0.9;
    weak = otherBuilding;
  }
  if (unit !== 'same') confidence -= 0.05;
  return { method, confidence: Math.round(confidence * 100) / 100, weak, notes, parts: [t.line] };
}

export function matchLines(ours: EstimateLine[], theirs: EstimateLine[], opts: MatchOptions = {}): MatchResult {
  const matches = new Map<number, Match>();
  const problems: Problem[] = [];
  const recorded: Record<string, string> = {};
  const overrideNotes = new Map<number, string>();
  const taken = new Uint8Array(theirs.length);
  const settled = new Uint8Array(ours.length);
  const theirByItem = new Map<string, number>();
  theirs.forEach((t, j) => {
    if (!theirByItem.has(t.item)) theirByItem.set(t.item, j);
  });
  const pair = (i: number, j: number, m: Omit<Match, 'insurer'>) => {
    matches.set(i, { insurer: theirs[j], parts: [theirs[j]], ...m });
    taken[j] = 1;
    settled[i] = 1;
  };

  // 1. A person's overrides survive re-runs and win over everything.
  const overrides = opts.overrides ?? {};
  ours.forEach((o, i) => {
    const text = overrides[o.item];
    if (text === undefined) return;
    const parsed = parseOverride(text);
    if (parsed === null) return;
    const res = resolveOverride(parsed, o.item, theirs, theirByItem);
    if (res.kind === 'none') {
      recorded[o.item] = 'none';
      settled[i] = 1;
      return;
    }
    if (res.kind === 'dropped') {
      // A number that was never there stays as typed so the person sees it; a recorded line that
      // is gone or ambiguous is cleared: it must not follow the number to another line.
      recorded[o.item] = parsed.description === undefined ? text.trim() : '';
      overrideNotes.set(i, res.message);
      problems.push({ side: 'ours', row: o.row, severity: 'warning', code: 'override-dropped', message: res.message });
      return;
    }
    if (taken[res.index]) {
      const message = `Item ${o.item} is set to match the insurer's line ${theirs[res.index].item}, but that line is already matched to another item by an override. Correct one of the two match overrides.`;
      recorded[o.item] = text.trim();
      overrideNotes.set(i, message);
      problems.push({ side: 'ours', row: o.row, severity: 'warning', code: 'override-not-found', message });
      return;
    }
    recorded[o.item] = recordOverride(theirs[res.index]);
    const notes = ['matched by hand'];
    if (res.note) notes.push(res.note);
    pair(i, res.index, { method: 'override', confidence: 1, weak: false, notes });
  });

  // A side-by-side comparison has already said which lines go together.
  if (opts.pairs) {
    ours.forEach((o, i) => {
      if (settled[i]) return;
      const want = opts.pairs![o.item];
      const j = want === undefined ? undefined : theirByItem.get(want);
      if (j !== undefined && !taken[j]) pair(i, j, { method: 'side-by-side', confidence: 1, weak: false, notes: [] });
    });
    return { matches, problems, overrides: recorded, overrideNotes };
  }

  // 2. One global assignment within buildings; 3. R&R against Remove + Replace among what is
  // left; 4. the very same item in another building, for what is left after that. Buildings
  // come first so a line the insurer split (or denied) never steals its twin from another building.
  const timings = opts.timings;
  // CPU time when the platform has it (steadier than wall time on a busy machine).
  const now0 = () => {
    const p = (globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } }).process;
    if (p?.cpuUsage) {
      const u = p.cpuUsage();
      return (u.user + u.system) / 1000;
    }
    return performance.now();
  };
  let clock = timings ? now0() : 0;
  const lap = (phase: string) => {
    if (!timings) return;
    const now = now0();
    timings[phase] = (timings[phase] ?? 0) + now - clock;
    clock = now;
  };
  const vocab = new Vocabulary();
  const po = prepareLines(ours, vocab);
  const pt = prepareLines(theirs, vocab);
  lap('prepare');
  const index = new CandidateIndex(pt, vocab);
  lap('index');
  const assignPass = (acrossBuildings: boolean) => {
    const graph = buildCandidates(po, index, { skipRow: (i) => settled[i] === 1, skipCol: (j) => taken[j] === 1, acrossBuildings });
    lap('candidates');
    const problem = { ...graph, unpaired: UNPAIRED };
    const result = assign(problem);
    lap('assign');
    const reviews = reviewAssignment(problem, result, pt);
    lap('review');
    for (let i = 0; i < ours.length; i++) {
      const j = result.rowCol[i];
      if (j === -1) continue;
      const m = explain(po[i], pt[j], graph.fallback.has(i * theirs.length + j));
      const r = reviews.get(i);
      if (r) {
        const alt = theirs[r.alternative];
        m.weak = true;
        m.confidence = Math.min(m.confidence, 0.7);
        m.alternative = alternativeOf(alt);
        m.notes.push(`ambiguous: ${describeAlt(alt)} fits about as well`);
      }
      pair(i, j, m);
    }
    lap('explain');
  };
  const splitPass = (strict: boolean) => {
    for (const s of findSplits(po, pt, (i) => !settled[i], (j) => !taken[j], strict)) {
      for (const [i, m] of splitMatches(s, ours, theirs)) {
        matches.set(i, m);
        settled[i] = 1;
      }
      for (const j of s.theirs) taken[j] = 1;
    }
    lap('splits');
  };
  // A split whose three lines share a room and have no exact twin there is settled first, so
  // its Remove line cannot be paired with another room's.
  splitPass(true);
  assignPass(false);
  splitPass(false);
  assignPass(true);

  // 4. Near misses: mention the closest unpaired insurer line (a like-kind substitution).
  const freeTok = new Map<number, number[]>();
  for (const t of pt) {
    if (taken[t.index]) continue;
    for (const id of t.ids) {
      const l = freeTok.get(id);
      if (l) l.push(t.index);
      else freeTok.set(id, [t.index]);
    }
  }
  for (const o of po) {
    if (settled[o.index]) continue;
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
    if (best === null) continue;
    const t = theirs[best.j];
    const o2 = o.line;
    problems.push({
      side: 'both', row: o2.row, severity: 'info', code: 'possible-substitution',
      message: `Item ${o2.item} "${o2.description}" was not paired, but the insurer's line ${t.item} "${t.description}" may be its like-kind substitute. If they are the same item, type ${t.item} as the match override for item ${o2.item}.`,
    });
  }
  lap('near misses');
  return { matches, problems, overrides: recorded, overrideNotes };
}
