/**
 * Rows for items a person typed on that are not in this revision (our estimate dropped or
 * renumbered them). Without a row, what was typed would survive one re-run in the state and be
 * gone on the next, since the next run reads the sheet. The row holds the notes until a person
 * deletes it; its gap is zero, so no total moves.
 */
import type { PursueState } from '../types/knowledge';
import type { Reconciliation } from '../types/reconciliation';
import type { ModelRow } from '../types/model';
import { hasTypedData } from '../knowledge/renumber';
import { OP_ITEM, TAX_ITEM } from '../knowledge/state';
import { compareItems } from '../item-order';
import { usDate } from '../workbook/dates';
import { blankRow, typedFields } from './rows';

export function absentRows(rec: Reconciliation, state: PursueState): ModelRow[] {
  const present = new Set(rec.lines.map((l) => l.ours.item));
  return Object.values(state.items)
    .filter((a) => a.item !== OP_ITEM && a.item !== TAX_ITEM && !present.has(a.item) && a.absentSince && hasTypedData(a))
    .sort((x, y) => compareItems(x.item, y.item))
    .map((a) =>
      blankRow('item', {
        items: [a.item],
        label: a.item,
        name: a.description,
        gapKind: 'not in this revision',
        ...typedFields(a),
        absentSince: a.absentSince ?? null,
        remarks: [`Not in our estimate since ${usDate(a.absentSince!)}: kept with everything typed on it. Delete this row when it is no longer needed.`],
      }),
    );
}

/** Puts each absent row among the item rows in item order (rows are in our item order). */
export function placeAbsentRows(rows: ModelRow[], absent: ModelRow[]): ModelRow[] {
  const out = [...rows];
  for (const row of absent) {
    const at = out.findIndex((r) => (r.kind === 'item' || r.kind === 'topic') && compareItems(r.items[0]!, row.label) > 0);
    const end = out.findIndex((r) => r.kind !== 'item' && r.kind !== 'topic');
    out.splice(at >= 0 && (end < 0 || at < end) ? at : end < 0 ? out.length : end, 0, row);
  }
  return out;
}
