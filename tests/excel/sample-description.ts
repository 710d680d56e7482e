/** Hand-built workbook descriptions and a stand-in engine for the Excel host's tests. */
import type { Cell, } from '../../shared/types/cells';
import type { CellValue, SheetDescription, WorkbookDescription } from '../../shared/types/workbook';
import type { Reconciliation } from '../../shared/types/reconciliation';
import type { PursueState } from '../../shared/types/knowledge';
import type { BuildResult, PursueEngine } from '../../excel-addin/actions';
import type { PursueInput } from '../../shared/pursue';

const HEADERS = ['Priority', 'Item No(s).', 'Item Name', 'Ours $', 'Insurer $', 'Gap $', 'Gap kind', 'Reason for denial', 'Reason to approve', 'Status / notes', 'RF asked', 'Key'];
const MONEY = '$#,##0.00;[Red]-$#,##0.00';

function fill<T>(rows: number, cols: number, f: (r: number, c: number) => T): T[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => f(r, c)));
}

/** A sheet from rows of values/formulas (strings starting with "=" in `formulas`). */
export function sheetOf(name: string, values: CellValue[][], formulas: (string | null)[][] | null = null): SheetDescription {
  const rowCount = values.length;
  const colCount = Math.max(0, ...values.map((r) => r.length));
  const at = <T>(g: T[][] | null, r: number, c: number, d: T): T => (g?.[r]?.[c] ?? d);
  return {
    name,
    rowCount,
    colCount,
    values: fill(rowCount, colCount, (r, c) => at(values, r, c, null as CellValue)),
    formulas: fill(rowCount, colCount, (r, c) => at(formulas, r, c, null as string | null)),
    numberFormats: fill(rowCount, colCount, (r, c) => (c >= 3 && c <= 5 && r > 0 ? MONEY : 'General')),
    bold: fill(rowCount, colCount, (r) => r === 0),
    italic: fill(rowCount, colCount, (r, c) => c === 6 && r > 0),
    fontColors: fill(rowCount, colCount, (r) => (r === 0 ? '#FFFFFF' : '#000000')),
    fills: fill(rowCount, colCount, (r) => (r === 0 ? '#1F4E78' : r % 2 === 0 ? '#F2F2F2' : null)),
    wrap: fill(rowCount, colCount, (_r, c) => c >= 7 && c <= 9),
    hAlign: fill(rowCount, colCount, (_r, c) => (c === 0 ? 'center' : c >= 3 && c <= 5 ? 'right' : null)),
    columnWidths: Array.from({ length: colCount }, (_, c) => (c >= 7 && c <= 9 ? 40 : 12)),
    frozenRows: 1,
    frozenColumns: 0,
    filter: rowCount > 1 ? `A1:${String.fromCharCode(64 + colCount)}${rowCount}` : null,
    borders: [{ range: `A1:${String.fromCharCode(64 + colCount)}1`, edges: ['bottom'], style: 'medium', color: '#000000' }],
    conditionalFormats: [{ range: `A2:A${Math.max(2, rowCount)}`, formula: '=$A2<=5', fill: '#FFF2CC', bold: true }],
    validations: [{ range: `K2:K${Math.max(2, rowCount)}`, list: ['Y', 'N'], allowBlank: true, message: 'Type Y or N.' }],
    notes: [{ cell: 'F1', text: 'Gap = Ours − Insurer' }],
    merges: [],
    print: { landscape: true, fitToPageWide: true, fitToPageTall: false },
    tabColor: '#1F4E78',
  };
}

export interface ItemRow {
  item: string;
  name: string;
  ours: number;
  insurer: number;
  denial?: string;
  status?: string;
  rf?: boolean;
}

/** "Pursue Items" with a header, item rows (Gap as a live formula) and a Σ row, plus a Status Log. */
export function pursueWorkbook(items: ItemRow[]): WorkbookDescription {
  const values: CellValue[][] = [HEADERS.slice()];
  const formulas: (string | null)[][] = [HEADERS.map(() => null)];
  items.forEach((it, i) => {
    const r = i + 2;
    values.push([i + 1, it.item, it.name, it.ours, it.insurer, null, 'quantity', it.denial ?? '', '', it.status ?? '', it.rf ? 'Y' : 'N', `item:${it.item}`]);
    formulas.push([null, null, null, null, null, `=D${r}-E${r}`, null, null, null, null, null, null]);
  });
  const last = items.length + 1;
  values.push([null, null, 'Sum of gaps', null, null, null, null, null, null, null, null, null]);
  formulas.push([null, null, null, null, null, `=SUM(F2:F${last})`, null, null, null, null, null, null]);
  const log = sheetOf('Status Log', [['Timestamp', 'Item', 'Author', 'Text']]);
  return { sheets: [sheetOf('Pursue Items', values, formulas), log] };
}

export function itemRows(n: number): ItemRow[] {
  return Array.from({ length: n }, (_, i) => ({
    item: String(i + 1),
    name: i % 7 === 3 ? '=HYPERLINK("http://x")' : `Line ${i + 1} - comp. shingle rfg.`,
    ours: 10000 + i,
    insurer: 9000 + i,
    denial: i % 5 === 0 ? '+ not storm related' : i % 5 === 1 ? '-' : '',
  }));
}

const EMPTY_REC = {} as Reconciliation;
const EMPTY_STATE = { items: {}, topics: [], rebuttals: [], weights: {} } as unknown as PursueState;

/**
 * A stand-in engine: describes `items`, keeping what a person typed in "Status / notes" and
 * "Reason for denial" on an existing Pursue Items sheet (what the real engine's read-back does).
 */
export function fakeEngine(items: ItemRow[], seen: { existing?: Record<string, Cell[][]> | null; ours?: PursueInput['ours'] } = {}): PursueEngine {
  return {
    buildPursue(input) {
      seen.existing = input.existing ?? null;
      seen.ours = input.ours;
      const typed = new Map<string, { denial: string; status: string }>();
      for (const row of input.existing?.['Pursue Items']?.slice(1) ?? []) {
        const item = String(row[1] ?? '');
        if (item) typed.set(item, { denial: String(row[7] ?? ''), status: String(row[9] ?? '') });
      }
      const merged = items.map((it) => ({ ...it, denial: typed.get(it.item)?.denial || it.denial, status: typed.get(it.item)?.status || it.status }));
      const result: BuildResult = { rec: EMPTY_REC, state: EMPTY_STATE, workbook: pursueWorkbook(merged), warnings: [], crm: 'Item Number\tItem Name' };
      return result;
    },
    statusNotePatch(_existing, item, text, author, nowIso) {
      return { patches: [{ sheet: 'Status Log', range: 'A2:D2', values: [[nowIso, item, author, text]] }], warnings: [] };
    },
    rfPatch() {
      return { patches: [], warnings: [] };
    },
    topicPatch() {
      return { patches: [], warnings: [] };
    },
    readiness() {
      return [];
    },
  };
}
