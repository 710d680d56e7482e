// `npm run bench`: the whole job a host runs (buildPursue: read both pastes, match, reconcile,
// knowledge, workbook description and CRM text) against input size, either side as ours; peak
// memory; and host round trips against row count. Figures are measured on this machine each run;
// nothing here is a pass/fail test.
import { spawnSync } from 'node:child_process';
import { panesReport } from './panes';
import path from 'node:path';
import { buildPursue } from '../shared/index';
import { pdfBench } from './pdf';
import { type Direction, pastes } from './pipeline';
import { matchBenchRows } from './match';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const TODAY = '2025-09-10';
const DIRECTIONS: Direction[] = ['ours-full', 'ours-revised'];

/** Median wall time and median CPU time (the latter steadier on a busy machine) of buildPursue. */
function timeEngine(n: number, direction: Direction, runs: number): { ms: number; cpuMs: number } {
  const input = { ...pastes(n, direction), today: TODAY };
  buildPursue(input); // warm up the JIT
  const times: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    buildPursue(input);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { ms: median(times), cpuMs: median(cpu) };
}

/** Peak memory of one whole run in a fresh process (maxRSS). */
function peakMemory(n: number, direction: Direction): { mb: number; ms: number } {
  const r = spawnSync(process.execPath, [__filename, '--one', String(n), direction], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
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
  console.log(`Pursue benchmark — node ${process.version}, ${require('node:os').cpus().length} cores`);
  console.log('\nbuildPursue end to end (read, match, reconcile, knowledge, workbook, CRM text); median of runs.');
  console.log('"ours-full": our full estimate against the insurer\'s revision; "ours-revised": the other way round.');
  console.log('lines a side   direction       median ms   median CPU ms   µs per line');
  for (const [n, runs] of [[100, 21], [1000, 11], [5000, 5], [20000, 3]] as const) {
    for (const d of DIRECTIONS) {
      const { ms, cpuMs } = timeEngine(n, d, runs);
      console.log(`${String(n).padStart(12)}   ${d.padEnd(14)} ${ms.toFixed(1).padStart(9)}   ${cpuMs.toFixed(1).padStart(13)}   ${((ms / n) * 1000).toFixed(0).padStart(11)}`);
    }
  }
  console.log('\nRead time, one side, by layout family (least CPU ms of the runs; target 5,000 lines < 150 ms):');
  for (const l of readBench()) console.log(l);
  console.log('\nMatching alone (matchLines; target: 5,000 lines a side in 10 buildings under 100 ms):');
  for (const r of matchBenchRows()) console.log(r);
  console.log('\nPeak memory (a fresh process, one run):');
  for (const n of [5000, 20000]) {
    for (const d of DIRECTIONS) {
      const { mb, ms } = peakMemory(n, d);
      console.log(`${String(n).padStart(6)} lines a side, ${d.padEnd(13)} peak RSS ${mb.toFixed(0)} MB, ${ms.toFixed(0)} ms`);
    }
  }
  console.log('\nHost round trips for a full build (must not grow with rows):');
  for (const r of hostCounts()) console.log(r);
  for (const l of panesReport(__dirname)) console.log(l);
  console.log('\nPDF input (read in-process with PDF.js, as the CLI does; median of runs):');
  for (const r of await pdfBench(path.join(__dirname, '..', '..'))) console.log(r);
}

if (process.argv[2] === '--one') {
  const input = { ...pastes(Number(process.argv[3]), process.argv[4] as Direction), today: TODAY };
  const t0 = Date.now();
  buildPursue(input);
  const ms = Date.now() - t0;
  process.stdout.write(JSON.stringify({ mb: process.resourceUsage().maxRSS / 1024, ms }));
} else {
  mainBench().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
