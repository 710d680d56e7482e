import { findHeader, headerField } from '../parse/header';
import type { Cell, Rows } from '../types/cells';
import { lineText, pageLines, type Chunk, type PdfLine, type PdfPageText } from './lines';

/** Where a row came from on paper, so a problem can say "page 3, line 12". */
export interface RowPlace {
  page: number;
  line: number;
}

export interface PdfRows {
  rows: Rows;
  /** places[i] is where rows[i] starts. */
  places: RowPlace[];
  pageCount: number;
  /** How the lines were cut into cells: one cell a line (numbered estimate text) or header columns. */
  mode: 'text' | 'table';
  /** Running headers and footers dropped (lines repeated at the same height on most pages). */
  repeatedLinesDropped: number;
  /** Pages read as sketches (room labels, dimensions, no figures) and left out. */
  sketchPages: number[];
  /** Lines whose figures were printed at the top of the next page and joined back. */
  joinedAcrossPages: number;
}

const NUMBERED = /^\d{1,4}\.\s/;
// A printed amount: 1,234.56 / (1,234.56) / -12.00 / $ 5.00. Two decimals mark money, not a
// dimension or a year.
const MONEY = /(^|\s)\(?-?\$?\s?\d{1,3}(,\d{3})*\.\d{2}\)?(\s|$)|(^|\s)\(?-?\$?\d+\.\d{2}\)?(\s|$)/;
const HEADER_WORD = /^(description|desc|quantity|qty|unit|units|uom|unit price|unit cost|price|cost|rate|tax|o&p|o ?& ?p|rcv|total|acv|deprec\.?|depreciation|age\/life|cond\.?|condition|dep %|remove|replace|amount|ext|line|item|room|area|#|notes?)$/i;
const CONTINUED = /^continued\b/i;
const FEET_INCHES = /\d+'\s?\d*"?|\d+"\s*$/;

/** Page text → rows of cells for the reader, plus where each row sits on paper. */
export function rowsFromPages(pages: PdfPageText[]): PdfRows {
  let perPage = pages.map((p) => pageLines(p));
  const sketchPages: number[] = [];
  perPage = perPage.map((lines, k) => {
    if (isSketchPage(lines)) {
      sketchPages.push(pages[k].page);
      return [];
    }
    return lines;
  });
  const { kept, dropped } = dropRunningLines(perPage);
  const all = kept.flat();
  const numbered = all.filter((l) => NUMBERED.test(lineText(l)));
  const numberedInline = numbered.filter((l) => hasFigures(l)).length;
  const headerAt = all.findIndex((l) => isTableHeader(l));
  // Numbered lines are Xactimate / carrier estimate text: the reader reads those a line at a time,
  // exactly as a copied page. Without them, a header row with columns is a printed table.
  const mode: 'text' | 'table' = numbered.length >= 1 || headerAt < 0 ? 'text' : 'table';
  // Inline layouts print figures on the numbered line (and head their columns DESCRIPTION);
  // carrier layouts print them on the line under it.
  const inline = numberedInline > 0 ? numberedInline * 2 >= numbered.length : all.some((l) => isHeaderish(l) && /\bdescription\b/i.test(lineText(l)));
  const joined = joinAcrossPages(kept, inline);
  const lines = joined.lines.flat();
  const out = mode === 'text' ? textRows(lines) : tableRows(lines, lines.findIndex((l) => isTableHeader(l)));
  return {
    ...out,
    pageCount: pages.length,
    mode,
    repeatedLinesDropped: dropped,
    sketchPages,
    joinedAcrossPages: joined.count,
  };
}

function hasFigures(l: PdfLine): boolean {
  return l.chunks.some((c, k) => (k > 0 || l.chunks.length === 1) && MONEY.test(c.text));
}

function isHeaderish(l: PdfLine): boolean {
  const words = l.chunks.flatMap((c) => splitHeaderWords(c.text));
  return words.filter((w) => HEADER_WORD.test(w)).length >= 3 && !hasFigures(l);
}

function splitHeaderWords(text: string): string[] {
  // "QUANTITY UNIT PRICE" printed in one run counts as its words.
  return text.replace(/unit (price|cost)/gi, 'unit_$1').split(/\s+/).map((w) => w.replace('_', ' '));
}

function isTableHeader(l: PdfLine): boolean {
  return l.chunks.length >= 3 && findHeader([l.chunks.map((c) => c.text)]) !== null;
}

/**
 * A sketch page: many short labels (room names, wall lengths in feet and inches), no money and
 * no numbered line. Room names there would otherwise read as area headings.
 */
function isSketchPage(lines: PdfLine[]): boolean {
  if (lines.length < 4) return false;
  const texts = lines.map(lineText);
  if (texts.some((t) => NUMBERED.test(t) || MONEY.test(t))) return false;
  const chunks = lines.flatMap((l) => l.chunks);
  const short = chunks.filter((c) => c.text.split(' ').length <= 3).length;
  const dims = chunks.filter((c) => FEET_INCHES.test(c.text)).length;
  return short >= 0.8 * chunks.length && dims >= 3;
}

/**
 * Running headers and footers: the same text (page numbers and dates aside) at the same height on
 * most pages. Column header lines and "CONTINUED" lines stay: the reader uses them.
 */
function dropRunningLines(pages: PdfLine[][]): { kept: PdfLine[][]; dropped: number } {
  const withText = pages.filter((p) => p.length > 0).length;
  if (withText < 2) return { kept: pages, dropped: 0 };
  const key = (l: PdfLine) => `${Math.round(l.y / 3)}|${lineText(l).replace(/\d+/g, '#').toLowerCase()}`;
  const seen = new Map<string, Set<number>>();
  for (const p of pages) {
    for (const l of p) {
      const k = key(l);
      if (!seen.has(k)) seen.set(k, new Set());
      seen.get(k)!.add(l.page);
    }
  }
  const need = Math.max(2, Math.ceil(withText * 0.6));
  let dropped = 0;
  const kept = pages.map((p) =>
    p.filter((l) => {
      const repeated = (seen.get(key(l))?.size ?? 0) >= need;
      // Running heads and feet live in the page margins; a numbered line or figures never repeat.
      const margin = l.y > l.pageHeight * 0.88 || l.y < l.pageHeight * 0.1;
      const t = lineText(l);
      const keep = !repeated || !margin || isHeaderish(l) || CONTINUED.test(t) || NUMBERED.test(t) || hasFigures(l);
      if (!keep) dropped++;
      return keep;
    }),
  );
  return { kept, dropped };
}

/**
 * A line item whose description ends one page and whose figures head the next (after the next
 * page's "CONTINUED" and column header lines): the figures go back to the item. Inline layouts
 * (figures on the description line) get them on that line; carrier layouts (figures on the line
 * under the description) get the figures line moved up under the description.
 */
function joinAcrossPages(pages: PdfLine[][], inline: boolean): { lines: PdfLine[][]; count: number } {
  const out = pages.map((p) => [...p]);
  let count = 0;
  for (let k = 0; k + 1 < out.length; k++) {
    const here = out[k];
    const next = out.slice(k + 1).find((p) => p.length > 0);
    if (!next || here.length === 0) continue;
    // The last numbered line on the page, with only wrapped description text under it.
    let a = here.length - 1;
    while (a >= 0 && !NUMBERED.test(lineText(here[a]))) {
      if (hasFigures(here[a]) || isHeaderish(here[a])) {
        a = -1;
        break;
      }
      a--;
    }
    if (a < 0 || hasFigures(here[a])) continue;
    let b = 0;
    while (b < next.length && (CONTINUED.test(lineText(next[b])) || isHeaderish(next[b]))) b++;
    if (b >= next.length) continue;
    const fig = next[b];
    if (!hasFigures(fig) || NUMBERED.test(lineText(fig)) || !figuresOnly(fig)) continue;
    // Description text wrapped under the figures (set at the page's normal leading, not after a
    // blank line as a room heading is) travels with them.
    let e = b + 1;
    while (e < next.length && isWrap(next[e - 1], next[e])) e++;
    const moved = next.splice(b, e - b);
    const at = { page: here[a].page, line: here[a].line };
    if (inline) {
      here[a] = { ...here[a], chunks: [...here[a].chunks, ...fig.chunks] };
      here.push(...moved.slice(1));
    } else {
      // Carrier layouts print the figures under the whole description: after the page's last line.
      here.push(...moved.map((l) => ({ ...l, ...at })));
    }
    count++;
  }
  return { lines: out, count };
}

function isWrap(above: PdfLine, l: PdfLine): boolean {
  const t = lineText(l);
  return above.page === l.page && above.y - l.y <= 1.5 * Math.max(above.size, l.size) && !NUMBERED.test(t) && !hasFigures(l) && !isHeaderish(l) && !CONTINUED.test(t);
}

/** Every chunk is a number, unit, percentage, age/life or condition word: a figures line. */
function figuresOnly(l: PdfLine): boolean {
  return l.chunks.every((c) =>
    c.text.split(' ').every((t) => /^[($-]*[\d.,]+%?\)?$/.test(t) || /^[A-Z]{1,3}$/.test(t) || /^\d+\/(\d+|na)$/i.test(t) || /^(avg\.?|average|good|fair|poor|yrs?\.?|na)$/i.test(t)),
  );
}

function textRows(lines: PdfLine[]): { rows: Rows; places: RowPlace[] } {
  // Indentation is kept as spaces, as a copy of the page keeps it: an indented "Subtotal" is a
  // room's, one at the margin the estimate's.
  const margin = new Map<number, number>();
  for (const l of lines) margin.set(l.page, Math.min(margin.get(l.page) ?? Infinity, l.chunks[0]?.x0 ?? Infinity));
  const indent = (l: PdfLine) => ' '.repeat(Math.max(0, Math.round(((l.chunks[0]?.x0 ?? 0) - (margin.get(l.page) ?? 0)) / l.charWidth)));
  return {
    rows: lines.map((l) => [indent(l) + lineText(l)]),
    places: lines.map((l) => ({ page: l.page, line: l.line })),
  };
}

interface Column {
  x0: number;
  x1: number;
  figures: boolean;
}

/**
 * A printed table: the header row's chunks are the columns. Each chunk of a later line goes to
 * the column it overlaps most, or else the one whose near edge lines up (figures are
 * right-aligned under their heading, text left-aligned). Description text wrapped onto lines
 * of its own joins the item whose figures share its row on paper.
 */
function tableRows(lines: PdfLine[], headerAt: number): { rows: Rows; places: RowPlace[] } {
  const rows: Rows = [];
  const places: RowPlace[] = [];
  for (let k = 0; k < headerAt; k++) {
    rows.push([lineText(lines[k])]);
    places.push({ page: lines[k].page, line: lines[k].line });
  }
  const header = { ...lines[headerAt], chunks: lines[headerAt].chunks.flatMap(splitHeaderChunk) };
  const headerCells = header.chunks.map((c) => c.text);
  const headerRow = findHeader([headerCells])!;
  const figureCols = new Set(
    headerRow.columns.filter((c) => !['item', 'group', 'area', 'description', 'unit', 'note', 'ignore'].includes(c.field)).map((c) => c.index),
  );
  const descCol = headerRow.columns.find((c) => c.field === 'description')?.index ?? 0;
  const columns: Column[] = header.chunks.map((c, i) => ({ x0: c.x0, x1: c.x1, figures: figureCols.has(i) }));
  const headerKey = lines[headerAt].chunks.map((c) => c.text).join('|').toLowerCase();

  let bodyAt = headerAt + 1;
  const bounds = columnBounds(columns, lines.slice(bodyAt));
  // Headings wrapped in their cells ("Our Unit" over "Price"): lines set tight under the header
  // with words only, each under a heading, complete those headings.
  while (bodyAt < lines.length) {
    const l = lines[bodyAt];
    const above = lines[bodyAt - 1];
    if (l.page !== above.page || above.y - l.y > 1.3 * Math.max(l.size, above.size) || hasFigures(l) || NUMBERED.test(lineText(l))) break;
    const cells = placeChunks(l.chunks, bounds, l.charWidth);
    if (cells.some((c, i) => c !== '' && headerCells[i] === '')) break;
    cells.forEach((c, i) => {
      if (c) headerCells[i] = `${headerCells[i]} ${c}`;
    });
    bodyAt++;
  }
  rows.push(headerCells);
  places.push({ page: header.page, line: header.line });
  // Cut the body into rows on paper: lines closer than 1.3 type sizes belong to one table row.
  type Block = { lines: PdfLine[]; cells: string[][]; raw?: boolean };
  const blocks: Block[] = [];
  let prev: PdfLine | null = null;
  for (const l of lines.slice(bodyAt)) {
    if (l.chunks.map((c) => c.text).join('|').toLowerCase() === headerKey) {
      prev = null;
      continue;
    }
    if (l.chunks.length === 1 && l.chunks[0].x0 <= columns[0].x1 && /\d\.\d{2}\)?$/.test(l.chunks[0].text)) {
      // "Replacement Cost Value $5,836,140.19" from the margin, set as one run: a recap line under
      // the table, not a table row. Its label and its figure are two cells (the figure where it
      // stands), as the reader reads a recap row under a table.
      blocks.push({ lines: [l], cells: [recapCells(l.chunks[0], bounds)], raw: true });
      prev = null;
      continue;
    }
    const cells = placeChunks(l.chunks, bounds, l.charWidth);
    const tight = prev && ((prev.page === l.page && prev.y - l.y <= 1.3 * Math.max(prev.size, l.size)) || rowRunsOn(prev, l, cells, blocks[blocks.length - 1]?.cells, descCol));
    if (tight) {
      blocks[blocks.length - 1].lines.push(l);
      blocks[blocks.length - 1].cells.push(cells);
    } else {
      blocks.push({ lines: [l], cells: [cells] });
    }
    prev = l;
  }

  for (const b of blocks) {
    if (b.raw) {
      rows.push(b.cells[0]);
      places.push({ page: b.lines[0].page, line: b.lines[0].line });
      continue;
    }
    for (const part of splitBlock(b.lines, b.cells, columns)) {
      rows.push(part.cells.map((c) => c as Cell));
      places.push({ page: part.line.page, line: part.line.line });
    }
  }
  return { rows, places };
}

