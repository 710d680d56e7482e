import type { Cents } from './money';
import type { Problem } from './problem';

export type Side = 'ours' | 'theirs';

/** One line item as the estimate prints it. */
export interface EstimateLine {
  /** Line number as printed ("12"). For a side-by-side table's insurer side, the ordinal. */
  item: string;
  area: string;
  description: string;
  /** Quantity as printed (decimal; exact to 4 places). */
  qty: number;
  /** Normalised unit code: SQ, SF, LF, EA, HR, DA, SY, CY... ("" when none printed). */
  unit: string;
  /** Unit price in cents (rough draft: REMOVE + REPLACE). */
  unitPrice: Cents;
  /** Extension: printed RCV − tax − O&P when printed, else qty × unit price (half-up). */
  amount: Cents;
  tax: Cents | null;
  overheadProfit: Cents | null;
  rcv: Cents | null;
  depreciation: Cents | null;
  acv: Cents | null;
  /** Adjuster / estimator note printed under the line, verbatim. */
  note: string | null;
  /** 1-based row of the paste where the line starts. */
  row: number;
}

/** The recap figures a paste printed (or a person typed). Null = not known. */
export interface Recap {
  lineItemTotal: Cents | null;
  materialSalesTax: Cents | null;
  subtotal: Cents | null;
  overhead: Cents | null;
  profit: Cents | null;
  /** Overhead + profit, as printed together or summed from the two. */
  overheadProfit: Cents | null;
  rcv: Cents | null;
  depreciation: Cents | null;
  acv: Cents | null;
  deductible: Cents | null;
  netClaim: Cents | null;
}

/** Totals rows the paste printed under the line columns ("Line Item Totals", "Totals: Roof"). */
export interface PrintedTotal {
  /** "" for the whole estimate, else the area name. */
  area: string;
  row: number;
  amount: Cents | null;
  tax: Cents | null;
  overheadProfit: Cents | null;
  rcv: Cents | null;
}

export type EstimateFormat =
  | 'header-table'
  | 'xactimate-text'
  | 'rough-draft'
  | 'side-by-side'
  | 'unknown';

export interface ParsedEstimate {
  side: Side;
  format: EstimateFormat;
  lines: EstimateLine[];
  recap: Recap;
  /** The paste's row of each recap figure, so a check can name it (absent when none printed). */
  recapRows?: Partial<Record<keyof Recap, number>>;
  printedTotals: PrintedTotal[];
  /** "Price List: TXDF8X_MAY25" when printed. */
  priceList: string | null;
  problems: Problem[];
  rowCount: number;
}

export function emptyRecap(): Recap {
  return {
    lineItemTotal: null,
    materialSalesTax: null,
    subtotal: null,
    overhead: null,
    profit: null,
    overheadProfit: null,
    rcv: null,
    depreciation: null,
    acv: null,
    deductible: null,
    netClaim: null,
  };
}
