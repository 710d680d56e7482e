import { toDollars } from '../money';
import type { Problem } from '../types/problem';
import type { GapKind, Reconciliation } from '../types/reconciliation';

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
  [extra: string]: unknown;
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
  reconciled: boolean;
  problems: Array<Pick<Problem, 'side' | 'row' | 'severity' | 'message'>>;
}

/** The report as the README documents it: amounts in dollars to the cent. */
export function toJsonReport(rec: Reconciliation): JsonReport {
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
    reconciled: rec.reconciled,
    problems: rec.problems.map((p) => ({ side: p.side, row: p.row, severity: p.severity, message: p.message })),
  };
}
