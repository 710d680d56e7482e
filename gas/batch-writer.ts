/**
 * Writes a WorkbookDescription with the Advanced Sheets service (the Sheets REST API): every sheet's
 * values, formats, notes, validations, rules, widths, borders, merges and filters go in ONE
 * `Sheets.Spreadsheets.batchUpdate`. SpreadsheetApp needs about 20 calls a sheet for the same work
 * because it cannot format several sheets (or several properties) in one call.
 *
 * Reads: one `Sheets.Spreadsheets.get` for the sheet list and what a refresh must undo (old filter,
 * rules, merges, grid size), and one more for the values of the Pursue sheets already there (what
 * people typed, for the read-back). So a build is a fixed handful of calls however many rows.
 *
 * Text stays text without tricks: a string goes as `userEnteredValue.stringValue`, which Sheets
 * stores as-is (never parsed as a formula, number or date); formulas go as `formulaValue`.
 */
import type { Cell } from '../shared/index';
import type { BorderSpec, SheetDescription, WorkbookDescription, WriterSupport } from '../shared/index';
import { parseCell, widthToPixels } from './writer';

type Api = GoogleAppsScript.Sheets;
type Request = GoogleAppsScript.Sheets.Schema.Request;
type CellData = GoogleAppsScript.Sheets.Schema.CellData;
type CellFormat = GoogleAppsScript.Sheets.Schema.CellFormat;
type Color = GoogleAppsScript.Sheets.Schema.Color;
type GridRange = GoogleAppsScript.Sheets.Schema.GridRange;
type GridData = GoogleAppsScript.Sheets.Schema.GridData;
type Spreadsheet = GoogleAppsScript.Sheets.Schema.Spreadsheet;

/** A sheet Google creates with addSheet has this many columns unless told otherwise. */
const NEW_SHEET_COLS = 26;
/** Empty rows left under a new sheet's content, for people to type in (as the SpreadsheetApp writer). */
const SPARE_ROWS = 100;
/** Sheets' serial day 0 (dates are days since 1899-12-30, in the spreadsheet's time zone). */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;

/** Only what the writer needs to know about a sheet that is already there. */
export interface SheetMeta {
  sheetId: number;
  title: string;
  index: number;
  rowCount: number;
  columnCount: number;
  hasFilter: boolean;
  ruleCount: number;
  hasMerges: boolean;
  /** Rows and columns holding values (the data range), to clear what the new grid will not cover. */
  usedRows: number;
  usedCols: number;
}

export interface BatchSnapshot {
  spreadsheetId: string;
  sheets: SheetMeta[];
  /** Values of the wanted sheets that exist (A1 = [0][0]), as SpreadsheetApp's getValues + toCells give them. */
  values: Record<string, Cell[][]>;
}

/** Field masks: ask for what is used and nothing else (grid data is the big part of a response). */
const META_FIELDS =
  'sheets(properties(sheetId,title,index,gridProperties(rowCount,columnCount)),basicFilter(range),conditionalFormats(ranges),merges)';
const DATA_FIELDS =
  'sheets(properties(title),data(startRow,startColumn,rowData(values(effectiveValue,formattedValue,effectiveFormat(numberFormat(type))))))';

