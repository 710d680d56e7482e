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

/** Checks one reading against the identities its figures allow (the full account, for reports). */
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
    if (near(fastExtension(qty, price), ext)) {
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
  // A negative tax or O&P is not how estimates print.
  const implausible = (values.tax ?? 0) < 0 || (values.overheadProfit ?? 0) < 0 ? 1 : 0;
  const score = held.length * 2 - failed.length - implausible * 3;
  return { roles, values, held, failed, extensionFits, score, rank: score * 10 };
}

/** qty × price rounded half away from zero, in plain numbers while they are exact (money.extension otherwise). */
function fastExtension(qty: number, price: Cents): Cents {
  const q = Math.round(qty * 10000);
  const p = Math.abs(q * price);
  if (p > 2 ** 50) return extension(qty, price);
  const r = Math.floor((p * 2 + 10000) / 20000);
  return q * price < 0 ? -r : r;
}

const ROLE_INDEX: Record<Role, number> = {
  unitPrice: 0, reset: 1, remove: 2, replace: 3, amount: 4, tax: 5, overheadProfit: 6, rcv: 7, depreciation: 8, acv: 9,
};

/** A candidate column set with each role's position (−1 when absent), for allocation-free scoring. */
interface Compiled {
  roles: Role[];
  at: Int8Array;
  key: string;
  /** Its place in compiled(n). */
  k: number;
  /** How many identities it can check at most. */
  maxIds: number;
}

const compiledByLength = new Map<number, Compiled[]>();

function compiled(n: number): Compiled[] {
  let c = compiledByLength.get(n);
  if (!c) {
    c = candidates(n).map((roles, k) => {
      const at = new Int8Array(10).fill(-1);
      roles.forEach((r, pos) => {
        at[ROLE_INDEX[r]] = pos;
      });
      return { roles, at, key: roles.join(','), k, maxIds: maxIdentities(roles) };
    });
    compiledByLength.set(n, c);
  }
  return c;
}

/** evaluate()'s score and whether any identity was checked, packed as (score + 100) × 2 + checked. Hot path. */
function quickScore(qty: number | null, at: Int8Array, money: Cents[]): number {
  const unitPrice = at[0] < 0 ? undefined : money[at[0]];
  const reset = at[1] < 0 ? undefined : money[at[1]];
  const remove = at[2] < 0 ? undefined : money[at[2]];
  const replace = at[3] < 0 ? undefined : money[at[3]];
  const amount = at[4] < 0 ? undefined : money[at[4]];
  const tax = at[5] < 0 ? undefined : money[at[5]];
  const op = at[6] < 0 ? undefined : money[at[6]];
  const rcv = at[7] < 0 ? undefined : money[at[7]];
  const dep = at[8] < 0 ? undefined : money[at[8]];
  const acv = at[9] < 0 ? undefined : money[at[9]];
  let held = 0;
  let failed = 0;
  const price = unitPrice !== undefined ? unitPrice : reset !== undefined || remove !== undefined || replace !== undefined ? (reset ?? 0) + (remove ?? 0) + (replace ?? 0) : undefined;
  const ext = amount !== undefined ? amount : rcv !== undefined ? rcv - (tax ?? 0) - (op ?? 0) : undefined;
  if (price !== undefined && ext !== undefined && qty !== null && !(ext === 0 && (price === 0 || qty === 0))) {
    if (near(fastExtension(qty, price), ext)) held++;
    else failed++;
  }
  if (amount !== undefined && rcv !== undefined && rcv !== 0) {
    if (amount + (tax ?? 0) + (op ?? 0) === rcv) held++;
    else failed++;
  }
  if (acv !== undefined) {
    const base = rcv !== undefined ? rcv : amount;
    if (base !== undefined && base !== 0) {
      if (base - Math.abs(dep ?? 0) === acv) held++;
      else failed++;
    }
  }
  const implausible = (tax ?? 0) < 0 || (op ?? 0) < 0 ? 1 : 0;
  return (held * 2 - failed - implausible * 3 + 100) * 2 + (held + failed > 0 ? 1 : 0);
}

