/**
 * An in-memory stand-in for the Apps Script services the add-on uses (SpreadsheetApp, HtmlService,
 * Session, PropertiesService, Utilities), behaving like Google's for those calls: 2D shapes must
 * match the range (same error text), ranges outside the grid are refused, setValues parses text the
 * way Sheets does (formulas, numbers, booleans, the apostrophe prefix), getValues gives '' for empty
 * cells. Every call on a service object is counted, so tests can show the count does not grow with rows.
 *
 * The Advanced Sheets service (`Sheets`, tests/gas/fake-sheets-api.ts) works on the same in-memory
 * spreadsheet and is a global unless a test asks for a project without it (`advancedSheets: false`),
 * which is how the SpreadsheetApp fallback writer is exercised.
 *
 * loadBundle() runs the BUILT dist/gas/Code.js in a Node `vm` context, as Apps Script loads it:
 * one global scope, no modules, the services as globals.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createFakeSheetsApi, type FakeSheetsApi } from './fake-sheets-api';

export type Value = string | number | boolean | Date;

export interface FakeCell {
  value: Value | '';
  formula: string;
  numberFormat: string;
  fontWeight: 'bold' | 'normal';
  fontStyle: 'italic' | 'normal';
  fontColor: string;
  background: string;
  wrap: boolean;
  hAlign: string | null;
  /** Only the Sheets API path sets these (SpreadsheetApp's writer leaves Google's defaults). */
  vAlign: string | null;
  fontSize: number | null;
  note: string;
  validation: FakeValidation | null;
}

export interface FakeValidation {
  list: string[];
  allowInvalid: boolean;
  helpText: string;
}

export interface FakeCfRule {
  formula: string;
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  ranges: string[];
}

const AUTOMATIC = '0.###############';

function blankCell(): FakeCell {
  return {
    value: '',
    formula: '',
    numberFormat: AUTOMATIC,
    fontWeight: 'normal',
    fontStyle: 'normal',
    fontColor: '#000000',
    background: '#ffffff',
    wrap: false,
    hAlign: null,
    vAlign: null,
    fontSize: null,
    note: '',
    validation: null,
  };
}

export function colLetters(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function parseCellRef(ref: string): { row: number | null; col: number | null } {
  const m = /^\$?([A-Z]*)\$?([0-9]*)$/i.exec(ref.trim());
  if (!m || (m[1] === '' && m[2] === '')) throw new Error(`Range not found`);
  let col: number | null = null;
  if (m[1]) {
    col = 0;
    for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  }
  return { row: m[2] ? Number(m[2]) : null, col };
}

/** Sheets' parse of a string written with setValues (as if typed), for a cell with this format. */
export function sheetsParse(text: string, numberFormat: string): { value: Value | ''; formula: string } {
  if (text.startsWith("'")) return { value: text.slice(1), formula: '' };
  // A plain-text cell keeps what is written as text, as when typed into it.
  if (numberFormat === '@') return { value: text, formula: '' };
  if (text.startsWith('=')) return { value: '', formula: text };
  const t = text.trim();
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true', formula: '' };
  const num = /^([-+])?\$?([0-9][0-9,]*(\.[0-9]*)?|\.[0-9]+)$/.exec(t);
  if (num) {
    const n = Number(num[2]!.replace(/,/g, ''));
    return { value: num[1] === '-' ? -n : n, formula: '' };
  }
  // Sheets reads a leading + - or @ that is not a number as the start of a formula.
  if (/^[+\-@]/.test(text)) return { value: '#ERROR!', formula: `=${text}` };
  return { value: text, formula: '' };
}

export class Counter {
  calls: string[] = [];
  /** A spreadsheet the user may only view, or whose sheets are protected: every write is refused, as Google does. */
  locked = false;
  count(): number {
    return this.calls.length;
  }
  reset(): void {
    this.calls = [];
  }
  byMethod(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const c of this.calls) out[c] = (out[c] ?? 0) + 1;
    return out;
  }
}

/** Wraps an object so every public method call is logged as "Class.method". */
function tracked<T extends object>(obj: T, cls: string, counter: Counter): T {
  return new Proxy(obj, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v === 'function' && typeof prop === 'string' && !prop.startsWith('_') && prop !== 'constructor') {
        return (...args: unknown[]) => {
          counter.calls.push(`${cls}.${prop}`);
          if (counter.locked && /^(set|insert|delete|clear|merge|batchUpdate|append|add|hide|show|activate)/.test(prop)) {
            throw new Error('You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.');
          }
          return (v as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return v;
    },
  });
}

