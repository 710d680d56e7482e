import { findHeader } from '../parse/header';
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
const HEADER_WORD = /^(description|desc|quantity|qty|unit|unit price|unit cost|price|tax|o&p|o ?& ?p|rcv|total|acv|deprec\.?|depreciation|age\/life|cond\.?|condition|dep %|remove|replace|amount|ext|line|item|room|area)$/i;
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
  return {
    rows: lines.map((l) => [lineText(l)]),
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
  const header = lines[headerAt];
  const headerCells = header.chunks.map((c) => c.text);
  const headerRow = findHeader([headerCells])!;
  const figureCols = new Set(
    headerRow.columns.filter((c) => !['item', 'area', 'description', 'unit', 'note', 'ignore'].includes(c.field)).map((c) => c.index),
  );
  const descCol = headerRow.columns.find((c) => c.field === 'description')?.index ?? 0;
  const columns: Column[] = header.chunks.map((c, i) => ({ x0: c.x0, x1: c.x1, figures: figureCols.has(i) }));
  rows.push(headerCells);
  places.push({ page: header.page, line: header.line });
  const headerKey = headerCells.join('|').toLowerCase();

  // Cut the body into rows on paper: lines closer than 1.3 type sizes belong to one table row.
  type Block = { lines: PdfLine[]; cells: string[][] };
  const blocks: Block[] = [];
  let prev: PdfLine | null = null;
  for (const l of lines.slice(headerAt + 1)) {
    if (l.chunks.map((c) => c.text).join('|').toLowerCase() === headerKey) {
      prev = null;
      continue;
    }
    const cells = placeChunks(l.chunks, columns);
    const tight = prev && prev.page === l.page && prev.y - l.y <= 1.3 * Math.max(prev.size, l.size);
    if (tight) {
      blocks[blocks.length - 1].lines.push(l);
      blocks[blocks.length - 1].cells.push(cells);
    } else {
      blocks.push({ lines: [l], cells: [cells] });
    }
    prev = l;
  }

  for (const b of blocks) {
    for (const part of splitBlock(b.lines, b.cells, columns, descCol)) {
      rows.push(part.cells.map((c) => c as Cell));
      places.push({ page: part.line.page, line: part.line.line });
    }
  }
  return { rows, places };
}

function placeChunks(chunks: Chunk[], columns: Column[]): string[] {
  const cells = columns.map(() => '');
  for (const ch of chunks) {
    let best = -1;
    let bestScore = Infinity;
    columns.forEach((col, i) => {
      const overlap = Math.min(ch.x1, col.x1) - Math.max(ch.x0, col.x0);
      const edge = col.figures ? Math.abs(ch.x1 - col.x1) : Math.abs(ch.x0 - col.x0);
      const score = overlap > 0 ? -overlap : edge;
      if (score < bestScore) [best, bestScore] = [i, score];
    });
    cells[best] = cells[best] ? `${cells[best]} ${ch.text}` : ch.text;
  }
  return cells;
}

/**
 * One row on paper may hold several table rows when the producer sets them tight. Each line with
 * figures is an item; text-only lines are its wrapped description: before it when the block
 * starts with text (cells aligned to the bottom), else after it.
 */
function splitBlock(lines: PdfLine[], cells: string[][], columns: Column[], descCol: number): Array<{ line: PdfLine; cells: string[] }> {
  const hasFig = cells.map((c) => c.some((t, i) => columns[i].figures && t !== ''));
  if (!hasFig.some(Boolean)) return lines.map((l, k) => ({ line: l, cells: cells[k] }));
  const textFirst = !hasFig[0];
  const out: Array<{ line: PdfLine; cells: string[] }> = [];
  let pending: string[] = [];
  let pendingLine: PdfLine | null = null;
  for (let k = 0; k < lines.length; k++) {
    if (hasFig[k]) {
      const row = [...cells[k]];
      if (pending.length) row[descCol] = [...pending, row[descCol]].filter(Boolean).join(' ');
      out.push({ line: pendingLine ?? lines[k], cells: row });
      pending = [];
      pendingLine = null;
    } else if (textFirst) {
      pending.push(...cells[k].filter(Boolean));
      pendingLine ??= lines[k];
    } else if (out.length > 0) {
      const last = out[out.length - 1].cells;
      const extra = cells[k].filter(Boolean).join(' ');
      last[descCol] = [last[descCol], extra].filter(Boolean).join(' ');
    } else {
      out.push({ line: lines[k], cells: cells[k] });
    }
  }
  if (pending.length && pendingLine) out.push({ line: pendingLine, cells: columns.map((_, i) => (i === descCol ? pending.join(' ') : '')) });
  return out;
}
