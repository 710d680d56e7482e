import fc from 'fast-check';
import { runPursue } from '../../shared/index';
import { amountOf, claimRows, type ClaimLine } from './claims';

/** Objects Xactimate prints as one R&R line and Symbility as Remove + Replace. */
const OBJECTS: Array<[string, string]> = [
  ['Siding - vinyl', 'SF'], ['Gutter / downspout - aluminum - up to 5"', 'LF'], ['Roof vent - turtle type - Metal', 'EA'],
  ['Fascia - metal - 6"', 'LF'], ['Window screen, 10 - 16 SF', 'EA'], ['Exhaust cap - through roof - 6" to 8"', 'EA'],
];
const ROOMS = ['Roof', 'Front Elevation', 'Rear Elevation', 'Gutters'];

interface SplitClaim {
  ours: ClaimLine[];
  theirs: ClaimLine[];
  /** Our index → the insurer indexes it is paired with (one or two). */
  want: Array<number[]>;
}

const genSplitClaim: fc.Arbitrary<SplitClaim> = fc
  .array(
    fc.record({
      object: fc.integer({ min: 0, max: OBJECTS.length - 1 }),
      room: fc.integer({ min: 0, max: ROOMS.length - 1 }),
      building: fc.integer({ min: 1, max: 4 }),
      ourJoined: fc.boolean(), // ours R&R vs theirs Remove + Replace, or the reverse
      qty100: fc.integer({ min: 100, max: 100_000 }),
      remove: fc.integer({ min: 50, max: 5_000 }),
      replace: fc.integer({ min: 100, max: 50_000 }),
      cut: fc.integer({ min: 0, max: 40 }),
      replaceWord: fc.boolean(),
    }),
    { minLength: 1, maxLength: 20 },
  )
  .map((specs) => {
    // One line per object and place: the same item twice in one room is another test's business.
    const seen = new Set<string>();
    const ours: ClaimLine[] = [];
    const theirs: ClaimLine[] = [];
    const want: Array<number[]> = [];
    for (const s of specs) {
      const k = `${s.object}/${s.room}/${s.building}`;
      if (seen.has(k)) continue;
      seen.add(k);
      const [obj, unit] = OBJECTS[s.object];
      const ourArea = `Bldg ${s.building} - ${ROOMS[s.room]}`;
      const theirArea = `Building ${s.building} | ${ROOMS[s.room]}`;
      const theirQty = Math.max(1, Math.round((s.qty100 * (100 - s.cut)) / 100));
      const install = s.replaceWord ? `Replace ${obj}` : obj;
      if (s.ourJoined) {
        want.push([theirs.length, theirs.length + 1]);
        ours.push({ area: ourArea, desc: `R&R ${obj}`, unit, qty100: s.qty100, price: s.remove + s.replace });
        theirs.push({ area: theirArea, desc: `Remove ${obj}`, unit, qty100: theirQty, price: s.remove });
        theirs.push({ area: theirArea, desc: install, unit, qty100: theirQty, price: s.replace });
      } else {
        want.push([theirs.length], [theirs.length]);
        ours.push({ area: ourArea, desc: `Remove ${obj}`, unit, qty100: s.qty100, price: s.remove });
        ours.push({ area: ourArea, desc: install, unit, qty100: s.qty100, price: s.replace });
        theirs.push({ area: theirArea, desc: `R&R ${obj}`, unit, qty100: theirQty, price: s.remove + s.replace - s.cut });
      }
    }
    return { ours, theirs, want };
  });

test('R&R against Remove + Replace (and the reverse) pairs as one item, gap against the sum', () => {
  fc.assert(
    fc.property(genSplitClaim, (c) => {
      const rec = runPursue({ ours: claimRows(c.ours), theirs: claimRows(c.theirs) });
      expect(rec.insurerOnly).toEqual([]);
      const byItem = new Map(rec.lines.map((l) => [l.ours.item, l]));
      const gapOfGroup = new Map<string, number>();
      c.ours.forEach((o, i) => {
        const l = byItem.get(String(i + 1))!;
        const js = c.want[i];
        expect(l.match?.method).toBe('split');
        if (js.length === 2) {
          // The sheet shows both insurer line numbers, "8 + 9".
          expect(l.match!.insurer.item).toBe(`${js[0] + 1} + ${js[1] + 1}`);
          expect(l.gap).toBe(amountOf(o) - amountOf(c.theirs[js[0]]) - amountOf(c.theirs[js[1]]));
        } else {
          expect(l.match!.parts!.map((p) => p.item)).toEqual([String(js[0] + 1)]);
          gapOfGroup.set(String(js[0]), (gapOfGroup.get(String(js[0])) ?? 0) + l.gap);
        }
        expect(l.quantityPart! + l.pricePart!).toBe(l.gap);
      });
      // Two of ours against one R&R: their two gaps add up to the gap against that line.
      for (const [j, gap] of gapOfGroup) {
        const ourPair = c.ours.filter((_, i) => c.want[i].length === 1 && String(c.want[i][0]) === j);
        expect(gap).toBe(ourPair.reduce((t, o) => t + amountOf(o), 0) - amountOf(c.theirs[Number(j)]));
      }
      expect(rec.sumOfLineGaps + rec.sumOfInsurerOnlyGaps).toBe(c.ours.reduce((t, o) => t + amountOf(o), 0) - c.theirs.reduce((t, o) => t + amountOf(o), 0));
    }),
    { numRuns: 150 },
  );
});

test('a split pairs when only one side names the building ("Dwelling Roof" against "Roof"), in both directions', () => {
  const line = (area: string, desc: string, qty100: number, price: number): ClaimLine => ({ area, desc, unit: 'LF', qty100, price });
  // Ours R&R in "Dwelling Roof"; the insurer's Remove + Replace in "Roof".
  const one = runPursue({
    ours: claimRows([line('Dwelling Roof', 'R&R Ridge cap - composition shingles', 4200, 650)]),
    theirs: claimRows([line('Roof', 'Remove Ridge cap - composition shingles', 4200, 50), line('Roof', 'Ridge cap - composition shingles', 4200, 580)]),
  });
  expect(one.insurerOnly).toEqual([]);
  expect(one.lines[0].match?.method).toBe('split');
  expect(one.lines[0].match!.insurer.item).toBe('1 + 2');
  expect(one.lines[0].gap).toBe(27_300 - 2_100 - 24_360);
  // The reverse: our Remove + Replace in "Roof", the insurer's R&R in "House - Roof".
  const two = runPursue({
    ours: claimRows([line('Roof', 'Remove Ridge cap - composition shingles', 4200, 50), line('Roof', 'Ridge cap - composition shingles', 4200, 600)]),
    theirs: claimRows([line('House - Roof', 'R&R Ridge cap - composition shingles', 4200, 630)]),
  });
  expect(two.insurerOnly).toEqual([]);
  expect(two.lines.map((l) => l.match?.method)).toEqual(['split', 'split']);
  expect(two.lines[0].gap + two.lines[1].gap).toBe(2_100 + 25_200 - 26_460);
});

test('a split never joins lines of two named, different buildings', () => {
  const line = (area: string, desc: string, price: number): ClaimLine => ({ area, desc, unit: 'LF', qty100: 4200, price });
  const rec = runPursue({
    ours: claimRows([line('Dwelling Roof', 'R&R Ridge cap - composition shingles', 650)]),
    theirs: claimRows([line('Garage Roof', 'Remove Ridge cap - composition shingles', 50), line('Garage Roof', 'Ridge cap - composition shingles', 580)]),
  });
  expect(rec.lines[0].match?.method).not.toBe('split');
});