function checkShape(data: unknown[][], rows: number, cols: number): void {
  if (!Array.isArray(data) || data.length !== rows) {
    throw new Error(
      `The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(data) ? data.length : 0} but the range has ${rows}.`,
    );
  }
  for (const row of data) {
    if (!Array.isArray(row) || row.length !== cols) {
      throw new Error(
        `The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(row) ? row.length : 0} but the range has ${cols}.`,
      );
    }
  }
}

export class FakeSheet {
  /** The counted face of this sheet, handed out by getSheet(). */
  _proxy: FakeSheet = this;
  /** Google's id of the sheet (the Sheets API addresses sheets by it). */
  sheetId = 0;
  cells = new Map<string, FakeCell>();
  maxRows = 1000;
  maxCols = 26;
  frozenRows = 0;
  frozenCols = 0;
  filterRange: string | null = null;
  cfRules: FakeCfRule[] = [];
  colWidths = new Map<number, number>();
  hiddenCols = new Set<number>();
  rowHeights = new Map<number, number>();
  tabColor: string | null = null;
  merges: string[] = [];
  borders: Array<{ ranges: string[]; edges: (boolean | null)[]; color: string; style: string }> = [];

  constructor(
    public name: string,
    readonly ss: FakeSpreadsheet,
  ) {}

  _cell(row: number, col: number): FakeCell {
    const k = `${row},${col}`;
    let c = this.cells.get(k);
    if (!c) {
      c = blankCell();
      this.cells.set(k, c);
    }
    return c;
  }

  _peek(row: number, col: number): FakeCell | undefined {
    return this.cells.get(`${row},${col}`);
  }

  _lastRow(): number {
    let last = 0;
    for (const [k, c] of this.cells) if (c.value !== '' || c.formula !== '') last = Math.max(last, Number(k.split(',')[0]));
    return last;
  }

  _lastCol(): number {
    let last = 0;
    for (const [k, c] of this.cells) if (c.value !== '' || c.formula !== '') last = Math.max(last, Number(k.split(',')[1]));
    return last;
  }

  /** Test helper: what a person sees, as text rows (A1 = [0][0]). */
  _values(): Array<Array<Value | ''>> {
    const out: Array<Array<Value | ''>> = [];
    // Each bound walks every cell: taken once, not per row and per column (that made tests slow).
    const lastRow = this._lastRow();
    const lastCol = this._lastCol();
    for (let r = 1; r <= lastRow; r++) {
      const row: Array<Value | ''> = [];
      for (let c = 1; c <= lastCol; c++) row.push(this._peek(r, c)?.value ?? '');
      out.push(row);
    }
    return out;
  }

  _range(row: number, col: number, rows: number, cols: number): FakeRange {
    if (row < 1 || col < 1) throw new Error('The starting row or column of the range is too small.');
    if (rows < 1 || cols < 1) throw new Error('The number of rows or columns in the range must be at least 1.');
    if (row + rows - 1 > this.maxRows || col + cols - 1 > this.maxCols) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return tracked(new FakeRange(this, row, col, rows, cols), 'Range', this.ss.counter);
  }

  _rangeA1(a1: string): FakeRange {
    const [a, b] = a1.split(':');
    const p = parseCellRef(a!);
    const q = b === undefined ? p : parseCellRef(b);
    const r1 = p.row ?? 1;
    const c1 = p.col ?? 1;
    const r2 = q.row ?? this.maxRows;
    const c2 = q.col ?? this.maxCols;
    return this._range(Math.min(r1, r2), Math.min(c1, c2), Math.abs(r2 - r1) + 1, Math.abs(c2 - c1) + 1);
  }

