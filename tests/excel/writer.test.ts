import type { Cell } from '../../shared/types/cells';
import { buildWorkbook, applyPatch, selectedItem } from '../../excel-addin/actions';
import { needsTextPrefix, toFormulaCell, charsToPoints } from '../../excel-addin/writer';
import { addSheet, grid, mockContext, newBook, type MockBook, type MockSheet } from './mock-excel';
import { fakeEngine, itemRows, pursueWorkbook, type ItemRow } from './sample-description';
import { countExcelSyncs } from './count';
import type { SheetDescription } from '../../shared/types/workbook';

const req = { ours: { kind: 'sheet', sheet: 'Ours' }, theirs: { kind: 'sheet', sheet: 'Theirs' }, options: {}, today: '2025-09-03' } as const;

function bookWithPastes(): MockBook {
  const book = newBook();
  addSheet(book, 'Ours', [['1. Drip edge 256.00 LF 3.28'], ['2. Starter 100 LF 2.12']]);
  addSheet(book, 'Theirs', [['1. Drip edge 200.00 LF 3.28']]);
  return book;
}

const sheet = (book: MockBook, name: string) => book.sheets.find((s) => s.name === name)!;

/** What Excel shows in each cell of the description's grid: formula text, or the value. */
function expectedFormulas(d: SheetDescription) {
  return d.values.map((row, r) => row.map((v, c) => d.formulas[r]![c] ?? (v === null ? '' : v)));
}