const TRAILING_FIGURE = /^(.*?\S)\s+(\(?-?\$?\s?[\d,]*\d\.\d{2}\)?)$/;

/** A recap line set as one run → [label, figure] in the columns they stand in (one cell if it has no label). */
function recapCells(c: Chunk, bounds: number[]): string[] {
  const cells: string[] = Array.from({ length: bounds.length + 1 }, () => '');
  const m = TRAILING_FIGURE.exec(c.text);
  if (!m) {
    cells[0] = c.text;
    return cells;
  }
  const words = c.words ?? [c];
  const last = words[words.length - 1];
  const mid = (last.x0 + last.x1) / 2;
  let col = 0;
  while (col < bounds.length && mid >= bounds[col]) col++;
  cells[0] = m[1];
  cells[Math.max(1, Math.min(col, bounds.length))] = m[2];
  return cells;
}

/**
 * Headings set close together ("Qty Unit": a right-aligned heading next to a left-aligned one) read
 * as one chunk; when each word is a heading of its own, each is its own column.
 */
function splitHeaderChunk(c: Chunk): Chunk[] {
  const words = c.words ?? [];
  // A heading of its own in the reader's words ("Item Description", "Item #", "Unit Cost") is one
  // column, however the producer spaced its words.
  if (words.length < 2 || HEADER_WORD.test(c.text) || headerField(c.text) !== null) return [c];
  // Runs of text as the producer set them ("Item Description" is one heading even though each
  // word is one too); split only when every run is a heading of its own.
  const runs: Chunk[] = [];
  for (const w of words) {
    const last = runs[runs.length - 1];
    if (last && !(w.gapBefore ?? 0)) {
      last.text += ` ${w.text}`;
      last.x1 = w.x1;
    } else runs.push({ text: w.text, x0: w.x0, x1: w.x1 });
  }
  // A run is a heading of its own: one heading word, or several the reader knows as one ("Ours
  // Unit" set close to "Ours Total" when both wrap in their cells). A side's name alone is not.
  const heading = (t: string) => HEADER_WORD.test(t) || (t.includes(' ') && headerField(t) !== null);
  return runs.length > 1 && runs.every((r) => heading(r.text)) ? runs : [c];
}

