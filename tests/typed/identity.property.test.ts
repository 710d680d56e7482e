// The promise of issue 11: what a person typed is never lost or moved to another item. Random
// typing on random items (topic members included), then what people do to a sheet: sort with or
// without the Key column, insert blank rows, delete optional columns, save through LibreOffice or
// openpyxl. A revision run must put every typed value back on its own item, or refuse with a
// message and leave the file byte for byte as it was. The Status Log never gains an entry under
// the wrong item.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { readXlsxAll } from '../../cli/xlsx/read';
import { itemAtRow, itemsHeader } from '../../shared/workbook/identity';
import { readBackWorkbook } from '../../shared/workbook/readback';
import { LC, PC, PURSUE_COLUMNS, SHEETS } from '../../shared/workbook/layout';
import { cellString } from '../../shared/workbook/readback';
import { soffice } from '../helpers/libreoffice';
import {
  DAY2, OPENPYXL_MISSING, baseBook, hasOpenpyxl, pasteFiles, runCli, saveThroughLibreOffice, saveThroughOpenpyxl, writeBook,
  type Book, type Grid,
} from './workbooks';

interface Typed {
  item: string;
  denial: string;
  approve: string;
  note: string; // a unique word the note carries
  rf: boolean;
}

interface Scenario {
  typed: Typed[];
  sortWithKey: boolean;
  sortWithoutKey: boolean;
  blanks: number[];
  dropped: string[];
  inject: 'none' | 'swap-item-no' | 'duplicate-item-no';
  writer: 'libreoffice' | 'openpyxl';
  seed: number;
}

