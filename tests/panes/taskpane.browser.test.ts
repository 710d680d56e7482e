/**
 * The built task pane (dist/excel-addin: page, Fluent UI bundle, engine worker) in headless Debian
 * Chromium, under Microsoft's real Office.js (@microsoft/office-js from node_modules, served at the
 * CDN address the page loads): Office.onReady, the requirement-set checks, document settings and the
 * theme run in Office.js itself, against a stand-in for the Windows host (tests/panes/office-host.ts),
 * with Excel's API over the in-memory workbook (tests/excel/mock-excel.ts, office-addin-mock).
 * Everything else is the real pane and engine. One browser for the whole suite; each test opens its
 * own page.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { dollarsToCents, formatMoney, PC } from '../../shared/index';
import { LC } from '../../shared/workbook/layout';
import { launch, ROOT, seriousViolations, shot } from './browser';
import { asColumnA, estimateText } from './estimates';
import { officeScripts, openTaskPane, type OfficeScripts, type Open } from './excel-pane';
import { loadPerCore, traceMainThread, type MainTask } from './main-thread';

const fixture = (f: string) => readFileSync(path.join(ROOT, 'tests/fixtures/case2', f), 'utf8');
const summary = JSON.parse(fixture('summary.json'));
const CASE2 = { Ours: asColumnA(fixture('ours.txt')), 'RE <b>rev 2</b>': asColumnA(fixture('theirs.txt')) };

let browser: Browser;
let scripts: OfficeScripts;

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), 'excel'], { cwd: ROOT, stdio: 'pipe' });
  scripts = await officeScripts();
  browser = await launch();
}, 120000);

afterAll(async () => {
  await browser?.close();
});

const openPane = (o: Open) => openTaskPane(browser, scripts, o);

const idle = (page: Page) => page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false', undefined, { timeout: 60000 });
const outcome = async (page: Page) => ({ kind: await page.getAttribute('#outcome', 'data-kind'), text: (await page.textContent('#status')) ?? '' });

async function click(page: Page, sel: string): Promise<void> {
  await page.click(sel);
  await idle(page);
}

/** Opens a step of the accordion by its heading button. */
async function step(page: Page, n: number): Promise<void> {
  await page.locator(`#step-${n}`).evaluate((el) => ((el as HTMLElement & { expanded: boolean }).expanded = true));
}

/** Opens step 3 (an error elsewhere may have opened another step) and builds. */
async function build(page: Page): Promise<void> {
  await step(page, 3);
  await click(page, '#build');
}

/** The 0-based row of Pursue Items that shows item `item`, and that sheet's cell text. */
async function itemsRow(page: Page, item: string): Promise<number> {
  return page.evaluate(([it, col]) => {
    const s = (window as any).__book.sheets.find((x: { name: string }) => x.name === 'Pursue Items');
    for (let r = 1; r < 400; r++) if (String(s.cells.get(`${r},${col}`)?.value ?? '') === it) return r;
    return -1;
  }, [item, PC.item] as const);
}
const cell = (page: Page, sheet: string, r: number, c: number) =>
  page.evaluate(([s, rr, cc]) => String((window as any).__book.sheets.find((x: { name: string }) => x.name === s).cells.get(`${rr},${cc}`)?.value ?? ''), [sheet, r, c] as const);
const select = (page: Page, sheet: string, row: number, col = 2) => page.evaluate(([s, r, c]) => ((window as any).__book.selection = { sheet: s, row: r, col: c }), [sheet, row, col] as const);

