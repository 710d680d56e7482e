import { toDollars } from '../money';
import type { Problem } from '../types/problem';
import type { DenialCategory } from '../types/knowledge';
import type { ModelRow, PursueModel } from '../types/model';
import { rowsByItem } from '../model';
import type { GapKind, MatchAlternative, MatchMethod, ReconcileStatus, Reconciliation } from '../types/reconciliation';
import { statusMessage, totalsSource, type TotalsSource } from './status';

/** The rule that paired a line, as the JSON names it. */
export type JsonRule = 'same area' | 'across areas' | 'close wording' | 'split' | 'override' | 'side by side';
const RULE: Record<MatchMethod, JsonRule> = {
  'same-area': 'same area',
  'other-area': 'across areas',
  'close-wording': 'close wording',
  split: 'split',
  override: 'override',
  'side-by-side': 'side by side',
};

export interface JsonSideFigures {
  qty: number;
  unitPrice: number;
  amount: number;
}

export interface JsonLine {
  item: string;
  area: string;
  description: string;
  unit: string;
  ours: JsonSideFigures;
  insurer: (JsonSideFigures & { item: string }) | null;
  gap: number;
  kind: GapKind;
  quantityPart: number | null;
  pricePart: number | null;
  confidence: number | null;
  /** The matched insurer line's area (null when denied). */
  insurerArea: string | null;
  rule: JsonRule | null;
  /** True when a person should check the pairing. */
  flagged: boolean;
  /** The other insurer line that fits about as well, when flagged for that reason. */
  alternative: MatchAlternative | null;
  /** From the per-item model (toJsonReport with a model): null while unknown. */
  denialCategory?: DenialCategory | null;
  /** What the team typed, else the rebuttal library's suggestion (reasonToApproveSuggested). */
  reasonToApprove?: string | null;
  reasonToApproveSuggested?: boolean;
  /** The accepted topic the line is argued in, whose priority it shares. */
  topic?: string | null;
  /** Priority score and rank (1 = pursue first); null for a line with no open gap. */
  score?: number | null;
  rank?: number | null;
  /** What to do next; every open line with a gap has one. */
  nextStep?: string | null;
}

export interface JsonInsurerOnly {
  item: string;
  area: string;
  description: string;
  unit: string;
  qty: number;
  unitPrice: number;
  amount: number;
  gap: number;
}

export interface JsonReport {
  lines: JsonLine[];
  insurerOnly: JsonInsurerOnly[];
  taxGap: number;
  overheadProfitGap: number;
  totalGap: number;
  residual: number;
  /** status === 'reconciled'. */
  reconciled: boolean;
  status: ReconcileStatus;
  /** The status in words, with what to type when unverified. */
  statusMessage: string;
  /** Where each side's totals came from: recap, typed, lines, derived (assumed) or missing. */
  totalsSource: { ours: TotalsSource; theirs: TotalsSource };
  problems: Array<Pick<Problem, 'side' | 'row' | 'severity' | 'message'>>;
}

/** One line's negotiation knowledge, as the model has it (the same row the sheet shows). */
function knowledgeFields(row: ModelRow | undefined): Partial<JsonLine> {
  return {
    denialCategory: row?.category ?? null,
    reasonToApprove: row && row.approve.trim() !== '' ? row.approve : null,
    reasonToApproveSuggested: row?.approveSuggested ?? false,
    topic: row?.topic ?? null,
    score: row?.priority?.score ?? null,
    rank: row?.priority?.rank ?? null,
    nextStep: row?.nextStep ?? null,
  };
}

/**
 * The report as the README documents it: amounts in dollars to the cent. With the per-item model,
 * each line also carries its denial category, reason to approve, priority and next step.
 */
export function toJsonReport(rec: Reconciliation, model?: PursueModel): JsonReport {
  const byItem = model ? rowsByItem(model) : null;
  return {
    lines: rec.lines.map((l) => ({
      item: l.ours.item,
      area: l.ours.area,
      description: l.ours.description,
      unit: l.ours.unit,
      ours: { qty: l.ours.qty, unitPrice: toDollars(l.ours.unitPrice), amount: toDollars(l.ours.amount) },
      insurer: l.match
        ? { item: l.match.insurer.item, qty: l.match.insurer.qty, unitPrice: toDollars(l.match.insurer.unitPrice), amount: toDollars(l.match.insurer.amount) }
        : null,
      gap: toDollars(l.gap),
      kind: l.kind,
      quantityPart: l.quantityPart === null ? null : toDollars(l.quantityPart),
      pricePart: l.pricePart === null ? null : toDollars(l.pricePart),
      confidence: l.match ? l.match.confidence : null,
      insurerArea: l.match ? l.match.insurer.area : null,
      rule: l.match ? RULE[l.match.method] : null,
      flagged: l.match ? l.match.weak : false,
      alternative: l.match?.alternative ?? null,
      ...(byItem ? knowledgeFields(byItem.get(l.ours.item)) : {}),
    })),
    insurerOnly: rec.insurerOnly.map((l) => ({
      item: l.insurer.item,
      area: l.insurer.area,
      description: l.insurer.description,
      unit: l.insurer.unit,
      qty: l.insurer.qty,
      unitPrice: toDollars(l.insurer.unitPrice),
      amount: toDollars(l.insurer.amount),
      gap: toDollars(l.gap),
    })),
    taxGap: toDollars(rec.taxGap),
    overheadProfitGap: toDollars(rec.overheadProfitGap),
    totalGap: toDollars(rec.totalGap),
    residual: toDollars(rec.residual),
    reconciled: rec.status === 'reconciled',
    status: rec.status,
    statusMessage: statusMessage(rec, 'cli'),
    totalsSource: { ours: totalsSource(rec.ours), theirs: totalsSource(rec.theirs) },
    problems: rec.problems.map((p) => ({ side: p.side, row: p.row, severity: p.severity, message: p.message })),
  };
}
