// (Under tests/: it prints pastes with the tests' renderer.) A guard for speed work: builds many
// generated pastes, the fixtures and the bench's own pastes, each a first run and a re-run over the
// first run's sheet values, and prints one hash per input of everything buildPursue returns. Run it
// before and after a change and diff the two outputs: any line that differs is a changed result.
//   npx esbuild tests/bench/output-hashes.ts --bundle --platform=node --outfile=dist/bench/output-hashes.js
//   node dist/bench/output-hashes.js > before.txt
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { buildPursue, type Cell, type PursueInput, type WorkbookDescription } from '../../shared/index';
import { estimate } from '../../bench/pipeline';
import { genPair, toTableRows, toXactimateText } from '../helpers/generate';
import { arbEstimate, FAMILIES, renderEstimate, type Family } from '../render/index';

const TODAY = '2025-09-10';
const LATER = '2025-09-24';
/** Generated pairs per layout family: enough to reach each reader's branches, quick to run. */
const PER_FAMILY = 24;
/** Generated line-list pairs per printing (text and table). */
const GEN_PAIRS = 40;

function hashOf(x: unknown): string {
  return createHash('sha1').update(JSON.stringify(x)).digest('hex').slice(0, 16);
}

/** The values a host reads back from the written sheets (formula cells read as nothing). */
function sheetValues(wb: WorkbookDescription): Record<string, Cell[][]> {
  return Object.fromEntries(wb.sheets.map((s) => [s.name, s.values.map((r) => [...r])]));
}

/** Hash of the first run and of a re-run over its values; an error is hashed as its message. */
function runBoth(input: Omit<PursueInput, 'today'>): string {
  try {
    const first = buildPursue({ ...input, today: TODAY });
    const again = buildPursue({ ...input, today: LATER, existing: sheetValues(first.workbook) });
    return `${hashOf(first)} ${hashOf(again)}`;
  } catch (e) {
    return `error ${hashOf(String(e))}`;
  }
}

function* familyInputs(): Generator<[string, Omit<PursueInput, 'today'>]> {
  for (const family of FAMILIES) {
    const ests = fc.sample(fc.tuple(arbEstimate, arbEstimate), { seed: 7 + family.length, numRuns: PER_FAMILY });
    for (const [k, [a, b]] of ests.entries()) {
      const text = (e: typeof a, f: Family) => renderEstimate(e, f, { noise: k % 2 === 0, shuffle: k });
      if (family === 'side-by-side') yield [`${family} ${k}`, { compare: text(a, family) }];
      else yield [`${family} ${k}`, { ours: text(a, family), theirs: text(b, FAMILIES[(k + 3) % 9]) }];
    }
  }
}

function* generatedInputs(): Generator<[string, Omit<PursueInput, 'today'>]> {
  for (const [k, p] of fc.sample(genPair, { seed: 11, numRuns: GEN_PAIRS }).entries()) {
    yield [`gen-text ${k}`, { ours: toXactimateText(p.ours), theirs: toXactimateText(p.theirs) }];
    yield [`gen-table ${k}`, { ours: toTableRows(p.ours), theirs: toTableRows(p.theirs) }];
  }
}

function* fixtureAndBenchInputs(): Generator<[string, Omit<PursueInput, 'today'>]> {
  // Run from the worktree's root (the bundle's __dirname is dist/bench).
  const read = (c: string, f: string) => readFileSync(path.join('tests', 'fixtures', c, f), 'utf8');
  for (const c of ['case1', 'case2']) yield [`fixture ${c}`, { ours: read(c, 'ours.txt'), theirs: read(c, 'theirs.txt') }];
  yield ['fixture sbs1', { compare: read('sbs1', 'compare.txt') }];
  yield ['fixture case1 swapped', { ours: read('case1', 'theirs.txt'), theirs: read('case1', 'ours.txt') }];
  for (const n of [100, 1000, 5000]) {
    yield [`bench ${n} ours-full`, { ours: estimate(n, false), theirs: estimate(n, true) }];
    yield [`bench ${n} ours-revised`, { ours: estimate(n, true), theirs: estimate(n, false) }];
  }
}

for (const gen of [fixtureAndBenchInputs, generatedInputs, familyInputs]) {
  for (const [name, input] of gen()) console.log(`${name.padEnd(28)} ${runBoth(input)}`);
}
