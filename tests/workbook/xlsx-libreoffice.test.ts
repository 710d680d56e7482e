import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildPursue } from '../../shared/pursue';
import { writeXlsx } from '../../cli/xlsx/write';
import { readXlsxValues } from '../../cli/xlsx/read';
import { PC, SHEETS } from '../../shared/workbook/layout';
import { describeWithLibreOffice, pdfPageToPng, xlsxFilesToCsvSheets, xlsxToCsvSheets, xlsxToPdf } from '../helpers/libreoffice';
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
  // The sample workbooks are built and written first and recalculated in ONE LibreOffice start
  // (starting it is most of the time); each test then checks its own sample.
  const built = new Map<string, { rec: ReturnType<typeof buildPursue>['rec']; csv: string[][] }>();
  beforeAll(async () => {
    const files: { name: string; file: string; rec: ReturnType<typeof buildPursue>['rec'] }[] = [];
    for (const pair of samplePairs()) {
      const { rec, workbook } = buildPursue({ ours: pair.ours, theirs: pair.theirs, compare: pair.compare, options: pair.options, today });
      const file = path.join(tmp, `${pair.name}.xlsx`);
      await writeXlsx(workbook, file);
      files.push({ name: pair.name, file, rec });
    }
    const sheets = xlsxFilesToCsvSheets(files.map((f) => f.file));
    for (const f of files) built.set(f.name, { rec: f.rec, csv: sheets.get(f.file)![SHEETS.pursue]! });
  });

  for (const pair of samplePairs()) {
    test(`${pair.name}: every Gap, Sum of gaps, Total gap and Residual equal the engine's figures`, () => {
      const { rec, csv } = built.get(pair.name)!;
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

  test('descriptions and notes that look like formulas stay text after LibreOffice opens and recalculates', async () => {
    const pair = samplePairs().find((p) => p.name === 'case1')!;
    const tricky = ['=1+2', '+5*2 flashing', '@SUM(1,2)', '-4+1 vents'];
    const swap = (t: string): string =>
      t.replace('\tDrip edge\t', `\t${tricky[0]}\t`).replace('\tStep flashing\t', `\t${tricky[1]}\t`).replace('\tRoofer - per hour\t', `\t${tricky[2]}\t`);
    const first = buildPursue({ ours: swap(pair.ours!), theirs: swap(pair.theirs!), options: pair.options, today });
    const names = first.rec.lines.map((l) => l.ours.description);
    expect(names).toEqual(expect.arrayContaining(tricky.slice(0, 3)));
    // Typed text too: a denial reason and a note starting with "=", "-" and "+".
    const ex = Object.fromEntries(first.workbook.sheets.map((s) => [s.name, s.values.map((r) => [...r])]));
    const row = ex[SHEETS.pursue]!.find((r) => String(r[PC.key] ?? '').startsWith('item:1'))!;
    row[PC.denial] = '=HYPERLINK("http://example.com","x")';
    row[PC.approve] = tricky[3]!;
    const { workbook } = buildPursue({ ours: swap(pair.ours!), theirs: swap(pair.theirs!), options: pair.options, existing: ex, today });
    const file = path.join(tmp, 'tricky.xlsx');
    await writeXlsx(workbook, file);
    const csv = xlsxToCsvSheets(file)[SHEETS.pursue]!;
    const all = csv.map((r) => r[PC.name]);
    for (const t of tricky.slice(0, 3)) expect(all).toContain(t);
    const r1 = csv.find((r) => (r[PC.key] ?? '').startsWith('item:1'))!;
    expect(r1[PC.denial]).toBe('=HYPERLINK("http://example.com","x")');
    expect(r1[PC.approve]).toBe(tricky[3]);
    const back = (await readXlsxValues(file))![SHEETS.pursue]!;
    expect(back.map((r) => r[PC.name])).toEqual(expect.arrayContaining(tricky.slice(0, 3)));
  });

  test('printed, the Pursue Items page is landscape and fits the width (picture for the README)', async () => {
    const pair = samplePairs().find((p) => p.name === 'case2')!;
    const input = { ours: pair.ours, theirs: pair.theirs, options: pair.options };
    const first = buildPursue({ ...input, today: '2025-09-03' });
    const ex = Object.fromEntries(first.workbook.sheets.map((s) => [s.name, s.values.map((r) => [...r])]));
    const typed: Record<string, [string, string, string]> = {
      '2': ['', 'Y', '9/03 – spoke to adjuster J. Ruiz, confirmed waste is 5%; next: send the measurement report'],
      '4': ['', 'Y', '9/03 – emailed adjuster J. Ruiz the county ice-barrier rule; next: call 9/08'],
      '5': ['Drip edge at eaves only; no drip edge present at rakes pre-loss.', 'Y', '9/04 – adjuster J. Ruiz asked for photos of the rakes; next: get them from RF Sam'],
      '12': ['Valley metal not visible in photos provided.', 'N', '9/05 – Called adjuster'],
    };
    for (const [item, [denial, rf, note]] of Object.entries(typed)) {
      const row = ex[SHEETS.pursue]!.find((r) => String(r[PC.key] ?? '').split(';')[0] === `item:${item}`)!;
      if (denial) row[PC.denial] = denial;
      row[PC.rf] = rf;
      row[PC.status] = note;
    }
    const { workbook } = buildPursue({ ...input, existing: ex, today: '2025-09-10' });
    const file = path.join(tmp, 'pursue-items.xlsx');
    await writeXlsx(workbook, file);
    const pdf = xlsxToPdf(file, tmp);
    const png = pdfPageToPng(pdf, 1, path.join(tmp, 'pursue-items'), 100);
    const head = readFileSync(png);
    const width = head.readUInt32BE(16);
    const height = head.readUInt32BE(20);
    expect(width).toBeGreaterThan(height); // landscape
    if (process.env.PURSUE_UPDATE_PICTURE === '1') {
      mkdirSync(path.join(__dirname, '..', '..', 'docs'), { recursive: true });
      copyFileSync(png, path.join(__dirname, '..', '..', 'docs', 'pursue-items.png'));
    }
  });
});
