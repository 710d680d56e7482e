/**
 * The one honest status every host shows. "Reconciled" means the parts add up to totals someone
 * printed or typed; when a total had to be assumed (RCV = Line Item Total + tax + O&P) the residual
 * is 0 by construction and proves nothing, so the state is "unverified" and says which figure to
 * type and where the estimate prints it.
 */
import type { Host } from '../host-rules';
import { totalFieldName } from '../host-rules';
import { formatMoney } from '../money';
import type { Side } from '../types/estimate';
import type { Cents } from '../types/money';
import type { FigureSource, ReconcileStatus, Reconciliation, SideTotals } from '../types/reconciliation';

/** A total counts as known only when printed in a recap or typed by a person. */
export function knownSource(s: FigureSource): boolean {
  return s === 'recap' || s === 'typed';
}

export function reconcileStatus(residual: Cents, tolerance: Cents, ours: SideTotals, theirs: SideTotals, samePaste: boolean): ReconcileStatus {
  // An assumed total decides nothing either way: say so first, whatever the residual.
  if (samePaste || !knownSource(ours.rcvSource) || !knownSource(theirs.rcvSource)) return 'unverified';
  return Math.abs(residual) > tolerance ? 'not reconciled' : 'reconciled';
}

export interface TotalsSource {
  lineItemTotal: FigureSource;
  tax: FigureSource;
  overheadProfit: FigureSource;
  rcv: FigureSource;
}

export function totalsSource(t: SideTotals): TotalsSource {
  return { lineItemTotal: t.lineItemTotalSource, tax: t.taxSource, overheadProfit: t.overheadProfitSource, rcv: t.rcvSource };
}

/** Where a person types a figure, in each host's words. */
export type StatusHost = Host | 'workbook';

function rcvField(host: StatusHost, side: Side): string {
  if (host === 'workbook') return side === 'ours' ? 'our RCV (Total gap row, Ours $)' : "the insurer's RCV (Total gap row, Insurer $)";
  const field = totalFieldName(host, side, 'rcv');
  return host === 'cli' ? field : `the "${field}" box`;
}

const WHERE: Record<Side, string> = {
  ours: 'on the last page of our estimate, the recap ("Replacement Cost Value", under Line Item Total, Material Sales Tax and Overhead/Profit)',
  theirs: 'on the insurer\'s summary or recap page ("Replacement Cost Value" or "RCV", above Depreciation and ACV), usually the last page of the revised estimate',
};

/** What still has to be typed for the status to be more than unverified. */
export function missingTotals(rec: Pick<Reconciliation, 'ours' | 'theirs'>): Side[] {
  return (['ours', 'theirs'] as const).filter((s) => !knownSource(rec[s].rcvSource));
}

export const STATUS_LABEL: Record<ReconcileStatus, string> = {
  reconciled: 'Reconciled',
  'not reconciled': 'Not reconciled',
  unverified: 'Unverified',
};

/**
 * The status line, the same three states in the CLI report, the task pane, the sidebar and the
 * workbook: which, why, and for "unverified" what to type and where to find it.
 */
export function statusMessage(rec: Pick<Reconciliation, 'status' | 'residual' | 'tolerance' | 'totalGap' | 'ours' | 'theirs' | 'problems'>, host: StatusHost): string {
  if (rec.status === 'reconciled') {
    return `✓ Reconciled: the parts add up to the total gap ${formatMoney(rec.totalGap)} (residual ${formatMoney(rec.residual)}, tolerance ${formatMoney(rec.tolerance)}).`;
  }
  if (rec.status === 'not reconciled') {
    return `✗ Not reconciled: ${formatMoney(rec.residual)} of the total gap ${formatMoney(rec.totalGap)} is not explained (tolerance ${formatMoney(rec.tolerance)}). Check the typed totals and the problems listed.`;
  }
  const missing = missingTotals(rec);
  if (missing.length === 0) {
    return '⚠ Unverified: both sides are the same paste, so nothing was compared. Paste the insurer\'s revised estimate on its own side.';
  }
  const parts = missing.map((s) => {
    const who = s === 'ours' ? 'our RCV' : "the insurer's approved RCV";
    return `type ${who} in ${rcvField(host, s)}: it is ${WHERE[s]}`;
  });
  const assumed = missing.map((s) => `${s === 'ours' ? 'our' : "the insurer's"} RCV ${formatMoney(rec[s].rcv)}`).join(' and ');
  const residual = Math.abs(rec.residual) > rec.tolerance ? ` The residual is ${formatMoney(rec.residual)} even so.` : '';
  return `⚠ Unverified: the paste has no recap, so ${assumed} (Line Item Total + tax + O&P) had to be assumed and the residual proves nothing.${residual} To check it, ${parts.join('; and ')}.`;
}
