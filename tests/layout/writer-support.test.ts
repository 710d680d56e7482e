/**
 * Each writer declares what it does with every part of a WorkbookDescription (WriterSupport, next
 * to the writer), and is held to it: one description sets every property to a value no host has by
 * default, each writer writes it into its stand-in host, and a probe per property says whether the
 * host received it. A property declared written must arrive; one declared skipped must not (so a
 * writer that starts writing it has to say so). tsc already makes each declaration list every
 * property.
 */
import type ExcelJS from 'exceljs';
import { EXCELJS_SUPPORT, toExcelJs } from '../../cli/xlsx/write';
import { OFFICE_JS_SUPPORT, writeWorkbook as writeOfficeJs } from '../../excel-addin/writer';
import { SHEETS_API_SUPPORT, readWorkbookBatch, writeWorkbookBatch } from '../../gas/batch-writer';
import { SPREADSHEETAPP_SUPPORT, writeWorkbook } from '../../gas/writer';
import type { DescribedProperty, SheetDescription, WorkbookDescription, WriterSupport } from '../../shared/index';
import { createFakeGas, type FakeSheet } from '../gas/fake-gas';

/** 3 × 3, every property set, each to something a host would not do by itself. */
function fullSheet(): SheetDescription {
  const grid = <T>(v: (r: number, c: number) => T): T[][] => [0, 1, 2].map((r) => [0, 1, 2].map((c) => v(r, c)));
  return {
    name: 'Every property',
    rowCount: 3,
    colCount: 3,
    values: grid((r, c) => (r === 1 && c === 1 ? null : r === 2 && c === 0 ? 12.5 : `t${r}${c}`)),
    formulas: grid((r, c) => (r === 1 && c === 1 ? '=1+1' : null)),
    numberFormats: grid((r, c) => (r === 2 && c === 0 ? '0.000' : r === 1 && c === 1 ? 'General' : '@')),
    bold: grid((r, c) => r === 0 && c === 0),
    italic: grid((r, c) => r === 0 && c === 1),
    fontColors: grid((r, c) => (r === 0 && c === 2 ? '#123456' : '#000000')),
    fills: grid((r, c) => (r === 1 && c === 0 ? '#ABCDEF' : null)),
    wrap: grid((r, c) => r === 1 && c === 2),
    hAlign: grid((r, c) => (r === 2 && c === 1 ? 'center' : null)),
    columnWidths: [20, 30, 40],
    hiddenColumns: [2],
    frozenRows: 1,
    frozenColumns: 1,
    filter: 'A1:C3',
    borders: [{ range: 'A1:C1', edges: ['bottom'], style: 'medium', color: '#FF0000' }],
    conditionalFormats: [{ range: 'A2:C3', formula: '=$A2>0', fill: '#00FF00' }],
    validations: [{ range: 'B3:B3', list: ['Y', 'N'], allowBlank: true, message: 'Type Y or N.' }],
    notes: [{ cell: 'A1', text: 'a note' }],
    merges: ['B3:C3'],
    print: { landscape: true, fitToPageWide: true, fitToPageTall: true, area: 'A1:B3', repeatRows: 1 },
    tabColor: '#FF00FF',
    rowHeights: [30, null, 45],
    fontSize: 9,
    verticalAlign: 'top',
  };
}
const WORKBOOK: WorkbookDescription = { sheets: [fullSheet()] };
const PROPERTIES = Object.keys(EXCELJS_SUPPORT) as DescribedProperty[];

type Probes = Record<DescribedProperty, () => boolean>;

function holdsTo(name: string, support: WriterSupport, probes: Probes): void {
  describe(`${name} does what it declares`, () => {
    test.each(PROPERTIES)('%s', (p) => {
      expect({ property: p, received: probes[p]() }).toEqual({ property: p, received: support[p] === true });
    });
  });
}

