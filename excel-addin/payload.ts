/**
 * The Office.js request payloads for one workbook description, cut into row chunks of bounded
 * size. Pure data (no Office.js calls), so the engine worker can build it off the UI thread and
 * hand it over chunk by chunk; the writer then only assigns the arrays and syncs.
 *
 * Why sizes: Excel on the web refuses a request over 5 MB (RequestPayloadSizeLimitExceeded). A
 * 5,000-line workbook's formats alone are about 9 MB, so one sync per build cannot work there.
 * Each chunk carries its serialized size; the writer packs chunks into syncs of at most
 * REQUEST_BUDGET bytes, so the number of syncs grows with bytes / budget, never with rows.
 */
import type { CellValue, SheetDescription, WorkbookDescription } from '../shared/index';

/** Bytes per sync: Excel on the web's 5 MB cap less 1 MB for Office.js's own envelope per action. */
export const REQUEST_BUDGET = 4 * 1024 * 1024;
/** Bytes per row chunk: small enough that a few pack into one sync and a hand-over from the worker stays short. */
export const CHUNK_BUDGET = 512 * 1024;
/** What Office.js adds around each queued action (ids, object path, argument info), in bytes. */
export const ACTION_OVERHEAD = 160;

export type FormulaCell = string | number | boolean;

/** Settable cell properties as plain data (the subset of Excel.SettableCellProperties written). */
export interface CellProps {
  format: {
    font: { bold: boolean; italic: boolean; color: string; size?: number };
    wrapText: boolean;
    verticalAlignment?: string;
    horizontalAlignment?: string;
    fill?: { color: string };
  };
}

/** One block of whole rows: what Range.numberFormat, Range.formulas and setCellProperties take. */
export interface RowChunk {
  r0: number;
  rows: number;
  numberFormat: string[][];
  formulas: FormulaCell[][];
  /**
   * Cell formats as indexes into `palette`: a sheet has a few dozen distinct formats, so the
   * hand-over from the worker carries a few objects, not one per cell.
   */
  palette: CellProps[];
  propsIndex: number[][];
  /** Serialized (UTF-8 JSON) size of the three blocks as Office.js sends them (formats expanded), plus overhead. */
  bytes: number;
}

/** A sheet's description without its per-cell grids (those travel as chunks). */
export type SheetMeta = Omit<SheetDescription, 'values' | 'formulas' | 'numberFormats' | 'bold' | 'italic' | 'fontColors' | 'fills' | 'wrap' | 'hAlign'>;

export interface SheetPlan {
  meta: SheetMeta;
  chunks: RowChunk[];
}

export interface WritePlan {
  sheets: SheetPlan[];
}

/**
 * Excel turns typed text such as "=SUM(A1)", "+1", "3/4", "TRUE" or "Jan 5" into a formula,
 * number, boolean or date. A leading apostrophe keeps it text (Excel stores the apostrophe as the
 * cell's prefix, not as part of the value), so pasted words can never become formulas.
 */
export function needsTextPrefix(text: string): boolean {
  if (text === '') return false;
  if (!/^[A-Za-z]/.test(text)) return true; // = + - @ ' digits $ ( . and anything else odd
  if (/^(true|false)$/i.test(text)) return true;
  if (/^[A-Za-z]{3,9}[ \-/]\d{1,4}(?:[ ,\-/]+\d{1,4})?$/.test(text)) return true; // "Jan 5", "May-2025"
  if (/^#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!)/i.test(text)) return true;
  return false;
}

/**
 * One cell as it goes into Range.formulas: a formula, a number/boolean, or text kept as text.
 * Under the Text format ("@", written first) Excel keeps what it is given as text, and an
 * apostrophe there would stay visible, so the prefix is only for cells with another format.
 */
export function toFormulaCell(value: CellValue, formula: string | null, numberFormat = 'General'): FormulaCell {
  if (formula !== null && formula !== undefined && formula !== '') return formula;
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return numberFormat !== '@' && needsTextPrefix(value) ? `'${value}` : value;
  return value;
}

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

function cellProps(sheet: SheetDescription, r: number, c: number): CellProps {
  const font: CellProps['format']['font'] = {
    bold: sheet.bold[r]?.[c] ?? false,
    italic: sheet.italic[r]?.[c] ?? false,
    color: sheet.fontColors[r]?.[c] || '#000000',
  };
  if (sheet.fontSize) font.size = sheet.fontSize;
  const format: CellProps['format'] = { font, wrapText: sheet.wrap[r]?.[c] ?? false };
  if (sheet.verticalAlign) format.verticalAlignment = cap(sheet.verticalAlign);
  const fill = sheet.fills[r]?.[c];
  if (fill) format.fill = { color: fill };
  const align = sheet.hAlign[r]?.[c];
  if (align) format.horizontalAlignment = cap(align);
  return { format };
}

/** UTF-8 length of a string without allocating its bytes (the request goes over the wire as UTF-8). */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 2; // a surrogate pair is 4 bytes; its two halves count 2 + 2
      i++;
    } else n += 2;
  }
  return n;
}

