/**
 * PDF input in both panes, in headless Debian Chromium with the built bundles: the Excel task pane
 * (Office.js stand-in over the in-memory workbook) and the Google Sheets sidebar (google.script.run
 * stand-in running the real built Code.js). Each reads two generated estimate PDFs in the page,
 * writes the side's sheet, and builds. PDF.js is fetched only when the first PDF is opened.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import fc from 'fast-check';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PDFJS_VERSION } from '../../gas/sidebar/pdf';
import { parseEstimate } from '../../shared/parse/detect';
import { createFakeGas, loadBundle } from '../gas/fake-gas';
import list from '../../gas/entry-points.json';
import { readPdfBytes } from './helpers';
import { genEstimate, lineOneTotalOff, printedPdf, printEstimate } from './printed';

const root = path.join(__dirname, '../..');
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const PDFJS = path.join(root, 'node_modules/pdfjs-dist/legacy/build');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'application/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.map': 'application/json' };

let browser: Browser;
/** How both panes must name the row our PDF's line 1 is warned on: its sheet row, page and line. */
let lineOneAt = '';
let fakeOffice: string;
const pdfs: Record<'ours' | 'theirs' | 'scan' | 'minutes', Buffer> = {} as never;

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), 'excel', 'gas'], { cwd: root, stdio: 'pipe' });
  const built = await esbuild.build({
    entryPoints: [path.join(root, 'tests/excel/fake-office.ts')],
    bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2020',
    alias: { 'office-addin-manifest': path.join(root, 'tests/stubs/office-addin-manifest.js') },
    logLevel: 'error',
  });
  fakeOffice = built.outputFiles[0]!.text;
  const [ours] = fc.sample(genEstimate('xactimate', 20), { numRuns: 1, seed: 404 });
  const theirs = { ...ours, items: ours.items.filter((_, k) => k % 4 !== 1) };
  // Line 1 prints a total $1.00 off: the reader warns on its row, which the panes must place on paper.
  pdfs.ours = Buffer.from(await printedPdf(lineOneTotalOff(printEstimate(ours, true))));
  const node = await readPdfBytes(new Uint8Array(pdfs.ours));
  if (!node.ok) throw new Error(node.refusal.message);
  const row = parseEstimate(node.rows, 'ours').problems.find((p) => p.code === 'line-figures-disagree')!.row!;
  lineOneAt = `Line 1 (row ${row}, page ${node.places[row - 1].page}, line ${node.places[row - 1].line})`;
  pdfs.theirs = Buffer.from(await printedPdf(printEstimate(theirs, true)));
  const scan = await PDFDocument.create();
  scan.addPage([612, 792]).drawRectangle({ x: 20, y: 20, width: 500, height: 700 });
  pdfs.scan = Buffer.from(await scan.save());
  const minutes = await PDFDocument.create();
  const font = await minutes.embedFont(StandardFonts.Helvetica);
  minutes.addPage([612, 792]).drawText('Minutes of the neighbourhood association, Tuesday', { x: 72, y: 700, size: 11, font });
  pdfs.minutes = Buffer.from(await minutes.save());
  if (!CHROMIUM) throw new Error("Chromium is missing: install Debian's chromium (apt-get install chromium); this test never downloads a browser.");
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
});
afterAll(async () => {
  await browser?.close();
});

test('the sidebar loads the PDF.js version package.json pins', () => {
  const pinned = JSON.parse(readFileSync(path.join(root, 'node_modules/pdfjs-dist/package.json'), 'utf8')).version;
  expect(PDFJS_VERSION).toBe(pinned);
});

