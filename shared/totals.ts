import { formatMoney, sumCents } from './money';
import { sideSubject } from './parse/detect';
import type { ParsedEstimate } from './types/estimate';
import type { Cents } from './types/money';
import type { Problem } from './types/problem';
import type { FigureSource, SideTotals, TypedTotals } from './types/reconciliation';

/**
 * The figures one side's total gap is built from: typed by a person, else printed in the recap,
 * else summed from the lines; a figure found nowhere is reported, never silently zero.
 */
export function sideTotals(est: ParsedEstimate, typed: TypedTotals, problems: Problem[]): SideTotals {
  const side = est.side;
  const flag = side === 'ours' ? '--ours' : '--theirs';
  const lineSum = sumCents(est.lines.map((l) => l.amount));
  const whole = est.printedTotals.find((t) => t.area === '');

  const lit: [Cents, FigureSource] = est.recap.lineItemTotal !== null ? [est.recap.lineItemTotal, 'recap'] : [lineSum, 'lines'];

  let tax: [Cents, FigureSource];
  const lineTaxes = est.lines.filter((l) => l.tax !== null);
  if (typed.tax !== undefined) tax = [typed.tax, 'typed'];
  else if (est.recap.materialSalesTax !== null) tax = [est.recap.materialSalesTax, 'recap'];
  else if (lineTaxes.length > 0) tax = [sumCents(lineTaxes.map((l) => l.tax!)), 'lines'];
  else if (whole?.tax != null) tax = [whole.tax, 'recap'];
  else tax = [0, 'missing'];

  let op: [Cents, FigureSource];
  const lineOp = est.lines.filter((l) => l.overheadProfit !== null);
  if (typed.overheadProfit !== undefined) op = [typed.overheadProfit, 'typed'];
  else if (est.recap.overheadProfit !== null) op = [est.recap.overheadProfit, 'recap'];
  else if (whole?.overheadProfit != null) op = [whole.overheadProfit, 'recap'];
  else if (lineOp.length > 0) op = [sumCents(lineOp.map((l) => l.overheadProfit!)), 'lines'];
  else op = [0, 'missing'];

  let rcv: [Cents, FigureSource];
  if (typed.rcv !== undefined) rcv = [typed.rcv, 'typed'];
  else if (est.recap.rcv !== null) rcv = [est.recap.rcv, 'recap'];
  else rcv = [lit[0] + tax[0] + op[0], 'derived'];

  if (tax[1] === 'missing') {
    problems.push({
      side, row: null, severity: 'warning', code: 'tax-missing',
      message: `${sideSubject(side)} shows no material sales tax; $0.00 is used. Type it (${flag}-tax) if it has one.`,
    });
  }
  if (op[1] === 'missing') {
    problems.push({
      side, row: null, severity: 'warning', code: 'op-missing',
      message: `${sideSubject(side)} shows no O&P; $0.00 is used. Type it (${flag}-op) if the recap has overhead and profit.`,
    });
  }
  if (rcv[1] === 'derived') {
    problems.push({
      side, row: null, severity: 'warning', code: 'rcv-missing',
      message: `${sideSubject(side)} shows no RCV; ${formatMoney(rcv[0])} (Line Item Total + tax + O&P) is assumed, so the residual cannot catch a missing line. Type the RCV (${flag}-rcv) from the estimate's recap.`,
    });
  }
  return {
    lineItemTotal: lit[0], lineItemTotalSource: lit[1],
    tax: tax[0], taxSource: tax[1],
    overheadProfit: op[0], overheadProfitSource: op[1],
    rcv: rcv[0], rcvSource: rcv[1],
    priceList: est.priceList,
  };
}
