import type { Recap, Side } from '../types/estimate';
import type { Cents } from '../types/money';

export type RecapField = keyof Recap;

export interface RecapLabel {
  /** null = a recap line we recognise but do not use (e.g. "Total Amount of Claim If Incurred"). */
  field: RecapField | null;
  /** For side-by-side recaps: "Our RCV" / "Approved RCV". */
  side: Side | null;
}

// Order matters: the first pattern that matches a label wins ("Net Actual Cash Value" is the net
// claim, not ACV; "Our O&P (10% Overhead + 10% Profit)" is O&P, not overhead).
const PATTERNS: Array<[RegExp, RecapField | null]> = [
  [/^(total )?line item totals?$/, 'lineItemTotal'],
  [/^net (claim|payment|actual cash value( payment)?|acv( payment)?)/, 'netClaim'],
  [/total (amount of claim|maximum additional)|supplement requested|rcv difference|subtotal of areas|^total$|recoverable depreciation|^maximum additional/, null],
  [/\bo ?& ?p\b|overhead (&|and) profit/, 'overheadProfit'],
  [/material sales tax|^sales tax|^(total )?tax$|^taxes$/, 'materialSalesTax'],
  [/^sub ?total/, 'subtotal'],
  [/overhead/, 'overhead'],
  [/profit/, 'profit'],
  [/replacement cost value|^(total )?rcv$|^replacement cost$/, 'rcv'],
  [/depreciation/, 'depreciation'],
  [/deductible/, 'deductible'],
  [/actual cash value|^acv$/, 'acv'],
];

const OURS_PREFIX = /^(our|ours|contractor'?s?|requested)\b\s*/;
const THEIRS_PREFIX = /^(approved|ins\.?|insurer'?s?|insurance|carrier'?s?|re|allowed)\b\s*/;

/** Reads a recap label ("Material Sales Tax", "Less Deductible", "Approved RCV"). */
export function readRecapLabel(raw: string): RecapLabel | null {
  let label = raw
    .toLowerCase()
    .replace(/\(.*?\)/g, ' ') // "(Including Taxes)", "(10% Overhead + 10% Profit)"
    .replace(/[:$]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Keep "O&P" visible after removing the parenthesis that explains it.
  if (/o ?& ?p|overhead (&|and) profit/.test(raw.toLowerCase()) && !/o ?& ?p/.test(label)) {
    label = `${label} o&p`;
  }
  let side: Side | null = null;
  if (OURS_PREFIX.test(label)) {
    side = 'ours';
    label = label.replace(OURS_PREFIX, '');
  } else if (THEIRS_PREFIX.test(label)) {
    side = 'theirs';
    label = label.replace(THEIRS_PREFIX, '');
  }
  label = label.replace(/^(less|plus|minus|total line item|general contractor|gc)\s+/, '').trim();
  for (const [re, field] of PATTERNS) {
    if (re.test(label)) return { field, side };
  }
  return null;
}

/** Sets a recap figure; printed negatives (depreciation, deductible) are kept as magnitudes. */
export function setRecap(recap: Recap, field: RecapField, cents: Cents): void {
  const v = field === 'depreciation' || field === 'deductible' ? Math.abs(cents) : cents;
  // The first printed value wins: the recap page prints totals before any "if incurred" repeats.
  if (recap[field] === null) recap[field] = v;
}

/** O&P from overhead + profit when printed apart. */
export function completeRecap(recap: Recap): void {
  if (recap.overheadProfit === null && recap.overhead !== null && recap.profit !== null) {
    recap.overheadProfit = recap.overhead + recap.profit;
  }
}
