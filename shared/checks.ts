import { formatMoney, sumCents } from './money';
import { sideName, sideSubject } from './parse/detect';
import type { EstimateLine, ParsedEstimate } from './types/estimate';
import type { Cents } from './types/money';
import type { Problem } from './types/problem';
import type { Check, LineGap, SideTotals } from './types/reconciliation';

function pushFail(problems: Problem[], check: Check, side: Problem['side'], row: number | null, severity: Problem['severity'] = 'error'): void {
  problems.push({ side, row, severity, code: check.id, message: check.detail });
}

/** Parsed line sums against what the estimate prints (whole estimate and each area). */
export function lineSumChecks(est: ParsedEstimate, problems: Problem[]): Check[] {
  const checks: Check[] = [];
  const who = sideName(est.side);
  const id = `line-sum-${est.side}`;
  const sum = (lines: EstimateLine[], f: (l: EstimateLine) => Cents | null) => sumCents(lines.map((l) => f(l) ?? 0));
  const amountSum = sum(est.lines, (l) => l.amount);
  const printedLit = est.recap.lineItemTotal;
  const whole = est.printedTotals.find((t) => t.area === '');
  let printed: Cents | null = printedLit;
  let basis = 'Line Item Total';
  if (printed === null && whole) {
    if (whole.amount !== null) printed = whole.amount;
    else if (whole.rcv !== null) {
      // A totals row under the RCV column holds amount + tax + O&P.
      printed = whole.rcv - (whole.tax ?? 0) - (whole.overheadProfit ?? 0);
      basis = 'the totals row (RCV − tax − O&P)';
    }
  }
  if (printed === null) {
    checks.push({ id, label: `Line sum, ${who}`, status: 'not-run', detail: `${sideSubject(est.side)} prints no Line Item Total to check the ${est.lines.length} lines against.` });
  } else if (printed === amountSum) {
    checks.push({ id, label: `Line sum, ${who}`, status: 'pass', detail: `${est.lines.length} lines add up to ${formatMoney(amountSum)}, as ${basis} prints.` });
  } else {
    const c: Check = {
      id, label: `Line sum, ${who}`, status: 'fail',
      detail: `${sideSubject(est.side)}'s ${est.lines.length} lines add up to ${formatMoney(amountSum)}, but ${basis} is ${formatMoney(printed)} (difference ${formatMoney(printed - amountSum)}). ${wholeCause(est)}`,
    };
    checks.push(c);
    pushFail(problems, c, est.side, whole?.row ?? null);
  }
  // The per-line tax and O&P columns against the totals row.
  if (whole) {
    for (const [field, label] of [['tax', 'tax'], ['overheadProfit', 'O&P']] as const) {
      const printedCol = whole[field];
      if (printedCol === null || !est.lines.some((l) => l[field] !== null)) continue;
      const s = sum(est.lines, (l) => l[field]);
      if (s !== printedCol) {
        const c: Check = {
          id: `line-${field}-${est.side}`, label: `Line ${label}, ${who}`, status: 'fail',
          detail: `${sideSubject(est.side)}'s line ${label} adds up to ${formatMoney(s)}, but its totals row prints ${formatMoney(printedCol)}. A line may be missing or misread.`,
        };
        checks.push(c);
        pushFail(problems, c, est.side, whole.row);
      }
    }
  }
  // Each area's "Totals:" row: a missed line shows up in its own area.
  for (const t of est.printedTotals) {
    if (t.area === '') continue;
    const lines = est.lines.filter((l) => l.area.toLowerCase() === t.area.toLowerCase());
    const printedRcv = t.rcv;
    if (printedRcv === null || lines.length === 0) continue;
    const s = sum(lines, (l) => l.rcv ?? l.amount + (l.tax ?? 0) + (l.overheadProfit ?? 0));
    if (s !== printedRcv) {
      const c: Check = {
        id: `area-sum-${est.side}`, label: `Area ${t.area}, ${who}`, status: 'fail',
        detail: `In ${t.area} (${who}) the lines add up to ${formatMoney(s)}, but its total on row ${t.row} prints ${formatMoney(printedRcv)}: ${formatMoney(printedRcv - s)} ${printedRcv > s ? 'is missing' : 'too much'}. ${likelyCause(est, lines, t.row, printedRcv - s)}`,
      };
      checks.push(c);
      pushFail(problems, c, est.side, t.row);
    }
  }
  return checks;
}

/**
 * Why an area's lines fall short of its printed total: a row in that area that was not understood
 * (named), or, when every row there was read, pages missing from the paste.
 */
function likelyCause(est: ParsedEstimate, lines: EstimateLine[], totalRow: number, diff: Cents): string {
  const first = Math.min(...lines.map((l) => l.row));
  const skippedCodes = new Set(['figures-not-understood', 'line-without-figures', 'row-not-understood', 'paste-cut-off']);
  const rows = est.problems.filter((p) => p.row !== null && p.row >= first && p.row <= totalRow && skippedCodes.has(p.code)).map((p) => p.row!);
  if (rows.length > 0) {
    return `Row${rows.length > 1 ? 's' : ''} ${[...new Set(rows)].join(', ')} in that area ${rows.length > 1 ? 'were' : 'was'} not understood and likely hold${rows.length > 1 ? '' : 's'} the difference: check ${rows.length > 1 ? 'them' : 'it'} against the estimate.`;
  }
  if (diff > 0) {
    return `Every row in that area was read, so the paste is likely missing part of it (pages cut from the PDF, e.g. between rows ${first} and ${totalRow}). Paste the whole estimate.`;
  }
  return 'A line in that area may be read twice or misread: compare it with the estimate.';
}

