/**
 * Typed notes follow their item when our own estimate is renumbered (a supplement inserts a line,
 * so Drip edge moves from 5 to 6). Notes are keyed by our item number; without this, every note
 * after the inserted line would be filed under the item that now carries the old number.
 *
 * An earlier item is found again by its description: first at its own number, then at the nearest
 * number with the same description. An item found nowhere keeps its notes under its own number, or,
 * when another item now has that number and a different description, under "N (earlier)", so the
 * notes stay on a row of their own and never land on the other item.
 */
import type { ItemAnnotation, PursueState } from '../types/knowledge';
import { normalizeWords } from './text';

export const EARLIER_SUFFIX = ' (earlier)';

/** True for a key made by earlierKey: notes of an item whose number another item now has. */
export function isEarlierKey(item: string): boolean {
  return /\(earlier(?: \d+)?\)$/.test(item);
}

/** Words two descriptions share, as a share of the larger set: 1 is the same wording. */
const SAME_ITEM_REWORDED = 0.5;

export interface OurItem {
  item: string;
  description: string;
}

export interface Followed {
  state: PursueState;
  overrides: Record<string, string>;
  /** Status Log identities ("item\u0001…"), with the item renamed where it moved. */
  statusOrder: string[];
  warnings: Array<{ item: string; message: string }>;
}

/** Re-keys what was read back from the workbook to this revision's item numbers. */
export function followRenumbering(
  state: PursueState,
  overrides: Record<string, string>,
  statusOrder: string[],
  ours: OurItem[],
): Followed {
  const moves = planMoves(state.items, ours);
  const warnings: Followed['warnings'] = [];
  const items: Record<string, ItemAnnotation> = {};
  const moved: Array<[string, string]> = [];
  for (const [from, to] of moves) {
    const a = state.items[from]!;
    // An item that stays keeps its annotation object (mergeState copies what it carries over).
    items[to] = to === from && a.item === to ? a : { ...a, item: to };
    if (to === from) continue;
    if (isEarlierKey(to)) warnings.push({ item: to, message: keptApartMessage(from, to, a.description) });
    else if (hasTypedData(a)) moved.push([from, to]);
  }
  warnings.push(...movedMessages(moved, state.items));
  const rename = (item: string): string => moves.get(item) ?? item;
  return {
    state: {
      ...state,
      items,
      topics: state.topics.map((t) => ({ ...t, items: t.items.map(rename) })),
    },
    overrides: Object.fromEntries(Object.entries(overrides).map(([k, v]) => [rename(k), v])),
    statusOrder: statusOrder.map((id) => {
      const cut = id.indexOf('\u0001');
      return cut < 0 ? id : rename(id.slice(0, cut)) + id.slice(cut);
    }),
    warnings,
  };
}

function keptApartMessage(from: string, to: string, description: string): string {
  return `Item ${from} (${description}) is not in this revision, and item ${from} is now another item: its notes were kept on a row of their own, "${to}". Delete that row when it is no longer needed.`;
}

/** A few moves are named one by one; a renumbered estimate gets one sentence, not one per line. */
const MOVES_LISTED = 3;

function movedMessages(moved: Array<[string, string]>, previous: Record<string, ItemAnnotation>): Followed['warnings'] {
  if (moved.length <= MOVES_LISTED) {
    return moved.map(([from, to]) => ({ item: to, message: `Item ${from} (${previous[from]!.description}) is item ${to} in this revision: its notes moved with it.` }));
  }
  const shown = moved.slice(0, MOVES_LISTED).map(([from, to]) => `${from} is now ${to}`);
  return [{ item: '', message: `Our estimate was renumbered: what was typed on ${moved.length} items moved with them (${shown.join(', ')}, …). Check the Item No(s). column.` }];
}

