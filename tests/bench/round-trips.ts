/**
 * Host round trips for `npm run bench`, as a program of its own: it drives the test fakes (the
 * office-addin-mock workbook and the Apps Script stand-in), and test code stays inside tests/, so
 * the bench runs this bundle and reads its JSON instead of importing the fakes.
 */
import path from 'node:path';
import { countExcelSyncs } from '../excel/count';
import { countGasCalls } from '../gas/fake-gas';

export interface RoundTrips {
  lines: number;
  excelSyncs: number;
  gasSheetsApiCalls: number;
  gasSpreadsheetAppCalls: number;
}

async function main(): Promise<void> {
  const code = path.resolve('dist/gas/Code.js');
  const out: RoundTrips[] = [];
  for (const n of [10, 100, 1000]) {
    out.push({
      lines: n,
      excelSyncs: (await countExcelSyncs(n)).syncs,
      gasSheetsApiCalls: countGasCalls(n, code).calls,
      gasSpreadsheetAppCalls: countGasCalls(n, code, { advancedSheets: false }).calls,
    });
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
