// Problems about rows read from a PDF name the page and line on paper, worded by the engine:
// instead of the row where rows are never shown (the command line), beside the sheet's row where
// they are (the panes write them to "Ours (PDF)"); in the reconciliation, so the text report, the
// Checks sheet and the panes all say it. A row changed on the sheet since is not given a place.
import fc from 'fast-check';
import { buildPursue, formatTextReport, pdfOrigin, relabelRows, SHEETS, type RowPlace, type Rows } from '../../shared/index';
import { readPdfBytes } from './helpers';
import { genEstimate, lineOneTotalOff, printedPdf, printedText, printEstimate } from './printed';

const places: RowPlace[] = Array.from({ length: 30 }, (_, k) => ({ page: k < 20 ? 1 : 2, line: k < 20 ? k + 4 : k - 17 }));

test('relabelRows: one row, a list, a range across pages, a row in parentheses; unplaced rows keep their number', () => {
  expect(relabelRows('Row 3: quantity "x" is not a number.', places)).toBe('Page 1, line 6: quantity "x" is not a number.');
  expect(relabelRows('Row 3: quantity "x" is not a number.', places, true)).toBe('Row 3 (page 1, line 6): quantity "x" is not a number.');
  expect(relabelRows('Line 1 (row 6) "Drip edge" prints $38.86.', places, true)).toBe('Line 1 (row 6, page 1, line 9) "Drip edge" prints $38.86.');
  expect(relabelRows('Line 1 (row 6) "Drip edge" prints $38.86.', places)).toBe('Line 1 (page 1, line 9) "Drip edge" prints $38.86.');
  expect(relabelRows('left out (rows 1-3, 19-22), e.g.', places)).toBe('left out (page 1, lines 4-6 and page 1, line 22 to page 2, line 4), e.g.');
  expect(relabelRows('left out (rows 1-3, 19-22), e.g.', places, true)).toBe('left out (rows 1-3 (page 1, lines 4-6), 19-22 (page 1, line 22 to page 2, line 4)), e.g.');
  expect(relabelRows('Rows 2 and 21 repeat item 4.', places)).toBe('Page 1, line 5 and page 2, line 3 repeat item 4.');
  expect(relabelRows('Row 99 is past the end.', places, true)).toBe('Row 99 is past the end.');
  expect(relabelRows('3 row(s) of page text', places)).toBe('3 row(s) of page text');
});

/** Our estimate as a PDF whose line 1 prints a total $1.00 off (a warning on that line's row). */
async function oursPdf() {
  const [est] = fc.sample(genEstimate('xactimate', 12), { numRuns: 1, seed: 404 });
  const read = await readPdfBytes(await printedPdf(lineOneTotalOff(printEstimate(est, true))));
  if (!read.ok) throw new Error(read.refusal.message);
  return { read, theirs: printedText(printEstimate(est, false)) };
}

const checksText = (r: ReturnType<typeof buildPursue>) =>
  r.workbook.sheets.find((s) => s.name === SHEETS.checks)!.values.map((row) => row.join(' | ')).join('\n');

test('on a sheet: "row N, page P, line L" in the problem and on the Checks sheet', async () => {
  const { read, theirs } = await oursPdf();
  const plain = buildPursue({ ours: read.rows, theirs, today: '2026-01-05' });
  const warned = plain.rec.problems.find((p) => p.side === 'ours' && p.code === 'line-figures-disagree')!;
  expect(warned.message).toMatch(/^Line 1 \(row \d+\) /);
  const at = read.places[warned.row! - 1];

  const r = buildPursue({ ours: read.rows, theirs, today: '2026-01-05', pdf: { ours: pdfOrigin(read, 'ours.pdf', true) } });
  const where = `row ${warned.row}, page ${at.page}, line ${at.line}`;
  const p = r.rec.problems.find((x) => x.code === 'line-figures-disagree')!;
  expect(p.message).toBe(warned.message.replace(`(row ${warned.row})`, `(${where})`));
  expect(p.place).toBe(`page ${at.page}, line ${at.line}`);
  expect(checksText(r)).toContain(`(${where})`);
  // The insurer's side is pasted text: its rows stay rows.
  for (const q of r.rec.problems.filter((x) => x.side === 'theirs')) expect(q.message).not.toMatch(/page \d+, line/);
});

test('never shown (the command line): the place replaces the row, in the message and the report\'s prefix', async () => {
  const { read, theirs } = await oursPdf();
  const r = buildPursue({ ours: read.rows, theirs, today: '2026-01-05', pdf: { ours: pdfOrigin(read, 'ours.pdf', false) } });
  const p = r.rec.problems.find((x) => x.code === 'line-figures-disagree')!;
  const at = read.places[p.row! - 1];
  expect(p.message).toMatch(new RegExp(`^Line 1 \\(page ${at.page}, line ${at.line}\\) `));
  expect(formatTextReport(r.rec)).toContain(`[warning] ours, page ${at.page}, line ${at.line}: Line 1 (page ${at.page}, line ${at.line}) `);
});

test('a row inserted on the sheet since the PDF was read: the rows after it get no page and line', async () => {
  const { read, theirs } = await oursPdf();
  const origin = pdfOrigin(read, 'ours.pdf', true);
  const edited: Rows = [['Checked by J. Ruiz'], ...read.rows];
  const r = buildPursue({ ours: edited, theirs, today: '2026-01-05', pdf: { ours: origin } });
  const p = r.rec.problems.find((x) => x.code === 'line-figures-disagree')!;
  expect(p.message).toMatch(/^Line 1 \(row \d+\) /);
  expect(p.place).toBeUndefined();
});

test('a side read from a PDF with no line items: the build refuses it naming the file', async () => {
  const { theirs } = await oursPdf();
  const minutes: Rows = [['Minutes of the neighbourhood association'], ['Tuesday, 7 pm']];
  const origin = pdfOrigin({ rows: minutes, places: [{ page: 1, line: 1 }, { page: 1, line: 2 }] }, 'minutes.pdf', true);
  expect(() => buildPursue({ ours: minutes, theirs, today: '2026-01-05', pdf: { ours: origin } })).toThrow(
    /^No line items were found in our estimate PDF, minutes\.pdf \(2 rows\): if this is not the estimate, open the estimate PDF instead\./,
  );
  // Pasted, the same rows are still "our estimate paste".
  expect(() => buildPursue({ ours: minutes, theirs, today: '2026-01-05' })).toThrow(/our estimate paste \(2 rows\)/);
});
