/**
 * The BUILT Apps Script bundle (dist/gas/Code.js, run `node scripts/build.mjs gas` first) loaded
 * in a Node vm context with the in-memory SpreadsheetApp and Advanced Sheets service stand-ins.
 * Builds run twice: through the Sheets API batch writer (the configured path) and through the
 * SpreadsheetApp writer (the fallback for a project without the advanced service).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildPursue } from '../../shared/pursue';
import { SHEETS, PC, parseKey, PURSUE_COLUMNS } from '../../shared/workbook/layout';
import type { SheetDescription, WorkbookDescription } from '../../shared/types/workbook';
import {
  countGasCalls,
  createFakeGas,
  loadBundle,
  pasteRows,
  type FakeSheet,
  type LoadedBundle,
} from './fake-gas';
import { expectWorkbookMatches, sheetCells, todayUtc, WRITERS } from './expect-workbook';

const CODE = path.resolve('dist/gas/Code.js');
const fixture = (c: string, f: string) => readFileSync(path.resolve('tests/fixtures', c, f), 'utf8');

function setupCase2(advancedSheets = true): LoadedBundle {
  const gas = createFakeGas({ advancedSheets });
  gas.ss._paste('Ours', pasteRows(fixture('case2', 'ours.txt'), 'lines'));
  gas.ss._paste('Theirs', pasteRows(fixture('case2', 'theirs.txt'), 'lines'));
  return loadBundle(gas);
}

beforeAll(() => {
  if (!existsSync(CODE)) throw new Error('dist/gas/Code.js is missing: run `node scripts/build.mjs gas` (npm test builds first).');
});

function pursueRowOf(sheet: FakeSheet, item: string): number {
  const rows = sheet._values();
  const header = rows.findIndex((r) => r[PC.item] === PURSUE_COLUMNS[PC.item]);
  const r = rows.findIndex((row, i) => i > header && parseKey(String(row[PC.key] ?? ''))?.id === item && parseKey(String(row[PC.key]))?.kind === 'item');
  if (r < 0) throw new Error(`item ${item} not on Pursue Items`);
  return r + 1;
}

describe('onOpen', () => {
  test('adds the Pursue menu with the six commands, each a global function of Code.js', () => {
    const b = loadBundle(createFakeGas());
    b.call('onOpen', { authMode: 'LIMITED' });
    const menu = b.gas.ui.menus.find((m) => m.name === 'Pursue');
    expect(menu).toBeDefined();
    const items = menu!.items.filter((i): i is { label: string; fn: string } => i !== 'separator');
    expect(items.map((i) => i.label)).toEqual([
      'Build pursue items',
      'Add status note',
      'Copy for CRM',
      'Readiness check',
      'Share with RM',
      'Open sidebar',
    ]);
    for (const i of items) expect({ fn: i.fn, global: b.has(i.fn) }).toEqual({ fn: i.fn, global: true });
  });

  test('Open sidebar shows the one-file sidebar, 300 px wide, with its script inlined', () => {
    const b = loadBundle(createFakeGas());
    b.call('pursueShowSidebar');
    const bar = b.gas.ui.sidebars[0]!;
    expect(bar.width).toBe(300);
    expect(bar.title).toBe('Pursue');
    expect(bar.content).toContain('google.script.run');
    expect(bar.content).not.toMatch(/<script[^>]+src=/i);
    expect(bar.content).not.toMatch(/<link[^>]+stylesheet/i);
  });
});

describe.each(WRITERS)('build from two pasted sheets (%s)', (_label, advancedSheets, writer) => {
  const batch = advancedSheets;
  test('case2 (PDF text, one line per row in column A): the cells, formulas and formats are the workbook description', () => {
    const b = setupCase2(advancedSheets);
    const summary = b.call<{ reconciled: boolean; totalGap: string; written: boolean; writer: string }>('pursueBuild', {
      ours: { sheet: 'Ours' },
      theirs: { sheet: 'Theirs' },
      totals: {},
    });
    expect(summary.written).toBe(true);
    expect(summary.writer).toBe(writer);
    const expected = buildPursue({
      ours: sheetCells(b.gas.ss._sheet('Ours')!),
      theirs: sheetCells(b.gas.ss._sheet('Theirs')!),
      options: { ours: {}, theirs: {} },
      existing: {},
      today: todayUtc(),
    });
    expect(summary.reconciled).toBe(expected.rec.reconciled);
    expect(expected.rec.reconciled).toBe(true);
    expectWorkbookMatches(b.gas, expected.workbook, batch);
    // The pastes are untouched.
    expect(b.gas.ss._sheet('Ours')!._values().length).toBe(pasteRows(fixture('case2', 'ours.txt'), 'lines').length);
  });

  test('case1 (multi-column TSV export, totals typed from the recap): same cells as the description, reconciled', () => {
    const gas = createFakeGas({ advancedSheets });
    gas.ss._paste('Our estimate', pasteRows(fixture('case1', 'ours.txt'), 'tsv'));
    gas.ss._paste('RE', pasteRows(fixture('case1', 'theirs.txt'), 'tsv'));
    const b = loadBundle(gas);
    const sum = JSON.parse(fixture('case1', 'summary.json'));
    const totals = {
      oursRcv: String(sum.ours.rcv),
      oursTax: String(sum.ours.material_sales_tax),
      oursOp: String(sum.ours.o_and_p),
      theirsOp: String(sum.theirs.o_and_p),
      theirsRcv: String(sum.theirs.rcv),
    };
    const summary = b.call<{ reconciled: boolean; residual: string; writer: string }>('pursueBuild', {
      ours: { sheet: 'Our estimate' },
      theirs: { sheet: 'RE' },
      totals,
    });
    const cents = (d: number) => Math.round(d * 100);
    const expected = buildPursue({
      ours: sheetCells(gas.ss._sheet('Our estimate')!),
      theirs: sheetCells(gas.ss._sheet('RE')!),
      options: {
        ours: { rcv: cents(sum.ours.rcv), tax: cents(sum.ours.material_sales_tax), overheadProfit: cents(sum.ours.o_and_p) },
        theirs: { rcv: cents(sum.theirs.rcv), overheadProfit: cents(sum.theirs.o_and_p) },
      },
      existing: {},
      today: todayUtc(),
    });
    expect(summary.reconciled).toBe(true);
    expect(summary.writer).toBe(writer);
    expect(expected.rec.reconciled).toBe(true);
    expectWorkbookMatches(gas, expected.workbook, batch);
  });

  test('a chosen A1 range is read instead of the whole sheet', () => {
    const gas = createFakeGas({ advancedSheets });
    const ours = pasteRows(fixture('case1', 'ours.txt'), 'tsv');
    // Junk beside the paste that the range leaves out.
    gas.ss._paste('Paste', ours.map((r) => [...r, '', 'scratch =1+1']));
    gas.ss._paste('RE', pasteRows(fixture('case1', 'theirs.txt'), 'tsv'));
    const b = loadBundle(gas);
    const width = ours[0]!.length;
    const range = `A1:${String.fromCharCode(64 + width)}${ours.length}`;
    gas.ss._select('Paste', range);
    const sel = b.call<{ sheet: string; range: string }>('pursueUseSelection');
    expect(sel).toEqual({ sheet: 'Paste', range });
    const s = b.call<{ lines: number }>('pursueBuild', { ours: sel, theirs: { sheet: 'RE' }, totals: {} });
    expect(s.lines).toBe(ours.length - 1);
  });

  test('a missing sheet or a bad amount is an error that says what to do', () => {
    const b = setupCase2(advancedSheets);
    expect(() => b.call('pursueBuild', { ours: { sheet: 'Nope' }, theirs: { sheet: 'Theirs' } })).toThrow(/no sheet named "Nope"/);
    expect(() =>
      b.call('pursueBuild', { ours: { sheet: 'Ours' }, theirs: { sheet: 'Theirs' }, totals: { oursRcv: 'lots' } }),
    ).toThrow(/Our RCV: "lots" is not an amount\. Type dollars/);
    expect(() => b.call('pursueBuild', { ours: { sheet: 'Ours' } })).toThrow(/The insurer's estimate is not picked\. Pick the sheet or cells that hold it in step 1/);
  });
});

describe.each(WRITERS)('refresh (%s)', (_label, advancedSheets, writer) => {
  test('a rebuild over typed denial reasons, reasons to approve, notes and RF flags keeps every one', () => {
    const b = setupCase2(advancedSheets);
    const req = { ours: { sheet: 'Ours' }, theirs: { sheet: 'Theirs' }, totals: {} };
    b.call('pursueBuild', req);
    const items = b.gas.ss._sheet(SHEETS.pursue)!;
    const rows = items._values();
    const header = rows.findIndex((r) => r[PC.item] === PURSUE_COLUMNS[PC.item]);
    const itemRows = rows
      .map((r, i) => ({ key: parseKey(String(r[PC.key] ?? '')), row: i + 1 }))
      .filter((x) => x.row > header + 1 && x.key?.kind === 'item');
    expect(itemRows.length).toBeGreaterThan(3);
    // A person types into three rows, as in Sheets (a string written into the cell).
    const typed = itemRows.slice(0, 3).map((x, n) => ({
      item: x.key!.id,
      denial: `Adjuster: "not storm related" (#${n})`,
      approve: `=IRC R905.2.8.5 requires it (#${n})`,
      note: `09/0${n + 1}/2026 spoke to adjuster J. Ruiz, denial stands; next: send code citation (#${n})`,
    }));
    for (const t of typed) {
      const r = pursueRowOf(items, t.item);
      items._cell(r, PC.denial + 1).value = t.denial;
      items._cell(r, PC.approve + 1).value = t.approve; // typed with a leading "=" stays text in a text cell
      items._cell(r, PC.status + 1).value = t.note;
      items._cell(r, PC.rf + 1).value = 'Y';
    }
    const again = b.call<{ writer: string }>('pursueBuild', req);
    expect(again.writer).toBe(writer);
    const after = b.gas.ss._sheet(SHEETS.pursue)!;
    for (const t of typed) {
      const r = pursueRowOf(after, t.item);
      const row = after._values()[r - 1]!;
      expect(row[PC.denial]).toBe(t.denial);
      expect(row[PC.approve]).toBe(t.approve);
      expect(String(row[PC.status])).toContain('spoke to adjuster J. Ruiz');
      expect(String(row[PC.status])).toContain(`(#${typed.indexOf(t)})`);
      expect(row[PC.rf]).toBe('Y');
      expect(after._peek(r, PC.approve + 1)!.formula).toBe('');
    }
  });
});

describe.each(WRITERS)('status note, RF, topics (%s)', (_label, advancedSheets) => {
  test('adds a dated note to the selected item: appended to its notes cell and one new Status Log row', () => {
    const b = setupCase2(advancedSheets);
    b.call('pursueBuild', { ours: { sheet: 'Ours' }, theirs: { sheet: 'Theirs' }, totals: {} });
    const items = b.gas.ss._sheet(SHEETS.pursue)!;
    const keyRow = items._values().findIndex((r) => parseKey(String(r[PC.key] ?? ''))?.kind === 'item') + 1;
    const item = parseKey(String(items._values()[keyRow - 1]![PC.key]))!.id;
    b.gas.ss._select(SHEETS.pursue, `C${keyRow}`);
    expect(b.call<{ item: string }>('pursueSelectedItem').item).toBe(item);
    const log = b.gas.ss._sheet(SHEETS.log)!;
    const logBefore = log._values();
    const r1 = b.call<{ item: string; missing: string[] }>('pursueAddStatusNote', '9/03 spoke to adjuster J. Ruiz, confirmed denial; next: send code citation');
    expect(r1.item).toBe(item);
    const r2 = b.call<{ missing: string[] }>('pursueAddStatusNote', '=Called adjuster');
    expect(r2.missing.length).toBeGreaterThan(0);
    const cell = String(items._values()[keyRow - 1]![PC.status]);
    const first = cell.indexOf('spoke to adjuster J. Ruiz');
    const second = cell.indexOf('=Called adjuster');
    expect(first).toBeGreaterThanOrEqual(0);
    expect(second).toBeGreaterThan(first);
    const logAfter = log._values();
    expect(logAfter.length).toBe(logBefore.length + 2);
    logBefore.forEach((row, i) => expect(logAfter[i]!.slice(0, row.length)).toEqual(row));
    const flat = logAfter.slice(logBefore.length).map((r) => r.join(' | '));
    expect(flat[0]).toContain('spoke to adjuster J. Ruiz');
    expect(flat[1]).toContain('=Called adjuster');
    expect(flat[0]).toContain(b.gas.user);
    // The "=..." note is text in both places, never a formula.
    for (const s of [items, log]) for (const c of s.cells.values()) expect(c.formula.includes('Called adjuster')).toBe(false);
    // And a rebuild keeps both entries.
    b.call('pursueBuild', { ours: { sheet: 'Ours' }, theirs: { sheet: 'Theirs' }, totals: {} });
    const rebuilt = String(b.gas.ss._sheet(SHEETS.pursue)!._values()[pursueRowOf(b.gas.ss._sheet(SHEETS.pursue)!, item) - 1]![PC.status]);
    expect(rebuilt).toContain('spoke to adjuster J. Ruiz');
    expect(rebuilt).toContain('=Called adjuster');
  });

  test('a selection outside Pursue Items is refused with what to select', () => {
    const b = setupCase2(advancedSheets);
    b.call('pursueBuild', { ours: { sheet: 'Ours' }, theirs: { sheet: 'Theirs' }, totals: {} });
    b.gas.ss._select('Ours', 'A3');
    expect(() => b.call('pursueAddStatusNote', 'spoke to J. Ruiz')).toThrow(/Nothing picked: click a cell in an item row on the "Pursue Items" sheet/);
  });

  test('RF asked and a topic decision are written where the engine says', () => {
    const b = setupCase2(advancedSheets);
    const s = b.call<{ topics: Array<{ name: string; items: string[]; state: string }> }>('pursueBuild', {
      ours: { sheet: 'Ours' },
      theirs: { sheet: 'Theirs' },
      totals: {},
    });
    const items = b.gas.ss._sheet(SHEETS.pursue)!;
    const keyRow = items._values().findIndex((r) => parseKey(String(r[PC.key] ?? ''))?.kind === 'item') + 1;
    b.gas.ss._select(SHEETS.pursue, `A${keyRow}`);
    b.call('pursueSetRfAsked', true);
    expect(items._values()[keyRow - 1]![PC.rf]).toBe('Y');
    const suggested = s.topics.find((t) => t.state === 'suggested');
    if (suggested) {
      b.call('pursueAcceptTopic', suggested.name, suggested.items, true);
      const topics = b.gas.ss._sheet(SHEETS.topics)!._values();
      const row = topics.find((r) => r[0] === suggested.name);
      expect(row).toBeDefined();
      expect(row).toContain('accepted');
    }
  });
});

describe.each(WRITERS)('copy for CRM, readiness, share (%s)', (_label, advancedSheets) => {
  test('Copy for CRM returns the engine text; the menu dialog shows it escaped in a textarea', () => {
    const b = setupCase2(advancedSheets);
    const req = { ours: { sheet: 'Ours' }, theirs: { sheet: 'Theirs' }, totals: {} };
    b.call('pursueBuild', req);
    const { text } = b.call<{ text: string }>('pursueCopyForCrm');
    const expected = buildPursue({
      ours: sheetCells(b.gas.ss._sheet('Ours')!),
      theirs: sheetCells(b.gas.ss._sheet('Theirs')!),
      options: { ours: {}, theirs: {} },
      existing: Object.fromEntries(
        b.gas.ss.sheets.filter((s) => Object.values(SHEETS).includes(s.name as never)).map((s) => [s.name, sheetCells(s)]),
      ),
      today: todayUtc(),
    });
    expect(text).toBe(expected.crm);
    expect(text.split('\n')[0]).toContain('Item Number');
    b.call('pursueMenuCopyForCrm');
    const dialog = b.gas.ui.dialogs[0]!;
    expect(dialog.title).toBe('Copy for CRM');
    expect(dialog.content).toContain('<textarea');
  });

  test('an item description with HTML reaches the CRM dialog escaped', () => {
    const gas = createFakeGas({ advancedSheets });
    const ours = pasteRows(fixture('case1', 'ours.txt'), 'tsv');
    ours[1]![2] = '<img src=x onerror=alert(1)> Remove shingles';
    gas.ss._paste('Ours', ours);
    gas.ss._paste('Theirs', pasteRows(fixture('case1', 'theirs.txt'), 'tsv'));
    const b = loadBundle(gas);
    b.call('pursueBuild', { ours: { sheet: 'Ours' }, theirs: { sheet: 'Theirs' }, totals: {} });
    b.call('pursueMenuCopyForCrm');
    const html = b.gas.ui.dialogs[0]!.content;
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img src=x');
  });

  test('readiness lists items over the gap with what they lack', () => {
    const b = setupCase2(advancedSheets);
    b.call('pursueBuild', { ours: { sheet: 'Ours' }, theirs: { sheet: 'Theirs' }, totals: {} });
    const r = b.call<{ issues: Array<{ item: string; missing: string[]; message: string }> }>('pursueReadiness', { minGap: '100', days: 7 });
    expect(r.issues.length).toBeGreaterThan(0);
    for (const i of r.issues) expect(i.missing.length).toBeGreaterThan(0);
    b.gas.ui.script.alerts.push('OK');
    b.call('pursueMenuReadiness');
    expect(b.gas.ui.alertsShown.at(-1)!.title).toBe('Readiness check');
  });

  test('Copy for CRM before any build says to build first', () => {
    const b = setupCase2(advancedSheets);
    expect(() => b.call('pursueCopyForCrm')).toThrow(/Build the pursue items first/);
  });

  test('Share with RM adds an editor or a viewer; a bad address is a clear error', () => {
    const b = loadBundle(createFakeGas());
    expect(b.call<{ message: string }>('pursueShare', { email: 'rm@acme-roofing.test', role: 'editor' }).message).toMatch(/can now edit/);
    expect(b.call<{ message: string }>('pursueShare', { email: ' boss@acme-roofing.test ', role: 'viewer' }).message).toMatch(/can now view/);
    expect(b.gas.ss.editors).toEqual(['rm@acme-roofing.test']);
    expect(b.gas.ss.viewers).toEqual(['boss@acme-roofing.test']);
    expect(() => b.call('pursueShare', { email: 'rm at acme', role: 'editor' })).toThrow(/"rm at acme" is not an email address/);
    expect(b.gas.ss.editors).toEqual(['rm@acme-roofing.test']);
  });

  test('Share with RM from the menu: prompt for the address, Yes = editor', () => {
    const b = loadBundle(createFakeGas());
    b.gas.ui.script.prompts.push(['OK', 'rm@acme-roofing.test']);
    b.gas.ui.script.alerts.push('YES', 'OK');
    b.call('pursueMenuShare');
    expect(b.gas.ss.editors).toEqual(['rm@acme-roofing.test']);
  });
});

describe('text stays text', () => {
  const risky = ['=HYPERLINK("http://x","click")', '+1 555 0148', '-remove and replace', '@adjuster', "'quoted", '9/03', '1,234.56', 'TRUE'];

  function description(format: string): WorkbookDescription {
    const rows = risky.length;
    const sd: SheetDescription = {
      name: 'Pursue Items',
      rowCount: rows + 1,
      colCount: 2,
      values: [['Text', null], ...risky.map((t) => [t, 2])],
      formulas: [[null, null], ...risky.map((_, i) => [null, i === 0 ? `=B${i + 2}*2` : null])],
      numberFormats: [['General', 'General'], ...risky.map(() => [format, '0.00'])],
      bold: [[true, true], ...risky.map(() => [false, false])],
      italic: Array.from({ length: rows + 1 }, () => [false, false]),
      fontColors: Array.from({ length: rows + 1 }, () => ['#000000', '#000000']),
      fills: Array.from({ length: rows + 1 }, () => [null, null]),
      wrap: Array.from({ length: rows + 1 }, () => [false, false]),
      hAlign: Array.from({ length: rows + 1 }, () => [null, null]),
      columnWidths: [30, 10],
      frozenRows: 1,
      frozenColumns: 0,
      filter: null,
      borders: [],
      conditionalFormats: [],
      validations: [],
      notes: [],
      merges: [],
      print: { landscape: true, fitToPageWide: true, fitToPageTall: false },
      tabColor: null,
    };
    return { sheets: [sd] };
  }

  test.each(['@', 'General'])('pasted text starting with = + - @ (format %s) is written as text, formulas as formulas', (format) => {
    const b = loadBundle(createFakeGas());
    const ss = b.context['SpreadsheetApp'].getActiveSpreadsheet();
    b.context['PursueGas'].writeWorkbook(b.context['SpreadsheetApp'], ss, description(format), new Map());
    const sheet = b.gas.ss._sheet('Pursue Items')!;
    risky.forEach((t, i) => {
      const cell = sheet._peek(i + 2, 1)!;
      expect({ t, formula: cell.formula, value: cell.value }).toEqual({ t, formula: '', value: t });
    });
    expect(sheet._peek(2, 2)!.formula).toBe('=B2*2');
  });

  test.each(['@', 'General'])('through the Sheets API batch (format %s): every text is stored as written, formulas as formulas', (format) => {
    const b = loadBundle(createFakeGas());
    const api = b.context['Sheets'];
    const G = b.context['PursueGas'];
    const snap = G.readWorkbookBatch(api, 'fake-spreadsheet-id', ['Pursue Items']);
    G.writeWorkbookBatch(api, snap, description(format));
    const sheet = b.gas.ss._sheet('Pursue Items')!;
    risky.forEach((t, i) => {
      const cell = sheet._peek(i + 2, 1)!;
      expect({ t, formula: cell.formula, value: cell.value }).toEqual({ t, formula: '', value: t });
    });
    expect(sheet._peek(2, 2)!.formula).toBe('=B2*2');
    // stringValue needs no apostrophe prefix: the text is sent exactly as it is.
    const sent = JSON.stringify(b.gas.sheetsApi!.log.at(-1)!.requests);
    expect(sent).toContain(JSON.stringify({ stringValue: risky[0] }));
    expect(sent).not.toContain("'=HYPERLINK");
  });

  test('the stand-in turns unprotected "=..." into a formula, as Sheets does (so the test above proves something)', () => {
    const gas = createFakeGas();
    const sheet = gas.ss._add('X');
    sheet.getRange(1, 1, 1, 3).setValues([['=1+1', '+1 555', '1,234.56']]);
    expect(sheet._peek(1, 1)!.formula).toBe('=1+1');
    expect(sheet._peek(1, 2)!.formula).not.toBe('');
    expect(sheet._peek(1, 3)!.value).toBe(1234.56);
  });
});

describe('the stand-in enforces Google shapes', () => {
  test('2D data must match the range, with Google\'s words', () => {
    const gas = createFakeGas();
    const sheet = gas.ss._add('X');
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange('A1:B1').setBackgrounds([['#fff']])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(sheet.getRange('A1:C2').getValues()).toEqual([['', '', ''], ['', '', '']]);
  });
});

describe('service calls do not grow with rows', () => {
  /** Calls that write through SpreadsheetApp, one per sheet or range: the batch path makes none. */
  const perSheetWrites = (byMethod: Record<string, number>) =>
    Object.keys(byMethod).filter((k) => /^(Range|RangeList|Sheet|Filter)\.(set|insert|delete|clear|merge|break|create|remove)/.test(k) || k === 'Spreadsheet.insertSheet');

  test.each([
    ['a first build', false],
    ['a refresh over the first build', true],
  ])('Sheets API batch, %s: the same calls for 10, 100 and 1,000 lines but for batchUpdates, which follow bytes (each under 2 MB)', (_label, refresh) => {
    const counts = [10, 100, 1000].map((n) => countGasCalls(n, CODE, { refresh }));
    // eslint-disable-next-line no-console
    console.log(
      counts.map((c) => `batch${refresh ? ' refresh' : ''}: ${c.rows} rows: ${c.calls} calls, ${c.ms} ms, batchUpdate body ${c.batchBytes} bytes`).join('\n') +
        `\n${JSON.stringify(counts[0]!.byMethod)}`,
    );
    for (const c of counts) {
      expect(c.writer).toBe('sheets-api');
      expect(c.calls).toBeLessThanOrEqual(25);
      const batches = c.byMethod['Sheets.Spreadsheets.batchUpdate']!;
      expect(batches).toBeLessThanOrEqual(Math.ceil(c.batchBytes / (1.8 * 2 ** 20)) + 1);
      for (const b of c.batchSizes) expect(b).toBeLessThan(2 * 2 ** 20);
      expect(perSheetWrites(c.byMethod)).toEqual([]);
    }
    const others = (m: Record<string, number>) => Object.fromEntries(Object.entries(m).filter(([k]) => k !== 'Sheets.Spreadsheets.batchUpdate'));
    expect(others(counts[1]!.byMethod)).toEqual(others(counts[0]!.byMethod));
    expect(others(counts[2]!.byMethod)).toEqual(others(counts[0]!.byMethod));
    expect(counts[0]!.byMethod['Sheets.Spreadsheets.batchUpdate']).toBe(1);
  });

  test('SpreadsheetApp fallback: the same number of calls for 10, 100 and 1,000 lines per paste', () => {
    const counts = [10, 100, 1000].map((n) => countGasCalls(n, CODE, { advancedSheets: false }));
    for (const c of counts) expect(c.writer).toBe('spreadsheetapp');
    // eslint-disable-next-line no-console
    console.log(counts.map((c) => `fallback: ${c.rows} rows: ${c.calls} calls, ${c.ms} ms`).join('\n'));
    expect(counts[1]!.calls).toBe(counts[0]!.calls);
    expect(counts[2]!.calls).toBe(counts[0]!.calls);
    // Whole blocks per property: one setValues per sheet, never one per row.
    const setValues = counts[2]!.byMethod['Range.setValues'] ?? 0;
    expect(setValues).toBeLessThanOrEqual(10);
  });
});
