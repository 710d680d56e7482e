import type { Cents } from '../types/money';
import type { Reconciliation } from '../types/reconciliation';
import type { ItemAnnotation, PursueState, StatusEntry, Topic } from '../types/knowledge';
import { formatMoney } from '../money';
import { defaultWeights } from './priority';
import { defaultRebuttals } from './rebuttals';
import { hasTypedData } from './renumber';
import { normalizeWords } from './text';
import { suggestTopics } from './topics';

/** The item key of the O&P row: it has its own denial reason, reason to approve and status log. */
export const OP_ITEM = 'O&P';
/** The O&P row's description: also the text its rebuttal is looked up by, in the sheet and --json alike. */
export const OP_DESCRIPTION = 'Overhead & Profit (O&P)';
/** The item key of the tax row: a person may keep notes on it; the merge keeps them like any item's. */
export const TAX_ITEM = 'Tax';
const TAX_DESCRIPTION = 'Material sales tax';

export function emptyState(): PursueState {
  return { items: {}, topics: [], rebuttals: defaultRebuttals(), weights: defaultWeights() };
}

function has<T>(record: Record<string, T>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

function copyEntry(e: StatusEntry): StatusEntry {
  return { ...e, missing: [...e.missing] };
}

function copyAnnotation(a: ItemAnnotation): ItemAnnotation {
  return { ...a, status: a.status.map(copyEntry) };
}

function copyTopic(t: Topic): Topic {
  return { ...t, items: [...t.items] };
}

/** An annotation nobody has typed on yet. */
export function newAnnotation(item: string, description: string): ItemAnnotation {
  return {
    item,
    description,
    denialText: '',
    reasonToApprove: '',
    rfAsked: false,
    status: [],
    topic: null,
    override: null,
    closedOn: null,
  };
}

/** How a message names an item: "Item 7 (R&R Siding - vinyl)", or "The O&P row". */
function itemName(item: string, description: string): string {
  if (item === OP_ITEM) return 'The O&P row';
  if (item === TAX_ITEM) return 'The tax row';
  return `Item ${item} (${description})`;
}

interface Current {
  item: string;
  description: string;
  gap: Cents;
  note: string | null;
}

/** Our lines plus the O&P row and the tax row, as the merge sees them. */
function currentItems(rec: Reconciliation): Current[] {
  const out: Current[] = rec.lines.map((l) => ({
    item: l.ours.item,
    description: l.ours.description,
    gap: l.gap,
    note: l.match?.insurer.note?.trim() || null,
  }));
  out.push({ item: OP_ITEM, description: OP_DESCRIPTION, gap: rec.overheadProfitGap, note: null });
  out.push({ item: TAX_ITEM, description: TAX_DESCRIPTION, gap: rec.taxGap, note: null });
  return out;
}

type Warning = { item: string; message: string };

/**
 * Carries everything a person typed onto a new reconciliation (a new revision from the insurer).
 * Nothing typed is lost: items whose gap closed stay, marked closedOn; items missing from the new
 * revision stay, marked absentSince, with a warning (and keep a row: model/absent.ts). `previous` is
 * already keyed to this revision's item numbers (renumber.ts); an item reworded at its own number is
 * carried over with a warning. A new item (or one with no denial text typed) takes the insurer's note
 * under its matched line as its denial text. Accepted and refused topics are kept; suggestions are
 * refreshed for items not already in a topic.
 */
export function mergeState(previous: PursueState, rec: Reconciliation, today: string): { state: PursueState; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const items: Record<string, ItemAnnotation> = {};
  const seen = new Set<string>();
  for (const cur of currentItems(rec)) {
    // The tax row only gets an entry once a person has typed on it.
    if (cur.item === TAX_ITEM && !has(previous.items, TAX_ITEM)) continue;
    if (seen.has(cur.item)) {
      warnings.push({
        item: cur.item,
        message: `Item ${cur.item} appears more than once in our estimate; notes are kept on the first one. Check the item numbers in the paste.`,
      });
      continue;
    }
    seen.add(cur.item);
    const carried = carryItem(has(previous.items, cur.item) ? previous.items[cur.item] : undefined, cur, today);
    items[cur.item] = carried.annotation;
    warnings.push(...carried.warnings);
  }
  const absent = keepAbsent(previous.items, seen, today);
  Object.assign(items, absent.items);
  warnings.push(...absent.warnings);
  const topics = mergeTopics(previous.topics, rec, items);
  return { state: { items, topics, ...copySettings(previous) }, warnings };
}

/** One current item's annotation: the previous one carried over (or a new one), brought up to date. */
function carryItem(prev: ItemAnnotation | undefined, cur: Current, today: string): { annotation: ItemAnnotation; warnings: Warning[] } {
  const a = prev ? copyAnnotation(prev) : newAnnotation(cur.item, cur.description);
  const warnings: Warning[] = [];
  // The same text needs no normalising (most items on a re-run).
  if (prev && prev.description !== cur.description && prev.description.trim() !== '' && normalizeWords(prev.description) !== normalizeWords(cur.description)) {
    warnings.push({
      item: cur.item,
      message: `Item ${cur.item} was "${prev.description}" and is now "${cur.description}": its notes were carried over by item number. Check they still apply.`,
    });
  }
  a.description = cur.description;
  const noteWarning = carryInsurerNote(a, prev, cur);
  if (noteWarning) warnings.push(noteWarning);
  const closedWarning = carryClosed(a, prev, cur, today);
  if (closedWarning) warnings.push(closedWarning);
  if (prev && prev.absentSince) {
    warnings.push({ item: cur.item, message: `Item ${cur.item} is back in this revision; its notes were kept.` });
  }
  a.absentSince = null;
  a.gap = cur.gap;
  return { annotation: a, warnings };
}

/** The insurer's note fills an empty denial reason; a changed note never overwrites a typed one. */
function carryInsurerNote(a: ItemAnnotation, prev: ItemAnnotation | undefined, cur: Current): Warning | null {
  let warning: Warning | null = null;
  if (cur.note !== null) {
    if (a.denialText.trim() === '') {
      a.denialText = cur.note;
    } else if (prev && (prev.insurerNote ?? null) !== null && prev.insurerNote !== cur.note && !a.denialText.includes(cur.note)) {
      warning = {
        item: cur.item,
        message: `The insurer's note on item ${cur.item} changed to "${cur.note}". Your Reason for denial was kept; update it if the reason changed.`,
      };
    }
  }
  a.insurerNote = cur.note;
  return warning;
}

/** Marks an item closed when its gap is gone, and open again when a gap comes back. */
function carryClosed(a: ItemAnnotation, prev: ItemAnnotation | undefined, cur: Current, today: string): Warning | null {
  const wasOpen = prev ? (prev.gap !== undefined ? prev.gap > 0 : hasTypedData(prev)) : false;
  if (cur.gap <= 0) {
    if (a.closedOn !== null || !wasOpen) return null;
    a.closedOn = today;
    // The O&P and tax rows are written on every run, so there is no row to remove.
    const rowKept = cur.item === OP_ITEM || cur.item === TAX_ITEM ? 'its notes are kept.' : 'it is kept and marked closed. Remove the row when you are done with it.';
    return { item: cur.item, message: `${itemName(cur.item, cur.description)} has no gap left in this revision: ${rowKept}` };
  }
  if (a.closedOn === null) return null;
  const warning = {
    item: cur.item,
    message: `${itemName(cur.item, cur.description)} was closed on ${a.closedOn} but has a gap of ${formatMoney(cur.gap)} again: it is open again.`,
  };
  a.closedOn = null;
  return warning;
}

/** Items the new revision no longer has: never dropped, a person decides. */
function keepAbsent(previous: Record<string, ItemAnnotation>, seen: Set<string>, today: string): { items: Record<string, ItemAnnotation>; warnings: Warning[] } {
  const items: Record<string, ItemAnnotation> = {};
  const warnings: Warning[] = [];
  for (const key of Object.keys(previous)) {
    if (seen.has(key)) continue;
    const a = copyAnnotation(previous[key]);
    const already = Boolean(a.absentSince);
    a.absentSince = a.absentSince ?? today;
    items[key] = a;
    // Said once, the run it went missing; after that its row says so.
    if (!already && hasTypedData(a)) warnings.push({
      item: key,
      message: `${itemName(key, a.description)} is not in this reconciliation. It was kept with everything typed on it; check the paste, or remove the row if the item is gone.`,
    });
  }
  return { items, warnings };
}

/**
 * Topics: a person's decisions (accepted, refused) stay; suggestions are redone. Sets each accepted
 * topic's name on its items that have none.
 */
function mergeTopics(previous: Topic[], rec: Reconciliation, items: Record<string, ItemAnnotation>): Topic[] {
  const kept = previous.filter((t) => t.state !== 'suggested').map(copyTopic);
  for (const t of kept) {
    if (t.state !== 'accepted') continue;
    for (const it of t.items) if (has(items, it) && items[it].topic === null) items[it].topic = t.name;
  }
  const inTopic = new Set(kept.filter((t) => t.state === 'accepted').flatMap((t) => t.items));
  const names = new Set(kept.map((t) => t.name.toLowerCase()));
  const fresh = suggestTopics(
    rec.lines
      .filter((l) => !inTopic.has(l.ours.item) && items[l.ours.item]?.topic === null)
      .map((l) => ({ item: l.ours.item, area: l.ours.area, description: l.ours.description, gap: l.gap })),
  ).filter((t) => !names.has(t.name.toLowerCase()));
  return [...kept, ...fresh];
}

/** The rebuttals and weights, copied so the new state shares nothing with the old. */
function copySettings(previous: PursueState): Pick<PursueState, 'rebuttals' | 'weights'> {
  return {
    rebuttals: previous.rebuttals.map((r) => ({ ...r, itemWords: [...r.itemWords] })),
    weights: {
      ...previous.weights,
      categories: Object.fromEntries(
        Object.entries(previous.weights.categories).map(([k, v]) => [k, { ...v }]),
      ) as PursueState['weights']['categories'],
    },
  };
}