const OPTIONAL = ['Priority', 'Gap kind', 'RE Item No.', 'Key', 'Match override'] as const;
const word = fc.stringMatching(/^[A-Za-z][A-Za-z ,.'’½-]{0,30}[A-Za-z.]$/);

function shuffle<T>(xs: T[], seed: number): T[] {
  const a = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = a.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** A topic cell without the part labelled for `item` ("Item 6: …" up to the next label). */
function withoutMember(cell: string, item: string): string {
  const out: string[] = [];
  let skipping = false;
  for (const line of cell.split('\n')) {
    const label = /^Items? ([^:]+):/.exec(line);
    if (label) skipping = label[1]!.split(/,\s*/).includes(item);
    if (label && skipping && label[1]!.includes(',')) {
      // "Items 5, 6: same text": the others keep it.
      const others = label[1]!.split(/,\s*/).filter((x) => x !== item);
      out.push(`${others.length > 1 ? 'Items' : 'Item'} ${others.join(', ')}:${line.slice(label[0].length)}`);
      skipping = false;
      continue;
    }
    if (!skipping) out.push(line);
  }
  return out.join('\n').trim();
}

/** Types each value where a person would: the item's own row, or its line on the topic's row. */
function typeInto(grid: Grid, typed: Typed[]): void {
  const h = itemsHeader(grid)!;
  for (const t of typed) {
    let r = -1;
    for (let i = h.row + 1; i < grid.length; i++) if (itemAtRow(grid, i)?.items.includes(t.item)) r = i;
    const shown = itemAtRow(grid, r)!;
    const row = grid[r]!;
    const note = `9/09 – ${t.note} spoke to adjuster J. Ruiz; next: send photos`;
    if (shown.kind === 'item') {
      row[PC.denial] = t.denial;
      row[PC.approve] = t.approve;
      row[PC.rf] = t.rf ? 'Y' : 'N';
      row[PC.status] = [cellString(row[PC.status]), note].filter((x) => x !== '').join('\n');
    } else {
      // On a topic row a person labels the line with the member it is about.
      // Typing over this member's part; the other members' parts stay. A suggestion is typed over.
      const keep = (c: number) => (/^Suggested: /.test(cellString(row[c])) ? '' : withoutMember(cellString(row[c]), t.item));
      row[PC.denial] = [keep(PC.denial), `Item ${t.item}: ${t.denial}`].filter((x) => x !== '').join('\n');
      row[PC.approve] = [keep(PC.approve), `Item ${t.item}: ${t.approve}`].filter((x) => x !== '').join('\n');
      const asked = new Set(/^Y: (.*)$/.exec(cellString(row[PC.rf]))?.[1]?.split(/,\s*/) ?? (cellString(row[PC.rf]) === 'Y' ? shown.items : []));
      if (t.rf) asked.add(t.item);
      else asked.delete(t.item);
      row[PC.rf] = asked.size === 0 ? 'N' : asked.size === shown.items.length ? 'Y' : `Y: ${shown.items.filter((m) => asked.has(m)).join(', ')}`;
      row[PC.status] = [cellString(row[PC.status]), `9/09 – Item ${t.item}: ${t.note} spoke to adjuster J. Ruiz; next: send photos`].filter((x) => x !== '').join('\n');
    }
  }
}

/** Applies the edits; returns the Pursue Items grid and whether the visible cells were made ambiguous. */
function edit(book: Book, s: Scenario): { book: Book; ambiguous: boolean } {
  const grid: Grid = book[SHEETS.pursue]!.map((r) => [...r]);
  typeInto(grid, s.typed);
  const h = itemsHeader(grid)!;
  let last = h.row;
  for (let r = h.row + 1; r < grid.length; r++) if (cellString(grid[r]![PC.item]) !== '') last = r;
  const data = grid.slice(h.row + 1, last + 1);
  let moved = data;
  if (s.sortWithKey) moved = shuffle(moved, s.seed);
  if (s.sortWithoutKey) {
    // Excel's "continue with the current selection": columns A to M move, the Key column stays.
    const order = shuffle(moved.map((_, i) => i), s.seed * 7 + 3);
    moved = moved.map((row, i) => [...moved[order[i]!]!.slice(0, PC.key), row[PC.key] ?? null]);
  }
  let ambiguous = false;
  const itemRows = moved.map((r, i) => ({ r, i })).filter(({ r }) => /^\d+$/.test(cellString(r[PC.item])));
  if (s.inject === 'duplicate-item-no' && itemRows.length > 2) {
    const [a, b] = [itemRows[s.seed % itemRows.length]!, itemRows[(s.seed + 5) % itemRows.length]!];
    if (a.i !== b.i) {
      a.r[PC.item] = b.r[PC.item] ?? null;
      ambiguous = true;
    }
  }
  if (s.inject === 'swap-item-no' && !s.dropped.includes('Key')) {
    // Item No. cells swapped without their names (a sort of column B alone): the Key's names disagree.
    const a = itemRows[s.seed % itemRows.length]!;
    const b = itemRows.find((x) => cellString(x.r[PC.name]) !== cellString(a.r[PC.name]))!;
    [a.r[PC.item], b.r[PC.item]] = [b.r[PC.item] ?? null, a.r[PC.item] ?? null];
    ambiguous = true;
  }
  const withBlanks: Grid = [];
  moved.forEach((row, i) => {
    if (s.blanks.includes(i)) withBlanks.push(new Array(PURSUE_COLUMNS.length).fill(null));
    withBlanks.push(row);
  });
  let out: Grid = [...grid.slice(0, h.row + 1), ...withBlanks, ...grid.slice(last + 1)];
  const drop = s.dropped.map((name) => PURSUE_COLUMNS.indexOf(name as never)).sort((a, b) => b - a);
  out = out.map((row) => {
    const r = [...row];
    for (const c of drop) r.splice(c, 1);
    return r;
  });
  return { book: { ...book, [SHEETS.pursue]: out }, ambiguous };
}

function scenarios(itemsOnSheet: string[], n: number): Scenario[] {
  const typedArb = fc.uniqueArray(fc.constantFrom(...itemsOnSheet), { minLength: 1, maxLength: 6 }).chain((items) =>
    fc.tuple(...items.map((item) => fc.record({ item: fc.constant(item), denial: word, approve: word, note: fc.constant(''), rf: fc.boolean() }))),
  );
  const arb = fc.record({
    typed: typedArb,
    sortWithKey: fc.boolean(),
    sortWithoutKey: fc.boolean(),
    blanks: fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 3 }),
    dropped: fc.subarray([...OPTIONAL]),
    inject: fc.constantFrom('none', 'none', 'none', 'swap-item-no', 'duplicate-item-no'),
    writer: fc.constantFrom('libreoffice', 'openpyxl'),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
  });
  return fc.sample(arb, n).map((s, k) => ({
    ...s,
    typed: s.typed.map((t, i) => ({ ...t, note: `NOTE${k}x${i}` })),
  })) as Scenario[];
}

const missing = `${soffice ? '' : 'LibreOffice not installed (apt-get install libreoffice-calc-nogui). '}${hasOpenpyxl ? '' : OPENPYXL_MISSING}`;
// Without the two writers the test cannot run: under CI that fails by name, elsewhere it shows as a todo.
if (missing !== '') {
  if (process.env.CI === 'true') test('LibreOffice and openpyxl are installed', () => { throw new Error(missing); });
  else test.todo(missing);
}
(missing === '' ? describe : () => undefined)('typed values stay on their items through sorting, blank rows, deleted columns and other writers', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'pursue-typed-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('every typed value ends on its own item, or the run refuses and the file is unchanged', async () => {
    const base = baseBook();
    const grid = base[SHEETS.pursue]!;
    const items: string[] = [];
    for (let r = 1; r < grid.length; r++) {
      const s = itemAtRow(grid, r);
      if (s && (s.kind === 'item' || s.kind === 'topic')) items.push(...s.items);
    }
    const list = scenarios(items, Number(process.env.TYPED_RUNS ?? 10));
    const src = path.join(dir, 'src');
    const lo = path.join(dir, 'lo');
    const py = path.join(dir, 'py');
    for (const d of [src, lo, py]) require('node:fs').mkdirSync(d);
    const edited = list.map((s, i) => ({ s, ...edit(base, s), file: path.join(src, `w${i}.xlsx`) }));
    for (const e of edited) await writeBook(e.book, e.file);
    // One conversion per writer for all files.
    const loFiles = edited.filter((e) => e.s.writer === 'libreoffice').map((e) => e.file);
    const pyFiles = edited.filter((e) => e.s.writer === 'openpyxl').map((e) => e.file);
    const converted = new Map<string, string>();
    if (loFiles.length > 0) saveThroughLibreOffice(loFiles, lo).forEach((f, i) => converted.set(loFiles[i]!, f));
    if (pyFiles.length > 0) saveThroughOpenpyxl(pyFiles, py).forEach((f, i) => converted.set(pyFiles[i]!, f));
    const pastes = pasteFiles(dir);

    let refused = 0;
    for (const e of edited) {
      const file = converted.get(e.file)!;
      const before = readFileSync(file);
      const run = runCli([pastes.ours, pastes.theirs, '--out', file, '--today', DAY2, '--author', 'Dana']);
      const what = `scenario ${JSON.stringify(e.s)}\n${run.err}`;
      if (e.ambiguous) {
        expect({ what, code: run.code }).toEqual({ what, code: 1 });
        expect(run.err).toMatch(/cannot be read safely: .*rows? \d+/);
        expect(readFileSync(file).equals(before)).toBe(true);
        refused++;
        continue;
      }
      expect({ what, code: run.code }).toEqual({ what, code: 0 });
      const after = await readXlsxAll(file);
      const back = readBackWorkbook(after, { today: DAY2 });
      for (const t of e.s.typed) {
        const a = back.state.items[t.item]!;
        expect({ what, item: t.item, denial: a.denialText, approve: a.reasonToApprove, rf: a.rfAsked }).toEqual({
          what, item: t.item, denial: t.denial, approve: t.approve, rf: t.rf,
        });
        expect(a.status.filter((x) => x.text.includes(t.note))).toHaveLength(1);
      }
      // The Status Log: every typed note sits under the item it was typed for, and nowhere else.
      const log = after[SHEETS.log]!;
      for (const row of log.slice(1)) {
        const text = cellString(row[LC.text]);
        const t = e.s.typed.find((x) => text.includes(x.note));
        if (t) expect({ what, item: cellString(row[LC.item]), text }).toEqual({ what, item: t.item, text });
      }
      // And it was written with the Author given on the command line.
      for (const row of log.slice(1)) if (e.s.typed.some((x) => cellString(row[LC.text]).includes(x.note))) expect(cellString(row[LC.author])).toBe('Dana');
    }
    // The generator must exercise both outcomes, or the property says little.
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThan(edited.length);
  }, 300_000);
});
