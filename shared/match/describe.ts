/**
 * How descriptions and units are compared. Xactimate descriptions are mostly identical between
 * the two estimates; where they are not, the action (remove, R&R, detach & reset, install) must
 * agree and the remaining words must largely overlap. Everything here is computed once per line
 * (see `prepareDescription`), so comparing two lines is integer work.
 */
import { unitFactor } from '../parse/numbers';

export type Action = 'remove' | 'rr' | 'dr' | 'install';

// Order matters: "Remove and replace" is R&R, not remove; "Detach & reset" before both.
const ACTION_PATTERNS: Array<[RegExp, Action]> = [
  [/\bdetach\s*(&|and)\s*reset\b|\bd\s*&\s*r\b|\br\s*&\s*i\b|\bremove\s*(&|and)\s*reinstall\b/i, 'dr'],
  [/\br\s*&\s*r\b|\bremove\s*(&|and|\/)\s*replace\b|\breplace\s*(&|and|\/)\s*remove\b/i, 'rr'],
  [/^\s*(remove|removal|tear\s*[- ]?(off|out)|haul|demo(lish|lition)?)\b/i, 'remove'],
];

/** Remove / Tear off / Tear out = remove; R&R = remove and replace; Detach & reset; Install = Replace. */
export function actionOf(description: string): Action {
  for (const [re, a] of ACTION_PATTERNS) if (re.test(description)) return a;
  return 'install';
}

/** Exact-text key: case, spacing and trailing punctuation do not count. */
export function descriptionKey(description: string): string {
  return description.toLowerCase().replace(/\s+/g, ' ').replace(/[\s.,;:]+$/, '').trim();
}

const STOP = new Set(['of', 'and', 'the', 'a', 'an', 'to', 'for', 'with', 'in', 'on', 'per', 'or', 'w', 'out', 'up', 'at']);
// Words that only say what is done (the action is compared on its own).
const ACTION_WORDS = new Set([
  'remove', 'removal', 'tear', 'off', 'haul', 'dispose', 'detach', 'reset', 'r', 'rr', 'replace', 'd', 'dr',
  'install', 'installation', 'reinstall', 'demo', 'demolish', 'demolition',
]);
const SYNONYMS: Record<string, string> = {
  rfg: 'roofing', comp: 'composition', wout: 'without', lam: 'laminated', laminate: 'laminated',
  alum: 'aluminum', galv: 'galvanized', ds: 'downspout', ridgecap: 'ridge', hip: 'ridge',
  underlay: 'underlayment', iws: 'ice', flash: 'flashing', shngl: 'shingle', shingles: 'shingle',
  i: 'ice', dbl: 'double', sgl: 'single', std: 'standard', hr: 'hour', hrs: 'hour', ea: 'each',
};

function stem(t: string): string {
  const s = SYNONYMS[t] ?? t;
  return s.length > 3 && s.endsWith('s') && !s.endsWith('ss') ? s.slice(0, -1) : s;
}

/** The words that say what the item is (no action words), in printed order, each once. */
export function descriptionTokens(description: string): string[] {
  const words = description
    .toLowerCase()
    .replace(/w\/o(ut)?\b/g, 'without')
    .replace(/r\s*&\s*r|d\s*&\s*r|r\s*&\s*i/g, ' ')
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9"]+/)
    .filter((w) => w !== '' && !STOP.has(w) && !ACTION_WORDS.has(w));
  return [...new Set(words.map(stem))];
}

/** A description, normalised once. */
export interface PreparedDescription {
  action: Action;
  /** Item words in printed order. */
  tokens: string[];
  /** Item words, sorted: two descriptions that differ only in action wording, order or
   * abbreviations ("Tear off comp. shingles" / "Remove composition shingle") share it. */
  object: string;
  /** action + object: equal keys = the same item. */
  key: string;
  /** The words as printed, bar case, spacing and trailing punctuation (`descriptionKey`). */
  textKey: string;
}

const described = new Map<string, PreparedDescription>();

export function prepareDescription(description: string): PreparedDescription {
  const hit = described.get(description);
  if (hit) return hit;
  const action = actionOf(description);
  const tokens = descriptionTokens(description);
  const object = [...tokens].sort().join(' ');
  const p: PreparedDescription = { action, tokens, object, key: `${action}|${object}`, textKey: descriptionKey(description) };
  if (described.size > 50_000) described.clear();
  described.set(description, p);
  return p;
}

export interface Similarity {
  /** |A ∩ B| / min(|A|, |B|): one description's words are all in the other. */
  overlap: number;
  /** |A ∩ B| / |A ∪ B|. */
  jaccard: number;
  shared: number;
}

/** How many ids two sorted, duplicate-free id lists share. */
export function sharedIds(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared;
}

/** Overlap of two sorted, duplicate-free id lists. */
export function similarityIds(a: Int32Array, b: Int32Array): Similarity {
  const shared = sharedIds(a, b);
  const min = Math.min(a.length, b.length);
  const union = a.length + b.length - shared;
  return { overlap: min === 0 ? 0 : shared / min, jaccard: union === 0 ? 0 : shared / union, shared };
}

/** Close wording: nearly all of the shorter description's words in the longer one. */
export const CLOSE_OVERLAP = 0.75;
export const CLOSE_JACCARD = 0.4;
/** Below close wording but above this, a pair is only mentioned as a possible like-kind substitution. */
export const MAYBE_OVERLAP = 0.5;

/**
 * Units: the same, or convertible exactly (1 SQ = 100 SF, 1 SY = 9 SF), or one side printed none.
 * Returns null when the two cannot be the same measure (LF against EA).
 */
export function unitRelation(a: string, b: string): 'same' | 'converted' | 'blank' | null {
  if (a === b) return 'same';
  if (a === '' || b === '') return 'blank';
  return unitFactor(a, b) !== null ? 'converted' : null;
}

/** Quantity of `b` expressed in `a`'s unit (SQ→SF × 100), or b's own when they don't convert. */
export function qtyIn(aUnit: string, bUnit: string, bQty: number): number {
  const f = aUnit && bUnit ? unitFactor(bUnit, aUnit) : 1;
  return bQty * (f ?? 1);
}