/** A whole sheet as an A1 range: its quoted name. */
export function sheetRange(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Reads the sheet list (one call) and the values of those of `names` that exist (one more call,
 * skipped when none does, as on a first build).
 */
export function readWorkbookBatch(api: Api, spreadsheetId: string, names: readonly string[]): BatchSnapshot {
  const meta: Spreadsheet = api.Spreadsheets.get(spreadsheetId, { fields: META_FIELDS });
  const sheets: SheetMeta[] = (meta.sheets ?? []).map((s) => {
    const p = s.properties ?? {};
    return {
      sheetId: p.sheetId ?? 0,
      title: p.title ?? '',
      index: p.index ?? 0,
      rowCount: p.gridProperties?.rowCount ?? 0,
      columnCount: p.gridProperties?.columnCount ?? 0,
      hasFilter: s.basicFilter !== undefined && s.basicFilter !== null,
      ruleCount: s.conditionalFormats?.length ?? 0,
      hasMerges: (s.merges?.length ?? 0) > 0,
      usedRows: 0,
      usedCols: 0,
    };
  });
  const values: Record<string, Cell[][]> = {};
  const wanted = names.filter((n) => sheets.some((s) => s.title === n));
  if (wanted.length > 0) {
    const got: Spreadsheet = api.Spreadsheets.get(spreadsheetId, {
      ranges: wanted.map(sheetRange),
      fields: DATA_FIELDS,
    });
    for (const s of got.sheets ?? []) {
      const title = s.properties?.title ?? '';
      if (!wanted.includes(title)) continue;
      const cells = gridCells(s.data ?? []);
      values[title] = cells;
      const m = sheets.find((x) => x.title === title);
      if (m) {
        m.usedRows = cells.length;
        m.usedCols = cells[0]?.length ?? 0;
      }
    }
    for (const n of wanted) values[n] ??= [];
  }
  return { spreadsheetId, sheets, values };
}

/** A serial date-time as toCells writes a Date: "yyyy-mm-dd", or "yyyy-mm-ddThh:mm:ss" with a time. */
export function serialToIso(serial: number): string {
  const ms = Math.round(serial * DAY_MS) + SERIAL_EPOCH_MS;
  const iso = new Date(Math.round(ms / 1000) * 1000).toISOString();
  return iso.slice(11, 19) === '00:00:00' ? iso.slice(0, 10) : iso.slice(0, 19);
}

function cellOf(cd: CellData | undefined): Cell {
  const ev = cd?.effectiveValue;
  if (!ev) return '';
  if (ev.stringValue !== undefined) return ev.stringValue;
  if (ev.boolValue !== undefined) return ev.boolValue;
  if (ev.numberValue !== undefined) {
    const type = cd?.effectiveFormat?.numberFormat?.type;
    return type === 'DATE' || type === 'DATE_TIME' || type === 'TIME' ? serialToIso(ev.numberValue) : ev.numberValue;
  }
  // An error cell: getValues gives its text ("#N/A", "#REF!").
  return cd?.formattedValue ?? '#ERROR!';
}

/** Grid data to the rectangle getDataRange().getValues() gives: A1 to the last row and column holding a value. */
export function gridCells(data: GridData[]): Cell[][] {
  const rows: Cell[][] = [];
  for (const g of data) {
    const r0 = g.startRow ?? 0;
    const c0 = g.startColumn ?? 0;
    (g.rowData ?? []).forEach((rd, i) => {
      const row = (rows[r0 + i] ??= []);
      (rd.values ?? []).forEach((cd, j) => {
        row[c0 + j] = cellOf(cd);
      });
    });
  }
  let lastRow = 0;
  let lastCol = 0;
  rows.forEach((row, r) => {
    if (!row) return;
    row.forEach((v, c) => {
      if (v !== '' && v !== undefined) {
        lastRow = Math.max(lastRow, r + 1);
        lastCol = Math.max(lastCol, c + 1);
      }
    });
  });
  const out: Cell[][] = [];
  for (let r = 0; r < lastRow; r++) {
    const src = rows[r] ?? [];
    const row: Cell[] = [];
    for (let c = 0; c < lastCol; c++) row.push(src[c] ?? '');
    out.push(row);
  }
  return out;
}

// ---------------------------------------------------------------- building the requests

/**
 * "#1F4E79" to the API's 0..1 channels. Four decimals bring every 8-bit value back exactly
 * (off by at most 0.013 of a step) and keep the request small: a colour is sent with most cells.
 */
export function hexToColor(hex: string): Color {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) throw new Error(`Not a #RRGGBB colour: ${hex}`);
  const ch = (h: string) => Math.round((parseInt(h, 16) / 255) * 1e4) / 1e4;
  return { red: ch(m[1]!), green: ch(m[2]!), blue: ch(m[3]!) };
}

/**
 * The API wants a type with every pattern. Sections, quoted text and [colour] tags do not change
 * the type; date and time letters do.
 */
