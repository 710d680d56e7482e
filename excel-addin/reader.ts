/**
 * Reads what the user pasted and what the Pursue sheets hold, queued so one context.sync()
 * fetches all of it.
 */
import { SHEETS, type Cell, type Rows } from '../shared/index';

/** Where an estimate was pasted: a whole sheet (its used range) or a range picked by selection. */
export type Source =
  | { kind: 'sheet'; sheet: string }
  | { kind: 'range'; sheet: string; address: string };


/** Sheets the workbook description writes; what a person typed in them is read back. */
export const PURSUE_SHEETS: string[] = Object.values(SHEETS);

/** A queued read; `rows()` is valid after the sync. */
interface PendingBlock {
  range: Excel.Range;
  /** Pad to A1 so row numbers in problems equal the sheet's row numbers. */
  padToA1: boolean;
}

function queueBlock(range: Excel.Range, padToA1: boolean): PendingBlock {
  range.load(['values', 'rowIndex', 'columnIndex']);
  return { range, padToA1 };
}

function blockRows(p: PendingBlock): { rows: Rows; firstRow: number } | null {
  if (p.range.isNullObject) return null;
  const values = p.range.values as Cell[][];
  if (!p.padToA1) return { rows: values.map((r) => r.slice()), firstRow: p.range.rowIndex };
  const lead = p.range.columnIndex;
  const rows: Rows = [];
  for (let i = 0; i < p.range.rowIndex; i++) rows.push([]);
  for (const r of values) rows.push(lead > 0 ? [...new Array<Cell>(lead).fill(''), ...r] : r.slice());
  return { rows, firstRow: 0 };
}

export interface SourceRead {
  rows: Rows;
  /** 0-based sheet row of rows[0]: add it to a problem's 1-based row to get the sheet row. */
  firstRow: number;
  sheet: string;
}

export interface WorkbookRead {
  ours: SourceRead | null;
  theirs: SourceRead | null;
  compare: SourceRead | null;
  /** Values of the Pursue sheets that exist, padded to A1; null when none exists yet. */
  existing: Record<string, Cell[][]> | null;
  /** Every worksheet's name, in tab order. */
  sheetNames: string[];
  /** The selected cell's sheet and 0-based row, when asked for. */
  selection: { sheet: string; row: number; address: string } | null;
}

export interface ReadRequest {
  ours?: Source | null;
  theirs?: Source | null;
  compare?: Source | null;
  /** Read the Pursue sheets' values (what a person typed) too. */
  existing?: boolean;
  selection?: boolean;
  /** Pursue sheet names to read back, default PURSUE_SHEETS. */
  names?: string[];
}

/** Queues everything asked for, then one sync. */
export async function readWorkbook(context: Excel.RequestContext, req: ReadRequest): Promise<WorkbookRead> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const sourceBlock = (s: Source | null | undefined) => {
    if (!s) return null;
    const ws = sheets.getItemOrNullObject(s.sheet);
    const range = s.kind === 'sheet' ? ws.getUsedRangeOrNullObject(true) : ws.getRange(s.address);
    return { block: queueBlock(range, s.kind === 'sheet'), source: s };
  };
  const ours = sourceBlock(req.ours);
  const theirs = sourceBlock(req.theirs);
  const compare = sourceBlock(req.compare);
  const existingBlocks = req.existing
    ? (req.names ?? PURSUE_SHEETS).map((name) => ({
        name,
        block: queueBlock(sheets.getItemOrNullObject(name).getUsedRangeOrNullObject(true), true),
      }))
    : [];
  let sel: { range: Excel.Range; ws: Excel.Worksheet } | null = null;
  if (req.selection) {
    const range = context.workbook.getSelectedRange();
    range.load(['rowIndex', 'address']);
    const ws = range.worksheet;
    ws.load('name');
    sel = { range, ws };
  }

  await context.sync();

  const sheetNames = sheets.items.map((w) => w.name);
  const toRead = (x: ReturnType<typeof sourceBlock>): SourceRead | null => {
    if (!x) return null;
    if (!sheetNames.includes(x.source.sheet)) {
      throw new UserError(`The sheet "${x.source.sheet}" is gone. Pick the estimate's sheet again.`);
    }
    const got = blockRows(x.block);
    if (!got) return { rows: [], firstRow: 0, sheet: x.source.sheet };
    return { ...got, sheet: x.source.sheet };
  };
  let existing: Record<string, Cell[][]> | null = null;
  for (const e of existingBlocks) {
    if (!sheetNames.includes(e.name)) continue;
    const got = blockRows(e.block);
    existing = existing ?? {};
    existing[e.name] = got ? got.rows : [];
  }
  return {
    ours: toRead(ours),
    theirs: toRead(theirs),
    compare: toRead(compare),
    existing,
    sheetNames,
    selection: sel ? { sheet: sel.ws.name, row: sel.range.rowIndex, address: sel.range.address } : null,
  };
}

/** An error whose message tells the user what to do; shown as is. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
