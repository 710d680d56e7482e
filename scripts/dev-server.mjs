// Serves dist/excel-addin over https://localhost:3000, the address manifest.xml points Excel at.
// Uses the certificates office-addin-dev-certs installs (npx office-addin-dev-certs install).
import { createServer } from 'node:https';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

const root = path.resolve('dist/excel-addin');
const certDir = process.env.PURSUE_CERT_DIR || path.join(homedir(), '.office-addin-dev-certs');
const port = Number(process.env.PORT || 3000);
const files = { key: path.join(certDir, 'localhost.key'), cert: path.join(certDir, 'localhost.crt'), ca: path.join(certDir, 'ca.crt') };

const missing = Object.values(files).filter((f) => !existsSync(f));
if (missing.length > 0) {
  console.error(`No development certificate (missing ${missing.join(', ')}).`);
  console.error('Run "npx office-addin-dev-certs install" once (it asks to trust a local CA), then "npm run dev-server" again.');
  process.exit(1);
}
if (!existsSync(path.join(root, 'taskpane.html'))) {
  console.error('dist/excel-addin is not built. Run "npm run build:excel" first.');
  process.exit(1);
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'application/javascript', '.css': 'text/css', '.png': 'image/png', '.xml': 'application/xml', '.map': 'application/json' };

const server = createServer({ key: readFileSync(files.key), cert: readFileSync(files.cert), ca: readFileSync(files.ca) }, (req, res) => {
  const url = new URL(req.url ?? '/', `https://localhost:${port}`);
  const file = path.join(root, decodeURIComponent(url.pathname === '/' ? '/taskpane.html' : url.pathname));
  if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('Not found');
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
  res.end(readFileSync(file));
});
server.on('error', (e) => {
  console.error(e.code === 'EADDRINUSE' ? `Port ${port} is in use: stop the other server (npm run stop) or set PORT.` : String(e));
  process.exit(1);
});
server.listen(port, () => console.log(`Pursue task pane on https://localhost:${port}/taskpane.html (Ctrl+C to stop)`));
