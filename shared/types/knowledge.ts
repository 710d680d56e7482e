import type { Cents } from './money';

/** Why the insurer denied or cut an item (product.md, "Denial reasons and rebuttals"). */
export type DenialCategory =
  | 'code'            // no code coverage / not required by code
  | 'not-visible'     // not visible in photos
  | 'wear-and-tear'   // wear and tear, not storm related, pre-existing
  | 'included'        // included in another item or in waste
  | 'matching'        // matching not covered
  | 'quantity'        // quantity disputed
  | 'price'           // price disputed
  | 'op'              // O&P not warranted
  | 'repairable'
  | 'documentation'   // documentation missing
  | 'other';

export interface DenialClassification {
  category: DenialCategory;
  /** The words in the denial text that decided the category. */
  matched: string[];
}

/** One rebuttal in the editable library ("Rebuttals" sheet). */
export interface Rebuttal {
  /** A category, or an item key such as "drip-edge", "ice-water", "starter", "ridge", "steep", "high", "matching", "op". */
  key: string;
  /** Words that pick this rebuttal for an item by its description (empty for category rows). */
  itemWords: string[];
  category: DenialCategory | null;
  argument: string;
  evidence: string;
  /** How to present it ("pull", not "push"). */
  presentation: string;
}

/** A dated entry in an item's append-only status log. */
export interface StatusEntry {
  /** ISO date yyyy-mm-dd the entry is about. */
  date: string;
  /** When it was recorded (ISO timestamp); equals date + "T00:00:00" when unknown. */
  timestamp: string;
  author: string;
  text: string;
  /** What a useful entry lacks: "who", "what was said", "next step", "date". Empty when fine. */
  missing: string[];
}

/** What a person typed or decided about one of our items; carried across re-runs. */
export interface ItemAnnotation {
  /** Our item number. */
  item: string;
  /** Description when last seen, to warn when it changes between revisions. */
  description: string;
  /** The insurer's denial text, verbatim. */
  denialText: string;
  reasonToApprove: string;
  rfAsked: boolean;
  status: StatusEntry[];
  /** Name of the accepted topic this item belongs to, or null. */
  topic: string | null;
  /** Match override: the insurer's item number, "none", or null for automatic. */
  override: string | null;
  /** Set when the gap closed in a later revision (ISO date); the row stays until a person removes it. */
  closedOn: string | null;
  /** The item's gap when last reconciled (cents), to tell a gap that closed from one never open. */
  gap?: Cents;
  /** The insurer's note under the matched line when last reconciled, to warn when it changes. */
  insurerNote?: string | null;
  /** Set (ISO date) when the item is no longer in the latest reconciliation; it is kept anyway. */
  absentSince?: string | null;
}

export interface Topic {
  name: string;
  items: string[];
  /** 'suggested' until a person accepts, edits or refuses it. */
  state: 'suggested' | 'accepted' | 'refused';
}

export interface PriorityWeights {
  /** Points per $100 of gap (capped by gapCap). */
  perHundred: number;
  gapCap: number;
  rfAsked: number;
  /**
   * Points for the denial type at its best (sure to win, no effort); the category part is
   * categoryPoints × chance × (1 − effort). Optional so older saved weights still load: default 20.
   */
  categoryPoints?: number;
  /** Per category: effort (0 easy .. 1 hard) and chance of winning (0..1). */
  categories: Record<DenialCategory, { effort: number; chance: number }>;
}

export interface PriorityScore {
  item: string;
  score: number;
  rank: number;
  /** The score's parts, shown to the user. */
  parts: { gap: number; rfAsked: number; category: number };
}

/** Everything the workbook keeps between runs. */
export interface PursueState {
  items: Record<string, ItemAnnotation>;
  topics: Topic[];
  rebuttals: Rebuttal[];
  weights: PriorityWeights;
}

export interface ReadinessIssue {
  item: string;
  gap: Cents;
  missing: Array<'denial reason' | 'reason to approve' | 'recent status'>;
  message: string;
}
