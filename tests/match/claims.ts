/**
 * Generated multi-building claims for the matching tests: our estimate, the insurer's revised
 * estimate with its buildings reordered and renamed in another style, lines denied, cut,
 * repriced, reworded, substituted, and lines of its own; and the pairing a correct tool makes.
 */
import fc from 'fast-check';
import { extension, formatPlain } from '../../shared/money';

export interface ClaimLine {
  area: string;
  desc: string;
  unit: string;
  qty100: number;
  price: number;
  /** Our line's index this insurer line belongs to (null = insurer-only or a substitute). */
  of?: number | null;
  /** The insurer's export as Group and Room columns (the same place as `area`). */
  group?: string;
  room?: string;
}

/** desc, unit, the same item worded another way (normalises equal), close wording (flagged). */
export const CATALOGUE: Array<{ desc: string; unit: string; same: string; close: string | null }> = [
  { desc: 'Remove Laminated - comp. shingle rfg. - w/out felt', unit: 'SQ', same: 'Tear off Laminated - comp. shingle rfg. - w/out felt', close: null },
  { desc: 'Laminated - comp. shingle rfg. - w/out felt', unit: 'SQ', same: 'Laminated - comp. shingle rfg - w/out felt', close: null },
  { desc: 'Ice & water barrier', unit: 'SF', same: 'Ice and water barrier', close: null },
  { desc: 'Drip edge', unit: 'LF', same: 'DRIP EDGE', close: 'Drip edge - aluminum' },
  { desc: 'Asphalt starter - universal starter course', unit: 'LF', same: 'Asphalt starter - universal starter course.', close: null },
  { desc: 'Hip / Ridge cap - Standard profile - composition shingles', unit: 'LF', same: 'Hip / Ridge cap - Standard profile - comp. shingles', close: null },
  { desc: 'R&R Roof vent - turtle type - Metal', unit: 'EA', same: 'Remove and replace Roof vent - turtle type - Metal', close: null },
  { desc: 'Step flashing', unit: 'LF', same: 'Step flashing', close: 'Step flashing - galvanized' },
  { desc: 'Valley metal', unit: 'LF', same: 'Valley metal', close: 'Valley metal - painted' },
  { desc: 'Detach & reset Satellite dish', unit: 'EA', same: 'D&R Satellite dish', close: null },
  { desc: 'R&R Flashing - pipe jack', unit: 'EA', same: 'R&R Flashing - pipe jack', close: null },
  { desc: 'House wrap (air/moisture barrier)', unit: 'SF', same: 'House wrap (air/moisture barrier)', close: null },
  { desc: 'Paint exterior trim - 2 coats', unit: 'LF', same: 'Paint exterior trim - 2 coats', close: null },
  { desc: 'Seal/prime then paint fascia', unit: 'LF', same: 'Seal/prime then paint fascia', close: null },
  { desc: 'Dumpster load - Approx. 20 yards, 4 tons of debris', unit: 'EA', same: 'Dumpster load - Approx. 20 yards, 4 tons of debris', close: null },
  { desc: 'Roofer - per hour', unit: 'HR', same: 'Roofer - per hour', close: null },
  { desc: 'Wrap wood window frame & trim with aluminum sheet', unit: 'EA', same: 'Wrap wood window frame and trim with aluminum sheet', close: null },
  { desc: 'Roofing felt - synthetic underlayment', unit: 'SQ', same: 'Roofing felt - synthetic underlayment', close: null },
];
/** Like-kind substitutes the insurer pays instead (not the same item: never paired). */
export const SUBSTITUTE: Record<string, string> = { 'Roofing felt - synthetic underlayment': 'Roofing felt - 15 lb.' };
/** Items only the insurer has. */
export const INSURER_ONLY: Array<[string, string]> = [
  ['Roof mount power attic vent', 'EA'], ['Skylight flashing kit', 'EA'], ['Chimney flashing - average (32" x 36")', 'EA'], ['Exterior light fixture', 'EA'],
];

const ROOMS: Array<[string, string]> = [
  ['Roof', 'Roof'], ['Front Elevation', 'Front Side'], ['Rear Elevation', 'Rear Wall'], ['Left Elevation', 'Left Side'],
  ['Right Elevation', 'Right Elevation'], ['Debris Removal', 'General'], ['Gutters', 'Gutters'],
];
/** Ours: "Bldg N - Room"; the insurer, one of several other styles. */
const THEIR_STYLES: Array<(n: number, room: string) => string> = [
  (n, r) => `Building ${n} | ${r}`,
  (n, r) => `Building ${n} ${r}`,
  (n, r) => `${r} - Bldg. ${n}`,
  (n, r) => `Building #${n} › ${r}`,
];

const GROUP_STYLES: Array<(n: number) => string> = [(n) => `Building ${n}`, (n) => `Bldg. ${n}`, (n) => `Building #${n}`, (n) => `Structure ${n}`];

export interface Claim {
  ours: ClaimLine[];
  theirs: ClaimLine[];
  /** Our index → insurer index (in `theirs` order as printed), or null when denied. */
  expected: Array<number | null>;
  /** How many of ours were reworded with close wording (may be flagged). */
  closeWorded: number;
}