/**
 * Where one column ends and the next begins: the rightmost strip between two headings that no word
 * of the table body crosses. Rightmost, because a heading sits at the left of its cell while its
 * figures are right-aligned: the strip just before the next column's text is the cell border.
 */
function columnBounds(columns: Column[], body: PdfLine[]): number[] {
  const spans = body.flatMap((l) => l.chunks.flatMap((c) => c.words ?? [c])).map((w) => [w.x0, w.x1] as const);
  const bounds: number[] = [];
  for (let i = 0; i + 1 < columns.length; i++) {
    const lo = columns[i].x1;
    const hi = columns[i + 1].x0;
    let best: number | null = null;
    if (hi > lo) {
      // Right to left in half-point steps: the strip crossed by the fewest words (none, unless a
      // label runs on over empty cells), the rightmost such strip, its middle.
      const crossing = (x: number) => spans.reduce((n, [a, b]) => (a - 0.5 < x && x < b + 0.5 ? n + 1 : n), 0);
      let fewest = Infinity;
      let right = hi;
      let left = hi;
      let inRun = false;
      for (let x = hi; x > lo; x -= 0.5) {
        const n = crossing(x);
        if (n < fewest) {
          fewest = n;
          right = left = x;
          inRun = true;
        } else if (n === fewest && inRun) {
          left = x;
        } else {
          inRun = false;
        }
      }
      if (fewest < Infinity) best = (left + right) / 2;
    }
    bounds.push(best ?? (lo + hi) / 2);
  }
  return bounds;
}

