import {
  appendStatus,
  emptyState,
  makeStatusEntry,
  mergeState,
  OP_ITEM,
} from '../../shared/knowledge';
import { pursueModel, readiness, rowsByItem } from '../../shared/model';
import type { ItemAnnotation, PursueState } from '../../shared/types/knowledge';
import { makeRec } from './factory';

const DRIP_NOTE = 'Drip edge at eaves only; no drip edge present at rakes pre-loss.';
const ICE_NOTE = 'Ice & water barrier allowed in valleys only.';
const GUARD_NOTE = 'Gutter guards not damaged (cosmetic denting only).';

// First revised estimate from the insurer.
const REV1 = makeRec(
  [
    { item: '1', description: 'Drip edge', ours: 50000, theirs: 25000, note: DRIP_NOTE },
    { item: '2', description: 'Ice & water barrier', ours: 173808, theirs: 86904, note: ICE_NOTE },
    { item: '3', description: 'Asphalt starter - universal starter course', ours: 40000, theirs: null },
    { item: '4', description: 'R&R Siding - vinyl', ours: 241000, theirs: null, area: 'Right Elevation' },
    { item: '5', description: 'Step flashing', ours: 30000, theirs: 20000 },
    { item: '6', description: 'Dumpster load', ours: 61200, theirs: 61200 },
    { item: '8', description: 'R&R Vinyl outside corner post', ours: 25632, theirs: null, area: 'Right Elevation' },
  ],
  { ours: 403154, theirs: 333284 },
);

// Second revision: 2 approved (gap closes), 1 partly approved, 4 gone from the comparison,
// 5 re-described, 7 new with an insurer note, 3 and 8 unchanged, O&P approved.
const REV2 = makeRec(
  [
    { item: '1', description: 'Drip edge', ours: 50000, theirs: 40000, note: DRIP_NOTE },
    { item: '2', description: 'Ice & water barrier', ours: 173808, theirs: 173808 },
    { item: '3', description: 'Asphalt starter - universal starter course', ours: 40000, theirs: null },
    { item: '5', description: 'Step flashing - aluminum', ours: 30000, theirs: 20000 },
    { item: '6', description: 'Dumpster load', ours: 61200, theirs: 61200 },
    { item: '7', description: 'R&R Gutter guard/screen', ours: 31000, theirs: 0, note: GUARD_NOTE },
    { item: '8', description: 'R&R Vinyl outside corner post', ours: 25632, theirs: null, area: 'Right Elevation' },
  ],
  { ours: 403154, theirs: 403154 },
);

const NOW1 = '2026-09-03T15:00:00Z';

/** What a person does with the first run's sheet. */
function typeIntoSheet(s: PursueState): PursueState {
  const items: Record<string, ItemAnnotation> = JSON.parse(JSON.stringify(s.items));
  items['1'].reasonToApprove = 'IRC R905.2.8.5: drip edge at rakes too; O&L coverage on dec page';
  items['1'].status = appendStatus(items['1'].status, makeStatusEntry('9/02 – spoke to adjuster J. Ruiz, confirmed denial reason; next: send code citation', NOW1, 'Ana'));
  items['1'].status = appendStatus(items['1'].status, makeStatusEntry('Called adjuster', NOW1, 'Ana'));
  items['2'].status = appendStatus(items['2'].status, makeStatusEntry('9/03 – sent eave overhang photos to J. Ruiz; he will revise', NOW1, 'Ben'));
  items['2'].reasonToApprove = 'R905.1.2: 24 in. inside the wall line';
  items['3'].denialText = 'Rakes included in waste (per phone call)';
  items['4'].rfAsked = true;
  items['4'].topic = 'Siding';
  items['4'].denialText = 'Siding is repairable';
  items['4'].status = appendStatus(items['4'].status, makeStatusEntry('9/03 – RF says siding is discontinued; next: get letter from supplier', NOW1, 'Ana'));
  items['5'].override = '12';
  items['8'].topic = 'Siding';
  items[OP_ITEM].denialText = 'O&P not warranted - only one trade';
  return {
    ...s,
    items,
    topics: [
      { name: 'Siding', items: ['4', '8'], state: 'accepted' },
      { name: 'Roof edges & underlayment', items: ['1', '2', '3'], state: 'refused' },
    ],
  };
}