const hintKeys = new WeakMap<Role[], string>();
/** Per shape (figure count and header): the last winner, and each reading's header bonus worked out once. */
interface Shape {
  last: Compiled | null;
  maxBonus: number;
  /** bonus[k]: the header's tie-break for compiled(n)[k]. */
  bonus: Int8Array;
  /** The reading the header names exactly, if any. */
  named: Compiled | undefined;
}
/** Hint key ("" for none) → shapes by figure count. */
const shapeCache = new Map<string, Shape[]>();

/** The shape of n figures under a header, made the first time it is seen. */
function shapeOf(n: number, hint: Role[] | null, hintKey: string): Shape {
  let byLength = shapeCache.get(hintKey);
  if (byLength === undefined) {
    byLength = [];
    shapeCache.set(hintKey, byLength);
  }
  let shape = byLength[n];
  if (shape === undefined) {
    const all = compiled(n);
    const bonus = Int8Array.from(all, (c) => (!hint ? 0 : c.key === hintKey ? 15 : isSubsequence(c.roles, hint) ? 14 : 0));
    shape = { last: null, maxBonus: Math.max(0, ...bonus), bonus, named: hint ? all.find((c) => c.key === hintKey) : undefined };
    byLength[n] = shape;
  }
  return shape;
}

/**
 * Reading c when every identity it allows holds and no reading could get a bigger header bonus:
 * what the full search would find again. Null otherwise; quickScore rules most misses out before
 * the full account is made (a score short of 2 per identity by more than an implausible figure's
 * 3 cannot be all held).
 */
function tryFast(qty: number | null, money: Cents[], c: Compiled | null | undefined, shape: Shape): Reading | null {
  if (!c || shape.bonus[c.k] !== shape.maxBonus) return null;
  const q = quickScore(qty, c.at, money);
  if ((q & 1) === 0 || (q >> 1) - 100 < 2 * c.maxIds - 3) return null;
  const r = evaluate(qty, c.roles, money);
  if (r.failed.length > 0 || !r.extensionFits || r.held.length < c.maxIds) return null;
  r.rank = r.score * 10 + shape.maxBonus;
  return r;
}

/** How many identities a column set can check at most. */
function maxIdentities(roles: Role[]): number {
  let n = 1;
  if (roles.includes('amount') && roles.includes('rcv')) n++;
  if (roles.includes('acv') && (roles.includes('rcv') || roles.includes('amount'))) n++;
  return n;
}

/**
 * The best reading of a line's money figures. `hint` is the column set the header names (if any):
 * it only breaks ties between readings the arithmetic finds equally good.
 */
export function solveRoles(qty: number | null, money: Cents[], hint: Role[] | null): Reading | null {
  if (money.length === 0) return null;
  let hintKey: string | undefined;
  if (hint) {
    hintKey = hintKeys.get(hint);
    if (hintKey === undefined) {
      hintKey = hint.join(',');
      hintKeys.set(hint, hintKey);
    }
  }
  const all = compiled(money.length);
  // Lines of one paste share a column set. The last winner for this shape, when every identity
  // it allows holds and no reading could get a bigger header bonus, is what the search would
  // find again: taken without trying the other ~80 readings.
  const cache = shapeOf(money.length, hint, hintKey ?? '');
  const bonus = cache.bonus;
  const fast = tryFast(qty, money, cache.named, cache) ?? tryFast(qty, money, cache.last, cache);
  if (fast) return fast;
  let best: Compiled | null = null;
  let bestRank = -Infinity;
  for (let k = 0; k < all.length; k++) {
    const c = all[k];
    const q = quickScore(qty, c.at, money);
    // One identity that holds outweighs the header; the header outweighs one that fails (totals
    // that include tax fail qty × price = total on every line, and the header is all there is).
    let rank = ((q >> 1) - 100) * 10 + bonus[k];
    if ((q & 1) === 0) rank -= 5;
    if (rank > bestRank) {
      best = c;
      bestRank = rank;
    }
  }
  if (!best) return null;
  cache.last = best;
  const r = evaluate(qty, best.roles, money);
  r.rank = bestRank;
  return r;
}

