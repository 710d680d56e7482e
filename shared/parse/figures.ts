import { extension, parseMoney } from '../money';
import type { Cents } from '../types/money';
import { normaliseUnit, readNumber } from './numbers';

/**
 * What a money figure on a line item can be. Roles come from arithmetic (qty × price = extension,
 * remove + replace = price, extension + tax + O&P = RCV, RCV − depreciation = ACV), not from the
 * figure's position: estimates print the same columns in different orders and leave some out.
 */
export type Role =
  | 'unitPrice' | 'reset' | 'remove' | 'replace' | 'amount' | 'tax' | 'overheadProfit' | 'rcv'
  | 'depreciation' | 'acv';

export type Roles = Partial<Record<Role, Cents>>;

export interface Reading {
  roles: Role[];
  values: Roles;
  /** Identities that could be checked and held. */
  held: string[];
  /** Identities that could be checked and failed. */
  failed: string[];
  /** qty × price = extension held (to the cent, or one cent of rounding). */
  extensionFits: boolean;
  score: number;
  /** score with the header's tie-break: compares readings of the same line. */
  rank: number;
}

const PRICE_GROUPS: Role[][] = [['unitPrice'], ['remove', 'replace'], ['reset', 'remove', 'replace'], []];
// Xactimate prints TAX before O&P; Symbility/Cotality prints O&P before tax. Arithmetic cannot tell
// them apart (both subtract from RCV), so the header decides and Xactimate's order is the default.
const TAIL_ORDERS: Role[][] = [
  ['amount', 'tax', 'overheadProfit', 'rcv', 'depreciation', 'acv'],
  ['amount', 'overheadProfit', 'tax', 'rcv', 'depreciation', 'acv'],
];

const candidatesByLength = new Map<number, Role[][]>();

/** Every plausible column set with n money figures, most common first (for stable ties). */
function candidates(n: number): Role[][] {
  const cached = candidatesByLength.get(n);
  if (cached) return cached;
  const out: Role[][] = [];
  const seen = new Set<string>();
  for (const price of PRICE_GROUPS) {
    const tailLen = n - price.length;
    if (tailLen < 0) continue;
    for (const order of TAIL_ORDERS) {
      // Subsets of the tail in order, fewest gaps first (bit masks of the six tail roles).
      const masks: number[] = [];
      for (let mask = 0; mask < 64; mask++) if (popcount(mask) === tailLen) masks.push(mask);
      for (const mask of masks) {
        const tail = order.filter((_, k) => mask & (1 << k));
        const roles = [...price, ...tail];
        if (roles.length === 0) continue;
        // Every family prints a unit price with its figures; a lone figure is the line's total.
        if (price.length === 0 && !(roles.length === 1 && (tail[0] === 'rcv' || tail[0] === 'amount'))) continue;
        // REMOVE / REPLACE columns always come with a total.
        if (price.length > 1 && tail.length === 0) continue;
        if (tail.includes('acv') && !tail.includes('rcv') && !tail.includes('amount')) continue;
        const key = roles.join(',');
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(roles);
      }
    }
  }
  candidatesByLength.set(n, out);
  return out;
}

function popcount(m: number): number {
  let c = 0;
  for (let x = m; x; x &= x - 1) c++;
  return c;
}

/** Does `small` appear in `big` in the same order (a header column set with some columns blank)? */
export function isSubsequence(small: Role[], big: Role[]): boolean {
  let j = 0;
  for (const r of big) if (j < small.length && small[j] === r) j++;
  return j === small.length;
}

/** The unit price a reading implies: printed, or REMOVE + REPLACE (+ RESET). */
export function priceOf(v: Roles): Cents | null {
  if (v.unitPrice !== undefined) return v.unitPrice;
  if (v.remove !== undefined || v.replace !== undefined || v.reset !== undefined) {
    return (v.reset ?? 0) + (v.remove ?? 0) + (v.replace ?? 0);
  }
  return null;
}

/** The extension a reading implies: printed, or RCV − tax − O&P. */
export function extensionOf(v: Roles): Cents | null {
  if (v.amount !== undefined) return v.amount;
  if (v.rcv !== undefined) return v.rcv - (v.tax ?? 0) - (v.overheadProfit ?? 0);
  return null;
}

/** Within the estimate's own rounding: one cent either way. */
function near(a: Cents, b: Cents): boolean {
  return Math.abs(a - b) <= 1;
}