  getName(): string {
    return this.name;
  }
  getSheetName(): string {
    return this.name;
  }
  getRange(a: number | string, b?: number, c?: number, d?: number): FakeRange {
    if (typeof a === 'string') return this._rangeA1(a);
    return this._range(a, b!, c ?? 1, d ?? 1);
  }
  getDataRange(): FakeRange {
    return this._range(1, 1, Math.max(1, this._lastRow()), Math.max(1, this._lastCol()));
  }
  getLastRow(): number {
    return this._lastRow();
  }
  getLastColumn(): number {
    return this._lastCol();
  }
  getMaxRows(): number {
    return this.maxRows;
  }
  getMaxColumns(): number {
    return this.maxCols;
  }
  insertRowsAfter(after: number, howMany: number): FakeSheet {
    if (howMany < 1) throw new Error('Those rows are out of bounds.');
    if (after < this.maxRows) throw new Error('fake: inserting rows inside the grid is not modelled');
    this.maxRows += howMany;
    return this;
  }
  insertColumnsAfter(after: number, howMany: number): FakeSheet {
    if (howMany < 1) throw new Error('Those columns are out of bounds.');
    if (after < this.maxCols) throw new Error('fake: inserting columns inside the grid is not modelled');
    this.maxCols += howMany;
    return this;
  }
  deleteRows(position: number, howMany: number): void {
    if (position < 1 || howMany < 1 || position + howMany - 1 > this.maxRows) throw new Error('Those rows are out of bounds.');
    if (howMany >= this.maxRows) throw new Error("Sorry, it is not possible to delete all non-frozen rows.");
    if (position <= this._lastRow()) throw new Error('fake: deleting rows with content is not modelled');
    this.maxRows -= howMany;
  }
  clear(): FakeSheet {
    for (const c of this.cells.values()) {
      const note = c.note;
      const dv = c.validation;
      Object.assign(c, blankCell(), { note, validation: dv });
    }
    return this;
  }
  setFrozenRows(n: number): void {
    this.frozenRows = n;
  }
  setFrozenColumns(n: number): void {
    this.frozenCols = n;
  }
  getFrozenRows(): number {
    return this.frozenRows;
  }
  setColumnWidth(col: number, px: number): FakeSheet {
    this.colWidths.set(col, px);
    return this;
  }
  setColumnWidths(start: number, n: number, px: number): FakeSheet {
    for (let c = start; c < start + n; c++) this.colWidths.set(c, px);
    return this;
  }
  hideColumns(col: number, n = 1): void {
    for (let c = col; c < col + n; c++) this.hiddenCols.add(c);
  }
  isColumnHiddenByUser(col: number): boolean {
    return this.hiddenCols.has(col);
  }
  getColumnWidth(col: number): number {
    return this.colWidths.get(col) ?? 100;
  }
  getFilter(): FakeFilter | null {
    return this.filterRange === null ? null : tracked(new FakeFilter(this), 'Filter', this.ss.counter);
  }
  setConditionalFormatRules(rules: FakeCfRule[]): void {
    this.cfRules = [...rules];
  }
  getConditionalFormatRules(): FakeCfRule[] {
    return [...this.cfRules];
  }
  getRangeList(a1s: string[]): FakeRangeList {
    const ranges = a1s.map((a) => this._rangeA1(a));
    return tracked(new FakeRangeList(this, a1s, ranges), 'RangeList', this.ss.counter);
  }
  setTabColor(c: string | null): FakeSheet {
    this.tabColor = c;
    return this;
  }
  activate(): FakeSheet {
    this.ss.activeSheet = this;
    return this;
  }
  getParent(): FakeSpreadsheet {
    return this.ss;
  }
  getSheetId(): number {
    return this.sheetId;
  }
}

export class FakeFilter {
  constructor(readonly sheet: FakeSheet) {}
  remove(): void {
    this.sheet.filterRange = null;
  }
  getRange(): FakeRange {
    return this.sheet._rangeA1(this.sheet.filterRange!);
  }
}

export class FakeRangeList {
  constructor(
    readonly sheet: FakeSheet,
    readonly a1s: string[],
    readonly ranges: FakeRange[],
  ) {}
  setBorder(...args: unknown[]): FakeRangeList {
    const edges = args.slice(0, 6) as (boolean | null)[];
    this.sheet.borders.push({ ranges: [...this.a1s], edges, color: String(args[6] ?? '#000000'), style: String(args[7] ?? 'SOLID') });
    return this;
  }
  getRanges(): FakeRange[] {
    return this.ranges;
  }
}

