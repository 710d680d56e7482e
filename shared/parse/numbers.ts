import { parseMoney } from '../money';
import type { Cents } from '../types/money';
import type { Cell } from '../types/cells';
import { cellText } from './rows';

/** Unit spellings estimates use, to the codes the engine compares. */
const UNIT_SYNONYMS: Record<string, string> = {
  SQ: 'SQ', SQS: 'SQ', SQUARE: 'SQ', SQUARES: 'SQ',
  SF: 'SF', SQFT: 'SF', 'SQ FT': 'SF', 'SQ.FT.': 'SF', FT2: 'SF',
  LF: 'LF', LINFT: 'LF', 'LIN FT': 'LF', 'LN FT': 'LF',
  SY: 'SY', SQYD: 'SY', CY: 'CY', CF: 'CF',
  EA: 'EA', EACH: 'EA', 'EA.': 'EA', PC: 'EA', PCS: 'EA',
  HR: 'HR', HRS: 'HR', HOUR: 'HR', HOURS: 'HR',
  DA: 'DA', DAY: 'DA', DAYS: 'DA', WK: 'WK', MO: 'MO', LS: 'LS', RM: 'RM', GL: 'GL', GAL: 'GL',
  BX: 'BX', BD: 'BD', RL: 'RL', LB: 'LB', TN: 'TN', LD: 'LD',
};

export function normaliseUnit(raw: string): string | null {
  const u = raw.trim().toUpperCase().replace(/\s+/g, ' ');
  return UNIT_SYNONYMS[u] ?? null;
}

/** Exact factors between units of the same measure: 1 SQ = 100 SF, 1 SY = 9 SF. */
const TO_SF: Record<string, number> = { SF: 1, SQ: 100, SY: 9 };

/** How many `to` make one `from` (e.g. SQ→SF = 100), or null when they don't convert. */
export function unitFactor(from: string, to: string): number | null {
  if (from === to) return 1;
  const a = TO_SF[from];
  const b = TO_SF[to];
  if (a === undefined || b === undefined) return null;
  return a / b;
}

export interface NumberReading {
  value: number;
  /** Read as 1.234,56: a warning worth showing. */
  european: boolean;
}

// Made once: a literal in a function body is a new RegExp object each time it runs.
const ANY_SPACE = /[\u00a0\u2007\u202f\s]/g;
const COMMAS = /,/g;
const US_NUMBER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[-+]?\.\d+$/;
const EU_NUMBER = /^[-+]?(?:\d{1,3}(?:\.\d{3})+|\d+),\d{1,4}$/;

/** A plain quantity: "1,040.00", "28.4", "-3", European "1.040,00". */
export function readNumber(raw: string): NumberReading | null {
  const s = raw.replace(ANY_SPACE, '');
  if (s === '') return null;
  if (US_NUMBER.test(s)) {
    const v = Number(s.replace(COMMAS, ''));
    return Number.isFinite(v) ? { value: v, european: false } : null;
  }
  if (EU_NUMBER.test(s)) {
    const v = Number(s.replace(/\./g, '').replace(',', '.'));
    return Number.isFinite(v) ? { value: v, european: true } : null;
  }
  return null;
}

/** A quantity cell: a number from the sheet, or text. */
export function cellNumber(c: Cell): NumberReading | null {
  if (typeof c === 'number') return Number.isFinite(c) ? { value: c, european: false } : null;
  return readNumber(cellText(c));
}

/** Excel's error values, pasted as text: never a figure. */
export const EXCEL_ERROR = /^#(N\/A|VALUE!|REF!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i;

/** Above these a figure is a typo or a unit mix-up, not an estimate's quantity or price. */
export const MAX_QTY = 1_000_000;
export const MAX_CENTS = 10_000_000_000; // $100 million

export type QuantityReading =
  | { ok: true; value: number; european: boolean; note: string | null }
  | { ok: false; reason: 'excel-error' | 'not-a-number' | 'implausible'; text: string };

/**
 * A quantity as a sheet or a paste holds it: "1,040.00", "(3.00)" (accounting negative: −3),
 * "3.00-", "1e3" (scientific). Excel error values and absurd magnitudes are refused, not guessed.
 */
