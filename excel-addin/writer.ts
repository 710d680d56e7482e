/**
 * Writes a WorkbookDescription with Office.js. Every property is one whole 2D block per sheet and
 * nothing here calls context.sync(): the caller queues the whole workbook, then syncs once, so the
 * number of round trips does not grow with the number of rows.
 */
import type { CellPatch, CellValue, SheetDescription, WorkbookDescription, WriterSupport } from '../shared/index';
import { colLetter } from '../shared/index';

/** What the host supports beyond the declared minimum (ExcelApi 1.9). */
export interface HostCaps {
  /** ExcelApi 1.18: cell notes. Without it notes are skipped (the text is in the cells anyway). */
  notes: boolean;
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
export function toFormulaCell(value: CellValue, formula: string | null, numberFormat = 'General'): string | number | boolean {
  if (formula !== null && formula !== undefined && formula !== '') return formula;
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return numberFormat !== '@' && needsTextPrefix(value) ? `'${value}` : value;
  return value;
}

/** Column widths come in characters of the default font; Office.js wants points. */
export function charsToPoints(chars: number): number {
  // Calibri 11: 7 px per character plus 5 px of padding; 1 px = 0.75 pt.
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** A1 address of a block starting at A1. */
export function blockAddress(rows: number, cols: number): string {
  return `A1:${colLetter(cols - 1)}${rows}`;
}

const BORDER_EDGE: Record<string, Excel.BorderIndex | string> = {
  top: 'EdgeTop',
  bottom: 'EdgeBottom',
  left: 'EdgeLeft',
  right: 'EdgeRight',
  insideHorizontal: 'InsideHorizontal',
  insideVertical: 'InsideVertical',
};

/** The per-cell formats of one sheet as setCellProperties takes them (one call per sheet). */
export function cellProperties(sheet: SheetDescription): Excel.SettableCellProperties[][] {
  const out: Excel.SettableCellProperties[][] = [];
  for (let r = 0; r < sheet.rowCount; r++) {
    const row: Excel.SettableCellProperties[] = [];
    for (let c = 0; c < sheet.colCount; c++) {
      const font: Excel.CellPropertiesFont = {
        bold: sheet.bold[r]?.[c] ?? false,
        italic: sheet.italic[r]?.[c] ?? false,
        color: sheet.fontColors[r]?.[c] || '#000000',
      };
      if (sheet.fontSize) font.size = sheet.fontSize;
      const format: Excel.CellPropertiesFormat = { font, wrapText: sheet.wrap[r]?.[c] ?? false };
      if (sheet.verticalAlign) format.verticalAlignment = (sheet.verticalAlign[0]!.toUpperCase() + sheet.verticalAlign.slice(1)) as Excel.VerticalAlignment;
      const fill = sheet.fills[r]?.[c];
      if (fill) format.fill = { color: fill };
      const align = sheet.hAlign[r]?.[c];
      if (align) format.horizontalAlignment = (align[0]!.toUpperCase() + align.slice(1)) as Excel.HorizontalAlignment;
      row.push({ format });
    }
    out.push(row);
  }
  return out;
}

/** Values and formulas merged into the one 2D block Range.formulas takes. */
export function formulaBlock(sheet: SheetDescription): (string | number | boolean)[][] {
  const out: (string | number | boolean)[][] = [];
  for (let r = 0; r < sheet.rowCount; r++) {
    const row: (string | number | boolean)[] = [];
    for (let c = 0; c < sheet.colCount; c++) {
      row.push(toFormulaCell(sheet.values[r]?.[c] ?? null, sheet.formulas[r]?.[c] ?? null, sheet.numberFormats[r]?.[c] || 'General'));
    }
    out.push(row);
  }
  return out;
}

function numberFormatBlock(sheet: SheetDescription): string[][] {
  const out: string[][] = [];
  for (let r = 0; r < sheet.rowCount; r++) {
    const row: string[] = [];
    for (let c = 0; c < sheet.colCount; c++) row.push(sheet.numberFormats[r]?.[c] || 'General');
    out.push(row);
  }
  return out;
}

/**
 * Queues one sheet. `existed` says whether the sheet was in the workbook when it was read (the
 * first sync), so old content and formats are cleared before the new ones go in.
 */
export function queueSheet(
  context: Excel.RequestContext,
  sheet: SheetDescription,
  position: number,
  existed: boolean,
): Excel.Worksheet {
  const sheets = context.workbook.worksheets;
  const ws = existed ? sheets.getItem(sheet.name) : sheets.add(sheet.name);
  if (existed) {
    // What the sheet held is already read back into the description; start from a clean grid.
    const all = ws.getRange();
    all.clear('All');
    all.conditionalFormats.clearAll();
    all.dataValidation.clear();
    all.unmerge();
    ws.freezePanes.unfreeze();
    if (!sheet.filter) ws.autoFilter.remove();
  }
  ws.position = position;
  ws.tabColor = sheet.tabColor ?? '';

  if (sheet.rowCount > 0 && sheet.colCount > 0) {
    const block = ws.getRangeByIndexes(0, 0, sheet.rowCount, sheet.colCount);
    // Number formats first: a text cell written under "@" stays text in every Excel.
    block.numberFormat = numberFormatBlock(sheet);
    block.formulas = formulaBlock(sheet);
    block.setCellProperties(cellProperties(sheet));
  }
  if (sheet.columnWidths.length > 0) {
    const cols = ws.getRangeByIndexes(0, 0, 1, sheet.columnWidths.length);
    cols.setColumnProperties(sheet.columnWidths.map((w) => ({ format: { columnWidth: charsToPoints(w) } })));
  }
  // Columns the reader needs but a person does not (the Key): hidden, still there for the next run.
  for (const c of sheet.hiddenColumns ?? []) ws.getRangeByIndexes(0, c, 1, 1).getEntireColumn().columnHidden = true;
  const heights = sheet.rowHeights ?? [];
  if (heights.some((h) => h !== null && h !== undefined)) {
    const rows = ws.getRangeByIndexes(0, 0, heights.length, 1);
    rows.setRowProperties(heights.map((h) => (h === null || h === undefined ? {} : { format: { rowHeight: h } })));
  }
  for (const m of sheet.merges) ws.getRange(m).merge(false);
  for (const b of sheet.borders) {
    const borders = ws.getRange(b.range).format.borders;
    for (const edge of b.edges) {
      const item = borders.getItem(BORDER_EDGE[edge] as Excel.BorderIndex);
      item.style = 'Continuous';
      item.weight = b.style === 'medium' ? 'Medium' : 'Thin';
      item.color = b.color;
    }
  }
  for (const cf of sheet.conditionalFormats) {
    const added = ws.getRange(cf.range).conditionalFormats.add('Custom');
    added.custom.rule.formula = cf.formula;
    if (cf.fill) added.custom.format.fill.color = cf.fill;
    if (cf.fontColor) added.custom.format.font.color = cf.fontColor;
    if (cf.bold !== undefined) added.custom.format.font.bold = cf.bold;
  }
  for (const v of sheet.validations) {
    const dv = ws.getRange(v.range).dataValidation;
    dv.rule = { list: { inCellDropDown: true, source: v.list.join(',') } };
    dv.ignoreBlanks = v.allowBlank;
    dv.errorAlert = { showAlert: true, style: 'Stop', title: 'Pursue', message: v.message };
  }
  if (sheet.frozenRows > 0 && sheet.frozenColumns > 0) {
    ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, sheet.frozenRows, sheet.frozenColumns));
  } else if (sheet.frozenRows > 0) {
    ws.freezePanes.freezeRows(sheet.frozenRows);
  } else if (sheet.frozenColumns > 0) {
    ws.freezePanes.freezeColumns(sheet.frozenColumns);
  }
  if (sheet.filter) ws.autoFilter.apply(ws.getRange(sheet.filter));
  ws.pageLayout.orientation = sheet.print.landscape ? 'Landscape' : 'Portrait';
  if (sheet.print.area) ws.pageLayout.setPrintArea(sheet.print.area);
  if (sheet.print.repeatRows) ws.pageLayout.setPrintTitleRows(`$1:$${sheet.print.repeatRows}`);
  if (sheet.print.fitToPageWide || sheet.print.fitToPageTall) {
    ws.pageLayout.zoom = {
      horizontalFitToPages: sheet.print.fitToPageWide ? 1 : 0,
      verticalFitToPages: sheet.print.fitToPageTall ? 1 : 0,
    };
  }
  // Notes (ExcelApi 1.18) are added after the write, in their own sync, where supported.
  return ws;
}

