import { classifyDenial, CATEGORY_LABELS, DENIAL_CATEGORIES, parseCategory } from '../../shared/knowledge';
import type { DenialCategory } from '../../shared/types/knowledge';

// Phrasings adjusters write, several per category (notes from real revised estimates, reworded).
const CASES: Record<DenialCategory, string[]> = {
  code: [
    'Drip edge at eaves only; no drip edge present at rakes pre-loss.',
    'Valley metal not present pre-loss (closed-cut valley).',
    'Not required by code in this jurisdiction.',
    'No code upgrade coverage on this policy; ordinance or law not purchased.',
    'Synthetic underlayment is an upgrade - like kind and quality is 15 lb felt.',
  ],
  'not-visible': [
    'Not visible in photos provided',
    'Line item not supported by photos',
    'Corner post not damaged (not visible in photos).',
    'Right elevation: no storm damage observed.',
    'No hail damage found to the gutter guards at inspection.',
    'Photos do not show damage to the turtle vents.',
  ],
  'wear-and-tear': [
    'Damage is consistent with wear and tear / not storm related',
    'Pre-existing damage, deterioration due to age.',
    'Cracking is long-term weathering, not related to the storm.',
    'Wear & tear and lack of maintenance are excluded.',
    'Granule loss from improper installation, not hail related.',
  ],
  included: [
    'Starter allowed at eaves. Rakes included in waste.',
    "Haul-off included in 'Tear off, haul and dispose' line.",
    'Ridge cap paid as part of the field shingle waste.',
    'Duplicate of line 4.',
    'Already included with the R&R siding line item.',
  ],
  matching: [
    'Matching of undamaged elevations is not covered under the policy',
    'Right elevation: no storm damage observed; matching of undamaged elevation not covered.',
    'Policy does not provide for a uniform appearance; repair damaged slope only - no match.',
    'Carrier does not pay to match adjoining undamaged slopes.',
  ],
  quantity: [
    'Shingle quantity per carrier measurement report plus 5% waste.',
    'Ice & water barrier allowed in valleys only.',
    'Ice & water barrier allowed 3 ft at eaves only (one course).',
    'Squares reduced to 28.40 per aerial report.',
    'Quantity adjusted to field measurements.',
  ],
  price: [
    'Unit price exceeds the price list for this area.',
    'Pricing adjusted to local market rate.',
    'Overpriced - using Xactimate pricing for TXDF8X_APR25.',
    'Hourly rate reduced to the prevailing rate.',
  ],
  op: [
    'O&P not warranted - only one trade',
    'Overhead & profit not included; general contractor not needed.',
    'O & P denied, roofing is a single trade.',
    'Overhead and profit not warranted for this claim.',
  ],
  repairable: [
    'Siding is repairable',
    'Existing step flashing to be reused / not damaged.',
    'Shingles can be repaired; spot repair only.',
    'Replace damaged siding area only (2 courses x 60 LF).',
    'Fascia can be re-secured.',
    'Repair, not replace',
  ],
  documentation: [
    'No receipt / invoice provided',
    'Permit not required / no receipt provided.',
    'Labor hours not supported by documentation.',
    'Please submit the invoice for the dumpster.',
    'Pending invoice from the satellite installer.',
  ],
  other: [
    'Denied',
    'Per policy.',
    'See adjuster report.',
    'Not covered.',
    'Removed per carrier guidelines',
    '',
    '   ',
  ],
};

describe('classifyDenial', () => {
  for (const category of DENIAL_CATEGORIES) {
    for (const text of CASES[category]) {
      test(`${category}: ${JSON.stringify(text)}`, () => {
        const result = classifyDenial(text);
        expect(result.category).toBe(category);
        if (category === 'other') {
          expect(result.matched).toEqual([]);
        } else {
          // The deciding words are quoted from the text itself.
          expect(result.matched.length).toBeGreaterThan(0);
          for (const w of result.matched) expect(text.toLowerCase()).toContain(w.toLowerCase());
        }
      });
    }
  }

  test('every category has at least three phrasings here, "other" included', () => {
    for (const c of DENIAL_CATEGORIES) expect(CASES[c].length).toBeGreaterThanOrEqual(3);
  });

  test('the deciding words of a mixed note name the winning reason', () => {
    const r = classifyDenial('Right elevation: no storm damage observed; matching of undamaged elevation not covered.');
    expect(r.matched.map((w) => w.toLowerCase())).toContain('matching');
  });

  test('non-breaking spaces and curly quotes do not change the answer', () => {
    expect(classifyDenial('O&P\u00a0not warranted').category).toBe('op');
    expect(classifyDenial('Haul-off included in \u2018Tear off\u2019 line').category).toBe('included');
  });

  test('the text is not altered (the caller keeps it verbatim)', () => {
    const text = 'Ice & water barrier allowed in valleys only.';
    const copy = `${text}`;
    classifyDenial(text);
    expect(text).toBe(copy);
  });
});

describe('category labels', () => {
  test('every category has a label that reads back to it, as does its code', () => {
    for (const c of DENIAL_CATEGORIES) {
      expect(parseCategory(CATEGORY_LABELS[c])).toBe(c);
      expect(parseCategory(` ${CATEGORY_LABELS[c].toUpperCase()} `)).toBe(c);
      expect(parseCategory(c)).toBe(c);
    }
    expect(parseCategory('something else')).toBeNull();
    expect(parseCategory('')).toBeNull();
  });
});
