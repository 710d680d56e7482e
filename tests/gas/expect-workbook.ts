/** Comparison helpers shared by the gas tests: what the stand-in holds against the workbook description. */
import type { SheetDescription, WorkbookDescription } from '../../shared/types/workbook';
import type { Cell } from '../../shared/types/cells';
import type { FakeGas, FakeSheet } from './fake-gas';

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** What the engine was handed, read back from the stand-in exactly as Code.js reads it. */
export function sheetCells(sheet: FakeSheet): Cell[][] {
  return sheet._values().map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : v)));
}

/** [label, advanced Sheets service enabled, the writer the build must report]. */
export const WRITERS: Array<[string, boolean, string]> = [
  ['Sheets API batch', true, 'sheets-api'],
  ['SpreadsheetApp fallback', false, 'spreadsheetapp'],
];


const AUTOMATIC = '0.###############';

/**
 * Every cell, format and sheet property of the description, as the stand-in holds it after writing.
 * The batch writer also sets the sheet-wide font size and vertical alignment (SpreadsheetApp's
 * writer leaves Google's defaults), checked when `batch` is set.
 */
export function expectSheetMatches(gas: FakeGas, sd: SheetDescription, batch = false): void {
  const sheet = gas.ss._sheet(sd.name);
  expect(sheet).toBeDefined();
  const s = sheet!;
  for (let r = 0; r < sd.rowCount; r++) {
    for (let c = 0; c < sd.colCount; c++) {
      const cell = s._peek(r + 1, c + 1);
      const where = `${sd.name}!R${r + 1}C${c + 1}`;
      const f = sd.formulas[r]?.[c] ?? null;
      const v = sd.values[r]?.[c] ?? null;
      if (f) {
        expect({ where, formula: cell?.formula }).toEqual({ where, formula: f });
      } else {
        expect({ where, formula: cell?.formula ?? '', value: cell?.value ?? '' }).toEqual({ where, formula: '', value: v === null ? '' : v });
      }
      const nf = sd.numberFormats[r]?.[c] ?? 'General';
      expect({ where, nf: cell?.numberFormat ?? AUTOMATIC }).toEqual({ where, nf: nf === 'General' ? AUTOMATIC : nf });
      expect({ where, bold: (cell?.fontWeight ?? 'normal') === 'bold' }).toEqual({ where, bold: sd.bold[r]?.[c] === true });
      expect({ where, italic: (cell?.fontStyle ?? 'normal') === 'italic' }).toEqual({ where, italic: sd.italic[r]?.[c] === true });
      expect({ where, fill: cell?.background ?? '#ffffff' }).toEqual({ where, fill: (sd.fills[r]?.[c] ?? '#ffffff').toLowerCase() });
      expect({ where, color: cell?.fontColor ?? '#000000' }).toEqual({ where, color: (sd.fontColors[r]?.[c] ?? '#000000').toLowerCase() });
      expect({ where, wrap: cell?.wrap ?? false }).toEqual({ where, wrap: sd.wrap[r]?.[c] === true });
      expect({ where, align: cell?.hAlign ?? null }).toEqual({ where, align: sd.hAlign[r]?.[c] ?? null });
      if (batch) {
        const vAlign = sd.verticalAlign === undefined ? null : sd.verticalAlign === 'center' ? 'middle' : sd.verticalAlign;
        expect({ where, size: cell?.fontSize ?? null, vAlign: cell?.vAlign ?? null }).toEqual({ where, size: sd.fontSize ?? null, vAlign });
      }
    }
  }
  // Nothing left over from an earlier build outside the description's grid.
  for (const [key, cell] of s.cells) {
    const [r, c] = key.split(',').map(Number) as [number, number];
    if (r > sd.rowCount || c > sd.colCount) {
      expect({ where: `${sd.name}!R${r}C${c}`, value: cell.value, formula: cell.formula }).toEqual({ where: `${sd.name}!R${r}C${c}`, value: '', formula: '' });
    }
  }
  const notes = new Map(sd.notes.map((n) => [n.cell, n.text]));
  for (const [key, cell] of s.cells) {
    const [r, c] = key.split(',').map(Number) as [number, number];
    const a1 = `${String.fromCharCode(64 + c)}${r}`;
    if (c <= 26) expect({ a1, note: cell.note }).toEqual({ a1, note: notes.get(a1) ?? '' });
  }
  expect(s.frozenRows).toBe(sd.frozenRows);
  expect(s.frozenCols).toBe(sd.frozenColumns);
  expect(s.filterRange).toBe(sd.filter);
  sd.columnWidths.forEach((w, i) => expect({ sheet: sd.name, col: i + 1, px: s.colWidths.get(i + 1) }).toEqual({ sheet: sd.name, col: i + 1, px: Math.max(20, Math.round(w * 7 + 5)) }));
  expect(s.cfRules.map((r) => ({ formula: r.formula, ranges: r.ranges }))).toEqual(
    sd.conditionalFormats.map((cf) => ({ formula: cf.formula, ranges: [cf.range] })),
  );
  for (const v of sd.validations) {
    const [a] = v.range.split(':');
    const m = /^([A-Z]+)([0-9]+)$/.exec(a!)!;
    const col = m[1]!.charCodeAt(0) - 64;
    expect(s._peek(Number(m[2]), col)?.validation?.list).toEqual(v.list);
  }
  expect(s.merges.sort()).toEqual([...sd.merges].sort());
  // Sheets reports colours in lower case, whichever case they were written in.
  expect(s.tabColor?.toLowerCase() ?? null).toBe(sd.tabColor?.toLowerCase() ?? null);
}

export function expectWorkbookMatches(gas: FakeGas, wb: WorkbookDescription, batch = false): void {
  for (const sd of wb.sheets) expectSheetMatches(gas, sd, batch);
  // "Pursue Items" first among the sheets the build wrote.
  const order = gas.ss.sheets.map((s) => s.name).filter((n) => wb.sheets.some((sd) => sd.name === n));
  expect(order).toEqual(wb.sheets.map((s) => s.name));
}

