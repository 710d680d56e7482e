/**
 * Messages between the task pane and its engine worker. Everything here is plain data (structured
 * clone), and every message is small: a 5,000-line workbook travels as many row chunks, so no
 * single hand-over blocks the pane's thread.
 */
import type { Cell, PdfOrigins, Rows, TotalsText } from '../shared/index';
import type { RowChunk, SheetMeta } from './payload';

export type Side = 'ours' | 'theirs';

/** Where a problem's row is in the sheet (the engine's type: it words the place). */
export type { PasteOrigin } from '../shared/index';
import type { PasteOrigin } from '../shared/index';

export interface EngineInput {
  ours?: Rows;
  theirs?: Rows;
  compare?: Rows;
  origins: Partial<Record<Side | 'compare', PasteOrigin>>;
  /** Sides whose sheet holds rows this pane read from a PDF: problems also name the page and line. */
  pdf?: PdfOrigins;
  existing: Record<string, Cell[][]> | null;
  totals: TotalsText;
  tolerance: string;
  today: string;
}

/**
 * Rows go to the worker ahead of the request that uses them, a slice per message, so no single
 * structured clone holds the pane's thread (10,000 pasted rows in one message took about 20 ms of
 * the pane's CPU, and a 5,000-item sheet read back on a rebuild has twenty times the cells). `key` is "ours", "theirs", "compare" or "existing:<sheet name>";
 * the worker puts the slices back in place when the request with the same id arrives.
 */
export interface RowsPart {
  id: number;
  op: 'part';
  key: string;
  rows: Cell[][];
}

export type WorkerRequest =
  | RowsPart
  | { id: number; op: 'build'; input: EngineInput; write: boolean }
  | { id: number; op: 'readiness'; input: EngineInput; minGap: string; days: string }
  | { id: number; op: 'crm'; input: EngineInput }
  | { id: number; op: 'note'; existing: Record<string, Cell[][]>; item: string; text: string; author: string; now: string }
  | { id: number; op: 'rf'; existing: Record<string, Cell[][]>; item: string; asked: boolean }
  | { id: number; op: 'topic'; existing: Record<string, Cell[][]>; name: string; items: string[]; accept: boolean };

export type StatusState = 'reconciled' | 'not-reconciled' | 'unverified';

export interface PaneSummary {
  status: { state: StatusState; text: string };
  items: number;
  /** Label and money text, e.g. ["Total gap", "$9,453.25"]. */
  figures: Array<[string, string]>;
  /** One per total field: the amount as money (blank when missing) and where it came from. */
  totals: Array<{ side: Side; figure: 'rcv' | 'tax' | 'overheadProfit'; value: string; source: string; missing: boolean }>;
  /** Problems to fix (errors) and advisories, each once. */
  problems: Array<{ kind: 'error' | 'advisory'; text: string }>;
  topics: Array<{ name: string; items: string[] }>;
  sheets: string[];
}

export interface CellPatchData {
  sheet: string;
  range: string;
  values: Array<Array<string | number | boolean | null>>;
  numberFormats?: string[][];
}

export type WorkerReply =
  | { id: number; type: 'stage'; text: string }
  | { id: number; type: 'fields'; errors: Array<{ field: string; message: string }> }
  | { id: number; type: 'summary'; summary: PaneSummary; crm: string }
  | { id: number; type: 'sheet'; meta: SheetMeta; chunks: number }
  | { id: number; type: 'chunk'; sheet: number; chunk: RowChunk }
  | { id: number; type: 'readiness'; ready: boolean; text: string; issues: string[] }
  | { id: number; type: 'crm'; text: string }
  | { id: number; type: 'patch'; patches: CellPatchData[]; warnings: string[] }
  | { id: number; type: 'done' }
  | { id: number; type: 'error'; message: string };
