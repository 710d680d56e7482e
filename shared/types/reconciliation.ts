import type { Cents } from './money';
import type { EstimateLine } from './estimate';
import type { Problem } from './problem';

/** How the line differs: denied = absent from the insurer's estimate. */
export type GapKind = 'denied' | 'quantity' | 'price' | 'quantity+price' | 'equal';

export type MatchMethod =
  | 'same-area'
  | 'other-area'
  | 'close-wording'
  | 'override'
  | 'side-by-side'
  | 'split';

/** Another insurer line that would pair about as well (named when a pairing is flagged). */
export interface MatchAlternative {
  item: string;
  description: string;
  area: string;
}

export interface Match {
  /** The insurer line; for a split, one line carrying the pair's combined figures ("8 + 9"). */
  insurer: EstimateLine;
  /** The insurer's own lines behind `insurer` (two for a split; else just `insurer`). */
  parts?: EstimateLine[];
  method: MatchMethod;
  /** 0..1; 1 = same description, unit and area. */
  confidence: number;
  /** True when a person should review the pairing (close wording, ambiguous, unit converted). */
  weak: boolean;
  /** Why it is weak or what differs ("area differs: Debris Removal / General"). */
  notes: string[];
  /** When flagged because another pairing costs about the same: that other insurer line. */
  alternative?: MatchAlternative | null;
}

export interface LineGap {
  ours: EstimateLine;
  match: Match | null;
  /** Our amount − the matched insurer amount (the whole of ours when denied). */
  gap: Cents;
  kind: GapKind;
  /** (our qty − their qty) × their unit price; null when denied. */
  quantityPart: Cents | null;
  /** gap − quantity part; null when denied. */
  pricePart: Cents | null;
  /** Why a match override typed for this item was dropped (the insurer's line is gone or ambiguous). */
  overrideNote?: string;
}

export interface InsurerOnlyLine {
  insurer: EstimateLine;
  /** Always −amount: the insurer pays for something we did not ask for. */
  gap: Cents;
}

/**
 * reconciled: both RCVs printed in a recap or typed, and the parts add up to the total gap;
 * not reconciled: they do not add up; unverified: a total had to be assumed (or both sides are
 * the same paste), so adding up proves nothing.
 */
export type ReconcileStatus = 'reconciled' | 'not reconciled' | 'unverified';

export type FigureSource = 'recap' | 'typed' | 'lines' | 'derived' | 'missing';

/** The figures one side's total is built from, and where each came from. */
export interface SideTotals {
  lineItemTotal: Cents;
  lineItemTotalSource: FigureSource;
  tax: Cents;
  taxSource: FigureSource;
  overheadProfit: Cents;
  overheadProfitSource: FigureSource;
  rcv: Cents;
  rcvSource: FigureSource;
  priceList: string | null;
}

export type CheckStatus = 'pass' | 'fail' | 'not-run';

export interface Check {
  id: string;
  label: string;
  status: CheckStatus;
  /** What was compared, with the figures, and what to do if it failed. */
  detail: string;
}

export interface Reconciliation {
  /** Our lines in our item-number order. */
  lines: LineGap[];
  /** Insurer lines matching none of ours, in the insurer's order. */
  insurerOnly: InsurerOnlyLine[];
  ours: SideTotals;
  theirs: SideTotals;
  taxGap: Cents;
  overheadProfitGap: Cents;
  /** Our RCV − the insurer's approved RCV. */
  totalGap: Cents;
  sumOfLineGaps: Cents;
  sumOfInsurerOnlyGaps: Cents;
  /** Σ line gaps + Σ insurer-only gaps + tax gap + O&P gap. */
  sumOfParts: Cents;
  /** totalGap − sumOfParts. */
  residual: Cents;
  tolerance: Cents;
  /** status === 'reconciled'. */
  reconciled: boolean;
  status: ReconcileStatus;
  /** Our item → the override as recorded for the next run ("12 · Drip edge · Roof", "none"), or
   * "" when a typed override was dropped. Only items with an override typed appear. */
  overrides: Record<string, string>;
  checks: Check[];
  problems: Problem[];
}

/** Figures a person types because the paste lacks them (cents). */
export interface TypedTotals {
  rcv?: Cents;
  tax?: Cents;
  overheadProfit?: Cents;
}

export interface ReconcileOptions {
  /** |residual| ≤ tolerance counts as reconciled. Default 100 ($1.00). */
  tolerance?: Cents;
  ours?: TypedTotals;
  theirs?: TypedTotals;
  /** Our item number → the insurer's item number to pair it with, or "none" to keep it unpaired. */
  overrides?: Record<string, string>;
}
