// The command line reads a pair of estimate PDFs as it reads their page text, and stops with the
// refusal's message (exit 1) for a PDF it cannot read. Runs the built CLI (npm test builds first),
// which loads PDF.js's Node build from node_modules at run time.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { readXlsxValues } from '../../cli/xlsx/index';
import { genEstimate, lineOneTotalOff, printedPdf, printedText, printEstimate } from './printed';
import { readPdfBytes } from './helpers';

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli', 'pursue.js');
let dir = '';
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pursue-pdf-cli-'));
  const [ours, theirs] = fc.sample(genEstimate('xactimate', 25), { numRuns: 2, seed: 77 });
  const [carrier] = fc.sample(genEstimate('carrier', 25), { numRuns: 1, seed: 78 });
  // Theirs: our lines in the carrier's layout, some cut — a realistic pair.
  const theirsEst = { ...carrier, items: ours.items.filter((_, k) => k % 3 !== 0).map((it) => ({ ...it, qty100: Math.max(1, it.qty100 - 50) })) };
  for (const [name, est] of [['ours', ours], ['theirs', theirsEst], ['other', theirs]] as const) {
    writeFileSync(path.join(dir, `${name}.pdf`), await printedPdf(printEstimate(est, true)));
    writeFileSync(path.join(dir, `${name}.txt`), printedText(printEstimate(est, false)));
  }
  writeFileSync(path.join(dir, 'ours-off.pdf'), await printedPdf(lineOneTotalOff(printEstimate(ours, true))));
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([612, 792]).drawText('Minutes of the neighbourhood association, Tuesday', { x: 72, y: 700, size: 11, font });
  writeFileSync(path.join(dir, 'minutes.pdf'), await doc.save());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args, '--today', '2026-01-05'], { encoding: 'utf8', timeout: 60_000 });
const f = (name: string) => path.join(dir, name);

test('pursue ours.pdf theirs.pdf = pursue ours.txt theirs.txt, and writes the workbook', () => {
  const fromPdf = JSON.parse(execFileSync(process.execPath, [CLI, f('ours.pdf'), f('theirs.pdf'), '--json', '--today', '2026-01-05'], { encoding: 'utf8' }));
  const fromText = JSON.parse(execFileSync(process.execPath, [CLI, f('ours.txt'), f('theirs.txt'), '--json', '--today', '2026-01-05'], { encoding: 'utf8' }));
  expect(fromPdf.lines.length).toBeGreaterThan(0);
  expect(fromPdf.lines).toEqual(fromText.lines);
  expect(fromPdf.insurerOnly ?? null).toEqual(fromText.insurerOnly ?? null);
  const out = run([f('ours.pdf'), f('theirs.pdf'), '--out', f('pursue.xlsx')]);
  expect(out.status).toBe(0);
  expect(out.stderr).toMatch(/Wrote .*pursue\.xlsx/);
});

test('a PDF that is not an estimate: the reader\'s "no line items", naming the file', () => {
  const r = run([f('minutes.pdf'), f('theirs.pdf')]);
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/^pursue: minutes\.pdf: No line items were found in .*estimate PDF .*If this is not the estimate, open the estimate PDF instead\./);
});

test('a damaged PDF: says it cannot be read and what to do, exit 1', () => {
  writeFileSync(f('cut.pdf'), Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\n'));
  const r = run([f('ours.pdf'), f('cut.pdf')]);
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/^pursue: cut\.pdf cannot be read: .*Download or export it again, or paste its text\./);
});

test('a problem on a PDF\'s row names its page and line: in the report\'s prefix and message, --json and the Checks sheet', async () => {
  const r = run([f('ours-off.pdf'), f('theirs.pdf'), '--out', f('off.xlsx')]);
  expect(r.status).toBe(0);
  const json = JSON.parse(execFileSync(process.execPath, [CLI, f('ours-off.pdf'), f('theirs.pdf'), '--json', '--today', '2026-01-05'], { encoding: 'utf8' }));
  const p = json.problems.find((x: { side: string; message: string }) => x.side === 'ours' && x.message.startsWith('Line 1 '));
  // Where the reader put line 1 on paper, read again here from the same PDF.
  const read = await readPdfBytes(new Uint8Array(readFileSync(f('ours-off.pdf'))));
  if (!read.ok) throw new Error(read.refusal.message);
  const at = read.places[p.row - 1];
  const place = `page ${at.page}, line ${at.line}`;
  expect(p.message).toMatch(new RegExp(`^Line 1 \\(${place}\\) `));
  expect(r.stdout).toContain(`[warning] ours, ${place}: Line 1 (${place}) `);
  expect(r.stdout).not.toMatch(/ours, row \d+: Line 1/);
  const checks = (await readXlsxValues(f('off.xlsx')))!['Checks']!.map((row) => row.join(' | ')).join('\n');
  expect(checks).toContain(`Line 1 (${place}) `);
  // The Checks sheet's "where" column names the page and line too, not the row as read.
  expect(checks).toContain(`Our estimate, ${place} | Line 1 (${place}) `);
});
