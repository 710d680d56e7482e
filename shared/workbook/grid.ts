import type { CellValue, HAlign, SheetDescription } from '../types/workbook';

/** Formats every writer understands. Negatives carry a minus sign and red, so they stay visible in print. */
export const FMT = {
  money: '"$"#,##0.00;[Red]-"$"#,##0.00',
  text: '@',
  general: 'General',
  integer: '0',
  qty: '#,##0.00##',
} as const;

export const COLORS = {
  text: '#1F2328',
  muted: '#6E7781',
  header: '#FFFFFF',
  headerFill: '#1F4E79',
  band: '#F2F6FA',
  top: '#FFF2CC',
  good: '#C6EFCE',
  goodText: '#006100',
  bad: '#FFC7CE',
  badText: '#9C0006',
  warn: '#FFEB9C',
  totalFill: '#DDEBF7',
  closedFill: '#EDEDED',
  suggested: '#57606A',
  border: '#8EA9C1',
} as const;

export interface CellStyle {
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fill?: string | null;
  wrap?: boolean;
  hAlign?: HAlign;
}

/**
 * Builds one sheet's description cell by cell in memory, then hands out whole 2D blocks.
 * Strings always get the "@" (text) format so no writer turns pasted "=..." into a formula.
 */
export class SheetGrid {
  private readonly values: CellValue[][] = [];
  private readonly formulas: (string | null)[][] = [];
  private readonly formats: string[][] = [];
  private readonly bold: boolean[][] = [];
  private readonly italic: boolean[][] = [];
  private readonly fontColors: string[][] = [];
  private readonly fills: (string | null)[][] = [];
  private readonly wrap: boolean[][] = [];
  private readonly hAlign: HAlign[][] = [];
  readonly desc: Omit<SheetDescription, 'values' | 'formulas' | 'numberFormats' | 'bold' | 'italic' | 'fontColors' | 'fills' | 'wrap' | 'hAlign' | 'rowCount'>;

  constructor(name: string, readonly colCount: number) {
    this.desc = {
      name,
      colCount,
      columnWidths: new Array<number>(colCount).fill(12),
      frozenRows: 0,
      frozenColumns: 0,
      filter: null,
      borders: [],
      conditionalFormats: [],
      validations: [],
      notes: [],
      merges: [],
      print: { landscape: true, fitToPageWide: true, fitToPageTall: false },
      tabColor: null,
      verticalAlign: 'top',
    };
  }

  get rowCount(): number {
    return this.values.length;
  }

  private ensure(row: number): void {
    while (this.values.length <= row) {
      const n = this.colCount;
      this.values.push(new Array<CellValue>(n).fill(null));
      this.formulas.push(new Array<string | null>(n).fill(null));
      this.formats.push(new Array<string>(n).fill(FMT.general));
      this.bold.push(new Array<boolean>(n).fill(false));
      this.italic.push(new Array<boolean>(n).fill(false));
      this.fontColors.push(new Array<string>(n).fill(COLORS.text));
      this.fills.push(new Array<string | null>(n).fill(null));
      this.wrap.push(new Array<boolean>(n).fill(false));
      this.hAlign.push(new Array<HAlign>(n).fill(null));
    }
  }

  /** A literal value. Strings are forced to text format whatever the style says. */
  set(row: number, col: number, value: CellValue, style: CellStyle = {}): void {
    this.ensure(row);
    this.values[row]![col] = value;
    this.formulas[row]![col] = null;
    this.style(row, col, style);
    if (typeof value === 'string') this.formats[row]![col] = FMT.text;
  }

  /** A live formula ("=D2-E2"). */
  formula(row: number, col: number, formula: string, style: CellStyle = {}): void {
    if (!formula.startsWith('=')) throw new Error(`formula must start with "=": ${formula}`);
    this.ensure(row);
    this.values[row]![col] = null;
    this.formulas[row]![col] = formula;
    this.style(row, col, style);
  }

  style(row: number, col: number, s: CellStyle): void {
    this.ensure(row);
    if (s.numberFormat !== undefined && typeof this.values[row]![col] !== 'string') this.formats[row]![col] = s.numberFormat;
    if (s.bold !== undefined) this.bold[row]![col] = s.bold;
    if (s.italic !== undefined) this.italic[row]![col] = s.italic;
    if (s.fontColor !== undefined) this.fontColors[row]![col] = s.fontColor;
    if (s.fill !== undefined) this.fills[row]![col] = s.fill;
    if (s.wrap !== undefined) this.wrap[row]![col] = s.wrap;
    if (s.hAlign !== undefined) this.hAlign[row]![col] = s.hAlign;
  }

  styleRow(row: number, s: CellStyle, fromCol = 0, toCol = this.colCount - 1): void {
    for (let c = fromCol; c <= toCol; c++) this.style(row, c, s);
  }

  styleCol(col: number, fromRow: number, toRow: number, s: CellStyle): void {
    for (let r = fromRow; r <= toRow; r++) this.style(r, col, s);
  }

  finish(): SheetDescription {
    this.ensure(0);
    return {
      ...this.desc,
      rowCount: this.values.length,
      values: this.values,
      formulas: this.formulas,
      numberFormats: this.formats,
      bold: this.bold,
      italic: this.italic,
      fontColors: this.fontColors,
      fills: this.fills,
      wrap: this.wrap,
      hAlign: this.hAlign,
    };
  }
}
