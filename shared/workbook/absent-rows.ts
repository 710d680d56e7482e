/**
 * Rows for items a person typed on that are not in this revision (our estimate dropped or
 * renumbered them). Without a row, what was typed would survive one re-run in the state and be
 * gone on the next, since the next run reads the sheet. The row holds the notes until a person
 * deletes it; its gap is zero, so no total moves.
 */
import type { PursueState } from '../types/knowledge';
import { hasTypedData } from '../knowledge/renumber';
import type { Reconciliation } from '../types/reconciliation';
import { compareItems } from '../item-order';
import { classifyDenial } from '../knowledge';
import { usDate } from './dates';
import { OP_ITEM, TAX_ITEM } from './layout';
import type { PursueRow } from './rows';

export function absentRows(rec: Reconciliation, state: PursueState): PursueRow[] {
  const present = new Set(rec.lines.map((l) => l.ours.item));
  return Object.values(state.items)
    .filter((a) => a.item !== OP_ITEM && a.item !== TAX_ITEM && !present.has(a.item) && a.absentSince && hasTypedData(a))
    .sort((x, y) => compareItems(x.item, y.item))
    .map((a) => ({
      kind: 'item',
      items: [a.item],
      label: a.item,
      area: '',
      name: a.description,
      ours: null,
      insurer: null,
      gap: 0,
      gapIsDifference: false,
      gapKind: 'not in this revision',
      denial: a.denialText,
      approve: a.reasonToApprove,
      approveSuggested: false,
      rebuttal: null,
      category: a.denialText.trim() !== '' ? classifyDenial(a.denialText).category : null,
      status: a.status,
      rfAsked: a.rfAsked,
      rfCell: a.rfAsked ? 'Y' : 'N',
      reItem: '',
      override: a.override ?? '',
      closedOn: a.closedOn,
      absentSince: a.absentSince ?? null,
      remarks: [`Not in our estimate since ${usDate(a.absentSince!)}: kept with everything typed on it. Delete this row when it is no longer needed.`],
      topic: null,
      priority: null,
    }));
}

/** Puts each absent row among the item rows in item order (rows are in our item order). */
export function placeAbsentRows(rows: PursueRow[], absent: PursueRow[]): PursueRow[] {
  const out = [...rows];
  for (const row of absent) {
    const at = out.findIndex((r) => (r.kind === 'item' || r.kind === 'topic') && compareItems(r.items[0]!, row.label) > 0);
    const end = out.findIndex((r) => r.kind !== 'item' && r.kind !== 'topic');
    out.splice(at >= 0 && (end < 0 || at < end) ? at : end < 0 ? out.length : end, 0, row);
  }
  return out;
}
