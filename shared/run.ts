import { parseComparison, parseEstimate } from './parse/detect';
import { readText } from './parse/rows';
import { reconcile } from './reconcile';
import type { Rows } from './types/cells';
import type { ParsedEstimate } from './types/estimate';
import type { ReconcileOptions, Reconciliation } from './types/reconciliation';

export interface PursueInput {
  ours?: Rows | string;
  theirs?: Rows | string;
  /** A side-by-side comparison (both sides in one table). */
  compare?: Rows | string;
  options?: ReconcileOptions;
}

/** Thrown for input nothing can be made of; its message tells the user what to do. */
export class PursueInputError extends Error {}

function asRows(input: Rows | string): Rows {
  return typeof input === 'string' ? readText(input) : input;
}

export interface ParsedPair {
  ours: ParsedEstimate;
  theirs: ParsedEstimate;
  pairs?: Record<string, string>;
}

/** Both sides parsed, from two pastes or one side-by-side table (ours may itself be one). */
export function parseInput(input: PursueInput): ParsedPair {
  const compareRows = input.compare !== undefined ? asRows(input.compare) : undefined;
  const oursRows = input.ours !== undefined ? asRows(input.ours) : undefined;
  const table = compareRows ? parseComparison(compareRows) : oursRows && input.theirs === undefined ? parseComparison(oursRows) : null;
  if (compareRows && !table) {
    throw new PursueInputError(
      'The comparison has no header row with both our and the insurer\'s columns (e.g. Item, Description, Our Qty, Our Total, Ins Qty, Ins Total). Paste the whole table with its header, or give the two estimates separately.',
    );
  }
  if (table) return { ours: table.ours, theirs: table.theirs!, pairs: table.pairs };
  if (!oursRows || input.theirs === undefined) {
    throw new PursueInputError('Give both estimates: ours and the insurer\'s (or one side-by-side comparison).');
  }
  const ours = parseEstimate(oursRows, 'ours');
  const theirs = parseEstimate(asRows(input.theirs), 'theirs');
  return { ours, theirs };
}

/** Parse → match → gaps → reconcile, for one pair of pastes. */
export function runPursue(input: PursueInput): Reconciliation {
  const { ours, theirs, pairs } = parseInput(input);
  const unusable = [ours, theirs].filter((p) => p.lines.length === 0);
  if (unusable.length > 0) {
    throw new PursueInputError(unusable.map((p) => p.problems[0].message).join(' '));
  }
  return reconcile(ours, theirs, input.options ?? {}, pairs);
}
