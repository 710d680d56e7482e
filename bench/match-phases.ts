// Matching phase by phase (CPU ms, median of runs) on the lines buildPursue reads from the bench's
// pastes, n lines a side, either way round:
//   npx esbuild bench/match-phases.ts --bundle --platform=node --outfile=dist/bench/match-phases.js
//   node --expose-gc dist/bench/match-phases.js 20000 ours-full
// A diagnostic for tuning, not part of `npm run bench`.
import { loadavg } from 'node:os';
import { matchLines } from '../shared/match/lines';
import { prepareInput } from '../shared/run';
import { type Direction, pastes } from './pipeline';

/** Runs for the median: enough to steady it on a shared machine, few enough to stay quick. */
const RUNS = 5;
const [n, direction] = [Number(process.argv[2] ?? 20000), (process.argv[3] ?? 'ours-full') as Direction];
const prepared = prepareInput(pastes(n, direction));
const gc = (globalThis as { gc?: () => void }).gc;
const runs: Array<Record<string, number>> = [];
matchLines(prepared.ours.lines, prepared.theirs.lines); // warm up the JIT
for (let r = 0; r < RUNS; r++) {
  gc?.();
  const timings: Record<string, number> = {};
  const c0 = process.cpuUsage();
  matchLines(prepared.ours.lines, prepared.theirs.lines, { timings });
  const c = process.cpuUsage(c0);
  timings.total = (c.user + c.system) / 1000;
  runs.push(timings);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`${n} lines a side, ${direction}: matchLines median CPU ms of ${RUNS} runs (load ${loadavg()[0].toFixed(2)})`);
for (const phase of Object.keys(runs[0])) console.log(`${median(runs.map((t) => t[phase] ?? 0)).toFixed(0).padStart(7)}  ${phase}`);
