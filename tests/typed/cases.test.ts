// One test per way issue 11 found typed data lost or moved. Each failed before the fix.
import { buildPursue } from '../../shared/pursue';
import { PursueInputError } from '../../shared/run';
import { itemAtRow, rowOfItem, splitItemList } from '../../shared/index';
import { statusNotePatch, rfPatch } from '../../shared/workbook/patch';
import { LC, PC, SHEETS } from '../../shared/workbook/layout';
import { cellString, readBackWorkbook } from '../../shared/workbook/readback';
import type { CellPatch } from '../../shared/types/workbook';
import { colLetter, parseA1 } from '../../shared/workbook/a1';
import { DAY1, DAY2, OURS, THEIRS, baseBook, valuesOf, type Book } from './workbooks';

const rowOf = (book: Book, item: string): number => rowOfItem(book[SHEETS.pursue]!, item)!;
const clone = (book: Book): Book => Object.fromEntries(Object.entries(book).map(([k, v]) => [k, v.map((r) => [...r])]));
const rerun = (book: Book, today = DAY2) => buildPursue({ ours: OURS, theirs: THEIRS, today, existing: book });

function setTopic(book: Book, name: string, state: string): void {
  for (const r of book[SHEETS.topics]!) if (r[0] === name) r[3] = state;
}

function apply(book: Book, patches: CellPatch[]): void {
  for (const p of patches) {
    const { row, col } = parseA1(p.range.split(':')[0]!);
    p.values.forEach((vals, i) => vals.forEach((v, j) => {
      const grid = book[p.sheet]!;
      while (grid.length <= row + i) grid.push([]);
      grid[row + i]![col + j] = v as never;
    }));
  }
}

describe('topics keep their members values apart', () => {
  test('accepting, re-running and refusing a topic never copies one member’s denial, reason or RF flag onto another', () => {
    const book = clone(baseBook()); // Flashing (12, 13, 14) accepted
    setTopic(book, 'Flashing', 'refused');
    let b = valuesOf(rerun(book).workbook);
    const g = b[SHEETS.pursue]!;
    g[rowOf(b, '12')]![PC.denial] = 'Valley metal not visible in photos';
    g[rowOf(b, '12')]![PC.rf] = 'Y';
    g[rowOf(b, '13')]![PC.rf] = 'N';
    setTopic(b, 'Flashing', 'accepted');
    b = valuesOf(rerun(b).workbook);
    const topicRow = b[SHEETS.pursue]![rowOf(b, '12')]!;
    expect(cellString(topicRow[PC.denial])).toMatch(/^Item 12: Valley metal not visible in photos/m);
    expect(cellString(topicRow[PC.rf])).toBe('Y: 12');
    setTopic(b, 'Flashing', 'refused');
    const out = rerun(b);
    expect(out.state.items['12']!.denialText).toBe('Valley metal not visible in photos');
    expect(out.state.items['13']!.denialText).not.toMatch(/Valley metal/);
    expect(out.state.items['14']!.denialText).not.toMatch(/Valley metal/);
    expect([out.state.items['12']!.rfAsked, out.state.items['13']!.rfAsked, out.state.items['14']!.rfAsked]).toEqual([true, false, false]);
  });

  test('a match override on a topic member survives re-runs', () => {
    const book = clone(baseBook());
    setTopic(book, 'Flashing', 'refused');
    const b = valuesOf(rerun(book).workbook);
    b[SHEETS.pursue]![rowOf(b, '13')]![PC.override] = 'none';
    setTopic(b, 'Flashing', 'accepted');
    const withTopic = rerun(b);
    expect(withTopic.state.items['13']!.override).toBe('none');
    const again = rerun(valuesOf(withTopic.workbook));
    expect(again.state.items['13']!.override).toBe('none');
    expect(again.state.items['12']!.override).toBeNull();
    const line = again.rec.lines.find((l) => l.ours.item === '13')!;
    expect(line.match).toBeNull();
  });
});

describe('repeated item numbers', () => {
  const dup = OURS.replace(/^(\s*)13\./m, '$112.'); // our paste numbers two lines 12
  test('each line numbered 12 keeps its own notes, and the sheet tells them apart', () => {
    expect(dup).not.toBe(OURS);
    const first = buildPursue({ ours: dup, theirs: THEIRS, today: DAY1 });
    const items = first.rec.lines.map((l) => l.ours.item);
    expect(items.filter((i) => i === '12')).toHaveLength(1);
    expect(items).toContain('12 (2)');
    const b = valuesOf(first.workbook);
    const g = b[SHEETS.pursue]!;
    g[rowOf(b, '12')]![PC.denial] = 'first line twelve';
    g[rowOf(b, '12 (2)')]![PC.denial] = 'second line twelve';
    const second = buildPursue({ ours: dup, theirs: THEIRS, today: DAY2, existing: b });
    expect(second.state.items['12']!.denialText).toBe('first line twelve');
    expect(second.state.items['12 (2)']!.denialText).toBe('second line twelve');
    const note = first.workbook.sheets[0]!.notes.find((n) => n.cell === `${colLetter(PC.name)}${rowOf(b, '12 (2)') + 1}`);
    expect(note?.text).toMatch(/more than one line 12.*kept as "12 \(2\)"/s);
  });
});