/** Everything a person can type on an item. */
function typed(a: ItemAnnotation) {
  return { denialText: a.denialText, reasonToApprove: a.reasonToApprove, rfAsked: a.rfAsked, status: a.status, topic: a.topic, override: a.override };
}

describe('mergeState over two revisions', () => {
  const first = mergeState(emptyState(), REV1, '2026-09-01');
  const edited = typeIntoSheet(first.state);
  const editedCopy: PursueState = JSON.parse(JSON.stringify(edited));
  const second = mergeState(edited, REV2, '2026-09-10');
  const s2 = second.state;
  const warningsFor = (item: string) => second.warnings.filter((w) => w.item === item).map((w) => w.message);

  test('first run: an item per line plus O&P; the insurer notes become the denial text; no warnings', () => {
    expect(Object.keys(first.state.items)).toEqual(['1', '2', '3', '4', '5', '6', '8', OP_ITEM]);
    expect(first.state.items['1'].denialText).toBe(DRIP_NOTE);
    expect(first.state.items['2'].denialText).toBe(ICE_NOTE);
    expect(first.state.items['3'].denialText).toBe('');
    expect(first.state.items['6'].closedOn).toBeNull();
    expect(first.warnings).toEqual([]);
    expect(first.state.topics).toEqual([
      { name: 'Siding', items: ['4', '8'], state: 'suggested' },
      { name: 'Roof edges & underlayment', items: ['1', '2', '3'], state: 'suggested' },
    ]);
  });

  test('nothing typed is lost, on any item', () => {
    for (const [key, before] of Object.entries(editedCopy.items)) {
      expect(s2.items[key]).toBeDefined();
      expect(typed(s2.items[key])).toEqual(typed(before));
    }
  });

  test('the previous state is not modified', () => {
    expect(edited).toEqual(editedCopy);
  });

  test('approved item: kept and marked closed, with its notes', () => {
    expect(s2.items['2'].closedOn).toBe('2026-09-10');
    expect(s2.items['2'].gap).toBe(0);
    expect(s2.items['2'].status).toHaveLength(1);
    expect(warningsFor('2').join(' ')).toMatch(/no gap left .* kept and marked closed/);
  });

  test('partly approved item: open, new gap, typed reason kept', () => {
    expect(s2.items['1'].closedOn).toBeNull();
    expect(s2.items['1'].gap).toBe(10000);
    expect(s2.items['1'].reasonToApprove).toMatch(/R905\.2\.8\.5/);
    expect(warningsFor('1')).toEqual([]);
  });

  test('removed item: kept with a warning, marked absent', () => {
    expect(s2.items['4'].absentSince).toBe('2026-09-10');
    expect(s2.items['4'].rfAsked).toBe(true);
    expect(warningsFor('4')).toHaveLength(1);
    expect(warningsFor('4')[0]).toMatch(/Item 4 \(R&R Siding - vinyl\) is not in this reconciliation/);
  });

  test('re-described item: carried over by item number with a warning', () => {
    expect(s2.items['5'].description).toBe('Step flashing - aluminum');
    expect(s2.items['5'].override).toBe('12');
    expect(warningsFor('5')).toHaveLength(1);
    expect(warningsFor('5')[0]).toMatch(/was "Step flashing" and is now "Step flashing - aluminum"/);
  });

  test('added item: the insurer note under its matched line becomes its denial text', () => {
    expect(s2.items['7']).toMatchObject({ item: '7', denialText: GUARD_NOTE, reasonToApprove: '', status: [], closedOn: null });
    expect(warningsFor('7')).toEqual([]);
  });

  test('a typed denial text is never replaced by the insurer note', () => {
    expect(s2.items['3'].denialText).toBe('Rakes included in waste (per phone call)');
  });

  test('a line that was always equal is not "closed"', () => {
    expect(s2.items['6'].closedOn).toBeNull();
  });

  test('O&P approved: its row is kept and closed', () => {
    expect(s2.items[OP_ITEM].closedOn).toBe('2026-09-10');
    expect(s2.items[OP_ITEM].denialText).toBe('O&P not warranted - only one trade');
  });

  test('topics: accepted and refused stay (with an absent item), suggestions are redone', () => {
    expect(s2.topics).toEqual([
      { name: 'Siding', items: ['4', '8'], state: 'accepted' },
      { name: 'Roof edges & underlayment', items: ['1', '2', '3'], state: 'refused' },
    ]);
  });

  test('rebuttals and weights are carried, as copies', () => {
    expect(s2.rebuttals).toEqual(edited.rebuttals);
    expect(s2.rebuttals).not.toBe(edited.rebuttals);
    expect(s2.weights).toEqual(edited.weights);
    expect(s2.weights.categories).not.toBe(edited.weights.categories);
  });

  test('a third run with the first revision again: item 4 back, item 2 open again, all notes still there', () => {
    const third = mergeState(s2, REV1, '2026-09-20');
    expect(third.state.items['4'].absentSince).toBeNull();
    expect(third.warnings.some((w) => w.item === '4' && /back in this revision/.test(w.message))).toBe(true);
    expect(third.state.items['2'].closedOn).toBeNull();
    expect(third.warnings.some((w) => w.item === '2' && /open again/.test(w.message))).toBe(true);
    // Item 7 is not in revision 1: kept.
    expect(third.state.items['7'].denialText).toBe(GUARD_NOTE);
    for (const [key, before] of Object.entries(editedCopy.items)) expect(typed(third.state.items[key])).toEqual(typed(before));
  });

  test('a changed insurer note is reported when the person typed their own denial text', () => {
    const withTyped = JSON.parse(JSON.stringify(s2)) as PursueState;
    withTyped.items['7'].denialText = 'Adjuster: guards only dented';
    const rev3 = makeRec([{ item: '7', description: 'R&R Gutter guard/screen', ours: 31000, theirs: 0, note: 'Not visible in photos provided' }]);
    const r = mergeState(withTyped, rev3, '2026-09-21');
    expect(r.state.items['7'].denialText).toBe('Adjuster: guards only dented');
    expect(r.warnings.some((w) => w.item === '7' && /note on item 7 changed to "Not visible in photos provided"/.test(w.message))).toBe(true);
  });
});

