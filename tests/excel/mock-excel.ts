/**
 * An in-memory Excel workbook exposed through Microsoft's office-addin-mock (OfficeMockObject),
 * for the calls excel-addin/ makes. Reads follow the mock's rules (a property read before
 * load + sync gives an error string), writes are queued and land on context.sync(), as in Excel.
 */
import { OfficeMockObject } from 'office-addin-mock';

export type Stored = string | number | boolean;

export interface MockCell {
  /** What Range.values gives back (formula cells: 0, nothing is calculated here). */
  value: Stored;
  /** What Range.formulas gives back. */
  formula: Stored;
  numberFormat: string;
  props: Record<string, unknown> | null;
}

export interface MockSheet {
  name: string;
  position: number;
  cells: Map<string, MockCell>;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  frozen: { rows: number; cols: number };
  filter: string | null;
  merges: string[];
  borders: Array<{ range: string; edge: string; style?: unknown; weight?: unknown; color?: unknown }>;
  conditionalFormats: Array<{ range: string; formula?: string; fill?: string; fontColor?: string; bold?: boolean }>;
  validations: Array<{ range: string; rule?: unknown; ignoreBlanks?: unknown; errorAlert?: unknown }>;
  notes: Array<{ cell: string; text: string }>;
  tabColor: string;
  /** Columns hidden by the writer (0-based). */
  hiddenColumns?: number[];
  pageLayout: Record<string, unknown>;
  clears: number;
}

export interface MockBook {
  sheets: MockSheet[];
  syncs: number;
  /** Every API call queued, by name, for assertions on what was (not) called. */
  calls: string[];
  selection: { sheet: string; row: number; col: number } | null;
  suspended: { calc: number; screen: number };
  supported: Set<string>;
  /** Serialized bytes of each sync's request (JSON of every queued argument + a per-action envelope). */
  requests: number[];
  /** A protected or read-only workbook: any write is refused at sync, as Excel does (AccessDenied). */
  locked: boolean;
}

/** Excel on the web refuses a request body over 5 MB (RequestPayloadSizeLimitExceeded). */
export const EXCEL_WEB_REQUEST_LIMIT = 5 * 1024 * 1024;
/** Office.js's own JSON around each action (ids, object path, argument info): what a real request adds. */
const ENVELOPE = 120;
const utf8 = (v: unknown) => {
  const s = JSON.stringify(v) ?? '';
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c < 0x800 ? 1 : 2;
  }
  return n;
};

/** An Office.js-style error with a code, as Excel raises them. */
class OfficeError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

const key = (r: number, c: number) => `${r},${c}`;

export function colIndex(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

/** "B3:D9" or "B3" to 0-based corners. */
export function parseAddress(address: string): { r1: number; c1: number; r2: number; c2: number } {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [a, b] = local.replace(/\$/g, '').split(':');
  const p = /^([A-Z]+)(\d+)$/i.exec(a!)!;
  const q = /^([A-Z]+)(\d+)$/i.exec((b ?? a)!)!;
  return { r1: Number(p[2]) - 1, c1: colIndex(p[1]!), r2: Number(q[2]) - 1, c2: colIndex(q[1]!) };
}

export function newBook(): MockBook {
  return { sheets: [], syncs: 0, calls: [], selection: null, suspended: { calc: 0, screen: 0 }, supported: new Set(), requests: [], locked: false };
}

export function addSheet(book: MockBook, name: string, rows: Stored[][] = []): MockSheet {
  const sheet: MockSheet = {
    name,
    position: book.sheets.length,
    cells: new Map(),
    columnWidths: new Map(),
    rowHeights: new Map(),
    frozen: { rows: 0, cols: 0 },
    filter: null,
    merges: [],
    borders: [],
    conditionalFormats: [],
    validations: [],
    notes: [],
    tabColor: '',
    pageLayout: {},
    clears: 0,
  };
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== '' && v !== null && v !== undefined) typeCell(sheet, r, c, v);
    }),
  );
  book.sheets.push(sheet);
  return sheet;
}

function cellAt(sheet: MockSheet, r: number, c: number): MockCell {
  let cell = sheet.cells.get(key(r, c));
  if (!cell) {
    cell = { value: '', formula: '', numberFormat: 'General', props: null };
    sheet.cells.set(key(r, c), cell);
  }
  return cell;
}

