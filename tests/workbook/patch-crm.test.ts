import { buildWorkbook } from '../../shared/workbook/build';
import { statusNotePatch, rfPatch, topicPatch } from '../../shared/workbook/patch';
import { colLetter as X } from '../../shared/workbook/a1';
import { readBackWorkbook } from '../../shared/workbook/readback';
import { crmText, CRM_COLUMNS } from '../../shared/workbook/crm';
import { pursueModel } from '../../shared/model';
import { parseRange } from '../../shared/workbook/a1';
import { LC, PC, SHEETS } from '../../shared/workbook/layout';
import { emptyState, makeStatusEntry } from '../../shared/knowledge';
import type { Cell } from '../../shared/types/cells';
import type { CellPatch } from '../../shared/types/workbook';
import type { PursueState } from '../../shared/types/knowledge';
import { sampleRec } from './factory';

const today = '2025-09-10';

function existing(state: PursueState = emptyState()): Record<string, Cell[][]> {
  const wb = buildWorkbook(sampleRec(), state, { today });
  return Object.fromEntries(wb.sheets.map((s) => [s.name, s.values.map((r) => [...r])]));
}

/** Applies patches the way a host would (range → values), growing the grid as needed. */
function apply(ex: Record<string, Cell[][]>, patches: CellPatch[]): void {
  for (const p of patches) {
    const { row1, col1, row2, col2 } = parseRange(p.range);
    expect(p.values).toHaveLength(row2 - row1 + 1);
    expect(p.values[0]).toHaveLength(col2 - col1 + 1);
    if (p.numberFormats) expect(p.numberFormats.map((r) => r.length)).toEqual(p.values.map((r) => r.length));
    const sheet = ex[p.sheet]!;
    p.values.forEach((row, i) => row.forEach((v, j) => {
      while (sheet.length <= row1 + i) sheet.push([]);
      sheet[row1 + i]![col1 + j] = v;
    }));
  }
}

const rowIndex = (sheet: Cell[][], key: string): number => sheet.findIndex((r) => String(r[PC.key] ?? '').split(';')[0] === key);