describe('readiness', () => {
  const state = mergeState(emptyState(), REV1, '2026-09-01').state;
  state.items['1'].reasonToApprove = 'Code: R905.2.8.5';
  state.items['1'].status = [makeStatusEntry('9/08 – spoke to J. Ruiz, he will revise', '2026-09-08T10:00:00Z', 'Ana')];
  state.items['4'].denialText = 'Siding is repairable';
  state.items['4'].reasonToApprove = 'Discontinued';
  state.items['4'].status = [makeStatusEntry('8/20 – RF says discontinued; next: supplier letter', '2026-08-20T10:00:00Z', 'Ana')];

  const issues = readiness(pursueModel(REV1, state), { minGap: 20000, days: 7, today: '2026-09-10' });

  test('lists open items over the gap with what they lack, largest gap first', () => {
    expect(issues.map((i) => [i.item, i.gap, i.missing])).toEqual([
      ['4', 241000, ['recent status']],
      ['2', 86904, ['reason to approve', 'recent status']],
      [OP_ITEM, 69870, ['denial reason', 'reason to approve', 'recent status']],
      ['3', 40000, ['denial reason', 'reason to approve', 'recent status']],
      ['8', 25632, ['denial reason', 'reason to approve', 'recent status']],
    ]);
  });

  test('item 1 is ready; item 5 is under the gap; item 6 has none', () => {
    const items = issues.map((i) => i.item);
    expect(items).not.toContain('1');
    expect(items).not.toContain('5');
    expect(items).not.toContain('6');
  });

  test('the message says what to do, with the gap in dollars', () => {
    const msg = issues.find((i) => i.item === '3')?.message ?? '';
    expect(msg).toMatch(/^Item 3 \(Asphalt starter - universal starter course\), gap \$400\.00: /);
    expect(msg).toMatch(/ask the adjuster for the reason for denial/);
    expect(msg).toMatch(/no status note in the last 7 days/);
  });

  test('an entry exactly N days old still counts as recent', () => {
    const r = readiness(pursueModel(REV1, state), { minGap: 20000, days: 21, today: '2026-09-10' });
    expect(r.find((i) => i.item === '4')).toBeUndefined();
  });
});