/** What Excel does with an entry written to a cell (as if typed): formulas, numbers, text. */
export function typeCell(sheet: MockSheet, r: number, c: number, input: Stored): void {
  const cell = cellAt(sheet, r, c);
  if (typeof input !== 'string') {
    cell.value = input;
    cell.formula = input;
    return;
  }
  if (cell.numberFormat === '@') {
    // A Text cell keeps what it is given, a leading apostrophe included.
    cell.value = input;
    cell.formula = input;
  } else if (input.startsWith("'")) {
    cell.value = input.slice(1);
    cell.formula = input.slice(1);
  } else if (/^[=+@]/.test(input) || (/^-/.test(input) && !/^-[\d.]+$/.test(input))) {
    // Excel takes these as formulas (or rejects the batch when they do not parse).
    cell.formula = input.startsWith('=') ? input : `=${input}`;
    cell.value = 0;
  } else if (/^-?\d+(\.\d+)?$/.test(input.replace(/[$,]/g, ''))) {
    cell.value = Number(input.replace(/[$,]/g, ''));
    cell.formula = cell.value;
  } else if (/^(true|false)$/i.test(input)) {
    cell.value = input.toLowerCase() === 'true';
    cell.formula = cell.value;
  } else {
    cell.value = input;
    cell.formula = input;
  }
}

/** The used grid of a sheet (values only), as getUsedRange(true) sees it. */
export function usedBounds(sheet: MockSheet): { r1: number; c1: number; r2: number; c2: number } | null {
  let b: { r1: number; c1: number; r2: number; c2: number } | null = null;
  for (const [k, cell] of sheet.cells) {
    if (cell.value === '' && cell.formula === '') continue;
    const [r, c] = k.split(',').map(Number) as [number, number];
    if (!b) b = { r1: r, c1: c, r2: r, c2: c };
    else b = { r1: Math.min(b.r1, r), c1: Math.min(b.c1, c), r2: Math.max(b.r2, r), c2: Math.max(b.c2, c) };
  }
  return b;
}

export function grid(sheet: MockSheet, what: 'value' | 'formula' | 'numberFormat', r1: number, c1: number, r2: number, c2: number): Stored[][] {
  const out: Stored[][] = [];
  for (let r = r1; r <= r2; r++) {
    const row: Stored[] = [];
    for (let c = c1; c <= c2; c++) {
      const cell = sheet.cells.get(key(r, c));
      row.push(cell ? cell[what] : what === 'numberFormat' ? 'General' : '');
    }
    out.push(row);
  }
  return out;
}

