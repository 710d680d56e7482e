import { promises as fs } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Cell } from '../../shared/index';
import { PursueInputError } from '../../shared/index';
import { isPursueWorkbook } from '../../shared/index';
import { repairXlsx } from './repair';

/** One ExcelJS cell value as a host would hand it over (formulas give their cached result). */
function plain(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  // A date cell as the day serial Excel's own API hands over (ExcelJS dates are UTC), so the
  // read-back treats a workbook the same from every host.
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.getTime() / 86400000 + 25569;
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null || typeof result === 'object') return result instanceof Date ? plain(result) : null;
      return result;
    }
    if ('text' in v && typeof (v as { text: unknown }).text === 'string') return (v as { text: string }).text;
    if ('error' in v) return null;
  }
  return String(v);
}

/** Every sheet's values, row 1 = A1, as hosts read them. */
export async function readXlsxAll(file: string): Promise<Record<string, Cell[][]>> {
  const wb = new ExcelJS.Workbook();
  // Repaired in memory first: openpyxl and some LibreOffice builds write part paths ExcelJS cannot follow.
  await wb.xlsx.load((await repairXlsx(await fs.readFile(file))) as unknown as ExcelJS.Buffer);
  const out: Record<string, Cell[][]> = {};
  wb.eachSheet((ws) => {
    const rows: Cell[][] = [];
    const cols = ws.columnCount;
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: Cell[] = [];
      for (let c = 1; c <= cols; c++) cells.push(plain(row.getCell(c).value));
      rows.push(cells);
    }
    out[ws.name] = rows;
  });
  return out;
}

/**
 * The values of an existing Pursue workbook, for buildPursue's `existing`; null when the file does
 * not exist or is not a Pursue workbook. A file that is not an .xlsx at all throws, with a message
 * saying so, rather than being overwritten.
 */
export async function readXlsxValues(file: string): Promise<Record<string, Cell[][]> | null> {
  try {
    await fs.access(file);
  } catch {
    return null;
  }
  let values: Record<string, Cell[][]>;
  try {
    values = await readXlsxAll(file);
  } catch (err) {
    // Library text means nothing to a user; say what the file is and what to do.
    const notZip = /central directory|zip/i.test((err as Error).message);
    throw new PursueInputError(
      notZip
        ? `"${file}" is not an .xlsx workbook (it may be an .xls, a CSV or a damaged file); it was left as it is. If it is your Pursue workbook, open it in Excel and save it as "Excel Workbook (.xlsx)", then run again.`
        : `"${file}" could not be read as an .xlsx workbook; it was left as it is. Open it in Excel or LibreOffice and save it again as "Excel Workbook (.xlsx)", then run again, so nothing typed in it is lost.`,
    );
  }
  return isPursueWorkbook(values) ? values : null;
}

/**
 * What is at `file`: nothing, a Pursue workbook, or some other workbook (which a caller should not
 * overwrite without asking). Throws, like readXlsxValues, when the file is not an .xlsx at all.
 */
export async function xlsxKind(file: string): Promise<'missing' | 'pursue' | 'other'> {
  try {
    await fs.access(file);
  } catch {
    return 'missing';
  }
  return (await readXlsxValues(file)) ? 'pursue' : 'other';
}
