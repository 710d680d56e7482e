// Which item a row of Pursue Items is about. One rule for the engine's read-back and for both hosts
// ("add a note to the item on this row"): what the person sees (Item No(s). and Item Name) decides;
// the hidden Key column is only a cross-check. A sort that leaves the Key column out (Excel's
// "continue with the current selection") then moves nothing, and a row whose visible cells
// contradict each other is refused rather than guessed.
import type { Cell } from '../types/cells';
import { OP_ITEM, PC, PURSUE_COLUMNS, TAX_ITEM, TOTAL_LABELS, parseKey, textHash, type RowKey } from './layout';
import { cellString, findTitleRow, pursueHeader } from './readback';

/** The item (or topic) a row of Pursue Items shows. */
export interface ShownItem {
  /** 0-based row in the sheet's values. */
  row: number;
  kind: 'item' | 'topic' | 'op' | 'tax';
  /** The item for an item, O&P or tax row; null on a topic row (a topic is not an item). */
  item: string | null;
  /** The item numbers on the row: [item], or the topic's members in the order shown. */
  items: string[];
  /** The topic's name on a topic row, else null. */
  topic: string | null;
  /** Item No(s). and Item Name as shown. */
  label: string;
  name: string;
}

/**
 * Item numbers from an Item No(s). cell: "21, 24, 26", "21; 24", one per line, or one number.
 * "5 (2)" (the second line our estimate numbers 5) stays one item.
 */
export function splitItemList(text: string): string[] {
  const cell = cellString(text);
  // One number, no separator nor space (most cells): itself (what the rule below gives it).
  if (!LIST_SEPARATOR.test(cell)) return cell === '' ? [] : [cell];
  const out: string[] = [];
  for (const piece of cell.split(/[,;\n]+/)) {
    const p = piece.trim();
    if (p === '') continue;
    // "5 (2)", "5 (earlier)" and "RE 12" are single labels; "21 24" (spaces only) is a list typed by hand.
    if (/^\S+ \((?:\d+|earlier(?: \d+)?)\)$/.test(p) || !/\s/.test(p)) out.push(p);
    else out.push(...p.split(/\s+/).filter((s) => s !== ''));
  }
  return out;
}

/** What can split an Item No(s). cell into several items: a comma, semicolon, line break or space. */
const LIST_SEPARATOR = /[,;\s]/;

/** The Pursue Items header: row and column of each heading (Key and the rest may be missing). */
export function itemsHeader(rows: Cell[][]): { row: number; cols: number[] } | null {
  return findTitleRow(rows, PURSUE_COLUMNS, [PURSUE_COLUMNS[PC.item], PURSUE_COLUMNS[PC.name]]);
}

const TOTAL_STARTS = Object.values(TOTAL_LABELS).map((t) => t.slice(0, 12).toLowerCase());

/** The topic name in a topic row's Item Name ("Siding: R&R siding; Wrap" → "Siding"). */
function topicNameOf(name: string): string {
  const i = name.indexOf(': ');
  return i > 0 ? name.slice(0, i).trim() : name.trim();
}

function classify(rows: Cell[][], cols: number[], r: number): ShownItem | null {
  const cells = rows[r] ?? [];
  const get = (c: number): string => (cols[c]! >= 0 ? cellString(cells[cols[c]!]) : '');
  const label = get(PC.item);
  const name = get(PC.name);
  if (label === '') return null;
  const lowerName = name.toLowerCase();
  if (TOTAL_STARTS.some((t) => lowerName.startsWith(t))) return null;
  if (label.toUpperCase() === OP_ITEM.toUpperCase()) return { row: r, kind: 'op', item: OP_ITEM, items: [OP_ITEM], topic: null, label, name };
  if (label.toLowerCase() === TAX_ITEM.toLowerCase()) return { row: r, kind: 'tax', item: TAX_ITEM, items: [TAX_ITEM], topic: null, label, name };
  if (/^RE\s/i.test(label)) return null; // an insurer-only line: nothing of ours to note
  const items = splitItemList(label);
  if (items.length === 0) return null;
  if (items.length === 1) return { row: r, kind: 'item', item: items[0]!, items, topic: null, label, name };
  return { row: r, kind: 'topic', item: null, items, topic: topicNameOf(name), label, name };
}

/**
 * The item shown on row `row0` (0-based) of the Pursue Items sheet's values, or null for the
 * header, a blank row, an insurer-only line or the totals. A topic row gives the topic and its
 * members, never an item of its own.
 */
export function itemAtRow(rows: Cell[][], row0: number): ShownItem | null {
  const h = itemsHeader(rows);
  if (!h || row0 <= h.row) return null;
  return classify(rows, h.cols, row0);
}

/** The 0-based row that shows `item`: its own row, its topic's row, or the O&P / tax row; null if none. */
export function rowOfItem(rows: Cell[][], item: string): number | null {
  const h = itemsHeader(rows);
  if (!h) return null;
  const want = cellString(item);
  let topicRow: number | null = null;
  for (let r = h.row + 1; r < rows.length; r++) {
    const s = classify(rows, h.cols, r);
    if (!s) continue;
    if (s.kind !== 'topic' && s.item!.toLowerCase() === want.toLowerCase()) return r;
    if (s.kind === 'topic' && topicRow === null && s.items.includes(want)) topicRow = r;
  }
  return topicRow;
}