export function readQuantity(c: Cell): QuantityReading {
  const text = cellText(c);
  if (typeof c === 'number') {
    if (!Number.isFinite(c)) return { ok: false, reason: 'not-a-number', text };
    if (Math.abs(c) > MAX_QTY) return { ok: false, reason: 'implausible', text };
    return { ok: true, value: c, european: false, note: null };
  }
  if (EXCEL_ERROR.test(text)) return { ok: false, reason: 'excel-error', text };
  let t = text.replace(ANY_SPACE, '').replace(DASH_SIGN, '$1-');
  let negative = false;
  const paren = /^\((.+)\)$/.exec(t);
  if (paren) {
    negative = true;
    t = paren[1];
  } else if (/^[\d.,]+-$/.test(t)) {
    negative = true;
    t = t.slice(0, -1);
  }
  let n = readNumber(t);
  let note: string | null = null;
  if (!n && /^[-+]?\d+(\.\d+)?e[-+]?\d+$/i.test(t)) {
    n = { value: Number(t), european: false };
    note = `written in scientific notation ("${text}")`;
  }
  if (!n) return { ok: false, reason: 'not-a-number', text };
  const value = negative ? -n.value : n.value;
  if (!Number.isFinite(value) || Math.abs(value) > MAX_QTY) return { ok: false, reason: 'implausible', text };
  return { ok: true, value, european: n.european, note };
}

export interface MoneyReading {
  cents: Cents;
  european: boolean;
}

/** A money cell: a sheet number (dollars), or text as estimates print money. */
export function cellMoney(c: Cell): MoneyReading | null {
  if (typeof c === 'number') {
    return Number.isFinite(c) ? { cents: Math.round(c * 100), european: false } : null;
  }
  return readMoneyText(cellText(c));
}

/** An en dash or minus sign used as the sign ("–150.00", "$ −12.00"), as word processors print it. */
const DASH_SIGN = /^(\s*\$?\s*)[\u2013\u2212](?=\s*\$?\s*[(<]?\d)/;

const SIMPLE_MONEY = /^(-?)\$?(\d{1,3}(?:,\d{3})+|\d{1,12})(?:\.(\d{1,2}))?$/;

export function readMoneyText(raw: string): MoneyReading | null {
  if (raw === '') return null;
  const text = DASH_SIGN.test(raw) ? raw.replace(DASH_SIGN, '$1-') : raw;
  // The common forms ("1,234.56", "$12.00", "-3") read directly: a paste holds many thousands.
  const simple = SIMPLE_MONEY.exec(text);
  if (simple) {
    const whole = simple[2].includes(',') ? simple[2].replace(/,/g, '') : simple[2];
    const frac = simple[3] === undefined ? 0 : simple[3].length === 1 ? Number(simple[3]) * 10 : Number(simple[3]);
    const v = Number(whole) * 100 + frac;
    return { cents: simple[1] ? -v : v, european: false };
  }
  const us = parseMoney(text);
  if (us !== null) return { cents: us, european: false };
  const stripped = text.replace(/[$€\s]/g, '');
  const neg = /^\(.*\)$|^<.*>$|^-/.test(stripped);
  const core = stripped.replace(/^[(<-]+|[)>]+$/g, '');
  if (EU_NUMBER.test(core)) {
    const eu = parseMoney(core.replace(/\./g, '').replace(',', '.'));
    if (eu !== null) return { cents: neg ? -eu : eu, european: true };
  }
  return null;
}

/** "13.49SQ", "30.14 SQ", "256.00LF": a quantity with its unit run together or apart. */
export function readQtyUnit(text: string): { qty: number; unit: string; european: boolean } | null {
  const m = /^([-+]?[\d.,]+)\s*([A-Za-z][A-Za-z.]{0,5})$/.exec(text.trim());
  if (!m) return null;
  const n = readNumber(m[1]);
  const unit = normaliseUnit(m[2]);
  if (!n || !unit) return null;
  return { qty: n.value, unit, european: n.european };
}
