// Hand-built reconciliations for testing the workbook without the engine, and the real samples.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { EstimateLine } from '../../shared/types/estimate';
import type { LineGap, Reconciliation, ReconcileOptions, SideTotals } from '../../shared/types/reconciliation';
import type { SheetDescription } from '../../shared/types/workbook';
import { dollarsToCents } from '../../shared/money';

export function line(item: string, description: string, amount: number, extra: Partial<EstimateLine> = {}): EstimateLine {
  return {
    item, area: 'Roof', description, qty: 1, unit: 'EA', unitPrice: amount, amount,
    tax: null, overheadProfit: null, rcv: null, depreciation: null, acv: null, note: null, row: Number(item) || 1, ...extra,
  };
}

export function gapLine(ours: EstimateLine, theirs: EstimateLine | null, kind: LineGap['kind'] = theirs ? 'price' : 'denied'): LineGap {
  return {
    ours,
    match: theirs ? { insurer: theirs, method: 'same-area', confidence: 1, weak: false, notes: [] } : null,
    gap: ours.amount - (theirs?.amount ?? 0),
    kind,
    quantityPart: theirs ? 0 : null,
    pricePart: theirs ? ours.amount - theirs.amount : null,
  };
}

function totals(lineItemTotal: number, tax: number, op: number): SideTotals {
  return {
    lineItemTotal, lineItemTotalSource: 'recap', tax, taxSource: 'recap', overheadProfit: op, overheadProfitSource: 'recap',
    rcv: lineItemTotal + tax + op, rcvSource: 'recap', priceList: null,
  };
}

/**
 * Four of our lines (one denied, one cut in price, one equal, one with a formula-looking name) and
 * one insurer-only line; totals that reconcile exactly.
 */
export function sampleRec(overrides: { residualExtra?: number } = {}): Reconciliation {
  const l1 = gapLine(line('1', 'Remove Laminated - comp. shingle rfg.', 189854), line('1', 'Remove Laminated - comp. shingle rfg.', 189854), 'equal');
  const l2 = gapLine(line('2', 'Drip edge', 81158), null);
  const l3 = gapLine(line('3', 'Laminated - comp. shingle rfg.', 853429), line('3', 'Laminated - comp. shingle rfg.', 821410, { note: 'Priced per carrier pricing.' }));
  const l10 = gapLine(line('10', '=HYPERLINK("http://x","click") +1 starter', 51884), null);
  const l4 = gapLine(line('4', 'Ice & water barrier', 173808), line('4', 'Ice & water barrier', 60000), 'quantity');
  const only = { insurer: line('9', 'Bid item - gutter guard', 12000), gap: -12000 };
  const lines = [l1, l2, l3, l4, l10];
  const sumLines = lines.reduce((s, l) => s + l.gap, 0);
  const ours = totals(189854 + 81158 + 853429 + 173808 + 51884, 58427, 403154);
  const theirs = totals(189854 + 821410 + 60000 + 12000, 46532, 333284);
  const taxGap = ours.tax - theirs.tax;
  const opGap = ours.overheadProfit - theirs.overheadProfit;
  const extra = overrides.residualExtra ?? 0;
  theirs.rcv -= extra;
  const totalGap = ours.rcv - theirs.rcv;
  const sumOfParts = sumLines - 12000 + taxGap + opGap;
  const residual = totalGap - sumOfParts;
  return {
    lines, insurerOnly: [only], ours, theirs, taxGap, overheadProfitGap: opGap, totalGap,
    sumOfLineGaps: sumLines, sumOfInsurerOnlyGaps: -12000, sumOfParts, residual, tolerance: 100,
    reconciled: Math.abs(residual) <= 100,
    status: Math.abs(residual) <= 100 ? 'reconciled' : 'not reconciled',
    overrides: {},
    checks: [{ id: 'residual', label: 'Residual', status: Math.abs(residual) <= 100 ? 'pass' : 'fail', detail: 'detail' }],
    problems: [{ side: 'ours', row: 7, severity: 'warning', code: 'row-not-understood', message: 'Row 7 was not understood.' }],
  };
}

const FIXTURES = path.join(__dirname, '..', 'fixtures');

