import { parseComparison, parseEstimate } from './parse/detect';
import { readText } from './parse/rows';
import { reconcile } from './reconcile';
import type { Rows } from './types/cells';
import type { ParsedEstimate } from './types/estimate';
import type { ReconcileOptions, Reconciliation } from './types/reconciliation';

/** The pastes of one run: our estimate and the insurer's, or one side-by-side comparison. */
export interface PastesInput {
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
export function parseInput(input: PastesInput): ParsedPair {
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

/**
 * Gives every repeat of an item number on our side its own identity, "5 (2)" for the second line
 * numbered 5, so notes, reasons and overrides typed on one never land on the other. The parse has
 * already flagged the repeat; the sheet shows both lines with their areas to tell them apart.
 */
export function uniqueItemNumbers(est: ParsedEstimate, pairs?: Record<string, string>): ParsedEstimate {
  const taken = new Set(est.lines.map((l) => l.item));
  const count = new Map<string, number>();
  let changed = false;
  const lines = est.lines.map((l) => {
    const n = (count.get(l.item) ?? 0) + 1;
    count.set(l.item, n);
    if (n === 1) return l;
    let k = n;
    while (taken.has(`${l.item} (${k})`)) k++;
    const item = `${l.item} (${k})`;
    taken.add(item);
    changed = true;
    return { ...l, item };
  });
  if (!changed) return est;
  // A comparison table paired lines by our item number; the repeats lose that pairing, not their place.
  if (pairs) for (const l of lines) if (/ \(\d+\)$/.test(l.item)) delete pairs[l.item];
  return { ...est, lines };
}

/**
 * Both sides parsed, with our repeated item numbers made unique: what is reconciled. A paste with
 * no line items stops here with the reader's own message.
 */
export function prepareInput(input: PastesInput): ParsedPair {
  const parsed = parseInput(input);
  const { theirs, pairs } = parsed;
  const ours = uniqueItemNumbers(parsed.ours, pairs);
  const unusable = [ours, theirs].filter((p) => p.lines.length === 0);
  if (unusable.length > 0) {
    throw new PursueInputError(unusable.map((p) => p.problems[0].message).join(' '));
  }
  return { ours, theirs, pairs };
}

/** Match → gaps → reconcile, for pastes already prepared. */
export function reconcilePrepared(p: ParsedPair, options: PastesInput['options'] = {}): Reconciliation {
  return reconcile(p.ours, p.theirs, options ?? {}, p.pairs);
}

/** Parse → match → gaps → reconcile, for one pair of pastes. */
export function runPursue(input: PastesInput): Reconciliation {
  return reconcilePrepared(prepareInput(input), input.options);
}
