import { buildWorkbook } from '../../shared/workbook/build';
import { PC, PURSUE_COLUMNS, SHEETS, SUGGESTED_PREFIX, TOTAL_LABELS, parseKey } from '../../shared/workbook/layout';
import { colLetter as X } from '../../shared/workbook/a1';
import { emptyState, explainPriority, makeStatusEntry } from '../../shared/knowledge';
import type { PursueState } from '../../shared/types/knowledge';
import type { SheetDescription } from '../../shared/types/workbook';
import { cents, evaluate, sampleRec } from './factory';

const today = '2025-09-10';

function stateWith(edit: (s: PursueState) => void = () => {}): PursueState {
  const s = emptyState();
  edit(s);
  return s;
}

function annotate(s: PursueState, item: string, a: Partial<PursueState['items'][string]>): void {
  const base = s.items[item] ?? { item, description: '', denialText: '', reasonToApprove: '', rfAsked: false, status: [], topic: null, override: null, closedOn: null };
  s.items[item] = { ...base, ...a };
}

function pursue(s: PursueState = stateWith(), rec = sampleRec()): SheetDescription {
  return buildWorkbook(rec, s, { today }).sheets[0]!;
}

function rowOfKey(sheet: SheetDescription, key: string): number {
  const r = sheet.values.findIndex((row) => typeof row[PC.key] === 'string' && (row[PC.key] as string).split(';')[0] === key);
  if (r < 0) throw new Error(`no row with key ${key}`);
  return r;
}

function rowOfLabel(sheet: SheetDescription, start: string): number {
  return sheet.values.findIndex((row) => typeof row[PC.name] === 'string' && (row[PC.name] as string).startsWith(start));
}

