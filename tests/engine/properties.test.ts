import fc from 'fast-check';
import { parseEstimate, reconcile, readText, runPursue } from '../../shared/index';
import { sumCents } from '../../shared/money';
import { amountOf, genPair, toTableRows, toXactimateText } from '../helpers/generate';

const runs = { numRuns: 150 };

function run(p: ReturnType<typeof genPair.generate>['value'] | any, asText = false) {
  const lit = (ls: typeof p.ours) => sumCents(ls.map(amountOf));
  const options = {
    ours: { tax: p.tax[0], overheadProfit: p.op[0], rcv: lit(p.ours) + p.tax[0] + p.op[0] },
    theirs: { tax: p.tax[1], overheadProfit: p.op[1], rcv: lit(p.theirs) + p.tax[1] + p.op[1] },
  };
  if (asText) return runPursue({ ours: toXactimateText(p.ours), theirs: toXactimateText(p.theirs), options });
  const theirs = p.theirs.length ? toTableRows(p.theirs) : toTableRows(p.ours.slice(0, 1));
  return runPursue({ ours: toTableRows(p.ours), theirs, options });
}

test('Σ parts + residual = total gap, and residual is 0 when the recaps add up', () => {
  fc.assert(
    fc.property(genPair.filter((p) => p.theirs.length > 0), (p) => {
      const rec = run(p);
      expect(rec.sumOfParts + rec.residual).toBe(rec.totalGap);
      expect(rec.sumOfParts).toBe(rec.sumOfLineGaps + rec.sumOfInsurerOnlyGaps + rec.taxGap + rec.overheadProfitGap);
      expect(rec.residual).toBe(0);
      // The generator can give both sides the very same lines: that is the same paste twice, which
      // proves nothing, so it is unverified (with its problem) rather than reconciled.
      const samePaste = JSON.stringify(p.ours) === JSON.stringify(p.theirs);
      expect(rec.status).toBe(samePaste ? 'unverified' : 'reconciled');
      expect(rec.problems.some((q) => /same paste/.test(q.message))).toBe(samePaste);
    }),
    runs,
  );
});

test("a line's quantity part + price part = its gap; denied lines carry the whole amount", () => {
  fc.assert(
    fc.property(genPair, (p) => {
      const rec = run({ ...p, theirs: p.theirs.length ? p.theirs : p.ours.slice(0, 1) });
      for (const l of rec.lines) {
        if (l.match) {
          expect(l.quantityPart! + l.pricePart!).toBe(l.gap);
          expect(l.gap).toBe(l.ours.amount - l.match.insurer.amount);
        } else {
          expect(l.gap).toBe(l.ours.amount);
          expect(l.kind).toBe('denied');
        }
      }
      // One-to-one: no insurer line is used twice, and every one is matched or insurer-only.
      const used = rec.lines.filter((l) => l.match).map((l) => l.match!.insurer);
      expect(new Set(used).size).toBe(used.length);
      expect(used.length + rec.insurerOnly.length).toBe(p.theirs.length || 1);
    }),
    runs,
  );
});

test('cents never drift: every amount is an integer and parsed amounts equal qty × price', () => {
  fc.assert(
    fc.property(genPair.filter((p) => p.theirs.length > 0), (p) => {
      const rec = run(p, true);
      const all = [rec.totalGap, rec.residual, rec.taxGap, rec.overheadProfitGap, ...rec.lines.flatMap((l) => [l.gap, l.quantityPart ?? 0, l.pricePart ?? 0, l.ours.amount])];
      for (const v of all) expect(Number.isSafeInteger(v)).toBe(true);
      expect(rec.lines.map((l) => l.ours.amount)).toEqual(p.ours.map(amountOf));
      expect(rec.residual).toBe(0);
    }),
    { numRuns: 60 },
  );
});

test('the same input gives the same output (text paste and sheet range alike)', () => {
  fc.assert(
    fc.property(genPair.filter((p) => p.theirs.length > 0), (p) => {
      const a = run(p);
      const b = run(p);
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      const text = toXactimateText(p.ours);
      const parsedText = parseEstimate(readText(text), 'ours');
      const parsedRows = parseEstimate(readText(text).map((r) => [...r]), 'ours');
      expect(parsedText.lines).toEqual(parsedRows.lines);
      expect(parsedText.lines.map((l) => l.description)).toEqual(p.ours.map((l) => l.desc));
    }),
    { numRuns: 60 },
  );
});

test('reconcile does not change the parsed estimates it is given', () => {
  const p = fc.sample(genPair.filter((x) => x.theirs.length > 0), { numRuns: 1, seed: 7 })[0];
  const ours = parseEstimate(toTableRows(p.ours), 'ours');
  const theirs = parseEstimate(toTableRows(p.theirs), 'theirs');
  const before = JSON.stringify([ours, theirs]);
  reconcile(ours, theirs, {});
  expect(JSON.stringify([ours, theirs])).toBe(before);
});
