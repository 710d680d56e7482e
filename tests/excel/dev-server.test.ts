/** scripts/dev-server.mjs: https with the dev certificates, and a clear message without them. */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.join(__dirname, '../..');
const script = path.join(root, 'scripts/dev-server.mjs');

test('without certificates it stops and says how to install them', () => {
  const empty = mkdtempSync(path.join(tmpdir(), 'pursue-nocert-'));
  const r = spawnSync(process.execPath, [script], { cwd: root, env: { ...process.env, PURSUE_CERT_DIR: empty }, encoding: 'utf8' });
  rmSync(empty, { recursive: true, force: true });
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/npx office-addin-dev-certs install/);
});

test('serves the built task pane over https', async () => {
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), 'excel'], { cwd: root, stdio: 'pipe' });
  const dir = mkdtempSync(path.join(tmpdir(), 'pursue-cert-'));
  // A throwaway self-signed certificate in the layout office-addin-dev-certs uses.
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'localhost.key'), '-out', path.join(dir, 'localhost.crt'), '-days', '1', '-subj', '/CN=localhost'], { stdio: 'pipe' });
  execFileSync('cp', [path.join(dir, 'localhost.crt'), path.join(dir, 'ca.crt')]);
  const port = 3900 + Math.floor(Math.random() * 90);
  const server = spawn(process.execPath, [script], { cwd: root, env: { ...process.env, PURSUE_CERT_DIR: dir, PORT: String(port) }, stdio: 'pipe' });
  try {
    await new Promise<void>((resolve, reject) => {
      server.stdout.on('data', (d) => String(d).includes('https://localhost') && resolve());
      server.on('exit', (code) => reject(new Error(`dev-server exited ${code}`)));
    });
    const get = (p: string) =>
      new Promise<{ status: number; body: string; type: string }>((resolve, reject) => {
        request({ host: 'localhost', port, path: p, rejectUnauthorized: false }, (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, type: String(res.headers['content-type']) }));
        })
          .on('error', reject)
          .end();
      });
    const page = await get('/taskpane.html');
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/text\/html/);
    expect(page.body).toContain('taskpane.js');
    expect((await get('/assets/icon-32.png')).status).toBe(200);
    expect((await get('/../package.json')).status).toBe(404);
  } finally {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
