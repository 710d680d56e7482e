import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { colLetter as X } from '../../shared/workbook/a1';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { buildPursue } from '../../shared/pursue';
import { writeXlsx } from '../../cli/xlsx/write';
import { readXlsxAll, readXlsxValues, xlsxKind } from '../../cli/xlsx/read';
import { LC, PC, SHEETS } from '../../shared/workbook/layout';
import type { Cell } from '../../shared/types/cells';
import { samplePairs } from './factory';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'pursue-xlsx-unit-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const case2 = samplePairs().find((p) => p.name === 'case2')!;

function findRow(ws: ExcelJS.Worksheet, key: string): ExcelJS.Row {
  for (let r = 1; r <= ws.rowCount; r++) {
    const v = ws.getRow(r).getCell(PC.key + 1).value;
    if (typeof v === 'string' && v.split(';')[0] === key) return ws.getRow(r);
  }
  throw new Error(`no row ${key}`);
}

function valuesRow(sheet: Cell[][], key: string): Cell[] {
  const r = sheet.find((row) => typeof row[PC.key] === 'string' && (row[PC.key] as string).split(';')[0] === key);
  if (!r) throw new Error(`no row ${key}`);
  return r;
}

describe('.xlsx for the command line', () => {
  test('the written file has the description: sheets, formulas, formats, frozen header, filter, validations, notes', async () => {
    const { workbook } = buildPursue({ ...case2, today: '2025-09-10' });
    const file = path.join(tmp, 'shape.xlsx');
    await writeXlsx(workbook, file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(workbook.sheets.map((s) => s.name));
    const ws = wb.getWorksheet(SHEETS.pursue)!;
    const row = findRow(ws, 'item:4');
    expect(row.getCell(PC.gap + 1).value).toEqual({ formula: `${X(PC.ours)}${row.number}-${X(PC.insurer)}${row.number}` });
    expect(row.getCell(PC.gap + 1).numFmt).toBe(workbook.sheets[0]!.numberFormats[row.number - 1]![PC.gap]);
    expect(row.getCell(PC.name + 1).numFmt).toBe('@');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe(workbook.sheets[0]!.filter);
    expect(ws.getCell('A1').note).toBeTruthy();
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1 });
    expect(row.getCell(PC.rf + 1).dataValidation).toMatchObject({ type: 'list', formulae: ['"Y,N"'] });
  });

  test('re-running over a file where a person typed keeps every entry and appends new Status Log rows only', async () => {
    const file = path.join(tmp, 'rerun.xlsx');
    const first = buildPursue({ ...case2, today: '2025-09-08' });
    await writeXlsx(first.workbook, file);

    // A person edits the workbook in a spreadsheet program.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet(SHEETS.pursue)!;
    const r5 = findRow(ws, 'item:5');
    r5.getCell(PC.denial + 1).value = 'Drip edge at eaves only; no drip edge present at rakes pre-loss.';
    r5.getCell(PC.approve + 1).value = 'IRC R905.2.8.5 requires drip edge at eaves and rakes.';
    r5.getCell(PC.rf + 1).value = 'Y';
    r5.getCell(PC.status + 1).value = '9/08 – spoke to adjuster J. Ruiz, confirmed denial reason; next: send code citation';
    const r12 = findRow(ws, 'item:12');
    r12.getCell(PC.status + 1).value = '9/09 – emailed adjuster J. Ruiz valley metal photos; next: call Friday';
    const log = wb.getWorksheet(SHEETS.log)!;
    log.addRow(['', new Date(Date.UTC(2025, 8, 9)), '12', 'Kim', 'Called adjuster', '']);
    await wb.xlsx.writeFile(file);

    const existing1 = await readXlsxValues(file);
    expect(existing1).not.toBeNull();
    const second = buildPursue({ ...case2, existing: existing1, today: '2025-09-10' });
    await writeXlsx(second.workbook, file);
    const after = (await readXlsxValues(file))!;
    const p = after[SHEETS.pursue]!;
    const row5 = valuesRow(p, 'item:5');
    expect(row5[PC.denial]).toBe('Drip edge at eaves only; no drip edge present at rakes pre-loss.');
    expect(row5[PC.approve]).toBe('IRC R905.2.8.5 requires drip edge at eaves and rakes.');
    expect(row5[PC.rf]).toBe('Y');
    expect(row5[PC.status]).toBe('9/08/2025 – spoke to adjuster J. Ruiz, confirmed denial reason; next: send code citation');
    expect(String(valuesRow(p, 'item:12')[PC.status])).toContain('emailed adjuster J. Ruiz valley metal photos');
    const log2 = after[SHEETS.log]!;
    const texts = log2.slice(1).map((r) => r[LC.text]);
    expect(texts).toEqual(expect.arrayContaining(['Called adjuster', 'spoke to adjuster J. Ruiz, confirmed denial reason; next: send code citation']));
    expect(texts).toHaveLength(3);

    // A third run with a new note typed into the cell: the old rows stay as they were.
    const wb3 = new ExcelJS.Workbook();
    await wb3.xlsx.readFile(file);
    const r5b = findRow(wb3.getWorksheet(SHEETS.pursue)!, 'item:5');
    r5b.getCell(PC.status + 1).value = `${String(r5b.getCell(PC.status + 1).value)}\n9/10 – adjuster J. Ruiz agreed to re-inspect; next: meet on site 9/15`;
    await wb3.xlsx.writeFile(file);
    const before3 = (await readXlsxValues(file))![SHEETS.log]!;
    const third = buildPursue({ ...case2, existing: await readXlsxValues(file), today: '2025-09-10' });
    await writeXlsx(third.workbook, file);
    const log3 = (await readXlsxValues(file))![SHEETS.log]!;
    expect(log3.slice(0, before3.length)).toEqual(before3);
    expect(log3).toHaveLength(before3.length + 1);
    expect(log3.at(-1)![LC.text]).toBe('adjuster J. Ruiz agreed to re-inspect; next: meet on site 9/15');
    expect(third.state.items['5']!.status).toHaveLength(2);
  });

  test('a failed write leaves the old file untouched and no temporary file behind', async () => {
    const file = path.join(tmp, 'keep.xlsx');
    const { workbook } = buildPursue({ ...case2, today: '2025-09-10' });
    await writeXlsx(workbook, file);
    const before = readFileSync(file);
    const broken = { sheets: [workbook.sheets[0]!, { ...workbook.sheets[1]!, name: workbook.sheets[0]!.name }] }; // duplicate sheet name
    await expect(writeXlsx(broken, file)).rejects.toThrow();
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(tmp).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  test('readXlsxValues: null for a missing file or a workbook that is not Pursue\'s; an error for a file that is not .xlsx', async () => {
    expect(await readXlsxValues(path.join(tmp, 'nope.xlsx'))).toBeNull();
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').addRow(['Line', 'Description', 'Qty']);
    const otherFile = path.join(tmp, 'other.xlsx');
    await other.xlsx.writeFile(otherFile);
    expect(await readXlsxValues(otherFile)).toBeNull();
    expect(Object.keys(await readXlsxAll(otherFile))).toEqual(['Sheet1']);
    const junk = path.join(tmp, 'junk.xlsx');
    writeFileSync(junk, 'not a zip');
    await expect(readXlsxValues(junk)).rejects.toThrow(/is not an \.xlsx workbook.*save it as "Excel Workbook/);
    expect(await xlsxKind(junk).catch((e: Error) => e.constructor.name)).toBe("PursueInputError");
    expect(await xlsxKind(otherFile)).toBe("other");
    expect(await xlsxKind(path.join(tmp, "nope.xlsx"))).toBe("missing");
  });
});
