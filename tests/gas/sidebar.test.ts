/**
 * The built sidebar (dist/gas/Sidebar.html) in headless Debian Chromium. google.script.run is
 * replaced by a stand-in that runs the REAL server functions of the built Code.js (in a Node vm
 * with the in-memory SpreadsheetApp and Sheets API), so the page talks to the code Apps Script
 * would run. One browser for the suite; a fresh spreadsheet and page per test.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PC, SHEETS, formatMoney, dollarsToCents } from '../../shared/index';
import { createFakeGas, loadBundle, pasteRows, type LoadedBundle } from './fake-gas';
import { launch, seriousViolations, shot } from '../panes/browser';
import { revealStep } from '../panes/sidebar-page';
import list from '../../gas/entry-points.json';

const HTML = path.resolve('dist/gas/Sidebar.html');
const XSS = '<img src=x onerror=alert(1)>';
const fixture = (c: string, f: string) => readFileSync(path.resolve('tests/fixtures', c, f), 'utf8');
const summary = JSON.parse(fixture('case2', 'summary.json'));

let browser: Browser;

beforeAll(async () => {
  if (!existsSync(HTML)) throw new Error('dist/gas/Sidebar.html is missing: run `node scripts/build.mjs gas`.');
  browser = await launch();
}, 60000);

afterAll(async () => {
  await browser?.close();
});

interface Opened {
  page: Page;
  bundle: LoadedBundle;
  dialogs: string[];
  calls: string[];
}

/** A spreadsheet with the pastes given, and the sidebar open on it at `width`. */
async function openSidebar(sheets: Record<string, string>, width = 320): Promise<Opened> {
  const gas = createFakeGas();
  for (const [name, text] of Object.entries(sheets)) gas.ss._paste(name, pasteRows(text, 'lines'));
  const bundle = loadBundle(gas);
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  const dialogs: string[] = [];
  const calls: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  // The page's calls cross to Node as JSON, like google.script.run; errors come back as messages.
  await page.exposeFunction('__gasCall', (name: string, argsJson: string) => {
    calls.push(name);
    try {
      return JSON.stringify({ ok: true, value: bundle.call(name, ...(JSON.parse(argsJson) as unknown[])) ?? null });
    } catch (e) {
      // The bundle runs in another realm (a vm), so its errors are not this realm's Error: read the message.
      return JSON.stringify({ ok: false, error: (e as { message?: string })?.message ?? String(e) });
    }
  });
  await page.addInitScript(`(() => {
    const names = ${JSON.stringify(list.sidebar)};
    function runner(ok, fail) {
      const r = { withSuccessHandler: (f) => runner(f, fail), withFailureHandler: (f) => runner(ok, f) };
      for (const n of names) {
        r[n] = (...args) => {
          window.__gasCall(n, JSON.stringify(args)).then((raw) => {
            const res = JSON.parse(raw);
            if (res.ok) { if (ok) ok(res.value); } else if (fail) fail(new Error(res.error));
          });
        };
      }
      return r;
    }
    window.google = { script: { run: runner(null, null) } };
  })();`);
  await page.goto(`file://${HTML}`);
  await idle(page);
  return { page, bundle, dialogs, calls };
}

const idle = (page: Page) => page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false' && !document.getElementById('outcome')?.classList.contains('busy'));
async function click(page: Page, sel: string): Promise<void> {
  await revealStep(page, sel);
  await page.click(sel);
  await idle(page);
}
const openSteps = (page: Page) => page.locator('details.step[open]').evaluateAll((els) => els.map((e) => e.id));
const outcome = async (page: Page) => ({ kind: ((await page.getAttribute('#outcome', 'class')) ?? '').replace('outcome', '').trim(), text: (await page.textContent('#status')) ?? '' });

function itemRow(b: LoadedBundle, item: string): number {
  const rows = b.gas.ss._sheet(SHEETS.pursue)!._values();
  return rows.findIndex((r) => String(r[PC.item]) === item) + 1;
}
const cellOf = (b: LoadedBundle, row: number, col: number) => String(b.gas.ss._sheet(SHEETS.pursue)!._values()[row - 1]![col] ?? '');