/** Checks one reading against the identities its figures allow. */
export function evaluate(qty: number | null, roles: Role[], money: Cents[]): Reading {
  const values: Roles = {};
  roles.forEach((r, k) => {
    values[r] = money[k];
  });
  const held: string[] = [];
  const failed: string[] = [];
  const price = priceOf(values);
  const ext = extensionOf(values);
  let extensionFits = false;
  if (price !== null && ext !== null && qty !== null && !(ext === 0 && (price === 0 || qty === 0))) {
    if (near(extension(qty, price), ext)) {
      held.push('qty × price = extension');
      extensionFits = true;
    } else failed.push('qty × price = extension');
  }
  // 0 + 0 = 0 proves nothing: an identity over zeros neither holds nor fails.
  if (values.amount !== undefined && values.rcv !== undefined && values.rcv !== 0) {
    if (values.amount + (values.tax ?? 0) + (values.overheadProfit ?? 0) === values.rcv) held.push('extension + tax + O&P = RCV');
    else failed.push('extension + tax + O&P = RCV');
  }
  if (values.acv !== undefined) {
    const base = values.rcv ?? values.amount;
    if (base !== undefined && base !== 0) {
      if (base - Math.abs(values.depreciation ?? 0) === values.acv) held.push('RCV − depreciation = ACV');
      else failed.push('RCV − depreciation = ACV');
    }
  }
  // A negative tax or O&P, or an ACV above the RCV, is not how estimates print.
  let implausible = 0;
  if ((values.tax ?? 0) < 0 || (values.overheadProfit ?? 0) < 0) implausible++;
  const score = held.length * 2 - failed.length - implausible * 3;
  return { roles, values, held, failed, extensionFits, score, rank: score * 10 };
}

/**
 * The best reading of a line's money figures. `hint` is the column set the header names (if any):
 * it only breaks ties between readings the arithmetic finds equally good.
 */
