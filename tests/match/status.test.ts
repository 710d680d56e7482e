import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildPursue } from '../../shared/pursue';
import { runPursue, statusMessage } from '../../shared/index';
import { PC, SHEETS } from '../../shared/workbook/layout';
import { fixture, FIXTURES, sampleCliArgs, sampleInput } from '../helpers/samples';
import { evaluate } from '../workbook/factory';

const CLI = path.resolve(__dirname, '../../dist/cli/pursue.js');
const case1 = [path.join(FIXTURES, 'case1', 'ours.txt'), path.join(FIXTURES, 'case1', 'theirs.txt')];

function cli(args: string[]): string {
  if (!existsSync(CLI)) throw new Error('Build the command line first: npm run build (or node scripts/build.mjs cli).');
  return execFileSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
}

test('case1 without typed totals: unverified in the CLI text, with which figure to type and where', () => {
  const out = cli(case1);
  expect(out).toMatch(/Residual +\$0\.00 +UNVERIFIED/);
  expect(out).not.toMatch(/RECONCILED/);
  expect(out).toMatch(/--ours-rcv/);
  expect(out).toMatch(/--theirs-rcv/);
  expect(out).toMatch(/Replacement Cost Value/);
});

test('case1 without typed totals: --json says unverified, reconciled false, and where each total came from', () => {
  const json = JSON.parse(cli([...case1, '--json']));
  expect(json.status).toBe('unverified');
  expect(json.reconciled).toBe(false);
  expect(json.totalsSource.ours.rcv).toBe('derived');
  expect(json.totalsSource.theirs.rcv).toBe('derived');
  expect(json.statusMessage).toMatch(/--theirs-rcv/);
});

test('case1 with the RCVs typed: reconciled, and the sources say typed', () => {
  const json = JSON.parse(cli([...sampleCliArgs('case1'), '--json']));
  expect(json.status).toBe('reconciled');
  expect(json.reconciled).toBe(true);
  expect(json.totalsSource.ours.rcv).toBe('typed');
  expect(json.totalsSource.theirs.rcv).toBe('typed');
});

test('only one RCV typed: still unverified, naming the one missing', () => {
  const typed = sampleInput('case1').options!;
  const rec = runPursue({ ...sampleInput('case1'), options: { ours: typed.ours } });
  expect(rec.status).toBe('unverified');
  const msg = statusMessage(rec, 'excel');
  expect(msg).toMatch(/insurer's approved RCV/);
  expect(msg).not.toMatch(/type our RCV/);
});

test('case2 prints both recaps: reconciled in every host\'s words', () => {
  const rec = runPursue(sampleInput('case2'));
  expect(rec.status).toBe('reconciled');
  for (const host of ['cli', 'excel', 'sheets', 'workbook'] as const) expect(statusMessage(rec, host)).toMatch(/^✓ Reconciled/);
});

test('the workbook mark says Unverified, never Reconciled, when a total was assumed', () => {
  const out = buildPursue({ ours: fixture('case1', 'ours.txt'), theirs: fixture('case1', 'theirs.txt'), today: '2026-01-10' });
  const v = evaluate(out.workbook.sheets.find((s) => s.name === SHEETS.pursue)!);
  const residual = v.findIndex((r) => String(r[PC.name] ?? '').startsWith('Residual'));
  expect(v[residual]![PC.kind]).toBe('Unverified');
  expect(String(v[residual]![PC.denial])).toMatch(/Unverified.*Total gap row/);
});

test('the same paste on both sides is a problem, and not reconciled', () => {
  for (const name of ['case1', 'case2'] as const) {
    const text = fixture(name, 'ours.txt');
    const rec = runPursue({ ours: text, theirs: text });
    expect(rec.status).not.toBe('reconciled');
    expect(rec.problems.find((p) => p.code === 'same-paste')?.message).toMatch(/same paste/);
  }
  // The same line approved with no tax or O&P is an RE, not the same paste: its tax and O&P gaps count.
  const head = 'Roof\nDESCRIPTION QUANTITY UNIT PRICE TAX O&P RCV DEPREC. ACV\n';
  const cut = runPursue({
    ours: `${head}1. Drip edge 180.00 LF 2.90 15.66 107.53 645.19 (0.00) 645.19\n`,
    theirs: `${head}1. Drip edge 180.00 LF 2.90 0.00 0.00 522.00 (0.00) 522.00\n`,
  });
  expect(cut.problems.find((p) => p.code === 'same-paste')).toBeUndefined();
  expect(cut.taxGap + cut.overheadProfitGap).toBe(12319);
  const out = cli([case1[0], case1[0]]);
  expect(out).toMatch(/same paste/);
  expect(out).not.toMatch(/RECONCILED/);
});
