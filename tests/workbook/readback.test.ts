import { buildWorkbook } from '../../shared/workbook/build';
import { readBackWorkbook, isPursueWorkbook } from '../../shared/workbook/readback';
import { LC, PC, SHEETS, SUGGESTED_PREFIX } from '../../shared/workbook/layout';
import { emptyState, makeStatusEntry, mergeState } from '../../shared/knowledge';
import type { Cell } from '../../shared/types/cells';
import type { PursueState } from '../../shared/types/knowledge';
import type { WorkbookDescription } from '../../shared/types/workbook';
import { evaluate, sampleRec } from './factory';

const today = '2025-09-10';

/** What a host hands back after writing the description: values, formulas as their results. */
function asExisting(wb: WorkbookDescription): Record<string, Cell[][]> {
  const out: Record<string, Cell[][]> = {};
  for (const s of wb.sheets) out[s.name] = s.name === SHEETS.pursue ? evaluate(s) : s.values.map((r) => [...r]);
  return out;
}

function firstState(): PursueState {
  const s = emptyState();
  s.items['3'] = {
    item: '3', description: 'Laminated - comp. shingle rfg.', denialText: 'Priced per carrier pricing.', reasonToApprove: '', rfAsked: false,
    status: [makeStatusEntry('9/02 - emailed adjuster J. Ruiz the price list; next: call Friday', '2025-09-02T15:30:00.000Z', 'Dana')],
    topic: null, override: null, closedOn: null,
  };
  s.topics = [{ name: 'Roof edges', items: ['2', '4'], state: 'suggested' }];
  return s;
}

function rowOf(sheet: Cell[][], key: string): Cell[] {
  const r = sheet.find((row) => typeof row[PC.key] === 'string' && (row[PC.key] as string).split(';')[0] === key);
  if (!r) throw new Error(`no row ${key}`);
  return r;
}

