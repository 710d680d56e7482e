// Decisions every host used to make on its own (typed totals, tolerance, readiness defaults,
// today's date). They live here so the task pane, the sidebar and the CLI cannot disagree.
import { DEFAULT_TOLERANCE } from './reconcile';
import { dollarsToCents } from './money';
import type { Cents } from './types/money';
import type { Side } from './types/estimate';
import type { ReconcileOptions, TypedTotals } from './types/reconciliation';

/** Who shows a message: the CLI names its flags, a pane names its fields. */
export type Host = 'cli' | 'excel' | 'sheets';

export type TotalFigure = keyof TypedTotals;

/** What a person may type for one side's totals, as text (blank = not typed). */
export type TotalsText = Partial<Record<Side, Partial<Record<TotalFigure, string>>>>;

/** A field the user must correct, and what to type. */
export interface FieldError {
  field: string;
  message: string;
}

const PANE_LABELS: Record<Side, Record<TotalFigure, string>> = {
  ours: { rcv: 'Our RCV', tax: 'Our tax', overheadProfit: 'Our O&P' },
  theirs: { rcv: 'Approved RCV', tax: 'Insurer tax', overheadProfit: 'Insurer O&P' },
};
const FLAG_FIGURE: Record<TotalFigure, string> = { rcv: 'rcv', tax: 'tax', overheadProfit: 'op' };

/** How a host names the field for one typed total: "--ours-rcv" on the CLI, "Our RCV" in a pane. */
export function totalFieldName(host: Host, side: Side, figure: TotalFigure): string {
  return host === 'cli' ? `--${side}-${FLAG_FIGURE[figure]}` : PANE_LABELS[side][figure];
}

/** The tolerance field's name in each host. */
export function toleranceFieldName(host: Host): string {
  return host === 'cli' ? '--tolerance' : 'Tolerance';
}

/** Typed totals (dollars as text) → cents, with one error per field that is not an amount. */
export function parseTypedTotals(text: TotalsText, host: Host): { ours: TypedTotals; theirs: TypedTotals; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const side = (s: Side): TypedTotals => {
    const out: TypedTotals = {};
    for (const figure of ['rcv', 'tax', 'overheadProfit'] as const) {
      const raw = text[s]?.[figure];
      if (raw === undefined || raw.trim() === '') continue;
      const cents = dollarsToCents(raw);
      const field = totalFieldName(host, s, figure);
      if (cents === null) errors.push({ field, message: `${field}: "${raw}" is not an amount. Type dollars like 24,773.52, or leave it blank.` });
      else if (cents < 0) errors.push({ field, message: `${field}: a total cannot be negative ("${raw}"). Type it as printed on the estimate.` });
      else out[figure] = cents;
    }
    return out;
  };
  return { ours: side('ours'), theirs: side('theirs'), errors };
}

/** The residual tolerance rule: blank = $1.00; otherwise dollars, zero or more. */
export function parseTolerance(raw: string | undefined, host: Host): { tolerance: Cents } | { error: FieldError } {
  const field = toleranceFieldName(host);
  if (raw === undefined || raw.trim() === '') return { tolerance: DEFAULT_TOLERANCE };
  const cents = dollarsToCents(raw);
  if (cents === null) return { error: { field, message: `${field}: "${raw}" is not an amount. Type dollars like 1.00.` } };
  if (cents < 0) return { error: { field, message: `${field}: "${raw}" is negative. Type how far apart the totals may be, in dollars, like 1.00.` } };
  return { tolerance: cents };
}

/** Typed totals and tolerance together, as the engine's options, or the fields to correct. */
export function reconcileOptionsFromText(
  totals: TotalsText,
  tolerance: string | undefined,
  host: Host,
): { options: ReconcileOptions; errors: FieldError[] } {
  const t = parseTypedTotals(totals, host);
  const tol = parseTolerance(tolerance, host);
  const errors = [...t.errors, ...('error' in tol ? [tol.error] : [])];
  const options: ReconcileOptions = { ours: t.ours, theirs: t.theirs };
  if ('tolerance' in tol) options.tolerance = tol.tolerance;
  return { options, errors };
}

/** One set of readiness defaults for every host and the Checks sheet: gaps from $100, notes within 7 days. */
export const READINESS_DEFAULTS: Readonly<{ minGap: Cents; days: number }> = Object.freeze({ minGap: 10000, days: 7 });

/** The readiness fields as typed (blank = the default), or the field to correct. */
export function parseReadinessOptions(
  minGapText: string | undefined,
  daysText: string | number | undefined,
): { minGap: Cents; days: number } | { error: FieldError } {
  let minGap = READINESS_DEFAULTS.minGap;
  if (minGapText !== undefined && minGapText.trim() !== '') {
    const c = dollarsToCents(minGapText);
    if (c === null || c < 0) return { error: { field: 'Gaps from', message: `Gaps from: "${minGapText}" is not an amount. Type dollars, e.g. 100.` } };
    minGap = c;
  }
  let days = READINESS_DEFAULTS.days;
  if (daysText !== undefined && String(daysText).trim() !== '') {
    const d = Number(daysText);
    if (!Number.isInteger(d) || d < 0) return { error: { field: 'Note within', message: `Note within: "${daysText}" is not a number of days. Type a whole number, e.g. 7.` } };
    days = d;
  }
  return { minGap, days };
}

/** A real calendar date as yyyy-mm-dd (rejects 2025-13-45 and 2025-02-30). */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The local calendar date of `now` as yyyy-mm-dd (the date a person writes on a note). */
export function localToday(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** Local date and time as yyyy-mm-ddThh:mm:ss, for Status Log timestamps. */
export function localNow(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${localToday(now)}T${p(now.getHours())}:${p(now.getMinutes())}:${p(now.getSeconds())}`;
}