describe('patches a host writes without rebuilding', () => {
  test('a status note: one new line in the notes cell, one new Status Log row, earlier ones untouched', () => {
    const st = emptyState();
    st.items['3'] = { item: '3', description: '', denialText: '', reasonToApprove: '', rfAsked: false, topic: null, override: null, closedOn: null,
      status: [makeStatusEntry('9/02 - emailed adjuster J. Ruiz; next: call', '2025-09-02T10:00:00', 'Dana')] };
    const ex = existing(st);
    const logBefore = ex[SHEETS.log]!.map((r) => [...r]);
    const { patches, entry, warnings } = statusNotePatch(ex, '3', '9/09 – spoke to adjuster J. Ruiz, she will revise; next: wait for RE', 'Kim', '2025-09-09T16:20:00.000Z');
    expect(entry).toMatchObject({ date: '2025-09-09', author: 'Kim', timestamp: '2025-09-09T16:20:00.000Z' });
    expect(warnings).toEqual([]);
    expect(patches).toHaveLength(2);
    const r3 = rowIndex(ex[SHEETS.pursue]!, 'item:3');
    expect(patches[0]).toMatchObject({ sheet: SHEETS.pursue, range: `${X(PC.status)}${r3 + 1}` });
    expect(patches[1]).toMatchObject({ sheet: SHEETS.log, range: `A${logBefore.length + 1}:F${logBefore.length + 1}` });
    // Text stays text; the Status Log's Timestamp and Date are real dates in US format.
    expect(patches[0]!.numberFormats!.flat().every((f) => f === '@')).toBe(true);
    expect(patches[1]!.numberFormats![0]!.slice(0, 2)).toEqual(['m/d/yyyy h:mm AM/PM', 'm/d/yyyy']);
    expect(patches[1]!.numberFormats![0]!.slice(2).every((f) => f === '@')).toBe(true);
    apply(ex, patches);
    expect(ex[SHEETS.pursue]![r3]![PC.status]).toBe('9/02/2025 – emailed adjuster J. Ruiz; next: call\n9/09/2025 – spoke to adjuster J. Ruiz, she will revise; next: wait for RE');
    expect(ex[SHEETS.log]!.slice(0, logBefore.length)).toEqual(logBefore);
    expect(ex[SHEETS.log]!.at(-1)![LC.text]).toBe('spoke to adjuster J. Ruiz, she will revise; next: wait for RE');
    // Read back, the note is one entry, not two (cell line and log row are the same entry).
    const back = readBackWorkbook(ex, { today });
    expect(back.state.items['3']!.status.map((e) => e.text)).toEqual(['emailed adjuster J. Ruiz; next: call', 'spoke to adjuster J. Ruiz, she will revise; next: wait for RE']);
  });

  test('a vague note is flagged; an unknown item still lands in Status Log with a warning', () => {
    const ex = existing();
    const vague = statusNotePatch(ex, '2', 'Called adjuster', 'Kim', '2025-09-09T16:20:00.000Z');
    expect(vague.warnings.join(' ')).toMatch(/who.*next step/);
    const lost = statusNotePatch(ex, '99', '9/09 spoke to adjuster J. Ruiz; next: call', 'Kim', '2025-09-09T16:20:00.000Z');
    expect(lost.patches.map((p) => p.sheet)).toEqual([SHEETS.log]);
    expect(lost.warnings[0]).toMatch(/Item 99 is not on the Pursue Items sheet/);
  });

  test('a note for an item inside an accepted topic goes to the topic row', () => {
    const st = emptyState();
    st.topics = [{ name: 'Shingles', items: ['3', '10'], state: 'accepted' }];
    const ex = existing(st);
    const { patches } = statusNotePatch(ex, '10', '9/09 adjuster J. Ruiz said yes; next: invoice', 'Kim', '2025-09-09T16:20:00.000Z');
    expect(patches[0]!.range).toBe(`${X(PC.status)}${rowIndex(ex[SHEETS.pursue]!, 'topic:Shingles') + 1}`);
  });

  test('RF flag and topic decisions', () => {
    const ex = existing();
    const rf = rfPatch(ex, '4', true);
    expect(rf.patches).toEqual([{ sheet: SHEETS.pursue, range: `${X(PC.rf)}${rowIndex(ex[SHEETS.pursue]!, 'item:4') + 1}`, values: [['Y']], numberFormats: [['@']] }]);
    expect(rfPatch(ex, '77', true).warnings[0]).toMatch(/Item 77/);
    const t = topicPatch(ex, { name: 'Edges', items: ['2', '4'], state: 'accepted' });
    apply(ex, t.patches);
    const back = readBackWorkbook(ex, { today });
    expect(back.state.topics).toContainEqual({ name: 'Edges', items: ['2', '4'], state: 'accepted' });
    const again = topicPatch(ex, { name: 'edges', items: ['2', '4'], state: 'refused' });
    expect(again.patches[0]!.range).toBe(t.patches[0]!.range); // same row, updated
  });
});

describe('Copy for CRM', () => {
  test('tab-separated in the CRM field order, open rows with a gap, cells made safe', () => {
    const st = emptyState();
    st.items['2'] = { item: '2', description: '', denialText: 'Not visible\tin photos\nprovided', reasonToApprove: 'Photos from RF', rfAsked: true, topic: null, override: null, closedOn: null,
      status: [makeStatusEntry('9/02 - emailed adjuster J. Ruiz; next: call', '2025-09-02T10:00:00', 'Dana'), makeStatusEntry('9/04 - called J. Ruiz, no answer; next: retry', '2025-09-04T10:00:00', 'Dana')] };
    const text = crmText(pursueModel(sampleRec(), st));
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n');
    expect(lines[0]!.split('\t')).toEqual([...CRM_COLUMNS]);
    expect(CRM_COLUMNS).toEqual(['Item Number', 'Item Name', 'Gap $', 'Reason for Insurance denial', 'Reason to approve', 'Status/notes']);
    for (const l of lines) expect(l.split('\t')).toHaveLength(6);
    const items = lines.slice(1).map((l) => l.split('\t')[0]);
    expect(items).toEqual(['2', '3', '4', '10', 'O&P', 'Tax']); // item 1 has no gap, insurer-only lines are not pursued
    const row2 = lines[1]!.split('\t');
    expect(row2).toEqual(['2', 'Drip edge', '$811.58', 'Not visible in photos | provided', 'Photos from RF', '9/02/2025 – emailed adjuster J. Ruiz; next: call | 9/04/2025 – called J. Ruiz, no answer; next: retry']);
  });
});
