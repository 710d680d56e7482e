import type { Problem } from '../types/problem';
import { formatMoney } from '../money';
import type { Reconciliation } from '../types/reconciliation';
import type { PursueModel } from '../types/model';
import { STATUS_LABEL, statusMessage } from './status';
import { rowsByItem } from '../model';

function pad(s: string, n: number): string {
  return s.length >= n ? s.slice(0, n) : s + ' '.repeat(n - s.length);
}
function lpad(s: string, n: number): string {
  return s.length >= n ? s : ' '.repeat(n - s.length) + s;
}

/** Text in lines of at most `width` characters, broken between words (a word longer than a line is split). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    let w = word;
    while (w.length > width) {
      if (cur !== '') {
        lines.push(cur);
        cur = '';
      }
      lines.push(w.slice(0, width));
      w = w.slice(width);
    }
    if (cur === '') cur = w;
    else if (cur.length + 1 + w.length <= width) cur += ` ${w}`;
    else {
      lines.push(cur);
      cur = w;
    }
  }
  if (cur !== '' || lines.length === 0) lines.push(cur);
  return lines;
}

/** Item number → rank, from the model: the priority the workbook and --json give each line. */
function ranksOf(model: PursueModel): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const [item, row] of rowsByItem(model)) if (row.priority) ranks.set(item, row.priority.rank);
  return ranks;
}

/**
 * A readable reconciliation for a terminal: items (with their priority when the model is given,
 * 1 = pursue first, blank when not ranked), insurer-only lines, tax, O&P, totals, problems. Names
 * wrap between words.
 */
export function formatTextReport(rec: Reconciliation, model?: PursueModel): string {
  const ranks = model ? ranksOf(model) : undefined;
  const out: string[] = [];
  const money = (c: number) => lpad(formatMoney(c), 12);
  const NAME = 42;
  const pri = (item: string): string => {
    const r = ranks?.get(item);
    return pad(r === undefined ? '' : String(r), 5);
  };
  /** One table row: the first line with the figures, the rest of the name below it. */
  const row = (head: string, name: string, tail: string): void => {
    const lines = wrapWords(name, NAME);
    out.push(`${head}${pad(lines[0]!, NAME + 2)}${tail}`);
    for (const more of lines.slice(1)) out.push(`${' '.repeat(head.length)}${more}`);
  };
  out.push(`${ranks ? pad('Pri.', 5) : ''}${pad('Item', 7)}${pad('Item Name', NAME + 2)}${lpad('Ours $', 12)}${lpad('Insurer $', 12)}${lpad('Gap $', 12)}  Gap kind`);
  out.push('-'.repeat(ranks ? 106 : 101));
  for (const l of rec.lines) {
    const ins = l.match ? formatMoney(l.match.insurer.amount) : '—';
    const alt = l.match?.alternative ? `; or RE ${l.match.alternative.item}?` : '';
    const flag = l.match?.weak ? ` (check match: ins. line ${l.match.insurer.item}${alt})` : l.match && l.match.insurer.item !== l.ours.item ? ` (ins. line ${l.match.insurer.item})` : '';
    row(`${ranks ? pri(l.ours.item) : ''}${pad(l.ours.item, 6)} `, l.ours.description, `${money(l.ours.amount)}${lpad(ins, 12)}${money(l.gap)}  ${l.kind}${flag}`);
    if (l.kind === 'quantity+price') {
      out.push(`${' '.repeat(50)}quantity part ${formatMoney(l.quantityPart!)}, price part ${formatMoney(l.pricePart!)}`);
    }
  }
  if (rec.insurerOnly.length > 0) {
    out.push('');
    out.push('Insurer-only lines (in the RE, not in ours):');
    for (const l of rec.insurerOnly) {
      row(`${ranks ? pad('', 5) : ''}${pad(`RE ${l.insurer.item}`, 6)} `, l.insurer.description, `${lpad('', 12)}${money(l.insurer.amount)}${money(l.gap)}`);
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
      out.push(`  [${p.severity}] ${p.side}${where(p)}: ${p.message}`);
    }
  }
  if (info.length > 0) {
    out.push(`Notes (${info.length}):`);
    for (const p of info) out.push(`  ${p.side}${where(p)}: ${p.message}`);
  }
  return out.join('\n') + '\n';
}

/** ", row 14" after the side; a row read from a PDF, whose row number is never shown, by its page and line. */
function where(p: Problem): string {
  if (p.place) return `, ${p.place}`;
  return p.row !== null ? `, row ${p.row}` : '';
}
