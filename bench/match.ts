// Matching speed: our lines against the insurer's (matchLines alone, no parsing), 5,000 and 20,000
// lines a side, in 1 and 10 buildings. The insurer's side lists buildings in another order and
// another naming style, denies, cuts and rewords some lines and adds lines of its own. The share
// of lines paired right is printed too, so a faster run that pairs worse shows.
import { matchLines } from '../shared/match/lines';
import { extension } from '../shared/money';
import type { EstimateLine } from '../shared/types/estimate';

const ITEMS: Array<[string, string]> = [
  ['Drip edge', 'LF'], ['Step flashing', 'LF'], ['Valley metal', 'LF'], ['R&R Siding - vinyl', 'SF'], ['Ice & water barrier', 'SF'],
  ['Roof vent - turtle type - Metal', 'EA'], ['Gutter / downspout - aluminum - up to 5"', 'LF'], ['House wrap (air/moisture barrier)', 'SF'],
  ['Hip / Ridge cap - Standard profile - composition shingles', 'LF'], ['Asphalt starter - universal starter course', 'LF'],
  ['Remove Laminated - comp. shingle rfg. - w/out felt', 'SQ'], ['Laminated - comp. shingle rfg. - w/out felt', 'SQ'],
  ['Roofing felt - synthetic underlayment', 'SQ'], ['R&R Flashing - pipe jack', 'EA'], ['Detach & reset Satellite dish', 'EA'],
  ['Paint exterior trim - 2 coats', 'LF'], ['Seal/prime then paint fascia', 'LF'], ['R&R Fascia - metal - 6"', 'LF'],
  ['R&R Soffit - vinyl', 'SF'], ['Wrap wood window frame & trim with aluminum sheet', 'EA'], ['R&R Window screen, 10 - 16 SF', 'EA'],
  ['Exterior light fixture - Detach & reset', 'EA'], ['R&R Exhaust cap - through roof - 6" to 8"', 'EA'], ['Chimney flashing - average', 'EA'],
];
const GRADES = ['', ' - standard grade', ' - high grade', ' - premium grade', ' - 6"', ' - 8"', ' - painted', ' - large'];
const ROOMS = ['Roof', 'Front Elevation', 'Rear Elevation', 'Left Elevation', 'Right Elevation', 'Gutters', 'Porch', 'Debris Removal'];
const THEIR_ROOM: Record<string, string> = { 'Front Elevation': 'Front Side', 'Rear Elevation': 'Rear Wall', 'Debris Removal': 'General' };

function line(item: number, area: string, description: string, unit: string, qty: number, unitPrice: number): EstimateLine {
  return {
    item: String(item), area, description, qty, unit, unitPrice, amount: extension(qty, unitPrice),
    tax: null, overheadProfit: null, rcv: null, depreciation: null, acv: null, note: null, row: item,
  };
}

export interface MatchCase {
  ours: EstimateLine[];
  theirs: EstimateLine[];
  /** Our index → the insurer index it should pair with, or −1. */
  want: Int32Array;
}