describe('Pursue workbook description', () => {
  test('sheets come in order, Pursue Items first, every block the size of the grid', () => {
    const wb = buildWorkbook(sampleRec(), stateWith(), { today });
    expect(wb.sheets.map((s) => s.name)).toEqual([SHEETS.pursue, SHEETS.brief, SHEETS.log, SHEETS.topics, SHEETS.rebuttals, SHEETS.priority, SHEETS.checks]);
    for (const s of wb.sheets) {
      for (const block of [s.values, s.formulas, s.numberFormats, s.bold, s.italic, s.fontColors, s.fills, s.wrap, s.hAlign]) {
        expect(block).toHaveLength(s.rowCount);
        for (const row of block) expect(row).toHaveLength(s.colCount);
      }
      expect(s.columnWidths).toHaveLength(s.colCount);
      // Every string is text-formatted, so no writer can turn it into a formula.
      s.values.forEach((row, r) => row.forEach((v, c) => {
        if (typeof v === 'string') expect(s.numberFormats[r]![c]).toBe('@');
        if (s.formulas[r]![c] !== null) expect(v).toBeNull();
      }));
    }
  });

  test('header, columns and rows in our item-number order, then insurer-only, O&P, tax', () => {
    const s = pursue();
    expect(s.values[0]!.slice(0, 13)).toEqual([
      'Priority', 'Item No(s).', 'Area', 'Item Name', 'Ours $', 'Insurer $', 'Gap $', 'Gap kind', 'Reason for denial', 'Reason to approve', 'Status / notes', 'Next step', 'RF asked',
    ]);
    expect(s.values[0]).toEqual([...PURSUE_COLUMNS]);
    const keys = s.values.slice(1).map((r) => r[PC.key]).filter((k): k is string => typeof k === 'string').map((k) => k.split(';')[0]);
    expect(keys).toEqual(['item:1', 'item:2', 'item:3', 'item:4', 'item:10', 're:9', 'op', 'tax', 'sum', 'total', 'residual']);
    expect(s.values[rowOfKey(s, 'item:10')]![PC.item]).toBe(10);
    expect(s.frozenRows).toBe(1);
    expect(s.filter).toBe(`A1:${X(PC.key)}${rowOfKey(s, 'tax') + 1}`);
    expect(s.print.landscape).toBe(true);
    expect(s.print.fitToPageWide).toBe(true);
  });

  test('Next step: every open row with a gap has one (the Call Brief says the same); rows with nothing to pursue have none', () => {
    const wb = buildWorkbook(sampleRec(), stateWith(), { today });
    const s = wb.sheets[0]!;
    const brief = wb.sheets[1]!;
    for (let r = 1; r < s.values.length; r++) {
      const key = String(s.values[r]![PC.key] ?? '').split(';')[0]!;
      if (key === '' || ['sum', 'total', 'residual'].includes(key)) continue;
      const gap = Number(s.values[r]![PC.gap] ?? 0) || (Number(s.values[r]![PC.ours]) - Number(s.values[r]![PC.insurer]));
      const next = String(s.values[r]![PC.nextStep] ?? '');
      expect({ key, hasNext: next !== '' }).toEqual({ key, hasNext: !key.startsWith('re:') && Math.round(gap * 100) > 0 });
      const inBrief = brief.values.find((b) => b[0] === s.values[r]![PC.priority]);
      if (typeof s.values[r]![PC.priority] === 'number' && inBrief) expect(inBrief[7]).toBe(next);
    }
  });

  test('Gap is a live formula Ours − Insurer with currency formats showing negatives', () => {
    const s = pursue();
    const r = rowOfKey(s, 'item:3');
    expect(s.formulas[r]![PC.gap]).toBe(`=${X(PC.ours)}${r + 1}-${X(PC.insurer)}${r + 1}`);
    expect(s.values[r]![PC.ours]).toBe(8534.29);
    expect(s.values[r]![PC.insurer]).toBe(8214.1);
    const money = s.numberFormats[r]![PC.gap]!;
    expect(money).toMatch(/\$/);
    expect(money.split(';')[1]).toMatch(/-/); // negatives keep their sign
    expect(money).toMatch(/\[Red\]/);
    const only = rowOfKey(s, 're:9');
    expect(s.values[only]![PC.ours]).toBe(0);
    expect(s.values[only]![PC.insurer]).toBe(120);
    expect(s.values[only]![PC.item]).toBe('RE 9');
  });

  test('totals: Sum of gaps, Total gap and Residual are formulas that reproduce the engine figures', () => {
    const rec = sampleRec();
    const s = pursue(stateWith(), rec);
    const sum = rowOfLabel(s, 'Sum of gaps');
    const total = rowOfLabel(s, 'Total gap');
    const residual = rowOfLabel(s, 'Residual');
    expect(s.values[sum]![PC.name]).toBe(TOTAL_LABELS.sum);
    expect([sum, total, residual].every((r) => r > rowOfKey(s, 'tax'))).toBe(true);
    expect(s.formulas[sum]![PC.gap]).toBe(`=SUM(${X(PC.gap)}2:${X(PC.gap)}${rowOfKey(s, 'tax') + 1})`);
    expect(s.formulas[total]![PC.gap]).toBe(`=${X(PC.ours)}${total + 1}-${X(PC.insurer)}${total + 1}`);
    expect(s.formulas[residual]![PC.gap]).toBe(`=${X(PC.gap)}${total + 1}-${X(PC.gap)}${sum + 1}`);
    const v = evaluate(s);
    expect(cents(v[sum]![PC.gap]!)).toBe(rec.sumOfParts);
    expect(cents(v[total]![PC.gap]!)).toBe(rec.totalGap);
    expect(cents(v[residual]![PC.gap]!)).toBe(rec.residual);
    expect(v[residual]![PC.kind]).toBe('Reconciled');
    for (const l of rec.lines) expect(cents(v[rowOfKey(s, `item:${l.ours.item}`)]![PC.gap]!)).toBe(l.gap);
    expect(cents(v[rowOfKey(s, 'op')]![PC.gap]!)).toBe(rec.overheadProfitGap);
    expect(cents(v[rowOfKey(s, 'tax')]![PC.gap]!)).toBe(rec.taxGap);
  });

  test('a residual beyond the tolerance reads "Not reconciled", with a red rule on the mark', () => {
    const rec = sampleRec({ residualExtra: 5000 });
    const s = pursue(stateWith(), rec);
    const residual = rowOfLabel(s, 'Residual');
    const v = evaluate(s);
    expect(cents(v[residual]![PC.gap]!)).toBe(5000);
    expect(v[residual]![PC.kind]).toBe('Not reconciled');
    const rules = s.conditionalFormats.filter((c) => c.range === `${X(PC.kind)}${residual + 1}`);
    expect(rules.map((r) => r.formula)).toEqual([`=$${X(PC.kind)}$${residual + 1}="Reconciled"`, `=$${X(PC.kind)}$${residual + 1}="Not reconciled"`]);
  });

  test('formula-looking descriptions and typed text stay text', () => {
    const s = pursue(stateWith((st) => annotate(st, '2', { denialText: '=1+1 not needed', reasonToApprove: '+IRC R905.2.8.5', status: [makeStatusEntry('9/03 - @adjuster said no', '2025-09-03T10:00:00', 'AM')] })));
    const r10 = rowOfKey(s, 'item:10');
    expect(s.values[r10]![PC.name]).toBe('=HYPERLINK("http://x","click") +1 starter');
    expect(s.formulas[r10]![PC.name]).toBeNull();
    expect(s.numberFormats[r10]![PC.name]).toBe('@');
    const r2 = rowOfKey(s, 'item:2');
    expect(s.values[r2]![PC.denial]).toBe('=1+1 not needed');
    expect(s.values[r2]![PC.approve]).toBe('+IRC R905.2.8.5');
    for (const c of [PC.denial, PC.approve, PC.status]) expect(s.numberFormats[r2]![c]).toBe('@');
  });

  test('typed annotations show; a missing reason to approve gets a marked suggestion; notes are dated lines', () => {
    const s = pursue(stateWith((st) => {
      annotate(st, '2', { denialText: 'Drip edge at eaves only; no drip edge present at rakes pre-loss.', rfAsked: true, status: [
        makeStatusEntry('9/03 - spoke to adjuster J. Ruiz, confirmed denial reason; next: send code citation', '2025-09-03T10:00:00', 'AM'),
        makeStatusEntry('9/05 - Called adjuster', '2025-09-05T10:00:00', 'AM'),
      ] });
      annotate(st, '3', { reasonToApprove: 'Our price list is the current one.' });
    }));
    const r2 = rowOfKey(s, 'item:2');
    expect(s.values[r2]![PC.denial]).toBe('Drip edge at eaves only; no drip edge present at rakes pre-loss.');
    expect(s.values[r2]![PC.rf]).toBe('Y');
    expect(String(s.values[r2]![PC.approve])).toMatch(new RegExp(`^${SUGGESTED_PREFIX}`));
    expect(s.italic[r2]![PC.approve]).toBe(true);
    expect(parseKey(String(s.values[r2]![PC.key]))!.attrs.r).toBeTruthy();
    expect(s.values[r2]![PC.status]).toBe('9/03/2025 – spoke to adjuster J. Ruiz, confirmed denial reason; next: send code citation\n9/05/2025 – Called adjuster');
    expect(s.wrap[r2]![PC.status]).toBe(true);
    const r3 = rowOfKey(s, 'item:3');
    expect(s.values[r3]![PC.approve]).toBe('Our price list is the current one.');
    expect(s.italic[r3]![PC.approve]).toBe(false);
    expect(parseKey(String(s.values[r3]![PC.key]))!.attrs.r).toBeUndefined();
  });

  test('an accepted topic is one row at its first item with the members\' sum; suggested topics are not combined', () => {
    const rec = sampleRec();
    const s = pursue(stateWith((st) => {
      st.topics = [
        { name: 'Shingles', items: ['3', '10'], state: 'accepted' },
        { name: 'Edges', items: ['2', '4'], state: 'suggested' },
      ];
    }), rec);
    const keys = s.values.slice(1).map((r) => String(r[PC.key] ?? '').split(';')[0]).filter((k) => k !== '');
    expect(keys.slice(0, 5)).toEqual(['item:1', 'item:2', 'topic:Shingles', 'item:4', 're:9']);
    const t = rowOfKey(s, 'topic:Shingles');
    expect(s.values[t]![PC.item]).toBe('3, 10');
    const v = evaluate(s);
    const l3 = rec.lines.find((l) => l.ours.item === '3')!.gap;
    const l10 = rec.lines.find((l) => l.ours.item === '10')!.gap;
    expect(cents(v[t]![PC.gap]!)).toBe(l3 + l10);
    expect(s.values[t]![PC.kind]).toBe('mixed');
    expect(cents(v[rowOfLabel(s, 'Sum of gaps')]![PC.gap]!)).toBe(rec.sumOfParts);
  });

  test('top priorities: ranks for open rows with a gap, a highlight rule, notes explaining the score', () => {
    const s = pursue();
    const ranks = s.values.slice(1).map((r) => r[PC.priority]).filter((x): x is number => typeof x === 'number');
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks.map((_, i) => i + 1));
    expect(s.values[rowOfKey(s, 'item:1')]![PC.priority]).toBeNull(); // equal line: nothing to pursue
    expect(s.values[rowOfKey(s, 're:9')]![PC.priority]).toBeNull();
    const rule = s.conditionalFormats[0]!;
    expect(rule.range).toBe(`A2:${X(PC.key)}${rowOfKey(s, 'tax') + 1}`);
    expect(rule.formula).toBe('=AND(ISNUMBER($A2),$A2<=5)');
    expect(rule.fill).toBeTruthy();
    expect(s.notes.find((n) => n.cell === 'A1')!.text).toMatch(/per \$100 of gap/);
  });

  test('data validation: RF asked Y/N, Gap kind list', () => {
    const s = pursue();
    const rf = s.validations.find((v) => v.range.startsWith(X(PC.rf)))!;
    expect(rf.list).toEqual(['Y', 'N']);
    expect(rf.range).toBe(`${X(PC.rf)}2:${X(PC.rf)}${rowOfKey(s, 'tax') + 1}`);
    const kind = s.validations.find((v) => v.range.startsWith(X(PC.kind)))!;
    expect(kind.list).toEqual(expect.arrayContaining(['denied', 'quantity', 'price', 'quantity+price', 'equal']));
    expect(kind.range).toBe(`${X(PC.kind)}2:${X(PC.kind)}${rowOfKey(s, 'item:10') + 1}`);
  });

  test('a closed item stays, marked closed and greyed, with no priority', () => {
    const s = pursue(stateWith((st) => annotate(st, '1', { denialText: 'Allowed in revision', closedOn: '2025-09-08' })));
    const r = rowOfKey(s, 'item:1');
    expect(s.values[r]![PC.priority]).toBe('closed');
    expect(parseKey(String(s.values[r]![PC.key]))!.attrs.closed).toBe('2025-09-08');
    expect(s.fills[r]![PC.name]).not.toBeNull();
    expect(s.notes.some((n) => n.cell === `${X(PC.name)}${r + 1}` && /closed on 9\/8\/2025/.test(n.text))).toBe(true);
  });

  test('Status Log keeps the given order of earlier rows and appends new entries after them', () => {
    const st = stateWith((x) => {
      annotate(x, '3', { status: [makeStatusEntry('9/01 - a', '2025-09-01T09:00:00', 'A'), makeStatusEntry('9/09 - c', '2025-09-09T09:00:00', 'A')] });
      annotate(x, '2', { status: [makeStatusEntry('9/05 - b', '2025-09-05T09:00:00', 'B'), makeStatusEntry('8/30 - new backdated', '2025-08-30T00:00:00', 'B')] });
    });
    const order = ['3\u00012025-09-09T09:00:00\u0001A\u0001c', '2\u00012025-09-05T09:00:00\u0001B\u0001b', '3\u00012025-09-01T09:00:00\u0001A\u0001a'];
    const log = buildWorkbook(sampleRec(), st, { today, statusOrder: order }).sheets[2]!;
    expect(log.values[0]).toEqual(['Timestamp', 'Date', 'Item', 'Author', 'Entry', 'Missing']);
    expect(log.values.slice(1).map((r) => r[4])).toEqual(['c', 'b', 'a', 'new backdated']);
  });

  test('Call Brief lists the top items by rank, fitting one landscape page', () => {
    const wb = buildWorkbook(sampleRec(), stateWith((st) => annotate(st, '2', { denialText: 'Not visible in photos provided' })), { today, topN: 2 });
    const brief = wb.sheets[1]!;
    expect(brief.print).toMatchObject({ landscape: true, fitToPageWide: true, fitToPageTall: true });
    const header = brief.values.findIndex((r) => r[0] === '#');
    const rows = brief.values.slice(header + 1).filter((r) => typeof r[0] === 'number');
    expect(rows.map((r) => r[0])).toEqual([1, 2]);
    const s = wb.sheets[0]!;
    const first = s.values.find((r) => r[PC.priority] === 1)!;
    expect(cents(rows[0]![2]!)).toBe(cents((first[PC.ours] as number) - (first[PC.insurer] as number)));
  });

  test('the Priority sheet explains the score exactly once, and follows edited weights', () => {
    const count = (s: SheetDescription, text: string) =>
      s.values.flat().filter((v) => typeof v === 'string' && v.includes(text)).length + s.notes.filter((n) => n.text.includes(text)).length;
    for (const st of [stateWith(), stateWith((s) => { s.weights = { ...s.weights, perHundred: 2, rfAsked: 30 }; })]) {
      const sheet = buildWorkbook(sampleRec(), st, { today }).sheets.find((s) => s.name === SHEETS.priority)!;
      expect(count(sheet, explainPriority(st.weights))).toBe(1);
      // Its opening words, in case a note words the sentence a little differently.
      expect(count(sheet, 'Each item scores')).toBe(1);
    }
  });

  test('Checks lists the engine checks, problems and readiness to-dos', () => {
    const checks = buildWorkbook(sampleRec(), stateWith(), { today, warnings: [{ item: '7', message: 'Item 7 changed.' }] }).sheets[6]!;
    const text = checks.values.map((r) => r.join(' | ')).join('\n');
    expect(text).toMatch(/Residual/);
    // Plain words: where the problem is, never the internal code.
    expect(text).toMatch(/Our paste, row 7 \| Row 7 was not understood/);
    expect(text).not.toMatch(/row-not-understood/);
    expect(text).toMatch(/Item 7 changed/);
    expect(text).toMatch(/to do/);
    // One status vocabulary, and each finding once.
    const rows = checks.values.slice(1).filter((r) => r[0] !== null);
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(rows.map((r) => r[0]).filter((x) => ['pass', 'note', 'warning', 'fail', 'to do'].includes(String(x)))));
    const details = rows.map((r) => String(r[2]));
    expect(new Set(details).size).toBe(details.length);
  });

  test('Call Brief: every listed item has a next step; a denied item with no reason asks for it in writing', () => {
    const brief = buildWorkbook(sampleRec(), stateWith(), { today }).sheets[1]!;
    const head = brief.values.findIndex((r) => r[0] === '#');
    const rows = brief.values.slice(head + 1).filter((r) => typeof r[0] === 'number');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(String(r[7]).length).toBeGreaterThan(10);
    const drip = rows.find((r) => String(r[1]).startsWith('2 Drip edge'))!;
    expect(String(drip[7])).toMatch(/^Ask the adjuster for the denial reason in writing\./);
  });

  test('Checks: an advisory is a warning, not a fail; the same finding from a check and a problem is listed once', () => {
    const rec = sampleRec();
    const detail = 'Item 10 (starter / ridge) was cut and may be argued as already paid inside the shingle waste.';
    rec.checks.push({ id: 'inside-waste', label: 'Paid inside another item', status: 'fail', detail });
    rec.problems.push({ side: 'ours', row: 5, severity: 'info', code: 'inside-waste', message: detail });
    rec.problems.push({ side: 'ours', row: null, severity: 'warning', code: 'tax-missing', message: 'Our estimate shows no material sales tax. Type it (--ours-tax) if it has one.' });
    const checks = buildWorkbook(rec, stateWith(), { today }).sheets[6]!;
    const rows = checks.values.slice(1).filter((r) => r[0] !== null);
    const hits = rows.filter((r) => String(r[2]).includes('inside the shingle waste'));
    expect(hits).toEqual([['warning', 'Paid inside another item', detail]]);
    const tax = rows.find((r) => String(r[2]).includes('sales tax'))!;
    expect(tax[2]).toBe('Our estimate shows no material sales tax. Type it if it has one.');
    expect(rows.map((r) => String(r[1])).join(' ')).not.toMatch(/inside-waste|tax-missing/);
  });
});
