/**
 * An in-memory stand-in for the Advanced Sheets service (`Sheets.Spreadsheets.get` and
 * `.batchUpdate`) that reads and writes the SAME in-memory spreadsheet as the SpreadsheetApp
 * stand-in, so a test can write with one and read with the other.
 *
 * Strict like Google: unknown request kinds and unknown fields are refused with Google's
 * "Unknown name" words, values must have the right JSON type, ranges must lie inside the grid,
 * field masks must name real fields, a batch is applied all or nothing, and the spreadsheet id and
 * the argument order (resource first, then id) are checked. Requests the add-on does not use are
 * refused as "not modelled" rather than half-imitated.
 *
 * Each call is one service call on the shared counter ("Sheets.Spreadsheets.batchUpdate").
 */
import type { Counter, FakeCell, FakeCfRule, FakeSheet, FakeSpreadsheet, FakeValidation, Value } from './fake-gas';
import { colLetters } from './fake-gas';

const AUTOMATIC = '0.###############';
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;

// ---------------------------------------------------------------- schema (the parts the add-on may send)

type Sch =
  | { t: 'str' }
  | { t: 'num' }
  | { t: 'int' }
  | { t: 'bool' }
  | { t: 'enum'; v: readonly string[] }
  | { t: 'obj'; f: Record<string, Sch> }
  | { t: 'arr'; of: Sch };

const str: Sch = { t: 'str' };
const num: Sch = { t: 'num' };
const int: Sch = { t: 'int' };
const bool: Sch = { t: 'bool' };
const en = (...v: string[]): Sch => ({ t: 'enum', v });
const obj = (f: Record<string, Sch>): Sch => ({ t: 'obj', f });
const arr = (of: Sch): Sch => ({ t: 'arr', of });

