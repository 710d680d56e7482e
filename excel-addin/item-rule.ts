/**
 * Which item a row of Pursue Items shows, for both hosts. A local adapter until the engine's own
 * `itemAtRow` lands in shared/index.ts; then this file becomes a re-export and nothing else changes.
 * It decides by what the person sees (Item No(s). and Item Name), never by the hidden Key alone.
 */
import { cellString, OP_ITEM, PC, pursueHeader, TAX_ITEM, type Cell } from '../shared/index';

export interface ShownItem {
  /** 0-based row in the sheet's values. */
  row: number;
  kind: 'item' | 'topic' | 'op' | 'tax';
  /** The item on an item, O&P or tax row; null on a topic row (a topic is not an item). */
  item: string | null;
  /** [item], or the topic's members in the order shown. */
  items: string[];
  topic: string | null;
  label: string;
  name: string;
}

function split(label: string): string[] {
  return label.split(/[,;\n]+/).map((s) => s.trim()).filter((s) => s !== '');
}

export function itemAtRow(rows: Cell[][], row0: number): ShownItem | null {
  const h = pursueHeader(rows);
  if (!h || row0 <= h.row) return null;
  const cells = rows[row0] ?? [];
  const get = (c: number) => (h.cols[c]! >= 0 ? cellString(cells[h.cols[c]!]) : '');
  const label = get(PC.item);
  const name = get(PC.name);
  if (label === '' || /^RE\s/i.test(label)) return null;
  if (label.toUpperCase() === OP_ITEM.toUpperCase()) return { row: row0, kind: 'op', item: OP_ITEM, items: [OP_ITEM], topic: null, label, name };
  if (label.toLowerCase() === TAX_ITEM.toLowerCase()) return { row: row0, kind: 'tax', item: TAX_ITEM, items: [TAX_ITEM], topic: null, label, name };
  const items = split(label);
  if (items.length === 1) return { row: row0, kind: 'item', item: items[0]!, items, topic: null, label, name };
  const i = name.indexOf(': ');
  return { row: row0, kind: 'topic', item: null, items, topic: i > 0 ? name.slice(0, i) : name, label, name };
}

/** The row that shows `item` now (its own row or its topic's), or null: the sheet may have been sorted since it was picked. */
export function rowOfItem(rows: Cell[][], item: string): number | null {
  let topicRow: number | null = null;
  for (let r = 0; r < rows.length; r++) {
    const s = itemAtRow(rows, r);
    if (!s) continue;
    if (s.item !== null && s.item.toLowerCase() === item.toLowerCase()) return r;
    if (s.kind === 'topic' && topicRow === null && s.items.includes(item)) topicRow = r;
  }
  return topicRow;
}

/** The RF asked flag shown on a row ("Y" = asked). */
export function rfAskedAt(rows: Cell[][], row0: number): boolean {
  const h = pursueHeader(rows);
  if (!h || h.cols[PC.rf]! < 0) return false;
  return /^y/i.test(cellString((rows[row0] ?? [])[h.cols[PC.rf]!]));
}
