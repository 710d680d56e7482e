/**
 * The built task pane (dist/excel-addin) in Chromium under Microsoft's real Office.js
 * (@microsoft/office-js from node_modules, served at the CDN address the page loads) over the
 * Windows host stand-in (office-host.ts), with Excel's API over the in-memory workbook. Used by the
 * pane's browser tests and by `npm run bench` (pane-thread.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { ROOT } from './browser';

const dist = path.join(ROOT, 'dist/excel-addin');
/** Microsoft's Office.js as its CDN serves it (office.js, then the host's script and strings it loads). */
const OFFICE_JS = path.join(ROOT, 'node_modules/@microsoft/office-js/dist');
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'application/javascript', '.css': 'text/css', '.png': 'image/png', '.xml': 'application/xml', '.map': 'application/json', '.txt': 'text/plain' };

export interface OfficeScripts {
  officeHost: string;
  officeJs: string;
}

/** Office.js from node_modules and the host stand-in, bundled for the page (dist/excel-addin must be built). */
export async function officeScripts(): Promise<OfficeScripts> {
  if (!existsSync(path.join(OFFICE_JS, 'office.js'))) throw new Error('node_modules/@microsoft/office-js is missing: run npm ci.');
  const built = await esbuild.build({
    entryPoints: [path.join(ROOT, 'tests/panes/office-host.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    alias: { 'office-addin-manifest': path.join(ROOT, 'tests/stubs/office-addin-manifest.js') },
    logLevel: 'error',
  });
  return { officeHost: built.outputFiles[0]!.text, officeJs: readFileSync(path.join(OFFICE_JS, 'office.js'), 'utf8') };
}

export interface Open {
  sheets: Record<string, unknown[][]>;
  width?: number;
  theme?: string;
  settings?: Record<string, unknown>;
  /** The highest ExcelApi the host reports (default 1.9, the pane's minimum). */
  excelApi?: string;
  /** A plain browser: Office.js loaded outside any Office host. */
  noHost?: boolean;
  /** Wait for the pane to be ready (default); false returns as soon as the page has loaded. */
  ready?: boolean;
}

/** A new browser context with the pane open on the sheets given; `errors` collects page errors and stray requests. */
export async function openTaskPane(browser: Browser, scripts: OfficeScripts, o: Open): Promise<{ page: Page; errors: string[] }> {
  const { officeHost, officeJs } = scripts;
  const context = await browser.newContext({ viewport: { width: o.width ?? 320, height: 800 }, deviceScaleFactor: 1 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://localhost:3000' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(
    ({ sheets, theme, settings, excelApi, noHost }) => {
      const w = window as unknown as Record<string, unknown>;
      w.__pursueSheets = sheets;
      if (theme) w.__pursueTheme = theme;
      if (settings) w.__pursueSettings = settings;
      if (excelApi) w.__pursueExcelApi = excelApi;
      if (noHost) w.__pursueNoHost = true;
      // Long tasks on the pane's thread (PerformanceObserver 'longtask'), for the responsiveness test.
      w.__longTasks = [] as number[];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) (w.__longTasks as number[]).push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
    },
    { sheets: o.sheets, theme: o.theme, settings: o.settings, excelApi: o.excelApi, noHost: o.noHost },
  );
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.href === `${OFFICE_CDN}office.js`) {
      // The host stand-in first (Office.js reads the host at load), then Office.js, then Excel's API.
      return route.fulfill({ status: 200, contentType: 'application/javascript', body: `${officeHost}\n${officeJs}\n;window.__pursueExcelStandIn();` });
    }
    if (url.href.startsWith(OFFICE_CDN)) {
      const file = path.join(OFFICE_JS, decodeURIComponent(url.pathname.slice(new URL(OFFICE_CDN).pathname.length)));
      if (file.startsWith(OFFICE_JS) && existsSync(file)) return route.fulfill({ status: 200, contentType: 'application/javascript', body: readFileSync(file) });
      errors.push(`Office.js asked for ${url.href}, which @microsoft/office-js does not have`);
      return route.fulfill({ status: 404, body: 'not found' });
    }
    if (url.origin === 'https://localhost:3000') {
      const file = path.join(dist, decodeURIComponent(url.pathname));
      if (file.startsWith(dist) && existsSync(file)) return route.fulfill({ status: 200, contentType: TYPES[path.extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
      return route.fulfill({ status: 404, body: 'not found' });
    }
    // Nothing else may be fetched: the pane works offline apart from Office.js.
    errors.push(`unexpected request ${url.href}`);
    return route.abort();
  });
  await page.goto('https://localhost:3000/taskpane.html');
  if (o.ready !== false) {
    await page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false' && !/Loading|Looking/.test(document.getElementById('status')?.textContent ?? ''));
  }
  return { page, errors };
}