export interface SamplePair {
  name: string;
  ours?: string;
  theirs?: string;
  compare?: string;
  options: ReconcileOptions;
}

/** Every sample pair in tests/fixtures, with the totals a person types for case1 (its pastes have no recap). */
export function samplePairs(): SamplePair[] {
  const read = (c: string, f: string): string => readFileSync(path.join(FIXTURES, c, f), 'utf8');
  const summary = JSON.parse(read('case1', 'summary.json')) as {
    ours: { rcv: number; material_sales_tax: number; o_and_p: number };
    theirs: { rcv: number; o_and_p: number };
  };
  const c = (n: number): number => dollarsToCents(n)!;
  return [
    {
      name: 'case1',
      ours: read('case1', 'ours.txt'),
      theirs: read('case1', 'theirs.txt'),
      options: {
        ours: { rcv: c(summary.ours.rcv), tax: c(summary.ours.material_sales_tax), overheadProfit: c(summary.ours.o_and_p) },
        theirs: { rcv: c(summary.theirs.rcv), overheadProfit: c(summary.theirs.o_and_p) },
      },
    },
    { name: 'case2', ours: read('case2', 'ours.txt'), theirs: read('case2', 'theirs.txt'), options: {} },
    { name: 'sbs1', compare: read('sbs1', 'compare.txt'), options: {} },
  ];
}

/** What a host reads back from a written sheet: literal values, formulas as their (unknown) result. */
export function hostValues(s: SheetDescription): (string | number | boolean | null)[][] {
  return s.values.map((row) => row.map((v) => v));
}

/**
 * A tiny evaluator for the formulas the description uses (=Dn-En, =SUM(Fa:Fb), =Fa-Fb, the
 * reconciled IF), so tests check the arithmetic without any spreadsheet program.
 */
export function evaluate(s: SheetDescription): (string | number | boolean | null)[][] {
  const out = s.values.map((row) => [...row]);
  const ref = (a: string): { r: number; c: number } => {
    const m = /^\$?([A-Z])\$?(\d+)$/.exec(a)!;
    return { r: Number(m[2]) - 1, c: m[1]!.charCodeAt(0) - 65 };
  };
  const num = (a: string): number => {
    const { r, c } = ref(a);
    const v = get(r, c);
    return typeof v === 'number' ? v : 0;
  };
  const get = (r: number, c: number): string | number | boolean | null => {
    const f = s.formulas[r]?.[c];
    if (!f) return out[r]?.[c] ?? null;
    let m: RegExpExecArray | null;
    if ((m = /^=([A-Z]\d+)-([A-Z]\d+)$/.exec(f))) return Math.round((num(m[1]!) - num(m[2]!)) * 100) / 100;
    if ((m = /^=SUM\(([A-Z])(\d+):([A-Z])(\d+)\)$/.exec(f))) {
      let t = 0;
      for (let r2 = Number(m[2]) - 1; r2 <= Number(m[4]) - 1; r2++) t += num(`${m[1]}${r2 + 1}`);
      return Math.round(t * 100) / 100;
    }
    if ((m = /^=IF\(ABS\(([A-Z]\d+)\)<=([0-9.]+),"([^"]+)","([^"]+)"\)$/.exec(f))) return Math.abs(num(m[1]!)) <= Number(m[2]) ? m[3]! : m[4]!;
    // The residual's explanation: only which branch it takes (its text is checked in LibreOffice, residual-explanation.test).
    // Its within-tolerance branch, when it is plain text (an unverified total), is returned as written.
    if ((m = /^=IF\(ABS\(([A-Z]\d+)\)>([0-9.]+),/.exec(f))) {
      if (Math.abs(num(m[1]!)) > Number(m[2])) return '✗ Not reconciled';
      const literal = /,((?:"(?:[^"]|"")*"&?)+)\)$/.exec(f);
      return literal ? [...literal[1]!.matchAll(/"((?:[^"]|"")*)"/g)].map((x) => x[1]!.replace(/""/g, '"')).join('') : 'within tolerance';
    }
    throw new Error(`formula the test evaluator does not know: ${f}`);
  };
  return out.map((row, r) => row.map((_, c) => get(r, c)));
}

export const cents = (dollars: number | string | boolean | null): number => Math.round(Number(dollars) * 100);