describe('Office.js writer (office-addin-mock)', () => {
  const items: ItemRow[] = [
    { item: '1', name: 'Drip edge', ours: 839.68, insurer: 0, denial: 'Not required by code' },
    { item: '2', name: '=SUM(A1:A9) drip', ours: 542.72, insurer: 322.24, denial: '+ starter in waste' },
    { item: '3', name: '@risk vent', ours: 100, insurer: 100, denial: '-' },
    { item: '4', name: "'quoted", ours: 5, insurer: 4, denial: 'TRUE' },
    { item: '5', name: '00123', ours: 1, insurer: 0, denial: 'Jan 5' },
  ];

  test('values, formulas and formats written equal the description', async () => {
    const book = bookWithPastes();
    const out = await buildWorkbook(mockContext(book), fakeEngine(items), req, { notes: false });
    const desc = out.workbook.sheets[0]!;
    const s = sheet(book, 'Pursue Items');
    expect(book.sheets.map((x) => x.name).slice(0, 2)).toEqual(['Pursue Items', 'Status Log']);
    // Formulas stay formulas; every text (even "=SUM(...)", "+...", "-", "@...", "TRUE", "Jan 5", "00123") stays text.
    expect(grid(s, 'formula', 0, 0, desc.rowCount - 1, desc.colCount - 1)).toEqual(expectedFormulas(desc));
    const values = grid(s, 'value', 0, 0, desc.rowCount - 1, desc.colCount - 1);
    desc.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (desc.formulas[r]![c] === null) expect(values[r]![c]).toEqual(v === null ? '' : v);
      }),
    );
    expect(values[2]![2]).toBe('=SUM(A1:A9) drip');
    expect(typeof values[5]![2]).toBe('string');
    expect(grid(s, 'numberFormat', 0, 0, desc.rowCount - 1, desc.colCount - 1)).toEqual(desc.numberFormats);
    // Per-cell formats: one setCellProperties block equal to the description.
    for (let r = 0; r < desc.rowCount; r++) {
      for (let c = 0; c < desc.colCount; c++) {
        const props = s.cells.get(`${r},${c}`)!.props as { format: Excel.CellPropertiesFormat };
        expect(props.format.font).toEqual({ bold: desc.bold[r]![c], italic: desc.italic[r]![c], color: desc.fontColors[r]![c] });
        expect(props.format.wrapText).toBe(desc.wrap[r]![c]);
        expect(props.format.fill?.color ?? null).toBe(desc.fills[r]![c]);
        const align = desc.hAlign[r]![c];
        expect(props.format.horizontalAlignment ?? null).toBe(align ? align[0]!.toUpperCase() + align.slice(1) : null);
      }
    }
    expect(book.calls.filter((c) => c === 'setCellProperties')).toHaveLength(2);
    expect([...s.columnWidths.values()]).toEqual(desc.columnWidths.map(charsToPoints));
    expect(s.frozen).toEqual({ rows: desc.frozenRows, cols: 0 });
    expect(s.filter).toBe(desc.filter);
    expect(s.conditionalFormats).toEqual([{ range: desc.conditionalFormats[0]!.range, formula: '=$A2<=5', fill: '#FFF2CC', bold: true }]);
    expect(s.validations).toEqual([
      { range: desc.validations[0]!.range, rule: { list: { inCellDropDown: true, source: 'Y,N' } }, ignoreBlanks: true, errorAlert: expect.objectContaining({ message: 'Type Y or N.' }) },
    ]);
    expect(s.borders).toEqual([{ range: 'A1:L1', edge: 'EdgeBottom', style: 'Continuous', weight: 'Medium', color: '#000000' }]);
    expect(s.tabColor).toBe('#1F4E78');
    expect(s.pageLayout).toEqual({ orientation: 'Landscape', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    // Calculation and screen updating suspended for the write; recalculated after.
    expect(book.suspended).toEqual({ calc: 1, screen: 1 });
    const writeSync = book.calls.indexOf('sync', book.calls.indexOf('sync') + 1);
    expect(book.calls.indexOf('suspendApiCalculationUntilNextSync')).toBeLessThan(book.calls.indexOf('set formulas'));
    expect(book.calls.indexOf('set formulas')).toBeLessThan(writeSync);
    expect(book.calls.lastIndexOf('calculate Recalculate')).toBeGreaterThan(writeSync);
    // Number formats go in before the values.
    expect(book.calls.indexOf('set numberFormat')).toBeLessThan(book.calls.indexOf('set formulas'));
    // Notes need ExcelApi 1.18: not asked for, not written.
    expect(book.calls).not.toContain('notes.add');
    expect(out.syncs).toBe(3);
  });

  test('a refresh over a sheet with typed notes keeps them', async () => {
    const book = bookWithPastes();
    const engine = fakeEngine(items);
    await buildWorkbook(mockContext(book), engine, req, { notes: false });
    // A person types a status note and a denial reason, and a stray formula-looking note.
    const s = sheet(book, 'Pursue Items');
    s.cells.get('1,9')!.value = '9/03 spoke to adjuster J. Ruiz; next: send code citation';
    s.cells.get('2,7')!.value = '= per carrier guideline 4.2';
    const seen: { existing?: Record<string, Cell[][]> | null } = {};
    const out = await buildWorkbook(mockContext(book), fakeEngine(items, seen), req, { notes: false });
    expect(seen.existing?.['Pursue Items']?.[1]?.[9]).toBe('9/03 spoke to adjuster J. Ruiz; next: send code citation');
    const after = sheet(book, 'Pursue Items');
    expect(after.cells.get('1,9')!.value).toBe('9/03 spoke to adjuster J. Ruiz; next: send code citation');
    expect(after.cells.get('2,7')!.value).toBe('= per carrier guideline 4.2');
    expect(after.cells.get('2,7')!.formula).toBe('= per carrier guideline 4.2');
    expect(after.clears).toBe(1);
    expect(book.sheets.filter((x) => x.name === 'Pursue Items')).toHaveLength(1);
    expect(out.syncs).toBe(3);
  });

  test('a shorter refresh leaves no stale rows behind', async () => {
    const book = bookWithPastes();
    await buildWorkbook(mockContext(book), fakeEngine(itemRows(30)), req, { notes: false });
    await buildWorkbook(mockContext(book), fakeEngine(itemRows(3)), req, { notes: false });
    const s = sheet(book, 'Pursue Items');
    const rows = new Set([...s.cells.entries()].filter(([, c]) => c.value !== '' || c.formula !== '').map(([k]) => Number(k.split(',')[0])));
    expect(Math.max(...rows)).toBe(4); // header + 3 items + Σ row
  });

  test('notes are written when ExcelApi 1.18 is there, in the last sync', async () => {
    const book = bookWithPastes();
    book.supported.add('ExcelApi 1.18');
    const out = await buildWorkbook(mockContext(book), fakeEngine(items), req, { notes: true });
    expect(sheet(book, 'Pursue Items').notes).toEqual([{ cell: 'F1', text: 'Gap = Ours − Insurer' }]);
    expect(out.syncs).toBe(3);
  });

  test('a failing note does not fail the build', async () => {
    const book = bookWithPastes(); // 1.18 not supported: the mock rejects notes.add
    const out = await buildWorkbook(mockContext(book), fakeEngine(items), req, { notes: true });
    expect(sheet(book, 'Pursue Items').notes).toEqual([]);
    expect(sheet(book, 'Pursue Items').cells.get('0,0')!.value).toBe('Priority');
    expect(out.syncs).toBe(3);
  });

  test('the pasted rows reach the engine padded to A1, so problem rows are sheet rows', async () => {
    const book = newBook();
    addSheet(book, 'Ours', [[], [], ['', '1. Drip edge 256.00 LF 3.28']]);
    addSheet(book, 'Theirs', [['x']]);
    const seen: { ours?: Cell[][] } = {};
    await buildWorkbook(mockContext(book), fakeEngine(items, seen), req, { notes: false });
    expect(seen.ours).toEqual([[], [], ['', '1. Drip edge 256.00 LF 3.28']]);
  });

  test('an empty estimate sheet gives an error the user can act on', async () => {
    const book = newBook();
    addSheet(book, 'Ours');
    addSheet(book, 'Theirs', [['x']]);
    await expect(buildWorkbook(mockContext(book), fakeEngine(items), req, { notes: false })).rejects.toThrow(/Our estimate is empty. Paste/);
  });

  test('a status note goes to the item picked, not to whatever is selected when the button is pressed', async () => {
    const book = bookWithPastes();
    await buildWorkbook(mockContext(book), fakeEngine(items), req, { notes: false });
    book.selection = { sheet: 'Pursue Items', row: 2, col: 4 };
    const picked = await selectedItem(mockContext(book));
    expect(picked).toMatchObject({ item: '2', kind: 'item', rfAsked: false });
    book.selection = { sheet: 'Pursue Items', row: 4, col: 1 }; // the user clicks item 4's row afterwards
    const res = await applyPatch(mockContext(book), picked.item!, (existing, item) => fakeEngine(items).statusNotePatch(existing, item, '=called adjuster', 'AM', '2025-09-03T10:00:00'));
    expect(res.item).toBe('2');
    const log = sheet(book, 'Status Log');
    expect(grid(log, 'value', 1, 0, 1, 3)).toEqual([['2025-09-03T10:00:00', '2', 'AM', '=called adjuster']]);
    book.selection = { sheet: 'Pursue Items', row: 0, col: 0 };
    await expect(selectedItem(mockContext(book))).rejects.toThrow(/not an item/);
    await expect(applyPatch(mockContext(book), '99', () => ({ patches: [], warnings: [] }))).rejects.toThrow(/Item 99 is no longer on "Pursue Items"/);
  });

  test('a topic row is its members, never a made-up item; the note goes to the member chosen', async () => {
    const book = bookWithPastes();
    const withTopic: ItemRow[] = [...items, { item: '21, 24, 26', name: 'Siding: R&R Siding - vinyl; House wrap', ours: 900, insurer: 0 }];
    await buildWorkbook(mockContext(book), fakeEngine(withTopic), req, { notes: false });
    book.selection = { sheet: 'Pursue Items', row: withTopic.length, col: 2 };
    const picked = await selectedItem(mockContext(book));
    expect(picked).toMatchObject({ kind: 'topic', item: null, items: ['21', '24', '26'], topic: 'Siding' });
    const seen: string[] = [];
    const res = await applyPatch(mockContext(book), picked.items[1]!, (existing, item) => {
      seen.push(item);
      return fakeEngine(withTopic).statusNotePatch(existing, item, 'called about siding', 'AM', '2025-09-03T10:00:00');
    });
    expect(seen).toEqual(['24']);
    expect(res.item).toBe('24');
  });

  test('the number of context.sync() calls does not depend on the number of rows', async () => {
    const counts = [];
    for (const n of [10, 100, 1000]) counts.push(await countExcelSyncs(n));
    expect(counts.map((c) => c.syncs)).toEqual([3, 3, 3]);
  });
});

