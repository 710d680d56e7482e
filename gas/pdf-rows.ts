// Server side of reading an estimate PDF in the sidebar: the sidebar's browser code reads the PDF
// (it never reaches Google's servers) and sends only the rows, in batches under Apps Script's
// payload limits; each batch lands on the side's sheet in one setValues.
import type { Cell } from '../shared/index';

/** Sheets the sidebar may fill from a PDF: one per side, named for it. Nothing else is written. */
export const PDF_SHEET_NAMES = ['Ours (PDF)', 'Insurer (PDF)'] as const;

export interface PdfRowsBatch {
  sheet: string;
  /** 0-based row where this batch starts; 0 clears the sheet first. */
  start: number;
  rows: Cell[][];
}

export function pursueWritePdfRows(batch: PdfRowsBatch): { written: number } {
  if (!(PDF_SHEET_NAMES as readonly string[]).includes(batch.sheet)) {
    throw new Error(`Pursue writes PDF rows only to ${PDF_SHEET_NAMES.join(' or ')}.`);
  }
  const book = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = book.getSheetByName(batch.sheet) ?? book.insertSheet(batch.sheet);
  if (batch.start === 0) sheet.clear();
  const rows = batch.rows;
  if (rows.length === 0) return { written: 0 };
  const width = Math.max(1, ...rows.map((r) => r.length));
  const values = rows.map((r) => Array.from({ length: width }, (_, c) => (r[c] == null ? '' : String(r[c]))));
  // A new sheet has 1,000 rows and 26 columns: grow it to fit (getRange past the edge throws).
  const needRows = batch.start + rows.length - sheet.getMaxRows();
  if (needRows > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needRows);
  const needCols = width - sheet.getMaxColumns();
  if (needCols > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needCols);
  const range = sheet.getRange(batch.start + 1, 1, rows.length, width);
  // Text format first: "1.00" or "12/30" must stay as printed, not become numbers or dates.
  range.setNumberFormats(values.map((r) => r.map(() => '@')));
  range.setValues(values);
  if (batch.start === 0) sheet.activate();
  return { written: rows.length };
}
