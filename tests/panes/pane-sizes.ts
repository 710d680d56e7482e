/**
 * For `npm run bench`, as a program of its own (it drives the test stand-ins, and bench code never
 * imports test code): the Excel requests a build sends at 1,000 and 5,000 lines a side, and the
 * Sheets API batches and server time of the built Apps Script bundle at 5,000 lines a side.
 */
import path from 'node:path';
import { countGasCalls } from '../gas/fake-gas';
import { excelRequestSizes } from './excel-sizes';

async function main(): Promise<void> {
  const excel = [];
  for (const n of [1000, 5000]) excel.push(await excelRequestSizes(n));
  const code = path.resolve('dist/gas/Code.js');
  const sheets = [1000, 5000].map((n) => {
    const c = countGasCalls(n, code);
    return { lines: n, ms: c.ms, calls: c.calls, batchSizes: c.batchSizes, writer: c.writer };
  });
  process.stdout.write(JSON.stringify({ excel, sheets }));
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
