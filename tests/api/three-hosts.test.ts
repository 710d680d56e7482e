/**
 * The same sample (tests/fixtures/case2) through the three hosts' own code paths: the command line
 * (the built dist/cli/pursue.js: --json, --crm, --out), the task pane (excel-addin/actions.ts on office-addin-mock,
 * and its engine worker for readiness and the CRM text) and the Apps Script server (the built
 * dist/gas/Code.js on the fake SpreadsheetApp). They must give the same ranks, readiness results
 * and CRM text: each reads the engine's one per-item model, none decides for itself.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readXlsxValues } from '../../cli/xlsx';
import { buildWorkbook, readForBuild } from '../../excel-addin/actions';
import { engine } from '../../excel-addin/engine';
import type { WorkerReply, WorkerRequest } from '../../excel-addin/worker-protocol';
import { localToday, PC, SHEETS, type Cell } from '../../shared/index';
import { addSheet, grid, mockContext, newBook, usedBounds, type MockBook } from '../excel/mock-excel';
import { createFakeGas, loadBundle, pasteRows } from '../gas/fake-gas';
import { sampleCliArgs } from '../helpers/samples';

const CODE = path.resolve('dist/gas/Code.js');
const CLI = path.resolve('dist/cli/pursue.js');
const fixture = (f: string) => readFileSync(path.resolve('tests/fixtures/case2', f), 'utf8');
// The Apps Script server dates its run by the clock; the other two are given the same day.
const today = localToday();

interface HostOutput {
  /** Pursue Items: the Priority cell of each row, by its Key (blank when not ranked). */
  ranks: Record<string, string>;
  /** The Checks sheet's "to do" rows (the readiness check at the defaults). */
  checksToDo: string[];
  crm: string;
}

/** The Priority cell of every row, keyed by the hidden Key column (the row's identity). */
function ranksOf(values: Cell[][]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of values.slice(1)) {
    const key = String(row[PC.key] ?? '').split(';')[0]!;
    if (key === '' || ['sum', 'total', 'residual'].includes(key)) continue;
    out[key] = String(row[PC.priority] ?? '');
  }
  return out;
}

function toDoOf(values: Cell[][]): string[] {
  return values.filter((r) => r[0] === 'to do').map((r) => `${r[1]} | ${r[2]}`);
}

// ---------------------------------------------------------------- the command line

