/**
 * The built task pane (dist/excel-addin) in headless Chromium, with Office.js replaced at its URL
 * by tests/excel/fake-office.ts. Never downloads a browser: it uses the system Chromium.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { dollarsToCents, formatMoney } from '../../shared/money';

const root = path.join(__dirname, '../..');
const dist = path.join(root, 'dist/excel-addin');
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const fixture = (f: string) => readFileSync(path.join(root, 'tests/fixtures/case2', f), 'utf8');
const summary = JSON.parse(fixture('summary.json'));
export const SHOTS = path.join(root, 'dist/screenshots');

let browser: Browser;
let fakeOffice: string;

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), 'excel'], { cwd: root, stdio: 'pipe' });
  const built = await esbuild.build({
    entryPoints: [path.join(__dirname, 'fake-office.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    alias: { 'office-addin-manifest': path.join(root, 'tests/stubs/office-addin-manifest.js') },
    logLevel: 'error',
  });
  fakeOffice = built.outputFiles[0]!.text;
  if (!CHROMIUM) throw new Error('Chromium is missing: install Debian\'s chromium (apt-get install chromium); this test never downloads a browser.');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
});

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'application/javascript', '.css': 'text/css', '.png': 'image/png', '.xml': 'application/xml', '.map': 'application/json' };

async function openPane(sheets: Record<string, string[][]>): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 320, height: 900 }, deviceScaleFactor: 1 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://localhost:3000' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript((s) => {
    (window as unknown as { __pursueSheets: unknown }).__pursueSheets = s;
  }, sheets);
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.href === 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js') {
      return route.fulfill({ status: 200, contentType: 'application/javascript', body: fakeOffice });
    }
    if (url.origin === 'https://localhost:3000') {
      const file = path.join(dist, decodeURIComponent(url.pathname));
      if (file.startsWith(dist) && existsSync(file)) {
        return route.fulfill({ status: 200, contentType: TYPES[path.extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
      }
      return route.fulfill({ status: 404, body: 'not found' });
    }
    // Nothing else may be fetched: the pane must work offline apart from Office.js.
    errors.push(`unexpected request ${url.href}`);
    return route.abort();
  });
  await page.goto('https://localhost:3000/taskpane.html');
  await page.waitForFunction(() => document.getElementById('status')?.textContent?.includes('Pick the two estimates'));
  return { page, errors };
}

const asRows = (text: string) => text.split(/\r?\n/).map((l) => [l]);

describe('task pane in headless Chromium (built bundle, Office.js stand-in)', () => {
  test('paste two estimates, build, see the gap and the reconciled mark, add a status note', async () => {
    const { page, errors } = await openPane({ Ours: asRows(fixture('ours.txt')), 'RE <b>rev 2</b>': asRows(fixture('theirs.txt')) });
    // Sheet names are text, never markup.
    const options = await page.locator('#theirs-sheet option').allTextContents();
    expect(options).toContain('RE <b>rev 2</b>');
    await page.selectOption('#ours-sheet', 'Ours');
    await page.selectOption('#theirs-sheet', 'RE <b>rev 2</b>');
    await page.click('#build');
    await expect(page.locator('#progress').isVisible()).resolves.toBe(true);
    await page.waitForSelector('#summary:not([hidden])');
    await page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false');

    const totalGap = dollarsToCents(summary.ours.rcv)! - dollarsToCents(summary.theirs.rcv)!;
    expect(await page.textContent('#total-gap')).toBe(formatMoney(totalGap));
    expect(await page.textContent('#mark')).toMatch(/^✓ Reconciled/);
    expect(await page.textContent('#residual')).toBe(formatMoney(0));
    // The totals came from the recaps and say so.
    expect(await page.inputValue('#ours-rcv')).toBe(String(summary.ours.rcv.toFixed(2)));
    expect(await page.textContent('#ours-rcv-src')).toBe('from the recap');
    expect(await page.textContent('#status')).toMatch(/Workbook built: \d+ items, 3 round trips/);

    const sheetNames = await page.evaluate(() => (window as any).__book.sheets.map((s: { name: string }) => s.name));
    expect(sheetNames[0]).toBe('Pursue Items');

    // Select item 5's row on Pursue Items, pick it, add a note.
    const row = await page.evaluate(() => {
      const book = (window as any).__book;
      const s = book.sheets.find((x: { name: string }) => x.name === 'Pursue Items');
      for (let r = 1; r < 100; r++) if (String(s.cells.get(`${r},1`)?.value) === '5') return r;
      return -1;
    });
    expect(row).toBeGreaterThan(0);
    await page.evaluate((r) => ((window as any).__book.selection = { sheet: 'Pursue Items', row: r, col: 2 }), row);
    await page.click('#pick-item');
    await page.waitForFunction(() => document.getElementById('item-picked')?.textContent?.startsWith('Item 5'));
    await page.fill('#note', 'Spoke to adjuster J. Ruiz, confirmed denial reason; next: send code citation');
    await page.fill('#author', 'Dana (AM)');
    await page.click('#add-note');
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('Note added to item 5'));
    const noted = await page.evaluate((r) => {
      const book = (window as any).__book;
      const s = book.sheets.find((x: { name: string }) => x.name === 'Pursue Items');
      const log = book.sheets.find((x: { name: string }) => x.name === 'Status Log');
      return { cell: String(s.cells.get(`${r},9`)?.value ?? ''), log: [...log.cells.values()].map((c: { value: unknown }) => String(c.value)) };
    }, row);
    expect(noted.cell).toContain('Spoke to adjuster J. Ruiz');
    expect(noted.log.some((t) => t.includes('Spoke to adjuster J. Ruiz'))).toBe(true);
    expect(noted.log).toContain('Dana (AM)');

    // Copy for CRM puts the table on the clipboard.
    await page.click('#crm');
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.includes('CRM'));
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    expect(clip.split('\n')[0]).toMatch(/^Item Number\tItem Name\tGap \$/);

    // Fits 320 px: nothing scrolls sideways.
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(320);
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);

    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'excel-taskpane.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('keyboard: Tab reaches every control in order, focus is visible', async () => {
    const { page, errors } = await openPane({ Ours: [['x']], Theirs: [['y']] });
    const controls = await page.evaluate(() =>
      Array.from(document.querySelectorAll('button, select, input, textarea'))
        .filter((e) => !(e as HTMLElement).hidden && (e as HTMLElement).offsetParent !== null)
        .map((e) => e.id),
    );
    const reached: string[] = [];
    for (let i = 0; i < controls.length + 3; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => document.activeElement?.id ?? '');
      if (id && !reached.includes(id)) reached.push(id);
    }
    expect(reached).toEqual(controls);
    // Every control has a label or its own text.
    const unlabeled = await page.evaluate(() =>
      Array.from(document.querySelectorAll('select, input, textarea'))
        .filter((e) => !document.querySelector(`label[for="${e.id}"]`))
        .map((e) => e.id),
    );
    expect(unlabeled).toEqual([]);
    // The focused control shows an outline.
    await page.focus('#build');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    // Build with an empty insurer pick: an error that says what to do.
    await page.selectOption('#ours-sheet', 'Ours');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#error:not([hidden])');
    expect(await page.textContent('#error')).toMatch(/Pick the sheet or selection that holds the insurer's estimate/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('the pane never sets innerHTML from data', () => {
    for (const f of ['taskpane.ts', 'actions.ts', 'reader.ts', 'writer.ts']) {
      expect(readFileSync(path.join(root, 'excel-addin', f), 'utf8')).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    }
  });
});