const FIGURE_WORD = /^[($-]*\$?[\d.,]+%?\)?$|^\$$/;

/**
 * Each word to the column its middle falls in, with one exception: text running on from one word
 * to the next at a word space stays in the cell it started in (a label spilling over empty cells,
 * a description longer than its column). A wider gap, or a change from figure to text
 * ("457.04 EA", "1 Roof"), at a column edge splits a chunk.
 */
function placeChunks(chunks: Chunk[], bounds: number[], charWidth: number): string[] {
  const cells: string[] = Array.from({ length: bounds.length + 1 }, () => '');
  const colOf = (w: Chunk) => {
    const mid = (w.x0 + w.x1) / 2;
    let i = 0;
    while (i < bounds.length && mid >= bounds[i]) i++;
    return i;
  };
  for (const ch of chunks) {
    const words = ch.words ?? [ch];
    let col = colOf(words[0]);
    words.forEach((w, k) => {
      if (k > 0) {
        const next = colOf(w);
        const prev = words[k - 1];
        const wide = (w.gapBefore ?? 0) > 1.1 * charWidth;
        const kindChanges = FIGURE_WORD.test(w.text) !== FIGURE_WORD.test(prev.text);
        const twoFigures = FIGURE_WORD.test(w.text) && FIGURE_WORD.test(prev.text) && prev.text !== '$';
        if (next !== col && (wide || kindChanges || twoFigures)) col = next;
      }
      cells[col] = cells[col] ? `${cells[col]} ${w.text}` : w.text;
    });
  }
  return cells;
}

