/**
 * Round trips a build takes in Excel, measured against Microsoft's office-addin-mock: the number of
 * context.sync() calls must not depend on the number of item rows. `npm run bench` reports it.
 */
import { buildWorkbook } from '../../excel-addin/actions';
import { addSheet, mockContext, newBook } from './mock-excel';
import { fakeEngine, itemRows } from './sample-description';

export async function countExcelSyncs(itemCount: number): Promise<{ items: number; syncs: number; apiCalls: number }> {
  const book = newBook();
  addSheet(book, 'Ours', [['1. Drip edge 256.00 LF 3.28']]);
  addSheet(book, 'Theirs', [['1. Drip edge 200.00 LF 3.28']]);
  const context = mockContext(book);
  const engine = fakeEngine(itemRows(itemCount));
  const req = { ours: { kind: 'sheet', sheet: 'Ours' }, theirs: { kind: 'sheet', sheet: 'Theirs' }, options: {}, today: '2025-09-03' } as const;
  await buildWorkbook(context, engine, req, { notes: false });
  // A refresh over the written sheets (reads them back) must cost the same.
  await buildWorkbook(context, engine, req, { notes: false });
  return { items: itemCount, syncs: book.syncs / 2, apiCalls: book.calls.length };
}
