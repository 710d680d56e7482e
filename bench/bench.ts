// `npm run bench`: the whole job a host runs (buildPursue: read both pastes, match, reconcile,
// knowledge, workbook description and CRM text) against input size, either side as ours; peak
// memory; and host round trips against row count. Figures are measured on this machine each run;
// nothing here is a pass/fail test.
import { spawnSync } from 'node:child_process';
import { panesReport } from './panes';
import path from 'node:path';
import { cpus, loadavg } from 'node:os';
import { buildPursue, type Cell, type PursueInput, type WorkbookDescription } from '../shared/index';
import { pdfBench } from './pdf';
import { type Direction, pastes } from './pipeline';
import { matchBenchRows } from './match';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const TODAY = '2025-09-10';
const RERUN_DAY = '2025-09-17';
const DIRECTIONS: Direction[] = ['ours-full', 'ours-revised'];

/** Wall and CPU milliseconds of one call; CPU time is steadier on a machine shared with other jobs. */
function timed(run: () => void): { ms: number; cpuMs: number } {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  run();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  return { ms, cpuMs: (c.user + c.system) / 1000 };
}

interface Timing {
  ms: number;
  cpuMs: number;
  /** One-minute load average when the runs ended: the machine's other work, which stretches wall time. */
  load: number;
}

/** Median wall and median CPU time of `runs` calls, after one to warm up the JIT. */
function medianTiming(run: () => void, runs: number): Timing {
  run();
  const all = Array.from({ length: runs }, () => timed(run));
  return { ms: median(all.map((t) => t.ms)), cpuMs: median(all.map((t) => t.cpuMs)), load: loadavg()[0] };
}

function engineInput(n: number, direction: Direction): PursueInput {
  return { ...pastes(n, direction), today: TODAY };
}

/** What a host reads back from the sheets the first run wrote: their values (formula cells read as nothing). */
function sheetValues(wb: WorkbookDescription): Record<string, Cell[][]> {
  return Object.fromEntries(wb.sheets.map((s) => [s.name, s.values.map((r) => [...r])]));
}

/** The same job run again a week later over the first run's workbook, as a host re-runs it. */
function rerunInput(n: number, direction: Direction): PursueInput {
  const input = engineInput(n, direction);
  return { ...input, today: RERUN_DAY, existing: sheetValues(buildPursue(input).workbook) };
}

function timingRow(label: string, direction: string, t: Timing, n: number): string {
  const perLine = ((t.ms / n) * 1000).toFixed(0);
  return `${label.padStart(12)}   ${direction.padEnd(14)} ${t.ms.toFixed(1).padStart(9)}   ${t.cpuMs.toFixed(1).padStart(13)}   ${perLine.padStart(11)}   ${t.load.toFixed(2).padStart(6)}`;
}

/** Growth from 5,000 to 20,000 lines a side; about n log n is 4 × log(20000)/log(5000) ≈ 4.65. */
function growthRow(direction: Direction, at5k: Timing, at20k: Timing): string {
  const nLogN = (4 * Math.log(20000)) / Math.log(5000);
  return `  ${direction.padEnd(14)} 20k ÷ 5k: wall ${(at20k.ms / at5k.ms).toFixed(2)}, CPU ${(at20k.cpuMs / at5k.cpuMs).toFixed(2)} (n log n: ${nLogN.toFixed(2)})`;
}

/** The end-to-end table, the 5k → 20k growth, and a re-run of the 20k job over its own workbook. */
function engineBench(): string[] {
  const out = ['lines a side   direction       median ms   median CPU ms   µs per line   load'];
  const byKey = new Map<string, Timing>();
  for (const [n, runs] of [[100, 21], [1000, 11], [5000, 5], [20000, 3]] as const) {
    for (const d of DIRECTIONS) {
      const input = engineInput(n, d);
      const t = medianTiming(() => buildPursue(input), runs);
      byKey.set(`${n} ${d}`, t);
      out.push(timingRow(String(n), d, t, n));
    }
  }
  out.push('Growth, 5,000 → 20,000 lines a side:');
  for (const d of DIRECTIONS) out.push(growthRow(d, byKey.get(`5000 ${d}`)!, byKey.get(`20000 ${d}`)!));
  out.push('Re-run: the 20,000-line job again, its first workbook\'s sheet values passed as existing:');
  for (const d of DIRECTIONS) {
    const input = rerunInput(20000, d);
    out.push(timingRow('20000 re-run', d, medianTiming(() => buildPursue(input), 3), 20000));
  }
  return out;
}

