import type { Cell } from '../types/cells';
import type { ItemAnnotation, PursueState, StatusEntry, Topic } from '../types/knowledge';
import type { Cents } from '../types/money';
import { dollarsToCents } from '../money';
import {
  defaultRebuttals,
  defaultWeights,
  emptyState,
  newAnnotation,
  parseStatusCell,
  parseStatusDate,
  rebuttalsFromRows,
  vagueness,
  weightsFromRows,
} from '../knowledge';
import { entryIdentity } from './build';
import { LC, LOG_COLUMNS, PC, SHEETS, TC, TOPIC_COLUMNS, textHash } from './layout';
import { PursueInputError } from '../run';
import { ambiguityMessage, itemsHeader, labelledValues, parseLabelled, parseTopicOverride, parseTopicRf, readIdentities, splitItemList, type ShownItem } from './identity';

export type ExistingWorkbook = Record<string, Cell[][]>;

export interface ReadBack {
  state: PursueState;
  /** Status Log identities in the sheet's row order (see BuildOptions.statusOrder). */
  statusOrder: string[];
  /** Match overrides typed on Pursue Items: our item → RE item or "none". */
  overrides: Record<string, string>;
  warnings: Array<{ item: string; message: string }>;
}

/** Carriage returns and no-break spaces, which a host may hand over; most cells have none. */
const UNUSUAL_SPACE = /[\r\u00a0\u2007\u202f]/;

/** A text cell with line ends as \n and no-break spaces as spaces; one scan when there are none. */
function tidyText(s: string): string {
  if (!UNUSUAL_SPACE.test(s)) return s.trim();
  return s.replace(/\r\n?/g, '\n').replace(/[\u00a0\u2007\u202f]/g, ' ').trim();
}

/** A cell as text, whatever the host handed over (Apps Script gives Date objects for dates). */
export function cellString(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return tidyText(cell);
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().replace(/\.000Z$/, '').replace(/Z$/, '');
  return String(cell).trim();
}

/** Excel's day serial (days since 1899-12-30) to "yyyy-mm-dd" and "yyyy-mm-ddThh:mm:ss". */
function fromSerial(serial: number): { date: string; timestamp: string } {
  // Rounded to the second: the workbook's timestamps have no fractions, and float error must not show.
  const ms = Math.round((serial - 25569) * 86400) * 1000;
  const iso = new Date(ms).toISOString();
  return { date: iso.slice(0, 10), timestamp: iso.slice(0, 19) };
}

function isoDateOf(cell: Cell | unknown, today: string): { date: string; timestamp: string | null } | null {
  if (typeof cell === 'number' && cell > 20000 && cell < 80000) {
    // A date cell: the workbook writes every Timestamp as one, midnight included.
    const s = fromSerial(cell);
    return { date: s.date, timestamp: s.timestamp };
  }
  if (cell instanceof Date) {
    const t = cellString(cell);
    return { date: t.slice(0, 10), timestamp: t };
  }
  const t = cellString(cell);
  if (t === '') return null;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?))?/.exec(t);
  // A timestamp the workbook wrote is kept character for character, so the old row never changes.
  if (iso) return { date: iso[1]!, timestamp: iso[2] ? t : null };
  const d = parseStatusDate(t, today);
  return d ? { date: d, timestamp: null } : null;
}

function yes(cell: Cell): boolean {
  if (cell === true) return true;
  if (typeof cell === 'number') return cell !== 0;
  return /^(y|yes|true|x|1|✓)$/i.test(cellString(cell));
}

/** The sheet named `name`, forgiving case and stray spaces in the tab name. */
export function findSheet(existing: ExistingWorkbook, name: string): Cell[][] | null {
  if (existing[name]) return existing[name]!;
  const want = name.toLowerCase().replace(/\s+/g, ' ').trim();
  for (const [k, v] of Object.entries(existing)) if (k.toLowerCase().replace(/\s+/g, ' ').trim() === want) return v;
  return null;
}

