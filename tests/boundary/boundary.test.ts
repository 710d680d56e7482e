// The engine/host boundary is enforced, not a convention: hosts import only shared/index.ts, nothing
// outside tests/ imports test code, and engine code type-checks without any host's globals.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoSources, specifiers, violations } from './imports';

const ROOT = path.resolve(__dirname, '../..');

describe('import boundary', () => {
  test('the repository keeps it', () => {
    expect(violations(repoSources(ROOT))).toEqual([]);
  });

  test('it sees every way of importing', () => {
    const text = [
      "import { a } from '../shared/a';",
      "import type { B } from '../shared/types/b';",
      "export { c } from '../shared/c';",
      "export * from '../shared/d';",
      "import '../shared/e';",
      "const f = require('../shared/f');",
      "const g = await import('../shared/g');",
      'import {\n  h,\n  i,\n} from "../shared/h";',
    ].join('\n');
    expect(specifiers(text)).toEqual(expect.arrayContaining(['../shared/a', '../shared/types/b', '../shared/c', '../shared/d', '../shared/e', '../shared/f', '../shared/g', '../shared/h']));
  });

  test.each([
    ['excel-addin/writer.ts', "import { colLetter } from '../shared/workbook/a1';"],
    ['gas/server.ts', "import type { Cell } from '../shared/types/cells';"],
    ['gas/sidebar/sidebar.ts', "import { formatMoney } from '../../shared/money';"],
    ['cli/xlsx/read.ts', "export { isPursueWorkbook } from '../../shared/workbook/readback';"],
    ['cli/main.ts', "const k = require('../shared/knowledge');"],
  ])('a host importing an engine internal fails: %s', (file, text) => {
    expect(violations([{ file, text }])).toEqual([expect.objectContaining({ file, rule: 'host-imports-engine-internals' })]);
  });

  test.each([
    ['gas/engine.ts', "export { rfAskedAt } from '../excel-addin/item-rule';"],
    ['cli/main.ts', "import { toCells } from '../gas/writer';"],
    ['excel-addin/taskpane.ts', "import { server } from '../gas/sidebar/server-calls';"],
  ])('a host importing another host fails: %s', (file, text) => {
    expect(violations([{ file, text }])).toEqual([expect.objectContaining({ file, rule: 'host-imports-another-host' })]);
  });

  test.each([
    ['excel-addin/count.ts', "import { countExcelSyncs } from '../tests/excel/count';"],
    ['bench/bench.ts', "import { countGasCalls } from '../tests/gas/fake-gas';"],
    ['shared/pursue.ts', "import { sample } from '../tests/helpers/samples';"],
    ['scripts/build.mjs', "import x from '../tests/helpers/generate.js';"],
  ])('code outside tests/ importing test code fails: %s', (file, text) => {
    expect(violations([{ file, text }])).toEqual([expect.objectContaining({ file, rule: 'imports-test-code' })]);
  });

  test('what is allowed stays allowed', () => {
    const ok = [
      { file: 'gas/server.ts', text: "import { buildPursue } from '../shared/index';\nimport { writeBook } from './writer';" },
      { file: 'cli/xlsx/read.ts', text: "import type { Cell } from '../../shared/index';\nimport ExcelJS from 'exceljs';" },
      { file: 'shared/pursue.ts', text: "import { matchLines } from './match/lines';" },
      { file: 'gas/sidebar/pdf.ts', text: "import { mountPdfDropZones } from '../../excel-addin/pdf/drop-zone';" },
      { file: 'tests/gas/x.test.ts', text: "import { fake } from './fake-gas';\nimport { a1 } from '../../shared/workbook/a1';" },
    ];
    expect(violations(ok)).toEqual([]);
  });
});

describe('engine tsconfig', () => {
  const tsc = path.join(ROOT, 'node_modules/.bin/tsc');
  /** Type-checks one file under shared/tsconfig.json's options (no DOM, no host types). */
  function checkAsEngine(source: string): { status: number | null; out: string } {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pursue-engine-tsc-'));
    writeFileSync(path.join(dir, 'probe.ts'), source);
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ extends: path.join(ROOT, 'shared/tsconfig.json'), include: ['probe.ts'] }));
    const r = spawnSync(tsc, ['--noEmit', '-p', dir], { encoding: 'utf8' });
    return { status: r.status, out: r.stdout + r.stderr };
  }

  test('accepts plain TypeScript', () => {
    const r = checkAsEngine('export const total = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);\n');
    expect(r).toEqual({ status: 0, out: '' });
  });

  test.each([
    ['the DOM', 'export const t = (): string => document.title;\n', 'document'],
    ['Apps Script', 'export const t = (): unknown => SpreadsheetApp.getActive();\n', 'SpreadsheetApp'],
    ['Office.js', 'export const t = (): unknown => Excel.run;\n', 'Excel'],
    ['Node', "export const t = (): unknown => process.env;\n", 'process'],
  ])('rejects %s', (_name, source, global) => {
    const r = checkAsEngine(source);
    expect(r.status).not.toBe(0);
    expect(r.out).toContain(`'${global}'`);
  });
});