/** Where a whole-estimate gap likely is: rows not understood (named), else missing pages. */
function wholeCause(est: ParsedEstimate): string {
  const skippedCodes = new Set(['figures-not-understood', 'line-without-figures', 'row-not-understood', 'paste-cut-off', 'bad-figure']);
  const rows = [...new Set(est.problems.filter((p) => p.row !== null && skippedCodes.has(p.code)).map((p) => p.row!))];
  if (rows.length > 0) return `Row${rows.length > 1 ? 's' : ''} ${rows.slice(0, 8).join(', ')}${rows.length > 8 ? ', …' : ''} ${rows.length > 1 ? 'were' : 'was'} not understood and likely hold${rows.length > 1 ? '' : 's'} the difference.`;
  return 'Every line row was read, so part of the estimate is likely missing from the paste (pages cut from the PDF), or a line is misread: compare the paste with the estimate.';
}

/** The recap adds up: RCV = Line Item Total + tax + O&P. */
export function recapCheck(est: ParsedEstimate, totals: SideTotals, problems: Problem[]): Check {
  const who = sideName(est.side);
  const id = `recap-${est.side}`;
  const label = `Recap, ${who}`;
  const r = est.recap;
  if (totals.rcvSource === 'derived' || totals.rcvSource === 'missing') {
    return { id, label, status: 'not-run', detail: `${sideSubject(est.side)} has no RCV, so its recap cannot be checked.` };
  }
  const lit = r.lineItemTotal ?? totals.lineItemTotal;
  const expected = lit + totals.tax + totals.overheadProfit;
  if (expected === totals.rcv) {
    return { id, label, status: 'pass', detail: `RCV ${formatMoney(totals.rcv)} = Line Item Total ${formatMoney(lit)} + tax ${formatMoney(totals.tax)} + O&P ${formatMoney(totals.overheadProfit)}.` };
  }
  const c: Check = {
    id, label, status: 'fail',
    detail: `${sideSubject(est.side)}'s RCV is ${formatMoney(totals.rcv)}, but Line Item Total ${formatMoney(lit)} + tax ${formatMoney(totals.tax)} + O&P ${formatMoney(totals.overheadProfit)} = ${formatMoney(expected)} (difference ${formatMoney(totals.rcv - expected)}). Check the typed totals or look for a fee or credit outside the lines.`,
  };
  // Name the row the RCV was printed on, so the person can find it.
  pushFail(problems, c, est.side, est.recapRows?.rcv ?? null, 'warning');
  return c;
}

export function priceListCheck(ours: SideTotals, theirs: SideTotals, problems: Problem[]): Check {
  const id = 'price-list';
  const label = 'Price lists';
  if (!ours.priceList || !theirs.priceList) {
    return { id, label, status: 'not-run', detail: 'One of the pastes prints no price list.' };
  }
  if (ours.priceList.toUpperCase() === theirs.priceList.toUpperCase()) {
    return { id, label, status: 'pass', detail: `Both estimates use price list ${ours.priceList}.` };
  }
  const c: Check = {
    id, label, status: 'fail',
    detail: `Our estimate uses price list ${ours.priceList}, the insurer's ${theirs.priceList}: a source of price gaps. Ask the adjuster to reprice on the current list for the date of loss.`,
  };
  pushFail(problems, c, 'both', null, 'warning');
  return c;
}

export function overheadProfitCheck(ours: SideTotals, theirs: SideTotals, problems: Problem[]): Check {
  const id = 'op-denied';
  const label = 'O&P';
  if (ours.overheadProfit > 0 && theirs.overheadProfit === 0 && theirs.overheadProfitSource !== 'missing') {
    const c: Check = {
      id, label, status: 'fail',
      detail: `The insurer denied O&P outright (ours ${formatMoney(ours.overheadProfit)}). Pursue it as its own item: a general contractor is needed to coordinate the trades.`,
    };
    pushFail(problems, c, 'theirs', null, 'warning');
    return c;
  }
  return { id, label, status: 'pass', detail: `O&P: ours ${formatMoney(ours.overheadProfit)}, the insurer's ${formatMoney(theirs.overheadProfit)}.` };
}

const INSIDE_WASTE = /\b(starter|ridge|hip)\b/i;

/** Starter or ridge denied or cut with a note that it is in the waste: likely argued as paid already. */
export function insideWasteCheck(lines: LineGap[], theirs: EstimateLine[], problems: Problem[]): Check {
  const id = 'inside-waste';
  const label = 'Paid inside another item';
  const wasteNote = theirs.some((t) => /waste/i.test(t.note ?? ''));
  const hits = lines.filter((l) => l.gap > 0 && INSIDE_WASTE.test(l.ours.description) && (wasteNote || l.kind === 'denied'));
  if (hits.length === 0) return { id, label, status: 'pass', detail: 'No starter or ridge line was cut as part of the waste.' };
  const c: Check = {
    id, label, status: 'fail',
    detail: `${hits.length === 1 ? 'Item' : 'Items'} ${hits.map((h) => h.ours.item).join(', ')} (starter / ridge) ${hits.length === 1 ? 'was' : 'were'} cut and may be argued as already paid inside the shingle waste. Waste covers cutting loss, not starter strip or ridge cap, which are separate products per the manufacturer's instructions.`,
  };
  for (const h of hits) problems.push({ side: 'ours', row: h.ours.row, severity: 'info', code: id, message: c.detail });
  return c;
}
