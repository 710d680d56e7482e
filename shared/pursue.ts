import type { Cell } from './types/cells';
import type { PursueState } from './types/knowledge';
import type { Reconciliation } from './types/reconciliation';
import type { WorkbookDescription } from './types/workbook';
import type { PursueModel } from './types/model';
import { prepareInput, PursueInputError, reconcilePrepared, type ParsedPair, type PastesInput } from './run';
import { followRenumbering } from './knowledge/renumber';
import { emptyState, mergeState } from './knowledge';
import { buildWorkbook } from './workbook/build';
import { crmText } from './workbook/crm';
import { pursueModel } from './model';
import { findSheet, isPursueWorkbook, readBackWorkbook } from './workbook/readback';
import { SHEETS } from './workbook/layout';
import { namePdfsInMessage, placeReconciliation, type PdfOrigins } from './pdf/estimate';
import { readText } from './parse/rows';

/** What a host hands the engine: the pastes, options, and the workbook as it is now. */
export interface PursueInput extends PastesInput {
  /** Values of the existing workbook's sheets (row 1 = A1), by sheet name; null on a first run. */
  existing?: Record<string, Cell[][]> | null;
  /** yyyy-mm-dd. */
  today: string;
  /** Who runs it (typed on the command line, or the Office / Google identity): Author of new Status Log entries. */
  author?: string;
  /** Sides read from a PDF: where their rows are on paper, so problems name the page and line. */
  pdf?: PdfOrigins;
}

export interface PursueResult {
  rec: Reconciliation;
  state: PursueState;
  workbook: WorkbookDescription;
  /** What Pursue knows per item, ranked: what the sheet, the CRM text, --json and the panes show. */
  model: PursueModel;
  warnings: Array<{ item: string; message: string }>;
  crm: string;
}

/**
 * The one job every host runs: reconcile the pastes, carry over everything a person typed in the
 * existing workbook (match overrides go back into the reconciliation), and describe the new
 * workbook, its per-item model and its CRM text.
 */
export function buildPursue(input: PursueInput): PursueResult {
  const warnings: PursueResult['warnings'] = [];
  const existing = input.existing ?? null;
  let read = null;
  if (existing && isPursueWorkbook(existing)) read = readBackWorkbook(existing, { today: input.today, author: input.author });
  else if (existing && findSheet(existing, SHEETS.pursue)) {
    warnings.push({
      item: '',
      message: `The sheet "${SHEETS.pursue}" was not written by Pursue (no Item No(s). and Key columns): nothing was read from it. Rename it to keep it.`,
    });
  }
  let prepared: ParsedPair;
  try {
    prepared = prepareInput({ ours: input.ours, theirs: input.theirs, compare: input.compare });
  } catch (e) {
    // A side read from a PDF with no line items: the refusal names the file.
    throw input.pdf && e instanceof PursueInputError ? new PursueInputError(namePdfsInMessage(e.message, input.pdf)) : e;
  }
  // What was typed follows its item when our estimate was renumbered, before overrides apply.
  const followed = read ? followRenumbering(read.state, read.overrides, read.statusOrder, prepared.ours.lines) : null;
  // Overrides typed in the workbook apply unless the caller passes its own for the same item.
  const overrides = { ...(followed?.overrides ?? {}), ...(input.options?.overrides ?? {}) };
  const rec = reconcilePrepared(prepared, { ...(input.options ?? {}), overrides });
  if (input.pdf) {
    const rows = (x: PursueInput['ours']) => (typeof x === 'string' ? readText(x) : x);
    placeReconciliation(rec, input.pdf, { ours: rows(input.ours), theirs: rows(input.theirs), compare: rows(input.compare) });
  }
  const previous = followed?.state ?? emptyState();
  const merged = mergeState(previous, rec, input.today);
  // Overrides are written back as the engine recorded them (number · description · area), so the
  // next revision finds the line again even if renumbered; a dropped one is cleared, and the
  // item's remarks say why.
  for (const [item, text] of Object.entries(rec.overrides)) {
    const a = merged.state.items[item];
    if (a) a.override = text === '' ? null : text;
  }
  warnings.push(...(read?.warnings ?? []), ...(followed?.warnings ?? []), ...merged.warnings);
  const model = pursueModel(rec, merged.state);
  const workbook = buildWorkbook(rec, merged.state, { today: input.today, statusOrder: followed?.statusOrder ?? [], warnings, model });
  return { rec, state: merged.state, workbook, model, warnings, crm: crmText(model) };
}
