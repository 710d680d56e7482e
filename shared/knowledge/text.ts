/** Small text helpers shared by the knowledge modules. */

// Made once: a literal in a function body is a new RegExp object each time it runs (every line).
const NO_BREAK_SPACE = /[\u00a0\u2007\u202f]/g;
const O_AND_P = /o\s*&\s*p/g;
const AMPERSAND = /&/g;
const NOT_WORD = /[^a-z0-9]+/g;

/** Lower case, "&" spelled out, punctuation to spaces, single spaces: for matching words. */
export function normalizeWords(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(NO_BREAK_SPACE, ' ')
    .replace(O_AND_P, ' o and p ')
    .replace(AMPERSAND, ' and ')
    .replace(NOT_WORD, ' ')
    .trim()} `;
}

/**
 * Phrases normalised once: the topic rules and the rebuttal library check every line against dozens
 * of phrases, and normalising each phrase (and the line) per check was most of the knowledge step's
 * time at 20,000 lines. The phrases come from fixed rule lists and the Rebuttals sheet, so the
 * cache stays small; it is capped anyway in case a caller feeds it open-ended text.
 */
const PHRASE_CACHE_LIMIT = 10_000;
const phraseCache = new Map<string, string>();

function normalizedPhrase(phrase: string): string {
  let p = phraseCache.get(phrase);
  if (p === undefined) {
    p = normalizeWords(phrase);
    if (phraseCache.size >= PHRASE_CACHE_LIMIT) phraseCache.clear();
    phraseCache.set(phrase, p);
  }
  return p;
}

/** Text normalised once for many phrase checks (see normalizeWords). */
export interface WordText {
  readonly words: string;
}

export function wordText(text: string): WordText {
  return { words: normalizeWords(text) };
}

/** True when `phrase` occurs in the normalised text as whole words. */
export function hasPhrase(text: WordText, phrase: string): boolean {
  const p = normalizedPhrase(phrase);
  // Only the two framing spaces: the phrase has no words (checked without trimming a copy).
  if (p.length <= 2) return false;
  return text.words.includes(p);
}

/** True when `phrase` occurs in `text` as whole words (both sides normalised the same way). */
export function containsPhrase(text: string, phrase: string): boolean {
  return hasPhrase(wordText(text), phrase);
}
