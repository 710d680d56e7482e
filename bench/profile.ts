// One 20,000-line job (or n, either way round, optionally its re-run) to profile, e.g.
//   npx esbuild bench/profile.ts --bundle --platform=node --outfile=dist/bench/profile.js
//   node --cpu-prof --cpu-prof-dir=/tmp/prof dist/bench/profile.js 20000 ours-full [rerun]
// The first run warms the JIT; the profiled run is the last, as a host's second click would be.
import { buildPursue, type Cell, type WorkbookDescription } from '../shared/index';
import { type Direction, pastes } from './pipeline';

const [n, direction, rerun] = [Number(process.argv[2] ?? 20000), (process.argv[3] ?? 'ours-full') as Direction, process.argv[4] === 'rerun'];
const values = (wb: WorkbookDescription): Record<string, Cell[][]> => Object.fromEntries(wb.sheets.map((s) => [s.name, s.values.map((r) => [...r])]));
const input = { ...pastes(n, direction), today: '2025-09-10' };
const first = buildPursue(input);
const again = rerun ? { ...input, today: '2025-09-17', existing: values(first.workbook) } : input;
const c0 = process.cpuUsage();
const t0 = Date.now();
buildPursue(again);
const c = process.cpuUsage(c0);
console.log(`${n} ${direction}${rerun ? ' re-run' : ''}: ${Date.now() - t0} ms wall, ${((c.user + c.system) / 1000).toFixed(0)} ms CPU`);
