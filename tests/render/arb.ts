import fc from 'fast-check';
import { AREAS, buildEstimate, DESCRIPTIONS, GROUPS, NOTES, type RenderEstimate } from '../../bench/render/estimate';

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