export function solveRoles(qty: number | null, money: Cents[], hint: Role[] | null): Reading | null {
  if (money.length === 0) return null;
  let best: Reading | null = null;
  let bestRank = -Infinity;
  for (const roles of candidates(money.length)) {
    const r = evaluate(qty, roles, money);
    // One identity that holds outweighs the header; the header outweighs one that fails (totals
    // that include tax fail qty × price = total on every line, and the header is all there is).
    let rank = r.score * 10;
    if (hint) {
      if (hint.length === roles.length && hint.every((h, k) => h === roles[k])) rank += 15;
      else if (isSubsequence(roles, hint)) rank += 14;
    }
    if (r.held.length === 0 && r.failed.length === 0) rank -= 5;
    if (rank > bestRank) {
      r.rank = rank;
      best = r;
      bestRank = rank;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Finding the figures on a printed line.

/** Words and flags printed among a line's figures that carry no amount. */
const CONDITION_WORDS = /^(avg\.?|average|good|fair|poor|new|above|below|excellent|yrs?\.?|years?|na|n\/a)$/i;
const AGE_LIFE = /^\d+\/(\d+|na)$/i;
const PERCENT = /^[(<-]?\d[\d,]*(\.\d+)?%[)>]?$/;
const MARKER = /^(\[[a-z%]{1,3}\]|\*+|\+|[a-z]?\*)$/i;

export function isSkipToken(t: string): boolean {
  return CONDITION_WORDS.test(t) || AGE_LIFE.test(t) || PERCENT.test(t) || MARKER.test(t);
}

/** A money figure as printed: "1,234.56", "$1.63", "(48.64)", "<0.00>", "-3.00". */
export function moneyToken(t: string): Cents | null {
  if (!/\d/.test(t)) return null;
  return parseMoney(t);
}

/** A quantity as printed: "1,135.94", "2", "(3.00)" (a credit), not "$1.63". */
function qtyToken(t: string): number | null {
  if (t.includes('$')) return null;
  const paren = /^\((.+)\)$/.exec(t);
  const n = readNumber(paren ? paren[1] : t);
  if (!n) return null;
  return paren ? -n.value : n.value;
}

export interface FigureRun {
  /** null when the line prints a unit but no quantity. */
  qty: number | null;
  /** The quantity as printed, e.g. "22.21 (22.33)". */
  qtyText: string;
  unit: string;
  money: Cents[];
  /** The quantity was written 1.234,56. */
  european: boolean;
}

export interface SplitLine {
  before: string;
  run: FigureRun;
}

/** Money printed glued together ("$521.95$17,811.00") is two figures. */
export function tokenize(text: string): string[] {
  const t = text.trim();
  if (t === '') return [];
  return t.replace(/(\d)\$/g, '$1 $').split(/\s+/);
}

/**
 * Parses tokens[s..] as a line's figures: [qty [(qty2)]] unit money… (Xactimate), qty money unit
 * money… (Symbility: the unit after the price), "13.49SQ" money…, or unit money… (no quantity).
 */
function parseRun(tokens: string[], s: number): FigureRun | null {
  let k = s;
  let qty: number | null = null;
  let qtyText = '';
  let unit = '';
  let european = false;
  const glued = /^([-+]?[\d.,]+)([A-Za-z]{2,5})$/.exec(tokens[k]);
  if (glued && normaliseUnit(glued[2]) && readNumber(glued[1])) {
    const n = readNumber(glued[1])!;
    qty = n.value;
    european = n.european;
    unit = normaliseUnit(glued[2])!;
    qtyText = tokens[k];
    k++;
  } else if (normaliseUnit(tokens[k]) && !/^\d/.test(tokens[k])) {
    unit = normaliseUnit(tokens[k])!;
    k++;
  } else {
    const q = qtyToken(tokens[k]);
    if (q === null) return null;
    qty = q;
    european = readNumber(tokens[k].replace(/[()]/g, ''))?.european ?? false;
    qtyText = tokens[k];
    k++;
    // "22.21 (22.33)": the price applies to the second (bundle-rounded) quantity.
    if (k < tokens.length) {
      const alt = /^\(([\d.,]+)\)$/.exec(tokens[k]);
      const second = alt ? readNumber(alt[1]) : null;
      if (second && k + 1 < tokens.length && (normaliseUnit(tokens[k + 1]) || moneyToken(tokens[k + 1]) !== null)) {
        qty = second.value;
        qtyText += ` ${tokens[k]}`;
        k++;
      }
    }
    if (k < tokens.length && normaliseUnit(tokens[k])) {
      unit = normaliseUnit(tokens[k])!;
      k++;
    }
  }
  const money: Cents[] = [];
  for (; k < tokens.length; k++) {
    const t = tokens[k];
    // A figure cut short at the end of a paste ("3.", "$"): the rest of the run still counts, and
    // the missing figures show up as a short run.
    if (k === tokens.length - 1 && money.length > 0 && /^(\$|\d[\d,]*\.|\d{1,3},)$/.test(t)) break;
    if (isSkipToken(t)) continue;
    if (!unit && money.length === 1 && normaliseUnit(t)) {
      unit = normaliseUnit(t)!;
      continue;
    }
    const m = moneyToken(t);
    if (m === null) return null;
    money.push(m);
  }
  if (money.length === 0) return null;
  if (!unit && qty !== null && money.length < 2) return null;
  return { qty, qtyText, unit, money, european };
}

/**
 * Finds a line item's figures at the end of a line. Where several starting points parse (a
 * description that ends in a number), the arithmetic picks the one that adds up.
 */
export function splitFigures(line: string, hint: Role[] | null = null): SplitLine | null {
  const tokens = tokenize(line);
  if (tokens.length === 0) return null;
  // Walk back over tokens that can belong to figures; the run starts somewhere in that stretch.
  let first = tokens.length;
  while (first > 0 && figureish(tokens[first - 1])) first--;
  if (first === tokens.length) return null;
  let best: { split: SplitLine; rank: number } | null = null;
  for (let s = first; s < tokens.length; s++) {
    const run = parseRun(tokens, s);
    if (!run) continue;
    // A unit with the number before it is "qty unit", not a line without a quantity.
    // A line without a quantity prints its unit first, right after the description.
    if (run.qty === null && s !== first) continue;
    const reading = solveRoles(run.qty, run.money, hint);
    let rank = reading ? reading.rank : -999;
    if (run.unit) rank += 5;
    if (!best || rank > best.rank) best = { split: { before: tokens.slice(0, s).join(' '), run }, rank };
  }
  return best ? best.split : null;
}

function figureish(t: string): boolean {
  if (isSkipToken(t)) return true;
  if (/\d/.test(t) && (parseMoney(t) !== null || /^\(?[\d.,]+\)?$/.test(t))) return true;
  if (normaliseUnit(t) && !/^\d/.test(t)) return true;
  return /^[-+]?[\d.,]+[A-Za-z]{2,5}$/.test(t) && normaliseUnit(t.replace(/^[-+]?[\d.,]+/, '')) !== null;
}