describe('reading back what a person typed', () => {
  test('an untouched workbook gives back exactly the typed state (suggestions are not taken as typed)', () => {
    const st = firstState();
    const wb = buildWorkbook(sampleRec(), st, { today });
    const back = readBackWorkbook(asExisting(wb), { today }).state;
    expect(String(rowOf(asExisting(wb)[SHEETS.pursue]!, 'item:2')[PC.approve])).toMatch(new RegExp(`^${SUGGESTED_PREFIX}`));
    expect(back.items['2']!.reasonToApprove).toBe('');
    expect(back.items['3']!.denialText).toBe('Priced per carrier pricing.');
    expect(back.items['3']!.status).toEqual(st.items['3']!.status);
    expect(back.topics).toEqual(st.topics);
    expect(back.rebuttals).toEqual(st.rebuttals);
    expect(back.weights).toEqual(st.weights);
    expect(isPursueWorkbook(asExisting(wb))).toBe(true);
    expect(isPursueWorkbook({ Sheet1: [['Line', 'Description']] })).toBe(false);
  });

  test('typed denial reasons, reasons to approve, RF flags, notes lines, log rows, overrides, topics, rebuttals and weights all come back', () => {
    const wb = buildWorkbook(sampleRec(), firstState(), { today });
    const ex = asExisting(wb);
    const p = ex[SHEETS.pursue]!;
    rowOf(p, 'item:4')[PC.denial] = 'Ice & water barrier allowed in valleys only.';
    rowOf(p, 'item:4')[PC.rf] = 'y';
    const r2 = rowOf(p, 'item:2');
    r2[PC.approve] = `${String(r2[PC.approve])} Bring the 2021 IRC page.`; // an edited suggestion is the person's now
    const r3 = rowOf(p, 'item:3');
    r3[PC.status] = `${String(r3[PC.status])}\n9/09 – spoke to adjuster J. Ruiz, she will revise; next: wait for revised RE`;
    rowOf(p, 'item:10')[PC.override] = 'None';
    rowOf(p, 'op')[PC.denial] = 'O&P not warranted - only one trade';
    const log = ex[SHEETS.log]!;
    log.push(['', '9/08/2025', '4', 'Kim', 'Called adjuster', '']);
    log.push([null, 45908, '2', 'Kim', 'texted RF Sam for production photos; next: send them to adjuster', null]);
    const topics = ex[SHEETS.topics]!;
    topics[1]![3] = 'accepted';
    topics.push(['Shingles', '3, 10', null, 'accepted']);
    const reb = ex[SHEETS.rebuttals]!;
    const argCol = reb[0]!.indexOf('Reason to approve');
    reb[1]![argCol] = 'Our own words for this category.';
    const pri = ex[SHEETS.priority]!;
    pri.find((r) => r[0] === 'Points if the RF asked')![1] = 55;

    const { state, overrides, statusOrder } = readBackWorkbook(ex, { today });
    expect(state.items['4']!.denialText).toBe('Ice & water barrier allowed in valleys only.');
    expect(state.items['4']!.rfAsked).toBe(true);
    expect(state.items['2']!.reasonToApprove).toMatch(/Bring the 2021 IRC page\.$/);
    expect(state.items['O&P']!.denialText).toBe('O&P not warranted - only one trade');
    expect(state.items['10']!.override).toBe('none');
    expect(overrides).toEqual({ '10': 'none' });
    const s3 = state.items['3']!.status;
    expect(s3).toHaveLength(2);
    expect(s3[1]).toMatchObject({ date: '2025-09-09', text: 'spoke to adjuster J. Ruiz, she will revise; next: wait for revised RE' });
    const s4 = state.items['4']!.status;
    expect(s4).toEqual([expect.objectContaining({ date: '2025-09-08', author: 'Kim', text: 'Called adjuster' })]);
    expect(s4[0]!.missing).toEqual(expect.arrayContaining(['who', 'next step']));
    expect(state.items['2']!.status[0]).toMatchObject({ date: '2025-09-08', author: 'Kim' }); // 45908 = 2025-09-08 as an Excel serial
    expect(statusOrder).toHaveLength(3);
    expect(state.topics).toEqual([
      { name: 'Roof edges', items: ['2', '4'], state: 'accepted' },
      { name: 'Shingles', items: ['3', '10'], state: 'accepted' },
    ]);
    expect(state.rebuttals[0]!.argument).toBe('Our own words for this category.');
    expect(state.weights.rfAsked).toBe(55);
  });

  test('rows re-sorted and columns moved by a person are still read by their Key and header', () => {
    const wb = buildWorkbook(sampleRec(), firstState(), { today });
    const ex = asExisting(wb);
    const p = ex[SHEETS.pursue]!;
    rowOf(p, 'item:4')[PC.denial] = 'Not visible in photos provided';
    // Sort the data rows by Gap descending, then swap the two reason columns everywhere.
    const header = p[0]!;
    const lastData = p.findIndex((r) => String(r[PC.key] ?? '') === 'tax');
    const data = p.slice(1, lastData + 1).sort((a, b) => Number(b[PC.gap]) - Number(a[PC.gap]));
    const sorted = [header, ...data, ...p.slice(lastData + 1)].map((r) => {
      const c = [...r];
      [c[PC.denial], c[PC.approve]] = [c[PC.approve]!, c[PC.denial]!];
      return c;
    });
    ex[SHEETS.pursue] = sorted;
    const state = readBackWorkbook(ex, { today }).state;
    expect(state.items['4']!.denialText).toBe('Not visible in photos provided');
    expect(state.items['3']!.denialText).toBe('Priced per carrier pricing.');
  });

  test('a re-build keeps every earlier Status Log row as it was and appends the new ones', () => {
    const rec = sampleRec();
    const wb1 = buildWorkbook(rec, firstState(), { today });
    const ex = asExisting(wb1);
    rowOf(ex[SHEETS.pursue]!, 'item:3')[PC.status] += '\n9/09 – spoke to adjuster J. Ruiz, she will revise; next: wait';
    ex[SHEETS.log]!.push(['', '9/08/2025', '4', 'Kim', 'Called adjuster', '']);
    const oldLog = ex[SHEETS.log]!.map((r) => [...r]);
    const read = readBackWorkbook(ex, { today });
    const merged = mergeState(read.state, rec, today);
    const wb2 = buildWorkbook(rec, merged.state, { today, statusOrder: read.statusOrder });
    const log2 = wb2.sheets.find((s) => s.name === SHEETS.log)!.values;
    // Row 2 was written by the first build: unchanged. Row 3 was typed: it keeps its place and words.
    expect(log2[1]).toEqual(oldLog[1]);
    expect(log2[2]![LC.text]).toBe('Called adjuster');
    expect(log2[2]![LC.item]).toBe('4');
    expect(log2).toHaveLength(4);
    expect(log2[3]![LC.text]).toBe('spoke to adjuster J. Ruiz, she will revise; next: wait');
    // A third run over the second changes nothing that was there.
    const ex2 = asExisting(wb2);
    const read2 = readBackWorkbook(ex2, { today });
    const wb3 = buildWorkbook(rec, mergeState(read2.state, rec, today).state, { today, statusOrder: read2.statusOrder });
    expect(wb3.sheets.find((s) => s.name === SHEETS.log)!.values).toEqual(log2);
    const notes = rowOf(asExisting(wb3)[SHEETS.pursue]!, 'item:3')[PC.status];
    expect(String(notes).split('\n')).toHaveLength(2);
  });

  test('the gap each row had comes back in cents: the Gap $ value, else Ours $ − Insurer $', () => {
    const rec = sampleRec();
    const l4 = rec.lines.find((l) => l.ours.item === '4')!;
    l4.gap += 1234; // line tax folded in: Gap $ is a figure, not Ours $ − Insurer $
    const st = firstState();
    st.topics = [{ name: 'Roof edges', items: ['2', '10'], state: 'accepted' }];
    const wb = buildWorkbook(rec, st, { today });
    const gapOf = (item: string) => rec.lines.find((l) => l.ours.item === item)!.gap;

    // Formulas read as their results.
    const calculated = readBackWorkbook(asExisting(wb), { today }).state;
    for (const item of ['1', '3', '4']) expect(calculated.items[item]!.gap).toBe(gapOf(item));
    expect(calculated.items['4']!.gap).not.toBe(l4.ours.amount - l4.match!.insurer.amount);
    expect(calculated.items['O&P']!.gap).toBe(rec.overheadProfitGap);
    expect(calculated.items['Tax']!.gap).toBe(rec.taxGap);
    // A topic row holds its members' sum: no member's own gap is guessed from it.
    expect(calculated.items['2']!.gap).toBeUndefined();
    expect(calculated.items['10']!.gap).toBeUndefined();

    // Formulas without a result (a file never calculated): Ours $ − Insurer $; a written figure stays.
    const uncalculated: Record<string, Cell[][]> = Object.fromEntries(wb.sheets.map((s) => [s.name, s.values.map((r) => [...r])]));
    const p = uncalculated[SHEETS.pursue]!;
    expect(rowOf(p, 'item:3')[PC.gap]).toBeNull();
    const back = readBackWorkbook(uncalculated, { today }).state;
    for (const item of ['1', '3', '4']) expect(back.items[item]!.gap).toBe(gapOf(item));
    expect(back.items['O&P']!.gap).toBe(rec.overheadProfitGap);
    expect(back.items['Tax']!.gap).toBe(rec.taxGap);

    // Money typed as text is read as money.
    rowOf(p, 'item:3')[PC.ours] = '$8,534.29';
    rowOf(p, 'item:3')[PC.insurer] = '8214.10';
    rowOf(p, 'item:1')[PC.gap] = '$ -';
    expect(readBackWorkbook(uncalculated, { today }).state.items['3']!.gap).toBe(853429 - 821410);
    expect(readBackWorkbook(uncalculated, { today }).state.items['1']!.gap).toBe(0);
  });

  test('a Status Log row without an item is kept and reported', () => {
    const wb = buildWorkbook(sampleRec(), firstState(), { today });
    const ex = asExisting(wb);
    ex[SHEETS.log]!.push(['', '', '', 'Kim', '9/07 adjuster J. Ruiz said the RE is coming; next: review it', '']);
    const r = readBackWorkbook(ex, { today });
    expect(r.state.items['(no item)']!.status[0]!.date).toBe('2025-09-07');
    expect(r.warnings.some((w) => /Status Log row \d+ has no item number/.test(w.message))).toBe(true);
  });
});