describe('text that Excel would reinterpret', () => {
  test.each(['=1+2', '+1', '-', '-5 LF', '@x', "'a", '12', '3/4', '$5', 'TRUE', 'false', 'Jan 5', 'May-2025', '#N/A', ' lead'])('%s gets the text prefix', (t) => {
    expect(needsTextPrefix(t)).toBe(true);
    expect(toFormulaCell(t, null)).toBe(`'${t}`);
  });
  test.each(['Drip edge', 'Not required by code', 'Truest', 'May need review 5 times'])('%s is written as is', (t) => {
    expect(needsTextPrefix(t)).toBe(false);
  });
  test('a formula wins over a value; numbers and booleans go in as they are', () => {
    expect(toFormulaCell(null, '=D2-E2')).toBe('=D2-E2');
    expect(toFormulaCell(12.5, null)).toBe(12.5);
    expect(toFormulaCell(true, null)).toBe(true);
    expect(toFormulaCell(null, null)).toBe('');
  });
});

// Silence unused import warnings in strict configs.
void pursueWorkbook;

describe('with the real engine (tests/fixtures/case2)', () => {
  const fs = require('node:fs') as typeof import('node:fs');
  const path = require('node:path') as typeof import('node:path');
  const { engine } = require('../../excel-addin/engine') as typeof import('../../excel-addin/engine');
  const lines = (f: string) => fs.readFileSync(path.join(__dirname, '../fixtures/case2', f), 'utf8').split(/\r?\n/).map((l) => [l]);

  function pastedBook(): MockBook {
    const book = newBook();
    addSheet(book, 'Ours', lines('ours.txt'));
    addSheet(book, 'Theirs', lines('theirs.txt'));
    return book;
  }

  test('the written workbook equals the engine description, text under "@" stays text', async () => {
    const book = pastedBook();
    const out = await buildWorkbook(mockContext(book), engine, req, { notes: false });
    expect(out.rec.reconciled).toBe(true);
    expect(out.syncs).toBe(3);
    for (const d of out.workbook.sheets) {
      const s = sheet(book, d.name);
      expect(book.sheets.indexOf(s)).toBe(out.workbook.sheets.indexOf(d));
      if (d.rowCount === 0) continue;
      expect(grid(s, 'formula', 0, 0, d.rowCount - 1, d.colCount - 1)).toEqual(expectedFormulas(d));
      expect(grid(s, 'numberFormat', 0, 0, d.rowCount - 1, d.colCount - 1)).toEqual(d.numberFormats);
      (d.rowHeights ?? []).forEach((h, r) => {
        if (h !== null) expect(s.rowHeights.get(r)).toBe(h);
      });
      if (d.print.area) expect(s.pageLayout.printArea).toBe(d.print.area);
    }
  });

  test('a refresh keeps a typed reason for denial, a status note and an RF flag', async () => {
    const book = pastedBook();
    await buildWorkbook(mockContext(book), engine, req, { notes: false });
    const s = sheet(book, 'Pursue Items');
    const header = grid(s, 'value', 0, 0, 0, 13)[0]!;
    const col = (h: string) => header.indexOf(h);
    const rows = usedRows(s);
    const r = rows.findIndex((row) => String(row[col('Item No(s).')]) === '5');
    expect(r).toBeGreaterThan(0);
    const typed = (c: number, v: string) => {
      const cell = s.cells.get(`${r},${c}`) ?? { value: '', formula: '', numberFormat: '@', props: null };
      cell.value = v;
      cell.formula = v;
      s.cells.set(`${r},${c}`, cell);
    };
    typed(col('Reason for denial'), '= Not required by code (adjuster email 9/02)');
    typed(col('RF asked'), 'Y');
    book.selection = { sheet: 'Pursue Items', row: r, col: 2 };
    const picked = await selectedItem(mockContext(book));
    const noted = await applyPatch(mockContext(book), picked.item!, (existing, item) => engine.statusNotePatch(existing, item, 'spoke to adjuster J. Ruiz, confirmed denial reason; next: send code citation', 'AM', '2025-09-03T10:00:00'));
    expect(noted.item).toBe('5');
    const out = await buildWorkbook(mockContext(book), engine, { ...req, today: '2025-09-04' }, { notes: false });
    const after = usedRows(sheet(book, 'Pursue Items'));
    const row = after.find((x) => String(x[col('Item No(s).')]) === '5')!;
    expect(row[col('Reason for denial')]).toBe('= Not required by code (adjuster email 9/02)');
    expect(row[col('RF asked')]).toBe('Y');
    expect(String(row[col('Status / notes')])).toContain('spoke to adjuster J. Ruiz');
    expect(out.state.items['5']!.status).toHaveLength(1);
    const log = usedRows(sheet(book, 'Status Log')).flat().map(String);
    expect(log.some((c) => c.includes('spoke to adjuster J. Ruiz'))).toBe(true);
  });
});

function usedRows(s: MockSheet) {
  let maxR = 0;
  let maxC = 0;
  for (const k of s.cells.keys()) {
    const [r, c] = k.split(',').map(Number) as [number, number];
    maxR = Math.max(maxR, r);
    maxC = Math.max(maxC, c);
  }
  return grid(s, 'value', 0, 0, maxR, maxC);
}
