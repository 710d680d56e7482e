import type { Cents } from './money';
import type { DenialCategory, PriorityScore, Rebuttal, StatusEntry } from './knowledge';

/** What a row of the per-item model is about. */
export type ModelRowKind = 'item' | 'topic' | 'insurer-only' | 'op' | 'tax';

/**
 * Everything Pursue knows about one row of Pursue Items: one of our items (open, closed or absent),
 * an accepted topic, an insurer-only line, the O&P row or the tax row. The sheet, the Call Brief,
 * the Checks to-dos, the CRM text, --json and the CLI report all read these, so they cannot differ.
 */
export interface ModelRow {
  kind: ModelRowKind;
  /** Our item numbers on this row (one, several for a topic, none for insurer-only; "O&P" / "Tax" for those rows). */
  items: string[];
  /** Item No(s). as shown. */
  label: string;
  /** Where the item is (the estimate's area or room); several for a topic. */
  area: string;
  name: string;
  ours: Cents | null;
  insurer: Cents | null;
  gap: Cents;
  /** True when gap = ours − insurer, so the sheet can hold it as a live formula. */
  gapIsDifference: boolean;
  gapKind: string;
  /** The insurer's reason for denial, verbatim: what a person typed, else the insurer's note under the line. */
  denial: string;
  category: DenialCategory | null;
  /** The reason to approve: typed text, or the rebuttal library's suggestion (approveSuggested), without any prefix. */
  approve: string;
  approveSuggested: boolean;
  rebuttal: Rebuttal | null;
  status: StatusEntry[];
  rfAsked: boolean;
  /** What the RF asked cell shows: Y / N, or on a topic row "Y: 7, 9" when only some members were asked. */
  rfCell: string;
  reItem: string;
  override: string;
  closedOn: string | null;
  /** ISO date since which our estimate no longer has this item (its row keeps what was typed). */
  absentSince: string | null;
  /** Why a person should look twice (weak match, tax folded...), for cell notes. */
  remarks: string[];
  topic: string | null;
  /** Score, rank (1 = pursue first) and the score's parts; null when the row is not ranked (no open gap). */
  priority: PriorityScore | null;
  /** What to do next; every open row with a gap has one, null otherwise. */
  nextStep: string | null;
  /** A topic row's items, each with its own values (and the topic's priority); empty otherwise. */
  members: ModelRow[];
}

/** The ranked per-item model: rows in the sheet's order, and the ranked ones by rank. */
export interface PursueModel {
  rows: ModelRow[];
  /** Rows with a priority, rank 1 first. */
  ranked: ModelRow[];
}
