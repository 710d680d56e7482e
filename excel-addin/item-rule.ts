/**
 * Which item a row of Pursue Items shows: the engine's one rule (itemAtRow, rowOfItem), which
 * decides by what the person sees and treats a topic row as its members, never as an item.
 */
import { cellString, itemAtRow, PC, pursueHeader, rowOfItem, type Cell, type ShownItem } from '../shared/index';

export { itemAtRow, rowOfItem, type ShownItem };

/** The RF asked flag shown on a row ("Y" = asked), to load the picked item's state into the pane. */
export function rfAskedAt(rows: Cell[][], row0: number): boolean {
  const h = pursueHeader(rows);
  if (!h || h.cols[PC.rf]! < 0) return false;
  return /^y/i.test(cellString((rows[row0] ?? [])[h.cols[PC.rf]!]));
}
