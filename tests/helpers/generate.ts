import fc from 'fast-check';
import { extension, formatPlain } from '../../shared/money';

/** A generated estimate line: two-decimal quantity, price in cents. */
export interface GenLine {
  desc: string;
  area: string;
  unit: string;
  qty100: number;
  price: number;
}

const ITEMS: Array<[string, string]> = [
  ['Drip edge', 'LF'], ['Ice & water barrier', 'SF'], ['Laminated - comp. shingle rfg. - w/out felt', 'SQ'],
  ['Asphalt starter - universal starter course', 'LF'], ['Hip / Ridge cap - Standard profile - composition shingles', 'LF'],
  ['R&R Roof vent - turtle type - Metal', 'EA'], ['Step flashing', 'LF'], ['Valley metal', 'LF'],
  ['R&R Siding - vinyl', 'SF'], ['R&R Gutter / downspout - aluminum - up to 5"', 'LF'], ['Roofer - per hour', 'HR'],
  ['Dumpster load - Approx. 20 yards, 4 tons of debris', 'EA'],
];
const AREAS = ['Roof', 'Front Elevation', 'Rear Elevation', 'Garage'];

export const genLine: fc.Arbitrary<GenLine> = fc.record({
  item: fc.constantFrom(...ITEMS),
  area: fc.constantFrom(...AREAS),
  qty100: fc.integer({ min: 1, max: 500_000 }),
  price: fc.integer({ min: 1, max: 2_000_000 }),
}).map(({ item, area, qty100, price }) => ({ desc: item[0], unit: item[1], area, qty100, price }));

export interface GenPair {
  ours: GenLine[];
  theirs: GenLine[];
  tax: [number, number];
  op: [number, number];
}

/** Ours; theirs = some of ours kept, cut or repriced, plus lines of their own. */
export const genPair: fc.Arbitrary<GenPair> = fc
  .record({
    ours: fc.array(genLine, { minLength: 1, maxLength: 30 }),
    fate: fc.array(fc.record({ keep: fc.boolean(), qtyCut: fc.integer({ min: 0, max: 100 }), priceCut: fc.integer({ min: 0, max: 100 }) }), { minLength: 30, maxLength: 30 }),
    extra: fc.array(genLine, { maxLength: 5 }),
    tax: fc.tuple(fc.integer({ min: 0, max: 500_000 }), fc.integer({ min: 0, max: 500_000 })),
    op: fc.tuple(fc.integer({ min: 0, max: 900_000 }), fc.integer({ min: 0, max: 900_000 })),
  })
  .map(({ ours, fate, extra, tax, op }) => {
    const theirs: GenLine[] = [];
    ours.forEach((l, k) => {
      const f = fate[k];
      if (!f.keep) return;
      theirs.push({ ...l, qty100: Math.max(1, Math.round((l.qty100 * (100 - f.qtyCut / 2)) / 100)), price: Math.max(1, Math.round((l.price * (100 - f.priceCut / 4)) / 100)) });
    });
    return { ours, theirs: [...theirs, ...extra], tax, op };
  });

export function amountOf(l: GenLine): number {
  return extension(l.qty100 / 100, l.price);
}

/** An export with a header row, as a sheet range hands it over (rows of cells). */
export function toTableRows(lines: GenLine[]): string[][] {
  const rows = [['Line', 'Room', 'Description', 'Qty', 'Unit', 'Unit Cost', 'Total']];
  lines.forEach((l, k) => rows.push([String(k + 1), l.area, l.desc, (l.qty100 / 100).toFixed(2), l.unit, formatPlain(l.price), formatPlain(amountOf(l))]));
  return rows;
}

/** The same lines as Xactimate PDF text. */
export function toXactimateText(lines: GenLine[]): string {
  const out: string[] = [];
  let area = '';
  lines.forEach((l, k) => {
    if (l.area !== area) {
      area = l.area;
      out.push('', area, '', 'DESCRIPTION  QUANTITY UNIT PRICE  TAX  O&P  RCV');
    }
    const amt = amountOf(l);
    out.push(`${k + 1}.  ${l.desc}   ${(l.qty100 / 100).toFixed(2)} ${l.unit}   ${formatPlain(l.price)}   0.00   0.00   ${formatPlain(amt)}`);
  });
  return out.join('\r\n');
}