/** Old key → new key for every annotation; each new key is used once. */
function planMoves(previous: Record<string, ItemAnnotation>, ours: OurItem[]): Map<string, string> {
  // Descriptions are normalised only when the raw text differs: most items keep theirs word for word.
  const described = new Map(ours.map((o) => [o.item, o.description]));
  const words = new Map<string, string>();
  const wordsNow = (item: string): string => {
    let w = words.get(item);
    if (w === undefined) words.set(item, (w = normalizeWords(described.get(item)!)));
    return w;
  };
  const moves = new Map<string, string>();
  const claimed = new Set<string>();
  const claim = (from: string, to: string): void => {
    moves.set(from, to);
    claimed.add(to);
  };
  const keys = Object.keys(previous);
  const earlierWords = new Map<string, string>();
  const wordsOf = (k: string): string => {
    let w = earlierWords.get(k);
    if (w === undefined) earlierWords.set(k, (w = normalizeWords(previous[k]!.description)));
    return w;
  };
  const unnamed = (k: string): boolean => previous[k]!.description.trim() === '';
  const sameAsNow = (k: string): boolean => described.has(k) && (described.get(k) === previous[k]!.description || wordsNow(k) === wordsOf(k));

  // 1. Still at its own number (or never named, as the O&P and tax rows).
  for (const k of keys) if (unnamed(k) || sameAsNow(k)) claim(k, k);
  // 2. Moved: the same description at the nearest free number.
  // Current items by description, so each earlier item looks only at its namesakes.
  const byWords = new Map<string, string[]>();
  for (const o of ours) {
    if (claimed.has(o.item)) continue;
    const w = wordsNow(o.item);
    const list = byWords.get(w);
    if (list) list.push(o.item);
    else byWords.set(w, [o.item]);
  }
  const pairs: Array<{ from: string; to: string; distance: number }> = [];
  for (const k of keys) {
    if (moves.has(k)) continue;
    for (const to of byWords.get(wordsOf(k)) ?? []) pairs.push({ from: k, to, distance: itemDistance(k, to) });
  }
  pairs.sort((x, y) => x.distance - y.distance);
  for (const p of pairs) if (!moves.has(p.from) && !claimed.has(p.to)) claim(p.from, p.to);
  // 3. Not found: kept at its own number when that is free (mergeState marks it absent), carried
  // over when the item there is the same one reworded (mergeState says so), else kept apart.
  for (const k of keys) {
    if (moves.has(k)) continue;
    if (!described.has(k) && !claimed.has(k)) claim(k, k);
    else if (described.has(k) && !claimed.has(k) && wordOverlap(wordsOf(k), wordsNow(k)) >= SAME_ITEM_REWORDED) claim(k, k);
    else if (hasTypedData(previous[k]!)) claim(k, earlierKey(k, claimed, described));
    // Else nothing was typed on it: there is nothing to keep, and no row to add.
  }
  return moves;
}

/** True when a person typed something on the item (the workbook also holds rows nobody touched). */
export function hasTypedData(a: ItemAnnotation): boolean {
  return (
    a.denialText.trim() !== '' || a.reasonToApprove.trim() !== '' || a.status.length > 0 || a.rfAsked || a.topic !== null || a.override !== null
  );
}

/** How far apart two item numbers are; labels that are not numbers sort last. */
function itemDistance(a: string, b: string): number {
  const x = Number.parseInt(a, 10);
  const y = Number.parseInt(b, 10);
  return Number.isNaN(x) || Number.isNaN(y) ? Number.MAX_SAFE_INTEGER : Math.abs(x - y);
}

function wordOverlap(a: string, b: string): number {
  const x = new Set(a.trim().split(' ').filter((w) => w !== ''));
  const y = new Set(b.trim().split(' ').filter((w) => w !== ''));
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / Math.max(x.size, y.size);
}

/** "5 (earlier)", or "5 (earlier 2)" when that is taken too. */
function earlierKey(item: string, claimed: Set<string>, current: Map<string, string>): string {
  let key = `${item}${EARLIER_SUFFIX}`;
  for (let n = 2; claimed.has(key) || current.has(key); n++) key = `${item} (earlier ${n})`;
  return key;
}