test('Excel task pane: Open PDF… for each side → side sheets → build; PDF.js loads lazily', async () => {
  const dist = path.join(root, 'dist/excel-addin');
  const context = await browser.newContext({ viewport: { width: 320, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  const fetched: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(() => {
    (window as unknown as { __pursueSheets: unknown }).__pursueSheets = {};
  });
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.href === 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js') return route.fulfill({ status: 200, contentType: 'application/javascript', body: fakeOffice });
    if (url.origin === 'https://localhost:3000') {
      fetched.push(url.pathname);
      const file = path.join(dist, decodeURIComponent(url.pathname));
      if (file.startsWith(dist) && existsSync(file)) return route.fulfill({ status: 200, contentType: TYPES[path.extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
      return route.fulfill({ status: 404, body: 'not found' });
    }
    errors.push(`unexpected request ${url.href}`);
    return route.abort();
  });
  await page.goto('https://localhost:3000/taskpane.html');
  await page.waitForFunction(() => document.getElementById('status')?.textContent?.includes('Pick the two estimates'));
  expect(fetched.filter((f) => f.includes('pdfjs'))).toEqual([]);
  // PDF.js itself (its exception names, its fake-worker message) is not in the pane's bundle.
  const taskpaneJs = readFileSync(path.join(dist, 'taskpane.js'), 'utf8');
  expect(readFileSync(path.join(PDFJS, 'pdf.min.mjs'), 'utf8')).toContain('InvalidPDFException');
  expect(taskpaneJs).not.toContain('InvalidPDFException');
  expect(taskpaneJs).not.toContain('Setting up fake worker');

  await readIn(page, '#ours-pdf-file', 'ours.pdf', pdfs.ours);
  expect(fetched).toEqual(expect.arrayContaining(['/pdfjs/pdf.min.mjs', '/pdfjs/pdf.worker.min.mjs']));
  await readIn(page, '#theirs-pdf-file', 'theirs.pdf', pdfs.theirs);
  await page.waitForFunction(() => !document.getElementById('summary')?.hidden || document.getElementById('outcome')?.dataset.kind === 'error');
  expect(await page.textContent('#error')).toBe('');
  await page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false');

  const book = await page.evaluate(() => {
    const b = (window as any).__book;
    const rowsOf = (name: string) => {
      const s = b.sheets.find((x: { name: string }) => x.name === name);
      if (!s) return null;
      const out: string[][] = [];
      for (const [k, c] of s.cells as Map<string, { value: unknown }>) {
        const [r, col] = k.split(',').map(Number);
        (out[r] ??= [])[col] = String(c.value);
      }
      return Array.from(out, (r) => Array.from(r ?? [], (v) => v ?? ''));
    };
    return { names: b.sheets.map((s: { name: string }) => s.name), ours: rowsOf('Ours (PDF)'), theirs: rowsOf('Insurer (PDF)'), checks: rowsOf('Checks') };
  });
  // The warning on line 1 names the sheet's row and the PDF's page and line, in the pane and on Checks.
  expect(await page.textContent('#advisories')).toContain(lineOneAt);
  expect(book.checks!.flat().join('\n')).toContain(lineOneAt);
  expect(book.names).toEqual(expect.arrayContaining(['Pursue Items', 'Ours (PDF)', 'Insurer (PDF)']));
  // What the pane wrote is what the reader reads from the same PDF in Node, line for line.
  for (const side of ['ours', 'theirs'] as const) {
    const node = await readPdfBytes(new Uint8Array(pdfs[side]));
    if (!node.ok) throw new Error(node.refusal.message);
    expect(parseEstimate(book[side]!, side).lines).toEqual(parseEstimate(node.rows, side).lines);
  }
  // A scan is refused in the pane's own error line, and nothing is written.
  await page.setInputFiles('#ours-pdf-file', { name: 'scan.pdf', mimeType: 'application/pdf', buffer: pdfs.scan });
  await page.waitForFunction(() => document.getElementById('outcome')?.dataset.kind === 'error');
  expect(await page.textContent('#error')).toBe('scan.pdf is a scan: its pages are pictures with no text to read. Ask for the estimate PDF from the estimating software, or paste its text.');
  // A PDF that is not an estimate: the build's "no line items" names the file.
  await page.setInputFiles('#ours-pdf-file', { name: 'minutes.pdf', mimeType: 'application/pdf', buffer: pdfs.minutes });
  await page.waitForFunction(() => document.getElementById('error')?.textContent?.includes('minutes.pdf'));
  expect(await page.textContent('#error')).toMatch(/^No line items were found in our estimate PDF, minutes\.pdf \(\d+ rows?\): if this is not the estimate, open the estimate PDF instead\./);
  expect(errors).toEqual([]);
  await context.close();
});

async function readIn(page: Page, input: string, name: string, buffer: Buffer): Promise<void> {
  await page.setInputFiles(input, { name, mimeType: 'application/pdf', buffer });
  await page.waitForFunction((n) => document.getElementById('status')?.textContent?.includes(`from ${n}`) || document.getElementById('status')?.textContent?.startsWith('Workbook built'), name);
  await page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false');
}

test('Google Sheets sidebar: PDF read in the browser, rows sent in batches to the side sheet, build', async () => {
  const gas = createFakeGas();
  const bundle = loadBundle(gas);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pursue-pdf-sidebar-'));
  const context = await browser.newContext({ viewport: { width: 300, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  const calls: string[] = [];
  const cdn: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.exposeFunction('__gasCall', (name: string, argsJson: string) => {
    calls.push(name);
    try {
      return JSON.stringify({ ok: true, value: bundle.call(name, ...(JSON.parse(argsJson) as unknown[])) ?? null });
    } catch (e) {
      // The bundle runs in another realm (a vm): read the message rather than test instanceof Error.
      return JSON.stringify({ ok: false, error: (e as { message?: string })?.message ?? String(e) });
    }
  });
  const names = JSON.stringify(list.sidebar);
  await page.addInitScript(`(() => {
    const names = ${names};
    const make = (ok, fail) => {
      const r = { withSuccessHandler: (f) => make(f, fail), withFailureHandler: (f) => make(ok, f) };
      for (const n of names) r[n] = (...args) => { window.__gasCall(n, JSON.stringify(args)).then((s) => { const x = JSON.parse(s); if (x.ok) ok && ok(x.value); else fail && fail(new Error(x.error)); }); };
      return r;
    };
    window.google = { script: { run: make(null, null), host: { close() {} } } };
  })();`);
  // The npm CDN, served from node_modules: the test machine is offline.
  const base = `https://cdn.jsdelivr.net/npm/pdfjs-dist@${PDFJS_VERSION}/legacy/build/`;
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === 'https://sidebar.test/') return route.fulfill({ status: 200, contentType: 'text/html', body: readFileSync(path.join(root, 'dist/gas/Sidebar.html'), 'utf8') });
    if (url.startsWith(base)) {
      cdn.push(url.slice(base.length));
      return route.fulfill({ status: 200, contentType: 'text/javascript', headers: { 'access-control-allow-origin': '*' }, body: readFileSync(path.join(PDFJS, url.slice(base.length))) });
    }
    errors.push(`unexpected request ${url}`);
    return route.abort();
  });
  try {
    await page.goto('https://sidebar.test/');
    await page.waitForSelector('#ours-pdf');
    expect(cdn).toEqual([]);
    for (const [side, file] of [['ours', 'ours.pdf'], ['theirs', 'theirs.pdf']] as const) {
      await page.setInputFiles(`#${side}-pdf-file`, { name: file, mimeType: 'application/pdf', buffer: pdfs[side] });
      await page.waitForFunction((n) => document.getElementById('status')?.textContent?.includes(n), file);
      await page.waitForFunction(() => Array.from(document.querySelectorAll('button')).every((b) => !b.disabled));
    }
    expect(cdn).toEqual(expect.arrayContaining(['pdf.min.mjs', 'pdf.worker.min.mjs']));
    expect(calls).toContain('pursueWritePdfRows');
    expect(calls).toContain('pursueBuild');
    const ours = gas.ss.getSheetByName('Ours (PDF)');
    expect(ours).toBeTruthy();
    const node = await readPdfBytes(new Uint8Array(pdfs.ours));
    if (!node.ok) throw new Error(node.refusal.message);
    const written = ours!.getDataRange().getValues().map((r: unknown[]) => r.map(String));
    expect(parseEstimate(written, 'ours').lines).toEqual(parseEstimate(node.rows, 'ours').lines);
    expect(gas.ss.getSheetByName('Pursue Items')).toBeTruthy();
    expect(await page.textContent('#advisories')).toContain(lineOneAt);
    expect(gas.ss.getSheetByName('Checks')!.getDataRange().getValues().flat().join('\n')).toContain(lineOneAt);
    // A PDF that is not an estimate: the build's "no line items" names the file.
    await page.setInputFiles('#ours-pdf-file', { name: 'minutes.pdf', mimeType: 'application/pdf', buffer: pdfs.minutes });
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.includes('minutes.pdf ('));
    expect(await page.textContent('#status')).toMatch(/^No line items were found in our estimate PDF, minutes\.pdf \(\d+ rows?\): if this is not the estimate, open the estimate PDF instead\./);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
