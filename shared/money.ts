import type { Cents } from './types/money';

/** Quantities are exact to 4 decimal places: they are held as integer ten-thousandths for math. */
const QTY_SCALE = 10000n;

export function qtyUnits(qty: number): bigint {
  return BigInt(Math.round(qty * 10000));
}

/** Integer division rounding half away from zero (half-up on magnitudes, as estimates print). */
export function divRound(numerator: bigint, denominator: bigint): bigint {
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const q = (magnitude * 2n + denominator) / (denominator * 2n);
  return negative ? -q : q;
}

/** qty × unit price, rounded half-up to the cent. */
export function extension(qty: number, unitPrice: Cents): Cents {
  return Number(divRound(qtyUnits(qty) * BigInt(unitPrice), QTY_SCALE));
}

export function sumCents(values: Iterable<Cents>): Cents {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/** Cents as dollars for JSON (a number with at most two decimals). */
export function toDollars(cents: Cents): number {
  return Number((cents / 100).toFixed(2));
}

/** Dollars typed by a person ("1,234.56", "$1234.5") to cents; null when not a number. */
export function dollarsToCents(text: string | number): Cents | null {
  if (typeof text === 'number') return Number.isFinite(text) ? Math.round(text * 100) : null;
  return parseMoney(text);
}

/** "$1,234.56", "-$12.00". */
export function formatMoney(cents: Cents): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  const frac = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}$${whole}.${frac}`;
}

/** "1234.56" with a sign, no separators: for plain text and JSON-ish output. */
export function formatPlain(cents: Cents): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  return `${negative ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Money as estimates print it: "$1,234.56", "1234.5", "(1,234.56)", "<1,234.56>", "-12",
 * Excel accounting "$ (98.60)" and "$ -" (zero). Returns cents, or null when it is not money.
 * Amounts with more than two decimals are rounded half-up to the cent.
 */
const PLAIN_MONEY = /^(-?)(\d{1,12})(?:\.(\d{1,2}))?$/;

export function parseMoney(raw: string): Cents | null {
  // Fast path for the common "1234.56" (most figures in a paste).
  const plain = PLAIN_MONEY.exec(raw);
  if (plain) {
    const v = Number(plain[2]) * 100 + Number((plain[3] ?? '').padEnd(2, '0'));
    return plain[1] ? -v : v;
  }
  let s = raw.replace(/[\u00a0\u2007\u202f]/g, ' ').trim();
  if (s === '') return null;
  if (/^\$?\s*-\s*$/.test(s)) return 0; // accounting zero "$ -"
  let negative = false;
  if ((s.startsWith('(') && s.endsWith(')')) || (s.startsWith('<') && s.endsWith('>'))) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1).trim();
  } else if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1).trim();
  }
  s = s.replace(/^\$\s*/, '');
  if ((s.startsWith('(') && s.endsWith(')')) || (s.startsWith('<') && s.endsWith('>'))) {
    negative = !negative;
    s = s.slice(1, -1).trim();
  }
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1).trim();
  }
  s = s.replace(/^\$\s*/, '');
  const m = /^([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)?(?:\.([0-9]+))?$/.exec(s);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  const whole = BigInt((m[1] ?? '0').replace(/,/g, ''));
  const fracDigits = m[2] ?? '';
  let cents: bigint;
  if (fracDigits.length <= 2) {
    cents = whole * 100n + BigInt(fracDigits.padEnd(2, '0') || '0');
  } else {
    const scale = 10n ** BigInt(fracDigits.length);
    cents = divRound((whole * scale + BigInt(fracDigits)) * 100n, scale);
  }
  const n = Number(cents);
  if (!Number.isSafeInteger(n)) return null;
  return negative ? -n : n;
}