export function numberFormatType(pattern: string): string {
  if (pattern === '@') return 'TEXT';
  const bare = pattern.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  if (/%/.test(bare)) return 'PERCENT';
  if (/[0#?]\.?[0#?]*E[+-]/i.test(bare)) return 'SCIENTIFIC';
  const date = /[dy]/i.test(bare) || (/m/i.test(bare) && !/h/i.test(bare));
  const time = /[hs]/i.test(bare) || /am\/pm/i.test(bare);
  if (date && time) return 'DATE_TIME';
  if (date) return 'DATE';
  if (time) return 'TIME';
  return 'NUMBER';
}

/** 0-based, end-exclusive GridRange of an A1 range ("A1:K9", "B3"). */
export function gridRange(sheetId: number, a1: string): GridRange {
  const [a, b] = a1.split(':');
  const p = parseCell(a!);
  const q = parseCell(b ?? a!);
  return {
    sheetId,
    startRowIndex: Math.min(p.row, q.row) - 1,
    endRowIndex: Math.max(p.row, q.row),
    startColumnIndex: Math.min(p.col, q.col) - 1,
    endColumnIndex: Math.max(p.col, q.col),
  };
}

const H_ALIGN = { left: 'LEFT', center: 'CENTER', right: 'RIGHT' } as const;
const V_ALIGN = { top: 'TOP', center: 'MIDDLE', bottom: 'BOTTOM' } as const;

/** The CellData of one cell: only what differs from a blank cell (the field mask clears the rest). */
function cellData(sd: SheetDescription, r: number, c: number, note: string | undefined): CellData {
  const cd: CellData = {};
  const f = sd.formulas[r]?.[c] ?? null;
  const v = sd.values[r]?.[c] ?? null;
  if (f !== null && f !== '') cd.userEnteredValue = { formulaValue: f };
  else if (typeof v === 'string') {
    if (v !== '') cd.userEnteredValue = { stringValue: v };
  } else if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`${sd.name} row ${r + 1} column ${c + 1}: ${v} is not a number Sheets can store.`);
    cd.userEnteredValue = { numberValue: v };
  } else if (typeof v === 'boolean') cd.userEnteredValue = { boolValue: v };

  const fmt: CellFormat = {};
  const nf = sd.numberFormats[r]?.[c] ?? 'General';
  if (nf !== 'General' && nf !== '') fmt.numberFormat = { type: numberFormatType(nf), pattern: nf };
  const bold = sd.bold[r]?.[c] === true;
  const italic = sd.italic[r]?.[c] === true;
  const color = sd.fontColors[r]?.[c];
  if (bold || italic || (color && color.toLowerCase() !== '#000000')) {
    fmt.textFormat = {};
    if (bold) fmt.textFormat.bold = true;
    if (italic) fmt.textFormat.italic = true;
    // The short (deprecated but supported) colour fields: the *Style forms add ~25 bytes a cell.
    if (color && color.toLowerCase() !== '#000000') fmt.textFormat.foregroundColor = hexToColor(color);
  }
  const fill = sd.fills[r]?.[c];
  if (fill) fmt.backgroundColor = hexToColor(fill);
  if (sd.wrap[r]?.[c] === true) fmt.wrapStrategy = 'WRAP';
  const h = sd.hAlign[r]?.[c];
  if (h) fmt.horizontalAlignment = H_ALIGN[h];
  if (Object.keys(fmt).length > 0) cd.userEnteredFormat = fmt;
  if (note !== undefined && note !== '') cd.note = note;
  return cd;
}

const BORDER_SIDES = {
  top: 'top',
  bottom: 'bottom',
  left: 'left',
  right: 'right',
  insideHorizontal: 'innerHorizontal',
  insideVertical: 'innerVertical',
} as const;

function borderRequest(sheetId: number, b: BorderSpec): Request {
  const border = { style: b.style === 'medium' ? 'SOLID_MEDIUM' : 'SOLID', color: hexToColor(b.color) };
  const req: Record<string, unknown> = { range: gridRange(sheetId, b.range) };
  for (const e of b.edges) req[BORDER_SIDES[e]] = border;
  return { updateBorders: req };
}

/** What updateCells writes, and clears where the new grid is smaller than the old one. */
const CELL_FIELDS = 'userEnteredValue,userEnteredFormat,note,dataValidation';

export interface BatchPlan {
  requests: Request[];
  /** Sheet ids given to the sheets this build adds. */
  added: Record<string, number>;
}

/** Every request of a build, in the order Sheets applies them. */
export function planWorkbook(wb: WorkbookDescription, snap: BatchSnapshot): BatchPlan {
  const requests: Request[] = [];
  const added: Record<string, number> = {};
  let nextId = Math.max(0, ...snap.sheets.map((s) => s.sheetId)) + 1;
  let sheetCount = snap.sheets.length;
  wb.sheets.forEach((sd, index) => {
    const old = snap.sheets.find((s) => s.title === sd.name);
    let target: SheetTarget;
    if (!old) {
      const sheetId = nextId++;
      added[sd.name] = sheetId;
      sheetCount++;
      requests.push(addSheetRequest(sd, sheetId, Math.min(index, sheetCount)));
      target = { sheetId, ...gridSize(sd) };
    } else {
      const refresh = refreshRequests(sd, old);
      requests.push(...refresh.requests);
      target = refresh.target;
    }
    requests.push(...sheetRequests(sd, target));
  });
  return { requests, added };
}