const oneLine = (s: string): string => s.replace(/\s*[\r\n]+\s*/g, ' ').trim();

const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** Finds the header row (within the first rows) and each named column, whatever order a person left them in. */
export function findTitleRow(rows: Cell[][], headers: readonly string[], required: readonly string[]): { row: number; cols: number[] } | null {
  for (let r = 0; r < Math.min(rows.length, 15); r++) {
    const cells = (rows[r] ?? []).map((c) => norm(cellString(c)));
    if (!required.every((h) => cells.includes(norm(h)))) continue;
    return { row: r, cols: headers.map((h) => cells.indexOf(norm(h))) };
  }
  return null;
}

/** Where the Pursue Items table is in an existing sheet: header row and column of each heading. */
export function pursueHeader(rows: Cell[][]): { row: number; cols: number[] } | null {
  return itemsHeader(rows);
}

/** True when the values look like a Pursue workbook (a "Pursue Items" sheet with its Item No(s). and Item Name headings). */
export function isPursueWorkbook(existing: ExistingWorkbook | null | undefined): boolean {
  if (!existing) return false;
  const sheet = findSheet(existing, SHEETS.pursue);
  return sheet !== null && pursueHeader(sheet) !== null;
}

/** A money cell in cents: a number of dollars, or money text such as "$1,234.56"; null when empty or not money. */
function centsOf(cell: Cell): Cents | null {
  if (typeof cell === 'number') return dollarsToCents(cell);
  const t = cellString(cell);
  return t === '' ? null : dollarsToCents(t);
}

/**
 * A row's Gap $ in cents. The cell is usually a formula: hosts hand over its result, but a file
 * written without calculating (ExcelJS) has none, so then it is Ours $ − Insurer $.
 */
function rowGap(row: Cell[], get: (row: Cell[], c: number) => Cell): Cents | null {
  const gap = centsOf(get(row, PC.gap));
  if (gap !== null) return gap;
  const ours = centsOf(get(row, PC.ours));
  const insurer = centsOf(get(row, PC.insurer));
  return ours !== null && insurer !== null ? ours - insurer : null;
}

const splitItems = splitItemList;

function topicState(text: string): Topic['state'] {
  const t = text.toLowerCase();
  if (/^(accept|yes|y$|combine)/.test(t)) return 'accepted';
  if (/^(refus|reject|no$|n$)/.test(t)) return 'refused';
  return 'suggested';
}

/**
 * Everything a person typed in an existing Pursue workbook, from its sheets' values (row 1 = A1):
 * denial reasons, reasons to approve, status notes (new lines typed into a notes cell and new rows
 * typed into Status Log), RF flags, topics, match overrides, edited rebuttals and weights.
 * Nothing typed is dropped: an entry that cannot be placed is kept and reported.
 */
export function readBackWorkbook(existing: ExistingWorkbook | null | undefined, opts: { today?: string; author?: string } = {}): ReadBack {
  const rd: Reading = {
    today: opts.today ?? new Date().toISOString().slice(0, 10),
    runAuthor: (opts.author ?? '').trim(),
    items: {},
    warnings: [],
    overrides: {},
    statusOrder: [],
  };
  const base = emptyState();
  const { statusOrder, overrides, warnings } = rd;
  if (!existing) return { state: { ...base, rebuttals: defaultRebuttals(), weights: defaultWeights() }, statusOrder, overrides, warnings };
  // 1. Status Log: the record of every entry, in row order.
  const log = findSheet(existing, SHEETS.log);
  if (log) readStatusLog(rd, log);
  // 2. Pursue Items: typed text per row, for the item the row shows (see identity.ts).
  const sheet = findSheet(existing, SHEETS.pursue);
  const pendingNotes = sheet ? readPursueItems(rd, sheet) : [];
  // 3. Lines typed into a notes cell that the Status Log does not hold yet are new entries.
  addTypedNotes(rd, pendingNotes);
  // 4. Topics, rebuttals and weights.
  const topics = readTopics(rd, findSheet(existing, SHEETS.topics));
  const { rebuttals, weights } = readLibrary(rd, existing);
  return { state: { ...base, items: rd.items, topics, rebuttals, weights }, statusOrder, overrides, warnings };
}

