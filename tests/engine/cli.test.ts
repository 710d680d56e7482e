import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixtureJson, SAMPLE_NAMES, sampleCliArgs } from '../helpers/samples';

// These run the BUILT command line (npm test builds first).
const CLI = path.join(__dirname, '..', '..', 'dist', 'cli', 'pursue.js');
const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

test.each(SAMPLE_NAMES)('%s: --json reproduces the expected gaps', (name) => {
  const out = JSON.parse(execFileSync(process.execPath, [CLI, ...sampleCliArgs(name), '--json'], { encoding: 'utf8' }));
  const expected = fixtureJson(name, 'expected.json');
  expect(out.totalGap).toBe(expected.totals.total_gap);
  expect(out.taxGap).toBe(expected.totals.tax_gap);
  expect(out.overheadProfitGap).toBe(expected.totals.o_and_p_gap);
  expect(out.residual).toBe(0);
  expect(out.reconciled).toBe(true);
  expect(out.lines.map((l: any) => l.gap)).toEqual(expected.our_lines.map((e: any) => e.gap));
  expect(out.lines.map((l: any) => (l.insurer ? l.insurer.item : null))).toEqual(
    expected.our_lines.map((e: any) => (e.their_line === null ? null : String(e.their_line))),
  );
  expect(out.insurerOnly.map((l: any) => l.gap)).toEqual(expected.insurer_only_lines.map((e: any) => e.gap));
  for (const p of out.problems) expect(Object.keys(p)).toEqual(['side', 'row', 'severity', 'message']);
});

test('the text report shows items, insurer-only lines, tax, O&P, total gap and residual', () => {
  const r = run(sampleCliArgs('case2'));
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/Drip edge .*\$839\.68 +denied/);
  expect(r.stdout).toMatch(/Insurer-only lines/);
  expect(r.stdout).toMatch(/Tax gap .*\$257\.48/);
  expect(r.stdout).toMatch(/O&P gap .*\$1,532\.66/);
  expect(r.stdout).toMatch(/Total gap .*\$9,453\.25/);
  expect(r.stdout).toMatch(/Residual +\$0\.00 +RECONCILED/);
});

test('exit 0 when it ran but did not reconcile', () => {
  const r = run(sampleCliArgs('case2').concat(['--theirs-rcv', '30000']));
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/NOT RECONCILED/);
});

describe('unusable input: non-zero exit and a clear message', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pursue-cli-'));
  test('missing file', () => {
    const r = run(['/no/such/ours.txt', '/no/such/theirs.txt']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Cannot find the file "\/no\/such\/ours.txt"/);
  });
  test('nothing recognisable', () => {
    const junk = path.join(dir, 'junk.txt');
    writeFileSync(junk, 'nothing to see here\njust words\n');
    const r = run([junk, sampleCliArgs('case2')[1]]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/No line items were found in our estimate paste/);
  });
  test('a binary file', () => {
    const bin = path.join(dir, 'estimate.pdf');
    writeFileSync(bin, Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3, 0, 0]));
    const r = run([bin, bin]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/not text|cannot be read/);
  });
  test('bad flags', () => {
    const r = run(['a', 'b', '--ours-rcv', 'lots']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--ours-rcv must be an amount in dollars/);
    expect(run(['only-one.txt']).status).toBe(2);
  });
});

test('--json adds the denial category, reason to approve, score, rank and next step per line', () => {
  const out = JSON.parse(execFileSync(process.execPath, [CLI, ...sampleCliArgs('case2'), '--json'], { encoding: 'utf8' }));
  const ice = out.lines.find((l: any) => l.description === 'Ice & water barrier');
  // The insurer's note under the line is the denial text: "allowed in valleys only" is a quantity cut.
  expect(ice.denialCategory).toBe('quantity');
  expect(typeof ice.reasonToApprove).toBe('string');
  expect(ice.reasonToApprove).toMatch(/R905\.1\.2/);
  expect(ice.reasonToApproveSuggested).toBe(true);
  // Only lines with a gap to pursue are ranked (no accepted topic on a first run, so each rank once).
  const open = out.lines.filter((l: any) => l.gap > 0);
  const shut = out.lines.filter((l: any) => l.gap <= 0);
  expect(shut.length).toBeGreaterThan(0);
  for (const l of shut) expect([l.rank, l.score, l.nextStep]).toEqual([null, null, null]);
  const ranks = open.map((l: any) => l.rank);
  expect(new Set(ranks).size).toBe(ranks.length);
  const top = out.lines.find((l: any) => l.rank === Math.min(...ranks));
  expect(top.score).toBeGreaterThanOrEqual(Math.max(...open.map((l: any) => l.score)));
  for (const l of open) expect(typeof l.nextStep).toBe('string');
  const denied = open.find((l: any) => l.kind === 'denied' && l.denialCategory === null);
  expect(denied.nextStep).toMatch(/^Ask the adjuster for the denial reason in writing\./);
});

test("the text report's Pri. column is --json's rank (blank when not ranked)", () => {
  const json = JSON.parse(execFileSync(process.execPath, [CLI, ...sampleCliArgs('case2'), '--json'], { encoding: 'utf8' }));
  const text = execFileSync(process.execPath, [CLI, ...sampleCliArgs('case2')], { encoding: 'utf8' });
  // A line's first row: Pri. (5 wide), then the item number (6 wide).
  const shown = new Map<string, string>();
  for (const row of text.split('\n').slice(2)) {
    const m = /^(.{5})(\S+)\s/.exec(row);
    if (m && !shown.has(m[2]!)) shown.set(m[2]!, m[1]!.trim());
  }
  const ranked = json.lines.filter((l: any) => l.rank !== null);
  expect(ranked.length).toBeGreaterThan(5);
  for (const l of json.lines) expect({ item: l.item, pri: shown.get(l.item) }).toEqual({ item: l.item, pri: l.rank === null ? '' : String(l.rank) });
});

test('--crm prints the CRM fields tab-separated', () => {
  const r = run(sampleCliArgs('case2').concat(['--crm']));
  expect(r.status).toBe(0);
  const lines = r.stdout.trimEnd().split('\n');
  expect(lines[0].split('\t')).toEqual(['Item Number', 'Item Name', 'Gap $', 'Reason for Insurance denial', 'Reason to approve', 'Status/notes']);
  expect(lines.find((l) => l.startsWith('5\t'))?.split('\t').slice(0, 3)).toEqual(['5', 'Drip edge', '$839.68']);
});