/** Where one sheet is written: its id and the rows and columns its cell writes must cover. */
interface SheetTarget {
  sheetId: number;
  clearRows: number;
  clearCols: number;
}

/** The description's grid, at least one cell (Sheets has no empty grid). */
function gridSize(sd: SheetDescription): { clearRows: number; clearCols: number } {
  return { clearRows: Math.max(1, sd.rowCount), clearCols: Math.max(1, sd.colCount) };
}

function addSheetRequest(sd: SheetDescription, sheetId: number, index: number): Request {
  const { clearRows: rows, clearCols: cols } = gridSize(sd);
  return {
    addSheet: {
      properties: {
        sheetId,
        title: sd.name,
        // As insertSheet(name, index): Pursue sheets first, in the description's order.
        index,
        gridProperties: { rowCount: rows + SPARE_ROWS, columnCount: Math.max(cols, NEW_SHEET_COLS) },
      },
    },
  };
}

/** A sheet already there: grow its grid and undo the last build's filter, rules and merges. */
function refreshRequests(sd: SheetDescription, old: SheetMeta): { requests: Request[]; target: SheetTarget } {
  const { clearRows: rows, clearCols: cols } = gridSize(sd);
  const sheetId = old.sheetId;
  const requests: Request[] = [];
  // Grow the grid (never shrink it: rows below may hold what people typed).
  const grid: { rowCount?: number; columnCount?: number } = {};
  if (rows > old.rowCount) grid.rowCount = rows + SPARE_ROWS;
  if (cols > old.columnCount) grid.columnCount = cols;
  if (grid.rowCount !== undefined || grid.columnCount !== undefined) {
    requests.push({
      updateSheetProperties: {
        properties: { sheetId, gridProperties: grid },
        fields: Object.keys(grid).map((k) => `gridProperties.${k}`).join(','),
      },
    });
  }
  if (old.hasFilter) requests.push({ clearBasicFilter: { sheetId } });
  if (old.hasMerges) requests.push({ unmergeCells: { range: { sheetId } } });
  for (let i = old.ruleCount - 1; i >= 0; i--) requests.push({ deleteConditionalFormatRule: { sheetId, index: i } });
  return { requests, target: { sheetId, clearRows: Math.max(rows, old.usedRows), clearCols: Math.max(cols, old.usedCols) } };
}

/** Everything written on one sheet once it exists at the right size. */
function sheetRequests(sd: SheetDescription, target: SheetTarget): Request[] {
  const { sheetId } = target;
  return [
    ...cellRequests(sd, target),
    ...sheetFormatRequests(sd, sheetId),
    ...validationRequests(sd, sheetId),
    ...conditionalFormatRequests(sd, sheetId),
    sheetPropertiesRequest(sd, sheetId),
    ...columnRequests(sd, sheetId),
    ...rowHeightRequests(sheetId, sd),
    ...sd.borders.map((b) => borderRequest(sheetId, b)),
    ...sd.merges.map((m): Request => ({ mergeCells: { range: gridRange(sheetId, m), mergeType: 'MERGE_ALL' } })),
    ...(sd.filter ? [{ setBasicFilter: { filter: { range: gridRange(sheetId, sd.filter) } } }] : []),
  ];
}

/**
 * Values, formats and notes of the whole grid; cells of the old grid outside the new one are
 * cleared by the same requests (the field mask names what a cell loses). Rows go in chunks of at
 * most CHUNK_BYTES so batchUpdate calls can stay under Google's 2 MB; the last chunk's range runs
 * to the old grid's end, clearing what the new grid no longer has.
 */
