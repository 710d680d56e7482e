import { promises as fs } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { BorderSpec, SheetDescription, WorkbookDescription, WriterSupport } from '../../shared/index';
import { parseRange } from '../../shared/index';

const argb = (hex: string): string => `FF${hex.replace(/^#/, '').toUpperCase()}`;

type Edge = 'top' | 'bottom' | 'left' | 'right';

function applyBorders(ws: ExcelJS.Worksheet, spec: BorderSpec): void {
  const { row1, col1, row2, col2 } = parseRange(spec.range);
  const line = { style: spec.style, color: { argb: argb(spec.color) } } as ExcelJS.Border;
  for (let r = row1; r <= row2; r++) {
    for (let c = col1; c <= col2; c++) {
      const edges: Edge[] = [];
      if (r === row1 ? spec.edges.includes('top') : spec.edges.includes('insideHorizontal')) edges.push('top');
      if (r === row2 ? spec.edges.includes('bottom') : spec.edges.includes('insideHorizontal')) edges.push('bottom');
      if (c === col1 ? spec.edges.includes('left') : spec.edges.includes('insideVertical')) edges.push('left');
      if (c === col2 ? spec.edges.includes('right') : spec.edges.includes('insideVertical')) edges.push('right');
      if (edges.length === 0) continue;
      const cell = ws.getCell(r + 1, c + 1);
      const border: Partial<ExcelJS.Borders> = { ...(cell.border ?? {}) };
      for (const e of edges) border[e] = line;
      cell.border = border;
    }
  }
}

function writeSheet(wb: ExcelJS.Workbook, s: SheetDescription): void {
  const ws = wb.addWorksheet(s.name, {
    properties: s.tabColor ? { tabColor: { argb: argb(s.tabColor) } } : {},
    views: [{ state: s.frozenRows > 0 || s.frozenColumns > 0 ? 'frozen' : 'normal', xSplit: s.frozenColumns, ySplit: s.frozenRows }],
  });
  s.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const c of s.hiddenColumns ?? []) ws.getColumn(c + 1).hidden = true;
  for (let r = 0; r < s.rowCount; r++) {
    for (let c = 0; c < s.colCount; c++) {
      const formula = s.formulas[r]![c];
      const value = s.values[r]![c];
      const cell = ws.getCell(r + 1, c + 1);
      const format = s.numberFormats[r]![c]!;
      if (format !== 'General') cell.numFmt = format;
      // A string is always stored as a string: ExcelJS writes a formula only from { formula }.
      if (formula !== null) cell.value = { formula: formula.slice(1) } as ExcelJS.CellFormulaValue;
      else if (value !== null) cell.value = value;
      cell.font = { name: 'Calibri', size: s.fontSize ?? 11, bold: s.bold[r]![c], italic: s.italic[r]![c], color: { argb: argb(s.fontColors[r]![c]!) } };
      const fill = s.fills[r]![c];
      if (fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(fill) } };
      const h = s.hAlign[r]![c];
      cell.alignment = {
        wrapText: s.wrap[r]![c],
        ...(h ? { horizontal: h } : {}),
        ...(s.verticalAlign ? { vertical: s.verticalAlign === 'center' ? 'middle' : s.verticalAlign } : {}),
      };
    }
  }
  s.rowHeights?.forEach((h, r) => {
    if (h !== null) ws.getRow(r + 1).height = h;
  });
  for (const b of s.borders) applyBorders(ws, b);
  for (const m of s.merges) ws.mergeCells(m);
  if (s.filter) ws.autoFilter = s.filter;
  s.conditionalFormats.forEach((cf, i) => {
    const style: Partial<ExcelJS.Style> = {};
    if (cf.fill) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(cf.fill) } };
    if (cf.fontColor || cf.bold) style.font = { ...(cf.fontColor ? { color: { argb: argb(cf.fontColor) } } : {}), ...(cf.bold ? { bold: true } : {}) };
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [{ type: 'expression', priority: i + 1, formulae: [cf.formula.replace(/^=/, '')], style }],
    });
  });
  // ExcelJS has range validations at run time but leaves them out of its typings.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of s.validations) {
    validations.add(v.range, {
      type: 'list',
      allowBlank: v.allowBlank,
      formulae: [`"${v.list.join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: 'Pursue',
      error: v.message,
    });
  }
  for (const n of s.notes) ws.getCell(n.cell).note = n.text;
  ws.pageSetup = {
    orientation: s.print.landscape ? 'landscape' : 'portrait',
    fitToPage: s.print.fitToPageWide || s.print.fitToPageTall,
    fitToWidth: s.print.fitToPageWide ? 1 : 0,
    fitToHeight: s.print.fitToPageTall ? 1 : 0,
    paperSize: 1 as ExcelJS.PaperSize, // US Letter: the team prints in the US
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    // ExcelJS puts "$" only before the column letters; give it "A$1:M$9" so the name is absolute.
    ...(s.print.area ? { printArea: s.print.area.replace(/([A-Z]+)(\d+)/g, '$1$$$2') } : {}),
    ...(s.print.repeatRows ? { printTitlesRow: `1:${s.print.repeatRows}` } : {}),
  };
  ws.headerFooter = { oddFooter: `&L${s.name}&RPage &P of &N` };
}

/** Builds the ExcelJS workbook for a description (exported for tests that inspect it in memory). */
export function toExcelJs(desc: WorkbookDescription): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Pursue';
  wb.created = new Date(0);
  wb.modified = new Date(0);
  // ExcelJS stores formulas without results: ask Excel to calculate them on open.
  wb.calcProperties.fullCalcOnLoad = true;
  for (const s of desc.sheets) writeSheet(wb, s);
  return wb;
}

/**
 * Writes the workbook as .xlsx. It goes to a temporary file in the same folder first and is
 * renamed over `file` only when complete, so a failed write leaves the old workbook untouched.
 */
export async function writeXlsx(desc: WorkbookDescription, file: string): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await toExcelJs(desc).xlsx.writeFile(tmp);
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}

/** What this writer does with each part of a description (see WriterSupport): everything. */
export const EXCELJS_SUPPORT: WriterSupport = {
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
  'print.landscape': true,
  'print.fitToPageWide': true,
  'print.fitToPageTall': true,
  'print.area': true,
  'print.repeatRows': true,
};
