/**
 * Writes a WorkbookDescription with SpreadsheetApp in a fixed number of service calls per sheet:
 * whole 2D blocks per property, range lists for borders, one rule list for conditional formats.
 * The number of calls depends on the description's layout (sheets, formats in use, column-width
 * runs, borders, merges), never on how many rows it has.
 */
import type {
  BorderSpec,
  CellValue,
  SheetDescription,
  WorkbookDescription,
  WriterSupport,
} from '../shared/index';
import type { Cell } from '../shared/index';

type SS = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

/** Google Sheets' own name for "Automatic": what getNumberFormat reports for an unformatted cell. */
const SHEETS_AUTOMATIC = '0.###############';
/** A sheet Google creates with insertSheet has this grid. */
const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLS = 26;
/** Empty rows left under a new sheet's content, for people to type in. */
const SPARE_ROWS = 100;

/** Excel column width (characters of the default font) to Sheets pixels. */
export function widthToPixels(chars: number): number {
  return Math.max(20, Math.round(chars * 7 + 5));
}

/** Excel number format codes to what Sheets accepts. Both read the same section syntax; only General differs. */
export function sheetsNumberFormat(code: string): string {
  return code === 'General' || code === '' ? SHEETS_AUTOMATIC : code;
}

/** Text Sheets would turn into a formula, a number, a date or a boolean when written with setValues. */
export function sheetsWouldParse(text: string): boolean {
  if (text === '') return false;
  if (/^[=+\-@']/.test(text)) return true;
  const t = text.trim();
  if (/^(true|false)$/i.test(t)) return true;
  if (/^[$€£]?\s*\(?[0-9][0-9,]*(\.[0-9]*)?\)?%?$/.test(t) || /^\.[0-9]+%?$/.test(t)) return true;
  if (/^[0-9]{1,4}[/.-][0-9]{1,2}([/.-][0-9]{1,4})?$/.test(t)) return true; // dates: 9/03, 2026-09-03
  if (/^[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?\s*([ap]m)?$/i.test(t)) return true; // times
  return false;
}

/**
 * Whether to write text with Sheets' apostrophe prefix. A leading = + - @ or ' always gets it,
 * even in a plain-text cell: the apostrophe is Sheets' own "this is text" mark and is not stored,
 * so the cell holds exactly the text either way. Other text that would read as a number or a date
 * only needs it when the cell is not plain text.
 */
export function needsQuote(text: string, plainText: boolean): boolean {
  if (/^[=+\-@']/.test(text)) return true;
  return !plainText && sheetsWouldParse(text);
}

/**
 * The one 2D block setValues writes: formulas where the description has one, else the value.
 * Text stays text: the "@" format is set before the values land (Sheets keeps what is written
 * into a plain-text cell as text), and text Sheets could still parse gets the apostrophe prefix.
 */
export function valuesBlock(sd: SheetDescription): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = 0; r < sd.rowCount; r++) {
    const row: CellValue[] = [];
    for (let c = 0; c < sd.colCount; c++) {
      const f = sd.formulas[r]?.[c] ?? null;
      if (f !== null && f !== '') {
        row.push(f);
        continue;
      }
      const v = sd.values[r]?.[c] ?? null;
      if (typeof v === 'string') {
        const plainText = (sd.numberFormats[r]?.[c] ?? 'General') === '@';
        row.push(needsQuote(v, plainText) ? `'${v}` : v);
      } else {
        row.push(v === null ? '' : v);
      }
    }
    out.push(row);
  }
  return out;
}

function block<T, U>(sd: SheetDescription, src: T[][], map: (v: T | undefined) => U): U[][] {
  const out: U[][] = [];
  for (let r = 0; r < sd.rowCount; r++) {
    const row: U[] = [];
    const s = src[r] ?? [];
    for (let c = 0; c < sd.colCount; c++) row.push(map(s[c]));
    out.push(row);
  }
  return out;
}

function allEqual<T>(rows: T[][], value: T): boolean {
  for (const row of rows) for (const v of row) if (v !== value) return false;
  return true;
}

export function parseCell(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?([0-9]+)$/i.exec(ref.trim());
  if (!m) throw new Error(`Not an A1 cell address: ${ref}`);
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

export interface SheetState {
  sheet: Sheet;
  /** Rows and columns the sheet held before (its data range), to clear what the new grid will not cover. */
  usedRows: number;
  usedCols: number;
  /** True when this run inserted the sheet: its grid is Google's default and holds nothing. */
  fresh: boolean;
}

export interface WriteStats {
  sheets: number;
  rows: number;
}

/**
 * Writes every sheet of the description. `known` holds the sheets already looked up while reading
 * back what people typed (so each sheet is found once per run).
 */
export function writeWorkbook(
  app: App,
  ss: SS,
  wb: WorkbookDescription,
  known: Map<string, { sheet: Sheet; usedRows: number; usedCols: number }>,
): WriteStats {
  let rows = 0;
  wb.sheets.forEach((sd, index) => {
    const found = known.get(sd.name);
    const state: SheetState = found
      ? { ...found, fresh: false }
      : { sheet: ss.insertSheet(sd.name, index), usedRows: 0, usedCols: 0, fresh: true };
    writeSheet(app, state, sd);
    rows += sd.rowCount;
  });
  return { sheets: wb.sheets.length, rows };
}

export function writeSheet(app: App, st: SheetState, sd: SheetDescription): void {
  const { sheet } = st;
  const rows = Math.max(1, sd.rowCount);
  const cols = Math.max(1, sd.colCount);
  sizeGrid(st, rows, cols);
  if (!st.fresh) clearLastBuild(st, sd, rows, cols);
  const range = sheet.getRange(1, 1, rows, cols);
  if (sd.rowCount === 0) return;
  writeCells(range, sd);
  if (sd.notes.length > 0) range.setNotes(notesBlock(sd, rows, cols));
  if (sd.validations.length > 0) range.setDataValidations(validationsBlock(app, sd, rows, cols));
  if (sd.conditionalFormats.length > 0 || !st.fresh) sheet.setConditionalFormatRules(conditionalRules(app, sheet, sd));
  if (sd.frozenRows > 0 || !st.fresh) sheet.setFrozenRows(sd.frozenRows);
  if (sd.frozenColumns > 0 || !st.fresh) sheet.setFrozenColumns(sd.frozenColumns);
  columnWidths(sheet, sd);
  for (const c of sd.hiddenColumns ?? []) sheet.hideColumns(c + 1);
  writeBorders(app, sheet, sd.borders);
  for (const m of sd.merges) sheet.getRange(m).merge();
  if (sd.filter) sheet.getRange(sd.filter).createFilter();
  if (sd.tabColor) sheet.setTabColor(sd.tabColor);
}

/**
 * Size the grid first: Google refuses a range outside the sheet. A new sheet gets exactly one
 * resize call (the rows plus room to type below), so the call count does not depend on rows.
 */
function sizeGrid({ sheet, fresh, usedRows, usedCols }: SheetState, rows: number, cols: number): void {
  if (fresh) {
    const target = rows + SPARE_ROWS;
    if (target > NEW_SHEET_ROWS) sheet.insertRowsAfter(NEW_SHEET_ROWS, target - NEW_SHEET_ROWS);
    else if (target < NEW_SHEET_ROWS) sheet.deleteRows(target + 1, NEW_SHEET_ROWS - target);
    if (cols > NEW_SHEET_COLS) sheet.insertColumnsAfter(NEW_SHEET_COLS, cols - NEW_SHEET_COLS);
    return;
  }
  if (rows > usedRows) {
    const maxRows = sheet.getMaxRows();
    if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows + SPARE_ROWS);
  }
  if (cols > usedCols) {
    const maxCols = sheet.getMaxColumns();
    if (maxCols < cols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
  }
}

/** Undo the previous build on a sheet that was already there: its filter, cells and merges. */
function clearLastBuild({ sheet, usedRows, usedCols }: SheetState, sd: SheetDescription, rows: number, cols: number): void {
  // The previous build's filter covers other rows; Google allows one filter per sheet.
  const filter = sheet.getFilter();
  if (filter) filter.remove();
  // Clear what the last build wrote (values, formats, notes, validations) over the larger grid.
  const old = sheet.getRange(1, 1, Math.max(rows, usedRows), Math.max(cols, usedCols));
  old.clear({ contentsOnly: true, formatOnly: true, validationsOnly: true, commentsOnly: true });
  if (sd.merges.length > 0) old.breakApart();
}

/** Values and cell formats, one 2D call per property; a property nobody set is not written. */
function writeCells(range: GoogleAppsScript.Spreadsheet.Range, sd: SheetDescription): void {
  // Number formats go first so text cells are already plain text ("@") when the values land.
  const formats = block(sd, sd.numberFormats, (f) => sheetsNumberFormat(f ?? 'General'));
  if (!allEqual(formats, SHEETS_AUTOMATIC)) range.setNumberFormats(formats);
  range.setValues(valuesBlock(sd));
  const weights = block(sd, sd.bold, (b) => (b ? 'bold' : 'normal'));
  if (!allEqual(weights, 'normal')) range.setFontWeights(weights);
  const styles = block(sd, sd.italic, (b) => (b ? 'italic' : 'normal'));
  if (!allEqual(styles, 'normal')) range.setFontStyles(styles);
  const colors = block(sd, sd.fontColors, (c) => c ?? '#000000');
  if (!allEqual(colors, '#000000')) range.setFontColors(colors);
  const fills = block(sd, sd.fills, (c) => c ?? null);
  if (!allEqual(fills, null)) range.setBackgrounds(fills as string[][]);
  const wraps = block(sd, sd.wrap, (w) => w === true);
  if (!allEqual(wraps, false)) range.setWraps(wraps);
  const aligns = block(sd, sd.hAlign, (a) => a ?? null);
  if (!allEqual(aligns, null)) range.setHorizontalAlignments(aligns);
  // Sheet-wide font size and vertical alignment: one call each, whatever the number of rows.
  if (sd.fontSize !== undefined) range.setFontSize(sd.fontSize);
  if (sd.verticalAlign !== undefined) range.setVerticalAlignment(sd.verticalAlign === 'center' ? 'middle' : sd.verticalAlign);
}

/** The notes as one 2D block ('' = no note), for a single setNotes call. */
function notesBlock(sd: SheetDescription, rows: number, cols: number): string[][] {
  const notes = block<string, string>(sd, [], () => '');
  for (const n of sd.notes) {
    const p = parseCell(n.cell);
    if (p.row <= rows && p.col <= cols) notes[p.row - 1]![p.col - 1] = n.text;
  }
  return notes;
}

/** The drop-down lists as one 2D block of rules (null = none), for a single setDataValidations call. */
function validationsBlock(app: App, sd: SheetDescription, rows: number, cols: number): GoogleAppsScript.Spreadsheet.DataValidation[][] {
  const rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] = block(sd, [], () => null);
  for (const v of sd.validations) {
    const rule = app
      .newDataValidation()
      .requireValueInList(v.list, true)
      .setAllowInvalid(false)
      .setHelpText(v.message)
      .build();
    const [a, b] = v.range.split(':');
    const p = parseCell(a!);
    const q = parseCell(b ?? a!);
    for (let r = p.row; r <= Math.min(q.row, rows); r++) {
      for (let c = p.col; c <= Math.min(q.col, cols); c++) rules[r - 1]![c - 1] = rule;
    }
  }
  return rules as GoogleAppsScript.Spreadsheet.DataValidation[][];
}

function conditionalRules(app: App, sheet: Sheet, sd: SheetDescription): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
  return sd.conditionalFormats.map((cf) => {
    let b = app.newConditionalFormatRule().whenFormulaSatisfied(cf.formula);
    if (cf.fill) b = b.setBackground(cf.fill);
    if (cf.fontColor) b = b.setFontColor(cf.fontColor);
    if (cf.bold !== undefined) b = b.setBold(cf.bold);
    return b.setRanges([sheet.getRange(cf.range)]).build();
  });
}

/** Runs of equal widths share one call. */
function columnWidths(sheet: Sheet, sd: SheetDescription): void {
  const widths = sd.columnWidths.map(widthToPixels);
  for (let c = 0; c < widths.length; ) {
    let end = c + 1;
    while (end < widths.length && widths[end] === widths[c]) end++;
    if (end - c === 1) sheet.setColumnWidth(c + 1, widths[c]!);
    else sheet.setColumnWidths(c + 1, end - c, widths[c]!);
    c = end;
  }
}

/** What this writer does with each part of a description (see WriterSupport). */
export const SPREADSHEETAPP_SUPPORT: WriterSupport = {
  values: true,
  formulas: true,
  numberFormats: true,
  bold: true,
  italic: true,
  fontColors: true,
  fills: true,
  wrap: true,
  hAlign: true,
  columnWidths: true,
  hiddenColumns: true,
  frozenRows: true,
  frozenColumns: true,
  filter: true,
  borders: true,
  conditionalFormats: true,
  validations: true,
  notes: true,
  merges: true,
  tabColor: true,
  fontSize: true,
  verticalAlign: true,
  rowHeights:
    'one setRowHeights call per run of equal heights would make the calls grow with the rows; Sheets grows rows for wrapped text itself',
  'print.landscape': 'Apps Script has no print settings; File › Print asks for them',
  'print.fitToPageWide': 'Apps Script has no print settings; File › Print asks for them',
  'print.fitToPageTall': 'Apps Script has no print settings; File › Print asks for them',
  'print.area': 'Apps Script has no print settings; File › Print asks for them',
  'print.repeatRows': 'Apps Script has no print settings (frozen rows repeat when printing)',
};

/** Borders with the same look go through one range list: two calls per look, not per range. */
function writeBorders(app: App, sheet: Sheet, borders: BorderSpec[]): void {
  const groups = new Map<string, { spec: BorderSpec; ranges: string[] }>();
  for (const b of borders) {
    const key = `${[...b.edges].sort().join(',')}|${b.style}|${b.color}`;
    const g = groups.get(key);
    if (g) g.ranges.push(b.range);
    else groups.set(key, { spec: b, ranges: [b.range] });
  }
  for (const { spec, ranges } of groups.values()) {
    const on = (e: BorderSpec['edges'][number]): boolean | null => (spec.edges.includes(e) ? true : null);
    const style =
      spec.style === 'medium' ? app.BorderStyle.SOLID_MEDIUM : app.BorderStyle.SOLID;
    sheet
      .getRangeList(ranges)
      .setBorder(on('top'), on('left'), on('bottom'), on('right'), on('insideVertical'), on('insideHorizontal'), spec.color, style);
  }
}

/** getValues hands back Date objects for date cells; the engine reads cells as text or numbers. */
export function toCells(values: unknown[][]): Cell[][] {
  return values.map((row) =>
    row.map((v) => {
      if (v instanceof Date || (v !== null && typeof v === 'object' && typeof (v as Date).getTime === 'function')) {
        const d = v as Date;
        const iso = new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString();
        return d.getHours() === 0 && d.getMinutes() === 0 && d.getSeconds() === 0 ? iso.slice(0, 10) : iso.slice(0, 19);
      }
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
      return v === null || v === undefined ? '' : String(v);
    }),
  );
}

