// A second, independent PDF producer: LibreOffice Writer prints the same estimates' text (and the
// table family as a table whose descriptions wrap in their cells) to PDF, and one estimate in each
// of the reader's ten tests/render families. The PDF path must read what the text path reads.
// One soffice run converts every file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { parseEstimate } from '../../shared/parse/detect';
import { describeWithLibreOffice, soffice } from '../helpers/libreoffice';
import { essence, parseTextPath, readPdfBytes } from './helpers';
import { FAMILIES, genEstimate, printedText, printEstimate, type Family } from './printed';
import { readText } from '../../shared/parse/rows';
import { arbEstimate, FAMILIES as RENDER_FAMILIES, renderEstimate } from '../render/index';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Page text in a small monospaced font, so estimate lines (up to 115 characters) fit a page. */
function preHtml(text: string): string {
  return `<html><head><meta charset="utf-8"></head><body><pre style="font-family:'Liberation Mono';font-size:6pt">${esc(text)}</pre></body></html>`;
}

/** A tab-separated export as a printed table: fixed column widths, descriptions wrap in their cell. */
function tableHtml(tsv: string, widths = [6, 14, 36, 10, 6, 12, 14]): string {
  return rowsHtml(tsv.replace(/\r/g, '').split('\n').filter((r) => r.trim() !== '').map((r) => r.split('\t')), widths);
}

/** Rows of cells as a printed table; a cell's own line breaks (a quoted cell) print as line breaks. */
function rowsHtml(rows: string[][], widths: number[]): string {
  const figure = (t: string) => /^[\s$()\-\d.,]+$/.test(t) && /\d/.test(t);
  // Figures right-aligned, as a spreadsheet prints them; a label runs on over the empty cells
  // after it (a spreadsheet's text overflow), other text wraps inside its cell.
  const row = (r: string[], tag: string) => {
    const out: string[] = [];
    for (let i = 0; i < r.length; i++) {
      let span = 1;
      if (!figure(r[i]) && r[i].trim() !== '') while (i + span < r.length && r[i + span].trim() === '') span++;
      const width = widths.slice(i, i + span).reduce((a, b) => a + b, 0) || 8;
      out.push(`<${tag} width="${width}%"${span > 1 ? ` colspan="${span}"` : ''} valign="top" align="${figure(r[i]) ? 'right' : 'left'}">${esc(r[i].trim()).replace(/\n/g, '<br>')}</${tag}>`);
      i += span - 1;
    }
    return `<tr>${out.join('')}</tr>`;
  };
  return `<html><head><meta charset="utf-8"></head><body style="font-family:'Liberation Sans';font-size:9pt"><table width="100%" cellpadding="4" cellspacing="0">${rows
    .map((r, k) => row(r, k === 0 ? 'th' : 'td'))
    .join('')}</table></body></html>`;
}

interface Case {
  name: string;
  text: string;
  html: string;
  /** From tests/render: its text is read as pasted (readText), table or not. */
  render?: boolean;
}

const cases: Case[] = [];
for (const family of FAMILIES) {
  fc.sample(genEstimate(family, 30), { numRuns: 3, seed: 2026 }).forEach((est, k) => {
    const text = printedText(printEstimate(est, false));
    cases.push({ name: `${family}-${k}`, text, html: family === 'table' ? tableHtml(text) : preHtml(text) });
  });
}
// The reader's own renderer (tests/render), every family: page text as page text, exports and
// tables as printed tables with each column as wide as its longest cell line.
for (const family of RENDER_FAMILIES) {
  fc.sample(arbEstimate, { numRuns: 2, seed: 2026 }).forEach((est, k) => {
    const text = renderEstimate(est, family, { noise: k === 0, shuffle: 5 + k });
    const rows = readText(text).map((r) => r.map((c) => (c == null ? '' : String(c))));
    const table = rows.some((r) => r.length > 1);
    const cols = Math.max(...rows.map((r) => r.length));
    const widths = Array.from({ length: table ? cols : 0 }, (_, i) => Math.max(4, ...rows.map((r) => Math.max(...(r[i] ?? '').split('\n').map((l) => l.trim().length)))));
    const sum = widths.reduce((a, b) => a + b, 0);
    cases.push({ name: `render-${family}-${k}`, text, html: table ? rowsHtml(rows, widths.map((w) => Math.round((100 * w) / sum))) : preHtml(text), render: true });
  });
}
const fixtures = path.join(__dirname, '..', 'fixtures');
for (const [name, file] of [['case2-ours', 'case2/ours.txt'], ['case2-theirs', 'case2/theirs.txt']]) {
  const text = readFileSync(path.join(fixtures, file), 'utf8');
  cases.push({ name, text, html: preHtml(text) });
}

const compareText = readFileSync(path.join(fixtures, 'sbs1', 'compare.txt'), 'utf8');
const CLI = path.join(__dirname, '..', '..', 'dist', 'cli', 'pursue.js');

describeWithLibreOffice('LibreOffice Writer as the PDF producer', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'pursue-pdf-lo-'));
    const profile = path.join(dir, 'profile');
    for (const c of cases) writeFileSync(path.join(dir, `${c.name}.html`), c.html);
    writeFileSync(path.join(dir, 'sbs1.html'), tableHtml(compareText, [4, 30, 5, 8, 9, 10, 8, 9, 10, 9]));
    writeFileSync(path.join(dir, 'compare.txt'), compareText);
    execFileSync(
      soffice!,
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', dir, ...[...cases.map((c) => c.name), 'sbs1'].map((n) => path.join(dir, `${n}.html`))],
      { timeout: 180_000, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HOME: profile } },
    );
  }, 200_000);
  afterAll(() => (process.env.PURSUE_KEEP_PDFS ? undefined : rmSync(dir, { recursive: true, force: true })));

  test.each(cases.map((c) => [c.name, c] as const))('%s: PDF path = text path', async (_name, c) => {
    const read = await readPdfBytes(new Uint8Array(readFileSync(path.join(dir, `${c.name}.pdf`))), `${c.name}.pdf`);
    if (!read.ok) throw new Error(read.refusal.message);
    const text = parseTextPath(c.text);
    const pdf = parseEstimate(read.rows, 'ours');
    expect(text.lines.length).toBeGreaterThan(0);
    if (c.render) {
      // Lines, areas and totals, as the pdf-lib test of these families compares them: fixed-width
      // page text is a printed table on paper, so the PDF path reads it as one (another format).
      const { format: _pdf, ...fromPdf } = essence(pdf);
      const { format: _text, ...fromText } = essence(text);
      expect(fromPdf).toEqual(fromText);
      return;
    }
    expect(essence(pdf)).toEqual(essence(text));
    expect(read.mode).toBe((c.name.split('-')[0] as Family) === 'table' ? 'table' : 'text');
  });

  test('the CLI reads a side-by-side comparison PDF (--compare) as it reads the pasted table', () => {
    const run = (file: string) => JSON.parse(execFileSync(process.execPath, [CLI, '--compare', file, '--json', '--today', '2026-01-05'], { encoding: 'utf8' }));
    const fromPdf = run(path.join(dir, 'sbs1.pdf'));
    const fromText = run(path.join(dir, 'compare.txt'));
    expect(fromPdf.lines.length).toBeGreaterThan(10);
    expect(fromPdf.lines).toEqual(fromText.lines);
    expect(fromPdf.totals ?? null).toEqual(fromText.totals ?? null);
  });
});