/** The serialized size of one value as Office.js sends it. */
export const jsonBytes = (v: unknown): number => utf8Length(JSON.stringify(v));

/** The chunk's cell formats as setCellProperties takes them (shared objects, one per distinct format). */
export function chunkProps(chunk: RowChunk): CellProps[][] {
  return chunk.propsIndex.map((row) => row.map((i) => chunk.palette[i]!));
}

/** One sheet's grids as row chunks of about `chunkBudget` bytes each (a chunk closes once it passes the budget). */
export function planSheet(sheet: SheetDescription, chunkBudget = CHUNK_BUDGET): SheetPlan {
  const meta: SheetMeta = {
    name: sheet.name,
    rowCount: sheet.rowCount,
    colCount: sheet.colCount,
    columnWidths: sheet.columnWidths,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    filter: sheet.filter,
    borders: sheet.borders,
    conditionalFormats: sheet.conditionalFormats,
    validations: sheet.validations,
    notes: sheet.notes,
    merges: sheet.merges,
    print: sheet.print,
    tabColor: sheet.tabColor,
  };
  if (sheet.rowHeights) meta.rowHeights = sheet.rowHeights;
  if (sheet.hiddenColumns) meta.hiddenColumns = sheet.hiddenColumns;
  if (sheet.fontSize !== undefined) meta.fontSize = sheet.fontSize;
  if (sheet.verticalAlign) meta.verticalAlign = sheet.verticalAlign;
  const chunks: RowChunk[] = [];
  let cur: RowChunk | null = null;
  let seen = new Map<string, { index: number; bytes: number }>();
  const close = () => {
    if (cur) chunks.push(cur);
    cur = null;
  };
  if (sheet.colCount > 0) {
    for (let r = 0; r < sheet.rowCount; r++) {
      const c0 = cur as RowChunk | null;
      if (c0 && c0.bytes > chunkBudget) close();
      if (!cur) {
        cur = { r0: r, rows: 0, numberFormat: [], formulas: [], palette: [], propsIndex: [], bytes: 3 * ACTION_OVERHEAD };
        seen = new Map();
      }
      const c1 = cur as RowChunk;
      const nf: string[] = [];
      const fx: FormulaCell[] = [];
      const ix: number[] = [];
      let propBytes = 2;
      for (let c = 0; c < sheet.colCount; c++) {
        const fmt = sheet.numberFormats[r]?.[c] || 'General';
        nf.push(fmt);
        fx.push(toFormulaCell(sheet.values[r]?.[c] ?? null, sheet.formulas[r]?.[c] ?? null, fmt));
        const props = cellProps(sheet, r, c);
        const key = JSON.stringify(props);
        let entry = seen.get(key);
        if (!entry) {
          entry = { index: c1.palette.length, bytes: utf8Length(key) };
          seen.set(key, entry);
          c1.palette.push(props);
        }
        ix.push(entry.index);
        propBytes += entry.bytes + 1;
      }
      c1.rows++;
      c1.numberFormat.push(nf);
      c1.formulas.push(fx);
      c1.propsIndex.push(ix);
      c1.bytes += jsonBytes(nf) + jsonBytes(fx) + propBytes + 3;
    }
  }
  close();
  return { meta, chunks };
}

export function planWorkbook(workbook: WorkbookDescription, chunkBudget = CHUNK_BUDGET): WritePlan {
  return { sheets: workbook.sheets.map((s) => planSheet(s, chunkBudget)) };
}

/** Serialized size of everything a sheet queues besides its row chunks (widths, borders, rules...). */
export function metaBytes(meta: SheetMeta): number {
  return jsonBytes(meta) + 24 * ACTION_OVERHEAD;
}