/** How a Key identifies its row, comparable with what the row shows. */
function keyIdentity(k: RowKey): string | null {
  if (k.kind === 'item') return `item:${k.id}`;
  if (k.kind === 'topic') return `topic:${k.id.toLowerCase()}`;
  if (k.kind === 'op' || k.kind === 'tax') return k.kind;
  return null;
}

function shownIdentity(s: ShownItem): string {
  if (s.kind === 'item') return `item:${s.item}`;
  if (s.kind === 'topic') return `topic:${(s.topic ?? '').replace(/;/g, ',').toLowerCase()}`;
  return s.kind;
}

/** A row's identity as read back: what it shows, and the Key attributes written for that item. */
export interface RowIdentity {
  shown: ShownItem;
  /** Attributes of the Key written for this item (suggestion hash, closed date), wherever that Key now sits; read only. */
  attrs: Readonly<Record<string, string>>;
}

export interface Identities {
  header: { row: number; cols: number[] };
  rows: RowIdentity[];
  /** Sentences for the Checks sheet (rows whose hidden Key was left behind by a sort). */
  warnings: string[];
  /** Sentences naming rows whose visible cells cannot be trusted; the run must stop. */
  ambiguous: string[];
}

/**
 * Every row of Pursue Items that shows an item, with the Key cross-check. Rows whose Key names
 * another item were moved by a sort that left the Key column out: what is shown wins, and they are
 * reported. Visible cells that contradict each other (one item on two rows; an Item No. beside
 * another item's name) are reported as ambiguous.
 */
export function readIdentities(rows: Cell[][]): Identities | null {
  const h = itemsHeader(rows);
  if (!h) return null;
  const keyCol = h.cols[PC.key]!;
  // Each row's Key identity, and the attributes of the first Key per identity: no RowKey is kept,
  // since everything held across the loop below survives into the old generation (GC time).
  const pool = new Map<string, Record<string, string>>();
  const keyIds: Array<string | null> = [];
  for (let r = 0; r < rows.length; r++) {
    const k = r > h.row && keyCol >= 0 ? parseKey(cellString((rows[r] ?? [])[keyCol])) : null;
    const id = k ? keyIdentity(k) : null;
    keyIds.push(id);
    if (k && id && !pool.has(id)) pool.set(id, k.attrs);
  }
  // Names as written, to catch an Item No. that now sits beside another item's name: looked up
  // only for a row whose name is not the one written with its item, so built the first time.
  let byNameHash: Map<string, string[]> | null = null;
  const idsByNameHash = (): Map<string, string[]> => (byNameHash ??= idsByName(pool));

  const out: RowIdentity[] = [];
  const moved: number[] = [];
  const ambiguous: string[] = [];
  const seenItem = new Map<string, number>(); // item → first row showing it
  for (let r = h.row + 1; r < rows.length; r++) {
    const shown = classify(rows, h.cols, r);
    if (!shown) continue;
    const id = shownIdentity(shown);
    const ownId = keyIds[r]!;
    if (ownId !== null && ownId !== id) moved.push(r);
    // Shared, not copied: the read-back only reads them (one object per row was a re-run's garbage).
    const attrs = pool.get(id) ?? NO_ATTRS;
    // Item No. against Item Name: the name written with this item, or with another one?
    if (shown.kind === 'item' && attrs.n && shown.name !== '') {
      const nh = textHash(shown.name);
      const others = nh === attrs.n ? [] : (idsByNameHash().get(nh) ?? []).filter((x) => x !== id);
      if (others.length > 0) {
        const other = others[0]!.replace(/^item:/, '');
        ambiguous.push(`row ${r + 1} shows Item No. ${shown.item} beside the name of item ${other} ("${shown.name}")`);
      }
    }
    for (const it of shown.items) {
      const lower = it.toLowerCase();
      const first = seenItem.get(lower);
      if (first !== undefined) ambiguous.push(`item ${it} is shown on rows ${first + 1} and ${r + 1}`);
      else seenItem.set(lower, r);
    }
    out.push({ shown, attrs });
  }
  const warnings: string[] = [];
  if (moved.length > 0) {
    const list = moved.map((r) => r + 1).join(', ');
    warnings.push(
      `Pursue Items row${moved.length > 1 ? 's' : ''} ${list} ${moved.length > 1 ? 'were' : 'was'} sorted without the hidden Key column. ` +
        'Everything typed was kept with the item each row shows (Item No(s). and Item Name). Next time, select the whole table before sorting.',
    );
  }
  return { header: h, rows: out, warnings, ambiguous };
}

const NO_ATTRS: Readonly<Record<string, string>> = Object.freeze({});

/** Key identities by the name hash written with them (ids in the pool's order). */
function idsByName(pool: Map<string, Record<string, string>>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [id, attrs] of pool) {
    if (!attrs.n) continue;
    const ids = out.get(attrs.n);
    if (ids) ids.push(id);
    else out.set(attrs.n, [id]);
  }
  return out;
}