// ExcelJS (the command line's .xlsx): the in-memory workbook the file is written from.
{
  let ws: ExcelJS.Worksheet;
  beforeAll(() => {
    ws = toExcelJs(WORKBOOK).getWorksheet('Every property')!;
  });
  const cell = (a1: string) => ws.getCell(a1);
  const argb = (c: Partial<ExcelJS.Color> | undefined) => (c?.argb ?? '').slice(-6).toUpperCase();
  holdsTo('ExcelJS (.xlsx)', EXCELJS_SUPPORT, {
    values: () => cell('A1').value === 't00' && cell('A3').value === 12.5,
    formulas: () => (cell('B2').value as ExcelJS.CellFormulaValue | null)?.formula?.replace(/^=/, '') === '1+1',
    numberFormats: () => cell('A3').numFmt === '0.000',
    bold: () => cell('A1').font?.bold === true,
    italic: () => cell('B1').font?.italic === true,
    fontColors: () => argb(cell('C1').font?.color) === '123456',
    fills: () => argb((cell('A2').fill as ExcelJS.FillPattern | undefined)?.fgColor) === 'ABCDEF',
    wrap: () => cell('C2').alignment?.wrapText === true,
    hAlign: () => cell('B3').alignment?.horizontal === 'center',
    columnWidths: () => ws.getColumn(3).width === 40,
    hiddenColumns: () => ws.getColumn(3).hidden === true,
    frozenRows: () => ws.views.some((v) => (v as ExcelJS.WorksheetViewFrozen).ySplit === 1),
    frozenColumns: () => ws.views.some((v) => (v as ExcelJS.WorksheetViewFrozen).xSplit === 1),
    filter: () => JSON.stringify(ws.autoFilter ?? '').includes('A1'),
    borders: () => cell('B1').border?.bottom?.style === 'medium',
    conditionalFormats: () => JSON.stringify((ws as unknown as { conditionalFormattings?: unknown }).conditionalFormattings ?? []).includes('$A2>0'),
    // Range validations live on the sheet (ExcelJS leaves them out of its typings).
    validations: () => JSON.stringify((ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model).includes('Y,N'),
    notes: () => JSON.stringify(cell('A1').note ?? '').includes('a note'),
    merges: () => cell('C3').isMerged,
    tabColor: () => argb(ws.properties.tabColor) === 'FF00FF',
    fontSize: () => cell('A1').font?.size === 9,
    verticalAlign: () => cell('A1').alignment?.vertical === 'top',
    rowHeights: () => ws.getRow(1).height === 30 && ws.getRow(3).height === 45,
    'print.landscape': () => ws.pageSetup.orientation === 'landscape',
    'print.fitToPageWide': () => ws.pageSetup.fitToPage === true && ws.pageSetup.fitToWidth === 1,
    'print.fitToPageTall': () => ws.pageSetup.fitToPage === true && ws.pageSetup.fitToHeight === 1,
    'print.area': () => (ws.pageSetup.printArea ?? '').replace(/\$/g, '') === 'A1:B3',
    'print.repeatRows': () => ws.pageSetup.printTitlesRow === '1:1',
  });
}

/** Probes for the Google stand-in (both Google writers leave their work in the same fake sheet). */
function googleProbes(sheet: () => FakeSheet): Probes {
  const at = (r: number, c: number) => sheet()._peek(r, c);
  const noPrint = () => false; // the stand-in, like Google's APIs, has nowhere to put print settings
  return {
    values: () => at(1, 1)?.value === 't00' && at(3, 1)?.value === 12.5,
    formulas: () => at(2, 2)?.formula === '=1+1',
    numberFormats: () => at(3, 1)?.numberFormat === '0.000',
    bold: () => at(1, 1)?.fontWeight === 'bold',
    italic: () => at(1, 2)?.fontStyle === 'italic',
    fontColors: () => at(1, 3)?.fontColor?.toLowerCase() === '#123456',
    fills: () => at(2, 1)?.background?.toLowerCase() === '#abcdef',
    wrap: () => at(2, 3)?.wrap === true,
    hAlign: () => at(3, 2)?.hAlign === 'center',
    columnWidths: () => sheet().colWidths.get(3) === 285,
    hiddenColumns: () => sheet().isColumnHiddenByUser(3),
    frozenRows: () => sheet().frozenRows === 1,
    frozenColumns: () => sheet().frozenCols === 1,
    filter: () => sheet().filterRange === 'A1:C3',
    borders: () => sheet().borders.some((b) => b.ranges.includes('A1:C1')),
    conditionalFormats: () => sheet().cfRules.some((r) => r.formula === '=$A2>0'),
    validations: () => (at(3, 2)?.validation?.list ?? []).join() === 'Y,N',
    notes: () => at(1, 1)?.note === 'a note',
    merges: () => sheet().merges.includes('B3:C3'),
    tabColor: () => sheet().tabColor?.toLowerCase() === '#ff00ff',
    fontSize: () => at(1, 1)?.fontSize === 9,
    verticalAlign: () => at(1, 1)?.vAlign === 'top',
    rowHeights: () => sheet().rowHeights.get(1) === 40 && sheet().rowHeights.get(3) === 60,
    'print.landscape': noPrint,
    'print.fitToPageWide': noPrint,
    'print.fitToPageTall': noPrint,
    'print.area': noPrint,
    'print.repeatRows': noPrint,
  };
}

// SpreadsheetApp (the Apps Script fallback writer).
{
  let sheet: FakeSheet;
  beforeAll(() => {
    const gas = createFakeGas({ advancedSheets: false });
    const app = gas.globals['SpreadsheetApp'] as Parameters<typeof writeWorkbook>[0];
    writeWorkbook(app, app.getActiveSpreadsheet(), WORKBOOK, new Map());
    sheet = gas.ss._sheet('Every property')!;
  });
  holdsTo('SpreadsheetApp', SPREADSHEETAPP_SUPPORT, googleProbes(() => sheet));
}

// The Sheets API batch (the Apps Script writer when the advanced service is on).
{
  let sheet: FakeSheet;
  beforeAll(() => {
    const gas = createFakeGas();
    const api = gas.globals['Sheets'] as Parameters<typeof writeWorkbookBatch>[0];
    const snap = readWorkbookBatch(api, gas.ss.getId(), ['Every property']);
    writeWorkbookBatch(api, snap, WORKBOOK);
    sheet = gas.ss._sheet('Every property')!;
  });
  holdsTo('Sheets API batch', SHEETS_API_SUPPORT, googleProbes(() => sheet));
}

// Office.js: a recording stand-in takes every property set and method call the writer queues.
{
  const log: string[] = [];
  /** Any Office.js object: records `path = value` and `path(args)`, returns a recorder for anything else. */
  function recorder(pathSoFar: string): unknown {
    const fn = (...args: unknown[]) => {
      log.push(`${pathSoFar}(${JSON.stringify(args)})`);
      return recorder(`${pathSoFar}(${JSON.stringify(args)})`);
    };
    return new Proxy(fn, {
      // Not a thenable: an awaited context.sync() resolves at once.
      get: (_t, prop) => (typeof prop === 'symbol' || prop === 'then' ? undefined : recorder(`${pathSoFar}.${String(prop)}`)),
      set: (_t, prop, value) => {
        log.push(`${pathSoFar}.${String(prop)} = ${JSON.stringify(value)}`);
        return true;
      },
    });
  }
  beforeAll(async () => {
    // The writer syncs between byte-bounded batches; this context's sync just returns.
    const context = { workbook: recorder('context.workbook'), sync: async () => undefined };
    await writeOfficeJs(context as unknown as Excel.RequestContext, WORKBOOK, new Set());
  });
  const has = (re: RegExp) => log.some((l) => re.test(l));
  const cellProps = () => log.find((l) => l.includes('setCellProperties(')) ?? '';
  holdsTo('Office.js', OFFICE_JS_SUPPORT, {
    values: () => has(/\.formulas = \[\["t00"/) && has(/12\.5/),
    formulas: () => has(/\.formulas = .*"=1\+1"/),
    numberFormats: () => has(/\.numberFormat = .*"0\.000"/),
    bold: () => cellProps().includes('"bold":true'),
    italic: () => cellProps().includes('"italic":true'),
    fontColors: () => cellProps().includes('#123456'),
    fills: () => cellProps().includes('#ABCDEF'),
    wrap: () => cellProps().includes('"wrapText":true'),
    hAlign: () => cellProps().includes('"horizontalAlignment":"Center"'),
    columnWidths: () => has(/setColumnProperties\(.*"columnWidth":\d/),
    hiddenColumns: () => has(/getRangeByIndexes\(\[0,2,1,1\]\)\.getEntireColumn\(\[\]\)\.columnHidden = true/),
    frozenRows: () => has(/freezePanes\.(freezeAt|freezeRows)\(/),
    frozenColumns: () => has(/freezePanes\.(freezeAt|freezeColumns)\(/),
    filter: () => has(/autoFilter\.apply\(/),
    borders: () => has(/borders\.getItem\(\["EdgeBottom"\]\)\.weight = "Medium"/),
    conditionalFormats: () => has(/rule\.formula = "=\$A2>0"/),
    validations: () => has(/dataValidation\.rule = .*Y,N/),
    notes: () => has(/a note/),
    merges: () => has(/getRange\(\["B3:C3"\]\)\.merge\(/),
    tabColor: () => has(/\.tabColor = "#FF00FF"/),
    fontSize: () => cellProps().includes('"size":9'),
    verticalAlign: () => cellProps().includes('"verticalAlignment":"Top"'),
    rowHeights: () => has(/setRowProperties\(.*"rowHeight":30/),
    'print.landscape': () => has(/pageLayout\.orientation = "Landscape"/),
    'print.fitToPageWide': () => has(/pageLayout\.zoom = .*"horizontalFitToPages":1/),
    'print.fitToPageTall': () => has(/pageLayout\.zoom = .*"verticalFitToPages":1/),
    'print.area': () => has(/setPrintArea\(\["A1:B3"\]\)/),
    'print.repeatRows': () => has(/setPrintTitleRows\(\["\$1:\$1"\]\)/),
  });
}

// The check can fail: a description whose font size and vertical alignment do not arrive (as when
// the SpreadsheetApp writer ignored them) makes the probes say so, against a declaration of true.
test('a writer that drops a property it declares is caught', () => {
  const gas = createFakeGas({ advancedSheets: false });
  const app = gas.globals['SpreadsheetApp'] as Parameters<typeof writeWorkbook>[0];
  const { fontSize: _f, verticalAlign: _v, rowHeights: _h, ...dropped } = fullSheet();
  writeWorkbook(app, app.getActiveSpreadsheet(), { sheets: [dropped as SheetDescription] }, new Map());
  const probes = googleProbes(() => gas.ss._sheet('Every property')!);
  expect([probes.fontSize(), probes.verticalAlign()]).toEqual([false, false]);
  expect([SPREADSHEETAPP_SUPPORT.fontSize, SPREADSHEETAPP_SUPPORT.verticalAlign]).toEqual([true, true]);
});
