import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PastesInput } from '../../shared/run';

export const FIXTURES = path.join(__dirname, '..', 'fixtures');
export const SAMPLE_NAMES = ['case1', 'case2', 'sbs1'] as const;
export type SampleName = (typeof SAMPLE_NAMES)[number];

export function fixture(name: string, file: string): string {
  return readFileSync(path.join(FIXTURES, name, file), 'utf8');
}

export function fixtureJson<T = any>(name: string, file: string): T {
  return JSON.parse(fixture(name, file)) as T;
}

const cents = (d: number | undefined | null) => (d === undefined || d === null ? undefined : Math.round(d * 100));

/**
 * The engine input for a sample. Where a paste holds no recap (case1), summary.json gives what a
 * user would type: the RCV, tax and O&P the paste lacks.
 */
export function sampleInput(name: SampleName): PastesInput {
  if (name === 'sbs1') return { compare: fixture(name, 'compare.txt') };
  const input: PastesInput = { ours: fixture(name, 'ours.txt'), theirs: fixture(name, 'theirs.txt') };
  if (name === 'case1') {
    const s = fixtureJson(name, 'summary.json');
    input.options = {
      ours: { rcv: cents(s.ours.rcv), tax: cents(s.ours.material_sales_tax), overheadProfit: cents(s.ours.o_and_p) },
      theirs: { rcv: cents(s.theirs.rcv), overheadProfit: cents(s.theirs.o_and_p) },
    };
  }
  return input;
}

/** The same typed totals as command-line flags. */
export function sampleCliArgs(name: SampleName): string[] {
  const dir = path.join(FIXTURES, name);
  if (name === 'sbs1') return ['--compare', path.join(dir, 'compare.txt')];
  const args = [path.join(dir, 'ours.txt'), path.join(dir, 'theirs.txt')];
  if (name === 'case1') {
    const s = fixtureJson(name, 'summary.json');
    args.push('--ours-rcv', String(s.ours.rcv), '--ours-tax', String(s.ours.material_sales_tax), '--ours-op', String(s.ours.o_and_p));
    args.push('--theirs-rcv', String(s.theirs.rcv), '--theirs-op', String(s.theirs.o_and_p));
  }
  return args;
}
