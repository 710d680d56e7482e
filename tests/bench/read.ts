// (Under tests/: it prints pastes with the tests' renderer; npm run bench runs it in its own process.)
// Read time against paste size in each layout family (issue 9: 5,000 lines a side under 150 ms,
// growth no faster than about n log n). The pastes are printed by the tests' renderer, with page
// noise for the PDF-text families, so the bench reads what the property test reads.
import { parseComparison, parseEstimate } from '../../shared/parse/detect';
import { readText } from '../../shared/parse/rows';
import { buildEstimate, FAMILIES, renderEstimate, type Family, type RenderEstimate } from '../render/index';

const DESCRIPTIONS: Array<[string, string]> = [
  ['Drip edge', 'LF'], ['Step flashing', 'LF'], ['Laminated - comp. shingle rfg. - w/out felt', 'SQ'],
  ['R&R Siding - vinyl', 'SF'], ['Flashing, Pipe Jack, Aluminum', 'EA'], ['Hip / Ridge cap - Standard profile - composition shingles', 'LF'],
  ['Roofer - per hour', 'HR'], ['Paint baseboard - two coats', 'LF'],
];
const AREAS = ['Roof', 'Front Elevation', 'Rear Elevation', 'Left Elevation', 'Garage', 'Living Room', 'Kitchen', 'Porch'];

/** A deterministic estimate of n lines, 40 lines an area. */
export function benchEstimate(n: number): RenderEstimate {
  const areas: Parameters<typeof buildEstimate>[0] = [];
  for (let k = 0; k < n; k++) {
    if (k % 40 === 0) areas.push({ name: `${AREAS[(k / 40) % AREAS.length]} ${Math.floor(k / 40) + 1}`, group: `Bldg ${Math.floor(k / 400) + 1}`, lines: [] });
    areas[areas.length - 1].lines.push({
      desc: DESCRIPTIONS[k % DESCRIPTIONS.length],
      qty100: 100 + ((k * 3701) % 500_000),
      remove: k % 3 === 0 ? 0 : (k * 131) % 5000,
      replace: 100 + ((k * 7919) % 40_000),
      depPct: k % 4 === 0 ? 0 : k % 60,
      note: k % 7 === 0 ? 'Includes 10% waste on quantity.' : null,
    });
  }
  return buildEstimate(areas, 825, 2000, 100_000);
}

function read(text: string, family: Family): number {
  const rows = readText(text);
  if (family === 'side-by-side') return parseComparison(rows)!.ours.lines.length;
  return parseEstimate(rows, 'ours').lines.length;
}

/**
 * Least CPU milliseconds (of the runs) to read one paste (text → rows → parsed estimate). CPU time, not wall
 * time: on a machine shared with other jobs wall time measures the neighbours.
 */
export function timeRead(family: Family, n: number, runs: number): number {
  const text = renderEstimate(benchEstimate(n), family, { noise: true, shuffle: 3 });
  const got = read(text, family); // warm up, and make sure the bench reads what it claims to
  if (got !== n) throw new Error(`${family}: read ${got} of ${n} lines`);
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    read(text, family);
    const c = process.cpuUsage(c0);
    times.push((c.user + c.system) / 1000);
  }
  // The fastest run: on a machine shared with other jobs the others measure the neighbours.
  return Math.min(...times);
}

/** The table bench.ts prints: ms per family and size, and growth 5k → 20k against n log n. */
export function readBench(): string[] {
  const sizes: Array<[number, number]> = [[100, 15], [1000, 9], [5000, 5], [20000, 3]];
  const out = [`${'family'.padEnd(20)} ${sizes.map(([n]) => `${n} lines`.padStart(11)).join(' ')}   20k/5k (n log n: ${((20000 * Math.log(20000)) / (5000 * Math.log(5000))).toFixed(2)})`];
  for (const family of FAMILIES) {
    const ms = sizes.map(([n, runs]) => timeRead(family, n, runs));
    out.push(`${family.padEnd(20)} ${ms.map((m) => `${m.toFixed(1)} ms`.padStart(11)).join(' ')}   ${(ms[3] / ms[2]).toFixed(2).padStart(6)}`);
  }
  return out;
}

if (process.argv[1]?.endsWith(`${require("node:path").sep}read.js`)) for (const l of readBench()) console.log(l);
