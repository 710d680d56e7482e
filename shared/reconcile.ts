import { compareItems } from './item-order';
import { lineSumChecks, insideWasteCheck, overheadProfitCheck, priceListCheck, recapCheck } from './checks';
import { lineGap } from './gaps';
import { matchLines } from './match/lines';
import { formatMoney, sumCents } from './money';
import { sideTotals } from './totals';
import { reconcileStatus, statusMessage } from './report/status';
import type { EstimateLine, ParsedEstimate } from './types/estimate';
import type { Problem } from './types/problem';
import type { Check, InsurerOnlyLine, LineGap, ReconcileOptions, Reconciliation } from './types/reconciliation';

export const DEFAULT_TOLERANCE = 100;

/** Sorts item numbers as people read them: 2 before 10, "7a" after 7. */
export { compareItems };

/**
 * Our lines against the insurer's: each line's gap and parts, insurer-only lines, tax and O&P
 * gaps from the recaps, the total gap, and the residual that shows whether the parts explain it.
 */
export function reconcile(
  ours: ParsedEstimate,
  theirs: ParsedEstimate,
  options: ReconcileOptions = {},
  pairs?: Record<string, string>,
): Reconciliation {
  // A side-by-side table shares its problems between the two sides: list each once.
  const seen = new Set(ours.problems);
  const problems: Problem[] = [...ours.problems, ...theirs.problems.filter((p) => !seen.has(p))];
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const { matches, problems: matchProblems, overrides, overrideNotes } = matchLines(ours.lines, theirs.lines, { overrides: options.overrides, pairs });
  problems.push(...matchProblems);

  const order = itemOrder(ours.lines);
  const lines: LineGap[] = order.map((i) => {
    const g = lineGap(ours.lines[i], matches.get(i) ?? null);
    const note = overrideNotes.get(i);
    return note === undefined ? g : { ...g, overrideNote: note };
  });
  // A split pairs one line with two of the insurer's: both count as used.
  const used = new Set([...matches.values()].flatMap((m) => m.parts ?? [m.insurer]));
  const insurerOnly: InsurerOnlyLine[] = theirs.lines.filter((t) => !used.has(t)).map((t) => ({ insurer: t, gap: -t.amount }));

  for (const l of lines) {
    if (l.match?.weak) {
      problems.push({
        side: 'ours', row: l.ours.row, severity: 'warning', code: 'weak-match',
        message: `Item ${l.ours.item} "${l.ours.description}" is paired with the insurer's line ${l.match.insurer.item} "${l.match.insurer.description}" (confidence ${l.match.confidence.toFixed(2)}; ${l.match.notes.join('; ')}). Check it; type another insurer line number, or "none", as the override if it is wrong.`,
      });
    }
  }

  const oursTotals = sideTotals(ours, options.ours ?? {}, problems);
  const theirsTotals = sideTotals(theirs, options.theirs ?? {}, problems);
  const taxGap = oursTotals.tax - theirsTotals.tax;
  const overheadProfitGap = oursTotals.overheadProfit - theirsTotals.overheadProfit;
  const totalGap = oursTotals.rcv - theirsTotals.rcv;
  const sumOfLineGaps = sumCents(lines.map((l) => l.gap));
  const sumOfInsurerOnlyGaps = sumCents(insurerOnly.map((l) => l.gap));
  const sumOfParts = sumOfLineGaps + sumOfInsurerOnlyGaps + taxGap + overheadProfitGap;
  const residual = totalGap - sumOfParts;
  const samePaste = theirs !== ours && isSamePaste(ours, theirs);
  if (samePaste) {
    problems.push({
      side: 'both', row: null, severity: 'error', code: 'same-paste',
      message: "Both sides are the same paste (the same lines and totals), so there is nothing to reconcile. Paste the insurer's revised estimate as the insurer's side.",
    });
  }
  const status = reconcileStatus(residual, tolerance, oursTotals, theirsTotals, samePaste);
  const reconciled = status === 'reconciled';
  const addsUp = Math.abs(residual) <= tolerance;

  const checks: Check[] = [
    ...lineSumChecks(ours, problems),
    ...(theirs === ours ? [] : lineSumChecks(theirs, problems)),
    recapCheck(ours, oursTotals, problems),
    recapCheck(theirs, theirsTotals, problems),
    priceListCheck(oursTotals, theirsTotals, problems),
    overheadProfitCheck(oursTotals, theirsTotals, problems),
    insideWasteCheck(lines, theirs.lines, problems),
  ];
  const residualCheck: Check = addsUp
    ? {
        id: 'residual', label: 'Residual', status: 'pass',
        detail: `The parts add up to the total gap ${formatMoney(totalGap)} (residual ${formatMoney(residual)}, tolerance ${formatMoney(tolerance)}).` +
          (status === 'unverified' ? ` ${statusMessage({ status, residual, tolerance, totalGap, ours: oursTotals, theirs: theirsTotals, problems }, 'cli').replace(/^⚠ /, '')}` : ''),
      }
    : {
        id: 'residual', label: 'Residual', status: 'fail',
        detail: `The parts add up to ${formatMoney(sumOfParts)} but the total gap (our RCV − approved RCV) is ${formatMoney(totalGap)}: ${formatMoney(residual)} is unexplained. Look at the failed line-sum checks and the rows not understood, and check the typed RCV, tax and O&P.`,
      };
  checks.push(residualCheck);
  if (!addsUp) problems.push({ side: 'both', row: null, severity: 'error', code: 'not-reconciled', message: residualCheck.detail });

  return {
    lines, insurerOnly, ours: oursTotals, theirs: theirsTotals, taxGap, overheadProfitGap, totalGap,
    sumOfLineGaps, sumOfInsurerOnlyGaps, sumOfParts, residual, tolerance, reconciled, status, overrides, checks, problems,
  };
}

/** Indexes of our lines in item order (ties in paste order); an estimate is usually printed in it already. */
function itemOrder(lines: EstimateLine[]): number[] {
  const order = lines.map((_, i) => i);
  const sorted = lines.every((l, i) => i === 0 || compareItems(lines[i - 1].item, l.item) <= 0);
  return sorted ? order : order.sort((a, b) => compareItems(lines[a].item, lines[b].item) || a - b);
}

/** Every figure the line prints, with its number: an RE that approves the same line with less tax or O&P is not the same paste. */
function sameLine(a: EstimateLine, b: EstimateLine): boolean {
  return (
    a.item === b.item && a.description === b.description && a.area === b.area && a.qty === b.qty && a.unit === b.unit &&
    a.unitPrice === b.unitPrice && a.amount === b.amount && a.tax === b.tax && a.overheadProfit === b.overheadProfit && a.rcv === b.rcv
  );
}

/** The same paste given as both sides: identical lines (and recap, when printed). */
function isSamePaste(ours: ParsedEstimate, theirs: ParsedEstimate): boolean {
  if (ours.lines.length === 0 || ours.lines.length !== theirs.lines.length) return false;
  if (!ours.lines.every((l, k) => sameLine(l, theirs.lines[k]))) return false;
  const r1 = ours.recap;
  const r2 = theirs.recap;
  return r1.rcv === r2.rcv && r1.lineItemTotal === r2.lineItemTotal && r1.materialSalesTax === r2.materialSalesTax && r1.overheadProfit === r2.overheadProfit;
}
