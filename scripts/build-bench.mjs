import * as esbuild from 'esbuild';

export async function build() {
  await esbuild.build({
    entryPoints: ['bench/bench.ts'],
    outfile: 'dist/bench/bench.js',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['exceljs', 'office-addin-mock'],
    logLevel: 'warning',
  });
}
