import * as esbuild from 'esbuild';

export async function build() {
  const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['exceljs', 'office-addin-mock', 'pdfjs-dist'], logLevel: 'warning' };
  await esbuild.build({ ...common, entryPoints: ['bench/bench.ts'], outfile: 'dist/bench/bench.js' });
  // Host round trips are counted against the test fakes; that program lives in tests/ and the
  // bench runs it as a separate process, so nothing outside tests/ imports test code.
  await esbuild.build({ ...common, entryPoints: ['tests/bench/round-trips.ts'], outfile: 'dist/bench/round-trips.js' });
  await esbuild.build({ ...common, entryPoints: ['tests/bench/read.ts'], outfile: 'dist/bench/read.js' });
  // The panes' request and batch sizes at 5,000 lines (bench/panes.ts runs it the same way).
  await esbuild.build({ ...common, entryPoints: ['tests/panes/pane-sizes.ts'], outfile: 'dist/bench/pane-sizes.js' });
}
