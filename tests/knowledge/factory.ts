/** Hand-built reconciliations for the knowledge tests (no engine needed). */
import type { EstimateLine } from '../../shared/types/estimate';
import type { LineGap, Reconciliation, SideTotals } from '../../shared/types/reconciliation';

export interface LineSpec {
  item: string;
  description: string;
  /** Our amount, cents. */
  ours: number;
  /** The matched insurer amount in cents, or null when denied (no insurer line). */
  theirs: number | null;
  area?: string;
  /** The insurer's note under the matched line. */
  note?: string | null;
  theirItem?: string;
}

function estimateLine(item: string, description: string, amount: number, area: string, note: string | null): EstimateLine {
  return {
    item,
    area,
    description,
    qty: 1,
    unit: 'EA',
    unitPrice: amount,
    amount,
    tax: null,
    overheadProfit: null,
    rcv: null,
    depreciation: null,
    acv: null,
    note,
    row: Number(item) || 1,
  };
}

function totals(lineItemTotal: number, overheadProfit: number): SideTotals {
  return {
    lineItemTotal,
    lineItemTotalSource: 'lines',
    tax: 0,
    taxSource: 'missing',
    overheadProfit,
    overheadProfitSource: 'typed',
    rcv: lineItemTotal + overheadProfit,
    rcvSource: 'derived',
    priceList: null,
  };
}

export function makeRec(specs: LineSpec[], op: { ours: number; theirs: number } = { ours: 0, theirs: 0 }): Reconciliation {
  const lines: LineGap[] = specs.map((s) => {
    const area = s.area ?? 'Roof';
    const ours = estimateLine(s.item, s.description, s.ours, area, null);
    if (s.theirs === null) {
      return { ours, match: null, gap: s.ours, kind: 'denied', quantityPart: null, pricePart: null };
    }
    const insurer = estimateLine(s.theirItem ?? s.item, s.description, s.theirs, area, s.note ?? null);
    const gap = s.ours - s.theirs;
    return {
      ours,
      match: { insurer, method: 'same-area', confidence: 1, weak: false, notes: [] },
      gap,
      kind: gap === 0 ? 'equal' : 'quantity',
      quantityPart: gap,
      pricePart: 0,
    };
  });
  const oursTotal = specs.reduce((t, s) => t + s.ours, 0);
  const theirsTotal = specs.reduce((t, s) => t + (s.theirs ?? 0), 0);
  const sumOfLineGaps = lines.reduce((t, l) => t + l.gap, 0);
  const overheadProfitGap = op.ours - op.theirs;
  const oursT = totals(oursTotal, op.ours);
  const theirsT = totals(theirsTotal, op.theirs);
  const totalGap = oursT.rcv - theirsT.rcv;
  const sumOfParts = sumOfLineGaps + overheadProfitGap;
  return {
    lines,
    insurerOnly: [],
    ours: oursT,
    theirs: theirsT,
    taxGap: 0,
    overheadProfitGap,
    totalGap,
    sumOfLineGaps,
    sumOfInsurerOnlyGaps: 0,
    sumOfParts,
    residual: totalGap - sumOfParts,
    tolerance: 100,
    reconciled: totalGap === sumOfParts,
    status: totalGap === sumOfParts ? 'reconciled' : 'not reconciled',
    overrides: {},
    checks: [],
    problems: [],
  };
}
