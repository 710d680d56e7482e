// The command-line cases of issue 11, through the built CLI as a user runs it.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readXlsxAll } from '../../cli/xlsx/read';
import { relativeTargets } from '../../cli/xlsx/repair';
import { lockFileFor } from '../../cli/out-path';
import { PC, SHEETS } from '../../shared/workbook/layout';
import { rowOfItem } from '../../shared/workbook/identity';
import { cellString } from '../../shared/workbook/readback';
import { soffice } from '../helpers/libreoffice';
import { DAY1, DAY2, OPENPYXL_MISSING, baseBook, hasOpenpyxl, pasteFiles, runCli, saveThroughLibreOffice, saveThroughOpenpyxl, writeBook } from './workbooks';

let dir: string;
let pastes: { ours: string; theirs: string };
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pursue-typed-cli-'));
  pastes = pasteFiles(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an open workbook is never overwritten', () => {
  test.each([
    ['Excel', (b: string) => `~$${b}`],
    ['Excel, shortened name', (b: string) => `~$${b.slice(2)}`],
    ['LibreOffice', (b: string) => `.~lock.${b}#`],
  ])('%s lock file: refused with "close it in Excel first", file unchanged', (_name, lockName) => {
    const sub = mkdtempSync(path.join(dir, 'lock-'));
    const file = path.join(sub, 'claim-smith.xlsx');
    expect(runCli([pastes.ours, pastes.theirs, '--out', file, '--today', DAY1]).code).toBe(0);
    const before = readFileSync(file);
    writeFileSync(path.join(sub, lockName('claim-smith.xlsx')), '');
    expect(lockFileFor(file)).not.toBeNull();
    const r = runCli([pastes.ours, pastes.theirs, '--out', file, '--today', DAY2]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/close it in Excel first/i);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('command-line values are checked, with what to do', () => {
  test('--today must be a real date', () => {
    const r = runCli([pastes.ours, pastes.theirs, '--today', '2025-13-45']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--today must be a real date.*2025-13-45/);
  });
  test('a negative --tolerance is refused, not made positive', () => {
    for (const args of [['--tolerance', '-5'], ['--tolerance=-5']]) {
      const r = runCli([pastes.ours, pastes.theirs, ...args]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/--tolerance: "-5" is negative/);
      expect(r.err).not.toMatch(/positional|ambiguous/);
    }
  });
  test('--out into a missing folder says to create it', () => {
    const r = runCli([pastes.ours, pastes.theirs, '--out', path.join(dir, 'no-such', 'x.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/does not exist\. Create it first/);
    expect(r.err).not.toMatch(/ENOENT|unexpected/);
  });
});

describe('part paths', () => {
  test('absolute relationship targets become relative to their part', () => {
    const xml = '<Relationships><Relationship Id="a" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="b" Target="https://x" TargetMode="External"/></Relationships>';
    expect(relativeTargets('xl/_rels/workbook.xml.rels', xml)).toContain('Target="worksheets/sheet1.xml"');
    expect(relativeTargets('xl/worksheets/_rels/sheet1.xml.rels', '<Relationship Target="/xl/comments/comment1.xml"/>')).toContain('Target="../comments/comment1.xml"');
    expect(relativeTargets('_rels/.rels', '<Relationship Target="/xl/workbook.xml"/>')).toContain('Target="xl/workbook.xml"');
    expect(relativeTargets('xl/_rels/workbook.xml.rels', xml)).toContain('Target="https://x"');
  });
});

const writersMissing = `${soffice ? '' : 'LibreOffice not installed. '}${hasOpenpyxl ? '' : OPENPYXL_MISSING}`;
if (writersMissing !== '') {
  if (process.env.CI === 'true') test('LibreOffice and openpyxl are installed', () => { throw new Error(writersMissing); });
  else test.todo(writersMissing);
} else {
  describe('a workbook saved by another program is read back', () => {
    test('openpyxl and LibreOffice copies keep what was typed (the CLI writes the built workbook, with notes)', async () => {
      const built = path.join(dir, 'built.xlsx');
      expect(runCli([pastes.ours, pastes.theirs, '--out', built, '--today', DAY1]).code).toBe(0);
      // Type on the built file (its notes and formulas included) through a values copy the writers open.
      const typed = path.join(dir, 'typed.xlsx');
      const book = baseBook();
      const g = book[SHEETS.pursue]!;
      g[rowOfItem(g, '2')!]![PC.denial] = 'Step flashing included in siding';
      await writeBook(book, typed);
      const outPy = mkdtempSync(path.join(dir, 'py-'));
      const outLo = mkdtempSync(path.join(dir, 'lo-'));
      const [pyBuilt, pyTyped] = saveThroughOpenpyxl([built, typed], outPy);
      const [loBuilt, loTyped] = saveThroughLibreOffice([built, typed], outLo);
      for (const f of [pyBuilt!, loBuilt!]) {
        // The full built workbook (with cell notes) through each writer: readable, and a re-run works.
        const copy = path.join(path.dirname(f), `again-${path.basename(f)}`);
        copyFileSync(f, copy);
        const r = runCli([pastes.ours, pastes.theirs, '--out', copy, '--today', DAY2]);
        expect({ f, err: r.err, code: r.code }).toEqual({ f, err: expect.not.stringMatching(/could not be read|not an \.xlsx/), code: 0 });
      }
      for (const f of [pyTyped!, loTyped!]) {
        const r = runCli([pastes.ours, pastes.theirs, '--out', f, '--today', DAY2]);
        expect({ f, code: r.code }).toEqual({ f, code: 0 });
        const back = await readXlsxAll(f);
        const rows = back[SHEETS.pursue]!;
        expect(cellString(rows[rowOfItem(rows, '2')!]![PC.denial])).toBe('Step flashing included in siding');
      }
    }, 180_000);
  });
}
