/**
 * Positioned text → lines of cells. Pure geometry, no PDF library: the pages come from PDF.js
 * (shared/pdf/read.ts) in the product and straight from generators in the tests.
 *
 * PDF coordinates: origin bottom-left, y grows upwards, units are points (1/72 in).
 */

/** One run of text as PDF.js reports it (one `TextItem`), reduced to what layout needs. */
export interface PdfTextItem {
  str: string;
  /** Left edge of the run's baseline. */
  x: number;
  /** Baseline height above the page bottom. */
  y: number;
  /** Advance width of the run in points. */
  width: number;
  /** Font size in points (the text matrix's vertical scale). */
  size: number;
  /** Text not on a horizontal left-to-right baseline (sketch dimensions along a wall, stamps). */
  rotated: boolean;
}

export interface PdfPageText {
  /** 1-based page number. */
  page: number;
  width: number;
  height: number;
  items: PdfTextItem[];
}

/** A stretch of a line with no wide gap inside: one cell's worth of text. */
export interface Chunk {
  text: string;
  x0: number;
  x1: number;
  /** Its words with their positions, for a chunk that straddles two table columns. */
  words?: Chunk[];
  /** Measured space before this word when it began a new run of text (0 inside one run). */
  gapBefore?: number;
}

export interface PdfLine {
  page: number;
  /** 1-based line number on its page, counted top-down over every line of text the page shows. */
  line: number;
  /** Baseline, points above the page bottom. */
  y: number;
  size: number;
  /** Typical width of one character in this line (points): the unit for "wide" gaps. */
  charWidth: number;
  chunks: Chunk[];
  pageHeight: number;
}

/**
 * Groups a page's text into lines by baseline and each line into chunks by the gaps between runs.
 * A gap wider than 1.5 characters starts a new chunk: columns in estimating software are set
 * apart by far more, words by one space (a monospaced font's space is a whole character wide).
 */
export function pageLines(page: PdfPageText): PdfLine[] {
  const items = page.items.filter((i) => !i.rotated && i.str.trim() !== '' && Number.isFinite(i.x) && Number.isFinite(i.y));
  // Top of the page first; within a baseline, left to right.
  items.sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfTextItem[][] = [];
  for (const it of items) {
    const g = groups[groups.length - 1];
    // Same line when the baselines are within a third of the type size (sub/superscripts and
    // rounding in the producer's text matrices stay on their line).
    if (g && Math.abs(g[0].y - it.y) <= Math.max(1, 0.35 * Math.max(g[0].size, it.size))) g.push(it);
    else groups.push([it]);
  }
  return groups.map((g, k) => {
    g.sort((a, b) => a.x - b.x);
    const size = median(g.map((i) => i.size)) || 10;
    const charWidth = lineCharWidth(g, size);
    return { page: page.page, line: k + 1, y: g[0].y, size, charWidth, chunks: chunksOf(g, charWidth), pageHeight: page.height };
  });
}

function lineCharWidth(items: PdfTextItem[], size: number): number {
  let chars = 0;
  let width = 0;
  for (const i of items) {
    const n = i.str.length;
    if (n > 0 && i.width > 0) {
      chars += n;
      width += i.width;
    }
  }
  const w = chars > 0 ? width / chars : 0.5 * size;
  return Math.max(w, 0.3 * size);
}

function chunksOf(items: PdfTextItem[], charWidth: number): Chunk[] {
  const chunks: Chunk[] = [];
  let cur: Chunk | null = null;
  for (const it of items) {
    // A run may carry its own wide spaces ("Qty    Unit"); split it on runs of 2+ spaces
    // measured by the run's own character width.
    const pieces = splitRun(it);
    for (const p of pieces) {
      if (cur && p.x0 - cur.x1 <= 1.5 * charWidth) {
        const gap = p.x0 - cur.x1;
        const sep = gap > 0.15 * charWidth && !cur.text.endsWith(' ') && !p.text.startsWith(' ') ? ' ' : '';
        cur.text += sep + p.text;
        cur.x1 = Math.max(cur.x1, p.x1);
        if (sep) {
          const ws = wordsOf(p);
          if (ws[0]) ws[0].gapBefore = gap;
          cur.words!.push(...ws);
        }
        else {
          // Glued to the previous word (a run split mid-word by the producer).
          const [first, ...rest] = wordsOf(p);
          const last = cur.words![cur.words!.length - 1];
          if (last && first) {
            last.text += first.text;
            last.x1 = first.x1;
          }
          cur.words!.push(...rest);
        }
      } else {
        if (cur) chunks.push(cur);
        cur = { ...p, words: wordsOf(p) };
      }
    }
  }
  if (cur) chunks.push(cur);
  for (const c of chunks) c.text = c.text.replace(/\s+/g, ' ').trim();
  return chunks.filter((c) => c.text !== '');
}

function wordsOf(c: Chunk): Chunk[] {
  const per = c.text.length > 0 ? (c.x1 - c.x0) / c.text.length : 0;
  const out: Chunk[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(c.text)) !== null) out.push({ text: m[0], x0: c.x0 + m.index * per, x1: c.x0 + (m.index + m[0].length) * per });
  return out;
}

function splitRun(it: PdfTextItem): Chunk[] {
  const s = it.str;
  const per = s.length > 0 ? it.width / s.length : 0;
  const out: Chunk[] = [];
  const re = /\S+(?: \S+)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    out.push({ text: m[0], x0: it.x + m.index * per, x1: it.x + (m.index + m[0].length) * per });
  }
  return out;
}

export function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The line as text, chunks set apart by two spaces (the way a column-preserving copy reads). */
export function lineText(l: PdfLine): string {
  return l.chunks.map((c) => c.text).join('  ');
}
