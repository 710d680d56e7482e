/**
 * The sidebar on a combined topic row: after a topic is accepted and the workbook built again, its
 * items share one row of Pursue Items; picking that row names the topic and its members, and a note
 * or RF goes to the member chosen in the sidebar, whatever is selected in the sheet afterwards.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { PC, SHEETS } from '../../shared/index';
import { LC } from '../../shared/workbook/layout';
import type { LoadedBundle } from '../gas/fake-gas';
import { launch, ROOT, seriousViolations, shot } from './browser';
import { openSidebar, revealStep, sidebarClick, sidebarOutcome } from './sidebar-page';

const fixture = (f: string) => readFileSync(path.join(ROOT, 'tests/fixtures/case2', f), 'utf8');
let browser: Browser;

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), 'gas'], { cwd: ROOT, stdio: 'pipe' });
  browser = await launch();
}, 120000);

afterAll(async () => {
  await browser?.close();
});

const pursueRows = (b: LoadedBundle) => b.gas.ss._sheet(SHEETS.pursue)!._values();

test.each([320, 450])('accept a topic, rebuild, pick its row, choose a member (%i px)', async (width) => {
  const { page, bundle, errors } = await openSidebar(browser, { Ours: fixture('ours.txt'), Theirs: fixture('theirs.txt') }, width);
  await sidebarClick(page, '#build');
  expect((await sidebarOutcome(page)).kind).toBe('ok');
  await sidebarClick(page, 'button[aria-label="Accept topic Flashing"]');
  expect((await sidebarOutcome(page)).text).toBe('Topic "Flashing" accepted. Build again to see it combined.');
  await sidebarClick(page, '#build');
  expect((await sidebarOutcome(page)).kind).toBe('ok');
  const rows = pursueRows(bundle);
  const topicRow = rows.findIndex((r) => /^12,\s*13,\s*14$/.test(String(r[PC.item]))) + 1;
  expect(topicRow).toBeGreaterThan(0);
  expect(rows.some((r) => String(r[PC.item]) === '13')).toBe(false);

  // The topic row: the sidebar names the topic and offers its members.
  bundle.gas.ss._select(SHEETS.pursue, `B${topicRow}`);
  await sidebarClick(page, '#get-item');
  expect(await page.textContent('#item')).toBe('Topic Flashing: items 12, 13, 14');
  expect(await page.locator('#member-row').isVisible()).toBe(true);
  expect(await page.locator('#member option').allTextContents()).toEqual(['12', '13', '14']);
  await revealStep(page, '#member');
  await page.selectOption('#member', '13');
  const row5 = rows.findIndex((r) => String(r[PC.item]) === '5') + 1;
  bundle.gas.ss._select(SHEETS.pursue, `B${row5}`); // a click elsewhere moves nothing
  await revealStep(page, '#note');
  await page.fill('#note', '9/03 spoke to adjuster J. Ruiz about the step flashing; next: send photos');
  await sidebarClick(page, '#add-note');
  expect((await sidebarOutcome(page)).text).toMatch(/^Note added to item 13 /);
  const log = bundle.gas.ss._sheet(SHEETS.log)!._values();
  expect(log.filter((r) => String(r[LC.text]).includes('step flashing')).map((r) => String(r[LC.item]))).toEqual(['13']);

  // RF asked for another member, chosen the same way.
  await revealStep(page, '#member');
  await page.selectOption('#member', '14');
  await revealStep(page, '#rf');
  await page.check('#rf');
  await sidebarClick(page, '#set-rf');
  expect(await sidebarOutcome(page)).toEqual({ kind: 'ok', text: 'RF asked set for item 14.' });
  expect(await seriousViolations(page)).toEqual([]);
  await shot(page, `sheets-${width}-topic-member`);
  expect(errors).toEqual([]);
  await page.context().close();
}, 180000);