/**
 * Queues the whole workbook (no sync). Calculation and screen updating stay suspended until the
 * caller's next sync, which is the one that sends all of this.
 */
export function queueWorkbook(
  context: Excel.RequestContext,
  workbook: WorkbookDescription,
  existingNames: ReadonlySet<string>,
): void {
  const app = context.workbook.application;
  app.suspendApiCalculationUntilNextSync();
  app.suspendScreenUpdatingUntilNextSync();
  workbook.sheets.forEach((sheet, i) => {
    queueSheet(context, sheet, i, existingNames.has(sheet.name));
  });
  if (workbook.sheets.length > 0) context.workbook.worksheets.getItem(workbook.sheets[0].name).activate();
}

export type { CellPatch };

/** Queues patches (a status note, an RF flag, a topic) without a sync; text stays text. */
export function queuePatches(context: Excel.RequestContext, patches: CellPatch[]): void {
  const sheets = context.workbook.worksheets;
  for (const p of patches) {
    const range = sheets.getItem(p.sheet).getRange(p.range);
    if (p.numberFormats) range.numberFormat = p.numberFormats;
    range.formulas = p.values.map((row, r) => row.map((v, c) => toFormulaCell(v, null, p.numberFormats?.[r]?.[c] ?? 'General')));
  }
}

/** What this writer does with each part of a description (see WriterSupport). */
export const OFFICE_JS_SUPPORT: WriterSupport = {
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
  // Written after the build in their own sync (actions.ts), where ExcelApi 1.18 is there.
  notes: 'added by the build after the write, only where Excel supports notes (ExcelApi 1.18)',
  merges: true,
  tabColor: true,
  fontSize: true,
  verticalAlign: true,
  rowHeights: true,
  'print.landscape': true,
  'print.fitToPageWide': true,
  'print.fitToPageTall': true,
  'print.area': true,
  'print.repeatRows': true,
};