/** What one read-back fills in as it goes through the sheets, in sheet order. */
interface Reading {
  today: string;
  runAuthor: string;
  items: Record<string, ItemAnnotation>;
  warnings: ReadBack['warnings'];
  overrides: Record<string, string>;
  statusOrder: string[];
}

/** A notes cell of Pursue Items, read once the Status Log is known (step 3). */
interface PendingNote {
  cell: string;
  /** The row's items; an entry goes to the first unless it names another. */
  members: string[];
}

/** The item's annotation, created empty the first time the item is met. */
function annotation(items: Record<string, ItemAnnotation>, item: string): ItemAnnotation {
  return (items[item] ??= newAnnotation(item, ''));
}

/** A row's cell by logical column; null where a person deleted the column. */
function columnGetter(cols: number[]): (row: Cell[], c: number) => Cell {
  return (row, c) => (cols[c]! >= 0 ? row[cols[c]!] : null);
}

function readStatusLog(rd: Reading, log: Cell[][]): void {
  const h = findTitleRow(log, LOG_COLUMNS, [LOG_COLUMNS[LC.item], LOG_COLUMNS[LC.text]]);
  if (!h) {
    rd.warnings.push({ item: '', message: 'The Status Log sheet has lost its header row (Timestamp, Date, Item, Author, Entry): restore it so typed rows are read.' });
    return;
  }
  const get = columnGetter(h.cols);
  for (let r = h.row + 1; r < log.length; r++) {
    const row = log[r] ?? [];
    const text = cellString(get(row, LC.text));
    if (text === '') continue;
    let item = cellString(get(row, LC.item));
    if (item === '') {
      item = '(no item)';
      rd.warnings.push({ item, message: `Status Log row ${r + 1} has no item number: type the Item so the entry shows with its item.` });
    }
    const entry = logEntry((c) => get(row, c), text, rd);
    const a = annotation(rd.items, item);
    a.status = [...a.status, entry];
    rd.statusOrder.push(entryIdentity(item, entry));
  }
}

/** One Status Log row with an entry: a row the workbook wrote is kept exactly; a typed one is dated and checked. */
function logEntry(cell: (c: number) => Cell, text: string, { today, runAuthor }: Reading): StatusEntry {
  const author = cellString(cell(LC.author));
  const stamp = isoDateOf(cell(LC.timestamp), today);
  const dated = isoDateOf(cell(LC.date), today) ?? stamp;
  const missingCell = cellString(cell(LC.missing)).replace(/^missing:\s*/i, '');
  if (stamp && stamp.timestamp) {
    return { date: dated!.date, timestamp: stamp.timestamp, author, text, missing: missingCell === '' ? [] : missingCell.split(/\s*,\s*/) };
  }
  // A row a person typed: date from the Date cell or the entry's own leading date.
  const lead = parseStatusDate(text, today);
  const date = dated?.date ?? lead;
  const missing = vagueness(text);
  if (!date) missing.push('date');
  const d = date ?? today;
  return { date: d, timestamp: `${d}T00:00:00`, author: author === '' ? runAuthor : author, text, missing };
}

/** The cells a person types on a Pursue Items row. */
interface TypedCells {
  denial: string;
  /** Empty when it is the untouched suggestion. */
  approve: string;
  rf: Cell;
  override: string;
}

