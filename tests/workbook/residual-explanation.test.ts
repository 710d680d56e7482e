// Issue 13: the residual's explanation is a formula that follows the figures. LibreOffice
// recalculates the written workbook; an RM's edit to one Ours $ figure must change what it says.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { toExcelJs } from '../../cli/xlsx/write';
import { buildPursue } from '../../shared/pursue';
import { PC, SHEETS, TOTAL_LABELS } from '../../shared/workbook/layout';
import { rowOfItem } from '../../shared/workbook/identity';
import { describeWithLibreOffice, xlsxToCsvSheets } from '../helpers/libreoffice';
import { fixture } from '../helpers/samples';

describeWithLibreOffice('the residual explanation follows the figures (LibreOffice)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'pursue-residual-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('reconciled as built; after an Ours $ figure is raised by $250 it says Not reconciled and by how much', async () => {
    const result = buildPursue({ ours: fixture('case2', 'ours.txt'), theirs: fixture('case2', 'theirs.txt'), today: '2025-09-08' });
    expect(result.rec.status).toBe('reconciled');
    const sheet = result.workbook.sheets[0]!;
    const r = rowOfItem(sheet.values, '12')!;
    const before = path.join(dir, 'before.xlsx');
    const after = path.join(dir, 'after.xlsx');
    await toExcelJs(result.workbook).xlsx.writeFile(before);
    const wb = toExcelJs(result.workbook);
    const cell = wb.getWorksheet(SHEETS.pursue)!.getCell(r + 1, PC.ours + 1);
    cell.value = Math.round((Number(cell.value) + 250) * 100) / 100;
    await wb.xlsx.writeFile(after);
    const explain = (file: string): string => {
      const rows = xlsxToCsvSheets(file)[SHEETS.pursue]!;
      return rows.find((row) => (row[PC.name] ?? '').startsWith(TOTAL_LABELS.residual.slice(0, 8)))![PC.denial]!;
    };
    expect(explain(before)).toMatch(/^✓ Reconciled: the parts add up to the total gap \$[\d,]+\.\d\d \(residual \$0\.00, tolerance \$1\.00\)\.$/);
    // Raising one line's Ours $ raises the sum of gaps, not the total: $250 is now unexplained.
    expect(explain(after)).toMatch(/^✗ Not reconciled: -\$250\.00 of the total gap \$[\d,]+\.\d\d is not explained/);
  }, 120_000);
});