function letters(c: number): string {
  let n = c + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Builds an Excel.RequestContext stand-in over `book`. */
export function mockContext(book: MockBook, opts: { yieldBetweenOps?: boolean } = {}): Excel.RequestContext {
  const pending: Array<() => void> = [];
  const addressOf = new WeakMap<object, string>();
  let mockSyncing = false;
  const mocks: OfficeMockObject[] = [];
  const track = <T extends OfficeMockObject>(m: T) => {
    mocks.push(m);
    return m;
  };
  const find = (name: string) => book.sheets.find((s) => s.name === name) ?? null;
  let requestBytes = 0;
  let writes = 0;
  let payloads: unknown[] = [];
  const call = (name: string, payload?: unknown) => {
    book.calls.push(name);
    requestBytes += ENVELOPE;
    // Measured at sync, as Office.js serializes the request then (and off the caller's task in the browser test).
    if (payload !== undefined) payloads.push(payload);
    if (!/load|getItem|suspend/.test(name)) writes++;
  };

  /** Properties whose assignment is queued until sync, like Office.js does. */
  const queuedProps = (target: object, props: Record<string, (v: unknown) => void>) => {
    // The mock itself assigns loaded values during its sync(): those are reads, not writes.
    const loaded: Record<string, unknown> = {};
    for (const [prop, apply] of Object.entries(props)) {
      loaded[prop] = (target as Record<string, unknown>)[prop] ?? 'Error, property was not loaded';
      Object.defineProperty(target, prop, {
        configurable: true,
        set(v: unknown) {
          const internal = (target as unknown as { _properties?: Map<string, { _value: unknown }> })._properties?.get(prop);
          if (mockSyncing || (internal && internal._value === v)) {
            loaded[prop] = v;
            return;
          }
          call(`set ${prop}`, v);
          pending.push(() => apply(v));
        },
        get() {
          return loaded[prop];
        },
      });
    }
  };

  const makeRange = (sheetName: string | (() => MockSheet | null), r1: number, c1: number, r2: number, c2: number, nullObject = false): OfficeMockObject => {
    const resolve = () => (typeof sheetName === 'string' ? find(sheetName) : sheetName());
    const sheet = resolve();
    const address = `${sheet?.name ?? ''}!${letters(c1)}${r1 + 1}:${letters(c2)}${r2 + 1}`;
    const small = (r2 - r1 + 1) * (c2 - c1 + 1) <= 1_000_000; // whole-sheet ranges are only cleared, never read
    const range = track(
      new OfficeMockObject({
        values: [],
        formulas: [],
        rowIndex: r1,
        columnIndex: c1,
        address,
        worksheet: { name: sheet?.name ?? '' },
        format: { borders: {}, fill: {}, font: {} },
        conditionalFormats: {},
        dataValidation: {},
      }),
    );
    // The cells are copied when a load is queued (not for every range a write creates): a load sees
    // the workbook as it was before this batch's writes, which land at sync.
    const snapshot = () => {
      const s = resolve();
      if (!s || nullObject || !small) return;
      // What the mock hands over at sync for a loaded property (load() was already called).
      const props = (range as unknown as { _properties: Map<string, { _valueBeforeLoaded: unknown }> })._properties;
      props.get('values')!._valueBeforeLoaded = grid(s, 'value', r1, c1, r2, c2);
      props.get('formulas')!._valueBeforeLoaded = grid(s, 'formula', r1, c1, r2, c2);
    };
    (range as unknown as { isNullObject: boolean }).isNullObject = nullObject;
    addressOf.set(range, address);
    const target = () => {
      const s = resolve();
      if (!s) throw new Error(`mock: sheet missing for ${address}`);
      return s;
    };
    const each = (f: (s: MockSheet, r: number, c: number, i: number, j: number) => void) => {
      const s = target();
      for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) f(s, r, c, r - r1, c - c1);
    };
    const block = (v: unknown, f: (s: MockSheet, r: number, c: number, x: unknown) => void) => {
      const rows = v as unknown[][];
      if (!Array.isArray(rows) || rows.length !== r2 - r1 + 1 || rows.some((row) => row.length !== c2 - c1 + 1)) {
        throw new Error(`mock: 2D block does not match ${address}`);
      }
      each((s, r, c, i, j) => f(s, r, c, rows[i]![j]));
    };
    queuedProps(range, {
      values: (v) => block(v, (s, r, c, x) => typeCell(s, r, c, x as Stored)),
      formulas: (v) => block(v, (s, r, c, x) => typeCell(s, r, c, x as Stored)),
      numberFormat: (v) => block(v, (s, r, c, x) => (cellAt(s, r, c).numberFormat = String(x))),
    });
    const rangeFns = range as unknown as Record<string, unknown>;
    rangeFns.setCellProperties = (props: unknown[][]) => {
      call('setCellProperties', props);
      pending.push(() => block(props, (s, r, c, x) => (cellAt(s, r, c).props = x as Record<string, unknown>)));
    };
    rangeFns.setColumnProperties = (props: Array<{ format?: { columnWidth?: number } }>) => {
      call('setColumnProperties', props);
      pending.push(() => props.forEach((p, j) => target().columnWidths.set(c1 + j, p.format?.columnWidth ?? 0)));
    };
    rangeFns.setRowProperties = (props: Array<{ format?: { rowHeight?: number } }>) => {
      call('setRowProperties', props);
      pending.push(() => props.forEach((p, i) => p.format?.rowHeight !== undefined && target().rowHeights.set(r1 + i, p.format.rowHeight)));
    };
    rangeFns.clear = () => {
      call('clear');
      pending.push(() => {
        const s = target();
        s.clears++;
        s.cells.clear();
        s.merges = [];
        s.borders = [];
      });
    };
    rangeFns.unmerge = () => call('unmerge');
    rangeFns.getEntireColumn = () => {
      const col: Record<string, unknown> = {};
      Object.defineProperty(col, 'columnHidden', {
        set: (v: boolean) => {
          call('columnHidden', v);
          pending.push(() => {
            const s = target();
            const now = new Set(s.hiddenColumns ?? []);
            for (let c = c1; c <= c2; c++) {
              if (v) now.add(c);
              else now.delete(c);
            }
            s.hiddenColumns = [...now].sort((a, b) => a - b);
          });
        },
      });
      return col;
    };
    rangeFns.merge = () => {
      call('merge');
      pending.push(() => target().merges.push(address.split('!')[1]!));
    };
    rangeFns.load = function load(this: OfficeMockObject, p: unknown) {
      call('range.load');
      pending.push(snapshot);
      return OfficeMockObject.prototype.load.call(this, p as string);
    };
    const local = address.split('!')[1]!;
    const borders = range.format as unknown as Record<string, unknown>;
    (borders.borders as Record<string, unknown>).getItem = (edge: string) => {
      const entry: MockSheet['borders'][number] = { range: local, edge };
      pending.push(() => target().borders.push(entry));
      return entry;
    };
    const cfs = range.conditionalFormats as unknown as Record<string, unknown>;
    cfs.clearAll = () => {
      call('conditionalFormats.clearAll');
      pending.push(() => (target().conditionalFormats = []));
    };
    cfs.add = (type: string) => {
      call(`conditionalFormats.add ${type}`);
      const entry: MockSheet['conditionalFormats'][number] = { range: local };
      pending.push(() => target().conditionalFormats.push(entry));
      return {
        custom: {
          rule: { set formula(f: string) { entry.formula = f; } },
          format: {
            fill: { set color(v: string) { entry.fill = v; } },
            font: { set color(v: string) { entry.fontColor = v; }, set bold(v: boolean) { entry.bold = v; } },
          },
        },
      };
    };
    const dv = range.dataValidation as unknown as Record<string, unknown>;
    dv.clear = () => {
      call('dataValidation.clear');
      pending.push(() => (target().validations = []));
    };
    const entry: MockSheet['validations'][number] = { range: local };
    let added = false;
    const addOnce = () => {
      if (!added) {
        added = true;
        pending.push(() => target().validations.push(entry));
      }
    };
    Object.defineProperty(dv, 'rule', { set: (v) => { addOnce(); entry.rule = v; } });
    Object.defineProperty(dv, 'ignoreBlanks', { set: (v) => { addOnce(); entry.ignoreBlanks = v; } });
    Object.defineProperty(dv, 'errorAlert', { set: (v) => { addOnce(); entry.errorAlert = v; } });
    return range;
  };

  const makeSheet = (name: string, nullObject = false): OfficeMockObject => {
    const ws = track(new OfficeMockObject({ name, freezePanes: {}, autoFilter: {}, pageLayout: {}, notes: {} }));
    (ws as unknown as { isNullObject: boolean }).isNullObject = nullObject;
    const s = () => find(name);
    const fns = ws as unknown as Record<string, unknown>;
    fns.getRange = (address?: string) => {
      if (address === undefined) return makeRange(s, 0, 0, 1048575, 16383);
      const a = parseAddress(address);
      return makeRange(s, a.r1, a.c1, a.r2, a.c2);
    };
    fns.getRangeByIndexes = (r: number, c: number, rows: number, cols: number) => makeRange(s, r, c, r + rows - 1, c + cols - 1);
    fns.getUsedRangeOrNullObject = () => {
      const sheet = s();
      const b = sheet && !nullObject ? usedBounds(sheet) : null;
      return b ? makeRange(s, b.r1, b.c1, b.r2, b.c2) : makeRange(s, 0, 0, 0, 0, true);
    };
    fns.activate = () => call('activate');
    queuedProps(ws, {
      position: (v) => {
        const sheet = s()!;
        book.sheets.splice(book.sheets.indexOf(sheet), 1);
        book.sheets.splice(Number(v), 0, sheet);
        book.sheets.forEach((x, i) => (x.position = i));
      },
      tabColor: (v) => (s()!.tabColor = String(v)),
    });
    const fp = ws.freezePanes as unknown as Record<string, unknown>;
    fp.unfreeze = () => pending.push(() => (s()!.frozen = { rows: 0, cols: 0 }));
    fp.freezeRows = (n: number) => pending.push(() => (s()!.frozen = { rows: n, cols: 0 }));
    fp.freezeColumns = (n: number) => pending.push(() => (s()!.frozen = { rows: 0, cols: n }));
    fp.freezeAt = (r: OfficeMockObject) => {
      const a = parseAddress(addressOf.get(r)!);
      pending.push(() => (s()!.frozen = { rows: a.r2 + 1, cols: a.c2 + 1 }));
    };
    const af = ws.autoFilter as unknown as Record<string, unknown>;
    af.apply = (r: OfficeMockObject) => {
      const addr = addressOf.get(r)!;
      pending.push(() => (s()!.filter = addr.split('!')[1]!));
    };
    af.remove = () => pending.push(() => (s()!.filter = null));
    const pl = ws.pageLayout as unknown as Record<string, unknown>;
    Object.defineProperty(pl, 'orientation', { set: (v) => pending.push(() => (s()!.pageLayout.orientation = v)) });
    pl.setPrintArea = (a: string) => pending.push(() => (s()!.pageLayout.printArea = a));
    pl.setPrintTitleRows = (a: string) => pending.push(() => (s()!.pageLayout.titleRows = a));
    Object.defineProperty(pl, 'zoom', { set: (v) => pending.push(() => (s()!.pageLayout.zoom = v)) });
    const notes = ws.notes as unknown as Record<string, unknown>;
    notes.add = (r: OfficeMockObject, text: string) => {
      call('notes.add');
      const addr = addressOf.get(r)!.split('!')[1]!;
      pending.push(() => {
        if (!book.supported.has('ExcelApi 1.18')) throw new Error('notes not supported');
        s()!.notes.push({ cell: addr.split(':')[0]!, text });
      });
    };
    return ws;
  };

  let sheetsItems: OfficeMockObject[] | null = null;
  const worksheets = {
    load(what: string) {
      call(`worksheets.load ${what}`);
      pending.push(() => {
        sheetsItems = book.sheets.map((x) => {
          const m = makeSheet(x.name);
          m.load('name');
          return m;
        });
      });
      return worksheets;
    },
    get items() {
      if (!sheetsItems) return 'Error, property was not loaded';
      return sheetsItems;
    },
    getItemOrNullObject: (name: string) => makeSheet(name, !find(name)),
    getItem: (name: string) => makeSheet(name),
    add: (name: string) => {
      call(`worksheets.add ${name}`);
      pending.push(() => {
        if (find(name)) throw new Error(`mock: sheet ${name} exists`);
        addSheet(book, name);
      });
      return makeSheet(name);
    },
    getActiveWorksheet: () => makeSheet(book.selection?.sheet ?? book.sheets[0]!.name),
  };

  const application = {
    suspendApiCalculationUntilNextSync: () => {
      call('suspendApiCalculationUntilNextSync');
      book.suspended.calc++;
    },
    suspendScreenUpdatingUntilNextSync: () => {
      call('suspendScreenUpdatingUntilNextSync');
      book.suspended.screen++;
    },
    calculate: (type: string) => call(`calculate ${type}`),
  };

  const workbook = {
    worksheets,
    application,
    getSelectedRange: () => {
      const sel = book.selection;
      if (!sel) throw new Error('mock: nothing selected');
      return makeRange(sel.sheet, sel.row, sel.col, sel.row, sel.col);
    },
  };

  const context = new OfficeMockObject({ host: 'excel' });
  (context as unknown as Record<string, unknown>).workbook = workbook;
  (context as unknown as Record<string, unknown>).sync = async () => {
    book.syncs++;
    book.calls.push('sync');
    let bytes = requestBytes;
    for (const p of payloads.splice(0)) {
      if (opts.yieldBetweenOps) await new Promise((r) => setTimeout(r, 0));
      bytes += utf8(p);
    }
    payloads = [];
    const wrote = writes;
    requestBytes = 0;
    writes = 0;
    book.requests.push(bytes);
    const ops = pending.splice(0);
    if (bytes > EXCEL_WEB_REQUEST_LIMIT) {
      throw new OfficeError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${bytes} bytes).`);
    }
    if (book.locked && wrote > 0) {
      throw new OfficeError('AccessDenied', 'You cannot perform the requested operation.');
    }
    // Loads see the workbook as it was before this batch's writes, like the snapshot the ranges took.
    let failure: unknown = null;
    for (const op of ops) {
      // In the browser test, Excel's work happens between the pane's tasks, as it does out of process.
      if (opts.yieldBetweenOps) await new Promise((r) => setTimeout(r, 0));
      try {
        op();
      } catch (e) {
        failure = e;
        break;
      }
    }
    mockSyncing = true;
    try {
      for (const m of mocks.splice(0)) await m.sync();
      if (sheetsItems) for (const m of sheetsItems) await m.sync();
    } finally {
      mockSyncing = false;
    }
    if (failure) throw failure;
  };
  return context as unknown as Excel.RequestContext;
}
