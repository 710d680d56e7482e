// Where the time of one buildPursue goes, step by step (the steps buildPursue runs, timed one by
// one), at n lines a side, either way round, optionally a re-run over the first run's workbook:
//   npx esbuild bench/stages.ts --bundle --platform=node --outfile=dist/bench/stages.js
//   node --expose-gc dist/bench/stages.js 20000 ours-full [rerun]
// A diagnostic for tuning, not part of `npm run bench`; it follows shared/pursue.ts by hand.
import { loadavg } from 'node:os';
import { buildPursue, type Cell, type WorkbookDescription } from '../shared/index';
import { prepareInput, reconcilePrepared } from '../shared/run';
import { emptyState, mergeState } from '../shared/knowledge';
import { followRenumbering } from '../shared/knowledge/renumber';
import { buildWorkbook } from '../shared/workbook/build';
import { crmText } from '../shared/workbook/crm';
import { pursueModel } from '../shared/model';
import { isPursueWorkbook, readBackWorkbook } from '../shared/workbook/readback';
import { type Direction, pastes } from './pipeline';

/** Runs for the median: enough to steady it on a shared machine, few enough to stay quick. */
const RUNS = 3;
const [n, direction, rerun] = [Number(process.argv[2] ?? 20000), (process.argv[3] ?? 'ours-full') as Direction, process.argv[4] === 'rerun'];
const values = (wb: WorkbookDescription): Record<string, Cell[][]> => Object.fromEntries(wb.sheets.map((s) => [s.name, s.values.map((r) => [...r])]));
const base = { ...pastes(n, direction), today: '2025-09-10' };
const input = rerun ? { ...base, today: '2025-09-17', existing: values(buildPursue(base).workbook) } : base;
const gc = (globalThis as { gc?: () => void }).gc;

const cpu: Record<string, number[]> = {};
function step<T>(name: string, run: () => T): T {
  const c0 = process.cpuUsage();
  const out = run();
  const c = process.cpuUsage(c0);
  (cpu[name] ??= []).push((c.user + c.system) / 1000);
  return out;
}

function once(): void {
  const existing = 'existing' in input ? input.existing : null;
  const read = step('read back the workbook', () => (existing && isPursueWorkbook(existing) ? readBackWorkbook(existing, { today: input.today }) : null));
  const prepared = step('read both pastes', () => prepareInput(input));
  const followed = step('follow renumbering', () => (read ? followRenumbering(read.state, read.overrides, read.statusOrder, prepared.ours.lines) : null));
  const rec = step('match and reconcile', () => reconcilePrepared(prepared, { overrides: followed?.overrides ?? {} }));
  const merged = step('merge knowledge', () => mergeState(followed?.state ?? emptyState(), rec, input.today));
  const model = step('per-item model', () => pursueModel(rec, merged.state));
  step('build the workbook', () => buildWorkbook(rec, merged.state, { today: input.today, statusOrder: followed?.statusOrder ?? [], warnings: [], model }));
  step('CRM text', () => crmText(model));
}

once(); // warm up the JIT
for (let r = 0; r < RUNS; r++) {
  gc?.();
  step('total', once);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`${n} lines a side, ${direction}${rerun ? ', re-run' : ''}: median CPU ms of ${RUNS} runs (load ${loadavg()[0].toFixed(2)})`);
for (const [name, xs] of Object.entries(cpu)) console.log(`${median(xs.slice(-RUNS)).toFixed(0).padStart(7)}  ${name}`);
