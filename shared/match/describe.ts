/**
 * How descriptions are compared. Xactimate descriptions are mostly identical between the two
 * estimates; where they are not, the action (remove, R&R, detach & reset, install) must agree and
 * the remaining words must largely overlap.
 */
export type Action = 'remove' | 'rr' | 'dr' | 'install';

const ACTION_PATTERNS: Array<[RegExp, Action]> = [
  [/\bdetach\s*(&|and)\s*reset\b|\bd\s*&\s*r\b/i, 'dr'],
  [/\br\s*&\s*r\b|\bremove\s*(&|and)\s*replace\b/i, 'rr'],
  [/^\s*(remove|tear\s*off|tear\s*out|haul)\b/i, 'remove'],
];

export function actionOf(description: string): Action {
  for (const [re, a] of ACTION_PATTERNS) if (re.test(description)) return a;
  return 'install';
}

/** Exact-match key: case, spacing and trailing punctuation do not count. */
export function descriptionKey(description: string): string {
  return description.toLowerCase().replace(/\s+/g, ' ').replace(/[\s.,;:]+$/, '').trim();
}

const STOP = new Set(['of', 'and', 'the', 'a', 'an', 'to', 'for', 'with', 'in', 'on', 'per', 'or', 'w', 'out']);
// Words that only say what is done (the action is compared on its own).
const ACTION_WORDS = new Set(['remove', 'tear', 'off', 'haul', 'dispose', 'detach', 'reset', 'r', 'rr', 'replace', 'd', 'dr']);
const SYNONYMS: Record<string, string> = {
  rfg: 'roofing', comp: 'composition', 'w/out': 'without', wout: 'without', lam: 'laminated',
  alum: 'aluminum', galv: 'galvanized', ds: 'downspout', ridgecap: 'ridge', hip: 'ridge',
  underlay: 'underlayment', i: 'ice', iws: 'ice',
};

function stem(t: string): string {
  const s = SYNONYMS[t] ?? t;
  return s.length > 3 && s.endsWith('s') && !s.endsWith('ss') ? s.slice(0, -1) : s;
}

/** The words that say what the item is. */
export function descriptionTokens(description: string): string[] {
  const words = description
    .toLowerCase()
    .replace(/w\/out/g, 'without')
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9/"]+/)
    .map((w) => w.replace(/^\/+|\/+$/g, ''))
    .filter((w) => w !== '' && !STOP.has(w) && !ACTION_WORDS.has(w));
  return [...new Set(words.map(stem))];
}

export interface Similarity {
  /** |A ∩ B| / min(|A|, |B|): one description's words are all in the other. */
  overlap: number;
  /** |A ∩ B| / |A ∪ B|. */
  jaccard: number;
  shared: string[];
}

export function similarity(a: string[], b: string[]): Similarity {
  const setB = new Set(b);
  const shared = a.filter((t) => setB.has(t));
  const union = new Set([...a, ...b]).size;
  return {
    overlap: Math.min(a.length, b.length) === 0 ? 0 : shared.length / Math.min(a.length, b.length),
    jaccard: union === 0 ? 0 : shared.length / union,
    shared,
  };
}

/** Close wording: nearly all of the shorter description's words in the longer one. */
export const CLOSE_OVERLAP = 0.75;
export const CLOSE_JACCARD = 0.4;
/** Below this a pair is only mentioned as a possible like-kind substitution. */
export const MAYBE_OVERLAP = 0.5;

export function areaKey(area: string): string {
  return area.toLowerCase().replace(/\s+/g, ' ').trim();
}
