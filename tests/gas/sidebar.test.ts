/**
 * The built sidebar (dist/gas/Sidebar.html) in headless Debian Chromium. google.script.run is
 * replaced by a stand-in that runs the REAL server functions of the built Code.js (in a Node vm
 * with the in-memory SpreadsheetApp), so the page talks to the same code Apps Script would run.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { SHEETS, PC, parseKey } from '../../shared/workbook/layout';
import { createFakeGas, loadBundle, pasteRows, type LoadedBundle } from './fake-gas';
import list from '../../gas/entry-points.json';

const CHROMIUM = '/usr/bin/chromium';
const HTML = path.resolve('dist/gas/Sidebar.html');
const SHOT = path.resolve(os.tmpdir(), 'pursue-gas-sidebar.png');
const XSS = '<img src=x onerror=alert(1)>';
const fixture = (c: string, f: string) => readFileSync(path.resolve('tests/fixtures', c, f), 'utf8');

let context: BrowserContext;
let page: Page;
let bundle: LoadedBundle;
let userDir: string;
const dialogs: string[] = [];
const calls: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: install Debian's chromium (apt-get install chromium). Never download a browser.`);
  if (!existsSync(HTML)) throw new Error('dist/gas/Sidebar.html is missing: run `node scripts/build.mjs gas`.');

  const gas = createFakeGas();
  // Our estimate with an item description that carries HTML, as a paste might.
  const ours = fixture('case2', 'ours.txt').replace('Drip edge', `${XSS} Drip edge`);
  gas.ss._paste('Ours', pasteRows(ours, 'lines'));
  gas.ss._paste('Theirs', pasteRows(fixture('case2', 'theirs.txt'), 'lines'));
  bundle = loadBundle(gas);

  userDir = mkdtempSync(path.join(os.tmpdir(), 'pursue-chromium-'));
  context = await chromium.launchPersistentContext(userDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    viewport: { width: 300, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  // The page's calls cross to Node as JSON, like google.script.run; errors come back as messages.
  await page.exposeFunction('__gasCall', (name: string, argsJson: string) => {
    calls.push(name);
    try {
      const args = JSON.parse(argsJson) as unknown[];
      return JSON.stringify({ ok: true, value: bundle.call(name, ...args) ?? null });
    } catch (e) {
      return JSON.stringify({ ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  });
  const names = JSON.stringify(list.sidebar);
  await page.addInitScript(`(() => {
    const names = ${names};
    function runner(ok, fail) {
      const r = {
        withSuccessHandler: (f) => runner(f, fail),
        withFailureHandler: (f) => runner(ok, f),
      };
      for (const n of names) {
        r[n] = (...args) => {
          window.__gasCall(n, JSON.stringify(args)).then((raw) => {
            const res = JSON.parse(raw);
            if (res.ok) { if (ok) ok(res.value); }
            else if (fail) fail(new Error(res.error));
          });
        };
      }
      return r;
    }
    window.google = { script: { run: runner(null, null) } };
  })();`);
  await page.goto(`file://${HTML}`);
  await page.waitForFunction(() => (document.getElementById('ours-sheet') as HTMLSelectElement).options.length > 1);
}, 60000);

afterAll(async () => {
  await context?.close();
  if (userDir) rmSync(userDir, { recursive: true, force: true });
});

test('the sheets are offered, totals are read and pre-filled from the recaps', async () => {
  expect(await page.inputValue('#ours-sheet')).toBe('Ours');
  expect(await page.inputValue('#theirs-sheet')).toBe('Theirs');
  await page.click('#read-totals');
  await page.waitForSelector('#status.ok');
  const summary = JSON.parse(fixture('case2', 'summary.json'));
  expect(Number(await page.inputValue('#oursRcv'))).toBeCloseTo(summary.ours.rcv, 2);
  expect(Number(await page.inputValue('#theirsRcv'))).toBeCloseTo(summary.theirs.rcv, 2);
  expect(Number(await page.inputValue('#oursOp'))).toBeCloseTo(summary.ours.o_and_p, 2);
});

test('build shows the total gap and the reconciled mark', async () => {
  await page.click('#build');
  await page.waitForSelector('#status.ok');
  const summary = JSON.parse(fixture('case2', 'summary.json'));
  const gapCents = Math.round(summary.ours.rcv * 100) - Math.round(summary.theirs.rcv * 100);
  const gap = `$${Math.floor(gapCents / 100).toLocaleString('en-US')}.${String(gapCents % 100).padStart(2, '0')}`;
  const figures = await page.textContent('#figures');
  expect(figures).toContain('Total gap');
  expect(figures).toContain(gap);
  expect(await page.textContent('#mark')).toMatch(/Reconciled/);
  expect(await page.getAttribute('#mark', 'class')).toContain('good');
  expect(bundle.gas.ss._sheet(SHEETS.pursue)).toBeDefined();
});

test('a description carrying <img onerror> shows as text, and no script runs', async () => {
  const items = bundle.gas.ss._sheet(SHEETS.pursue)!;
  const rows = items._values();
  const r = rows.findIndex((row) => String(row[PC.name]).includes(XSS) && parseKey(String(row[PC.key] ?? ''))?.kind === 'item');
  expect(r).toBeGreaterThan(0);
  bundle.gas.ss._select(SHEETS.pursue, `B${r + 1}`);
  await page.click('#get-item');
  await page.waitForFunction((x) => (document.getElementById('item')?.textContent ?? '').includes(x), XSS);
  expect(await page.textContent('#item')).toContain(XSS);
  expect(await page.locator('img').count()).toBe(0);
  await page.waitForTimeout(200);
  expect(dialogs).toEqual([]);
});

test('add a dated status note to the selected item', async () => {
  await page.fill('#note', '9/03 spoke to adjuster J. Ruiz, confirmed denial reason; next: send code citation');
  await page.click('#add-note');
  await page.waitForSelector('#status.ok');
  expect(await page.textContent('#status')).toMatch(/Note added to item \d+/);
  expect(await page.inputValue('#note')).toBe('');
  const items = bundle.gas.ss._sheet(SHEETS.pursue)!;
  const row = items._values().find((r) => String(r[PC.name]).includes(XSS))!;
  expect(String(row[PC.status])).toContain('spoke to adjuster J. Ruiz');
});

test('errors are shown in words the user can act on', async () => {
  await page.fill('#email', 'not an address');
  await page.click('#share');
  await page.waitForSelector('#status.error');
  expect(await page.textContent('#status')).toContain('is not an email address');
  await page.fill('#email', 'rm@acme-roofing.test');
  await page.selectOption('#role', 'viewer');
  await page.click('#share');
  await page.waitForSelector('#status.ok');
  expect(bundle.gas.ss.viewers).toEqual(['rm@acme-roofing.test']);
});

test('copy for CRM shows the text to copy; readiness lists what is missing', async () => {
  await page.click('#crm');
  await page.waitForSelector('#status.ok');
  const text = await page.inputValue('#crm-text');
  expect(text.split('\n')[0]).toContain('Item Number');
  expect(text).toContain(XSS);
  await page.click('#ready');
  await page.waitForSelector('#status.ok');
  expect(await page.locator('#issues li').count()).toBeGreaterThan(0);
  await page.screenshot({ path: SHOT, fullPage: true });
  // Every call the page made is a server entry point of the bundle.
  for (const n of new Set(calls)) expect({ n, global: bundle.has(n) }).toEqual({ n, global: true });
  expect(dialogs).toEqual([]);
});