// ---------------------------------------------------------------------------------------------
// Finding the figures on a printed line.

// Patterns of the per-token hot paths, made once (a literal in a function body is a new RegExp
// object each time it runs).
const DIGIT = /\d/;
const LEADING_DIGIT = /^\d/;
const BRACKETED = /^\((.+)\)$/;
const BRACKETED_NUMBER = /^\(([\d.,]+)\)$/;
const PLAIN_NUMBER = /^\(?[\d.,]+\)?$/;
const LEADING_NUMBER = /^[-+]?[\d.,]+/;
/** "13.49SQ": a quantity with its unit glued on. */
const GLUED_UNIT = /^([-+]?[\d.,]+)([A-Za-z]{2,5})$/;
/** "$521.95$17,811.00": money glued together. */
const GLUED_MONEY = /(\d)\$/g;
const SPACES = /\s+/;
/** Figures as word processors and some PDFs print them: an en dash or minus sign for "-"
 * ("–150.00", "−(20.00)"), or the dollar sign apart from its amount ("$ 144.00", Excel's
 * accounting format). Rejoined as "-150.00" and "$144.00" so the line's figures are read. */
const LOOSE_MONEY = /(^|\s)(?:[\u2013\u2212]|(\$)[ \t\u00a0]+)(?=\$?[(<]?\d|-\d)/g;
/** A figure cut short at the end of a paste: "3.", "$", "1,". */
const CUT_SHORT = /^(\$|\d[\d,]*\.|\d{1,3},)$/;

/** Words and flags printed among a line's figures that carry no amount. */
const CONDITION_WORDS = /^(avg\.?|average|good|fair|poor|new|above|below|excellent|yrs?\.?|years?|na|n\/a)$/i;
const AGE_LIFE = /^\d+\/(\d+|na)$/i;
const PERCENT = /^[(<-]?\d[\d,]*(\.\d+)?%[)>]?$/;
// "@" and "=" read "24.50 SQ @ 52.10 = 1,276.45" (quantity at price makes extension), as some carriers print.
const MARKER = /^(\[[a-z%]{1,3}\]|\*+|\+|[a-z]?\*|@|=)$/i;

export function isSkipToken(t: string): boolean {
  return CONDITION_WORDS.test(t) || AGE_LIFE.test(t) || PERCENT.test(t) || MARKER.test(t);
}

/**
 * The common money forms read by hand, no regular expression: "1,234.56", "$12.00", "-3",
 * "(48.64)", "<0.00>", "$(3,073.00)". Null when the token is anything else.
 */
function quickMoney(t: string): Cents | null {
  let i = 0;
  let end = t.length;
  let negative = false;
  if (t.charCodeAt(0) === 45) {
    negative = true;
    i = 1;
  }
  if (t.charCodeAt(i) === 36) i++; // $
  const open = t.charCodeAt(i);
  if (open === 40 || open === 60) {
    // ( or <: accounting negative, closed by ) or >
    const close = t.charCodeAt(end - 1);
    if ((open === 40 && close !== 41) || (open === 60 && close !== 62)) return null;
    negative = !negative;
    i++;
    end--;
    if (t.charCodeAt(i) === 36) i++;
  }
  let whole = 0;
  let digits = 0;
  let groupDigits = -1; // digits since the last comma (-1: no comma yet)
  for (; i < end; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      whole = whole * 10 + (c - 48);
      digits++;
      if (groupDigits >= 0) groupDigits++;
      if (digits > 12) return null;
    } else if (c === 44) {
      if (digits === 0 || (groupDigits >= 0 && groupDigits !== 3) || (groupDigits < 0 && digits > 3)) return null;
      groupDigits = 0;
    } else break;
  }
  if (digits === 0 || (groupDigits >= 0 && groupDigits !== 3)) return null;
  let cents = whole * 100;
  if (i < end) {
    if (t.charCodeAt(i) !== 46) return null; // .
    const fracLen = end - i - 1;
    if (fracLen < 1 || fracLen > 2) return null;
    const d1 = t.charCodeAt(i + 1) - 48;
    const d2 = fracLen === 2 ? t.charCodeAt(i + 2) - 48 : 0;
    if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return null;
    cents += d1 * 10 + d2;
  }
  return negative ? -cents : cents;
}

