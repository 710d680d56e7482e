import * as esbuild from 'esbuild';
import { chmodSync } from 'node:fs';

// The command line: one CommonJS file with a shebang so `npx pursue` runs it directly.
export async function build() {
  await esbuild.build({
    entryPoints: ['cli/main.ts'],
    outfile: 'dist/cli/pursue.js',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    banner: { js: '#!/usr/bin/env node' },
    // ExcelJS is large and only the CLI needs it: load it from node_modules at run time.
    // PDF.js is ESM-only and loads only when a PDF is opened: import it from node_modules then.
    external: ['exceljs', 'pdfjs-dist'],
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  chmodSync('dist/cli/pursue.js', 0o755);
}
