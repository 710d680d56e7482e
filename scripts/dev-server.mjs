// Serves dist/excel-addin over https://localhost:3000, the address manifest.xml points Excel at.
// Uses the certificates office-addin-dev-certs installs (npx office-addin-dev-certs install).
//
// Office.js: by default the pages load it from Microsoft's CDN, as production does (and as store
// add-ins must). Where that CDN cannot be reached (offline, an intranet that blocks it), start with
// `--office-js=local` or PURSUE_OFFICE_JS=local: Office.js is then served from this server, from
// the copy npm installed (@microsoft/office-js), and the pages ask for it here instead.
import { createServer } from 'node:https';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

const root = path.resolve('dist/excel-addin');
const certDir = process.env.PURSUE_CERT_DIR || path.join(homedir(), '.office-addin-dev-certs');
const port = Number(process.env.PORT || 3000);
const files = { key: path.join(certDir, 'localhost.key'), cert: path.join(certDir, 'localhost.crt'), ca: path.join(certDir, 'ca.crt') };

const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
/** Where the local Office.js is served: office.js, then the host scripts and strings it loads beside it. */
const LOCAL_PREFIX = '/office-js/';
const flag = process.argv.find((a) => a.startsWith('--office-js='))?.split('=')[1];
const officeJsMode = (flag || process.env.PURSUE_OFFICE_JS || 'cdn').toLowerCase();
if (officeJsMode !== 'cdn' && officeJsMode !== 'local') {
  console.error(`Unknown Office.js source "${officeJsMode}": use --office-js=local (served from node_modules) or --office-js=cdn (Microsoft's CDN, the default).`);
  process.exit(2);
}
const officeJsDir = path.resolve('node_modules/@microsoft/office-js/dist');
if (officeJsMode === 'local' && !existsSync(path.join(officeJsDir, 'office.js'))) {
  console.error('Office.js is not installed (node_modules/@microsoft/office-js). Run "npm ci", then start the server again.');
  process.exit(1);
}

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

/** The file a request names under `base`, or null when it is outside it or missing. */
function fileUnder(base, rel) {
  const file = path.join(base, decodeURIComponent(rel));
  return file.startsWith(base + path.sep) && existsSync(file) && statSync(file).isFile() ? file : null;
}

const server = createServer({ key: readFileSync(files.key), cert: readFileSync(files.cert), ca: readFileSync(files.ca) }, (req, res) => {
  const url = new URL(req.url ?? '/', `https://localhost:${port}`);
  const local = officeJsMode === 'local' && url.pathname.startsWith(LOCAL_PREFIX);
  const file = local ? fileUnder(officeJsDir, url.pathname.slice(LOCAL_PREFIX.length)) : fileUnder(root, url.pathname === '/' ? '/taskpane.html' : url.pathname);
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('Not found');
    return;
  }
  let body = readFileSync(file);
  // The built pages name the CDN; served locally, they name this server's copy instead (the files stay as built).
  if (officeJsMode === 'local' && path.extname(file) === '.html') body = Buffer.from(body.toString('utf8').split(OFFICE_CDN).join(`https://localhost:${port}${LOCAL_PREFIX}`));
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
  res.end(body);
});
server.on('error', (e) => {
  console.error(e.code === 'EADDRINUSE' ? `Port ${port} is in use: stop the other server (npm run stop) or set PORT.` : String(e));
  process.exit(1);
});
server.listen(port, () => {
  console.log(`Pursue task pane on https://localhost:${port}/taskpane.html (Ctrl+C to stop)`);
  console.log(officeJsMode === 'local' ? `Office.js served from node_modules/@microsoft/office-js at https://localhost:${port}${LOCAL_PREFIX}office.js` : "Office.js from Microsoft's CDN (start with --office-js=local to serve it from here)");
});
