import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { PC, SHEETS } from '../../shared/workbook/layout';
import { describeWithLibreOffice, xlsxToCsvSheets } from '../helpers/libreoffice';
import { cents } from './factory';

// The BUILT command line (npm test builds first): --out writes the workbook, a re-run keeps what was typed.
const CLI = path.join(__dirname, '..', '..', 'dist', 'cli', 'pursue.js');
const FIX = path.join(__dirname, '..', 'fixtures', 'case2');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'pursue-cli-out-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const run = (args: string[]) => spawnSync(process.execPath, [CLI, path.join(FIX, 'ours.txt'), path.join(FIX, 'theirs.txt'), ...args], { encoding: 'utf8' });

describeWithLibreOffice('pursue OURS THEIRS --out FILE.xlsx (built bundle)', () => {
  test('writes the workbook whose recalculated totals match the --json report, and a re-run keeps typed text', async () => {
    const file = path.join(tmp, 'out.xlsx');
    const first = run(['--out', file, '--today', '2025-09-08']);
    expect(first.stderr).toMatch(/Wrote .*out\.xlsx/);
    expect(first.status).toBe(0);
    const json = JSON.parse(run(['--json']).stdout) as { totalGap: number; residual: number };
    const csv = xlsxToCsvSheets(file)[SHEETS.pursue]!;
    const label = (s: string) => csv.find((r) => (r[PC.name] ?? '').startsWith(s))!;
    expect(cents(label('Total gap')[PC.gap]!)).toBe(cents(json.totalGap));
    expect(cents(label('Residual')[PC.gap]!)).toBe(cents(json.residual));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet(SHEETS.pursue)!;
    let row: ExcelJS.Row | null = null;
    ws.eachRow((r) => {
      if (String(r.getCell(PC.key + 1).value ?? '').split(';')[0] === 'item:12') row = r;
    });
    expect(row).not.toBeNull();
    row!.getCell(PC.denial + 1).value = 'Valley metal not visible in photos provided.';
    row!.getCell(PC.status + 1).value = '9/08 – asked RF Sam for valley photos; next: send to adjuster J. Ruiz';
    await wb.xlsx.writeFile(file);

    const second = run(['--out', file, '--today', '2025-09-10', '--crm']);
    expect(second.status).toBe(0);
    const crmLine = second.stdout.split('\n').find((l) => l.startsWith('12\t'))!;
    expect(crmLine.split('\t')[3]).toBe('Valley metal not visible in photos provided.');
    expect(crmLine.split('\t')[5]).toBe('9/08/2025 – asked RF Sam for valley photos; next: send to adjuster J. Ruiz');
    const log = xlsxToCsvSheets(file)[SHEETS.log]!;
    expect(log.some((r) => r.includes('asked RF Sam for valley photos; next: send to adjuster J. Ruiz'))).toBe(true);
  });
});
