import type { PursueModel } from '../types/model';
import { formatMoney } from '../money';
import { formatStatusCell } from '../knowledge';
import { typedApprove } from '../model';

export const CRM_COLUMNS = ['Item Number', 'Item Name', 'Gap $', 'Reason for Insurance denial', 'Reason to approve', 'Status/notes'] as const;

/** One CRM field: no tab or line break may split the table, so both become visible separators. */
function safe(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' | ')
    .replace(/\t/g, ' ')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/**
 * The Pursue Items table as tab-separated text in the CRM's "Top Items to Pursue" field order:
 * a header line, then every open item, topic, O&P and tax row with a gap, in our item-number order.
 * Only what a person typed goes in (suggestions stay in the workbook).
 */
export function crmText(model: PursueModel): string {
  const lines: string[] = [CRM_COLUMNS.join('\t')];
  for (const r of model.rows) {
    if (r.kind === 'insurer-only' || r.gap === 0 || r.closedOn !== null) continue;
    lines.push([r.label, r.name, formatMoney(r.gap), r.denial, typedApprove(r), formatStatusCell(r.status)].map(safe).join('\t'));
  }
  return lines.join('\n') + '\n';
}
