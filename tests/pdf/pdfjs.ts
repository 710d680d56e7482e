// PDF.js for Jest. The product imports PDF.js's ESM build at run time (cli/pdf.ts), which Jest's
// CommonJS module system cannot do; so the tests bundle the same legacy build and its worker into
// one CommonJS file (once per PDF.js version, cached under node_modules/.cache) and require that.
import { buildSync } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { PdfJsLib, PdfJsLoader } from '../../shared/pdf/index';

const root = path.join(__dirname, '..', '..');
const version = JSON.parse(readFileSync(path.join(root, 'node_modules', 'pdfjs-dist', 'package.json'), 'utf8')).version as string;
const out = path.join(root, 'node_modules', '.cache', 'pursue-pdfjs', `pdfjs-${version}.js`);

let cached: PdfJsLib | null = null;

export const loadPdfJsForJest: PdfJsLoader = async () => {
  if (cached) return cached;
  if (!existsSync(out)) {
    mkdirSync(path.dirname(out), { recursive: true });
    buildSync({
      stdin: {
        contents: "export * as lib from 'pdfjs-dist/legacy/build/pdf.mjs'; export * as worker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';",
        resolveDir: root,
      },
      bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: `${out}.${process.pid}`,
      // The ESM build asks import.meta.url only to find optional packages (a canvas for rendering).
      define: { 'import.meta.url': 'import_meta_url' },
      banner: { js: 'var import_meta_url = require("url").pathToFileURL(__filename).href;' },
      external: ['@napi-rs/canvas'], logLevel: 'error',
    });
    // Parallel Jest workers may build at once: each writes its own file and renames it into place.
    renameSync(`${out}.${process.pid}`, out);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(out) as { lib: PdfJsLib; worker: unknown };
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = mod.worker;
  cached = mod.lib;
  return cached;
};

export const standardFonts = path.join(root, 'node_modules', 'pdfjs-dist', 'standard_fonts') + path.sep;
