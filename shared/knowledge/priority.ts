import type { Cell } from '../types/cells';
import type { Cents } from '../types/money';
import type { DenialCategory, PriorityScore, PriorityWeights } from '../types/knowledge';
import { formatMoney } from '../money';
import { CATEGORY_LABELS, DENIAL_CATEGORIES, parseCategory } from './denial';
import { compareItems } from '../item-order';
import { cellText } from '../parse/rows';

export const DEFAULT_CATEGORY_POINTS = 20;

/*
 * Default effort (0 easy .. 1 hard) and chance of winning (0..1) per denial type: a starting point
 * from how these arguments usually go (a missing receipt is easy and usually won; "wear and tear"
 * is hard and often lost). The team edits them on the weights sheet.
 */
const DEFAULT_CATEGORY_WEIGHTS: Record<DenialCategory, { effort: number; chance: number }> = {
  code: { effort: 0.4, chance: 0.7 },
  'not-visible': { effort: 0.3, chance: 0.6 },
  'wear-and-tear': { effort: 0.7, chance: 0.3 },
  included: { effort: 0.4, chance: 0.6 },
  matching: { effort: 0.6, chance: 0.4 },
  quantity: { effort: 0.3, chance: 0.7 },
  price: { effort: 0.5, chance: 0.4 },
  op: { effort: 0.5, chance: 0.5 },
  repairable: { effort: 0.6, chance: 0.4 },
  documentation: { effort: 0.2, chance: 0.8 },
  other: { effort: 0.5, chance: 0.5 },
};

export function defaultWeights(): PriorityWeights {
  const categories = {} as Record<DenialCategory, { effort: number; chance: number }>;
  for (const c of DENIAL_CATEGORIES) categories[c] = { ...DEFAULT_CATEGORY_WEIGHTS[c] };
  return { perHundred: 1, gapCap: 50, rfAsked: 15, categoryPoints: DEFAULT_CATEGORY_POINTS, categories };
}

/** Scores are points, not money: shown to two decimals, and compared at that precision. */
function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function categoryWeight(weights: PriorityWeights, category: DenialCategory | null) {
  return weights.categories[category ?? 'other'] ?? DEFAULT_CATEGORY_WEIGHTS[category ?? 'other'];
}

/** The category part on its own (also what the weights sheet shows per denial type). */
export function categoryPart(weights: PriorityWeights, category: DenialCategory | null): number {
  const w = categoryWeight(weights, category);
  const points = weights.categoryPoints ?? DEFAULT_CATEGORY_POINTS;
  return round2(points * w.chance * (1 - w.effort));
}

/**
 * Score = gap points (perHundred per $100 of gap, at most gapCap) + rfAsked points if the RF asked
 * + the denial type's points (categoryPoints × chance × (1 − effort); an unknown denial counts as
 * "other"). Rank 1 = pursue first; ties go to the larger gap, then the lower item number. Items
 * with no gap to pursue (gap ≤ 0) score 0 and rank after every open item.
 */
export function scorePriorities(
  items: Array<{ item: string; gap: Cents; rfAsked: boolean; category: DenialCategory | null }>,
  weights: PriorityWeights,
): PriorityScore[] {
  const scored = items.map((it) => {
    if (it.gap <= 0) {
      return { item: it.item, gap: it.gap, open: false, score: 0, parts: { gap: 0, rfAsked: 0, category: 0 } };
    }
    // gap is cents: points per $100 = perHundred × cents / 10 000.
    const gapPoints = round2(Math.min(weights.gapCap, (weights.perHundred * it.gap) / 10000));
    const rf = it.rfAsked ? round2(weights.rfAsked) : 0;
    const cat = categoryPart(weights, it.category);
    return {
      item: it.item,
      gap: it.gap,
      open: true,
      score: round2(gapPoints + rf + cat),
      parts: { gap: gapPoints, rfAsked: rf, category: cat },
    };
  });
  const order = [...scored].sort((a, b) => {
    if (a.open !== b.open) return a.open ? -1 : 1;
    if (a.score !== b.score) return b.score - a.score;
    if (a.gap !== b.gap) return b.gap - a.gap;
    return compareItems(a.item, b.item);
  });
  const rankOf = new Map<(typeof scored)[number], number>();
  order.forEach((s, i) => rankOf.set(s, i + 1));
  // Returned in the caller's order, each with its rank.
  return scored.map((s) => ({ item: s.item, score: s.score, rank: rankOf.get(s) as number, parts: s.parts }));
}

function num(x: number): string {
  return String(round2(x));
}

