import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, readdirSync } from 'node:fs';

// The Excel task pane: one browser bundle plus its page, styles, manifest and icons.
// Office.js is not bundled: the page loads it from Microsoft's CDN, as add-ins must.
export async function build() {
  const out = 'dist/excel-addin';
  mkdirSync(`${out}/assets`, { recursive: true });
  await esbuild.build({
    entryPoints: ['excel-addin/taskpane.ts'],
    outfile: `${out}/taskpane.js`,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    // The engine uses BigInt (ES2020): Edge WebView2 and Safari 14+ in current Excel have it.
    target: 'es2020',
    sourcemap: 'linked',
    minify: true,
    logLevel: 'warning',
  });
  for (const f of ['taskpane.html', 'taskpane.css', 'commands.html']) cpSync(`excel-addin/${f}`, `${out}/${f}`);
  // PDF.js (legacy build: it also runs in older WebViews) is served beside the pane and loaded only
  // when a PDF is opened (excel-addin/pdf/load.ts), never in the pane's first load.
  mkdirSync(`${out}/pdfjs`, { recursive: true });
  for (const f of ['pdf.min.mjs', 'pdf.worker.min.mjs']) cpSync(`node_modules/pdfjs-dist/legacy/build/${f}`, `${out}/pdfjs/${f}`);
  cpSync('manifest.xml', `${out}/manifest.xml`);
  for (const f of readdirSync('assets')) cpSync(`assets/${f}`, `${out}/assets/${f}`);
}
