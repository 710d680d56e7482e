// Shared by the typed-data tests: a real Pursue workbook (case2, two topics accepted), ways a person
// edits it (typing, sorting with or without the Key column, blank rows, deleted columns), and the
// writers a workbook may come back from (LibreOffice, openpyxl), each run once for many files.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { buildPursue } from '../../shared/pursue';
import { SHEETS } from '../../shared/workbook/layout';
import type { Cell } from '../../shared/types/cells';
import type { WorkbookDescription } from '../../shared/types/workbook';
import { evaluate } from '../workbook/factory';
import { fixture } from '../helpers/samples';
import { soffice } from '../helpers/libreoffice';

export type Grid = Cell[][];
export type Book = Record<string, Grid>;

export const OURS = fixture('case2', 'ours.txt');
export const THEIRS = fixture('case2', 'theirs.txt');
export const DAY1 = '2025-09-08';
export const DAY2 = '2025-09-10';

/** The values a host reads from a description: formulas as their results. */
export function valuesOf(desc: WorkbookDescription): Book {
  const out: Book = {};
  for (const s of desc.sheets) out[s.name] = evaluate(s) as Grid;
  return out;
}

/** case2 built, then built again with the Flashing and Roof edges topics accepted. */
export function baseBook(): Book {
  const first = valuesOf(buildPursue({ ours: OURS, theirs: THEIRS, today: DAY1 }).workbook);
  const topics = first[SHEETS.topics]!.map((r) => [...r]);
  for (const r of topics) if (r[0] === 'Flashing' || r[0] === 'Roof edges & underlayment') r[3] = 'accepted';
  first[SHEETS.topics] = topics;
  return valuesOf(buildPursue({ ours: OURS, theirs: THEIRS, today: DAY1, existing: first }).workbook);
}

/** Writes values only (a sort in Excel leaves values; formulas are not what is tested here). */
export async function writeBook(book: Book, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, grid] of Object.entries(book)) {
    const ws = wb.addWorksheet(name);
    grid.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined && v !== '') ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
      }),
    );
  }
  await wb.xlsx.writeFile(file);
}

export const hasOpenpyxl = spawnSync('/usr/bin/python3', ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0;
export const OPENPYXL_MISSING = 'openpyxl not installed: apt-get install python3-openpyxl';

/** Every file opened and saved by openpyxl (one Python process for all of them), into outDir. */
export function saveThroughOpenpyxl(files: string[], outDir: string): string[] {
  const script = [
    'import sys, os, openpyxl',
    'out = sys.argv[1]',
    'for f in sys.argv[2:]:',
    '    wb = openpyxl.load_workbook(f)',
    '    wb.save(os.path.join(out, os.path.basename(f)))',
  ].join('\n');
  execFileSync('/usr/bin/python3', ['-c', script, outDir, ...files], { timeout: 120_000 });
  return files.map((f) => path.join(outDir, path.basename(f)));
}

/** Every file opened and saved as .xlsx by LibreOffice (one soffice run for all of them), into outDir. */
export function saveThroughLibreOffice(files: string[], outDir: string): string[] {
  if (!soffice) throw new Error('LibreOffice not installed');
  const profile = mkdtempSync(path.join(os.tmpdir(), 'pursue-lo-profile-'));
  try {
    execFileSync(
      soffice,
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outDir, ...files],
      { timeout: 240_000, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HOME: profile } },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const made = new Set(readdirSync(outDir));
  return files.map((f) => {
    const name = path.basename(f);
    if (!made.has(name)) throw new Error(`LibreOffice did not write ${name}`);
    return path.join(outDir, name);
  });
}

/** The pastes as files, for the command line. */
export function pasteFiles(dir: string): { ours: string; theirs: string } {
  const ours = path.join(dir, 'ours.txt');
  const theirs = path.join(dir, 'theirs.txt');
  writeFileSync(ours, OURS);
  writeFileSync(theirs, THEIRS);
  return { ours, theirs };
}

/** The BUILT command line (npm test builds first), as a user runs it: exit code and what it printed. */
export const CLI = path.join(__dirname, '..', '..', 'dist', 'cli', 'pursue.js');
export function runCli(argv: string[]): { code: number; out: string; err: string } {
  if (!existsSync(CLI)) throw new Error('dist/cli/pursue.js is missing: run `node scripts/build.mjs cli` (npm test builds first).');
  const r = spawnSync(process.execPath, [CLI, ...argv], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}