/** One sentence a relationship manager understands, with the weights in it. */
export function explainPriority(weights: PriorityWeights): string {
  const points = weights.categoryPoints ?? DEFAULT_CATEGORY_POINTS;
  const capGapCents = weights.perHundred > 0 ? Math.round((weights.gapCap / weights.perHundred) * 10000) : 0;
  const ranked = DENIAL_CATEGORIES.map((c) => ({ c, p: categoryPart(weights, c) })).sort((a, b) => b.p - a.p);
  const best = ranked[0];
  const worst = ranked[ranked.length - 1];
  return (
    `Each item scores ${num(weights.perHundred)} point${weights.perHundred === 1 ? '' : 's'} per $100 of gap ` +
    `(at most ${num(weights.gapCap)}, reached at ${formatMoney(capGapCents)}), plus ${num(weights.rfAsked)} if the RF asked for it, ` +
    `plus up to ${num(points)} for how likely and how easy the denial is to overturn ` +
    `(chance of winning × (1 − effort): from ${num(best.p)} for "${CATEGORY_LABELS[best.c]}" down to ${num(worst.p)} for "${CATEGORY_LABELS[worst.c]}"); ` +
    `the highest score is pursued first, and ties go to the larger gap, then the lower item number.`
  );
}

const SETTING_ROWS: Array<{ key: 'perHundred' | 'gapCap' | 'rfAsked' | 'categoryPoints'; label: string; means: string }> = [
  { key: 'perHundred', label: 'Points per $100 of gap', means: 'Bigger gaps score higher.' },
  { key: 'gapCap', label: 'Most points from the gap', means: 'Stops one huge gap from hiding everything else.' },
  { key: 'rfAsked', label: 'Points if the RF asked', means: 'Items the field rep asked us to fight for.' },
  {
    key: 'categoryPoints',
    label: 'Points for the denial type',
    means: 'At most this many, times chance of winning × (1 − effort) from the table below.',
  },
];

export const WEIGHT_CATEGORY_HEADERS = ['Denial type', 'Effort (0 easy - 1 hard)', 'Chance of winning (0 - 1)', 'Points'];

/** The weights as a small sheet: settings first, then one row per denial type. */
export function weightsToRows(weights: PriorityWeights): (string | number)[][] {
  const rows: (string | number)[][] = [['Setting', 'Value', 'What it means']];
  for (const s of SETTING_ROWS) {
    const v = s.key === 'categoryPoints' ? (weights.categoryPoints ?? DEFAULT_CATEGORY_POINTS) : weights[s.key];
    rows.push([s.label, v, s.means]);
  }
  rows.push(['', '', '']);
  rows.push([...WEIGHT_CATEGORY_HEADERS]);
  for (const c of DENIAL_CATEGORIES) {
    const w = weights.categories[c];
    rows.push([CATEGORY_LABELS[c], w.effort, w.chance, categoryPart(weights, c)]);
  }
  rows.push(['', '', '']);
  rows.push([explainPriority(weights), '', '']);
  return rows;
}

function readNumber(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  const raw = cellText(cell);
  const t = raw.replace(/[$,%\s]/g, '');
  if (t === '' || !/^-?\d*\.?\d+$/.test(t)) return null;
  // "70%" typed for a chance means 0.7.
  return raw.includes('%') ? Number(t) / 100 : Number(t);
}

/**
 * Reads the weights sheet back. Starts from the defaults and takes every value a person set; a
 * value that is not a number or out of range is reported with its row and the default is kept.
 */
export function weightsFromRows(rows: Cell[][]): { weights: PriorityWeights; problems: string[] } {
  const weights = defaultWeights();
  const problems: string[] = [];
  rows.forEach((row, r) => {
    const label = cellText(row?.[0]).toLowerCase();
    if (label === '') return;
    const rowNo = r + 1;
    const setting = SETTING_ROWS.find((s) => s.label.toLowerCase() === label || s.key.toLowerCase() === label);
    if (setting) {
      const v = readNumber(row[1]);
      if (v === null || v < 0) {
        problems.push(`Weights row ${rowNo}: "${cellText(row[1])}" is not a number of points (0 or more) for "${setting.label}"; the default ${num(weights[setting.key] ?? DEFAULT_CATEGORY_POINTS)} is used.`);
        return;
      }
      weights[setting.key] = v;
      return;
    }
    const category = parseCategory(cellText(row?.[0]));
    if (category === null) return; // headers, the explanation, notes a person added
    const effort = readNumber(row[1]);
    const chance = readNumber(row[2]);
    const current = weights.categories[category];
    if (effort === null || effort < 0 || effort > 1) {
      problems.push(`Weights row ${rowNo}: effort for "${CATEGORY_LABELS[category]}" must be a number from 0 (easy) to 1 (hard); the default ${current.effort} is used.`);
    } else {
      current.effort = effort;
    }
    if (chance === null || chance < 0 || chance > 1) {
      problems.push(`Weights row ${rowNo}: chance of winning for "${CATEGORY_LABELS[category]}" must be a number from 0 to 1; the default ${current.chance} is used.`);
    } else {
      current.chance = chance;
    }
  });
  return { weights, problems };
}