/** Typed text per row of Pursue Items; returns the rows' notes cells for step 3. */
function readPursueItems(rd: Reading, sheet: Cell[][]): PendingNote[] {
  const pendingNotes: PendingNote[] = [];
  const ids = readIdentities(sheet);
  if (!ids) {
    rd.warnings.push({ item: '', message: 'The Pursue Items sheet has lost its header row: restore "Item No(s)." and "Item Name" so typed text is read back.' });
    return pendingNotes;
  }
  if (ids.ambiguous.length > 0) throw new PursueInputError(ambiguityMessage(ids.ambiguous));
  for (const w of ids.warnings) rd.warnings.push({ item: '', message: w });
  const get = columnGetter(ids.header.cols);
  for (const { shown, attrs } of ids.rows) {
    const row = sheet[shown.row] ?? [];
    const members = shown.items;
    let approve = cellString(get(row, PC.approve));
    if (attrs.r && textHash(approve) === attrs.r) approve = ''; // the untouched suggestion
    const typed: TypedCells = { denial: cellString(get(row, PC.denial)), approve, rf: get(row, PC.rf), override: cellString(get(row, PC.override)) };
    if (shown.kind !== 'topic') readItemRow(rd, shown, attrs, typed, rowGap(row, get));
    else readTopicRow(rd, shown, attrs, typed);
    const notes = cellString(get(row, PC.status));
    if (notes !== '') pendingNotes.push({ cell: notes, members });
  }
  return pendingNotes;
}

/** An item, O&P or tax row: everything typed belongs to its one item. */
function readItemRow(rd: Reading, shown: ShownItem, attrs: Record<string, string>, typed: TypedCells, gap: Cents | null): void {
  const it = shown.items[0]!;
  const a = annotation(rd.items, it);
  if (shown.kind === 'item') a.description = shown.name;
  // The gap it had, so the merge can mark closed every row whose gap closes, typed on or not.
  if (gap !== null) a.gap = gap;
  // A label the workbook wrote when the item was in a topic ("Item 7: …") is not part of the text.
  const own = (cell: string): string => {
    // Most cells start with no "Item(s) …:" label, so their first line is unlabelled: kept as typed.
    if (!LABEL_START.test(cell)) return cell;
    const p = parseLabelled(cell, [it]);
    return p.per.has(it) && p.unlabelled === '' ? p.per.get(it)! : cell;
  };
  if (typed.denial !== '') a.denialText = own(typed.denial);
  if (typed.approve !== '') a.reasonToApprove = own(typed.approve);
  if (cellString(typed.rf) !== '') a.rfAsked = yes(typed.rf);
  if (attrs.closed) a.closedOn = attrs.closed;
  if (attrs.absent) a.absentSince = attrs.absent;
  if (typed.override !== '' && shown.kind === 'item') {
    const o = /^none$/i.test(typed.override) ? 'none' : typed.override;
    a.override = o;
    rd.overrides[it] = o;
  }
}

/** What a labelled line starts with (parseLabelled's label, without what follows). */
const LABEL_START = /^\s*items?\s/i;

/** A topic row: each member keeps its own values; text typed for the whole topic goes to every member. */
function readTopicRow(rd: Reading, shown: ShownItem, attrs: Record<string, string>, typed: TypedCells): void {
  const members = shown.items;
  const spread = (cell: string, set: (a: ItemAnnotation, v: string) => void): void => {
    if (cell === '') return;
    const p = parseLabelled(cell, members);
    for (const m of members) {
      const parts = [p.unlabelled, p.per.get(m) ?? ''].filter((x) => x !== '');
      if (parts.length > 0) set(annotation(rd.items, m), parts.join('\n'));
    }
  };
  spread(typed.denial, (a, v) => (a.denialText = v));
  // The topic's untouched suggestion (unlabelled) is not typed text, even with members' lines added.
  const approveParts = parseLabelled(typed.approve, members);
  const approveTyped = attrs.r && approveParts.unlabelled !== '' && textHash(approveParts.unlabelled) === attrs.r
    ? labelledValues(members.map((m) => ({ item: m, text: approveParts.per.get(m) ?? '' })))
    : typed.approve;
  spread(approveTyped, (a, v) => (a.reasonToApprove = v));
  const rf = parseTopicRf(typed.rf, members);
  if (rf) for (const [m, v] of rf) annotation(rd.items, m).rfAsked = v;
  else if (cellString(typed.rf) !== '') {
    rd.warnings.push({ item: members[0]!, message: `Row ${shown.row + 1}: RF asked "${cellString(typed.rf)}" is not Y, N or "Y: item numbers"; it was left as it was.` });
  }
  const o = parseTopicOverride(typed.override, members);
  for (const [m, v] of o.per) {
    const val = /^none$/i.test(v) ? 'none' : v;
    annotation(rd.items, m).override = val;
    rd.overrides[m] = val;
  }
  if (o.loose !== '') {
    rd.warnings.push({
      item: members[0]!,
      message: `Row ${shown.row + 1}: the Match override "${o.loose}" does not say which item of the topic it is for. Type it as "item: RE item", e.g. "${members[0]}: 12".`,
    });
  }
  for (const m of members) if (attrs.closed) annotation(rd.items, m).closedOn = attrs.closed;
}

