import fc from 'fast-check';
import { extension } from '../../shared/money';

/**
 * A generated estimate as estimating software holds it before printing: areas of lines, each line
 * extended and taxed the way Xactimate and Symbility do it (qty × price rounded half-up to the
 * cent, tax and O&P per line rounded, totals the sums of the printed line figures).
 */
export interface RenderLine {
  item: string;
  description: string;
  /** Hundredths of a unit (12.50 SQ = 1250). */
  qty100: number;
  unit: string;
  /** Rough-draft price columns; unitPrice = remove + replace. */
  remove: number;
  replace: number;
  unitPrice: number;
  amount: number;
  tax: number;
  overheadProfit: number;
  rcv: number;
  depreciation: number;
  acv: number;
  note: string | null;
}

export interface RenderArea {
  /** Group / Building, for layouts that print one ("Bldg 2"); "" when none. */
  group: string;
  name: string;
  lines: RenderLine[];
}

export interface RenderEstimate {
  areas: RenderArea[];
  /** Per-line tax rate in basis points and O&P rate (both printed per line where the layout has the column). */
  taxBp: number;
  opBp: number;
  recap: {
    lineItemTotal: number;
    tax: number;
    overheadProfit: number;
    rcv: number;
    depreciation: number;
    acv: number;
    deductible: number;
    netClaim: number;
  };
}

const DESCRIPTIONS: Array<[string, string]> = [
  ['Drip edge', 'LF'],
  ['Ice & water barrier', 'SF'],
  ['Laminated - comp. shingle rfg. - w/out felt', 'SQ'],
  ['Remove Laminated - comp. shingle rfg. - w/out felt', 'SQ'],
  ['Asphalt starter - universal starter course', 'LF'],
  ['Hip / Ridge cap - Standard profile - composition shingles', 'LF'],
  ['R&R Roof vent - turtle type - Metal', 'EA'],
  ['Step flashing', 'LF'],
  ['Valley metal', 'LF'],
  ['R&R Siding - vinyl', 'SF'],
  ['R&R Gutter / downspout - aluminum - up to 5"', 'LF'],
  ['Roofer - per hour', 'HR'],
  ['Dumpster load - Approx. 20 yards, 4 tons of debris', 'EA'],
  ['R&R Sheathing - plywood - 3/4" - tongue and groove', 'SF'],
  ['Paint baseboard - two coats', 'LF'],
  ['Detach & Reset Toilet', 'EA'],
  ['Flashing, Pipe Jack, Aluminum', 'EA'],
  ['Replace - Drip Edge, Eave/Rake, Aluminum, Pre-Finished Color', 'LF'],
  ['Texture drywall - heavy hand texture', 'SF'],
  ['Content Manipulation charge - per hour', 'HR'],
];

const AREAS = ['Roof', 'Front Elevation', 'Rear Elevation', 'Left Elevation', 'Garage', 'Living Room', 'Master Bedroom', 'Gutters', 'Debris Removal'];
const GROUPS = ['Dwelling', 'Bldg 2', 'Bldg 3', 'Detached Garage'];
const NOTES = [
  'Includes 10% waste on quantity.',
  'Per manufacturer installation instructions.',
  'Not visible in photos; to be verified on reinspection.',
  'Included in the waste factor per carrier guidelines.',
];

const arbLine = fc.record({
  desc: fc.constantFrom(...DESCRIPTIONS),
  qty100: fc.oneof(fc.integer({ min: 1, max: 300_000 }), fc.integer({ min: 1, max: 50 }).map((n) => n * 100)),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20_000 })),
  replace: fc.integer({ min: 1, max: 250_000 }),
  depPct: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 90 })),
  note: fc.option(fc.constantFrom(...NOTES), { freq: 4 }),
});

/** A generated estimate: 1–4 areas (some in groups), 1–8 lines each, items numbered in order. */
export const arbEstimate: fc.Arbitrary<RenderEstimate> = fc
  .record({
    areas: fc.uniqueArray(
      fc.record({ name: fc.constantFrom(...AREAS), group: fc.constantFrom(...GROUPS), lines: fc.array(arbLine, { minLength: 1, maxLength: 8 }) }),
      { minLength: 1, maxLength: 4, selector: (a) => a.name },
    ),
    taxBp: fc.oneof(fc.constant(0), fc.integer({ min: 100, max: 1000 })),
    opBp: fc.oneof(fc.constant(0), fc.constant(2000), fc.integer({ min: 500, max: 2500 })),
    deductible: fc.integer({ min: 0, max: 500_000 }),
  })
  .map(({ areas, taxBp, opBp, deductible }) => buildEstimate(areas, taxBp, opBp, deductible));

function pct(amount: number, bp: number): number {
  return Number((BigInt(amount) * BigInt(bp) * 2n + 10000n) / 20000n);
}

export function buildEstimate(
  areas: Array<{ name: string; group: string; lines: Array<{ desc: [string, string]; qty100: number; remove: number; replace: number; depPct: number; note: string | null }> }>,
  taxBp: number,
  opBp: number,
  deductible: number,
): RenderEstimate {
  let n = 0;
  const out: RenderArea[] = areas.map((a) => ({
    group: a.group,
    name: a.name,
    lines: a.lines.map((g) => {
      n += 1;
      const unitPrice = g.remove + g.replace;
      const amount = extension(g.qty100 / 100, unitPrice);
      const tax = pct(amount, taxBp);
      const overheadProfit = pct(amount, opBp);
      const rcv = amount + tax + overheadProfit;
      const depreciation = pct(rcv, g.depPct * 100);
      return {
        item: String(n), description: g.desc[0], qty100: g.qty100, unit: g.desc[1], remove: g.remove, replace: g.replace,
        unitPrice, amount, tax, overheadProfit, rcv, depreciation, acv: rcv - depreciation, note: g.note,
      };
    }),
  }));
  const all = out.flatMap((a) => a.lines);
  const sum = (f: (l: RenderLine) => number) => all.reduce((s, l) => s + f(l), 0);
  const rcv = sum((l) => l.rcv);
  const dep = sum((l) => l.depreciation);
  const acv = rcv - dep;
  const ded = Math.min(deductible, acv);
  return {
    areas: out,
    taxBp,
    opBp,
    recap: {
      lineItemTotal: sum((l) => l.amount), tax: sum((l) => l.tax), overheadProfit: sum((l) => l.overheadProfit),
      rcv, depreciation: dep, acv, deductible: ded, netClaim: acv - ded,
    },
  };
}

export function allLines(est: RenderEstimate): RenderLine[] {
  return est.areas.flatMap((a) => a.lines);
}
