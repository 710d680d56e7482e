import { extension, formatMoney } from '../money';
import type { EstimateLine, Side } from '../types/estimate';
import type { Cents } from '../types/money';
import type { Problem } from '../types/problem';

/** Figures read off one line item, before the engine settles its amount. */
export interface RawLine {
  item: string;
  area: string;
  description: string;
  qty: number;
  unit: string;
  unitPrice: Cents | null;
  remove: Cents | null;
  replace: Cents | null;
  /** A printed extension column ("Ext", "Amount"). */
  amount: Cents | null;
  tax: Cents | null;
  overheadProfit: Cents | null;
  /** A printed line total (RCV / Total): amount + tax + O&P. */
  rcv: Cents | null;
  depreciation: Cents | null;
  acv: Cents | null;
  note: string | null;
  row: number;
  /** The printed total differs from qty × price in a way reported once for the paste. */
  quietMismatch?: boolean;
}

export function blankRawLine(row: number): RawLine {
  return {
    item: '', area: '', description: '', qty: 0, unit: '', unitPrice: null, remove: null,
    replace: null, amount: null, tax: null, overheadProfit: null, rcv: null, depreciation: null,
    acv: null, note: null, row,
  };
}

/**
 * Settles a line's amount: printed figures win over recomputed ones (amount = printed RCV − tax −
 * O&P, or the printed extension), and a line whose printed figures disagree is flagged.
 */
export function finishLine(raw: RawLine, side: Side, problems: Problem[]): EstimateLine | null {
  let unitPrice = raw.unitPrice;
  if (unitPrice === null && (raw.remove !== null || raw.replace !== null)) {
    unitPrice = (raw.remove ?? 0) + (raw.replace ?? 0);
  }
  let amount: Cents | null = null;
  if (raw.amount !== null) amount = raw.amount;
  else if (raw.rcv !== null) amount = raw.rcv - (raw.tax ?? 0) - (raw.overheadProfit ?? 0);
  if (unitPrice === null) {
    if (amount === null) {
      problems.push({
        side, row: raw.row, severity: 'error', code: 'line-without-figures',
        message: `${whereOf(raw)} "${raw.description}" has no unit price or total; it is left out. Paste the whole line with its figures.`,
      });
      return null;
    }
    unitPrice = raw.qty !== 0 ? Math.round(amount / raw.qty) : amount;
    problems.push({
      side, row: raw.row, severity: 'warning', code: 'unit-price-derived',
      message: `${whereOf(raw)} has no unit price; used ${formatMoney(unitPrice)} (total ÷ quantity).`,
    });
  }
  const computed = extension(raw.qty, unitPrice);
  if (amount === null) {
    amount = computed;
  } else if (Math.abs(amount - computed) > 1 && !raw.quietMismatch) {
    // One cent either way is the estimate's own rounding (it extends unrounded quantities).
    problems.push({
      side, row: raw.row, severity: 'warning', code: 'line-figures-disagree',
      message: `${whereOf(raw)} "${raw.description}": ${raw.qty} ${raw.unit} × ${formatMoney(unitPrice)} = ${formatMoney(computed)}, but the line prints ${formatMoney(amount)}; the printed figure is used. Check the quantity and price with the estimate.`,
    });
  }
  if (raw.amount !== null && raw.rcv !== null) {
    const expectRcv = raw.amount + (raw.tax ?? 0) + (raw.overheadProfit ?? 0);
    if (expectRcv !== raw.rcv) {
      problems.push({
        side, row: raw.row, severity: 'warning', code: 'line-figures-disagree',
        message: `${whereOf(raw)}: amount + tax + O&P = ${formatMoney(expectRcv)}, but the line total prints ${formatMoney(raw.rcv)}.`,
      });
    }
  }
  if (unitPrice < 0) {
    problems.push({
      side, row: raw.row, severity: 'warning', code: 'negative-price',
      message: `${whereOf(raw)} "${raw.description.slice(0, 60)}" has a negative unit price (${formatMoney(unitPrice)}): read as a credit (e.g. salvage). Check it is meant.`,
    });
  }
  if (raw.qty < 0) {
    problems.push({
      side, row: raw.row, severity: 'warning', code: 'negative-quantity',
      message: `${whereOf(raw)} has a negative quantity (${raw.qty}); kept as a credit line. Check it is meant.`,
    });
  }
  return {
    item: raw.item,
    area: raw.area,
    // Runs of ordinary spaces fold; a non-breaking space is kept as pasted (matching normalises it).
    description: foldSpaces(raw.description),
    qty: raw.qty,
    unit: raw.unit,
    unitPrice,
    amount,
    tax: raw.tax,
    overheadProfit: raw.overheadProfit,
    rcv: raw.rcv,
    depreciation: raw.depreciation === null ? null : Math.abs(raw.depreciation),
    acv: raw.acv,
    note: raw.note,
    row: raw.row,
  };
}

/** "Line 12 (row 40)", or "Row 40" for a line with no item number: how a problem names the line (built only when there is one). */
function whereOf(raw: RawLine): string {
  return raw.item ? `Line ${raw.item} (row ${raw.row})` : `Row ${raw.row}`;
}

/** Spacing that is not one ordinary space between words (tab, line break, two spaces, space at an end). */
const UNFOLDED = /[\t\r\n]| {2}|^ | $/;

/** Runs of ordinary spaces folded to one, none at the ends; most descriptions need nothing done. */
function foldSpaces(text: string): string {
  return UNFOLDED.test(text) ? text.replace(/[ \t\r\n]+/g, ' ').replace(/^ | $/g, '') : text;
}

/** Flags item numbers that occur twice on one side: matches and notes key on them. */
export function checkDuplicateItems(lines: EstimateLine[], side: Side, problems: Problem[]): void {
  const seen = new Map<string, EstimateLine>();
  for (const l of lines) {
    const first = seen.get(l.item);
    if (first) {
      problems.push({
        side, row: l.row, severity: 'warning', code: 'duplicate-item-number',
        message: `Item number ${l.item} appears twice (rows ${first.row} and ${l.row}). Both lines are kept; renumber one in the paste so notes and overrides attach to the right line.`,
      });
    } else {
      seen.set(l.item, l);
    }
  }
}
