/**
 * What a full Excel build sends at a given size, measured against the Office.js stand-in: the
 * serialized bytes of each context.sync() request, and the sync count. Used by the jest test and by
 * `npm run bench` (as its own program, so bench code never imports test code).
 */
import { buildWorkbook } from '../../excel-addin/actions';
import { engine } from '../../excel-addin/engine';
import { addSheet, mockContext, newBook } from '../excel/mock-excel';
import { asColumnA, estimateText } from './estimates';

export interface ExcelSizes {
  lines: number;
  syncs: number;
  /** Bytes of every sync's request, in order (read, write batches, finish). */
  requests: number[];
  largest: number;
  totalBytes: number;
}

export async function excelRequestSizes(lines: number): Promise<ExcelSizes> {
  const book = newBook();
  addSheet(book, 'Ours', asColumnA(estimateText(lines, false)));
  addSheet(book, 'Theirs', asColumnA(estimateText(lines, true)));
  const req = { ours: { kind: 'sheet', sheet: 'Ours' }, theirs: { kind: 'sheet', sheet: 'Theirs' }, options: {}, today: '2025-09-03' } as const;
  const out = await buildWorkbook(mockContext(book), engine, req, { notes: false });
  const requests = book.requests.slice();
  return { lines, syncs: out.syncs, requests, largest: Math.max(...requests), totalBytes: requests.reduce((a, b) => a + b, 0) };
}