const lineFate = fc.record({
  fate: fc.integer({ min: 0, max: 99 }),
  qtyCut: fc.integer({ min: 1, max: 60 }),
  priceCut: fc.integer({ min: 1, max: 30 }),
});

export const genClaim: fc.Arbitrary<Claim> = fc
  .record({
    buildings: fc.integer({ min: 3, max: 10 }),
    style: fc.integer({ min: 0, max: THEIR_STYLES.length - 1 }),
    seed: fc.array(fc.record({
      rooms: fc.subarray(ROOMS.map((_, k) => k), { minLength: 2, maxLength: 5 }),
      items: fc.array(fc.subarray(CATALOGUE.map((_, k) => k), { minLength: 2, maxLength: 9 }), { minLength: 5, maxLength: 5 }),
    }), { minLength: 10, maxLength: 10 }),
    sizes: fc.array(fc.tuple(fc.integer({ min: 100, max: 300_000 }), fc.integer({ min: 100, max: 90_000 })), { minLength: 400, maxLength: 400 }),
    fates: fc.array(lineFate, { minLength: 400, maxLength: 400 }),
    extras: fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: INSURER_ONLY.length - 1 }), fc.integer({ min: 100, max: 50_000 })), { maxLength: 6 }),
    order: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 10, maxLength: 10 }),
  })
  .map(({ buildings, style, seed, sizes, fates, extras, order }) => {
    const ours: ClaimLine[] = [];
    const theirsByBuilding: ClaimLine[][] = Array.from({ length: buildings }, () => []);
    let closeWorded = 0;
    for (let b = 0; b < buildings; b++) {
      const s = seed[b];
      s.rooms.forEach((roomIdx, k) => {
        const [ourRoom, theirRoom] = ROOMS[roomIdx];
        for (const itemIdx of s.items[k]) {
          const item = CATALOGUE[itemIdx];
          const n = ours.length % 400;
          const [qty100, price] = sizes[n];
          const me = ours.length;
          ours.push({ area: `Bldg ${b + 1} - ${ourRoom}`, desc: item.desc, unit: item.unit, qty100, price });
          const f = fates[n];
          const theirArea = THEIR_STYLES[style](b + 1, theirRoom);
          const t: ClaimLine = { area: theirArea, desc: item.same, unit: item.unit, qty100, price, of: me, group: GROUP_STYLES[style % GROUP_STYLES.length](b + 1), room: theirRoom };
          if (f.fate < 10) continue; // denied
          if (SUBSTITUTE[item.desc] && f.fate < 40) {
            theirsByBuilding[b].push({ ...t, desc: SUBSTITUTE[item.desc], of: null });
            continue;
          }
          if (f.fate < 35) t.qty100 = Math.max(1, Math.round((qty100 * (100 - f.qtyCut)) / 100));
          else if (f.fate < 55) t.price = Math.max(1, Math.round((price * (100 - f.priceCut)) / 100));
          else if (f.fate < 60) {
            t.qty100 = Math.max(1, Math.round((qty100 * (100 - f.qtyCut)) / 100));
            t.price = Math.max(1, Math.round((price * (100 - f.priceCut)) / 100));
          }
          if (item.close && f.fate >= 97) {
            t.desc = item.close;
            closeWorded++;
          }
          theirsByBuilding[b].push(t);
        }
      });
    }
    for (const [b, k, price] of extras) {
      if (b >= buildings) continue;
      theirsByBuilding[b].push({ area: THEIR_STYLES[style](b + 1, 'Roof'), desc: INSURER_ONLY[k][0], unit: INSURER_ONLY[k][1], qty100: 100, price, of: null, group: GROUP_STYLES[style % GROUP_STYLES.length](b + 1), room: 'Roof' });
    }
    // The insurer lists its buildings in another order.
    const bOrder = theirsByBuilding.map((_, b) => b).sort((x, y) => order[x] - order[y] || x - y);
    const theirs = bOrder.flatMap((b) => theirsByBuilding[b]);
    const expected: Array<number | null> = ours.map(() => null);
    theirs.forEach((t, j) => {
      if (t.of !== null && t.of !== undefined) expected[t.of] = j;
    });
    return { ours, theirs, expected, closeWorded };
  });

export function amountOf(l: ClaimLine): number {
  return extension(l.qty100 / 100, l.price);
}

/** An export with a header row and a Room column, as rows of cells. */
export function claimRows(lines: ClaimLine[]): string[][] {
  const rows = [['Line', 'Room', 'Description', 'Qty', 'Unit', 'Unit Cost', 'Total']];
  lines.forEach((l, k) => rows.push([String(k + 1), l.area, l.desc, (l.qty100 / 100).toFixed(2), l.unit, formatPlain(l.price), formatPlain(amountOf(l))]));
  return rows;
}

/** The insurer's export with separate Group and Room columns (e.g. a Symbility or carrier export). */
export function groupedRows(lines: ClaimLine[]): string[][] {
  const rows = [['Line', 'Group', 'Room', 'Description', 'Qty', 'Unit', 'Unit Cost', 'Total']];
  lines.forEach((l, k) => rows.push([String(k + 1), l.group ?? '', l.room ?? l.area, l.desc, (l.qty100 / 100).toFixed(2), l.unit, formatPlain(l.price), formatPlain(amountOf(l))]));
  return rows;
}