describe('a sort that leaves out the Key column', () => {
  test('notes, reasons and Status Log entries stay with the item each row shows, and the moved rows are named', () => {
    const b = clone(baseBook());
    const g = b[SHEETS.pursue]!;
    const r2 = rowOf(b, '2');
    const r3 = rowOf(b, '3');
    g[r2]![PC.denial] = 'two: included in waste';
    g[r2]![PC.status] = '9/09 – two: asked adjuster J. Ruiz; next: call Friday';
    g[r3]![PC.denial] = 'three: not storm related';
    // Swap rows 2 and 3 in columns A to M only (Excel's "continue with the current selection").
    const a = g[r2]!.slice(0, PC.key);
    const c = g[r3]!.slice(0, PC.key);
    g[r2] = [...c, g[r2]![PC.key]!];
    g[r3] = [...a, g[r3]![PC.key]!];
    const out = rerun(b);
    expect(out.state.items['2']!.denialText).toBe('two: included in waste');
    expect(out.state.items['3']!.denialText).toBe('three: not storm related');
    expect(out.warnings.map((w) => w.message).join(' ')).toMatch(new RegExp(`rows ${Math.min(r2, r3) + 1}, ${Math.max(r2, r3) + 1} were sorted without the hidden Key column`));
    const log = out.workbook.sheets.find((s) => s.name === SHEETS.log)!;
    const entry = log.values.find((r) => String(r[LC.text]).startsWith('two:'))!;
    expect(entry[LC.item]).toBe('2');
  });

  test('an Item No. beside another item’s name refuses the run, naming the row', () => {
    const b = clone(baseBook());
    const g = b[SHEETS.pursue]!;
    const r2 = rowOf(b, '2');
    const r3 = rowOf(b, '3');
    [g[r2]![PC.item], g[r3]![PC.item]] = [g[r3]![PC.item]!, g[r2]![PC.item]!];
    expect(() => rerun(b)).toThrow(PursueInputError);
    expect(() => rerun(b)).toThrow(new RegExp(`row ${r2 + 1} shows Item No. 3 beside the name of item 2`));
  });
});

describe('the item on a row, one rule for every host', () => {
  test('a topic row gives the topic and its members, never a made-up item; notes go to the member named', () => {
    const b = clone(baseBook());
    const g = b[SHEETS.pursue]!;
    const r = rowOf(b, '13');
    expect(rowOf(b, '12')).toBe(r);
    const shown = itemAtRow(g, r)!;
    expect(shown).toMatchObject({ kind: 'topic', item: null, items: ['12', '13', '14'], topic: 'Flashing' });
    expect(itemAtRow(g, 0)).toBeNull();
    expect(splitItemList('21, 24;26\n5 (2)')).toEqual(['21', '24', '26', '5 (2)']);
    const note = statusNotePatch(b, '13', 'asked adjuster J. Ruiz for the flashing photos; next: send them', 'Dana', `${DAY2}T10:00:00`);
    apply(b, note.patches);
    const log = b[SHEETS.log]!;
    const last = log.filter((row) => cellString(row[LC.text]) !== '').at(-1)!;
    expect([cellString(last[LC.item]), cellString(last[LC.author])]).toEqual(['13', 'Dana']);
    apply(b, rfPatch(b, '14', true).patches);
    expect(cellString(g[r]![PC.rf])).toBe('Y: 14');
    const out = rerun(b);
    expect(out.state.items['13']!.status.map((e) => e.text)).toEqual(['asked adjuster J. Ruiz for the flashing photos; next: send them']);
    expect(out.state.items['12']!.status).toEqual([]);
    expect([out.state.items['12']!.rfAsked, out.state.items['14']!.rfAsked]).toEqual([false, true]);
  });

  test('one item shown on two rows refuses the run', () => {
    const b = clone(baseBook());
    const g = b[SHEETS.pursue]!;
    g[rowOf(b, '3')]![PC.item] = 2;
    expect(() => readBackWorkbook(b, { today: DAY2 })).toThrow(/item 2 is shown on rows \d+ and \d+/);
  });
});
