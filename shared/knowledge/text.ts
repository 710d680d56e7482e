/** Small text helpers shared by the knowledge modules. */

/** Lower case, "&" spelled out, punctuation to spaces, single spaces: for matching words. */
export function normalizeWords(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/o\s*&\s*p/g, ' o and p ')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
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
  if (p.trim() === '') return false;
  return text.words.includes(p);
}

/** True when `phrase` occurs in `text` as whole words (both sides normalised the same way). */
export function containsPhrase(text: string, phrase: string): boolean {
  return hasPhrase(wordText(text), phrase);
}