/** The refusal for ambiguous rows, naming them and saying what to do. */
export function ambiguityMessage(ambiguous: string[]): string {
  return (
    `The Pursue Items sheet cannot be read safely: ${ambiguous.join('; ')}. ` +
    'Nothing was written. Fix the Item No(s). and Item Name cells so each row shows one item (undo the sort, or type the right numbers), save, and run again.'
  );
}

/**
 * A topic row's cell for its members' own values, each labelled so it reads back to its member:
 * "Item 7: …", or "Items 7, 9: …" when they hold the same text. Members with nothing are left out.
 */
export function labelledValues(values: Array<{ item: string; text: string }>): string {
  const groups: Array<{ items: string[]; text: string }> = [];
  for (const v of values) {
    const t = v.text.trim();
    if (t === '') continue;
    const g = groups.find((x) => x.text === t);
    if (g) g.items.push(v.item);
    else groups.push({ items: [v.item], text: t });
  }
  return groups.map((g) => `${g.items.length > 1 ? 'Items' : 'Item'} ${g.items.join(', ')}: ${g.text}`).join('\n');
}

/**
 * A topic row's cell read back per member: labelled parts go to the items they name; text before
 * any label was typed for the topic as a whole and is returned apart.
 */
export function parseLabelled(cell: string, members: string[]): { per: Map<string, string>; unlabelled: string } {
  const per = new Map<string, string[]>();
  const loose: string[] = [];
  let current: string[] | null = null;
  const lower = members.map((m) => m.toLowerCase());
  for (const line of cellString(cell).split('\n')) {
    const m = /^\s*items?\s+(.+?):\s?(.*)$/i.exec(line);
    const named = m ? splitItemList(m[1]!.replace(/\band\b/gi, ',')) : [];
    if (m && named.length > 0 && named.every((n) => lower.includes(n.toLowerCase()))) {
      current = named.map((n) => members[lower.indexOf(n.toLowerCase())]!);
      for (const it of current) per.set(it, [...(per.get(it) ?? []), m[2]!]);
      continue;
    }
    if (current) for (const it of current) per.get(it)!.push(line);
    else loose.push(line);
  }
  const trimmed = new Map<string, string>();
  for (const [k, v] of per) trimmed.set(k, v.join('\n').trim());
  return { per: trimmed, unlabelled: loose.join('\n').trim() };
}

/** A topic row's RF asked cell: "Y" (all asked), "N" (none), or "Y: 7, 9" (only those). */
export function topicRfCell(values: Array<{ item: string; asked: boolean }>): string {
  const yes = values.filter((v) => v.asked).map((v) => v.item);
  if (yes.length === values.length) return 'Y';
  if (yes.length === 0) return 'N';
  return `Y: ${yes.join(', ')}`;
}

/** Which members a topic row's RF cell marks as asked; null when the cell is blank or unreadable. */
export function parseTopicRf(cell: Cell, members: string[]): Map<string, boolean> | null {
  const t = cellString(cell);
  if (t === '') return null;
  const all = (v: boolean): Map<string, boolean> => new Map(members.map((m) => [m, v]));
  if (cell === true || /^(y|yes|true|x|1|✓)$/i.test(t)) return all(true);
  if (cell === false || /^(n|no|false|0)$/i.test(t)) return all(false);
  const m = /^(?:y|yes)\s*[:\-–]\s*(.+)$/i.exec(t);
  if (!m) return null;
  const listed = splitItemList(m[1]!).map((s) => s.toLowerCase());
  return new Map(members.map((x) => [x, listed.includes(x.toLowerCase())]));
}

/** A topic row's Match override cell: "7: 12; 9: none" (member: RE item). */
export function topicOverrideCell(values: Array<{ item: string; override: string }>): string {
  return values.filter((v) => v.override.trim() !== '').map((v) => `${v.item}: ${v.override.trim()}`).join('; ');
}

/** Per member overrides from a topic row's Match override cell; `loose` is text naming no member. */
export function parseTopicOverride(cell: Cell, members: string[]): { per: Map<string, string>; loose: string } {
  const per = new Map<string, string>();
  const loose: string[] = [];
  const lower = members.map((m) => m.toLowerCase());
  for (const part of cellString(cell).split(/[;\n]+/)) {
    const p = part.trim();
    if (p === '') continue;
    const m = /^(?:item\s+)?(.+?)\s*[:=]\s*(.+)$/i.exec(p);
    const i = m ? lower.indexOf(m[1]!.toLowerCase()) : -1;
    if (m && i >= 0) per.set(members[i]!, m[2]!.trim());
    else loose.push(p);
  }
  return { per, loose: loose.join('; ') };
}

/** The RF asked flag shown on a row ("Y…" = asked), so a pane can load the picked item's state. */
export function rfAskedAt(rows: Cell[][], row0: number): boolean {
  const h = pursueHeader(rows);
  if (!h || h.cols[PC.rf]! < 0) return false;
  return /^y/i.test(cellString((rows[row0] ?? [])[h.cols[PC.rf]!]));
}