export class FakeRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly rows: number,
    readonly cols: number,
  ) {}

  private each<T>(data: T[][], f: (cell: FakeCell, v: T) => void): void {
    checkShape(data, this.rows, this.cols);
    for (let r = 0; r < this.rows; r++) for (let c = 0; c < this.cols; c++) f(this.sheet._cell(this.row + r, this.col + c), data[r]![c]!);
  }

  private grid<T>(f: (cell: FakeCell | undefined) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.rows; r++) {
      const row: T[] = [];
      for (let c = 0; c < this.cols; c++) row.push(f(this.sheet._peek(this.row + r, this.col + c)));
      out.push(row);
    }
    return out;
  }

  getA1Notation(): string {
    return this._a1();
  }
  _a1(): string {
    const a = `${colLetters(this.col)}${this.row}`;
    const b = `${colLetters(this.col + this.cols - 1)}${this.row + this.rows - 1}`;
    return a === b ? a : `${a}:${b}`;
  }
  getSheet(): FakeSheet {
    return this.sheet._proxy;
  }
  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.col;
  }
  getNumRows(): number {
    return this.rows;
  }
  getNumColumns(): number {
    return this.cols;
  }
  getLastRow(): number {
    return this.row + this.rows - 1;
  }

  setValues(data: unknown[][]): FakeRange {
    this.each(data, (cell, v) => {
      if (v === null || v === undefined || v === '') {
        cell.value = '';
        cell.formula = '';
      } else if (typeof v === 'string') {
        const p = sheetsParse(v, cell.numberFormat);
        cell.value = p.value;
        cell.formula = p.formula;
      } else if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) {
        cell.value = v;
        cell.formula = '';
      } else {
        throw new Error(`fake: unsupported value ${String(v)}`);
      }
    });
    return this;
  }
  setValue(v: unknown): FakeRange {
    return this.setValues([[v]]);
  }
  setFormulas(data: string[][]): FakeRange {
    this.each(data, (cell, f) => {
      cell.formula = f ?? '';
      if (f) cell.value = '';
    });
    return this;
  }
  getValues(): Array<Array<Value | ''>> {
    return this.grid((c) => (c ? c.value : ''));
  }
  getDisplayValues(): string[][] {
    return this.grid((c) => (c ? String(c.value) : ''));
  }
  getValue(): Value | '' {
    return this.getValues()[0]![0]!;
  }
  getFormulas(): string[][] {
    return this.grid((c) => (c ? c.formula : ''));
  }
  setNumberFormats(data: string[][]): FakeRange {
    this.each(data, (cell, v) => {
      if (typeof v !== 'string') throw new Error('Cannot convert number format to String.');
      cell.numberFormat = v;
    });
    return this;
  }
  getNumberFormats(): string[][] {
    return this.grid((c) => (c ? c.numberFormat : AUTOMATIC));
  }
  setFontWeights(data: string[][]): FakeRange {
    this.each(data, (cell, v) => {
      if (v !== 'bold' && v !== 'normal' && v !== null) throw new Error(`Invalid argument: fontWeight ${v}`);
      cell.fontWeight = v === 'bold' ? 'bold' : 'normal';
    });
    return this;
  }
  getFontWeights(): string[][] {
    return this.grid((c) => (c ? c.fontWeight : 'normal'));
  }
  setFontStyles(data: string[][]): FakeRange {
    this.each(data, (cell, v) => {
      if (v !== 'italic' && v !== 'normal' && v !== null) throw new Error(`Invalid argument: fontStyle ${v}`);
      cell.fontStyle = v === 'italic' ? 'italic' : 'normal';
    });
    return this;
  }
  getFontStyles(): string[][] {
    return this.grid((c) => (c ? c.fontStyle : 'normal'));
  }
  setFontColors(data: string[][]): FakeRange {
    this.each(data, (cell, v) => (cell.fontColor = v === null ? '#000000' : String(v).toLowerCase()));
    return this;
  }
  getFontColors(): string[][] {
    return this.grid((c) => (c ? c.fontColor : '#000000'));
  }
  setBackgrounds(data: (string | null)[][]): FakeRange {
    this.each(data, (cell, v) => (cell.background = v === null ? '#ffffff' : String(v).toLowerCase()));
    return this;
  }
  getBackgrounds(): string[][] {
    return this.grid((c) => (c ? c.background : '#ffffff'));
  }
  setWraps(data: boolean[][]): FakeRange {
    this.each(data, (cell, v) => (cell.wrap = v === true));
    return this;
  }
  getWraps(): boolean[][] {
    return this.grid((c) => (c ? c.wrap : false));
  }
  setHorizontalAlignments(data: (string | null)[][]): FakeRange {
    this.each(data, (cell, v) => {
      if (v !== null && !['left', 'center', 'right', 'normal', 'general'].includes(v)) throw new Error(`Invalid argument: ${v}`);
      cell.hAlign = v;
    });
    return this;
  }
  setFontSize(size: number): FakeRange {
    if (!Number.isInteger(size) || size < 1) throw new Error(`Invalid argument: ${size}`);
    this.each(this.grid(() => size), (cell) => {
      cell.fontSize = size;
    });
    return this;
  }
  setVerticalAlignment(v: string | null): FakeRange {
    if (v !== null && !['top', 'middle', 'bottom'].includes(v)) throw new Error(`Invalid argument: ${v}`);
    this.each(this.grid(() => v), (cell) => {
      cell.vAlign = v;
    });
    return this;
  }
  getHorizontalAlignments(): string[][] {
    return this.grid((c) => (c?.hAlign ? `${c.hAlign}` : 'general'));
  }
  setNotes(data: (string | null)[][]): FakeRange {
    this.each(data, (cell, v) => (cell.note = v ?? ''));
    return this;
  }
  getNotes(): string[][] {
    return this.grid((c) => (c ? c.note : ''));
  }
  setDataValidations(data: (FakeValidation | null)[][]): FakeRange {
    this.each(data, (cell, v) => (cell.validation = v));
    return this;
  }
  getDataValidations(): (FakeValidation | null)[][] {
    return this.grid((c) => (c ? c.validation : null));
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean; commentsOnly?: boolean }): FakeRange {
    const all = !options;
    for (let r = 0; r < this.rows; r++) {
      for (let c = 0; c < this.cols; c++) {
        const cell = this.sheet._peek(this.row + r, this.col + c);
        if (!cell) continue;
        const blank = blankCell();
        if (all || options.contentsOnly) {
          cell.value = '';
          cell.formula = '';
        }
        if (all || options.formatOnly) {
          const { value, formula, note, validation } = cell;
          Object.assign(cell, blank, { value, formula, note, validation });
        }
        if (all || options.validationsOnly) cell.validation = null;
        if (options?.commentsOnly) cell.note = '';
      }
    }
    return this;
  }
  breakApart(): FakeRange {
    this.sheet.merges = [];
    return this;
  }
  merge(): FakeRange {
    this.sheet.merges.push(this._a1());
    return this;
  }
  createFilter(): FakeFilter {
    if (this.sheet.filterRange !== null) throw new Error("You can't create a filter in a sheet that already has a filter.");
    this.sheet.filterRange = this._a1();
    return new FakeFilter(this.sheet);
  }
  activate(): FakeRange {
    this.sheet.ss.activeSheet = this.sheet;
    this.sheet.ss.activeRange = this;
    return this;
  }
}

