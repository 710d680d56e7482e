// Google Sheets add-on: dist/gas/Code.js (one iife bundle + global entry points),
// dist/gas/Sidebar.html (script and styles inlined: Apps Script serves no other files),
// dist/gas/appsscript.json. `clasp push` uploads that folder (.clasp.json rootDir).
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';

const OUT = 'dist/gas';

export function entryPoints() {
  const list = JSON.parse(readFileSync('gas/entry-points.json', 'utf8'));
  return [...list.triggers, ...list.menu.map((m) => m.fn), ...list.sidebar];
}

export async function build() {
  mkdirSync(OUT, { recursive: true });
  // Apps Script has no modules: esbuild's ESM output would end in `export` and drop unexported
  // functions, so bundle as an iife on a global and declare each entry point as a real function.
  const footer = entryPoints()
    .map((name) => `function ${name}() { return PursueGas.${name}.apply(this, arguments); }`)
    .join('\n');
  await esbuild.build({
    entryPoints: ['gas/main.ts'],
    outfile: `${OUT}/Code.js`,
    bundle: true,
    format: 'iife',
    globalName: 'PursueGas',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2020',
    charset: 'utf8',
    footer: { js: footer },
    // Papa Parse requires Node's stream only inside its Node-stream reader, which the engine never
    // calls; leaving it external keeps that require lazy (it would only throw if reached).
    external: ['stream'],
    logLevel: 'warning',
  });

  const script = await esbuild.build({
    entryPoints: ['gas/sidebar/sidebar.ts'],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020', // BigInt (exact money arithmetic in the engine) is ES2020; every browser Apps Script supports has it
    charset: 'utf8',
    write: false,
    logLevel: 'warning',
  });
  const js = script.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1');
  const css = readFileSync('gas/sidebar/sidebar.css', 'utf8');
  const page = readFileSync('gas/sidebar/sidebar.html', 'utf8');
  // Function replacers: a "$" in the script must not be read as a replacement pattern.
  const html = page.replace('/*INLINE_STYLE*/', () => css).replace('/*INLINE_SCRIPT*/', () => js);
  writeFileSync(`${OUT}/Sidebar.html`, html);
  copyFileSync('appsscript.json', `${OUT}/appsscript.json`);
  checkManifest(readFileSync(`${OUT}/Code.js`, 'utf8'), JSON.parse(readFileSync('appsscript.json', 'utf8')));
}

/**
 * The batch writer calls the Advanced Sheets service as the global `Sheets`: without it in the
 * manifest every build would quietly take the slow SpreadsheetApp path, and without the
 * spreadsheets scope the API would refuse (it does not accept spreadsheets.currentonly).
 */
export function checkManifest(code, manifest) {
  if (!code.includes('Sheets.Spreadsheets')) return;
  const services = manifest.dependencies?.enabledAdvancedServices ?? [];
  if (!services.some((s) => s.userSymbol === 'Sheets' && s.serviceId === 'sheets' && s.version === 'v4')) {
    throw new Error('appsscript.json: Code.js uses the Advanced Sheets service; add { "userSymbol": "Sheets", "serviceId": "sheets", "version": "v4" } to dependencies.enabledAdvancedServices.');
  }
  if (!(manifest.oauthScopes ?? []).includes('https://www.googleapis.com/auth/spreadsheets')) {
    throw new Error('appsscript.json: the Sheets API needs the https://www.googleapis.com/auth/spreadsheets scope (spreadsheets.currentonly only covers SpreadsheetApp).');
  }
}
