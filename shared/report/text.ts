import { formatMoney } from '../money';
import type { Reconciliation } from '../types/reconciliation';
import { STATUS_LABEL, statusMessage } from './status';

function pad(s: string, n: number): string {
  return s.length >= n ? s.slice(0, n) : s + ' '.repeat(n - s.length);
}
function lpad(s: string, n: number): string {
  return s.length >= n ? s : ' '.repeat(n - s.length) + s;
}

/** A readable reconciliation for a terminal: items, insurer-only lines, tax, O&P, totals, problems. */
export function formatTextReport(rec: Reconciliation): string {
  const out: string[] = [];
  const money = (c: number) => lpad(formatMoney(c), 12);
  out.push(`${pad('Item', 6)}${pad('Item Name', 44)}${lpad('Ours $', 12)}${lpad('Insurer $', 12)}${lpad('Gap $', 12)}  Gap kind`);
  out.push('-'.repeat(100));
  for (const l of rec.lines) {
    const ins = l.match ? formatMoney(l.match.insurer.amount) : '—';
    const alt = l.match?.alternative ? `; or RE ${l.match.alternative.item}?` : '';
    const flag = l.match?.weak ? ` (check match: ins. line ${l.match.insurer.item}${alt})` : l.match && l.match.insurer.item !== l.ours.item ? ` (ins. line ${l.match.insurer.item})` : '';
    out.push(`${pad(l.ours.item, 6)}${pad(l.ours.description, 44)}${money(l.ours.amount)}${lpad(ins, 12)}${money(l.gap)}  ${l.kind}${flag}`);
    if (l.kind === 'quantity+price') {
      out.push(`${' '.repeat(50)}quantity part ${formatMoney(l.quantityPart!)}, price part ${formatMoney(l.pricePart!)}`);
    }
  }
  if (rec.insurerOnly.length > 0) {
    out.push('');
    out.push('Insurer-only lines (in the RE, not in ours):');
    for (const l of rec.insurerOnly) {
      out.push(`${pad(`RE ${l.insurer.item}`, 6)}${pad(l.insurer.description, 44)}${lpad('', 12)}${money(l.insurer.amount)}${money(l.gap)}`);
    }
  }
  out.push('');
  out.push(`${pad('Σ line gaps', 50)}${money(rec.sumOfLineGaps)}`);
  out.push(`${pad('Σ insurer-only gaps', 50)}${money(rec.sumOfInsurerOnlyGaps)}`);
  out.push(`${pad(`Tax gap (${formatMoney(rec.ours.tax)} − ${formatMoney(rec.theirs.tax)})`, 50)}${money(rec.taxGap)}`);
  out.push(`${pad(`O&P gap (${formatMoney(rec.ours.overheadProfit)} − ${formatMoney(rec.theirs.overheadProfit)})`, 50)}${money(rec.overheadProfitGap)}`);
  out.push(`${pad('Sum of gaps', 50)}${money(rec.sumOfParts)}`);
  out.push(`${pad(`Total gap (RCV ${formatMoney(rec.ours.rcv)} − approved ${formatMoney(rec.theirs.rcv)})`, 50)}${money(rec.totalGap)}`);
  out.push(`${pad('Residual', 50)}${money(rec.residual)}  ${STATUS_LABEL[rec.status].toUpperCase()} (tolerance ${formatMoney(rec.tolerance)})`);
  out.push(statusMessage(rec, 'cli'));
  const shown = rec.problems.filter((p) => p.severity !== 'info');
  const info = rec.problems.filter((p) => p.severity === 'info');
  out.push('');
  if (shown.length === 0) out.push('Problems: none.');
  else {
    out.push(`Problems (${shown.length}):`);
    for (const p of shown) {
      out.push(`  [${p.severity}] ${p.side}${p.row !== null ? `, row ${p.row}` : ''}: ${p.message}`);
    }
  }
  if (info.length > 0) {
    out.push(`Notes (${info.length}):`);
    for (const p of info) out.push(`  ${p.side}${p.row !== null ? `, row ${p.row}` : ''}: ${p.message}`);
  }
  return out.join('\n') + '\n';
}