/** The built command, as a person runs it (a failing run throws with its stderr). */
function runCli(args: string[]): string {
  return execFileSync(process.execPath, [CLI, ...sampleCliArgs('case2'), '--today', today, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

async function cliHost(dir: string): Promise<HostOutput & { json: { lines: Array<{ item: string; rank: number | null; nextStep: string | null; gap: number }> } }> {
  const file = path.join(dir, 'pursue-items.xlsx');
  runCli(['--out', file]);
  const book = (await readXlsxValues(file))!;
  return {
    ranks: ranksOf(book[SHEETS.pursue]!),
    checksToDo: toDoOf(book[SHEETS.checks]!),
    crm: runCli(['--crm']),
    json: JSON.parse(runCli(['--json'])),
  };
}

// ---------------------------------------------------------------- the task pane

/** The pane's engine worker, run in this process: the readiness and CRM requests go through it as the pane sends them. */
function loadWorker(): (msg: WorkerRequest) => WorkerReply[] {
  const replies: WorkerReply[] = [];
  const self = { postMessage: (m: WorkerReply) => replies.push(m), onmessage: null as null | ((e: { data: WorkerRequest }) => void) };
  (globalThis as unknown as { self: typeof self }).self = self;
  jest.isolateModules(() => require('../../excel-addin/engine-worker'));
  return (msg) => {
    replies.length = 0;
    self.onmessage!({ data: msg });
    return [...replies];
  };
}

function sheetValues(book: MockBook, name: string): Cell[][] {
  const s = book.sheets.find((x) => x.name === name)!;
  const b = usedBounds(s)!;
  return grid(s, 'value', 0, 0, b.r2, b.c2);
}

async function excelHost(): Promise<HostOutput & { readiness: string[]; headline: string }> {
  const book = newBook();
  const lines = (f: string) => fixture(f).split(/\r?\n/).map((l) => [l]);
  addSheet(book, 'Ours', lines('ours.txt'));
  addSheet(book, 'Theirs', lines('theirs.txt'));
  const req = { ours: { kind: 'sheet', sheet: 'Ours' }, theirs: { kind: 'sheet', sheet: 'Theirs' }, options: {}, today } as const;
  await buildWorkbook(mockContext(book), engine, req, { notes: false });
  // As the pane does for Readiness and Copy for CRM: read the sheets now, hand them to the worker.
  const { read, input } = await readForBuild(mockContext(book), req);
  const engineIn = { ...input, origins: {}, existing: read.existing, totals: {}, tolerance: '', today };
  const ask = loadWorker();
  const ready = ask({ id: 1, op: 'readiness', input: engineIn, minGap: '', days: '' }).find((m) => m.type === 'readiness');
  const crm = ask({ id: 2, op: 'crm', input: engineIn }).find((m) => m.type === 'crm');
  if (ready?.type !== 'readiness' || crm?.type !== 'crm') throw new Error('the worker gave no readiness or CRM reply');
  return {
    ranks: ranksOf(sheetValues(book, SHEETS.pursue)),
    checksToDo: toDoOf(sheetValues(book, SHEETS.checks)),
    crm: crm.text,
    readiness: ready.issues,
    headline: ready.text,
  };
}

// ---------------------------------------------------------------- the Apps Script server

function readinessOf(r: { issues: Array<{ message: string }>; headline: string }) {
  return { readiness: r.issues.map((i) => i.message), headline: r.headline };
}

function gasHost(): HostOutput & { readiness: string[]; headline: string } {
  const gas = createFakeGas();
  gas.ss._paste('Ours', pasteRows(fixture('ours.txt'), 'lines'));
  gas.ss._paste('Theirs', pasteRows(fixture('theirs.txt'), 'lines'));
  const b = loadBundle(gas);
  const req = { ours: { sheet: 'Ours' }, theirs: { sheet: 'Theirs' }, totals: {} };
  b.call('pursueBuild', req);
  const values = (name: string) => gas.ss._sheet(name)!._values() as Cell[][];
  return {
    ranks: ranksOf(values(SHEETS.pursue)),
    checksToDo: toDoOf(values(SHEETS.checks)),
    crm: b.call<{ text: string }>('pursueCopyForCrm', req).text,
    ...readinessOf(b.call<{ issues: Array<{ message: string }>; headline: string }>('pursueReadiness', { minGap: '', days: '' }, req)),
  };
}

describe('the CLI, the task pane and the Apps Script server on tests/fixtures/case2', () => {
  let dir: string;
  let cli: Awaited<ReturnType<typeof cliHost>>;
  let excel: Awaited<ReturnType<typeof excelHost>>;
  let sheets: ReturnType<typeof gasHost>;

  beforeAll(async () => {
    for (const built of [CODE, CLI]) if (!existsSync(built)) throw new Error(`${built} is missing: run \`node scripts/build.mjs\`.`);
    dir = mkdtempSync(path.join(os.tmpdir(), 'pursue-hosts-'));
    cli = await cliHost(dir);
    excel = await excelHost();
    sheets = gasHost();
  }, 60000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the same priority on every row of Pursue Items', () => {
    const ranked = Object.values(cli.ranks).filter((r) => /^\d+$/.test(r));
    // Enough ranked and unranked rows that a difference in either would show.
    expect(ranked.length).toBeGreaterThan(10);
    expect(Object.values(cli.ranks).filter((r) => r === '').length).toBeGreaterThan(3);
    expect(excel.ranks).toEqual(cli.ranks);
    expect(sheets.ranks).toEqual(cli.ranks);
  });

  test("--json gives each line the sheet's rank (null when not ranked) and a next step when open", () => {
    for (const l of cli.json.lines) {
      const shown = cli.ranks[`item:${l.item}`];
      expect({ item: l.item, rank: l.rank === null ? '' : String(l.rank) }).toEqual({ item: l.item, rank: shown });
      expect({ item: l.item, hasNext: l.nextStep !== null }).toEqual({ item: l.item, hasNext: l.gap > 0 });
    }
  });

  test('the same readiness results: the panes at their defaults, and the to-dos on each Checks sheet', () => {
    expect(excel.readiness.length).toBeGreaterThan(3);
    expect(sheets.readiness).toEqual(excel.readiness);
    expect(sheets.headline).toBe(excel.headline);
    expect(excel.headline).toBe(`${excel.readiness.length} items to prepare before the call.`);
    expect(cli.checksToDo.length).toBe(excel.readiness.length);
    expect(excel.checksToDo).toEqual(cli.checksToDo);
    expect(sheets.checksToDo).toEqual(cli.checksToDo);
  });

  test('the same CRM text', () => {
    expect(cli.crm.split('\n').length).toBeGreaterThan(10);
    expect(excel.crm).toBe(cli.crm);
    expect(sheets.crm).toBe(cli.crm);
  });
});