export class FakeSpreadsheet {
  sheets: FakeSheet[] = [];
  activeSheet: FakeSheet | null = null;
  activeRange: FakeRange | null = null;
  editors: string[] = [];
  viewers: string[] = [];
  toasts: string[] = [];
  /** Google gives the first sheet id 0 and others large random ids; these are just unique. */
  nextSheetId = 0;

  constructor(readonly counter: Counter) {}

  _add(name: string, index?: number): FakeSheet {
    const raw = new FakeSheet(name, this);
    raw.sheetId = this.nextSheetId === 0 ? 0 : 1000000 + this.nextSheetId * 7919;
    this.nextSheetId++;
    while (this.sheets.some((s) => s.sheetId === raw.sheetId)) raw.sheetId++;
    const sheet = tracked(raw, 'Sheet', this.counter);
    raw._proxy = sheet;
    if (index === undefined || index > this.sheets.length) this.sheets.push(sheet);
    else this.sheets.splice(index, 0, sheet);
    if (!this.activeSheet) this.activeSheet = sheet;
    return sheet;
  }

  /** Test helper: a sheet with these rows pasted at A1 (a PDF paste is one line per row in column A). */
  _paste(name: string, rows: Value[][]): FakeSheet {
    const sheet = this._add(name);
    const width = Math.max(1, ...rows.map((r) => r.length));
    if (rows.length > sheet.maxRows) sheet.maxRows = rows.length;
    if (width > sheet.maxCols) sheet.maxCols = width;
    rows.forEach((r, i) =>
      r.forEach((v, j) => {
        if (v === '') return;
        const cell = sheet._cell(i + 1, j + 1);
        if (typeof v === 'string') {
          const p = sheetsParse(v, cell.numberFormat);
          cell.value = p.value;
          cell.formula = p.formula;
        } else cell.value = v;
      }),
    );
    return sheet;
  }

  /** Test helper: select a range, as a person clicking in the sheet. */
  _select(sheet: string, a1: string): void {
    const s = this.sheets.find((x) => x.name === sheet)!;
    this.activeSheet = s;
    this.activeRange = s._rangeA1(a1);
  }

