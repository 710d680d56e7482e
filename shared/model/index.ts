/**
 * The one per-item model (issue 12): what Pursue knows about each row of Pursue Items, computed
 * once. The sheet, the Call Brief, the Checks to-dos, the CRM text, --json, the CLI report and the
 * panes all read it.
 */
import type { PursueState } from '../types/knowledge';
import type { Reconciliation } from '../types/reconciliation';
import type { ModelRow, PursueModel } from '../types/model';
import { modelRows } from './rows';
import { suggestReasons } from './suggest';
import { rankRows } from './rank';
import { nextStepOf } from './next-step';

export { readiness, readinessHeadline, type ReadinessOptions } from './readiness';
export { typedApprove } from './suggest';

/**
 * The ranked per-item model: rows in the sheet's order (our items in item order with accepted
 * topics combined and absent items kept, insurer-only lines, O&P, tax), each with its suggestion,
 * priority (null when not ranked) and next step.
 */
export function pursueModel(rec: Reconciliation, state: PursueState): PursueModel {
  const rows = modelRows(rec, state);
  for (const row of rows) {
    suggestReasons(row, state);
    for (const m of row.members) suggestReasons(m, state);
  }
  const ranked = rankRows(rows, state.weights);
  for (const row of rows) {
    row.nextStep = nextStepOf(row);
    for (const m of row.members) m.nextStep = nextStepOf(m);
  }
  return { rows, ranked };
}

/** Each of our lines' row by item number: its own row, or its member row inside a topic. */
export function rowsByItem(model: PursueModel): Map<string, ModelRow> {
  const out = new Map<string, ModelRow>();
  for (const r of model.rows) {
    if (r.kind === 'topic') for (const m of r.members) out.set(m.items[0]!, m);
    else if (r.kind === 'item' || r.kind === 'op' || r.kind === 'tax') out.set(r.items[0]!, r);
  }
  return out;
}