/**
 * A table row split by a page break: the first line of the next page holds only description text
 * that reads as the rest of a sentence (starts in lower case, or the text above ends mid-phrase).
 * A room heading starts a new row instead.
 */
function rowRunsOn(prev: PdfLine, l: PdfLine, cells: string[], above: string[][] | undefined, descCol: number): boolean {
  if (l.page !== prev.page + 1 || !above) return false;
  if (cells.some((c, i) => c !== '' && i !== descCol)) return false;
  const before = [...above].reverse().find((c) => c[descCol] !== '')?.[descCol] ?? '';
  return /^[a-z(&/-]/.test(cells[descCol]) || /[-,&(/]$/.test(before);
}

/**
 * One row on paper may hold several table rows when the producer sets them tight. Each line with
 * figures is an item; text-only lines are its wrapped description: before it when the block
 * starts with text (cells aligned to the bottom), else after it.
 */
function splitBlock(lines: PdfLine[], cells: string[][], columns: Column[]): Array<{ line: PdfLine; cells: string[] }> {
  const hasFig = cells.map((c) => c.some((t, i) => columns[i].figures && t !== ''));
  if (!hasFig.some(Boolean)) return lines.map((l, k) => ({ line: l, cells: cells[k] }));
  const textFirst = !hasFig[0];
  const out: Array<{ line: PdfLine; cells: string[] }> = [];
  // Text wrapped inside a cell stays in its column: a description, or a figure too wide for its cell.
  const append = (into: string[], from: string[], after: boolean) =>
    from.forEach((t, i) => {
      if (t) into[i] = after ? [into[i], t].filter(Boolean).join(' ') : [t, into[i]].filter(Boolean).join(' ');
    });
  let pending: string[] | null = null;
  let pendingLine: PdfLine | null = null;
  for (let k = 0; k < lines.length; k++) {
    if (hasFig[k]) {
      const row = [...cells[k]];
      if (pending) append(row, pending, false);
      out.push({ line: pendingLine ?? lines[k], cells: row });
      pending = null;
      pendingLine = null;
    } else if (textFirst) {
      if (pending) append(pending, cells[k], true);
      else pending = [...cells[k]];
      pendingLine ??= lines[k];
    } else if (out.length > 0) {
      append(out[out.length - 1].cells, cells[k], true);
    } else {
      out.push({ line: lines[k], cells: cells[k] });
    }
  }
  if (pending && pendingLine) out.push({ line: pendingLine, cells: pending });
  return out;
}