function cellRequests(sd: SheetDescription, { sheetId, clearRows, clearCols }: SheetTarget): Request[] {
  const notes = notesByCell(sd);
  const requests: Request[] = [];
  let chunk: GoogleAppsScript.Sheets.Schema.RowData[] = [];
  let chunkStart = 0;
  let chunkBytes = 0;
  const pushChunk = (end: number) => {
    const updateCells: GoogleAppsScript.Sheets.Schema.UpdateCellsRequest = {
      range: { sheetId, startRowIndex: chunkStart, endRowIndex: end, startColumnIndex: 0, endColumnIndex: clearCols },
      fields: CELL_FIELDS,
    };
    if (chunk.length > 0) updateCells.rows = chunk;
    requests.push({ updateCells });
  };
  for (let r = 0; r < sd.rowCount; r++) {
    const values: CellData[] = [];
    for (let c = 0; c < sd.colCount; c++) values.push(cellData(sd, r, c, notes.get(`${r},${c}`)));
    const rowBytes = jsonBytes({ values });
    if (chunk.length > 0 && chunkBytes + rowBytes > CHUNK_BYTES) {
      pushChunk(r);
      chunk = [];
      chunkStart = r;
      chunkBytes = 0;
    }
    chunk.push({ values });
    chunkBytes += rowBytes;
  }
  pushChunk(Math.max(clearRows, sd.rowCount));
  return requests;
}

/** Notes keyed "row,col" (0-based), inside the description's grid. */
function notesByCell(sd: SheetDescription): Map<string, string> {
  const { clearRows: rows, clearCols: cols } = gridSize(sd);
  const notes = new Map<string, string>();
  for (const n of sd.notes) {
    const p = parseCell(n.cell);
    if (p.row <= rows && p.col <= cols) notes.set(`${p.row - 1},${p.col - 1}`, n.text);
  }
  return notes;
}

/** Sheet-wide font size and vertical alignment: one request, not a field in every cell. */
function sheetFormatRequests(sd: SheetDescription, sheetId: number): Request[] {
  const wide: CellFormat = {};
  const wideFields: string[] = [];
  if (sd.fontSize !== undefined) {
    wide.textFormat = { fontSize: sd.fontSize };
    wideFields.push('userEnteredFormat.textFormat.fontSize');
  }
  if (sd.verticalAlign !== undefined) {
    wide.verticalAlignment = V_ALIGN[sd.verticalAlign];
    wideFields.push('userEnteredFormat.verticalAlignment');
  }
  if (wideFields.length === 0 || sd.rowCount === 0) return [];
  return [
    {
      repeatCell: {
        range: { sheetId, startRowIndex: 0, endRowIndex: sd.rowCount, startColumnIndex: 0, endColumnIndex: gridSize(sd).clearCols },
        cell: { userEnteredFormat: wide },
        fields: wideFields.join(','),
      },
    },
  ];
}

function validationRequests(sd: SheetDescription, sheetId: number): Request[] {
  return sd.validations.map((v) => ({
    setDataValidation: {
      range: gridRange(sheetId, v.range),
      rule: {
        condition: { type: 'ONE_OF_LIST', values: v.list.map((x) => ({ userEnteredValue: x })) },
        inputMessage: v.message,
        strict: true,
        showCustomUi: true,
      },
    },
  }));
}

function conditionalFormatRequests(sd: SheetDescription, sheetId: number): Request[] {
  return sd.conditionalFormats.map((cf, i) => {
    const format: CellFormat = {};
    if (cf.fill) format.backgroundColor = hexToColor(cf.fill);
    if (cf.fontColor || cf.bold !== undefined) {
      format.textFormat = {};
      if (cf.fontColor) format.textFormat.foregroundColor = hexToColor(cf.fontColor);
      if (cf.bold !== undefined) format.textFormat.bold = cf.bold;
    }
    return {
      addConditionalFormatRule: {
        index: i,
        rule: {
          ranges: [gridRange(sheetId, cf.range)],
          booleanRule: { condition: { type: 'CUSTOM_FORMULA', values: [{ userEnteredValue: cf.formula }] }, format },
        },
      },
    };
  });
}

/** Frozen panes and the tab colour; listing tabColor with no value clears an old one. */
function sheetPropertiesRequest(sd: SheetDescription, sheetId: number): Request {
  const props: GoogleAppsScript.Sheets.Schema.SheetProperties = {
    sheetId,
    gridProperties: { frozenRowCount: sd.frozenRows, frozenColumnCount: sd.frozenColumns },
  };
  if (sd.tabColor) props.tabColor = hexToColor(sd.tabColor);
  return {
    updateSheetProperties: {
      properties: props,
      fields: 'gridProperties.frozenRowCount,gridProperties.frozenColumnCount,tabColor',
    },
  };
}

