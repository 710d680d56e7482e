/**
 * What pairing one of our lines with one of the insurer's costs, as an integer (so the assignment
 * is exact and deterministic). Lower is better; null means the two cannot be the same item.
 *
 *   description   0 same item (same action and words after normalising), else 100..700 for
 *                 close wording; a different action never pairs (splits are handled apart)
 *   area          0 same building and room; 150 another room of the same building; 20 / 40 when
 *                 one side does not name the building / room; 800 another building (exact
 *                 wording only: a reworded line is never paired across buildings)
 *   unit          0 same; 40 converted (SQ = 100 SF) or printed on one side only; other units never pair
 *   tie-breakers  up to 30 for quantity and 15 for unit price, by relative difference
 *
 * A pair is worth making when its cost is below UNPAIRED (the cost of leaving our line unpaired).
 */
import { distance } from 'fastest-levenshtein';
import type { EstimateLine } from '../types/estimate';
import { areaPath, type AreaPath } from './area-path';
import {
  CLOSE_JACCARD, CLOSE_OVERLAP, descriptionKey, prepareDescription, qtyIn, similarityIds, unitRelation,
  type PreparedDescription, type Similarity,
} from './describe';

export const UNPAIRED = 1200;
export const COST = {
  closeBase: 100,
  closeSpan: 600,
  textDiffers: 5,
  otherRoom: 150,
  roomUnknown: 40,
  buildingUnknown: 20,
  otherBuilding: 800,
  unit: 40,
  qty: 30,
  price: 15,
} as const;

/** One line, normalised once. */
export interface PreparedLine {
  index: number;
  line: EstimateLine;
  desc: PreparedDescription;
  /** Sorted token ids (the vocabulary is shared by both sides). */
  ids: Int32Array;
  path: AreaPath;
  textKey: string;
  /** building ␁ room. */
  place: string;
  /** desc.key ␁ building, and desc.key ␁ building ␁ room: the hash keys candidates look up. */
  keyBuilding: string;
  keyPlace: string;
}

const SEP = '\u0001';
const textKeys = new Map<string, string>();
function textKeyOf(description: string): string {
  let k = textKeys.get(description);
  if (k === undefined) {
    k = descriptionKey(description);
    if (textKeys.size > 50_000) textKeys.clear();
    textKeys.set(description, k);
  }
  return k;
}

/** Token ids for one matching run, and what is derived per description and per area (estimates
 * repeat both, so each is worked out once). */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  readonly byDescription = new Map<string, Int32Array>();
  readonly byPlace = new Map<string, { place: string; keyBuilding: string; keyPlace: string }>();
  id(token: string): number {
    let v = this.ids.get(token);
    if (v === undefined) {
      v = this.ids.size;
      this.ids.set(token, v);
    }
    return v;
  }
  idsOf(description: string, desc: PreparedDescription): Int32Array {
    let ids = this.byDescription.get(description);
    if (ids === undefined) {
      ids = Int32Array.from(desc.tokens.map((t) => this.id(t))).sort();
      this.byDescription.set(description, ids);
    }
    return ids;
  }
}

export function prepareLines(lines: EstimateLine[], vocab: Vocabulary): PreparedLine[] {
  return lines.map((line, index) => {
    const desc = prepareDescription(line.description);
    const ids = vocab.idsOf(line.description, desc);
    const path = areaPath(line.area);
    const k = desc.key + SEP + line.area;
    let keys = vocab.byPlace.get(k);
    if (keys === undefined) {
      const place = path.building + SEP + path.room;
      keys = { place, keyBuilding: desc.key + SEP + path.building, keyPlace: desc.key + SEP + place };
      vocab.byPlace.set(k, keys);
    }
    return { index, line, desc, ids, path, textKey: textKeyOf(line.description), place: keys.place, keyBuilding: keys.keyBuilding, keyPlace: keys.keyPlace };
  });
}

function relDiff(a: number, b: number): number {
  const m = Math.max(Math.abs(a), Math.abs(b));
  return m === 0 ? 0 : Math.min(1, Math.abs(a - b) / m);
}

/** Description cost alone, with the similarity behind it; null when not close enough. */
export function descriptionCost(o: PreparedLine, t: PreparedLine): { cost: number; exact: boolean; sim: Similarity | null } | null {
  if (o.desc.action !== t.desc.action) return null;
  if (o.desc.key === t.desc.key) return { cost: o.textKey === t.textKey ? 0 : COST.textDiffers, exact: true, sim: null };
  const sim = similarityIds(o.ids, t.ids);
  if (sim.overlap < CLOSE_OVERLAP || sim.jaccard < CLOSE_JACCARD) return null;
  const a = o.desc.object;
  const b = t.desc.object;
  const chars = 1 - distance(a, b) / Math.max(a.length, b.length, 1);
  const score = 0.5 * sim.overlap + 0.3 * sim.jaccard + 0.2 * chars;
  return { cost: COST.closeBase + Math.round(COST.closeSpan * (1 - score)), exact: false, sim };
}

/** Area cost: buildings first, then rooms. */
export function areaCost(a: AreaPath, b: AreaPath): number {
  let c = 0;
  if (a.building !== b.building) c += a.building === '' || b.building === '' ? COST.buildingUnknown : COST.otherBuilding;
  if (a.room !== b.room) c += a.room === '' || b.room === '' ? COST.roomUnknown : COST.otherRoom;
  return c;
}

/** The whole cost of pairing o with t, or null when they cannot be the same item. */
export function pairCost(o: PreparedLine, t: PreparedLine, acrossBuildings = false): number | null {
  const unit = unitRelation(o.line.unit, t.line.unit);
  if (unit === null) return null;
  const d = descriptionCost(o, t);
  if (d === null) return null;
  const otherBuilding = o.path.building !== '' && t.path.building !== '' && o.path.building !== t.path.building;
  if (otherBuilding && (!d.exact || !acrossBuildings)) return null;
  let c = d.cost + areaCost(o.path, t.path);
  if (unit !== 'same') c += COST.unit;
  c += Math.round(COST.qty * relDiff(o.line.qty, qtyIn(o.line.unit, t.line.unit, t.line.qty)));
  const priceIn = unit === 'converted' ? t.line.unitPrice / qtyIn(o.line.unit, t.line.unit, 1) : t.line.unitPrice;
  c += Math.round(COST.price * relDiff(o.line.unitPrice, priceIn));
  return c < UNPAIRED ? c : null;
}