  _sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  getSheetByName(name: string): FakeSheet | null {
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  getSheets(): FakeSheet[] {
    return [...this.sheets];
  }
  insertSheet(name?: string, index?: number): FakeSheet {
    const n = name ?? `Sheet${this.sheets.length + 1}`;
    if (this.getSheetByName(n)) {
      throw new Error(`A sheet with the name "${n}" already exists. Please enter another name.`);
    }
    return this._add(n, index);
  }
  getActiveSheet(): FakeSheet | null {
    return this.activeSheet;
  }
  getActiveRange(): FakeRange | null {
    return this.activeRange;
  }
  getRange(a1: string): FakeRange {
    const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(a1);
    if (!m) return (this.activeSheet ?? this.sheets[0]!)._rangeA1(a1);
    const name = (m[1] ?? m[2]!).replace(/''/g, "'");
    const s = this.getSheetByName(name);
    if (!s) throw new Error('Range not found');
    return s._rangeA1(m[3]!);
  }
  getSpreadsheetTimeZone(): string {
    return 'America/Chicago';
  }
  getId(): string {
    return 'fake-spreadsheet-id';
  }
  getName(): string {
    return 'Smith claim';
  }
  addEditor(email: string): FakeSpreadsheet {
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new Error(`Invalid email: ${email}`);
    this.editors.push(email);
    return this;
  }
  addViewer(email: string): FakeSpreadsheet {
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new Error(`Invalid email: ${email}`);
    this.viewers.push(email);
    return this;
  }
  toast(msg: string, title?: string): void {
    this.toasts.push(`${title ?? ''}: ${msg}`);
  }
}

class CfBuilder {
  rule: FakeCfRule = { formula: '', background: null, fontColor: null, bold: null, ranges: [] };
  whenFormulaSatisfied(f: string): CfBuilder {
    this.rule.formula = f;
    return this;
  }
  setBackground(c: string): CfBuilder {
    this.rule.background = c.toLowerCase();
    return this;
  }
  setFontColor(c: string): CfBuilder {
    this.rule.fontColor = c.toLowerCase();
    return this;
  }
  setBold(b: boolean): CfBuilder {
    this.rule.bold = b;
    return this;
  }
  setRanges(ranges: FakeRange[]): CfBuilder {
    this.rule.ranges = ranges.map((r) => r._a1());
    return this;
  }
  build(): FakeCfRule {
    if (this.rule.ranges.length === 0) throw new Error('A conditional format rule needs at least one range.');
    return { ...this.rule };
  }
}

class DvBuilder {
  v: FakeValidation = { list: [], allowInvalid: true, helpText: '' };
  requireValueInList(list: string[], _dropdown?: boolean): DvBuilder {
    this.v.list = [...list];
    return this;
  }
  setAllowInvalid(b: boolean): DvBuilder {
    this.v.allowInvalid = b;
    return this;
  }
  setHelpText(t: string): DvBuilder {
    this.v.helpText = t;
    return this;
  }
  build(): FakeValidation {
    return { ...this.v, list: [...this.v.list] };
  }
}

export interface UiScript {
  /** Answers ui.prompt in order: [button, text]. */
  prompts: Array<['OK' | 'CANCEL', string]>;
  /** Answers ui.alert with buttons in order. */
  alerts: Array<'OK' | 'YES' | 'NO' | 'CANCEL'>;
}

export class FakeUi {
  menus: Array<{ name: string; items: Array<{ label: string; fn: string } | 'separator'> }> = [];
  sidebars: Array<{ title: string; width: number; content: string }> = [];
  dialogs: Array<{ title: string; content: string }> = [];
  alertsShown: Array<{ title: string; text: string }> = [];
  script: UiScript = { prompts: [], alerts: [] };
  Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' };
  ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' };

