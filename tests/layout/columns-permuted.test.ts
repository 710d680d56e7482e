/**
 * The layout is data: reorder PURSUE_COLUMNS and every formula of Pursue Items moves with its
 * columns. Each sample is built with the real column order and with permuted orders (the layout
 * module swapped for one whose PURSUE_COLUMNS and PC follow the permutation), written with ExcelJS,
 * and recalculated by LibreOffice in one start; every cell, read by its column's title, must come
 * out the same. A workbook with the old hard-coded letters (=D2-E2) is in the same run to show the
 * comparison catches a formula that did not move.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { buildPursue as BuildPursue } from '../../shared/pursue';
import { writeXlsx } from '../../cli/xlsx/write';
import type { WorkbookDescription } from '../../shared/types/workbook';
import { PURSUE_COLUMNS, SHEETS } from '../../shared/workbook/layout';
import { colLetter } from '../../shared/workbook/a1';
import { describeWithLibreOffice, xlsxFilesToCsvSheets } from '../helpers/libreoffice';
import { samplePairs } from '../workbook/factory';

const LAYOUT = '../../shared/workbook/layout';
const today = '2025-09-10';
const tmp = mkdtempSync(path.join(os.tmpdir(), 'pursue-columns-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Order = readonly string[];
const ORIGINAL: Order = PURSUE_COLUMNS;
const PERMUTATIONS: Record<string, Order> = {
  reversed: [...ORIGINAL].reverse(),
  rotated: [...ORIGINAL.slice(5), ...ORIGINAL.slice(0, 5)],
  // Gap $ before the figures it subtracts, Gap kind and Priority far apart.
  shuffled: ['Key', 'Gap $', 'Item Name', 'Insurer $', 'Gap kind', 'Area', 'Ours $', 'Status / notes', 'Next step', 'Item No(s).', 'Match override', 'Reason for denial', 'RF asked', 'Priority', 'Reason to approve', 'RE Item No.'],
};

/**
 * buildPursue loaded against a layout module whose columns come in `order`. (The .xlsx writer knows
 * no columns: it writes whatever description it is given, so it is loaded once, normally.)
 */
function withColumns(order: Order): typeof BuildPursue {
  let build: typeof BuildPursue | undefined;
  jest.isolateModules(() => {
    const real = jest.requireActual(LAYOUT) as typeof import('../../shared/workbook/layout');
    const PC = Object.fromEntries(Object.entries(real.PC).map(([k, i]) => [k, order.indexOf(real.PURSUE_COLUMNS[i]!)]));
    jest.doMock(LAYOUT, () => ({ ...real, PURSUE_COLUMNS: order, PC }));
    build = require('../../shared/pursue').buildPursue;
  });
  jest.dontMock(LAYOUT);
  return build!;
}

/** Rewrites the column letters of a formula from one column order to another (by column title). */
function reletter(formula: string, from: Order, to: Order): string {
  return formula.replace(/(\$?)([A-Z]{1,2})(\$?)([0-9]+)/g, (_m, d1: string, col: string, d2: string, row: string) => {
    let index = 0;
    for (const ch of col) index = index * 26 + (ch.charCodeAt(0) - 64);
    return `${d1}${colLetter(to.indexOf(from[index - 1]!))}${d2}${row}`;
  });
}

/** The sheet's rows as column title → cell text, by the sheet's own header row. */
function byTitle(csv: string[][]): Record<string, string>[] {
  const header = csv[0]!;
  return csv.map((row) => Object.fromEntries(header.map((title, i) => [title, row[i] ?? ''])));
}

/** Every formula of Pursue Items (cells and conditional formats) keyed by row and column title. */
function formulasByTitle(desc: WorkbookDescription, order: Order): Map<string, string> {
  const sheet = desc.sheets.find((s) => s.name === SHEETS.pursue)!;
  const out = new Map<string, string>();
  sheet.formulas.forEach((row, r) =>
    row.forEach((f, c) => {
      if (f !== null) out.set(`${r}:${order[c]}`, reletter(f, order, ORIGINAL));
    }),
  );
  sheet.conditionalFormats.forEach((cf, i) => out.set(`cf${i}`, reletter(cf.formula, order, ORIGINAL)));
  return out;
}

