import type { CellValue, HAlign, SheetDescription } from '../types/workbook';
import { parseA1 } from './a1';

const colIndex = (ref: string): number => parseA1(ref).col;

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

/** Points: the sheets are written at 10 pt so the wide Pursue Items table stays readable when printed. */
export const FONT_SIZE = 10;
const LINE_HEIGHT = 13;

/** Lines a text needs in a column `width` characters wide (Excel's unit is the default font's "0"). */
export function linesNeeded(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.4) - 1);
  // One paragraph no longer than a line never wraps (most cells): no need to count word by word.
  if (text.length <= perLine && !text.includes('\n')) return 1;
  let lines = 0;
  let used = 0;
  let n = 1;
  let wordStart = 0;
  // Words wrap whole, so a line holds a little less than its width: count word by word. Words
  // end at each space (two spaces make an empty word), paragraphs at each line break.
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : NEWLINE;
    if (c !== SPACE && c !== NEWLINE) continue;
    const w = i - wordStart;
    wordStart = i + 1;
    if (used === 0) used = w;
    else if (used + 1 + w <= perLine) used += 1 + w;
    else {
      n++;
      used = w;
    }
    while (used > perLine) {
      n++;
      used -= perLine;
    }
    if (c === NEWLINE) {
      lines += n;
      used = 0;
      n = 1;
    }
  }
  return lines;
}

const SPACE = 32;
const NEWLINE = 10;

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
      fontSize: FONT_SIZE,
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

  /** Heights for rows holding wrapped text, so every host shows it all (merged cells count their full width). */
  private rowHeights(): (number | null)[] {
    const mergedWidth = new Map<string, number>();
    for (const m of this.desc.merges) {
      const [a, b] = m.split(':');
      const c1 = colIndex(a!);
      const c2 = colIndex(b ?? a!);
      const r1 = Number(/[0-9]+/.exec(a!)![0]) - 1;
      let w = 0;
      for (let c = c1; c <= c2; c++) w += this.desc.columnWidths[c] ?? 10;
      mergedWidth.set(`${r1}:${c1}`, w);
    }
    return this.values.map((row, r) => {
      let lines = 1;
      row.forEach((v, c) => {
        if (typeof v !== 'string' || v === '' || !this.wrap[r]![c]) return;
        const merged = mergedWidth.size === 0 ? undefined : mergedWidth.get(`${r}:${c}`);
        const width = merged ?? this.desc.columnWidths[c] ?? 10;
        lines = Math.max(lines, linesNeeded(v, width));
      });
      return lines > 1 ? lines * LINE_HEIGHT + 3 : null;
    });
  }

  finish(): SheetDescription {
    this.ensure(0);
    return {
      ...this.desc,
      rowHeights: this.rowHeights(),
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
