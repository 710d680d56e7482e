import { parseInput, runPursue, toJsonReport } from '../../shared/index';
import { fixtureJson, SAMPLE_NAMES, sampleInput } from '../helpers/samples';

const KIND: Record<string, string> = { missing: 'denied', both: 'quantity+price', quantity: 'quantity', price: 'price', equal: 'equal' };
const c = (d: number | null | undefined) => (d === null || d === undefined ? null : Math.round(d * 100));

describe.each(SAMPLE_NAMES)('sample %s', (name) => {
  const expected = fixtureJson(name, 'expected.json');
  const parsed = fixtureJson(name, 'parsed.json');
  const rec = runPursue(sampleInput(name));

  test('every one of our lines: match, gap, kind and parts to the cent', () => {
    expect(rec.lines.map((l) => l.ours.item)).toEqual(expected.our_lines.map((e: any) => String(e.our_line)));
    rec.lines.forEach((l, k) => {
      const e = expected.our_lines[k];
      expect({ item: l.ours.item, their: l.match ? l.match.insurer.item : null, gap: l.gap, kind: l.kind, q: l.quantityPart, p: l.pricePart }).toEqual({
        item: String(e.our_line),
        their: e.their_line === null ? null : String(e.their_line),
        gap: c(e.gap),
        kind: KIND[e.category],
        q: c(e.qty_component),
        p: c(e.price_component),
      });
    });
  });

  test('insurer-only lines', () => {
    expect(rec.insurerOnly.map((l) => [l.insurer.item, l.gap])).toEqual(
      expected.insurer_only_lines.map((e: any) => [String(e.their_line), c(e.gap)]),
    );
  });

  test('tax, O&P and total gaps, residual 0.00, reconciled', () => {
    const t = expected.totals;
    expect(rec.taxGap).toBe(c(t.tax_gap));
    expect(rec.overheadProfitGap).toBe(c(t.o_and_p_gap));
    expect(rec.totalGap).toBe(c(t.total_gap));
    expect(rec.sumOfLineGaps).toBe(c(t.sum_gaps_our_lines));
    expect(rec.sumOfInsurerOnlyGaps).toBe(c(t.sum_gaps_insurer_only_lines));
    expect(rec.residual).toBe(0);
    expect(rec.reconciled).toBe(true);
    expect(rec.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  test('parsed lines equal parsed.json line for line', () => {
    const { ours, theirs } = parseInput(sampleInput(name));
    for (const [side, est] of [['ours', ours], ['theirs', theirs]] as const) {
      const want = parsed[side].lines;
      expect(est.lines).toHaveLength(want.length);
      est.lines.forEach((l, k) => {
        const w = want[k];
        expect({ d: l.description, q: l.qty, u: l.unit, p: l.unitPrice, a: l.amount }).toEqual({
          d: w.description, q: w.qty, u: w.unit, p: c(w.unit_price), a: c(w.ext),
        });
        if (w.tax_printed !== null) expect(l.tax).toBe(c(w.tax_printed));
        else expect(l.tax).toBeNull();
        if (w.o_and_p_printed !== null) expect(l.overheadProfit).toBe(c(w.o_and_p_printed));
        if (w.tax_printed !== null) expect(l.rcv).toBe(c(w.rcv_line));
        if (w.depreciation !== undefined) expect(l.depreciation).toBe(c(w.depreciation));
        if (w.source_row !== undefined) expect(l.row).toBe(w.source_row);
        // An area is compared where the paste names one (case1's insurer paste has no areas).
        if (l.area !== '') expect(l.area).toBe(w.area);
        if (side === 'ours' || name !== 'sbs1') expect(l.item).toBe(String(w.line));
      });
    }
  });

  test('the JSON report keeps the documented shape', () => {
    const json = toJsonReport(rec);
    // status, statusMessage and totalsSource added deliberately (issue 10: honest status).
    expect(Object.keys(json)).toEqual(['lines', 'insurerOnly', 'taxGap', 'overheadProfitGap', 'totalGap', 'residual', 'reconciled', 'status', 'statusMessage', 'totalsSource', 'problems']);
    const first = json.lines[0];
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['item', 'area', 'description', 'unit', 'ours', 'insurer', 'gap', 'kind', 'quantityPart', 'pricePart', 'confidence']));
    expect(json.totalGap).toBe(expected.totals.total_gap);
    expect(json.residual).toBe(0);
  });
});

test('case2: the insurer notes under lines are kept verbatim', () => {
  const rec = runPursue(sampleInput('case2'));
  const ice = rec.lines.find((l) => l.ours.description === 'Ice & water barrier')!;
  expect(ice.match?.insurer.note).toBe('Ice & water barrier allowed in valleys only.');
});

test('case2: close wording is matched but flagged for review; the permit in "Debris Removal" / "General" (synonyms) is matched', () => {
  const rec = runPursue(sampleInput('case2'));
  const tearOff = rec.lines[0];
  expect(tearOff.match?.method).toBe('close-wording');
  expect(tearOff.match?.weak).toBe(true);
  expect(rec.problems.some((p) => p.code === 'weak-match' && p.row === tearOff.ours.row)).toBe(true);
  const permit = rec.lines.find((l) => l.ours.item === '40')!;
  // Debris Removal and General are the same area under different names (area paths, issue 10).
  expect(permit.match?.method).toBe('same-area');
  expect(permit.match?.notes.join(' ')).toMatch(/Debris Removal \/ General/);
});

test('case2: different price lists are reported', () => {
  const rec = runPursue(sampleInput('case2'));
  expect(rec.checks.find((k) => k.id === 'price-list')?.status).toBe('fail');
  expect(rec.checks.find((k) => k.id === 'line-sum-ours')?.status).toBe('pass');
  expect(rec.checks.find((k) => k.id === 'line-sum-theirs')?.status).toBe('pass');
  expect(rec.checks.find((k) => k.id === 'recap-ours')?.status).toBe('pass');
});

test('case1: the felt substitution is not paired but mentioned for review', () => {
  const rec = runPursue(sampleInput('case1'));
  const felt = rec.problems.find((p) => p.code === 'possible-substitution');
  expect(felt?.message).toMatch(/Item 3 .*line 2/);
});

test('a match override survives and wins', () => {
  const input = sampleInput('case1');
  input.options = { ...input.options, overrides: { '3': '2' } };
  const rec = runPursue(input);
  const felt = rec.lines.find((l) => l.ours.item === '3')!;
  expect(felt.match?.insurer.item).toBe('2');
  expect(felt.match?.method).toBe('override');
  expect(rec.insurerOnly.map((l) => l.insurer.item)).toEqual(['11']);
  expect(rec.residual).toBe(0);
});