describe('the per-item model', () => {
  test('category, suggestion and rank per line from the insurer notes alone', () => {
    const model = pursueModel(REV1, emptyState());
    const byItem = rowsByItem(model);
    const one = byItem.get('1')!;
    expect(one).toMatchObject({ denial: DRIP_NOTE, category: 'code', approveSuggested: true });
    expect(one.rebuttal?.key).toBe('drip-edge');
    expect(one.approve).toContain('IRC R905.2.8.5');
    expect(byItem.get('2')).toMatchObject({ category: 'quantity', rebuttal: expect.objectContaining({ key: 'ice-water' }) });
    expect(byItem.get('3')).toMatchObject({ denial: '', category: null, rebuttal: expect.objectContaining({ key: 'starter' }) });
    const op = byItem.get(OP_ITEM)!;
    expect(op.rebuttal?.key).toBe('op');
    // Only rows with an open gap are ranked, 1..n once each; the rest have no priority.
    const ranks = model.ranked.map((r) => r.priority!.rank);
    expect(ranks).toEqual(ranks.map((_, i) => i + 1));
    for (const r of model.rows) expect(r.priority !== null).toBe(r.gap > 0 && r.kind !== 'tax' && r.kind !== 'insurer-only' && r.closedOn === null);
    // The biggest gap (siding, $2,410) is capped at 50 points and ranks first.
    expect(model.ranked[0]!.items).toEqual(['4']);
  });

  test('every open row with a gap has a next step; a denied item with no reason asks for it', () => {
    const model = pursueModel(REV1, emptyState());
    for (const r of model.rows) expect(r.nextStep !== null).toBe(r.gap > 0 && r.kind !== 'insurer-only' && r.closedOn === null);
    const denied = model.rows.find((r) => r.gapKind === 'denied' && r.denial === '');
    if (denied) expect(denied.nextStep).toMatch(/^Ask the adjuster for the denial reason in writing\./);
    expect(rowsByItem(model).get(OP_ITEM)!.nextStep).toMatch(/^Ask the adjuster for the denial reason in writing\./);
  });

  test('uses what a person typed: RF asked moves an item up', () => {
    const state = mergeState(emptyState(), REV1, '2026-09-01').state;
    const before = rowsByItem(pursueModel(REV1, state)).get('8')!.priority!;
    state.items['8'].rfAsked = true;
    const after = rowsByItem(pursueModel(REV1, state)).get('8')!.priority!;
    expect(after.parts.rfAsked).toBe(state.weights.rfAsked);
    expect(after.rank).toBeLessThan(before.rank);
  });
});

describe('the tax row', () => {
  test('notes typed on the tax row are kept without an "absent" warning, and no tax entry is made on its own', () => {
    const first = mergeState(emptyState(), REV1, '2026-09-01').state;
    expect(first.items['Tax']).toBeUndefined();
    first.items['Tax'] = {
      item: 'Tax', description: 'Material sales tax', denialText: 'Tax on labor not owed', reasonToApprove: '', rfAsked: false,
      status: [makeStatusEntry('9/02 – asked J. Ruiz for the tax basis; next: call Friday', NOW1, 'Ana')], topic: null, override: null, closedOn: null,
    };
    const r = mergeState(first, { ...REV2, taxGap: 1234 }, '2026-09-10');
    expect(r.state.items['Tax'].gap).toBe(1234);
    expect(r.state.items['Tax'].denialText).toBe('Tax on labor not owed');
    expect(r.state.items['Tax'].status).toHaveLength(1);
    expect(r.warnings.filter((w) => w.item === 'Tax')).toEqual([]);
    // Tax approved in a later revision: the row closes like any item's.
    const closed = mergeState(r.state, REV2, '2026-09-12');
    expect(closed.state.items['Tax'].closedOn).toBe('2026-09-12');
    expect(closed.warnings.find((w) => w.item === 'Tax')?.message).toMatch(/^The tax row has no gap left/);
  });
});