describe.each([320, 450])('sidebar at %i px', (width) => {
  test('paste, totals, build, review, note, RF, CRM and readiness', async () => {
    const ours = fixture('case2', 'ours.txt').replace('Drip edge', `${XSS} Drip edge`);
    const { page, bundle, dialogs, calls } = await openSidebar({ Ours: ours, Theirs: fixture('case2', 'theirs.txt') }, width);
    const a11y: string[] = [...(await seriousViolations(page))];
    expect(await page.inputValue('#ours-sheet')).toBe('Ours');
    expect(await page.inputValue('#theirs-sheet')).toBe('Theirs');
    // One step open at a time: the pastes first, the others folded to their headings.
    expect(await openSteps(page)).toEqual(['step-1']);
    await shot(page, `sheets-${width}-1-start`);

    await click(page, '#read-totals');
    expect((await outcome(page)).kind).toBe('ok');
    expect(await openSteps(page)).toEqual(['step-2']);
    expect(await page.inputValue('#oursRcv')).toBe(formatMoney(dollarsToCents(summary.ours.rcv)!));
    expect(await page.inputValue('#theirsRcv')).toBe(formatMoney(dollarsToCents(summary.theirs.rcv)!));

    await click(page, '#build');
    const built = await outcome(page);
    expect(built.kind).toBe('ok');
    expect(built.text).toMatch(/^Built: \d+ items, total gap \$[\d,]+\.\d\d, reconciled\.$/);
    expect(await page.getAttribute('#mark', 'class')).toBe('mark reconciled');
    // The result is where the user is: step 3 open, its result on screen below the outcome bar.
    expect(await openSteps(page)).toEqual(['step-3']);
    expect(await page.locator('#mark').isVisible()).toBe(true);
    const gap = formatMoney(dollarsToCents(summary.ours.rcv)! - dollarsToCents(summary.theirs.rcv)!);
    expect(await page.textContent('#figures')).toContain(gap);
    // Sections are numbered 1 to 5 from the start; no inner scroll box cuts the lists.
    expect(await page.locator('h2').allTextContents()).toEqual(['1. Pastes', '2. Confirm totals', '3. Build and review', '4. One item: notes and RF', '5. Before the call']);
    expect(await page.locator('#advisories').evaluate((el) => getComputedStyle(el).overflowY)).toBe('visible');
    // Advisories are not styled as errors, and none is listed twice.
    const notes = await page.locator('#errors li, #advisories li').allTextContents();
    expect(new Set(notes).size).toBe(notes.length);
    a11y.push(...(await seriousViolations(page)));
    await shot(page, `sheets-${width}-2-built`);

    // Pick item 5, click item 6's row, add a note: it goes to item 5, named in the sidebar.
    const r5 = itemRow(bundle, '5');
    const r6 = itemRow(bundle, '6');
    bundle.gas.ss._select(SHEETS.pursue, `B${r5}`);
    await click(page, '#get-item');
    expect(await page.textContent('#item')).toContain(`Item 5: ${XSS} Drip edge`);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.isChecked('#rf')).toBe(false);
    bundle.gas.ss._select(SHEETS.pursue, `B${r6}`);
    await revealStep(page, '#note');
    await page.fill('#note', '9/03 spoke to adjuster J. Ruiz, confirmed denial reason; next: send code citation');
    await click(page, '#add-note');
    expect((await outcome(page)).text).toMatch(/^Note added to item 5 /);
    expect(cellOf(bundle, r5, PC.status)).toContain('spoke to adjuster J. Ruiz');
    expect(cellOf(bundle, r6, PC.status)).not.toContain('spoke to adjuster J. Ruiz');
    // RF for item 5; item 6 picked shows its own state; item 5 again shows it set.
    await revealStep(page, '#rf');
    await page.check('#rf');
    await click(page, '#set-rf');
    expect((await outcome(page)).text).toBe('RF asked set for item 5.');
    expect(cellOf(bundle, r5, PC.rf)).toBe('Y');
    await click(page, '#get-item');
    expect(await page.textContent('#item')).toMatch(/^Item 6:/);
    expect(await page.isChecked('#rf')).toBe(false);
    bundle.gas.ss._select(SHEETS.pursue, `C${r5}`);
    await click(page, '#get-item');
    expect(await page.isChecked('#rf')).toBe(true);
    a11y.push(...(await seriousViolations(page)));
    await shot(page, `sheets-${width}-3-item`);

    // CRM from the sheet as it is now (the note added after the build is in it); label shown only then.
    expect(await page.locator('#crm-label').isVisible()).toBe(false);
    await click(page, '#crm');
    const text = await page.inputValue('#crm-text');
    expect(text.split('\n')[0]).toContain('Item Number');
    expect(text).toContain('spoke to adjuster J. Ruiz');
    expect(await page.locator('#crm-label').isVisible()).toBe(true);
    await click(page, '#ready');
    expect(await page.locator('#issues li').count()).toBeGreaterThan(0);
    expect((await outcome(page)).text).toMatch(/items? to prepare before the call/);
    a11y.push(...(await seriousViolations(page)));
    await shot(page, `sheets-${width}-4-call`);

    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    expect(a11y).toEqual([]);
    expect(dialogs).toEqual([]);
    for (const n of new Set(calls)) expect({ n, global: bundle.has(n) }).toEqual({ n, global: true });
    await page.context().close();
  }, 120000);
});

