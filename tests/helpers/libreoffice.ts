// LibreOffice as a test oracle: it opens the .xlsx Pursue writes, recalculates every formula (ExcelJS
// stores none of their results) and exports CSV or PDF, so tests see what a person would see.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';

export const MISSING_MESSAGE = 'LibreOffice not installed: install libreoffice-calc-nogui (apt-get install libreoffice-calc-nogui)';

function findSoffice(): string | null {
  for (const name of ['soffice', 'libreoffice']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim() !== '') return r.stdout.trim();
  }
  return null;
}

export const soffice: string | null = findSoffice();

/**
 * describe() when LibreOffice is installed. Without it the suite says so by name: under CI the
 * test fails with the install hint; elsewhere it shows as a "todo" with the same hint, never a pass.
 */
export function describeWithLibreOffice(name: string, fn: () => void): void {
  if (soffice) {
    describe(name, fn);
    return;
  }
  describe(`${name} — ${MISSING_MESSAGE}`, () => {
    if (process.env.CI === 'true') {
      test('LibreOffice is installed', () => {
        throw new Error(MISSING_MESSAGE);
      });
    } else {
      test.todo(MISSING_MESSAGE);
    }
  });
}

/** Runs one conversion with a private profile (parallel runs never share one) and a timeout. */
function convert(file: string | string[], target: string, outDir: string): void {
  if (!soffice) throw new Error(MISSING_MESSAGE);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'pursue-lo-profile-'));
  try {
    execFileSync(
      soffice,
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', target, '--outdir', outDir, ...(Array.isArray(file) ? file : [file])],
      { timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HOME: profile } },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Every sheet of an .xlsx as rows of CSV cells, recalculated by LibreOffice, keyed by sheet name.
 * Numbers come out raw (not as formatted), so money can be compared to the cent.
 */
export function xlsxToCsvSheets(file: string): Record<string, string[][]> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'pursue-lo-csv-'));
  try {
    // Filter tokens: comma, double quote, UTF-8, from line 1, -, -, -, detect numbers,
    // raw values (not "as shown"), values not formulas, keep spaces, sheet -1 = every sheet to its own file.
    convert(file, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', outDir);
    const base = path.basename(file).replace(/\.xlsx$/i, '');
    const out: Record<string, string[][]> = {};
    for (const f of readdirSync(outDir)) {
      if (!f.endsWith('.csv')) continue;
      const sheet = f.startsWith(`${base}-`) ? f.slice(base.length + 1, -4) : f.slice(0, -4);
      out[sheet] = Papa.parse<string[]>(readFileSync(path.join(outDir, f), 'utf8'), { skipEmptyLines: false }).data;
    }
    return out;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/**
 * Several .xlsx files recalculated in ONE LibreOffice start (starting it costs seconds; converting
 * is fast): each file's sheets as CSV rows, keyed by file then sheet. File names must differ.
 */
export function xlsxFilesToCsvSheets(files: string[]): Map<string, Record<string, string[][]>> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'pursue-lo-csv-'));
  try {
    convert(files, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', outDir);
    const out = new Map<string, Record<string, string[][]>>();
    const produced = readdirSync(outDir).filter((f) => f.endsWith('.csv'));
    for (const file of files) {
      const base = path.basename(file).replace(/\.xlsx$/i, '');
      const sheets: Record<string, string[][]> = {};
      for (const f of produced) {
        if (!f.startsWith(`${base}-`)) continue;
        sheets[f.slice(base.length + 1, -4)] = Papa.parse<string[]>(readFileSync(path.join(outDir, f), 'utf8'), { skipEmptyLines: false }).data;
      }
      out.set(file, sheets);
    }
    return out;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The .xlsx printed to PDF by LibreOffice (every sheet, with its page setup); returns the PDF path in outDir. */
export function xlsxToPdf(file: string, outDir: string): string {
  convert(file, 'pdf', outDir);
  return path.join(outDir, path.basename(file).replace(/\.xlsx$/i, '.pdf'));
}

/** Page `page` of a PDF as a PNG (pdftoppm), at `dpi`; returns the PNG path. */
export function pdfPageToPng(pdf: string, page: number, outPrefix: string, dpi = 110): string {
  execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-png', '-r', String(dpi), '-singlefile', pdf, outPrefix], { timeout: 60_000 });
  return `${outPrefix}.png`;
}
