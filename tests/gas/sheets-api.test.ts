/**
 * The Sheets API batch writer (gas/batch-writer.ts) through the BUILT bundle, and the Advanced
 * Sheets service stand-in it is tested against: the stand-in must refuse what Google refuses, or
 * the bundle tests would prove nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildPursue } from '../../shared/pursue';
import { SHEETS, PC, PURSUE_COLUMNS, parseKey } from '../../shared/workbook/layout';
import type { Cell } from '../../shared/types/cells';
import { createFakeGas, loadBundle, syntheticPaste, type FakeGas, type LoadedBundle } from './fake-gas';
import { expectWorkbookMatches, sheetCells, todayUtc } from './expect-workbook';

const CODE = path.resolve('dist/gas/Code.js');
const ID = 'fake-spreadsheet-id';

beforeAll(() => {
  if (!existsSync(CODE)) throw new Error('dist/gas/Code.js is missing: run `node scripts/build.mjs gas`.');
});

/** A spreadsheet with one 1000 x 26 sheet ("Sheet1", id 0) and the Sheets service. */
function apiOnly(): { gas: FakeGas; api: NonNullable<FakeGas['sheetsApi']> } {
  const gas = createFakeGas();
  gas.ss._add('Sheet1');
  return { gas, api: gas.sheetsApi! };
}

const cellsAt = (row: number, col: number) => ({ sheetId: 0, startRowIndex: row, endRowIndex: row + 1, startColumnIndex: col, endColumnIndex: col + 1 });

