/**
 * Match overrides that survive revisions. A person types the insurer's line number; it is recorded
 * with that line's description and area ("12 · Drip edge · Roof"), because the next revision may
 * renumber the lines. On a re-run the line is found again by description and area; when it is
 * gone, or several lines fit, the override is dropped and the item says so. It is never silently
 * re-pointed at whatever line now carries the old number.
 */
import type { EstimateLine } from '../types/estimate';
import { areaPath, samePlace } from './area-path';
import { descriptionKey } from './describe';

export const OVERRIDE_SEP = ' · ';

export interface ParsedOverride {
  kind: 'none' | 'line';
  item: string;
  /** Present when the override was recorded by an earlier run. */
  description?: string;
  area?: string;
}

/** "none", "12", or "12 · Drip edge · Roof" (area optional). */
export function parseOverride(text: string): ParsedOverride | null {
  const s = text.trim();
  if (s === '') return null;
  if (/^none$/i.test(s)) return { kind: 'none', item: '' };
  const parts = s.split(/\s*·\s*/);
  const item = parts[0].replace(/^(?:re|line|item)\s*#?\s*/i, '').trim();
  if (parts.length === 1) return { kind: 'line', item };
  if (parts.length === 2) return { kind: 'line', item, description: parts[1], area: '' };
  return { kind: 'line', item, description: parts.slice(1, -1).join(OVERRIDE_SEP), area: parts[parts.length - 1] };
}

/** How an override is written back, so the next run can find its line again. */
export function recordOverride(line: EstimateLine): string {
  return [line.item, line.description, ...(line.area.trim() ? [line.area.trim()] : [])].join(OVERRIDE_SEP);
}

export type OverrideResolution =
  | { kind: 'none' }
  | { kind: 'line'; index: number; note: string | null }
  | { kind: 'dropped'; message: string };

/**
 * Finds an override's insurer line in this estimate. `byItem` maps item numbers to indexes (the
 * first line with that number).
 */
export function resolveOverride(o: ParsedOverride, ourItem: string, theirs: EstimateLine[], byItem: Map<string, number>): OverrideResolution {
  if (o.kind === 'none') return { kind: 'none' };
  if (o.description === undefined) {
    const j = byItem.get(o.item);
    if (j === undefined) {
      return {
        kind: 'dropped',
        message: `Item ${ourItem} is set to match the insurer's line ${o.item}, but the insurer's estimate has no such line. Type the right RE line number as the match override, or clear it.`,
      };
    }
    return { kind: 'line', index: j, note: null };
  }
  const key = descriptionKey(o.description);
  const path = areaPath(o.area ?? '');
  const fits: number[] = [];
  theirs.forEach((t, j) => {
    if (descriptionKey(t.description) !== key) return;
    // Recorded without an area: the estimate printed none, so the description alone must find it.
    if (!o.area || t.area.trim() === o.area || samePlace(areaPath(t.area), path)) fits.push(j);
  });
  const was = `RE ${o.item} "${o.description}"${o.area ? ` (${o.area})` : ''}`;
  if (fits.length === 1) {
    const t = theirs[fits[0]];
    return {
      kind: 'line',
      index: fits[0],
      note: t.item === o.item ? null : `The insurer renumbered the line your override points at: ${was} is now RE ${t.item}; the override follows it.`,
    };
  }
  if (fits.length > 1) {
    // Even a line that still carries the old number may be the new one: never guess.
    return {
      kind: 'dropped',
      message: `Your match override for item ${ourItem} (${was}) was dropped: the insurer's estimate now has ${fits.length} such lines (RE ${fits.map((j) => theirs[j].item).join(', ')}). Type the RE line number that belongs with item ${ourItem}.`,
    };
  }
  return {
    kind: 'dropped',
    message: `Your match override for item ${ourItem} (${was}) was dropped: the insurer's estimate no longer has that line. Item ${ourItem} is paired automatically again; type an RE line number to override it.`,
  };
}
