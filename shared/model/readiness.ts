import type { Cents } from '../types/money';
import type { ReadinessIssue } from '../types/knowledge';
import type { ModelRow, PursueModel } from '../types/model';
import { formatMoney } from '../money';
import { daysBetween } from '../knowledge/status';
import { compareItems } from '../item-order';
import { OP_ITEM } from '../knowledge/state';
import { typedApprove } from './suggest';

export interface ReadinessOptions {
  minGap: Cents;
  days: number;
  /** yyyy-mm-dd. */
  today: string;
}

/** Our lines (a topic's members one by one) and the O&P row: what a call argues item by item. */
function arguedRows(model: PursueModel): ModelRow[] {
  return model.rows.flatMap((r) => (r.kind === 'topic' ? r.members : r.kind === 'item' || r.kind === 'op' ? [r] : []));
}

function itemName(row: ModelRow): string {
  return row.kind === 'op' ? 'The O&P row' : `Item ${row.items[0]} (${row.name})`;
}

/** What one row lacks before a call, with what to do about each. */
function lacking(row: ModelRow, opts: ReadinessOptions): { missing: ReadinessIssue['missing']; todo: string[] } {
  const missing: ReadinessIssue['missing'] = [];
  const todo: string[] = [];
  if (row.denial.trim() === '') {
    missing.push('denial reason');
    todo.push('ask the adjuster for the reason for denial in writing');
  }
  if (typedApprove(row).trim() === '') {
    missing.push('reason to approve');
    todo.push('write the reason to approve (the Rebuttals sheet has a suggestion)');
  }
  const recent = row.status.some((e) => {
    const d = daysBetween(e.date, opts.today);
    return Number.isFinite(d) && d <= opts.days;
  });
  if (!recent) {
    missing.push('recent status');
    todo.push(`no status note in the last ${opts.days} day${opts.days === 1 ? '' : 's'}: call or email and log what was said`);
  }
  return { missing, todo };
}

/**
 * What to fix before a call: every open item with a gap of at least minGap that has no reason for
 * denial, no reason to approve typed, or no status entry in the last `days` days. Largest gap first.
 */
export function readiness(model: PursueModel, opts: ReadinessOptions): ReadinessIssue[] {
  const issues: ReadinessIssue[] = [];
  for (const row of arguedRows(model)) {
    if (row.gap <= 0 || row.gap < opts.minGap || row.absentSince !== null) continue;
    const { missing, todo } = lacking(row, opts);
    if (missing.length === 0) continue;
    const item = row.kind === 'op' ? OP_ITEM : row.items[0]!;
    issues.push({ item, gap: row.gap, missing, message: `${itemName(row)}, gap ${formatMoney(row.gap)}: ${todo.join('; ')}.` });
  }
  return issues.sort((x, y) => (x.gap !== y.gap ? y.gap - x.gap : compareItems(x.item, y.item)));
}

/** The one line every pane shows above the list: how many items to prepare, or that all are ready. */
export function readinessHeadline(issues: ReadinessIssue[], opts: Pick<ReadinessOptions, 'minGap' | 'days'>): string {
  if (issues.length > 0) return `${issues.length.toLocaleString('en-US')} item${issues.length === 1 ? '' : 's'} to prepare before the call.`;
  return `Ready: every item with a gap from ${formatMoney(opts.minGap)} has a reason for denial, a reason to approve and a note from the last ${opts.days} day${opts.days === 1 ? '' : 's'}.`;
}