describe('the Sheets service stand-in refuses what Google refuses', () => {
  test('unknown request kinds and unknown fields, with Google\'s words; real kinds the stand-in does not model', () => {
    const { api } = apiOnly();
    expect(() => api.Spreadsheets.batchUpdate({ requests: [{ paintCells: {} }] }, ID)).toThrow(
      `Invalid JSON payload received. Unknown name "paintCells" at 'requests[0]': Cannot find field.`,
    );
    expect(() =>
      api.Spreadsheets.batchUpdate({ requests: [{ updateCells: { range: cellsAt(0, 0), fields: 'note', colour: 'red' } }] }, ID),
    ).toThrow(`Unknown name "colour" at 'requests[0].updateCells'`);
    expect(() =>
      api.Spreadsheets.batchUpdate(
        { requests: [{ updateCells: { range: cellsAt(0, 0), rows: [{ values: [{ userEnteredFormat: { textFormat: { weight: 'bold' } } }] }], fields: 'userEnteredFormat' } }] },
        ID,
      ),
    ).toThrow(`Unknown name "weight" at 'requests[0].updateCells.rows[0].values[0].userEnteredFormat.textFormat'`);
    // Wrong JSON types and enum values.
    expect(() => api.Spreadsheets.batchUpdate({ requests: [{ mergeCells: { range: cellsAt(0, 0), mergeType: 'ALL' } }] }, ID)).toThrow(/Invalid value at 'requests\[0\]\.mergeCells\.mergeType'/);
    expect(() => api.Spreadsheets.batchUpdate({ requests: [{ clearBasicFilter: { sheetId: '0' } }] }, ID)).toThrow(/Invalid value at 'requests\[0\]\.clearBasicFilter\.sheetId'/);
    // One kind per request.
    expect(() => api.Spreadsheets.batchUpdate({ requests: [{ clearBasicFilter: { sheetId: 0 }, unmergeCells: { range: { sheetId: 0 } } }] }, ID)).toThrow(/oneof field 'kind'/);
    expect(() => api.Spreadsheets.batchUpdate({ requests: [{ sortRange: {} }] }, ID)).toThrow(/not modelled/);
    // A field mask must name real fields; errorValue is read-only.
    expect(() => api.Spreadsheets.batchUpdate({ requests: [{ updateCells: { range: cellsAt(0, 0), fields: 'userEnteredFormat.colour' } }] }, ID)).toThrow(/Invalid field mask path/);
    expect(() => api.Spreadsheets.batchUpdate({ requests: [{ updateCells: { range: cellsAt(0, 0), fields: '' } }] }, ID)).toThrow(/At least one field/);
    expect(() =>
      api.Spreadsheets.batchUpdate({ requests: [{ updateCells: { range: cellsAt(0, 0), rows: [{ values: [{ userEnteredValue: { errorValue: {} } }] }], fields: 'userEnteredValue' } }] }, ID),
    ).toThrow(/Unknown name "errorValue"/);
    expect(() => api.Spreadsheets.get(ID, { fields: 'sheets(properties,colour)' })).toThrow(/Invalid field selection sheets\.colour/);
  });

  test('ranges must lie inside the grid; sheets are addressed by an id that exists', () => {
    const { api } = apiOnly();
    expect(() => api.Spreadsheets.batchUpdate({ requests: [{ updateCells: { range: cellsAt(1000, 0), fields: 'note' } }] }, ID)).toThrow(
      "Invalid requests[0].updateCells: Range ('Sheet1'!A1001) exceeds grid limits. Max rows: 1000, max columns: 26",
    );
    expect(() =>
      api.Spreadsheets.batchUpdate({ requests: [{ updateDimensionProperties: { range: { sheetId: 0, dimension: 'COLUMNS', startIndex: 20, endIndex: 27 }, properties: { pixelSize: 50 }, fields: 'pixelSize' } }] }, ID),
    ).toThrow(/outside the sheet/);
    expect(() => api.Spreadsheets.batchUpdate({ requests: [{ setBasicFilter: { filter: { range: { ...cellsAt(0, 0), sheetId: 7 } } } }] }, ID)).toThrow('No grid with id: 7');
    // More rows than the range holds.
    expect(() =>
      api.Spreadsheets.batchUpdate({ requests: [{ updateCells: { range: cellsAt(0, 0), rows: [{ values: [{}] }, { values: [{}] }], fields: 'note' } }] }, ID),
    ).toThrow(/beyond the last requested row/);
  });

  test('the body comes first, then an id that exists; a batch is all or nothing', () => {
    const { gas, api } = apiOnly();
    const add = { addSheet: { properties: { title: 'New', sheetId: 5 } } };
    expect(() => (api.Spreadsheets.batchUpdate as (a: unknown, b: unknown) => unknown)(ID, { requests: [add] })).toThrow(/resource/);
    expect(() => api.Spreadsheets.batchUpdate({ requests: [add] }, 'another-id')).toThrow('Requested entity was not found.');
    const write = { updateCells: { range: cellsAt(0, 0), rows: [{ values: [{ userEnteredValue: { stringValue: 'kept?' } }] }], fields: 'userEnteredValue' } };
    expect(() => api.Spreadsheets.batchUpdate({ requests: [add, write, { updateCells: { range: cellsAt(5000, 0), fields: 'note' } }] }, ID)).toThrow(/exceeds grid limits/);
    expect(gas.ss.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(gas.ss._sheet('Sheet1')!._peek(1, 1)?.value ?? '').toBe('');
    // A sheet name may be used once.
    expect(() => api.Spreadsheets.batchUpdate({ requests: [{ addSheet: { properties: { title: 'Sheet1' } } }] }, ID)).toThrow(
      'A sheet with the name "Sheet1" already exists. Please enter another name.',
    );
  });

  test('stringValue is stored as the text itself, never parsed; formulaValue is a formula (unlike setValues, which parses)', () => {
    const { gas, api } = apiOnly();
    const texts = ['=1+1', '+1 555 0148', '-remove', '@adjuster', '1,234.56', 'TRUE', '9/03'];
    api.Spreadsheets.batchUpdate(
      {
        requests: [
          {
            updateCells: {
              range: { sheetId: 0, startRowIndex: 0, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: texts.length },
              rows: [{ values: texts.map((t) => ({ userEnteredValue: { stringValue: t } })) }, { values: [{ userEnteredValue: { formulaValue: '=1+1' } }] }],
              fields: 'userEnteredValue',
            },
          },
        ],
      },
      ID,
    );
    const sheet = gas.ss._sheet('Sheet1')!;
    texts.forEach((t, i) => expect({ t, value: sheet._peek(1, i + 1)!.value, formula: sheet._peek(1, i + 1)!.formula }).toEqual({ t, value: t, formula: '' }));
    expect(sheet._peek(2, 1)!.formula).toBe('=1+1');
    // The same texts through setValues (General format) are parsed: what the batch writer avoids.
    sheet.getRange(3, 1, 1, 2).setValues([['=1+1', '1,234.56']]);
    expect(sheet._peek(3, 1)!.formula).toBe('=1+1');
    expect(sheet._peek(3, 2)!.value).toBe(1234.56);
  });

  test('updateCells over a range clears, for the masked fields, every cell its rows do not cover', () => {
    const { gas, api } = apiOnly();
    const sheet = gas.ss._sheet('Sheet1')!;
    sheet.getRange(1, 1, 3, 3).setValues([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    sheet.getRange(3, 3).setNotes([['old note']]);
    api.Spreadsheets.batchUpdate(
      { requests: [{ updateCells: { range: { sheetId: 0, startRowIndex: 0, endRowIndex: 3, startColumnIndex: 0, endColumnIndex: 3 }, rows: [{ values: [{ userEnteredValue: { numberValue: 42 } }] }], fields: 'userEnteredValue' } }] },
      ID,
    );
    expect(sheet._values()).toEqual([[42]]);
    // The mask did not name notes: they stay.
    expect(sheet._peek(3, 3)!.note).toBe('old note');
  });
});

// ---------------------------------------------------------------- the built bundle

function pursueSheetValues(gas: FakeGas): Record<string, Cell[][]> {
  return Object.fromEntries(
    gas.ss.sheets.filter((s) => Object.values(SHEETS).includes(s.name as never)).map((s) => [s.name, sheetCells(s)]),
  );
}

function bundleWith(lines: number[], advancedSheets = true): LoadedBundle {
  const gas = createFakeGas({ advancedSheets });
  for (const n of lines) {
    gas.ss._paste(`Ours ${n}`, syntheticPaste(n, 'ours'));
    gas.ss._paste(`Theirs ${n}`, syntheticPaste(n, 'theirs'));
  }
  return loadBundle(gas, CODE);
}

function expectedAfter(gas: FakeGas, n: number, existing: Record<string, Cell[][]>) {
  return buildPursue({
    ours: sheetCells(gas.ss._sheet(`Ours ${n}`)!),
    theirs: sheetCells(gas.ss._sheet(`Theirs ${n}`)!),
    options: { ours: {}, theirs: {} },
    existing,
    today: todayUtc(),
  });
}

const req = (n: number) => ({ ours: { sheet: `Ours ${n}` }, theirs: { sheet: `Theirs ${n}` }, totals: {} });

describe('the batch writer in the built bundle', () => {
  test('a rebuild with fewer lines leaves exactly the new description: old rows cleared, rules, filter and merges not doubled', () => {
    const b = bundleWith([60, 10]);
    expect(b.call<{ writer: string }>('pursueBuild', req(60)).writer).toBe('sheets-api');
    const existing = pursueSheetValues(b.gas);
    const rowsBefore = b.gas.ss._sheet(SHEETS.pursue)!._values().length;
    const s = b.call<{ writer: string }>('pursueBuild', req(10));
    expect(s.writer).toBe('sheets-api');
    const expected = expectedAfter(b.gas, 10, existing);
    expect(b.gas.ss._sheet(SHEETS.pursue)!._values().length).toBeLessThan(rowsBefore);
    expectWorkbookMatches(b.gas, expected.workbook, true);
    // Pursue sheets first, each once; the pastes after them.
    expect(b.gas.ss.sheets.map((x) => x.name)).toEqual([...expected.workbook.sheets.map((x) => x.name), 'Ours 60', 'Theirs 60', 'Ours 10', 'Theirs 10']);
  });

  test('both writers leave the same grid: every cell, format, note, rule, width and sheet size', () => {
    const batch = bundleWith([40]);
    const fallback = bundleWith([40], false);
    expect(batch.call<{ writer: string }>('pursueBuild', req(40)).writer).toBe('sheets-api');
    expect(fallback.call<{ writer: string }>('pursueBuild', req(40)).writer).toBe('spreadsheetapp');
    for (const name of Object.values(SHEETS)) {
      const a = batch.gas.ss._sheet(name)!;
      const f = fallback.gas.ss._sheet(name)!;
      expect({ name, rows: a.maxRows, cols: a.maxCols, frozen: [a.frozenRows, a.frozenCols] }).toEqual({ name, rows: f.maxRows, cols: f.maxCols, frozen: [f.frozenRows, f.frozenCols] });
      expect({ name, widths: [...a.colWidths].sort() }).toEqual({ name, widths: [...f.colWidths].sort() });
      expect({ name, rules: a.cfRules, filter: a.filterRange, merges: a.merges }).toEqual({ name, rules: f.cfRules, filter: f.filterRange, merges: f.merges });
      expect({ name, tab: a.tabColor?.toLowerCase() ?? null }).toEqual({ name, tab: f.tabColor?.toLowerCase() ?? null });
      const keys = new Set([...a.cells.keys(), ...f.cells.keys()]);
      for (const k of keys) {
        // Sheet-wide font size and vertical alignment are the batch writer's extra.
        const { fontSize: _s, vAlign: _v, ...ca } = a.cells.get(k) ?? f.cells.get(k)!;
        const { fontSize: _s2, vAlign: _v2, ...cf } = f.cells.get(k) ?? a.cells.get(k)!;
        expect({ name, k, ...ca }).toEqual({ name, k, ...cf });
      }
      const borders = (s: typeof a) => s.borders.flatMap((x) => x.ranges.map((r) => `${r} ${x.edges.join()} ${x.color.toLowerCase()} ${x.style}`)).sort();
      expect({ name, borders: borders(a) }).toEqual({ name, borders: borders(f) });
    }
  });

  test('the read-back through the Sheets API gives the engine the same cells as SpreadsheetApp (dates, numbers, booleans, text)', () => {
    const b = bundleWith([12]);
    b.call('pursueBuild', req(12));
    const items = b.gas.ss._sheet(SHEETS.pursue)!;
    const rows = items._values();
    const header = rows.findIndex((r) => r[PC.item] === PURSUE_COLUMNS[PC.item]);
    const r = rows.findIndex((row, i) => i > header && parseKey(String(row[PC.key] ?? ''))?.kind === 'item') + 1;
    // What people might leave in cells: a date typed where Sheets parses it, a time, a number, a flag.
    items._cell(r, PC.status + 1).value = new Date(2026, 8, 3);
    items._cell(r, PC.denial + 1).value = new Date(2026, 8, 3, 14, 30, 0);
    items._cell(r, PC.approve + 1).value = 12.5;
    items._cell(r + 1, PC.approve + 1).value = true;
    items._cell(rows.length + 3, 2).value = 'typed below the table';
    const G = b.context['PursueGas'];
    const spreadsheet = b.context['SpreadsheetApp'].getActiveSpreadsheet();
    const viaApi = JSON.parse(JSON.stringify(G.readBatch(spreadsheet).values));
    const viaApp = JSON.parse(JSON.stringify(G.readExisting(spreadsheet).values));
    expect(Object.keys(viaApi).sort()).toEqual(Object.values(SHEETS).sort());
    expect(viaApi).toEqual(viaApp);
    expect(viaApi[SHEETS.pursue][r - 1][PC.status]).toBe('2026-09-03');
    expect(viaApi[SHEETS.pursue][r - 1][PC.denial]).toBe('2026-09-03T14:30:00');
  });

  test('when Google refuses the batch, nothing of it was applied and the SpreadsheetApp writer writes the same description', () => {
    const b = bundleWith([15]);
    const api = b.gas.sheetsApi!;
    const real = api.Spreadsheets.batchUpdate;
    api.Spreadsheets.batchUpdate = () => {
      throw new Error('Service invoked too many times in a short time');
    };
    const s = b.call<{ writer: string }>('pursueBuild', req(15));
    expect(s.writer).toBe('spreadsheetapp');
    expectWorkbookMatches(b.gas, expectedAfter(b.gas, 15, {}).workbook);
    // And the next build, with the service back, refreshes over what the fallback wrote.
    api.Spreadsheets.batchUpdate = real;
    const existing = pursueSheetValues(b.gas);
    expect(b.call<{ writer: string }>('pursueBuild', req(15)).writer).toBe('sheets-api');
    expectWorkbookMatches(b.gas, expectedAfter(b.gas, 15, existing).workbook, true);
  });

  test('when the Sheets API cannot even be read (e.g. turned off in the Cloud project), the build still works through SpreadsheetApp', () => {
    const b = bundleWith([15]);
    b.gas.sheetsApi!.Spreadsheets.get = () => {
      throw new Error('Sheets API has not been used in project 123 before or it is disabled.');
    };
    const s = b.call<{ writer: string }>('pursueBuild', req(15));
    expect(s.writer).toBe('spreadsheetapp');
    expectWorkbookMatches(b.gas, expectedAfter(b.gas, 15, {}).workbook);
  });
});

describe('the manifest', () => {
  test('dist/gas/appsscript.json enables the Sheets v4 advanced service under the name the bundle calls, with the scope the API needs', () => {
    const manifest = JSON.parse(readFileSync(path.resolve('dist/gas/appsscript.json'), 'utf8'));
    const code = readFileSync(CODE, 'utf8');
    expect(code).toContain('typeof Sheets');
    expect(manifest.dependencies.enabledAdvancedServices).toContainEqual({ userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' });
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/spreadsheets');
    // currentonly would only add a second consent line: spreadsheets covers it.
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
  });

  test('the build refuses a manifest that leaves the service or its scope out', () => {
    // The build script is an ES module jest does not load: ask node to run its check.
    const check = (manifest: unknown): string => {
      const script = `import { checkManifest } from './scripts/build-gas.mjs';
        try { checkManifest('x = Sheets.Spreadsheets.batchUpdate({ requests }, id)', ${JSON.stringify(manifest)}); console.log('ok'); }
        catch (e) { console.log(e.message); }`;
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
      return (r.stdout || r.stderr).trim();
    };
    const ok = JSON.parse(readFileSync(path.resolve('appsscript.json'), 'utf8'));
    expect(check(ok)).toBe('ok');
    expect(check({ ...ok, dependencies: {} })).toMatch(/enabledAdvancedServices/);
    expect(check({ ...ok, oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'] })).toMatch(/auth\/spreadsheets scope/);
  });
});