/** A money figure as printed: "1,234.56", "$1.63", "(48.64)", "<0.00>", "-3.00". */
export function moneyToken(t: string): Cents | null {
  // The common forms read directly (a paste holds tens of thousands of them); the rest through parseMoney.
  const q = quickMoney(t);
  if (q !== null) return q;
  const c0 = t.charCodeAt(0);
  // A word (no digit up front, nor a sign, $ or bracket) is never money.
  if (!((c0 >= 48 && c0 <= 57) || c0 === 36 || c0 === 45 || c0 === 40 || c0 === 60 || c0 === 46 || c0 === 43) || !DIGIT.test(t)) return null;
  return parseMoney(t);
}

const unitCache = new Map<string, string | null>();

/** normaliseUnit for a single token, remembered (units repeat on every line). */
export function unitToken(t: string): string | null {
  if (t.length > 8 || DIGIT.test(t)) return null;
  let u = unitCache.get(t);
  if (u === undefined) {
    u = normaliseUnit(t);
    if (unitCache.size > 10_000) unitCache.clear();
    unitCache.set(t, u);
  }
  return u;
}

/** A quantity as printed: "1,135.94", "2", "(3.00)" (a credit), not "$1.63"; and whether it was
 * written 1.234,56. */
function qtyToken(t: string): { value: number; european: boolean } | null {
  if (t.includes('$')) return null;
  const paren = BRACKETED.exec(t);
  const n = readNumber(paren ? paren[1] : t);
  if (!n) return null;
  return paren ? { value: -n.value, european: n.european } : n;
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
  /** The unit came after the price ("26.00 $240.00 SQ"), as only Symbility/Cotality prints it. */
  unitAfterPrice: boolean;
}

export interface SplitLine {
  before: string;
  run: FigureRun;
  /** solveRoles(run.qty, run.money, hint) as solved last, so a caller need not solve it again;
   * null when another solve came after it (solving again could then differ: see Shape.last). */
  solved: { reading: Reading | null; hint: Role[] | null } | null;
}

/** Money printed glued together ("$521.95$17,811.00") is two figures. */
export function tokenize(text: string): string[] {
  const t = text.trim();
  if (t === '') return [];
  return t.replace(GLUED_MONEY, '$1 $').replace(LOOSE_MONEY, (_, lead: string, dollar?: string) => lead + (dollar ?? '-')).split(SPACES);
}

/**
 * Parses tokens[s..] as a line's figures: [qty [(qty2)]] unit money… (Xactimate), qty money unit
 * money… (Symbility: the unit after the price), "13.49SQ" money…, or unit money… (no quantity).
 */