/** Column widths (runs of equal widths share one request), then the hidden columns. */
function columnRequests(sd: SheetDescription, sheetId: number): Request[] {
  const requests = pixelSizeRuns(sheetId, 'COLUMNS', sd.columnWidths.map(widthToPixels));
  // Columns the reader needs but a person does not (the Key): hidden, still there for the next run.
  for (const c of sd.hiddenColumns ?? []) {
    requests.push({
      updateDimensionProperties: {
        range: { sheetId, dimension: 'COLUMNS', startIndex: c, endIndex: c + 1 },
        properties: { hiddenByUser: true },
        fields: 'hiddenByUser',
      },
    });
  }
  return requests;
}

export interface BatchWriteStats {
  sheets: number;
  rows: number;
  requests: number;
  /** Serialized bytes of each batchUpdate call. */
  batches: number[];
}

/** Google recommends at most 2 MB per batchUpdate; this leaves room for the call's own envelope. */
export const BATCH_BUDGET = 1.8 * 1024 * 1024;
/** Rows of one sheet per updateCells request: a few fit one batch, and no single request nears the budget. */
const CHUNK_BYTES = 512 * 1024;

/** UTF-8 size of a value as JSON: what the request carries over the wire. */
export function jsonBytes(v: unknown): number {
  const s = JSON.stringify(v) ?? '';
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c < 0x800 ? 1 : 2;
  }
  return n;
}

/** Requests packed in order into batches of at most `budget` serialized bytes. */
export function packBatches(requests: Request[], budget = BATCH_BUDGET): Request[][] {
  const out: Request[][] = [];
  let cur: Request[] = [];
  let used = 0;
  for (const r of requests) {
    const b = jsonBytes(r) + 1;
    if (cur.length > 0 && used + b > budget) {
      out.push(cur);
      cur = [];
      used = 0;
    }
    cur.push(r);
    used += b;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/**
 * The whole workbook in as few batchUpdate calls as Google's 2 MB advice allows (one for a usual
 * claim; a 5,000-line one takes a few). Each call is applied all or nothing; if a later one is
 * refused, the caller's SpreadsheetApp fallback rewrites every sheet from the same description.
 */
export function writeWorkbookBatch(api: Api, snap: BatchSnapshot, wb: WorkbookDescription): BatchWriteStats {
  const { requests } = planWorkbook(wb, snap);
  const batches = packBatches(requests);
  const bytes: number[] = [];
  for (const b of batches) {
    bytes.push(jsonBytes({ requests: b }));
    api.Spreadsheets.batchUpdate({ requests: b }, snap.spreadsheetId);
  }
  return { sheets: wb.sheets.length, rows: wb.sheets.reduce((n, s) => n + s.rowCount, 0), requests: requests.length, batches: bytes };
}

/** Sheets' default row height in pixels: rows the description leaves to the host get it back on a refresh. */
const DEFAULT_ROW_PX = 21;

/**
 * Row heights (points in the description) as pixels, one request per run of equal heights. All in
 * the one batchUpdate, so the number of service calls does not grow with the rows.
 */
export function rowHeightRequests(sheetId: number, sd: SheetDescription): Request[] {
  const heights = sd.rowHeights ?? [];
  if (!heights.some((h) => h !== null && h !== undefined)) return [];
  const px = heights.slice(0, sd.rowCount).map((h) => (h === null || h === undefined ? DEFAULT_ROW_PX : Math.round((h * 4) / 3)));
  return pixelSizeRuns(sheetId, 'ROWS', px);
}

/** One pixelSize request per run of equal sizes (rows or columns), so requests grow with runs, not cells. */
function pixelSizeRuns(sheetId: number, dimension: 'ROWS' | 'COLUMNS', px: number[]): Request[] {
  const out: Request[] = [];
  for (let i = 0; i < px.length; ) {
    let end = i + 1;
    while (end < px.length && px[end] === px[i]) end++;
    out.push({
      updateDimensionProperties: {
        range: { sheetId, dimension, startIndex: i, endIndex: end },
        properties: { pixelSize: px[i]! },
        fields: 'pixelSize',
      },
    });
    i = end;
  }
  return out;
}

/** What this writer does with each part of a description (see WriterSupport). */
export const SHEETS_API_SUPPORT: WriterSupport = {
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
  rowHeights: true,
  'print.landscape': 'the Sheets API has no print settings; File › Print asks for them',
  'print.fitToPageWide': 'the Sheets API has no print settings; File › Print asks for them',
  'print.fitToPageTall': 'the Sheets API has no print settings; File › Print asks for them',
  'print.area': 'the Sheets API has no print settings; File › Print asks for them',
  'print.repeatRows': 'the Sheets API has no print settings (frozen rows repeat when printing)',
};
