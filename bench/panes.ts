/**
 * `npm run bench`, the panes' part: what each pane ships (bundle sizes, raw and gzipped) and what a
 * 5,000-line build sends to its host (Excel request sizes against the 5 MB cap of Excel on the web,
 * Sheets API batchUpdate sizes against Google's 2 MB advice, Apps Script server time against its
 * 6-minute limit). The host figures come from tests/panes/pane-sizes.ts, run as its own process;
 * the task pane's main thread during a 5,000-line build in Chromium from tests/panes/pane-thread.ts,
 * bundled here with esbuild's command line and run the same way.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const MB = 2 ** 20;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n: number) => `${(n / MB).toFixed(2)} MB`;

interface Sizes {
  excel: Array<{ lines: number; syncs: number; requests: number[]; largest: number; totalBytes: number }>;
  sheets: Array<{ lines: number; ms: number; calls: number; batchSizes: number[]; writer: string }>;
}

function bundles(root: string): string[] {
  const files = [
    ['Excel pane page script (Fluent UI + host code)', 'dist/excel-addin/taskpane.js'],
    ['Excel engine worker', 'dist/excel-addin/engine-worker.js'],
    ['Excel pane page + styles', 'dist/excel-addin/taskpane.html', 'dist/excel-addin/taskpane.css'],
    ['Sheets sidebar (one inlined HTML file)', 'dist/gas/Sidebar.html'],
    ['Apps Script server bundle', 'dist/gas/Code.js'],
  ];
  return files.map(([label, ...parts]) => {
    const bytes = Buffer.concat(parts.map((p) => readFileSync(path.join(root, p!))));
    return `${label!.padEnd(48)} ${kb(bytes.length).padStart(10)}   gzip ${kb(gzipSync(bytes).length).padStart(9)}`;
  });
}

export function panesReport(benchDir: string): string[] {
  const root = process.cwd();
  if (!existsSync(path.join(root, 'dist/excel-addin/taskpane.js'))) {
    spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), 'excel'], { stdio: 'inherit' });
  }
  const out = ['', 'Pane bundles:', ...bundles(root)];
  const r = spawnSync(process.execPath, [path.join(benchDir, 'pane-sizes.js')], { encoding: 'utf8', maxBuffer: 64 * MB });
  if (r.status !== 0) return [...out, `pane sizes failed: ${r.stderr}`];
  const s = JSON.parse(r.stdout) as Sizes;
  out.push('', 'Excel requests per build (each context.sync; Excel on the web refuses over 5 MB, the writer aims at 4 MB):');
  for (const e of s.excel) {
    out.push(`${String(e.lines).padStart(6)} lines a side: ${e.syncs} syncs, largest ${mb(e.largest)}, total ${mb(e.totalBytes)} [${e.requests.map(mb).join(', ')}]`);
  }
  out.push('', 'Sheets API batchUpdate calls per build (Google advises at most 2 MB each) and Apps Script server time (limit 6 min):');
  for (const g of s.sheets) {
    out.push(`${String(g.lines).padStart(6)} lines a side: ${g.batchSizes.length} batchUpdate [${g.batchSizes.map(mb).join(', ')}], ${g.calls} service calls, server ${(g.ms / 1000).toFixed(1)} s in the vm (${g.writer})`);
  }
  out.push('', ...paneThread(root));
  return out;
}

/** The task pane's main thread during a 5,000-line build (Chromium, real Office.js, Excel stand-in). */
function paneThread(root: string): string[] {
  const head = 'Task pane main thread, 5,000 lines a side (limit: no task over 100 ms):';
  const which = spawnSync('which', ['chromium'], { encoding: 'utf8' });
  if (which.status !== 0) return [head, "  not measured: Debian's chromium is not installed"];
  const out = path.join(root, 'dist/bench/pane-thread.js');
  const esbuild = path.join(root, 'node_modules/.bin/esbuild');
  const externals = ['playwright-core', 'esbuild', '@axe-core/playwright', 'office-addin-mock'].map((e) => `--external:${e}`);
  const b = spawnSync(esbuild, ['tests/panes/pane-thread.ts', '--bundle', '--platform=node', '--target=node20', '--format=cjs', '--log-level=error', `--outfile=${out}`, ...externals], { cwd: root, encoding: 'utf8' });
  if (b.status !== 0) return [head, `  not measured: ${b.stderr.trim()}`];
  const r = spawnSync(process.execPath, [out], { cwd: root, encoding: 'utf8', maxBuffer: 16 * MB });
  if (r.status !== 0) return [head, `  failed: ${r.stderr.trim().split('\n')[0]}`];
  const t = JSON.parse(r.stdout) as { ms: number; status: string; tasks: number; longestCpuMs: number; longestWallMs: number; longTasks: number; loadPerCore: number };
  return [
    head,
    `  ${t.tasks} tasks; longest ${t.longestCpuMs.toFixed(1)} ms of CPU (Chromium trace), longest wall ${Math.round(t.longestWallMs)} ms (PerformanceObserver longtask, ${t.longTasks} over 50 ms)`,
    `  machine load ${t.loadPerCore.toFixed(2)} per core while it ran (above 1, wall times stretch waiting for a core; CPU time does not); build ${(t.ms / 1000).toFixed(1)} s: ${t.status}`,
  ];
}