function parseRun(tokens: string[], s: number, money0?: Array<Cents | null | undefined>): FigureRun | null {
  const moneyAt = (k: number): Cents | null => {
    if (!money0) return moneyToken(tokens[k]);
    let v = money0[k];
    if (v === undefined) v = money0[k] = moneyToken(tokens[k]);
    return v;
  };
  let k = s;
  let qty: number | null = null;
  let qtyText = '';
  let unit = '';
  let european = false;
  let unitAfterPrice = false;
  const glued = GLUED_UNIT.exec(tokens[k]);
  if (glued && normaliseUnit(glued[2]) && readNumber(glued[1])) {
    const n = readNumber(glued[1])!;
    qty = n.value;
    european = n.european;
    unit = normaliseUnit(glued[2])!;
    qtyText = tokens[k];
    k++;
  } else if (unitToken(tokens[k]) && !LEADING_DIGIT.test(tokens[k])) {
    unit = unitToken(tokens[k])!;
    k++;
  } else {
    const q = qtyToken(tokens[k]);
    if (q === null) return null;
    qty = q.value;
    // Read without its brackets (numbers never contain any), as qtyToken read it.
    european = q.european;
    qtyText = tokens[k];
    k++;
    // "22.21 (22.33)": the price applies to the second (bundle-rounded) quantity.
    if (k < tokens.length) {
      const alt = BRACKETED_NUMBER.exec(tokens[k]);
      const second = alt ? readNumber(alt[1]) : null;
      if (second && k + 1 < tokens.length && (unitToken(tokens[k + 1]) || moneyAt(k + 1) !== null)) {
        qty = second.value;
        qtyText += ` ${tokens[k]}`;
        k++;
      }
    }
    if (k < tokens.length && unitToken(tokens[k])) {
      unit = unitToken(tokens[k])!;
      k++;
    }
  }
  const money: Cents[] = [];
  for (; k < tokens.length; k++) {
    const t = tokens[k];
    // A figure cut short at the end of a paste ("3.", "$"): the rest of the run still counts, and
    // the missing figures show up as a short run.
    if (k === tokens.length - 1 && money.length > 0 && CUT_SHORT.test(t)) break;
    if (isSkipToken(t)) continue;
    if (!unit && money.length === 1 && normaliseUnit(t)) {
      unit = unitToken(t)!;
      unitAfterPrice = true;
      continue;
    }
    const m = moneyAt(k);
    if (m === null) return null;
    money.push(m);
  }
  if (money.length === 0) return null;
  if (!unit && qty !== null && money.length < 2) return null;
  return { qty, qtyText, unit, money, european, unitAfterPrice };
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
  const money0: Array<Cents | null | undefined> = new Array(tokens.length);
  for (let s = first; s < tokens.length; s++) {
    // A line without a quantity prints its unit first, right after the description; a unit with
    // a number before it is "qty unit".
    if (s !== first && unitToken(tokens[s]) && !LEADING_DIGIT.test(tokens[s])) continue;
    const run = parseRun(tokens, s, money0);
    if (!run) continue;
    // Runs without a unit only when no run has one (a unit is what estimates print after a qty).
    if (!run.unit && best && best.split.run.unit) continue;
    if (best) best.split.solved = null;
    const reading = solveRoles(run.qty, run.money, hint);
    let rank = reading ? reading.rank : -999;
    if (run.unit) rank += 5;
    if (!best || rank > best.rank) best = { split: { before: tokens.slice(0, s).join(' '), run, solved: null }, rank };
    if (best.split.run === run) best.split.solved = { reading, hint };
    // The leftmost run with a unit whose arithmetic holds throughout is the line's figures.
    if (run.unit && reading && reading.extensionFits && reading.failed.length === 0) break;
  }
  return best ? best.split : null;
}

function figureish(t: string): boolean {
  if (DIGIT.test(t)) {
    if (moneyToken(t) !== null || PLAIN_NUMBER.test(t) || isSkipToken(t)) return true;
  } else {
    if (unitToken(t) || isSkipToken(t)) return true;
    return false;
  }
  return GLUED_UNIT.test(t) && normaliseUnit(t.replace(LEADING_NUMBER, '')) !== null;
}

/** Is the whole line figures ("1.00 EA 165.00 10.31 ..."), with no description? No solving. */
export function isFiguresLine(line: string): boolean {
  const tokens = tokenize(line);
  if (tokens.length < 2 || !figureish(tokens[0])) return false;
  return parseRun(tokens, 0) !== null;
}
