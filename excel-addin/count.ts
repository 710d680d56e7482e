/**
 * For `npm run bench`: context.sync() calls one build (read, write, finish) makes for `rows` item
 * rows, measured against Microsoft's office-addin-mock. It must be the same for any row count.
 * Not part of the task pane bundle.
 */
import { countExcelSyncs as measure } from '../tests/excel/count';

export async function countExcelSyncs(rows: number): Promise<number> {
  return (await measure(rows)).syncs;
}
