import {
  categoryPart,
  defaultWeights,
  DENIAL_CATEGORIES,
  explainPriority,
  scorePriorities,
  weightsFromRows,
  weightsToRows,
} from '../../shared/knowledge';
import type { PriorityWeights } from '../../shared/types/knowledge';

/** Weights where only the part under test counts. */
function flat(over: Partial<PriorityWeights> = {}): PriorityWeights {
  const w = defaultWeights();
  for (const c of DENIAL_CATEGORIES) w.categories[c] = { effort: 0, chance: 0 };
  return { ...w, ...over };
}

const rankOrder = (scores: ReturnType<typeof scorePriorities>) =>
  [...scores].sort((a, b) => a.rank - b.rank).map((s) => s.item);

describe('scorePriorities', () => {
  test('larger gap ranks higher; the parts add up to the score', () => {
    const w = defaultWeights();
    const scores = scorePriorities(
      [
        { item: '1', gap: 10000, rfAsked: false, category: 'code' },
        { item: '2', gap: 250000, rfAsked: false, category: 'code' },
        { item: '3', gap: 90000, rfAsked: false, category: 'code' },
      ],
      w,
    );
    expect(rankOrder(scores)).toEqual(['2', '3', '1']);
    // Returned in the caller's order.
    expect(scores.map((s) => s.item)).toEqual(['1', '2', '3']);
    for (const s of scores) expect(s.score).toBeCloseTo(s.parts.gap + s.parts.rfAsked + s.parts.category, 6);
    expect(scores[0].parts.gap).toBe(1); // $100 at 1 point per $100
    expect(scores[1].parts.gap).toBe(25);
  });

  test('the gap part is capped, so an RF request can outrank a huge gap', () => {
    const w = flat({ perHundred: 1, gapCap: 50, rfAsked: 15 });
    const scores = scorePriorities(
      [
        { item: '4', gap: 10_000_00, rfAsked: false, category: null }, // $10,000 → capped at 50
        { item: '5', gap: 4_000_00, rfAsked: true, category: null }, // 40 + 15
      ],
      w,
    );
    expect(scores[0].parts.gap).toBe(50);
    expect(scores[1].parts).toEqual({ gap: 40, rfAsked: 15, category: 0 });
    expect(rankOrder(scores)).toEqual(['5', '4']);
  });

  test('the category part is points × chance × (1 − effort); an unknown denial counts as "other"', () => {
    const w = flat({ categoryPoints: 20 });
    w.categories.documentation = { effort: 0.25, chance: 0.8 };
    w.categories.other = { effort: 0.5, chance: 0.5 };
    const scores = scorePriorities(
      [
        { item: '1', gap: 100, rfAsked: false, category: 'documentation' },
        { item: '2', gap: 100, rfAsked: false, category: null },
        { item: '3', gap: 100, rfAsked: false, category: 'wear-and-tear' },
      ],
      w,
    );
    expect(scores.map((s) => s.parts.category)).toEqual([12, 5, 0]);
    expect(rankOrder(scores)).toEqual(['1', '2', '3']);
  });

  test('ties: larger gap first, then item number read as a number', () => {
    const w = flat({ perHundred: 0 });
    const scores = scorePriorities(
      [
        { item: '10', gap: 5000, rfAsked: false, category: null },
        { item: '9', gap: 5000, rfAsked: false, category: null },
        { item: '2', gap: 3000, rfAsked: false, category: null },
        { item: '9a', gap: 5000, rfAsked: false, category: null },
        { item: '11', gap: 7000, rfAsked: false, category: null },
      ],
      w,
    );
    for (const s of scores) expect(s.score).toBe(0);
    expect(rankOrder(scores)).toEqual(['11', '9', '9a', '10', '2']);
    expect(scores.map((s) => s.rank).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
  });

  test('items with nothing to pursue (gap 0 or negative) score 0 and rank last', () => {
    const scores = scorePriorities(
      [
        { item: '1', gap: 0, rfAsked: true, category: 'documentation' },
        { item: '2', gap: 1, rfAsked: false, category: 'wear-and-tear' },
        { item: '3', gap: -5000, rfAsked: true, category: 'documentation' },
      ],
      defaultWeights(),
    );
    expect(scores[0]).toEqual({ item: '1', score: 0, rank: 2, parts: { gap: 0, rfAsked: 0, category: 0 } });
    expect(scores[2].rank).toBe(3);
    expect(scores[1].rank).toBe(1);
  });

  test('an empty list gives an empty list', () => {
    expect(scorePriorities([], defaultWeights())).toEqual([]);
  });
});

describe('explainPriority', () => {
  test('says the formula with the weights in it, in one sentence', () => {
    const w = defaultWeights();
    const s = explainPriority(w);
    expect(s).toContain(`${w.perHundred} point per $100 of gap`);
    expect(s).toContain(`at most ${w.gapCap}`);
    expect(s).toContain('reached at $5,000.00');
    expect(s).toContain(`plus ${w.rfAsked} if the RF asked`);
    expect(s).toContain(`up to ${w.categoryPoints}`);
    expect(s).toMatch(/ties go to the larger gap, then the lower item number\.$/);
    expect(s.split(/\.\s+[A-Z]/)).toHaveLength(1);
  });

  test('follows edited weights', () => {
    const w = { ...defaultWeights(), perHundred: 2, gapCap: 80, rfAsked: 30 };
    const s = explainPriority(w);
    expect(s).toContain('2 points per $100');
    expect(s).toContain('reached at $4,000.00');
    expect(s).toContain('plus 30 if the RF asked');
  });
});

describe('weights sheet rows', () => {
  test('round trip keeps every weight', () => {
    const w = defaultWeights();
    w.perHundred = 1.5;
    w.categories.price = { effort: 0.9, chance: 0.1 };
    const back = weightsFromRows(weightsToRows(w));
    expect(back.problems).toEqual([]);
    expect(back.weights).toEqual(w);
  });

  test('shows each denial type with its points', () => {
    const w = defaultWeights();
    const rows = weightsToRows(w);
    const doc = rows.find((r) => r[0] === 'Documentation missing');
    expect(doc).toEqual(['Documentation missing', w.categories.documentation.effort, w.categories.documentation.chance, categoryPart(w, 'documentation')]);
  });

  test('reads typed text and percentages; reports bad values by row and keeps the default', () => {
    const rows = weightsToRows(defaultWeights()).map((r) => [...r]);
    const at = (label: string) => rows.findIndex((r) => r[0] === label);
    rows[at('Points if the RF asked')][1] = '25';
    rows[at('Points per $100 of gap')][1] = 'lots';
    rows[at('Quantity disputed')][2] = '90%';
    rows[at('Price disputed')][1] = 3;
    const { weights, problems } = weightsFromRows(rows);
    expect(weights.rfAsked).toBe(25);
    expect(weights.perHundred).toBe(defaultWeights().perHundred);
    expect(weights.categories.quantity.chance).toBeCloseTo(0.9, 10);
    expect(weights.categories.price.effort).toBe(defaultWeights().categories.price.effort);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain(`row ${at('Points per $100 of gap') + 1}`);
    expect(problems[1]).toContain(`row ${at('Price disputed') + 1}`);
  });

  test('an empty sheet gives the defaults', () => {
    expect(weightsFromRows([])).toEqual({ weights: defaultWeights(), problems: [] });
  });
});