describe.each([320, 450])('task pane at %i px', (width) => {
  test('paste, totals, build, review, note, RF, CRM and readiness', async () => {
    const { page, errors } = await openPane({ sheets: CASE2, width });
    const a11y: string[] = [];
    a11y.push(...(await seriousViolations(page)));
    await shot(page, `excel-${width}-1-start`);
    // Sheet names are text, never markup.
    expect(await page.locator('#theirs-sheet option').allTextContents()).toContain('RE <b>rev 2</b>');
    await page.selectOption('#ours-sheet', 'Ours');
    await page.selectOption('#theirs-sheet', 'RE <b>rev 2</b>');
    expect(await page.textContent('#theirs-picked')).toBe('Everything on sheet "RE <b>rev 2</b>"');

    // Totals: read from the recaps and shown as money.
    await page.click('#to-totals');
    await click(page, '#read-totals');
    expect(await page.inputValue('#ours-rcv input')).toBe(formatMoney(dollarsToCents(summary.ours.rcv)!));
    expect(await page.textContent('#ours-rcv-src')).toBe('from the recap');
    a11y.push(...(await seriousViolations(page)));
    await shot(page, `excel-${width}-2-totals`);

    // Build: progress in stages, then the result in view with the outcome styled as success.
    await step(page, 3);
    const stages: string[] = [];
    await page.exposeFunction('__stage', (t: string) => stages.push(t));
    await page.evaluate(() => new MutationObserver(() => (window as any).__stage(document.getElementById('status')!.textContent)).observe(document.getElementById('status')!, { childList: true, characterData: true, subtree: true }));
    await build(page);
    expect(stages.some((s) => s.startsWith('Reading our estimate'))).toBe(true);
    expect(stages.some((s) => s.startsWith('Matching'))).toBe(true);
    expect(stages.some((s) => /^Writing 7 sheets/.test(s))).toBe(true);
    const built = await outcome(page);
    expect(built.kind).toBe('success');
    expect(built.text).toMatch(/^Workbook built: \d+ items on 7 sheets, reconciled\.$/);
    expect(await page.getAttribute('#mark', 'class')).toContain('reconciled');
    const totalGap = dollarsToCents(summary.ours.rcv)! - dollarsToCents(summary.theirs.rcv)!;
    expect(await page.textContent('#figures')).toContain(formatMoney(totalGap));
    // The result is where the user is: the summary's top is in the viewport.
    const top = await page.locator('#summary').evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(400);
    a11y.push(...(await seriousViolations(page)));
    await shot(page, `excel-${width}-3-built`);

    // Pick item 5, then click another row: the note still goes to item 5.
    await step(page, 4);
    const row5 = await itemsRow(page, '5');
    const row6 = await itemsRow(page, '6');
    expect(row5).toBeGreaterThan(0);
    await select(page, 'Pursue Items', row5);
    await click(page, '#pick-item');
    expect(await page.textContent('#item-picked')).toMatch(/^Item 5 – Drip edge/);
    expect(await page.locator('#rf-asked').evaluate((el) => (el as any).checked)).toBe(false);
    await select(page, 'Pursue Items', row6);
    await page.fill('#note', 'Spoke to adjuster J. Ruiz, confirmed denial reason; next: send code citation');
    await page.fill('#author input', 'Dana (AM)');
    await click(page, '#add-note');
    expect(await outcome(page)).toEqual({ kind: 'success', text: expect.stringMatching(/^Note added to item 5\./) });
    expect(await cell(page, 'Pursue Items', row5, PC.status)).toContain('Spoke to adjuster J. Ruiz');
    expect(await cell(page, 'Pursue Items', row6, PC.status)).not.toContain('Spoke to adjuster J. Ruiz');

    // RF asked for item 5; picking item 6 shows its own (unset) state, picking 5 again shows it set.
    await page.locator('#rf-asked').click();
    await click(page, '#set-rf');
    expect((await outcome(page)).text).toBe('RF asked set for item 5.');
    expect(await cell(page, 'Pursue Items', row5, PC.rf)).toBe('Y');
    await click(page, '#pick-item'); // selection is on item 6's row
    expect(await page.textContent('#item-picked')).toMatch(/^Item 6/);
    expect(await page.locator('#rf-asked').evaluate((el) => (el as any).checked)).toBe(false);
    await select(page, 'Pursue Items', row5);
    await click(page, '#pick-item');
    expect(await page.locator('#rf-asked').evaluate((el) => (el as any).checked)).toBe(true);
    a11y.push(...(await seriousViolations(page)));
    await shot(page, `excel-${width}-4-item`);

    // Copy for CRM reads the sheet as it is now: the note added after the build is in it.
    await step(page, 5);
    expect(await page.locator('#crm-label').isVisible()).toBe(false);
    await click(page, '#crm');
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    expect(clip.split('\n')[0]).toMatch(/^Item Number\tItem Name\tGap \$/);
    expect(clip).toContain('Spoke to adjuster J. Ruiz');
    expect(await page.locator('#crm-label').isVisible()).toBe(true);

    // Readiness lists what to prepare.
    await click(page, '#ready');
    expect((await outcome(page)).text).toMatch(/items? to prepare before the call|^Ready/);
    a11y.push(...(await seriousViolations(page)));
    await shot(page, `excel-${width}-5-call`);

    // Fits the pane: nothing scrolls sideways.
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    expect(a11y).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120000);
});

describe('task pane error paths: each says what to do, styled as an error', () => {
  test('nothing picked, one side, the same sheet twice, garbage, a locked workbook', async () => {
    const { page, errors } = await openPane({ sheets: { Ours: CASE2.Ours, Theirs: CASE2['RE <b>rev 2</b>'], Junk: [['lorem ipsum'], ['%%%'], [';;;']] } });
    const expectError = async (re: RegExp) => {
      const o = await outcome(page);
      expect(o.kind).toBe('error');
      expect(o.text).toMatch(re);
      // Shown once (the outcome bar) and announced at once (the alert region holds the same words).
      expect(await page.textContent('#error')).toBe(o.text);
    };
    await step(page, 3);
    await build(page);
    await expectError(/^Pick our estimate and the insurer's estimate/);
    await page.selectOption('#ours-sheet', 'Ours');
    await build(page);
    await expectError(/^The insurer's estimate is not picked\. Pick the sheet/);
    await page.selectOption('#theirs-sheet', 'Ours');
    expect(await page.locator('#same-sheet').isVisible()).toBe(true);
    await build(page);
    await expectError(/are both "Ours"\. Pick the sheet that holds the insurer's estimate/);
    expect(await page.evaluate(() => (window as any).__book.sheets.some((s: { name: string }) => s.name === 'Pursue Items'))).toBe(false);
    await shot(page, 'excel-320-error-same-sheet');
    // Garbage: the engine's words, not a library's.
    await step(page, 1);
    await page.selectOption('#theirs-sheet', 'Junk');
    await build(page);
    const junk = await outcome(page);
    expect(junk.kind === 'error' || junk.kind === 'warning').toBe(true);
    expect(junk.text).not.toMatch(/TypeError|undefined|Cannot read|papaparse|--[a-z]/);
    // A typed total that is not an amount.
    await step(page, 1);
    await page.selectOption('#theirs-sheet', 'Theirs');
    await step(page, 2);
    await page.fill('#ours-rcv input', 'lots');
    await build(page);
    await expectError(/^Our RCV: "lots" is not an amount\. Type dollars/);
    await page.fill('#ours-rcv input', '');
    // A protected workbook: Excel refuses the write.
    await page.evaluate(() => ((window as any).__book.locked = true));
    await build(page);
    await expectError(/protected, or the file is read-only\. Unprotect it/);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'excel-320-error-locked');
    await page.evaluate(() => ((window as any).__book.locked = false));
    // Add a note with nothing picked.
    await step(page, 4);
    await page.fill('#note', 'called');
    await click(page, '#add-note');
    await expectError(/^Nothing picked: click a cell in an item row/);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120000);

  test('the sheet list refreshes; picks survive reopening the pane; dark theme', async () => {
    const { page, errors } = await openPane({
      sheets: { Ours: CASE2.Ours, Theirs: CASE2['RE <b>rev 2</b>'] },
      theme: '#1f1f1f',
      settings: { 'pursue.sources': JSON.stringify({ sources: { ours: { kind: 'sheet', sheet: 'Ours' }, theirs: { kind: 'sheet', sheet: 'Theirs' }, compare: null }, mode: 'pair' }) },
    });
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await page.inputValue('#ours-sheet')).toBe('Ours');
    expect(await page.inputValue('#theirs-sheet')).toBe('Theirs');
    expect((await outcome(page)).text).toMatch(/picked last time/);
    await page.evaluate(() => (window as any).__book.sheets.push({ ...(window as any).__book.sheets[0], name: 'RE rev 3', cells: new Map() }));
    await page.focus('#theirs-sheet');
    await page.waitForFunction(() => Array.from((document.getElementById('theirs-sheet') as HTMLSelectElement).options).some((o) => o.value === 'RE rev 3'));
    expect(await seriousViolations(page)).toEqual([]);
    await step(page, 3);
    await build(page);
    expect((await outcome(page)).kind).toBe('success');
    // The picks went back to the document through Office.js's settings (saveAsync → the host).
    const saved = await page.evaluate(() => (window as any).__pursueSaved?.['pursue.sources']);
    expect(JSON.parse(saved).sources).toMatchObject({ ours: { kind: 'sheet', sheet: 'Ours' }, theirs: { kind: 'sheet', sheet: 'Theirs' } });
    await shot(page, 'excel-320-dark-built');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120000);
});

describe('a combined topic row: the note and RF go to the member chosen', () => {
  test.each([320, 450])('accept a topic, rebuild, pick its row, choose a member (%i px)', async (width) => {
    const { page, errors } = await openPane({ sheets: CASE2, width });
    await page.selectOption('#ours-sheet', 'Ours');
    await page.selectOption('#theirs-sheet', 'RE <b>rev 2</b>');
    await build(page);
    expect((await outcome(page)).kind).toBe('success');
    // The build suggests topics; accepting one and building again combines its items into one row.
    await step(page, 4);
    expect(await page.locator('#topics li').allTextContents()).toContain('Flashing: items 12, 13, 14Accept');
    const flashing = page.locator('#topics fluent-button[aria-label="Accept topic Flashing"]');
    await flashing.waitFor({ state: 'visible' });
    await flashing.click();
    await idle(page);
    expect((await outcome(page)).text).toBe('Topic Flashing accepted. Build again to combine its items into one row.');
    await build(page);
    expect((await outcome(page)).kind).toBe('success');
    const topicRow = await page.evaluate((col) => {
      const s = (window as any).__book.sheets.find((x: { name: string }) => x.name === 'Pursue Items');
      for (let r = 1; r < 400; r++) if (/^12,\s*13,\s*14$/.test(String(s.cells.get(`${r},${col}`)?.value ?? ''))) return r;
      return -1;
    }, PC.item);
    expect(topicRow).toBeGreaterThan(0);
    expect(await itemsRow(page, '13')).toBe(-1); // no row of its own any more

    // Pick the topic row: the pane names the topic and offers its members, not a made-up item.
    await step(page, 4);
    await select(page, 'Pursue Items', topicRow);
    await click(page, '#pick-item');
    expect(await page.textContent('#item-picked')).toBe('Topic Flashing: items 12, 13, 14');
    expect(await page.locator('#member-row').isVisible()).toBe(true);
    expect(await page.locator('#member option').allTextContents()).toEqual(['12', '13', '14']);
    await page.selectOption('#member', '13');
    await select(page, 'Pursue Items', await itemsRow(page, '5')); // a click elsewhere moves nothing
    await page.fill('#note', 'Spoke to adjuster J. Ruiz about the step flashing; next: send photos');
    await page.fill('#author input', 'Dana (AM)');
    await click(page, '#add-note');
    expect(await outcome(page)).toEqual({ kind: 'success', text: expect.stringMatching(/^Note added to item 13\./) });
    const log: string[][] = await page.evaluate(([item, text]) => {
      const s = (window as any).__book.sheets.find((x: { name: string }) => x.name === 'Status Log');
      const rows: string[][] = [];
      for (let r = 1; r < 50; r++) rows.push([String(s.cells.get(`${r},${item}`)?.value ?? ''), String(s.cells.get(`${r},${text}`)?.value ?? '')]);
      return rows.filter((x) => x[1] !== '');
    }, [LC.item, LC.text] as const);
    expect(log.filter(([, text]) => text.includes('step flashing')).map(([item]) => item)).toEqual(['13']);

    // RF asked for another member, chosen the same way.
    await page.selectOption('#member', '14');
    await page.locator('#rf-asked').click();
    await click(page, '#set-rf');
    expect(await outcome(page)).toEqual({ kind: 'success', text: 'RF asked set for item 14.' });
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, `excel-${width}-topic-member`);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180000);
});

describe('Office.js itself decides where the pane runs', () => {
  const errorShown = (page: Page) => page.waitForFunction(() => (document.getElementById('error')?.textContent ?? '') !== '');

  test('outside Office (a plain browser), Office.onReady reports no host: the pane says to open it from Excel', async () => {
    const { page, errors } = await openPane({ sheets: {}, noHost: true, ready: false });
    await errorShown(page);
    expect(await outcome(page)).toEqual({ kind: 'error', text: 'Pursue runs in Excel. Open this add-in from Excel.' });
    expect(await page.evaluate(() => Office.context.requirements)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120000);

  test('an Excel whose requirement matrix stops at ExcelApi 1.8 is refused, with what to use instead', async () => {
    const { page, errors } = await openPane({ sheets: { Ours: CASE2.Ours }, excelApi: '1.8', ready: false });
    await errorShown(page);
    expect(await page.evaluate(() => [Office.context.requirements.isSetSupported('ExcelApi', '1.8'), Office.context.requirements.isSetSupported('ExcelApi', '1.9')])).toEqual([true, false]);
    const o = await outcome(page);
    expect(o.kind).toBe('error');
    expect(o.text).toMatch(/^This Excel is too old for Pursue: it needs Excel 2019 or later/);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120000);
});

describe('honest status', () => {
  test('case1 with no recap and nothing typed says Unverified and which figure to type, never Reconciled', async () => {
    const case1 = (f: string) => asColumnA(readFileSync(path.join(ROOT, 'tests/fixtures/case1', f), 'utf8'));
    const { page, errors } = await openPane({ sheets: { Ours: case1('ours.txt'), Theirs: case1('theirs.txt') } });
    await page.selectOption('#ours-sheet', 'Ours');
    await page.selectOption('#theirs-sheet', 'Theirs');
    await build(page);
    const mark = (await page.textContent('#mark')) ?? '';
    expect(await page.getAttribute('#mark', 'class')).toContain('unverified');
    expect(mark).toMatch(/Unverified/);
    expect(mark).toMatch(/RCV/);
    expect(mark).not.toMatch(/✓ Reconciled/);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120000);
});

describe('side-by-side mode', () => {
  test('one comparison sheet, tab-separated, builds the workbook', async () => {
    const compare = readFileSync(path.join(ROOT, 'tests/fixtures/sbs1/compare.txt'), 'utf8').split(/\r?\n/).map((l) => l.split('\t'));
    const { page, errors } = await openPane({ sheets: { Comparison: compare } });
    await page.check('input[name="mode"][value="compare"]');
    expect(await page.locator('#ours-sheet').isVisible()).toBe(false);
    await page.selectOption('#compare-sheet', 'Comparison');
    await build(page);
    const o = await outcome(page);
    expect(o.text).toMatch(/^Workbook built: \d+ items on 7 sheets/);
    expect(await page.evaluate(() => (window as any).__book.sheets.some((s: { name: string }) => s.name === 'Pursue Items'))).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120000);
});

describe('responsiveness at 5,000 lines a side', () => {
  test('no main-thread task over 100 ms during the build, and Excel requests stay under 5 MB', async () => {
    const { page, errors } = await openPane({ sheets: { Ours: asColumnA(estimateText(5000, false)), Theirs: asColumnA(estimateText(5000, true)) }, width: 450 });
    await page.selectOption('#ours-sheet', 'Ours');
    await page.selectOption('#theirs-sheet', 'Theirs');
    await step(page, 3);
    await page.evaluate(() => ((window as any).__longTasks = []));
    const loadBefore = loadPerCore();
    const started = Date.now();
    const tasks = await traceMainThread(browser, page, () => build(page));
    const ms = Date.now() - started;
    const load = Math.max(loadBefore, loadPerCore());
    expect((await outcome(page)).text).toMatch(/^Workbook built: 5,000 items on 7 sheets/);
    const longTasks: number[] = await page.evaluate(() => (window as any).__longTasks);
    const requests: number[] = await page.evaluate(() => (window as any).__book.requests);
    const maxCpu = Math.max(...tasks.map((t) => t.cpuMs));
    const maxWall = Math.max(0, ...longTasks);
    const round = (t: MainTask) => ({ wallMs: Math.round(t.wallMs), cpuMs: Math.round(t.cpuMs), what: t.what });
    console.log(
      JSON.stringify({
        buildMs: ms,
        loadPerCore: +load.toFixed(2),
        tasks: tasks.length,
        longestCpuMs: +maxCpu.toFixed(1),
        longestWallMs: Math.round(maxWall),
        longTasksWallMs: longTasks.map(Math.round),
        topByCpu: tasks.slice(0, 3).map(round),
        syncs: requests.length,
        largestRequestMB: +(Math.max(...requests) / 2 ** 20).toFixed(2),
      }),
    );
    // The work on the pane's thread (the pane's own and the in-page Excel stand-in's, which real
    // Excel does in its own process) never takes 100 ms of CPU in one task, however busy the machine.
    expect(tasks.length).toBeGreaterThan(50);
    expect(maxCpu).toBeLessThan(100);
    // The wall-clock bound, what PerformanceObserver('longtask') sees, holds when the machine has a
    // core to spare. On a machine busier than its cores every task waits for a core and stretches,
    // so there the figure is printed above with the load, and the CPU bound is the check.
    if (load < 1) expect(maxWall).toBeLessThan(100);
    else console.log(`machine busier than its cores (load ${load.toFixed(2)} per core): longest task ${Math.round(maxWall)} ms wall, not held to 100 ms; CPU ${maxCpu.toFixed(1)} ms`);
    expect(Math.max(...requests)).toBeLessThan(5 * 2 ** 20);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 240000);
});

test('the pane never sets HTML from data', () => {
  for (const f of ['taskpane.ts', 'actions.ts', 'reader.ts', 'writer.ts', 'worker-client.ts', 'engine-worker.ts']) {
    expect(readFileSync(path.join(ROOT, 'excel-addin', f), 'utf8')).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  }
});
