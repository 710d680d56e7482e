/**
 * scripts/dev-server.mjs with Office.js served from node_modules (--office-js=local or
 * PURSUE_OFFICE_JS=local), for offline or intranet use: the pages ask this server for Office.js,
 * the server hands out @microsoft/office-js's files, and the pane starts in Chromium with the CDN
 * unreachable. By default the pages keep Microsoft's CDN, as production does.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launch, ROOT } from './browser';

const script = path.join(ROOT, 'scripts/dev-server.mjs');
const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
let certs: string;

beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), 'excel'], { cwd: ROOT, stdio: 'pipe' });
  certs = mkdtempSync(path.join(tmpdir(), 'pursue-cert-'));
  // A throwaway self-signed certificate in the layout office-addin-dev-certs uses.
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(certs, 'localhost.key'), '-out', path.join(certs, 'localhost.crt'), '-days', '1', '-subj', '/CN=localhost'], { stdio: 'pipe' });
  execFileSync('cp', [path.join(certs, 'localhost.crt'), path.join(certs, 'ca.crt')]);
}, 120000);

afterAll(() => rmSync(certs, { recursive: true, force: true }));

async function serve(args: string[], env: Record<string, string> = {}): Promise<{ port: number; server: ChildProcess }> {
  const port = 3900 + Math.floor(Math.random() * 90);
  const server = spawn(process.execPath, [script, ...args], { cwd: ROOT, env: { ...process.env, PURSUE_CERT_DIR: certs, PORT: String(port), ...env }, stdio: 'pipe' });
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on('data', (d) => String(d).includes('https://localhost') && resolve());
    server.on('exit', (code) => reject(new Error(`dev-server exited ${code}`)));
  });
  return { port, server };
}

const get = (port: number, p: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    request({ host: 'localhost', port, path: p, rejectUnauthorized: false }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });

test('by default the pages load Office.js from Microsoft\'s CDN and the server has no copy', async () => {
  const { port, server } = await serve([]);
  try {
    expect((await get(port, '/taskpane.html')).body).toContain(`src="${CDN}"`);
    expect((await get(port, '/office-js/office.js')).status).toBe(404);
  } finally {
    server.kill();
  }
});

test('an unknown Office.js source is refused with the two choices', () => {
  const r = spawnSync(process.execPath, [script, '--office-js=intranet'], { cwd: ROOT, env: { ...process.env, PURSUE_CERT_DIR: certs }, encoding: 'utf8' });
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/--office-js=local .*--office-js=cdn/);
});

describe.each([
  ['--office-js=local', [['--office-js=local'], {}]],
  ['PURSUE_OFFICE_JS=local', [[], { PURSUE_OFFICE_JS: 'local' }]],
] as const)('Office.js served locally (%s)', (_label, [args, env]) => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  }, 60000);
  afterAll(async () => {
    await browser?.close();
  });

  test('the pages name this server, it serves npm\'s Office.js, and the pane starts with the CDN unreachable', async () => {
    const { port, server } = await serve([...args], env);
    try {
      const page = await get(port, '/taskpane.html');
      expect(page.body).not.toContain('appsforoffice.microsoft.com');
      expect(page.body).toContain(`src="https://localhost:${port}/office-js/office.js"`);
      expect((await get(port, '/commands.html')).body).toContain(`https://localhost:${port}/office-js/office.js`);
      const officeJs = await get(port, '/office-js/office.js');
      expect(officeJs.status).toBe(200);
      expect(officeJs.body).toBe(readFileSync(path.join(ROOT, 'node_modules/@microsoft/office-js/dist/office.js'), 'utf8'));
      // What office.js loads beside itself in Excel on Windows: the host's script and the strings.
      expect((await get(port, '/office-js/excel-win32-16.01.js')).status).toBe(200);
      expect((await get(port, '/office-js/en-us/office_strings.js')).status).toBe(200);
      expect((await get(port, '/office-js/../package.json')).status).toBe(404);

      // In a browser with no way out but this server: Office.js loads, Office.onReady answers (no
      // Office host in a plain browser) and the pane says where it runs.
      const context = await browser.newContext({ ignoreHTTPSErrors: true });
      const outside: string[] = [];
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.host === `localhost:${port}`) return route.continue();
        outside.push(url.href);
        return route.abort();
      });
      const tab = await context.newPage();
      const errors: string[] = [];
      tab.on('pageerror', (e) => errors.push(String(e)));
      await tab.goto(`https://localhost:${port}/taskpane.html`);
      await tab.waitForFunction(() => (document.getElementById('error')?.textContent ?? '') !== '', undefined, { timeout: 30000 });
      expect(await tab.textContent('#status')).toBe('Pursue runs in Excel. Open this add-in from Excel.');
      expect(await tab.evaluate(() => typeof Office.onReady)).toBe('function');
      expect(outside).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      server.kill();
    }
  }, 120000);
});