const COLOR = obj({ red: num, green: num, blue: num, alpha: num });
const COLOR_STYLE = obj({ rgbColor: COLOR, themeColor: en('TEXT', 'BACKGROUND', 'ACCENT1', 'ACCENT2', 'ACCENT3', 'ACCENT4', 'ACCENT5', 'ACCENT6', 'LINK') });
const GRID_RANGE = obj({ sheetId: int, startRowIndex: int, endRowIndex: int, startColumnIndex: int, endColumnIndex: int });
const GRID_COORD = obj({ sheetId: int, rowIndex: int, columnIndex: int });
const NUMBER_FORMAT = obj({ type: en('TEXT', 'NUMBER', 'PERCENT', 'CURRENCY', 'DATE', 'TIME', 'DATE_TIME', 'SCIENTIFIC'), pattern: str });
const TEXT_FORMAT = obj({
  foregroundColor: COLOR,
  foregroundColorStyle: COLOR_STYLE,
  fontFamily: str,
  fontSize: int,
  bold: bool,
  italic: bool,
  strikethrough: bool,
  underline: bool,
});
const BORDER = obj({ style: en('DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'NONE', 'DOUBLE'), width: int, color: COLOR, colorStyle: COLOR_STYLE });
const BORDERS = obj({ top: BORDER, bottom: BORDER, left: BORDER, right: BORDER });
const PADDING = obj({ top: int, right: int, bottom: int, left: int });
const CELL_FORMAT = obj({
  numberFormat: NUMBER_FORMAT,
  backgroundColor: COLOR,
  backgroundColorStyle: COLOR_STYLE,
  borders: BORDERS,
  padding: PADDING,
  horizontalAlignment: en('LEFT', 'CENTER', 'RIGHT'),
  verticalAlignment: en('TOP', 'MIDDLE', 'BOTTOM'),
  wrapStrategy: en('OVERFLOW_CELL', 'LEGACY_WRAP', 'CLIP', 'WRAP'),
  textDirection: en('LEFT_TO_RIGHT', 'RIGHT_TO_LEFT'),
  textFormat: TEXT_FORMAT,
});
// errorValue is read-only: a request may not send it.
const EXTENDED_VALUE = obj({ numberValue: num, stringValue: str, boolValue: bool, formulaValue: str });
const CONDITION = obj({
  type: en('NUMBER_GREATER', 'NUMBER_LESS', 'NUMBER_EQ', 'TEXT_CONTAINS', 'TEXT_EQ', 'ONE_OF_LIST', 'ONE_OF_RANGE', 'CUSTOM_FORMULA', 'BLANK', 'NOT_BLANK', 'BOOLEAN'),
  values: arr(obj({ userEnteredValue: str })),
});
const VALIDATION_RULE = obj({ condition: CONDITION, inputMessage: str, strict: bool, showCustomUi: bool });
const CELL_DATA = obj({ userEnteredValue: EXTENDED_VALUE, userEnteredFormat: CELL_FORMAT, note: str, dataValidation: VALIDATION_RULE });
const GRID_PROPERTIES = obj({ rowCount: int, columnCount: int, frozenRowCount: int, frozenColumnCount: int, hideGridlines: bool });
const SHEET_PROPERTIES = obj({
  sheetId: int,
  title: str,
  index: int,
  sheetType: en('GRID'),
  gridProperties: GRID_PROPERTIES,
  hidden: bool,
  tabColor: COLOR,
  tabColorStyle: COLOR_STYLE,
  rightToLeft: bool,
});

const REQUESTS: Record<string, Sch> = {
  addSheet: obj({ properties: SHEET_PROPERTIES }),
  deleteSheet: obj({ sheetId: int }),
  updateSheetProperties: obj({ properties: SHEET_PROPERTIES, fields: str }),
  updateCells: obj({ rows: arr(obj({ values: arr(CELL_DATA) })), fields: str, start: GRID_COORD, range: GRID_RANGE }),
  repeatCell: obj({ range: GRID_RANGE, cell: CELL_DATA, fields: str }),
  updateDimensionProperties: obj({
    range: obj({ sheetId: int, dimension: en('ROWS', 'COLUMNS'), startIndex: int, endIndex: int }),
    properties: obj({ pixelSize: int, hiddenByUser: bool }),
    fields: str,
  }),
  setBasicFilter: obj({ filter: obj({ range: GRID_RANGE }) }),
  clearBasicFilter: obj({ sheetId: int }),
  addConditionalFormatRule: obj({
    rule: obj({ ranges: arr(GRID_RANGE), booleanRule: obj({ condition: CONDITION, format: CELL_FORMAT }) }),
    index: int,
  }),
  deleteConditionalFormatRule: obj({ sheetId: int, index: int }),
  setDataValidation: obj({ range: GRID_RANGE, rule: VALIDATION_RULE }),
  updateBorders: obj({ range: GRID_RANGE, top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, innerHorizontal: BORDER, innerVertical: BORDER }),
  mergeCells: obj({ range: GRID_RANGE, mergeType: en('MERGE_ALL', 'MERGE_COLUMNS', 'MERGE_ROWS') }),
  unmergeCells: obj({ range: GRID_RANGE }),
};

/** Real request kinds this stand-in does not apply: refused, so a test never passes on a no-op. */
const NOT_MODELLED = [
  'addBanding', 'addChart', 'addDimensionGroup', 'addFilterView', 'addNamedRange', 'addProtectedRange', 'addTable',
  'appendCells', 'appendDimension', 'autoFill', 'autoResizeDimensions', 'copyPaste', 'createDeveloperMetadata', 'cutPaste',
  'deleteBanding', 'deleteDimension', 'deleteDimensionGroup', 'deleteEmbeddedObject', 'deleteFilterView', 'deleteNamedRange',
  'deleteProtectedRange', 'deleteRange', 'duplicateFilterView', 'duplicateSheet', 'findReplace', 'insertDimension', 'insertRange',
  'moveDimension', 'pasteData', 'randomizeRange', 'sortRange', 'textToColumns', 'updateBanding', 'updateChartSpec',
  'updateConditionalFormatRule', 'updateDeveloperMetadata', 'updateDimensionGroup', 'updateEmbeddedObjectPosition',
  'updateFilterView', 'updateNamedRange', 'updateProtectedRange', 'updateSpreadsheetProperties', 'updateTable',
];

function typeName(s: Sch): string {
  return s.t === 'obj' ? 'object' : s.t === 'arr' ? 'list' : s.t === 'enum' ? `enum ${s.v.join('|')}` : s.t;
}

/** Checks a JSON value against the schema the way Google parses a request body. */
export function validate(value: unknown, sch: Sch, at: string): void {
  const bad = () => new Error(`Invalid value at '${at}' (${typeName(sch)}), ${JSON.stringify(value)}`);
  switch (sch.t) {
    case 'str':
      if (typeof value !== 'string') throw bad();
      return;
    case 'num':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw bad();
      return;
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw bad();
      return;
    case 'bool':
      if (typeof value !== 'boolean') throw bad();
      return;
    case 'enum':
      if (typeof value !== 'string' || !sch.v.includes(value)) throw bad();
      return;
    case 'arr':
      if (!Array.isArray(value)) throw bad();
      value.forEach((v, i) => validate(v, sch.of, `${at}[${i}]`));
      return;
    case 'obj': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) throw bad();
      for (const [k, v] of Object.entries(value)) {
        const f = sch.f[k];
        if (!f) throw new Error(`Invalid JSON payload received. Unknown name "${k}" at '${at}': Cannot find field.`);
        if (v === undefined) continue;
        validate(v, f, `${at}.${k}`);
      }
    }
  }
}

/** The schema node a dotted field-mask path names, or null. */
function schemaAt(sch: Sch, path: string): Sch | null {
  let cur: Sch = sch;
  for (const part of path.split('.')) {
    if (cur.t !== 'obj') return null;
    const next: Sch | undefined = cur.f[part];
    if (!next) return null;
    cur = next;
  }
  return cur;
}

function maskPaths(fields: unknown, where: string): string[] {
  if (typeof fields !== 'string' || fields.trim() === '') throw new Error(`Invalid ${where}: At least one field must be specified.`);
  return fields.split(',').map((f) => f.trim());
}

// ---------------------------------------------------------------- colours, ranges


type Json = Record<string, unknown>;

function hexOf(color: unknown, style: unknown, at: string): string | null {
  let c = color as Json | undefined;
  const st = style as Json | undefined;
  if (st) {
    if (st['themeColor'] !== undefined) throw new Error(`fake: theme colours are not modelled (${at})`);
    c = st['rgbColor'] as Json | undefined;
  }
  if (!c) return null;
  const ch = (k: string) => {
    const v = (c![k] as number | undefined) ?? 0;
    if (v < 0 || v > 1) throw new Error(`Invalid value at '${at}.${k}': a colour channel is between 0 and 1, not ${v}`);
    return Math.round(v * 255).toString(16).padStart(2, '0');
  };
  return `#${ch('red')}${ch('green')}${ch('blue')}`;
}

interface Area {
  sheet: FakeSheet;
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

function a1Of(a: { r0: number; r1: number; c0: number; c1: number }): string {
  const p = `${colLetters(a.c0 + 1)}${a.r0 + 1}`;
  const q = `${colLetters(a.c1)}${a.r1}`;
  return p === q ? p : `${p}:${q}`;
}

function parseA1(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?([0-9]+)$/i.exec(ref.trim());
  if (!m) throw new Error(`Unable to parse range: ${ref}`);
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

function areaOfA1(sheet: FakeSheet, a1: string): Area {
  const [a, b] = a1.split(':');
  const p = parseA1(a!);
  const q = parseA1(b ?? a!);
  return { sheet, r0: Math.min(p.row, q.row) - 1, r1: Math.max(p.row, q.row), c0: Math.min(p.col, q.col) - 1, c1: Math.max(p.col, q.col) };
}

function overlaps(a: Area, b: Area): boolean {
  return a.r0 < b.r1 && b.r0 < a.r1 && a.c0 < b.c1 && b.c0 < a.c1;
}

function inside(a: Area, b: Area): boolean {
  return a.r0 >= b.r0 && a.r1 <= b.r1 && a.c0 >= b.c0 && a.c1 <= b.c1;
}

// ---------------------------------------------------------------- cell fields

type Leaf =
  | 'value'
  | 'note'
  | 'validation'
  | 'numberFormat'
  | 'background'
  | 'hAlign'
  | 'vAlign'
  | 'wrap'
  | 'bold'
  | 'italic'
  | 'fontSize'
  | 'fontColor'
  | 'borders';

const ALL_LEAVES: Leaf[] = ['value', 'note', 'validation', 'numberFormat', 'background', 'hAlign', 'vAlign', 'wrap', 'bold', 'italic', 'fontSize', 'fontColor', 'borders'];
const FORMAT_LEAVES: Leaf[] = ['numberFormat', 'background', 'hAlign', 'vAlign', 'wrap', 'bold', 'italic', 'fontSize', 'fontColor', 'borders'];

/** The modelled cell properties a CellData field mask selects. */
function cellLeaves(fields: unknown, where: string): Set<Leaf> {
  const out = new Set<Leaf>();
  for (const p of maskPaths(fields, where)) {
    if (p === '*') {
      ALL_LEAVES.forEach((l) => out.add(l));
      continue;
    }
    if (!schemaAt(CELL_DATA, p)) throw new Error(`Invalid ${where}: Invalid field mask path '${p}' for CellData.`);
    const has = (prefix: string) => p === prefix || p.startsWith(`${prefix}.`);
    const add = (...l: Leaf[]) => l.forEach((x) => out.add(x));
    if (has('userEnteredValue')) add('value');
    else if (has('note')) add('note');
    else if (has('dataValidation')) add('validation');
    else if (p === 'userEnteredFormat') add(...FORMAT_LEAVES);
    else if (has('userEnteredFormat.numberFormat')) add('numberFormat');
    else if (has('userEnteredFormat.backgroundColor') || has('userEnteredFormat.backgroundColorStyle')) add('background');
    else if (p === 'userEnteredFormat.horizontalAlignment') add('hAlign');
    else if (p === 'userEnteredFormat.verticalAlignment') add('vAlign');
    else if (p === 'userEnteredFormat.wrapStrategy') add('wrap');
    else if (has('userEnteredFormat.borders')) add('borders');
    else if (p === 'userEnteredFormat.textFormat') add('bold', 'italic', 'fontSize', 'fontColor');
    else if (p === 'userEnteredFormat.textFormat.bold') add('bold');
    else if (p === 'userEnteredFormat.textFormat.italic') add('italic');
    else if (p === 'userEnteredFormat.textFormat.fontSize') add('fontSize');
    else if (has('userEnteredFormat.textFormat.foregroundColor') || has('userEnteredFormat.textFormat.foregroundColorStyle')) add('fontColor');
    else throw new Error(`fake: field mask path '${p}' is valid but not modelled (${where})`);
  }
  return out;
}

function validationOf(rule: Json | undefined, at: string): FakeValidation | null {
  if (!rule) return null;
  const cond = rule['condition'] as Json | undefined;
  if (!cond || cond['type'] !== 'ONE_OF_LIST') throw new Error(`fake: only ONE_OF_LIST validations are modelled (${at})`);
  const values = (cond['values'] as Json[] | undefined) ?? [];
  if (values.length === 0) throw new Error(`Invalid ${at}: ONE_OF_LIST needs at least one value.`);
  return {
    list: values.map((v) => String(v['userEnteredValue'] ?? '')),
    allowInvalid: rule['strict'] !== true,
    helpText: String(rule['inputMessage'] ?? ''),
  };
}

function applyLeaves(cell: FakeCell, cd: Json | undefined, leaves: Set<Leaf>, at: string): void {
  const fmt = cd?.['userEnteredFormat'] as Json | undefined;
  const tf = fmt?.['textFormat'] as Json | undefined;
  for (const leaf of leaves) {
    switch (leaf) {
      case 'value': {
        const ev = cd?.['userEnteredValue'] as Json | undefined;
        const keys = Object.keys(ev ?? {}).filter((k) => ev![k] !== undefined);
        if (keys.length > 1) throw new Error(`Invalid value at '${at}.userEnteredValue': oneof field 'value' is already set. Cannot set '${keys[1]}'`);
        cell.formula = '';
        cell.value = '';
        if (keys.length === 0) break;
        const k = keys[0]!;
        const v = ev![k];
        // stringValue is stored as the text itself: Sheets never parses it (unlike setValues or typing).
        if (k === 'stringValue') cell.value = v as string;
        else if (k === 'numberValue') cell.value = v as number;
        else if (k === 'boolValue') cell.value = v as boolean;
        else if (k === 'formulaValue') {
          if (!String(v).startsWith('=')) throw new Error(`Invalid value at '${at}.userEnteredValue.formulaValue': a formula starts with "=".`);
          cell.formula = v as string;
        }
        break;
      }
      case 'note':
        cell.note = (cd?.['note'] as string | undefined) ?? '';
        break;
      case 'validation':
        cell.validation = validationOf(cd?.['dataValidation'] as Json | undefined, `${at}.dataValidation`);
        break;
      case 'numberFormat': {
        const nf = fmt?.['numberFormat'] as Json | undefined;
        if (!nf) cell.numberFormat = AUTOMATIC;
        else {
          if (nf['type'] === undefined) throw new Error(`Invalid ${at}.userEnteredFormat.numberFormat: type must be set when writing.`);
          cell.numberFormat = (nf['pattern'] as string | undefined) ?? (nf['type'] === 'TEXT' ? '@' : AUTOMATIC);
        }
        break;
      }
      case 'background':
        cell.background = hexOf(fmt?.['backgroundColor'], fmt?.['backgroundColorStyle'], `${at}.userEnteredFormat.backgroundColor`) ?? '#ffffff';
        break;
      case 'hAlign':
        cell.hAlign = fmt?.['horizontalAlignment'] ? String(fmt['horizontalAlignment']).toLowerCase() : null;
        break;
      case 'vAlign':
        cell.vAlign = fmt?.['verticalAlignment'] ? String(fmt['verticalAlignment']).toLowerCase() : null;
        break;
      case 'wrap':
        cell.wrap = fmt?.['wrapStrategy'] === 'WRAP' || fmt?.['wrapStrategy'] === 'LEGACY_WRAP';
        break;
      case 'bold':
        cell.fontWeight = tf?.['bold'] === true ? 'bold' : 'normal';
        break;
      case 'italic':
        cell.fontStyle = tf?.['italic'] === true ? 'italic' : 'normal';
        break;
      case 'fontSize':
        cell.fontSize = (tf?.['fontSize'] as number | undefined) ?? null;
        break;
      case 'fontColor':
        cell.fontColor = hexOf(tf?.['foregroundColor'], tf?.['foregroundColorStyle'], `${at}.userEnteredFormat.textFormat.foregroundColor`) ?? '#000000';
        break;
      case 'borders':
        if (fmt?.['borders'] !== undefined) throw new Error(`fake: borders in CellData are not modelled (${at}); use updateBorders`);
        break;
    }
  }
}

// ---------------------------------------------------------------- reading (spreadsheets.get)

type MaskTree = { [k: string]: MaskTree | true };

/** Google's partial-response syntax: "sheets(properties(sheetId,title),data/rowData)". */
export function parseFieldSelector(s: string): MaskTree {
  let i = 0;
  const fail = () => new Error(`Invalid field selection: ${s}`);
  const ident = (): string => {
    const m = /^[A-Za-z_][A-Za-z0-9_]*|^\*/.exec(s.slice(i));
    if (!m) throw fail();
    i += m[0].length;
    return m[0];
  };
  const merge = (t: MaskTree, k: string, v: MaskTree | true) => {
    const old = t[k];
    if (old === true || v === true) t[k] = true;
    else t[k] = { ...(old ?? {}), ...v };
  };
  const item = (t: MaskTree) => {
    const name = ident();
    if (s[i] === '/') {
      i++;
      const sub: MaskTree = {};
      item(sub);
      merge(t, name, sub);
    } else if (s[i] === '(') {
      i++;
      const sub = list();
      if (s[i] !== ')') throw fail();
      i++;
      merge(t, name, sub);
    } else merge(t, name, true);
  };
  const list = (): MaskTree => {
    const t: MaskTree = {};
    for (;;) {
      item(t);
      if (s[i] === ',') {
        i++;
        continue;
      }
      return t;
    }
  };
  const out = list();
  if (i !== s.length) throw fail();
  return out;
}

/** Names a get response may hold (true = anything below), to refuse a selector that names no field. */
const CELL_RESPONSE: MaskTree = {
  userEnteredValue: true, effectiveValue: true, formattedValue: true, userEnteredFormat: true, effectiveFormat: true,
  note: true, dataValidation: true, hyperlink: true, textFormatRuns: true, pivotTable: true,
};
const SPREADSHEET_RESPONSE: MaskTree = {
  spreadsheetId: true, spreadsheetUrl: true, properties: true, namedRanges: true, developerMetadata: true, dataSources: true,
  sheets: {
    properties: true, basicFilter: true, conditionalFormats: true, merges: true, protectedRanges: true, bandedRanges: true,
    filterViews: true, charts: true, developerMetadata: true, rowGroups: true, columnGroups: true, tables: true,
    data: { startRow: true, startColumn: true, rowData: { values: CELL_RESPONSE }, rowMetadata: true, columnMetadata: true },
  },
};

function checkSelector(mask: MaskTree, known: MaskTree | true, at: string): void {
  if (known === true) return;
  for (const [k, v] of Object.entries(mask)) {
    if (k === '*') continue;
    const next = known[k];
    if (next === undefined) throw new Error(`Invalid field selection ${at}${k}`);
    if (v !== true) checkSelector(v, next, `${at}${k}.`);
  }
}

function prune(value: unknown, mask: MaskTree | true): unknown {
  if (mask === true || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => prune(v, mask));
  if (mask['*'] === true) return value;
  const out: Json = {};
  for (const [k, sub] of Object.entries(mask)) {
    const v = (value as Json)[k];
    if (v !== undefined) out[k] = prune(v, sub);
  }
  return out;
}

function gridRangeOf(sheet: FakeSheet, a1: string): Json {
  const a = areaOfA1(sheet, a1);
  const g: Json = { startRowIndex: a.r0, endRowIndex: a.r1, startColumnIndex: a.c0, endColumnIndex: a.c1 };
  // Proto3 JSON leaves out zero values, sheet id 0 included.
  if (sheet.sheetId !== 0) g['sheetId'] = sheet.sheetId;
  if (a.r0 === 0) delete g['startRowIndex'];
  if (a.c0 === 0) delete g['startColumnIndex'];
  return g;
}

function serialOf(d: Date): number {
  // Sheets counts wall-clock days in the spreadsheet's zone; the stand-in's zone is the process's, as toCells reads a Date.
  const wall = Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds());
  return (wall - SERIAL_EPOCH_MS) / DAY_MS;
}

function cellResponse(cell: FakeCell | undefined): Json {
  if (!cell) return {};
  const out: Json = {};
  const v: Value | '' = cell.value;
  if (cell.formula !== '') out['userEnteredValue'] = { formulaValue: cell.formula };
  if (v instanceof Date) {
    const serial = serialOf(v);
    out['effectiveValue'] = { numberValue: serial };
    const midnight = v.getHours() === 0 && v.getMinutes() === 0 && v.getSeconds() === 0;
    out['effectiveFormat'] = { numberFormat: { type: midnight ? 'DATE' : 'DATE_TIME', pattern: midnight ? 'M/d/yyyy' : 'M/d/yyyy H:mm:ss' } };
    out['formattedValue'] = v.toISOString();
    if (cell.formula === '') out['userEnteredValue'] = { numberValue: serial };
    return out;
  }
  if (cell.formula !== '' && v === '#ERROR!') {
    out['effectiveValue'] = { errorValue: { type: 'ERROR', message: 'Formula parse error.' } };
    out['formattedValue'] = '#ERROR!';
  } else if (typeof v === 'string' && v !== '') out['effectiveValue'] = { stringValue: v };
  else if (typeof v === 'number') out['effectiveValue'] = { numberValue: v };
  else if (typeof v === 'boolean') out['effectiveValue'] = { boolValue: v };
  if (v !== '') {
    out['formattedValue'] = typeof v === 'boolean' ? String(v).toUpperCase() : String(v);
    if (cell.formula === '') out['userEnteredValue'] = out['effectiveValue'];
  }
  if (cell.numberFormat !== AUTOMATIC) {
    out['effectiveFormat'] = { numberFormat: cell.numberFormat === '@' ? { type: 'TEXT', pattern: '@' } : { type: 'NUMBER', pattern: cell.numberFormat } };
  }
  if (cell.note !== '') out['note'] = cell.note;
  return out;
}

/** Grid data of an area: rows to the last one holding a value, each row to its last value (as Google trims). */
function gridData(area: Area): Json {
  const { sheet } = area;
  const lastRow = Math.min(area.r1, sheet._lastRow());
  const rowData: Json[] = [];
  for (let r = area.r0; r < lastRow; r++) {
    let last = area.c0;
    for (let c = area.c0; c < area.c1; c++) {
      const cell = sheet._peek(r + 1, c + 1);
      if (cell && (cell.value !== '' || cell.formula !== '')) last = c + 1;
    }
    const values: Json[] = [];
    for (let c = area.c0; c < last; c++) values.push(cellResponse(sheet._peek(r + 1, c + 1)));
    rowData.push(values.length ? { values } : {});
  }
  const g: Json = { rowData };
  if (area.r0) g['startRow'] = area.r0;
  if (area.c0) g['startColumn'] = area.c0;
  return g;
}

// ---------------------------------------------------------------- the service

export interface SheetsApiCall {
  method: 'get' | 'batchUpdate';
  /** JSON size of what was sent (the request body for batchUpdate). */
  bytes: number;
  requests?: Array<Record<string, unknown>>;
  args?: unknown;
}

export interface FakeSheetsApi {
  Spreadsheets: {
    get(spreadsheetId: string, optionalArgs?: Record<string, unknown>): Json;
    batchUpdate(resource: Record<string, unknown>, spreadsheetId: string): Json;
  };
  /** Every call, for tests. */
  log: SheetsApiCall[];
}

/** The mutable state of a sheet, for an all-or-nothing batch. */
function snapshot(ss: FakeSpreadsheet): () => void {
  const order = [...ss.sheets];
  const states = order.map((s) => ({
    sheet: s,
    saved: structuredClone({
      name: s.name,
      sheetId: s.sheetId,
      cells: s.cells,
      maxRows: s.maxRows,
      maxCols: s.maxCols,
      frozenRows: s.frozenRows,
      frozenCols: s.frozenCols,
      filterRange: s.filterRange,
      cfRules: s.cfRules,
      colWidths: s.colWidths,
      rowHeights: s.rowHeights,
      tabColor: s.tabColor,
      merges: s.merges,
      borders: s.borders,
    }),
  }));
  const nextSheetId = ss.nextSheetId;
  return () => {
    ss.sheets = order;
    ss.nextSheetId = nextSheetId;
    for (const { sheet, saved } of states) Object.assign(sheet, saved);
    if (ss.activeSheet && !order.includes(ss.activeSheet)) ss.activeSheet = order[0] ?? null;
  };
}

export function createFakeSheetsApi(ss: FakeSpreadsheet, counter: Counter): FakeSheetsApi {
  const log: SheetsApiCall[] = [];
  const id = () => ss.getId();

  const sheetById = (sheetId: unknown, where: string): FakeSheet => {
    const idn = (sheetId as number | undefined) ?? 0;
    const s = ss.sheets.find((x) => x.sheetId === idn);
    if (!s) throw new Error(`Invalid ${where}: No grid with id: ${idn}`);
    return s;
  };

  const area = (gr: unknown, where: string): Area => {
    const g = (gr ?? {}) as Json;
    const sheet = sheetById(g['sheetId'], where);
    const r0 = (g['startRowIndex'] as number | undefined) ?? 0;
    const r1 = (g['endRowIndex'] as number | undefined) ?? sheet.maxRows;
    const c0 = (g['startColumnIndex'] as number | undefined) ?? 0;
    const c1 = (g['endColumnIndex'] as number | undefined) ?? sheet.maxCols;
    if (r0 < 0 || c0 < 0 || r1 <= r0 || c1 <= c0) throw new Error(`Invalid ${where}: the range's start must be before its end (rows ${r0}-${r1}, columns ${c0}-${c1}).`);
    if (r1 > sheet.maxRows || c1 > sheet.maxCols) {
      throw new Error(
        `Invalid ${where}: Range ('${sheet.name}'!${a1Of({ r0, r1, c0, c1 })}) exceeds grid limits. Max rows: ${sheet.maxRows}, max columns: ${sheet.maxCols}`,
      );
    }
    return { sheet, r0, r1, c0, c1 };
  };

  const rangeArg = (r: string): Area => {
    const m = /^(?:'((?:[^']|'')+)'|([^!']+))(?:!(.+))?$/.exec(r);
    if (!m) throw new Error(`Unable to parse range: ${r}`);
    const name = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
    const sheet = ss.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`Unable to parse range: ${r}`);
    if (!m[3]) return { sheet, r0: 0, r1: sheet.maxRows, c0: 0, c1: sheet.maxCols };
    const a = areaOfA1(sheet, m[3]);
    if (a.r1 > sheet.maxRows || a.c1 > sheet.maxCols) throw new Error(`Unable to parse range: ${r}`);
    return a;
  };

  const checkId = (spreadsheetId: unknown) => {
    if (typeof spreadsheetId !== 'string') throw new Error(`Invalid argument: spreadsheetId must be a string, not ${typeof spreadsheetId}`);
    if (spreadsheetId !== id()) throw new Error('Requested entity was not found.');
  };

  function get(spreadsheetId: string, optionalArgs: Record<string, unknown> = {}): Json {
    counter.calls.push('Sheets.Spreadsheets.get');
    checkId(spreadsheetId);
    for (const k of Object.keys(optionalArgs)) {
      if (!['ranges', 'includeGridData', 'fields', 'excludeTablesInBandedRanges'].includes(k)) throw new Error(`Invalid argument: ${k}`);
    }
    const rangesArg = optionalArgs['ranges'];
    const ranges = rangesArg === undefined ? null : (Array.isArray(rangesArg) ? rangesArg : [rangesArg]).map((r) => rangeArg(String(r)));
    const fields = optionalArgs['fields'] as string | undefined;
    const mask = fields === undefined ? null : parseFieldSelector(fields);
    if (mask) checkSelector(mask, SPREADSHEET_RESPONSE, '');
    // With a field mask includeGridData is ignored: the mask says whether grid data comes back.
    const sheetsMask = mask?.['sheets'];
    const wantData = mask ? sheetsMask === true || (typeof sheetsMask === 'object' && 'data' in sheetsMask) : optionalArgs['includeGridData'] === true;
    const sheets = ss.sheets
      .filter((s) => !ranges || ranges.some((r) => r.sheet === s))
      .map((s) => {
        const gp: Json = { rowCount: s.maxRows, columnCount: s.maxCols };
        if (s.frozenRows) gp['frozenRowCount'] = s.frozenRows;
        if (s.frozenCols) gp['frozenColumnCount'] = s.frozenCols;
        const props: Json = { title: s.name, sheetType: 'GRID', gridProperties: gp };
        const index = ss.sheets.indexOf(s);
        if (s.sheetId !== 0) props['sheetId'] = s.sheetId;
        if (index !== 0) props['index'] = index;
        if (s.tabColor) {
          const c = s.tabColor.replace('#', '');
          const ch = (i: number) => parseInt(c.slice(i, i + 2), 16) / 255;
          props['tabColor'] = { red: ch(0), green: ch(2), blue: ch(4) };
        }
        const out: Json = { properties: props };
        if (s.filterRange) out['basicFilter'] = { range: gridRangeOf(s, s.filterRange) };
        if (s.cfRules.length) {
          out['conditionalFormats'] = s.cfRules.map((r) => ({
            ranges: r.ranges.map((a) => gridRangeOf(s, a)),
            booleanRule: { condition: { type: 'CUSTOM_FORMULA', values: [{ userEnteredValue: r.formula }] }, format: {} },
          }));
        }
        if (s.merges.length) out['merges'] = s.merges.map((a) => gridRangeOf(s, a));
        if (wantData) {
          const areas = ranges ? ranges.filter((r) => r.sheet === s) : [{ sheet: s, r0: 0, r1: s.maxRows, c0: 0, c1: s.maxCols }];
          out['data'] = areas.map(gridData);
        }
        return out;
      });
    const full: Json = {
      spreadsheetId: id(),
      properties: { title: ss.getName(), timeZone: ss.getSpreadsheetTimeZone(), locale: 'en_US' },
      sheets,
    };
    const result = (mask ? prune(full, mask) : full) as Json;
    log.push({ method: 'get', bytes: JSON.stringify(optionalArgs).length, args: optionalArgs });
    return structuredClone(result);
  }

  function applyRequest(kind: string, body: Json, where: string): Json {
    switch (kind) {
      case 'addSheet': {
        const p = (body['properties'] ?? {}) as Json;
        const gp = (p['gridProperties'] ?? {}) as Json;
        const title = (p['title'] as string | undefined) ?? `Sheet${ss.sheets.length + 1}`;
        if (ss.sheets.some((s) => s.name === title)) {
          throw new Error(`Invalid ${where}: A sheet with the name "${title}" already exists. Please enter another name.`);
        }
        const sheetId = p['sheetId'] as number | undefined;
        if (sheetId !== undefined && (sheetId < 0 || ss.sheets.some((s) => s.sheetId === sheetId))) {
          throw new Error(`Invalid ${where}: Sheet with id ${sheetId} already exists.`);
        }
        const index = p['index'] as number | undefined;
        if (index !== undefined && (index < 0 || index > ss.sheets.length)) throw new Error(`Invalid ${where}: index ${index} is past the last sheet.`);
        for (const k of ['hidden', 'rightToLeft', 'tabColorStyle']) if (p[k] !== undefined) throw new Error(`fake: addSheet ${k} is not modelled`);
        if (gp['hideGridlines'] !== undefined) throw new Error('fake: hideGridlines is not modelled');
        const sheet = ss._add(title, index);
        if (sheetId !== undefined) sheet.sheetId = sheetId;
        sheet.maxRows = (gp['rowCount'] as number | undefined) ?? 1000;
        sheet.maxCols = (gp['columnCount'] as number | undefined) ?? 26;
        if (sheet.maxRows < 1 || sheet.maxCols < 1) throw new Error(`Invalid ${where}: a sheet needs at least one row and one column.`);
        sheet.frozenRows = (gp['frozenRowCount'] as number | undefined) ?? 0;
        sheet.frozenCols = (gp['frozenColumnCount'] as number | undefined) ?? 0;
        if (p['tabColor']) sheet.tabColor = hexOf(p['tabColor'], undefined, `${where}.properties.tabColor`);
        return { addSheet: { properties: { sheetId: sheet.sheetId, title, index: ss.sheets.indexOf(sheet) } } };
      }
      case 'deleteSheet': {
        const sheet = sheetById(body['sheetId'], where);
        if (ss.sheets.length === 1) throw new Error(`Invalid ${where}: You can't remove all the sheets in a document.`);
        ss.sheets = ss.sheets.filter((s) => s !== sheet);
        if (ss.activeSheet === sheet) ss.activeSheet = ss.sheets[0] ?? null;
        return {};
      }
      case 'updateSheetProperties': {
        const p = (body['properties'] ?? {}) as Json;
        const sheet = sheetById(p['sheetId'], where);
        const gp = (p['gridProperties'] ?? {}) as Json;
        for (const path of maskPaths(body['fields'], where)) {
          if (path !== '*' && !schemaAt(SHEET_PROPERTIES, path)) throw new Error(`Invalid ${where}: Invalid field mask path '${path}' for SheetProperties.`);
          const paths =
            path === '*' || path === 'gridProperties'
              ? ['gridProperties.rowCount', 'gridProperties.columnCount', 'gridProperties.frozenRowCount', 'gridProperties.frozenColumnCount', ...(path === '*' ? ['title', 'index', 'tabColor'] : [])]
              : [path];
          for (const f of paths) {
            switch (f) {
              case 'title': {
                const t = p['title'];
                if (typeof t !== 'string' || t === '') throw new Error(`Invalid ${where}: a sheet needs a name.`);
                if (ss.sheets.some((s) => s !== sheet && s.name === t)) throw new Error(`Invalid ${where}: A sheet with the name "${t}" already exists. Please enter another name.`);
                sheet.name = t;
                break;
              }
              case 'index': {
                const i = (p['index'] as number | undefined) ?? 0;
                const rest = ss.sheets.filter((s) => s !== sheet);
                rest.splice(Math.min(i, rest.length), 0, sheet);
                ss.sheets = rest;
                break;
              }
              case 'gridProperties.rowCount': {
                const n = (gp['rowCount'] as number | undefined) ?? 0;
                if (n < 1) throw new Error(`Invalid ${where}: a sheet needs at least one row.`);
                for (const k of [...sheet.cells.keys()]) if (Number(k.split(',')[0]) > n) sheet.cells.delete(k);
                sheet.maxRows = n;
                break;
              }
              case 'gridProperties.columnCount': {
                const n = (gp['columnCount'] as number | undefined) ?? 0;
                if (n < 1) throw new Error(`Invalid ${where}: a sheet needs at least one column.`);
                for (const k of [...sheet.cells.keys()]) if (Number(k.split(',')[1]) > n) sheet.cells.delete(k);
                sheet.maxCols = n;
                break;
              }
              case 'gridProperties.frozenRowCount':
                sheet.frozenRows = (gp['frozenRowCount'] as number | undefined) ?? 0;
                break;
              case 'gridProperties.frozenColumnCount':
                sheet.frozenCols = (gp['frozenColumnCount'] as number | undefined) ?? 0;
                break;
              case 'tabColor':
              case 'tabColorStyle':
                sheet.tabColor = hexOf(p['tabColor'], p['tabColorStyle'], `${where}.properties.tabColor`);
                break;
              default:
                throw new Error(`fake: SheetProperties field '${f}' is valid but not modelled (${where})`);
            }
          }
        }
        if (sheet.frozenRows >= sheet.maxRows) throw new Error(`Invalid ${where}: You can't freeze all visible rows on the sheet.`);
        if (sheet.frozenCols >= sheet.maxCols) throw new Error(`Invalid ${where}: You can't freeze all visible columns on the sheet.`);
        return {};
      }
      case 'updateCells': {
        const leaves = cellLeaves(body['fields'], where);
        const rows = ((body['rows'] as Json[] | undefined) ?? []).map((r) => ((r['values'] as Json[] | undefined) ?? []));
        if ((body['range'] === undefined) === (body['start'] === undefined)) throw new Error(`Invalid ${where}: exactly one of range or start must be set.`);
        let a: Area;
        if (body['range'] !== undefined) {
          a = area(body['range'], where);
          if (rows.length > a.r1 - a.r0) throw new Error(`Invalid ${where}: Attempting to write row: ${a.r0 + rows.length - 1}, beyond the last requested row of: ${a.r1 - 1}`);
          rows.forEach((r, i) => {
            if (r.length > a.c1 - a.c0) throw new Error(`Invalid ${where}: Attempting to write column: ${a.c0 + r.length - 1} in row ${a.r0 + i}, beyond the last requested column of: ${a.c1 - 1}`);
          });
        } else {
          const st = body['start'] as Json;
          const sheet = sheetById(st['sheetId'], where);
          const r0 = (st['rowIndex'] as number | undefined) ?? 0;
          const c0 = (st['columnIndex'] as number | undefined) ?? 0;
          const width = Math.max(1, ...rows.map((r) => r.length));
          a = area({ sheetId: sheet.sheetId, startRowIndex: r0, endRowIndex: r0 + Math.max(1, rows.length), startColumnIndex: c0, endColumnIndex: c0 + width }, where);
        }
        const whole = body['range'] !== undefined;
        for (let r = a.r0; r < a.r1; r++) {
          const row = rows[r - a.r0];
          if (!whole && !row) continue;
          for (let c = a.c0; c < a.c1; c++) {
            const cd = row?.[c - a.c0];
            if (!whole && cd === undefined) continue;
            applyLeaves(a.sheet._cell(r + 1, c + 1), cd, leaves, `${where}.rows[${r - a.r0}].values[${c - a.c0}]`);
          }
        }
        if (leaves.has('borders')) a.sheet.borders = a.sheet.borders.filter((b) => !b.ranges.every((x) => inside(areaOfA1(a.sheet, x), a)));
        return {};
      }
      case 'repeatCell': {
        const leaves = cellLeaves(body['fields'], where);
        const a = area(body['range'], where);
        const cd = (body['cell'] ?? {}) as Json;
        for (let r = a.r0; r < a.r1; r++) for (let c = a.c0; c < a.c1; c++) applyLeaves(a.sheet._cell(r + 1, c + 1), cd, leaves, `${where}.cell`);
        if (leaves.has('borders')) a.sheet.borders = a.sheet.borders.filter((b) => !b.ranges.every((x) => inside(areaOfA1(a.sheet, x), a)));
        return {};
      }
      case 'updateDimensionProperties': {
        const range = (body['range'] ?? {}) as Json;
        const sheet = sheetById(range['sheetId'], where);
        const cols = range['dimension'] === 'COLUMNS';
        if (range['dimension'] === undefined) throw new Error(`Invalid ${where}: range.dimension must be set.`);
        const size = cols ? sheet.maxCols : sheet.maxRows;
        const start = (range['startIndex'] as number | undefined) ?? 0;
        const end = (range['endIndex'] as number | undefined) ?? size;
        if (start < 0 || end <= start || end > size) {
          throw new Error(`Invalid ${where}: ${cols ? 'columns' : 'rows'} ${start}-${end} are outside the sheet (${size}).`);
        }
        const fields = maskPaths(body['fields'], where);
        for (const f of fields) if (f !== 'pixelSize' && !(f === 'hiddenByUser' && cols)) throw new Error(`fake: DimensionProperties field '${f}' is not modelled (${where})`);
        const props = (body['properties'] ?? {}) as Json;
        if (fields.includes('pixelSize')) {
          const px = props['pixelSize'] as number | undefined;
          if (px === undefined || px < 0) throw new Error(`Invalid ${where}: pixelSize must be set.`);
          const map = cols ? sheet.colWidths : sheet.rowHeights;
          for (let i = start; i < end; i++) map.set(i + 1, px);
        }
        if (fields.includes('hiddenByUser')) {
          for (let i = start; i < end; i++) (props['hiddenByUser'] === true ? sheet.hiddenCols.add(i + 1) : sheet.hiddenCols.delete(i + 1));
        }
        return {};
      }
      case 'setBasicFilter': {
        const f = (body['filter'] ?? {}) as Json;
        const a = area(f['range'], where);
        a.sheet.filterRange = a1Of(a);
        return {};
      }
      case 'clearBasicFilter': {
        sheetById(body['sheetId'], where).filterRange = null;
        return {};
      }
      case 'addConditionalFormatRule': {
        const rule = (body['rule'] ?? {}) as Json;
        const ranges = ((rule['ranges'] as Json[] | undefined) ?? []).map((g) => area(g, where));
        if (ranges.length === 0) throw new Error(`Invalid ${where}: a rule needs at least one range.`);
        const sheet = ranges[0]!.sheet;
        if (ranges.some((r) => r.sheet !== sheet)) throw new Error(`Invalid ${where}: all ranges of a rule must be on one sheet.`);
        const br = rule['booleanRule'] as Json | undefined;
        if (!br) throw new Error(`fake: only boolean rules are modelled (${where})`);
        const cond = (br['condition'] ?? {}) as Json;
        if (cond['type'] !== 'CUSTOM_FORMULA') throw new Error(`fake: only CUSTOM_FORMULA rules are modelled (${where})`);
        const values = (cond['values'] as Json[] | undefined) ?? [];
        const formula = String(values[0]?.['userEnteredValue'] ?? '');
        if (values.length !== 1 || !formula.startsWith('=')) throw new Error(`Invalid ${where}: CUSTOM_FORMULA needs one value, a formula starting with "=".`);
        const format = (br['format'] ?? {}) as Json;
        const tf = (format['textFormat'] ?? {}) as Json;
        for (const k of Object.keys(format)) {
          if (!['backgroundColor', 'backgroundColorStyle', 'textFormat'].includes(k)) throw new Error(`Invalid ${where}: conditional formats may only set bold, italic, strikethrough, colours (not ${k}).`);
        }
        for (const k of Object.keys(tf)) {
          if (['fontFamily', 'fontSize'].includes(k)) throw new Error(`Invalid ${where}: conditional formats may only set bold, italic, strikethrough, colours (not ${k}).`);
        }
        const cf: FakeCfRule = {
          formula,
          background: hexOf(format['backgroundColor'], format['backgroundColorStyle'], `${where}.rule.booleanRule.format.backgroundColor`),
          fontColor: hexOf(tf['foregroundColor'], tf['foregroundColorStyle'], `${where}.rule.booleanRule.format.textFormat.foregroundColor`),
          bold: (tf['bold'] as boolean | undefined) ?? null,
          ranges: ranges.map(a1Of),
        };
        const index = (body['index'] as number | undefined) ?? 0;
        if (index < 0 || index > sheet.cfRules.length) throw new Error(`Invalid ${where}: index ${index} is past the sheet's ${sheet.cfRules.length} rules.`);
        sheet.cfRules.splice(index, 0, cf);
        return {};
      }
      case 'deleteConditionalFormatRule': {
        const sheet = sheetById(body['sheetId'], where);
        const index = (body['index'] as number | undefined) ?? 0;
        if (index < 0 || index >= sheet.cfRules.length) throw new Error(`Invalid ${where}: No conditional format on sheet: ${sheet.sheetId} at index: ${index}`);
        sheet.cfRules.splice(index, 1);
        return {};
      }
      case 'setDataValidation': {
        const a = area(body['range'], where);
        const v = validationOf(body['rule'] as Json | undefined, `${where}.rule`);
        for (let r = a.r0; r < a.r1; r++) for (let c = a.c0; c < a.c1; c++) a.sheet._cell(r + 1, c + 1).validation = v ? { ...v, list: [...v.list] } : null;
        return {};
      }
      case 'updateBorders': {
        const a = area(body['range'], where);
        const side = (k: string): Json | undefined => body[k] as Json | undefined;
        const sides = ['top', 'left', 'bottom', 'right', 'innerVertical', 'innerHorizontal'];
        const on = sides.map((k) => (side(k) && side(k)!['style'] !== 'NONE' ? true : null));
        const first = sides.map(side).find((b) => b && b['style'] !== 'NONE');
        if (!first) return {};
        if (first['style'] === undefined) throw new Error(`Invalid ${where}: a border needs a style.`);
        a.sheet.borders.push({
          ranges: [a1Of(a)],
          edges: on,
          color: hexOf(first['color'], first['colorStyle'], `${where}.color`) ?? '#000000',
          style: String(first['style']),
        });
        return {};
      }
      case 'mergeCells': {
        const a = area(body['range'], where);
        if (body['mergeType'] !== undefined && body['mergeType'] !== 'MERGE_ALL') throw new Error(`fake: ${String(body['mergeType'])} is not modelled`);
        if (a.r1 - a.r0 === 1 && a.c1 - a.c0 === 1) return {};
        if (a.sheet.merges.some((m) => overlaps(areaOfA1(a.sheet, m), a))) throw new Error(`Invalid ${where}: You can't merge cells that overlap a merge.`);
        a.sheet.merges.push(a1Of(a));
        return {};
      }
      case 'unmergeCells': {
        const a = area(body['range'], where);
        for (const m of a.sheet.merges) {
          const ma = areaOfA1(a.sheet, m);
          if (overlaps(ma, a) && !inside(ma, a)) throw new Error(`Invalid ${where}: The range must not partially span a merge (${m}).`);
        }
        a.sheet.merges = a.sheet.merges.filter((m) => !overlaps(areaOfA1(a.sheet, m), a));
        return {};
      }
    }
    throw new Error(`fake: ${kind} has no handler`);
  }

  function batchUpdate(resource: Record<string, unknown>, spreadsheetId: string): Json {
    counter.calls.push('Sheets.Spreadsheets.batchUpdate');
    if (counter.locked) throw new Error('You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.');
    // Apps Script's advanced service takes the body first, then the id.
    if (typeof resource !== 'object' || resource === null) throw new Error('Invalid argument: resource (the request body comes first, then the spreadsheet id)');
    checkId(spreadsheetId);
    for (const k of Object.keys(resource)) {
      if (!['requests', 'includeSpreadsheetInResponse', 'responseRanges', 'responseIncludeGridData'].includes(k)) {
        throw new Error(`Invalid JSON payload received. Unknown name "${k}": Cannot find field.`);
      }
    }
    const requests = resource['requests'];
    if (!Array.isArray(requests) || requests.length === 0) throw new Error('Invalid requests: Must specify at least one request.');
    // Parse every request before applying any, as Google does.
    const parsed = requests.map((req, i) => {
      const at = `requests[${i}]`;
      if (req === null || typeof req !== 'object' || Array.isArray(req)) throw new Error(`Invalid value at '${at}' (type.googleapis.com/google.apps.sheets.v4.Request), ${JSON.stringify(req)}`);
      const kinds = Object.keys(req).filter((k) => (req as Json)[k] !== undefined);
      for (const k of kinds) {
        if (!REQUESTS[k] && !NOT_MODELLED.includes(k)) throw new Error(`Invalid JSON payload received. Unknown name "${k}" at '${at}': Cannot find field.`);
      }
      if (kinds.length !== 1) throw new Error(`Invalid ${at}: oneof field 'kind' is already set. Cannot set '${kinds[1] ?? '(none)'}'`);
      const kind = kinds[0]!;
      if (!REQUESTS[kind]) throw new Error(`fake: request kind ${kind} is real but not modelled (${at})`);
      validate((req as Json)[kind], REQUESTS[kind]!, `${at}.${kind}`);
      return { kind, body: (req as Json)[kind] as Json, where: `${at}.${kind}` };
    });
    const restore = snapshot(ss);
    const replies: Json[] = [];
    try {
      for (const p of parsed) replies.push(applyRequest(p.kind, p.body, p.where));
    } catch (e) {
      restore();
      throw e;
    }
    log.push({ method: 'batchUpdate', bytes: JSON.stringify(resource).length, requests: requests as Array<Record<string, unknown>> });
    return { spreadsheetId: id(), replies };
  }

  return { Spreadsheets: { get, batchUpdate }, log };
}
