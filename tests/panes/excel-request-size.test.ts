/**
 * Excel on the web refuses a request over 5 MB. A full build at 1,000 and 5,000 lines a side
 * (the real engine, the Office.js stand-in that measures each request and refuses oversize ones,
 * as Excel does): every request stays under the budget, and the sync count follows the bytes.
 */
import { EXCEL_WEB_REQUEST_LIMIT } from '../excel/mock-excel';
import { REQUEST_BUDGET } from '../../excel-addin/payload';
import { excelRequestSizes } from './excel-sizes';
import { addSheet, mockContext, newBook } from '../excel/mock-excel';
import { planWorkbook } from '../../excel-addin/payload';
import { writePlan } from '../../excel-addin/writer';
import { buildPursue } from '../../shared/index';
import { estimateText } from './estimates';

test('each context.sync() stays under 5 MB; syncs grow with bytes / 4 MB, not with rows', async () => {
  const small = await excelRequestSizes(1000);
  const large = await excelRequestSizes(5000);
  for (const s of [small, large]) {
    expect(s.largest).toBeLessThanOrEqual(REQUEST_BUDGET);
    expect(s.largest).toBeLessThan(EXCEL_WEB_REQUEST_LIMIT);
    // read + finish + the write batches, which may not exceed the bytes over the budget by more than one.
    const writeSyncs = s.syncs - 2;
    expect(writeSyncs).toBeLessThanOrEqual(Math.ceil(s.totalBytes / REQUEST_BUDGET) + 1);
  }
  // Five times the rows, well under five times the syncs: batching is by bytes.
  expect(large.totalBytes).toBeGreaterThan(3 * small.totalBytes);
  expect(large.syncs).toBeLessThan(5 * small.syncs);
  expect(large.syncs).toBeGreaterThan(small.syncs); // 5,000 lines do not fit one request
  console.log(JSON.stringify([small, large].map((s) => ({ lines: s.lines, syncs: s.syncs, largestMB: +(s.largest / 2 ** 20).toFixed(2), totalMB: +(s.totalBytes / 2 ** 20).toFixed(2) }))));
}, 120000);

test('the stand-in refuses an unbatched 5,000-line write, as Excel on the web does (so the test above proves something)', async () => {
  const { workbook } = buildPursue({ ours: estimateText(5000, false), theirs: estimateText(5000, true), today: '2025-09-03' });
  const book = newBook();
  addSheet(book, 'Ours', [['x']]);
  await expect(writePlan(mockContext(book), planWorkbook(workbook), new Set(['Ours']), { budget: Number.POSITIVE_INFINITY })).rejects.toMatchObject({
    code: 'RequestPayloadSizeLimitExceeded',
  });
  expect(Math.max(...book.requests)).toBeGreaterThan(EXCEL_WEB_REQUEST_LIMIT);
}, 120000);