test('each order is a permutation of every Pursue Items column', () => {
  for (const order of Object.values(PERMUTATIONS)) expect([...order].sort()).toEqual([...ORIGINAL].sort());
});

describeWithLibreOffice('Pursue Items with its columns reordered', () => {
  const pairs = samplePairs();
  const files: { pair: string; order: string; file: string; desc: WorkbookDescription; columns: Order }[] = [];
  let csv: Map<string, Record<string, string[][]>>;

  beforeAll(async () => {
    for (const pair of pairs) {
      for (const [name, order] of Object.entries({ original: ORIGINAL, ...PERMUTATIONS })) {
        const build = withColumns(order);
        const { workbook } = build({ ours: pair.ours, theirs: pair.theirs, compare: pair.compare, options: pair.options, today });
        const file = path.join(tmp, `${pair.name}-${name}.xlsx`);
        await writeXlsx(workbook, file);
        files.push({ pair: pair.name, order: name, file, desc: workbook, columns: order });
      }
      // The old way: Gap $ hard-coded as =D{n}-E{n}, under the shuffled order.
      const build = withColumns(PERMUTATIONS.shuffled!);
      const { workbook } = build({ ours: pair.ours, theirs: pair.theirs, compare: pair.compare, options: pair.options, today });
      const sheet = workbook.sheets.find((s) => s.name === SHEETS.pursue)!;
      sheet.formulas = sheet.formulas.map((row, r) => row.map((f) => (f !== null && /^=[A-Z]+[0-9]+-[A-Z]+[0-9]+$/.test(f) ? `=D${r + 1}-E${r + 1}` : f)));
      const file = path.join(tmp, `${pair.name}-hardcoded.xlsx`);
      await writeXlsx(workbook, file);
      files.push({ pair: pair.name, order: 'hardcoded', file, desc: workbook, columns: PERMUTATIONS.shuffled! });
    }
    csv = xlsxFilesToCsvSheets(files.map((f) => f.file)); // one LibreOffice start for all of them
  });

  const sheetOf = (pair: string, order: string) => {
    const f = files.find((x) => x.pair === pair && x.order === order)!;
    return { ...f, rows: byTitle(csv.get(f.file)![SHEETS.pursue]!) };
  };

  test.each(samplePairs().flatMap((p) => Object.keys(PERMUTATIONS).map((o) => [p.name, o])))(
    '%s, %s columns: every cell LibreOffice computes is the same as with the real order',
    (pair, order) => {
      const original = sheetOf(pair, 'original');
      const permuted = sheetOf(pair, order);
      expect(permuted.rows.length).toBe(original.rows.length);
      expect(csv.get(permuted.file)![SHEETS.pursue]![0]).toEqual([...permuted.columns]);
      expect(permuted.rows).toEqual(original.rows);
      // The residual row is reconciled (the samples add up), so the mark's formula really ran.
      expect(original.rows.find((r) => r['Key'] === 'residual')!['Gap kind']).toBe('Reconciled');
      // And each formula, conditional formats included, names the same columns by title.
      expect(formulasByTitle(permuted.desc, permuted.columns)).toEqual(formulasByTitle(original.desc, ORIGINAL));
    },
  );

  test.each(samplePairs().map((p) => p.name))('%s: a Gap $ formula with hard-coded letters is caught', (pair) => {
    const original = sheetOf(pair, 'original');
    const hard = sheetOf(pair, 'hardcoded');
    expect(hard.rows).not.toEqual(original.rows);
    expect(formulasByTitle(hard.desc, hard.columns)).not.toEqual(formulasByTitle(original.desc, ORIGINAL));
  });
});
