import type { Cell } from '../types/cells';
import type { StatusEntry, Topic } from '../types/knowledge';
import type { CellPatch, CellValue } from '../types/workbook';
import { formatStatusCell, makeStatusEntry } from '../knowledge';
import { a1, a1Range } from './a1';
import { FMT } from './grid';
import { DATE_FMT, isoToSerial } from './dates';
import { LC, LOG_COLUMNS, PC, SHEETS, TC, TOPIC_COLUMNS } from './layout';
import { itemAtRow, parseTopicRf, rowOfItem, topicRfCell, type ShownItem } from './identity';
import { cellString, findTitleRow, findSheet, pursueHeader, type ExistingWorkbook } from './readback';

export type { CellPatch };

/** The row of Pursue Items that shows `item` (its own row, its topic's row, or the O&P / tax row), by what the row shows. */
function findItemRow(existing: ExistingWorkbook, item: string): { name: string; row: number; cols: number[]; cells: Cell[]; shown: ShownItem } | null {
  const rows = findSheet(existing, SHEETS.pursue);
  if (!rows) return null;
  const h = pursueHeader(rows);
  if (!h) return null;
  const name = Object.keys(existing).find((k) => existing[k] === rows) ?? SHEETS.pursue;
  const r = rowOfItem(rows, item);
  const shown = r === null ? null : itemAtRow(rows, r);
  return r === null || !shown ? null : { name, row: r, cols: h.cols, cells: rows[r] ?? [], shown };
}

function textPatch(sheet: string, row: number, col: number, value: string): CellPatch {
  return { sheet, range: a1(row, col), values: [[value]], numberFormats: [[FMT.text]] };
}

/** First row after the last one holding anything (0-based). */
function nextFreeRow(rows: Cell[][], after: number): number {
  let last = after;
  rows.forEach((row, r) => {
    if (r > after && (row ?? []).some((c) => cellString(c) !== '')) last = r;
  });
  return last + 1;
}

function missingWarning(item: string, entry: StatusEntry): string[] {
  if (entry.missing.length === 0) return [];
  return [`The note for item ${item} does not say ${entry.missing.join(', ')}: add it so whoever calls next knows where things stand.`];
}

/**
 * What a host writes to add one dated status note to an item without rebuilding the workbook:
 * the note appended as a new line of the item's notes cell, and one new Status Log row below the
 * last one. Earlier lines and rows are never rewritten.
 */
export function statusNotePatch(
  existing: ExistingWorkbook,
  item: string,
  text: string,
  author: string,
  nowIso: string,
): { patches: CellPatch[]; entry: StatusEntry; warnings: string[] } {
  const entry = makeStatusEntry(text, nowIso, author);
  const patches: CellPatch[] = [];
  const warnings: string[] = [];
  if (entry.text === '') {
    return { patches, entry, warnings: ['The note is empty: type what was said, by whom, and the next step.'] };
  }
  const found = findItemRow(existing, item);
  if (found && found.cols[PC.status]! >= 0) {
    const col = found.cols[PC.status]!;
    const current = cellString(found.cells[col]).replace(/\s+$/, '');
    const line = formatStatusCell([entry]);
    patches.push(textPatch(found.name, found.row, col, current === '' ? line : `${current}\n${line}`));
  } else {
    warnings.push(`Item ${item} is not on the Pursue Items sheet: the note is kept in Status Log only. Check the item number, or build the sheet again.`);
  }
  const log = findSheet(existing, SHEETS.log);
  const h = log ? findTitleRow(log, LOG_COLUMNS, [LOG_COLUMNS[LC.item], LOG_COLUMNS[LC.text]]) : null;
  if (!log || !h) {
    warnings.push('The Status Log sheet or its header row is missing: build the sheet again so every note is kept.');
  } else {
    const sheetName = Object.keys(existing).find((k) => existing[k] === log) ?? SHEETS.log;
    const r = nextFreeRow(log, h.row);
    const cols = h.cols;
    const present = cols.filter((c) => c >= 0);
    const c1 = Math.min(...present);
    const c2 = Math.max(...present);
    const values: CellValue[] = new Array(c2 - c1 + 1).fill(null);
    const formats: string[] = values.map(() => FMT.text);
    const put = (field: number, v: CellValue, format: string = FMT.text): void => {
      if (cols[field]! < 0) return;
      values[cols[field]! - c1] = v;
      formats[cols[field]! - c1] = format;
    };
    // Real dates in US format, as the built Status Log has them.
    put(LC.timestamp, isoToSerial(entry.timestamp) ?? entry.timestamp, DATE_FMT.timestamp);
    put(LC.date, isoToSerial(entry.date) ?? entry.date, DATE_FMT.date);
    put(LC.item, item.trim());
    put(LC.author, entry.author);
    put(LC.text, entry.text);
    put(LC.missing, entry.missing.length > 0 ? `missing: ${entry.missing.join(', ')}` : '');
    patches.push({
      sheet: sheetName,
      range: a1Range(r, c1, r, c2),
      values: [values],
      numberFormats: [formats],
    });
  }
  warnings.push(...missingWarning(item, entry));
  return { patches, entry, warnings };
}

