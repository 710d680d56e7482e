/**
 * A host-independent description of the Pursue workbook. Every host (Office.js, SpreadsheetApp,
 * ExcelJS) writes exactly this; no host decides layout. Each property is a whole 2D block the
 * size of the sheet's used grid so a host writes it in one API call per property.
 */
export type CellValue = string | number | boolean | null;

export type HAlign = 'left' | 'center' | 'right' | null;

export interface BorderSpec {
  /** A1 range, e.g. "A1:K1". */
  range: string;
  edges: Array<'top' | 'bottom' | 'left' | 'right' | 'insideHorizontal' | 'insideVertical'>;
  style: 'thin' | 'medium';
  color: string;
}

export interface ConditionalFormat {
  /** A1 range the rule applies to. */
  range: string;
  /** Custom formula, written relative to the range's top-left cell, e.g. "=$A2<=5". */
  formula: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

export interface ValidationSpec {
  range: string;
  /** Allowed values (a dropdown). */
  list: string[];
  allowBlank: boolean;
  /** Shown when a person types something else. */
  message: string;
}

export interface NoteSpec {
  /** A1 address of one cell. */
  cell: string;
  text: string;
}

/**
 * Writing order matters for text safety: write numberFormats before values, so a cell formatted "@"
 * keeps a pasted "=SUM(...)" or "+1" as text (Office.js and setValues would otherwise make it a
 * formula). Every string value in a description has the "@" format.
 */
export interface SheetDescription {
  name: string;
  rowCount: number;
  colCount: number;
  /** Literal values (null where the cell holds a formula or nothing). Text is always text. */
  values: CellValue[][];
  /** A1 formulas starting with "=", English function names; null where the cell is a value. */
  formulas: (string | null)[][];
  /** Excel number format codes ("General", "$#,##0.00;[Red]-$#,##0.00", "@"...). */
  numberFormats: string[][];
  bold: boolean[][];
  italic: boolean[][];
  /** "#RRGGBB" font colours. */
  fontColors: string[][];
  /** "#RRGGBB" fills, null for none. */
  fills: (string | null)[][];
  wrap: boolean[][];
  hAlign: HAlign[][];
  /** Column widths in characters of the default font (Excel's unit); hosts convert. */
  columnWidths: number[];
  frozenRows: number;
  frozenColumns: number;
  /** 0-based columns to hide (kept, not shown: the Key column); absent = none. */
  hiddenColumns?: number[];
  /** A1 range of the auto filter, or null. */
  filter: string | null;
  borders: BorderSpec[];
  conditionalFormats: ConditionalFormat[];
  validations: ValidationSpec[];
  notes: NoteSpec[];
  merges: string[];
  print: {
    landscape: boolean;
    fitToPageWide: boolean;
    fitToPageTall: boolean;
    /** A1 range to print (e.g. leaves out the machine Key column); absent or null = the used range. */
    area?: string | null;
    /** Header rows repeated on every printed page (1 = the first row); absent or 0 = none. */
    repeatRows?: number;
  };
  tabColor: string | null;
  /**
   * Row heights in points, estimated from the wrapped text so rows show all of it in every host
   * (not every program auto-fits a file's rows); null = the host's default height.
   */
  rowHeights?: (number | null)[];
  /** Font size in points for the whole sheet; absent = the host's default. */
  fontSize?: number;
  /** Vertical alignment of every cell (wrapped rows read best from the top); absent = the host's default. */
  verticalAlign?: 'top' | 'center' | 'bottom';
}

export interface WorkbookDescription {
  /** "Pursue Items" first. */
  sheets: SheetDescription[];
}

/**
 * A small write a host makes to an existing workbook without rebuilding it (one status note, one
 * RF flag). Write numberFormats (when given) before values, as for a sheet.
 */
export interface CellPatch {
  sheet: string;
  /** A1 range whose size matches values. */
  range: string;
  values: CellValue[][];
  numberFormats?: string[][];
}

/** Every part of a sheet description a writer applies or skips ("print.area" for print settings). */
export type DescribedProperty =
  | Exclude<keyof SheetDescription, 'name' | 'rowCount' | 'colCount' | 'print'>
  | `print.${keyof SheetDescription['print']}`;

/**
 * What one writer does with each described property: true = written; a string = skipped, and why.
 * A Record over every property, so a new description property fails tsc until each writer says
 * what it does with it; tests/layout/writer-support.test.ts holds each writer to its declaration.
 */
export type WriterSupport = Readonly<Record<DescribedProperty, true | string>>;
