/**
 * The built sidebar (dist/gas/Sidebar.html) in Chromium for the pane tests: google.script.run is a
 * stand-in that runs the REAL server functions of the built Code.js (in a Node vm with the in-memory
 * SpreadsheetApp and Sheets API), crossing to Node as JSON as Apps Script's calls do.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import list from '../../gas/entry-points.json';
import { createFakeGas, loadBundle, pasteRows, type LoadedBundle } from '../gas/fake-gas';
import { ROOT } from './browser';

export const SIDEBAR_HTML = path.join(ROOT, 'dist/gas/Sidebar.html');

export interface Sidebar {
  page: Page;
  bundle: LoadedBundle;
  errors: string[];
}

/** A spreadsheet with the pastes given, and the sidebar open on it at `width`. */
export async function openSidebar(browser: Browser, sheets: Record<string, string>, width = 320): Promise<Sidebar> {
  if (!existsSync(SIDEBAR_HTML)) throw new Error('dist/gas/Sidebar.html is missing: run `node scripts/build.mjs gas`.');
  const gas = createFakeGas();
  for (const [name, text] of Object.entries(sheets)) gas.ss._paste(name, pasteRows(text, 'lines'));
  const bundle = loadBundle(gas);
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.exposeFunction('__gasCall', (name: string, argsJson: string) => {
    try {
      return JSON.stringify({ ok: true, value: bundle.call(name, ...(JSON.parse(argsJson) as unknown[])) ?? null });
    } catch (e) {
      // The bundle runs in another realm (a vm): read the message rather than test instanceof Error.
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
  await page.goto(`file://${SIDEBAR_HTML}`);
  await sidebarIdle(page);
  return { page, bundle, errors };
}

export const sidebarIdle = (page: Page) =>
  page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false' && !document.getElementById('outcome')?.classList.contains('busy'), undefined, { timeout: 60000 });

/** Opens the folded step that holds `sel` by clicking its heading, as a user would. */
export async function revealStep(page: Page, sel: string): Promise<void> {
  const closed = page.locator(`details.step:not([open]):has(${sel})`);
  if ((await closed.count()) > 0) await closed.locator('summary').click();
}

export async function sidebarClick(page: Page, sel: string): Promise<void> {
  await revealStep(page, sel);
  await page.click(sel);
  await sidebarIdle(page);
}

export const sidebarOutcome = async (page: Page) => ({ kind: ((await page.getAttribute('#outcome', 'class')) ?? '').replace('outcome', '').trim(), text: (await page.textContent('#status')) ?? '' });