/** Sets the RF asked flag (Y / N) of an item's row. */
export function rfPatch(existing: ExistingWorkbook, item: string, asked: boolean): { patches: CellPatch[]; warnings: string[] } {
  const found = findItemRow(existing, item);
  if (!found || found.cols[PC.rf]! < 0) {
    return { patches: [], warnings: [`Item ${item} is not on the Pursue Items sheet: check the item number, or build the sheet again.`] };
  }
  if (found.shown.kind === 'topic') {
    // Only this member changes; the others keep what the cell says for them.
    const members = found.shown.items;
    const now = parseTopicRf(found.cells[found.cols[PC.rf]!], members) ?? new Map(members.map((m) => [m, false]));
    const want = members.find((m) => m.toLowerCase() === item.trim().toLowerCase()) ?? item.trim();
    now.set(want, asked);
    const cell = topicRfCell(members.map((m) => ({ item: m, asked: now.get(m) ?? false })));
    return { patches: [textPatch(found.name, found.row, found.cols[PC.rf]!, cell)], warnings: [] };
  }
  return { patches: [textPatch(found.name, found.row, found.cols[PC.rf]!, asked ? 'Y' : 'N')], warnings: [] };
}

/**
 * Records a topic decision on the Topics sheet (its row updated, or a new row added). Pursue Items
 * combines an accepted topic's items into one row at the next build.
 */
export function topicPatch(existing: ExistingWorkbook, topic: Topic): { patches: CellPatch[]; warnings: string[] } {
  const rows = findSheet(existing, SHEETS.topics);
  const h = rows ? findTitleRow(rows, TOPIC_COLUMNS, [TOPIC_COLUMNS[TC.name], TOPIC_COLUMNS[TC.state]]) : null;
  if (!rows || !h || h.cols[TC.items]! < 0) {
    return { patches: [], warnings: ['The Topics sheet or its header row (Topic, Item Nos., State) is missing: build the sheet again, then decide the topic.'] };
  }
  const sheet = Object.keys(existing).find((k) => existing[k] === rows) ?? SHEETS.topics;
  const name = topic.name.trim();
  let r = -1;
  for (let i = h.row + 1; i < rows.length; i++) {
    if (cellString((rows[i] ?? [])[h.cols[TC.name]!]).toLowerCase() === name.toLowerCase()) {
      r = i;
      break;
    }
  }
  if (r < 0) r = nextFreeRow(rows, h.row);
  const warnings: string[] = [];
  if (topic.items.length < 2) warnings.push(`Topic "${name}" has ${topic.items.length} item: a topic combines two or more items.`);
  return {
    patches: [
      textPatch(sheet, r, h.cols[TC.name]!, name),
      textPatch(sheet, r, h.cols[TC.items]!, topic.items.join(', ')),
      textPatch(sheet, r, h.cols[TC.state]!, topic.state),
    ],
    warnings,
  };
}