  createMenu(name: string) {
    const menu = { name, items: [] as Array<{ label: string; fn: string } | 'separator'> };
    const api = {
      addItem: (label: string, fn: string) => {
        menu.items.push({ label, fn });
        return api;
      },
      addSeparator: () => {
        menu.items.push('separator');
        return api;
      },
      addToUi: () => {
        this.menus.push(menu);
      },
    };
    return api;
  }
  createAddonMenu() {
    return this.createMenu('(add-on)');
  }
  showSidebar(html: FakeHtmlOutput): void {
    this.sidebars.push({ title: html.title, width: html.width, content: html.getContent() });
  }
  showModalDialog(html: FakeHtmlOutput, title: string): void {
    this.dialogs.push({ title, content: html.getContent() });
  }
  alert(title: string, text?: string, _buttons?: string): string {
    this.alertsShown.push({ title, text: text ?? '' });
    return this.script.alerts.shift() ?? 'OK';
  }
  prompt(_title: string, _text?: string, _buttons?: string) {
    const [button, text] = this.script.prompts.shift() ?? ['CANCEL', ''];
    return { getSelectedButton: () => button, getResponseText: () => text };
  }
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export class FakeHtmlOutput {
  title = '';
  width = 300;
  height = 0;
  constructor(private content: string) {}
  setTitle(t: string): FakeHtmlOutput {
    this.title = t;
    return this;
  }
  setWidth(w: number): FakeHtmlOutput {
    this.width = w;
    return this;
  }
  setHeight(h: number): FakeHtmlOutput {
    this.height = h;
    return this;
  }
  append(s: string): FakeHtmlOutput {
    this.content += s;
    return this;
  }
  appendUntrusted(s: string): FakeHtmlOutput {
    this.content += escapeHtml(s);
    return this;
  }
  getContent(): string {
    return this.content;
  }
}

export interface FakeGas {
  counter: Counter;
  ss: FakeSpreadsheet;
  /** The Advanced Sheets service stand-in, or null for a project without it. */
  sheetsApi: FakeSheetsApi | null;
  ui: FakeUi;
  properties: Map<string, string>;
  user: string;
  globals: Record<string, unknown>;
}

/** The services as Apps Script exposes them, backed by one in-memory spreadsheet. */
export function createFakeGas(
  opts: { htmlDir?: string; user?: string; now?: () => Date; advancedSheets?: boolean } = {},
): FakeGas {
  const counter = new Counter();
  const ss = new FakeSpreadsheet(counter);
  // appsscript.json enables the service, so a project has it unless a test says otherwise.
  const sheetsApi = opts.advancedSheets === false ? null : createFakeSheetsApi(ss, counter);
  const ui = new FakeUi();
  const properties = new Map<string, string>();
  const user = opts.user ?? 'am@acme-roofing.test';
  const htmlDir = opts.htmlDir ?? path.resolve('dist/gas');
  const trackedSs = tracked(ss, 'Spreadsheet', counter);
  const app = {
    getActive: () => trackedSs,
    getActiveSpreadsheet: () => trackedSs,
    getUi: () => ui,
    newConditionalFormatRule: () => new CfBuilder(),
    newDataValidation: () => new DvBuilder(),
    flush: () => undefined,
    BorderStyle: { SOLID: 'SOLID', SOLID_MEDIUM: 'SOLID_MEDIUM', SOLID_THICK: 'SOLID_THICK' },
    WrapStrategy: { WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' },
  };
  const pad = (n: number) => String(n).padStart(2, '0');
  const globals: Record<string, unknown> = {
    SpreadsheetApp: tracked(app, 'SpreadsheetApp', counter),
    HtmlService: {
      createHtmlOutputFromFile: (name: string) =>
        new FakeHtmlOutput(readFileSync(path.join(htmlDir, `${name.replace(/\.html$/, '')}.html`), 'utf8')),
      createHtmlOutput: (s?: string) => new FakeHtmlOutput(s ?? ''),
    },
    Session: {
      getActiveUser: () => ({ getEmail: () => user }),
      getEffectiveUser: () => ({ getEmail: () => user }),
      getScriptTimeZone: () => 'America/Chicago',
    },
    PropertiesService: {
      getDocumentProperties: () => ({
        getProperty: (k: string) => properties.get(k) ?? null,
        setProperty: (k: string, v: string) => {
          properties.set(k, String(v));
        },
        deleteProperty: (k: string) => {
          properties.delete(k);
        },
      }),
    },
    Utilities: {
      // The fake runs in UTC; only the patterns the add-on uses are supported.
      formatDate: (d: Date, _tz: string, pattern: string) => {
        const s = pattern
          .replace('yyyy', String(d.getUTCFullYear()))
          .replace('MM', pad(d.getUTCMonth() + 1))
          .replace('dd', pad(d.getUTCDate()))
          .replace('HH', pad(d.getUTCHours()))
          .replace('mm', pad(d.getUTCMinutes()))
          .replace('ss', pad(d.getUTCSeconds()));
        return s.replace(/'T'/g, 'T');
      },
    },
    Logger: { log: () => undefined },
    console,
  };
  if (sheetsApi) globals['Sheets'] = sheetsApi;
  return { counter, ss, sheetsApi, ui, properties, user, globals };
}

export interface LoadedBundle {
  gas: FakeGas;
  context: vm.Context;
  /** Calls a global function the way Apps Script does (menu, trigger, google.script.run). */
  call<T = unknown>(name: string, ...args: unknown[]): T;
  has(name: string): boolean;
}

/** Loads the built Code.js into a fresh vm context with the fake services as globals. */
export function loadBundle(gas: FakeGas = createFakeGas(), codePath = path.resolve('dist/gas/Code.js')): LoadedBundle {
  if (!existsSync(codePath)) throw new Error(`${codePath} is missing: run \`node scripts/build.mjs gas\` first.`);
  const code = readFileSync(codePath, 'utf8');
  const context = vm.createContext({ ...gas.globals });
  vm.runInContext(code, context, { filename: 'Code.js' });
  return {
    gas,
    context,
    call<T>(name: string, ...args: unknown[]): T {
      const f = context[name];
      if (typeof f !== 'function') throw new Error(`${name} is not a global function in Code.js`);
      // Arguments cross google.script.run as JSON, so they do here too.
      const json = JSON.parse(JSON.stringify(args)) as unknown[];
      const result = (f as (...a: unknown[]) => T)(...json);
      return result === undefined ? result : (JSON.parse(JSON.stringify(result)) as T);
    },
    has(name: string): boolean {
      return vm.runInContext(`typeof ${name} === 'function'`, context) === true;
    },
  };
}

/** A paste as rows of cells: text split into lines (PDF text lands one line per row in column A) or TSV cells. */
export function pasteRows(text: string, as: 'lines' | 'tsv'): Value[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (as === 'lines' ? [l] : l.split('\t')));
}

/** A header-table export of `n` lines, like tests/fixtures/case1 (our side or the insurer's). */
export function syntheticPaste(n: number, side: 'ours' | 'theirs'): Value[][] {
  const rows: Value[][] = [['Line', 'Room', 'Description', 'Qty', 'Unit', 'Unit Cost', 'Total']];
  for (let i = 1; i <= n; i++) {
    const qty = 10 + (i % 7);
    const price = side === 'ours' ? 3 + (i % 5) : 3 + (i % 5) - (i % 3 === 0 ? 1 : 0);
    if (side === 'theirs' && i % 10 === 0) continue; // denied lines
    rows.push([String(i), i % 2 ? 'Roof' : 'Gutters', `Line item ${i} - roofing component`, qty, 'LF', price, Math.round(qty * price * 100) / 100]);
  }
  return rows;
}

/**
 * Service calls of one full build from two pasted sheets of `rows` lines each, through the built
 * bundle. For `npm run bench`: the count is the same for 10, 100 and 1,000 rows.
 *
 * By default the project has the Advanced Sheets service (as appsscript.json configures it) and
 * the build takes the one-batchUpdate path; `{ advancedSheets: false }` counts the SpreadsheetApp
 * fallback. `{ refresh: true }` counts a second build over the first (the read-back path).
 */
export function countGasCalls(
  rows: number,
  codePath = path.resolve('dist/gas/Code.js'),
  opts: { advancedSheets?: boolean; refresh?: boolean } = {},
): {
  rows: number;
  calls: number;
  byMethod: Record<string, number>;
  ms: number;
  writer: string;
  /** JSON size of all batchUpdate bodies (0 on the fallback path). */
  batchBytes: number;
  /** JSON size of each batchUpdate body, in order. */
  batchSizes: number[];
} {
  const gas = createFakeGas({ advancedSheets: opts.advancedSheets !== false });
  gas.ss._paste('Ours', syntheticPaste(rows, 'ours'));
  gas.ss._paste('Theirs', syntheticPaste(rows, 'theirs'));
  const b = loadBundle(gas, codePath);
  const req = { ours: { sheet: 'Ours' }, theirs: { sheet: 'Theirs' }, totals: {} };
  if (opts.refresh) b.call('pursueBuild', req);
  gas.counter.reset();
  const logStart = gas.sheetsApi?.log.length ?? 0;
  const started = Date.now();
  const summary = b.call<{ writer?: string }>('pursueBuild', req);
  const ms = Date.now() - started;
  const batches = (gas.sheetsApi?.log ?? []).slice(logStart).filter((c) => c.method === 'batchUpdate');
  return {
    rows,
    calls: gas.counter.count(),
    byMethod: gas.counter.byMethod(),
    ms,
    writer: summary.writer ?? 'unknown',
    batchBytes: batches.reduce((n, c) => n + (c.bytes ?? 0), 0),
    batchSizes: batches.map((c) => c.bytes ?? 0),
  };
}