/** Peak memory of one whole run in a fresh process (maxRSS). */
function peakMemory(n: number, direction: Direction, rerun = false): { mb: number; ms: number } {
  const r = spawnSync(process.execPath, [__filename, '--one', String(n), direction, ...(rerun ? ['rerun'] : [])], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

/** Peak RSS of one run in a fresh process at 5k and 20k, either way round, and of a 20k first run plus its re-run. */
function memoryBench(): string[] {
  const row = (n: number, d: Direction, label: string, rerun: boolean) => {
    const { mb, ms } = peakMemory(n, d, rerun);
    return `${String(n).padStart(6)} lines a side, ${d.padEnd(13)} ${label.padEnd(17)} peak RSS ${mb.toFixed(0)} MB, ${ms.toFixed(0)} ms, load ${loadavg()[0].toFixed(2)}`;
  };
  const out: string[] = [];
  for (const n of [5000, 20000]) for (const d of DIRECTIONS) out.push(row(n, d, 'first run', false));
  for (const d of DIRECTIONS) out.push(row(20000, d, 'first + re-run', true));
  return out;
}

/** Read time by layout family, from tests/bench/read.ts (it prints pastes with the tests' renderer) in its own process. */
function readBench(): string[] {
  const r = spawnSync(process.execPath, [path.join(__dirname, 'read.js')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`read bench failed: ${r.stderr}`);
  return r.stdout.trimEnd().split('\n');
}

/** Host round trips, counted by tests/bench/round-trips.ts (it drives the test fakes) in its own process. */
function hostCounts(): string[] {
  const r = spawnSync(process.execPath, [path.join(__dirname, 'round-trips.js')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`round-trip count failed: ${r.stderr}`);
  const counts: { lines: number; excelSyncs: number; gasSheetsApiCalls: number; gasSpreadsheetAppCalls: number }[] = JSON.parse(r.stdout);
  const row = (label: string, pick: (c: (typeof counts)[number]) => number) =>
    `${label.padEnd(38)} ${counts.map((c) => `${c.lines} lines: ${pick(c)}`).join(' | ')}`;
  return [
    row('Excel context.sync() calls', (c) => c.excelSyncs),
    row('Apps Script calls (Sheets API)', (c) => c.gasSheetsApiCalls),
    row('Apps Script calls (SpreadsheetApp only)', (c) => c.gasSpreadsheetAppCalls),
  ];
}

async function mainBench(): Promise<void> {
  console.log(`Pursue benchmark — node ${process.version}, ${cpus().length} cores`);
  console.log('\nbuildPursue end to end (read, match, reconcile, knowledge, workbook, CRM text); median of runs.');
  console.log('"ours-full": our full estimate against the insurer\'s revision; "ours-revised": the other way round.');
  for (const l of engineBench()) console.log(l);
  console.log('\nRead time, one side, by layout family (least CPU ms of the runs; target 5,000 lines < 150 ms):');
  for (const l of readBench()) console.log(l);
  console.log('\nMatching alone (matchLines; target: 5,000 lines a side in 10 buildings under 100 ms):');
  for (const r of matchBenchRows()) console.log(r);
  console.log('\nPeak memory (a fresh process, one run; target under 300 MB):');
  for (const l of memoryBench()) console.log(l);
  console.log('\nHost round trips for a full build (must not grow with rows):');
  for (const r of hostCounts()) console.log(r);
  for (const l of panesReport(__dirname)) console.log(l);
  console.log('\nPDF input (read in-process with PDF.js, as the CLI does; median of runs):');
  for (const r of await pdfBench(path.join(__dirname, '..', '..'))) console.log(r);
}

if (process.argv[2] === '--one') {
  const [n, direction] = [Number(process.argv[3]), process.argv[4] as Direction];
  // A re-run's peak includes the first run that wrote its workbook, as in a host's session.
  const input = process.argv[5] === 'rerun' ? rerunInput(n, direction) : engineInput(n, direction);
  const t0 = Date.now();
  buildPursue(input);
  const ms = Date.now() - t0;
  process.stdout.write(JSON.stringify({ mb: process.resourceUsage().maxRSS / 1024, ms }));
} else if (process.argv[2] === '--engine') {
  // Only the end-to-end table and peak memory (for quick before/after comparisons while tuning).
  for (const l of [...engineBench(), ...memoryBench()]) console.log(l);
} else {
  mainBench().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