describe('sidebar error paths: each says what to do, styled as an error', () => {
  test('nothing picked, one side, the same sheet twice, garbage, a locked spreadsheet', async () => {
    const { page, bundle } = await openSidebar({ Ours: fixture('case2', 'ours.txt'), Theirs: fixture('case2', 'theirs.txt'), Junk: 'lorem ipsum\n%%%\n;;;' });
    const expectError = async (re: RegExp) => {
      const o = await outcome(page);
      expect(o).toEqual({ kind: 'error', text: expect.stringMatching(re) });
    };
    // Nothing picked.
    await revealStep(page, '#note');
    await page.fill('#note', 'called');
    await click(page, '#add-note');
    await expectError(/^Nothing picked: click a cell in an item row/);
    await click(page, '#get-item');
    await expectError(/^Nothing picked: click a cell in an item row on the "Pursue Items" sheet/);
    // One side.
    await revealStep(page, '#theirs-sheet');
    await page.selectOption('#theirs-sheet', '');
    await click(page, '#build');
    await expectError(/^The insurer's estimate is not picked\. Pick the sheet or cells that hold it in step 1/);
    expect(await openSteps(page)).toEqual(['step-1']);
    // The same sheet twice: a warning at once, and the build refuses.
    await revealStep(page, '#theirs-sheet');
    await page.selectOption('#theirs-sheet', 'Ours');
    expect(await page.locator('#same-sheet').isVisible()).toBe(true);
    await click(page, '#build');
    await expectError(/are both "Ours"\. Pick the sheet that holds the insurer's estimate/);
    expect(bundle.gas.ss._sheet(SHEETS.pursue)).toBeUndefined();
    await shot(page, 'sheets-320-error-same-sheet');
    // Garbage: words, not a library's text.
    await revealStep(page, '#theirs-sheet');
    await page.selectOption('#theirs-sheet', 'Junk');
    await click(page, '#build');
    const junk = await outcome(page);
    expect(junk.text).not.toMatch(/TypeError|undefined|Cannot read|papaparse|--[a-z]/);
    // A typed total that is not an amount.
    await revealStep(page, '#theirs-sheet');
    await page.selectOption('#theirs-sheet', 'Theirs');
    await revealStep(page, '#oursRcv');
    await page.fill('#oursRcv', 'lots');
    await click(page, '#build');
    await expectError(/^Our RCV: "lots" is not an amount\. Type dollars/);
    await revealStep(page, '#oursRcv');
    await page.fill('#oursRcv', '');
    // A protected spreadsheet: Google refuses the write.
    bundle.gas.counter.locked = true;
    await click(page, '#build');
    await expectError(/^Google Sheets refused the change: this spreadsheet or a sheet in it is protected, or you may only view it\. Ask the owner/);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'sheets-320-error-locked');
    await page.context().close();
  }, 120000);

  test('case1 with no recap and nothing typed says Unverified, never Reconciled', async () => {
    const { page } = await openSidebar({ Ours: fixture('case1', 'ours.txt'), Theirs: fixture('case1', 'theirs.txt') });
    await click(page, '#build');
    expect(await page.getAttribute('#mark', 'class')).toBe('mark unverified');
    const mark = (await page.textContent('#mark')) ?? '';
    expect(mark).toMatch(/Unverified/);
    expect(mark).toMatch(/RCV/);
    expect(mark).not.toMatch(/✓ Reconciled/);
    await page.context().close();
  }, 60000);

  test('the sheet list refreshes when opened', async () => {
    const { page, bundle } = await openSidebar({ Ours: fixture('case2', 'ours.txt'), Theirs: fixture('case2', 'theirs.txt') });
    bundle.gas.ss._paste('RE rev 3', pasteRows('x', 'lines'));
    await page.focus('#theirs-sheet');
    await page.waitForFunction(() => Array.from((document.getElementById('theirs-sheet') as HTMLSelectElement).options).some((o) => o.value === 'RE rev 3'));
    expect(await page.inputValue('#theirs-sheet')).toBe('Theirs');
    await page.context().close();
  }, 60000);
});
