import { mkdtempSync, readFileSync, writeFileSync, existsSync, copyFileSync, rmSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { buildPursue } from '../../shared/pursue';
import { writeXlsx } from '../../cli/xlsx/write';
import { readXlsxValues } from '../../cli/xlsx/read';
import { PC, SHEETS } from '../../shared/workbook/layout';
import { describeWithLibreOffice, pdfPageToPng, xlsxToCsvSheets, xlsxToPdf } from '../helpers/libreoffice';
import { cents, samplePairs } from './factory';

const today = '2025-09-10';
const tmp = mkdtempSync(path.join(os.tmpdir(), 'pursue-xlsx-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function rowOf(csv: string[][], start: string): string[] {
  const r = csv.find((row) => (row[PC.name] ?? '').startsWith(start));
  if (!r) throw new Error(`no row starting ${start}`);
  return r;
}

describeWithLibreOffice('the written .xlsx, recalculated by LibreOffice', () => {
  for (const pair of samplePairs()) {
    test(`${pair.name}: every Gap, Sum of gaps, Total gap and Residual equal the engine's figures`, async () => {
      const { rec, workbook } = buildPursue({ ours: pair.ours, theirs: pair.theirs, compare: pair.compare, options: pair.options, today });
      const file = path.join(tmp, `${pair.name}.xlsx`);
      await writeXlsx(workbook, file);
      const csv = xlsxToCsvSheets(file)[SHEETS.pursue]!;
      expect(csv[0]![PC.gap]).toBe('Gap $');
      const byKey = new Map(csv.map((row) => [(row[PC.key] ?? '').split(';')[0], row]));
      for (const l of rec.lines) {
        const row = byKey.get(`item:${l.ours.item}`);
        expect(row).toBeDefined();
        expect(cents(row![PC.gap]!)).toBe(l.gap);
      }
      for (const o of rec.insurerOnly) expect(cents(byKey.get(`re:${o.insurer.item}`)![PC.gap]!)).toBe(o.gap);
      expect(cents(byKey.get('op')![PC.gap]!)).toBe(rec.overheadProfitGap);
      expect(cents(byKey.get('tax')![PC.gap]!)).toBe(rec.taxGap);
      expect(cents(rowOf(csv, 'Sum of gaps')[PC.gap]!)).toBe(rec.sumOfParts);
      expect(cents(rowOf(csv, 'Total gap')[PC.gap]!)).toBe(rec.totalGap);
      expect(cents(rowOf(csv, 'Residual')[PC.gap]!)).toBe(rec.residual);
      expect(rowOf(csv, 'Residual')[PC.kind]).toBe(rec.reconciled ? 'Reconciled' : 'Not reconciled');
    });
  }
});
