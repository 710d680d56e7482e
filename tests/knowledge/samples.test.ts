/** The knowledge layer on the real samples, through the real engine. */
import { runPursue } from '../../shared/index';
import { emptyState, mergeState, OP_ITEM, topicGap } from '../../shared/knowledge';
import { pursueModel, readiness, rowsByItem } from '../../shared/model';
import type { DenialCategory } from '../../shared/types/knowledge';
import { fixtureJson, sampleInput, SAMPLE_NAMES, type SampleName } from '../helpers/samples';

interface ExpectedLine {
  our_line: number;
  description: string;
  gap: number;
  insurer_note?: string | null;
}

const expectedLines = (name: SampleName) => fixtureJson<{ our_lines: ExpectedLine[] }>(name, 'expected.json').our_lines;
const cents = (d: number) => Math.round(d * 100);

// How a person on the team reads each insurer note in the samples.
const NOTE_CATEGORIES: Record<string, Record<string, DenialCategory>> = {
  case1: { '4': 'quantity', '5': 'code' },
  case2: { '2': 'quantity', '4': 'quantity', '6': 'included', '31': 'repairable' },
};

describe.each(SAMPLE_NAMES)('%s', (name) => {
  const rec = runPursue(sampleInput(name));
  const { state, warnings } = mergeState(emptyState(), rec, '2026-09-01');
  const expected = expectedLines(name);

  test('a first run gives one annotation per line plus O&P, and no warnings', () => {
    expect(Object.keys(state.items).sort()).toEqual([...expected.map((l) => String(l.our_line)), OP_ITEM].sort());
    expect(warnings).toEqual([]);
  });

  test("the insurer's note under a line becomes that item's denial text, verbatim", () => {
    for (const l of expected) {
      expect(state.items[String(l.our_line)].denialText).toBe(l.insurer_note ?? '');
    }
  });

  test('notes are classified as the team reads them, and get a suggestion', () => {
    const byItem = rowsByItem(pursueModel(rec, state));
    for (const [item, category] of Object.entries(NOTE_CATEGORIES[name] ?? {})) {
      const line = byItem.get(item);
      expect(line?.category).toBe(category);
      expect(line?.rebuttal?.argument).toBeTruthy();
    }
  });

  test('ranks: 1..n once each over the open lines and O&P; lines with no gap to pursue have none', () => {
    const byItem = rowsByItem(pursueModel(rec, state));
    const gapOf = new Map(expected.map((l) => [String(l.our_line), cents(l.gap)]));
    gapOf.set(OP_ITEM, rec.overheadProfitGap);
    const open = [...gapOf].filter(([, gap]) => gap > 0).map(([item]) => item);
    const ranks = open.map((item) => byItem.get(item)!.priority!.rank);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks.map((_, i) => i + 1));
    for (const [item, gap] of gapOf) if (gap <= 0) expect(byItem.get(item)!.priority).toBeNull();
  });

  test('topics: two or more open items each, an item in one topic only, gap = the sum of the expected gaps', () => {
    const gaps = Object.fromEntries(expected.map((l) => [String(l.our_line), cents(l.gap)]));
    const seen = new Set<string>();
    for (const t of state.topics) {
      expect(t.items.length).toBeGreaterThanOrEqual(2);
      for (const it of t.items) {
        expect(gaps[it]).toBeGreaterThan(0);
        expect(seen.has(it)).toBe(false);
        seen.add(it);
      }
      expect(topicGap(t, gaps)).toBe(t.items.reduce((s, it) => s + gaps[it], 0));
    }
  });

  test('readiness lists every open line of $500 or more, largest first', () => {
    const issues = readiness(pursueModel(rec, state), { minGap: 50000, days: 7, today: '2026-09-01' });
    const want = expected.filter((l) => cents(l.gap) >= 50000).map((l) => String(l.our_line));
    if (rec.overheadProfitGap >= 50000) want.push(OP_ITEM);
    expect(issues.map((i) => i.item).sort()).toEqual(want.sort());
    for (let i = 1; i < issues.length; i++) expect(issues[i - 1].gap).toBeGreaterThanOrEqual(issues[i].gap);
    for (const i of issues) expect(i.missing).toContain('reason to approve');
  });
});

test('case2: the siding lines are suggested as one Siding topic', () => {
  const rec = runPursue(sampleInput('case2'));
  const { state } = mergeState(emptyState(), rec, '2026-09-01');
  const siding = state.topics.find((t) => t.name === 'Siding');
  // The three big siding lines (Right, Rear and Left elevations) and the Right elevation house wrap.
  for (const item of ['26', '27', '31', '36']) expect(siding?.items).toContain(item);
  expect(siding?.items).not.toContain('39'); // dumpster
});
