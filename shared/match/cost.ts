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
  CLOSE_JACCARD, CLOSE_OVERLAP, prepareDescription, qtyIn, sharedIds, unitRelation,
  type PreparedDescription,
} from './describe';

export const UNPAIRED = 1200;
/** Marks a pair whose wording is not close (costs are never negative). */
const NOT_CLOSE = -1;
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
  /** Id of desc.key in the vocabulary: equal ids = the same item. */
  keyId: number;
  path: AreaPath;
  /** building ␁ room. */
  place: string;
}

const SEP = '\u0001';

/** What a matching run derives from one description. */
interface DescriptionIds {
  ids: Int32Array;
  keyId: number;
}

/** Token and item-key ids for one matching run, and what is derived per description and per area
 * (estimates repeat both, so each is worked out once). Ids are dense, in order of first use. */
export class Vocabulary {
  private readonly tokenIds = new Map<string, number>();
  private readonly keyIds = new Map<string, number>();
  private readonly byDescription = new Map<PreparedDescription, DescriptionIds>();
  private readonly byArea = new Map<string, { path: AreaPath; place: string }>();
  get tokenCount(): number {
    return this.tokenIds.size;
  }
  get keyCount(): number {
    return this.keyIds.size;
  }
  private static idIn(ids: Map<string, number>, text: string): number {
    let v = ids.get(text);
    if (v === undefined) {
      v = ids.size;
      ids.set(text, v);
    }
    return v;
  }
  describe(desc: PreparedDescription): DescriptionIds {
    let d = this.byDescription.get(desc);
    if (d === undefined) {
      const ids = new Int32Array(desc.tokens.length);
      for (let k = 0; k < ids.length; k++) ids[k] = Vocabulary.idIn(this.tokenIds, desc.tokens[k]);
      d = { ids: ids.sort(), keyId: Vocabulary.idIn(this.keyIds, desc.key) };
      this.byDescription.set(desc, d);
    }
    return d;
  }
  placeOf(area: string): { path: AreaPath; place: string } {
    let p = this.byArea.get(area);
    if (p === undefined) {
      const path = areaPath(area);
      p = { path, place: path.building + SEP + path.room };
      this.byArea.set(area, p);
    }
    return p;
  }
}

export function prepareLines(lines: EstimateLine[], vocab: Vocabulary): PreparedLine[] {
  return lines.map((line, index) => {
    const desc = prepareDescription(line.description);
    const { ids, keyId } = vocab.describe(desc);
    const { path, place } = vocab.placeOf(line.area);
    return { index, line, desc, ids, keyId, path, place };
  });
}

function relDiff(a: number, b: number): number {
  const m = Math.max(Math.abs(a), Math.abs(b));
  return m === 0 ? 0 : Math.min(1, Math.abs(a - b) / m);
}

/** Description cost alone (0 or COST.textDiffers for the same item, else close wording), or
 * NOT_CLOSE; a number, not an object, because candidates cost many pairs per line. */
function descriptionCostValue(o: PreparedLine, t: PreparedLine): number {
  if (o.desc.action !== t.desc.action) return NOT_CLOSE;
  if (o.keyId === t.keyId) return o.desc.textKey === t.desc.textKey ? 0 : COST.textDiffers;
  const shared = sharedIds(o.ids, t.ids);
  const min = Math.min(o.ids.length, t.ids.length);
  const union = o.ids.length + t.ids.length - shared;
  const overlap = min === 0 ? 0 : shared / min;
  const jaccard = union === 0 ? 0 : shared / union;
  if (overlap < CLOSE_OVERLAP || jaccard < CLOSE_JACCARD) return NOT_CLOSE;
  const a = o.desc.object;
  const b = t.desc.object;
  const chars = 1 - distance(a, b) / Math.max(a.length, b.length, 1);
  const score = 0.5 * overlap + 0.3 * jaccard + 0.2 * chars;
  return COST.closeBase + Math.round(COST.closeSpan * (1 - score));
}

/** Description cost alone; null when not close enough. */
export function descriptionCost(o: PreparedLine, t: PreparedLine): { cost: number; exact: boolean } | null {
  const cost = descriptionCostValue(o, t);
  return cost === NOT_CLOSE ? null : { cost, exact: cost <= COST.textDiffers };
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
  const d = descriptionCostValue(o, t);
  if (d === NOT_CLOSE) return null;
  const otherBuilding = o.path.building !== '' && t.path.building !== '' && o.path.building !== t.path.building;
  if (otherBuilding && (d > COST.textDiffers || !acrossBuildings)) return null;
  let c = d + areaCost(o.path, t.path);
  if (unit !== 'same') c += COST.unit;
  c += Math.round(COST.qty * relDiff(o.line.qty, qtyIn(o.line.unit, t.line.unit, t.line.qty)));
  const priceIn = unit === 'converted' ? t.line.unitPrice / qtyIn(o.line.unit, t.line.unit, 1) : t.line.unitPrice;
  c += Math.round(COST.price * relDiff(o.line.unitPrice, priceIn));
  return c < UNPAIRED ? c : null;
}