/** n lines a side in `buildings` buildings; deterministic. */
export function matchCase(n: number, buildings: number): MatchCase {
  const ours: EstimateLine[] = [];
  const per = Math.ceil(n / buildings);
  const roomsPer = Math.max(ROOMS.length, Math.ceil(per / 60));
  const perRoom = Math.ceil(per / roomsPer);
  const theirsBy: Array<Array<[EstimateLine, number]>> = Array.from({ length: buildings }, () => []);
  let k = 0;
  for (let b = 0; b < buildings && k < n; b++) {
    for (let r = 0; r < roomsPer && k < n; r++) {
      const room = ROOMS[r % ROOMS.length] + (r >= ROOMS.length ? ` ${Math.floor(r / ROOMS.length) + 1}` : '');
      const theirRoom = (THEIR_ROOM[ROOMS[r % ROOMS.length]] ?? ROOMS[r % ROOMS.length]) + (r >= ROOMS.length ? ` ${Math.floor(r / ROOMS.length) + 1}` : '');
      // Each room has distinct descriptions (estimates do not repeat an item within a room).
      for (let q = 0; q < perRoom && k < n; q++, k++) {
        const v = (q * 7 + r * 3 + b) % (ITEMS.length * GRADES.length);
        const [desc0, unit] = ITEMS[v % ITEMS.length];
        const desc = desc0 + GRADES[Math.floor(v / ITEMS.length) % GRADES.length];
        const qty = ((k * 37) % 5000) / 10 + 1;
        const price = 100 + ((k * 7919) % 40000);
        const ourArea = buildings === 1 ? room : `Bldg ${b + 1} - ${room}`;
        ours.push(line(k + 1, ourArea, desc, unit, qty, price));
        const f = k % 20;
        if (f === 3 || f === 13) continue; // denied
        const theirArea = buildings === 1 ? theirRoom : `Building ${b + 1} | ${theirRoom}`;
        let tDesc = desc;
        if (f === 7) tDesc = desc.toUpperCase(); // the same words, another case
        if (f === 17) tDesc = `${desc} - carrier grade`; // close wording
        const tQty = f === 5 || f === 15 ? Math.round(qty * 7) / 10 : qty;
        const tPrice = f === 1 || f === 11 ? price - 7 : price;
        theirsBy[b].push([line(0, theirArea, tDesc, unit, tQty, tPrice), k]);
      }
    }
  }
  // Insurer-only lines, then the buildings in another order, renumbered.
  for (let b = 0; b < buildings; b++) {
    const area = buildings === 1 ? 'Roof' : `Building ${b + 1} | Roof`;
    for (let x = 0; x < Math.ceil(per / 50); x++) theirsBy[b].push([line(0, area, `Roof mount power attic vent - unit ${x}`, 'EA', 1, 9000 + x), -1]);
  }
  const order = theirsBy.map((_, b) => b).sort((x, y) => ((x * 7919) % 101) - ((y * 7919) % 101) || x - y);
  const theirs: EstimateLine[] = [];
  const want = new Int32Array(ours.length).fill(-1);
  for (const b of order) {
    for (const [l, of] of theirsBy[b]) {
      const j = theirs.length;
      theirs.push({ ...l, item: String(j + 1), row: j + 1 });
      if (of >= 0) want[of] = j;
    }
  }
  return { ours, theirs, want };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export interface MatchTiming {
  ms: number;
  cpuMs: number;
  right: number;
  flagged: number;
  /** Mean CPU ms of each phase per run. */
  phases: Record<string, number>;
}

export function timeMatch(c: MatchCase, runs: number): MatchTiming {
  for (let w = 0; w < 5; w++) matchLines(c.ours, c.theirs); // warm up the JIT (steady state after about 5 runs)
  const times: number[] = [];
  const cpu: number[] = [];
  const phases: Record<string, number> = {};
  let last = matchLines(c.ours, c.theirs);
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    last = matchLines(c.ours, c.theirs, { timings: phases });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const u = process.cpuUsage(c0);
    cpu.push((u.user + u.system) / 1000);
  }
  for (const k of Object.keys(phases)) phases[k] /= runs;
  const index = new Map(c.theirs.map((t, j) => [t, j]));
  let right = 0;
  let flagged = 0;
  for (let i = 0; i < c.ours.length; i++) {
    const m = last.matches.get(i);
    const got = m ? index.get(m.insurer) ?? -2 : -1;
    if (got === c.want[i]) right++;
    if (m?.weak) flagged++;
  }
  return { ms: median(times), cpuMs: median(cpu), right: right / c.ours.length, flagged: flagged / c.ours.length, phases };
}

export function matchBenchRows(): string[] {
  const rows = ['lines a side   buildings   median ms   median CPU ms   ms per 1,000 lines   paired right   flagged'];
  const profile: string[] = [];
  for (const [n, runs] of [[5000, 11], [20000, 5]] as const) {
    for (const b of [1, 10]) {
      const c = matchCase(n, b);
      const t = timeMatch(c, runs);
      rows.push(
        `${String(n).padStart(12)}   ${String(b).padStart(9)}   ${t.ms.toFixed(1).padStart(9)}   ${t.cpuMs.toFixed(1).padStart(13)}   ${((t.ms / n) * 1000).toFixed(1).padStart(18)}   ${(t.right * 100).toFixed(2).padStart(11)}%   ${(t.flagged * 100).toFixed(2).padStart(6)}%`,
      );
      profile.push(`  ${n} × ${b}: ${Object.entries(t.phases).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
    }
  }
  return [...rows, 'Where the time goes (mean CPU ms per run, by phase):', ...profile];
}

// Bundled into bench.js too, so only when this file itself is the script run.
if (/match\.[jt]s$/.test(process.argv[1] ?? '') && !process.env.NOBENCH) {
  // Standalone: node dist/bench/match.js (npm run bench prints the same section).
  console.log('Matching (matchLines alone; median of runs):');
  for (const r of matchBenchRows()) console.log(r);
}