/** Lines of a notes cell the Status Log does not hold yet become entries of their item. */
function addTypedNotes(rd: Reading, pendingNotes: PendingNote[]): void {
  for (const p of pendingNotes) {
    const first = p.members[0]!;
    const known = p.members.flatMap((m) => rd.items[m]?.status ?? []);
    const fresh = parseStatusCell(p.cell, rd.today, rd.runAuthor).filter((c) => !known.some((e) => e.date === c.date && oneLine(e.text) === oneLine(c.text)));
    for (const f of fresh) {
      // On a topic row, "Item 9: …" files the note under item 9; otherwise under the row's first item.
      const lab = p.members.length > 1 ? parseLabelled(f.text, p.members) : null;
      const target = lab && lab.unlabelled === '' && lab.per.size === 1 ? [...lab.per.keys()][0]! : first;
      const entry = target === first ? f : { ...f, text: lab!.per.get(target)! };
      const a = annotation(rd.items, target);
      a.status = [...a.status, entry];
    }
  }
}

/** The Topics sheet's rows; an accepted topic's name goes on its items. */
function readTopics(rd: Reading, tsheet: Cell[][] | null): Topic[] {
  const topics: Topic[] = [];
  if (!tsheet) return topics;
  const h = findTitleRow(tsheet, TOPIC_COLUMNS, [TOPIC_COLUMNS[TC.name], TOPIC_COLUMNS[TC.state]]);
  if (!h) return topics;
  for (let r = h.row + 1; r < tsheet.length; r++) {
    const row = tsheet[r] ?? [];
    const name = cellString(row[h.cols[TC.name]!]);
    const list = h.cols[TC.items]! >= 0 ? splitItems(cellString(row[h.cols[TC.items]!])) : [];
    if (name === '' && list.length === 0) continue;
    if (list.length === 0) {
      rd.warnings.push({ item: '', message: `Topics row ${r + 1} ("${name}") lists no item numbers: type them, separated by commas.` });
      continue;
    }
    const t: Topic = { name: name === '' ? `Items ${list.join(', ')}` : name, items: list, state: topicState(cellString(row[h.cols[TC.state]!])) };
    topics.push(t);
    if (t.state === 'accepted') for (const i of list) annotation(rd.items, i).topic = t.name;
  }
  return topics;
}

/** The edited rebuttal library and priority weights, or the defaults where a sheet is gone. */
function readLibrary(rd: Reading, existing: ExistingWorkbook): Pick<PursueState, 'rebuttals' | 'weights'> {
  let rebuttals = defaultRebuttals();
  const rsheet = findSheet(existing, SHEETS.rebuttals);
  if (rsheet) {
    const got = rebuttalsFromRows(rsheet);
    rebuttals = got.library;
    for (const p of got.problems) rd.warnings.push({ item: '', message: p });
  }
  let weights = defaultWeights();
  const psheet = findSheet(existing, SHEETS.priority);
  if (psheet) {
    const got = weightsFromRows(psheet);
    weights = got.weights;
    for (const p of got.problems) rd.warnings.push({ item: '', message: p });
  }
  return { rebuttals, weights };
}

