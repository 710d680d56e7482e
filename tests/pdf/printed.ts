// Generated estimates laid out the way estimating software prints them, once as page text (what a
// copy from the PDF gives, read by the text path) and once as a PDF drawn with pdf-lib (read by
// the PDF path). Both come from one printed-page model, so they hold the same estimate.
import fc from 'fast-check';
import { degrees, PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import { extension } from '../../shared/money';

export type Family = 'xactimate' | 'carrier' | 'table';
export const FAMILIES: Family[] = ['xactimate', 'carrier', 'table'];

export interface GenItem {
  desc: string;
  area: string;
  unit: string;
  qty100: number;
  price: number;
  /** Tax in basis points of the extension. */
  taxBp: number;
  /** Depreciation percent (carrier layout). */
  depPct: number;
}

export interface GenEstimate {
  family: Family;
  items: GenItem[];
  /** Index of the item whose figures fall on the next page (PDF only), or -1. */
  split: number;
  /** Body lines a page holds. */
  perPage: number;
  sketch: boolean;
}

const DESCS = [
  'Drip edge', 'Ice & water barrier', 'Laminated - comp. shingle rfg. - w/out felt', 'Roofing felt - 15 lb.',
  'Asphalt starter - universal starter course', 'Hip / Ridge cap - Standard profile - composition shingles',
  'R&R Roof vent - turtle type - Metal', 'Step flashing', 'Valley metal', 'R&R Siding - vinyl',
  'Remove Additional charge for high roof (2 stories or greater)', 'R&R Chimney flashing - average (32" x 36")',
  'Dumpster load - Approx. 20 yards, 4 tons of debris', 'Taxes, insurance, permits & fees (Bid Item)',
  'Seal/prime then paint the door trim (2 coats)', 'R&R House wrap (air/moisture barrier)',
];
const UNITS = ['LF', 'SF', 'SQ', 'EA', 'HR', 'SY'];
const AREAS = ['Roof', 'Front Elevation', 'Rear Elevation', 'Garage', 'Kitchen', 'Living Room'];

const genItem = fc.record({
  desc: fc.constantFrom(...DESCS),
  unit: fc.constantFrom(...UNITS),
  qty100: fc.integer({ min: 1, max: 100_000 }),
  price: fc.integer({ min: 1, max: 200_000 }),
  taxBp: fc.constantFrom(0, 0, 625, 825),
  depPct: fc.constantFrom(0, 25, 40),
});

export function genEstimate(family: Family, maxItems = 40): fc.Arbitrary<GenEstimate> {
  return fc
    .record({
      items: fc.array(genItem, { minLength: 1, maxLength: maxItems }),
      areaCuts: fc.array(fc.nat(), { maxLength: 4 }),
      split: fc.nat(),
      doSplit: fc.boolean(),
      perPage: fc.integer({ min: 14, max: 45 }),
      sketch: fc.boolean(),
    })
    .map(({ items, areaCuts, split, doSplit, perPage, sketch }) => {
      // Areas in runs, as an estimate groups its lines by room.
      const cuts = new Set(areaCuts.map((c) => c % items.length));
      let area = 0;
      const its = items.map((it, k) => {
        if (k > 0 && cuts.has(k)) area++;
        return { ...it, area: AREAS[area % AREAS.length] };
      });
      return { family, items: its, split: doSplit && family !== 'table' ? split % its.length : -1, perPage, sketch: sketch && family !== 'table' };
    });
}

export function amountOf(i: GenItem): number {
  return extension(i.qty100 / 100, i.price);
}
export function taxOf(i: GenItem): number {
  return Math.round((amountOf(i) * i.taxBp) / 10_000);
}
/** Xactimate prints O&P per line at 20 % of the extension; the carrier layout only on its recap. */
export function opOf(i: GenItem, family: Family): number {
  return family === 'xactimate' ? Math.round(amountOf(i) / 5) : 0;
}
export function rcvOf(i: GenItem, family: Family): number {
  return amountOf(i) + taxOf(i) + opOf(i, family);
}
export function depOf(i: GenItem): number {
  return Math.round((rcvOf(i, 'carrier') * i.depPct) / 100);
}

/** 1234567 cents → "12,345.67"; negative in brackets the way estimates print depreciation. */
export function commas(cents: number, brackets = false): string {
  const abs = Math.abs(cents);
  const s = `${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
  return brackets ? `(${s})` : cents < 0 ? `-${s}` : s;
}
function qtyText(i: GenItem): string {
  return (i.qty100 / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** One field printed at a character column: left-aligned text starts there, figures end there. */
export interface Field {
  text: string;
  col: number;
  align: 'left' | 'right';
}
export interface PLine {
  fields: Field[];
  /** Set closer to the line above (a description wrapped inside its table cell). */
  tight?: boolean;
  /** The page footer: printed at the foot of the page, wherever the body ends. */
  foot?: boolean;
}
export interface Printed {
  pages: PLine[][];
  /** Text path rows for the table family (tab-separated export); null = use the page text. */
  tsv: string[][] | null;
  sketch: boolean;
}

const L = (text: string, col: number): Field => ({ text, col, align: 'left' });
const R = (text: string, col: number): Field => ({ text, col, align: 'right' });
const line = (...fields: Field[]): PLine => ({ fields });
const BLANK: PLine = { fields: [] };

export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const w of text.split(' ')) {
    if (cur && (cur + ' ' + w).length > width) {
      out.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) out.push(cur);
  return out;
}

const RUNNING_HEAD = [line(L('Summit Roofing & Restoration LLC', 0)), line(L('1450 Industrial Blvd, Suite B', 0)), line(L('Lewisville, TX 75057', 0)), BLANK];
const foot = (n: number): PLine => ({ ...line(L('SMITH_J_2025-ROOF', 0), L('5/14/2025', 60), L(`Page: ${n}`, 90)), foot: true });

interface Block {
  area: string;
  lines: PLine[];
  /** Line count before which the page may break when this block is the split one. */
  splitAfter?: number;
}

/** The estimate as printed pages. `splitPdf` lets the split item's figures fall on the next page. */
export function printEstimate(est: GenEstimate, splitPdf: boolean): Printed {
  const f = est.family;
  const blocks: Block[] = [];
  let header: PLine;
  let area = '';
  const byArea = new Map<string, GenItem[]>();
  for (const it of est.items) byArea.set(it.area, [...(byArea.get(it.area) ?? []), it]);
  const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  if (f === 'table') {
    header = line(L('Line', 0), L('Room', 5), L('Description', 20), R('Qty', 62), L('Unit', 64), R('Unit Cost', 80), R('Total', 98));
    est.items.forEach((it, k) => {
      const d = wrap(it.desc, 26);
      const lines: PLine[] = [line(L(String(k + 1), 0), L(it.area, 5), L(d[0], 20), R(qtyText(it), 62), L(it.unit, 64), R(commas(it.price), 80), R(commas(amountOf(it)), 98))];
      for (const more of d.slice(1)) lines.push({ fields: [L(more, 20)], tight: true });
      blocks.push({ area: it.area, lines });
    });
    const tsv = [['Line', 'Room', 'Description', 'Qty', 'Unit', 'Unit Cost', 'Total']];
    est.items.forEach((it, k) => tsv.push([String(k + 1), it.area, it.desc, qtyText(it), it.unit, commas(it.price), commas(amountOf(it))]));
    return { pages: paginate(est, blocks, header), tsv, sketch: false };
  }

  if (f === 'xactimate') {
    header = line(L('DESCRIPTION', 0), R('QUANTITY', 56), R('UNIT PRICE', 70), R('TAX', 84), R('O&P', 98), R('RCV', 114));
    est.items.forEach((it, k) => {
      if (it.area !== area) {
        if (area) blocks.push(areaTotals(area));
        area = it.area;
        blocks.push({ area, lines: [BLANK, line(L(area, 0)), BLANK, header] });
      }
      const d = wrap(`${k + 1}.  ${it.desc}`, 34);
      const figs = [R(`${qtyText(it)} ${it.unit}`, 56), R(commas(it.price), 70), R(commas(taxOf(it)), 84), R(commas(opOf(it, f)), 98), R(commas(rcvOf(it, f)), 114)];
      const b: Block = { area, lines: [line(L(d[0], 0), ...figs), ...d.slice(1).map((t) => line(L(t, 0)))] };
      if (splitPdf && k === est.split) {
        // The description ends the page; its figures head the next one.
        b.lines = [line(L(d[0], 0)), line(...figs), ...d.slice(1).map((t) => line(L(t, 0)))];
        b.splitAfter = 1;
      }
      blocks.push(b);
    });
    blocks.push(areaTotals(area));
    const items = est.items;
    blocks.push({ area: '', lines: [BLANK, line(L('Line Item Totals: SMITH_J_2025-ROOF', 0), R(commas(total(items.map(taxOf))), 84), R(commas(total(items.map((i) => opOf(i, f)))), 98), R(commas(total(items.map((i) => rcvOf(i, f)))), 114))] });
    blocks.push(recap(est));
    return { pages: paginate(est, blocks, header), tsv: null, sketch: est.sketch };

    function areaTotals(a: string): Block {
      const its = byArea.get(a)!;
      return { area: a, lines: [line(L(`Totals: ${a}`, 0), R(commas(total(its.map(taxOf))), 84), R(commas(total(its.map((i) => opOf(i, f)))), 98), R(commas(total(its.map((i) => rcvOf(i, f)))), 114))] };
    }
  }

  // Carrier: the description on its own line, the figures on the line under it.
  header = line(R('QUANTITY', 12), R('UNIT PRICE', 26), R('TAX', 40), R('RCV', 55), R('AGE/LIFE', 67), R('CONDITION', 78), R('DEPREC.', 92), R('DEP %', 100), R('ACV', 114));
  est.items.forEach((it, k) => {
    if (it.area !== area) {
      if (area) blocks.push(carrierTotals(area));
      area = it.area;
      blocks.push({ area, lines: [BLANK, line(L(area, 0)), BLANK, header] });
    }
    const d = wrap(`${k + 1}.  ${it.desc}`, 60);
    const rcv = rcvOf(it, f);
    const dep = depOf(it);
    const figs = line(R(`${qtyText(it)} ${it.unit}`, 12), R(commas(it.price), 26), R(commas(taxOf(it)), 40), R(commas(rcv), 55), R(it.depPct ? '12/30 yrs' : '0/NA', 67), R('Avg.', 78), R(commas(dep, true), 92), R(`${it.depPct}.00%`, 100), R(commas(rcv - dep), 114));
    const b: Block = { area, lines: [...d.map((t) => line(L(t, 0))), figs] };
    if (splitPdf && k === est.split) b.splitAfter = d.length;
    blocks.push(b);
  });
  blocks.push(carrierTotals(area));
  blocks.push(recap(est));
  return { pages: paginate(est, blocks, header), tsv: null, sketch: est.sketch };

  function carrierTotals(a: string): Block {
    const its = byArea.get(a)!;
    const rcv = total(its.map((i) => rcvOf(i, f)));
    const dep = total(its.map(depOf));
    return { area: a, lines: [line(L(`Totals: ${a}`, 0), R(commas(total(its.map(taxOf))), 40), R(commas(rcv), 55), R(commas(dep), 92), R(commas(rcv - dep), 114))] };
  }
}

function recap(est: GenEstimate): Block {
  const f = est.family;
  const items = est.items;
  const sum = (g: (i: GenItem) => number) => items.reduce((a, i) => a + g(i), 0);
  const lit = sum(amountOf);
  const tax = sum(taxOf);
  const op = f === 'xactimate' ? sum((i) => opOf(i, f)) : Math.round(lit / 10) * 2;
  const overhead = Math.floor(op / 2);
  const rows: Array<[string, number]> = [
    ['Line Item Total', lit], ['Material Sales Tax', tax], ['Subtotal', lit + tax], ['Overhead', overhead], ['Profit', op - overhead],
    ['Replacement Cost Value', lit + tax + op],
  ];
  return { area: '', lines: [BLANK, line(L('Summary for Dwelling', 0)), BLANK, ...rows.map(([k, v]) => line(L(k, 0), R(commas(v), 64)))] };
}

/**
 * Pages: running head, "CONTINUED - area" and the column header when an area runs on, body,
 * footer. A block moves whole to the next page unless it is the split item, which breaks after
 * its description.
 */
function paginate(est: GenEstimate, blocks: Block[], header: PLine): PLine[][] {
  const pages: PLine[][] = [];
  let body: PLine[] = [];
  let lastArea = '';
  const flush = () => {
    pages.push([...RUNNING_HEAD, ...body, BLANK, foot(pages.length + 1)]);
    body = [];
  };
  const startPage = (area: string, first: PLine | undefined) => {
    flush();
    if (est.family === 'table') body.push(header);
    else if (area && first !== BLANK) body.push(line(L(`CONTINUED - ${area}`, 0)), BLANK, header);
  };
  if (est.family === 'table') body.push(header);
  for (const b of blocks) {
    if (b.splitAfter !== undefined) {
      // Fill the page so the description is its last body line.
      const head = b.lines.slice(0, b.splitAfter);
      body.push(...head);
      startPage(b.area, b.lines[b.splitAfter]);
      body.push(...b.lines.slice(b.splitAfter));
    } else {
      if (body.length + b.lines.length > est.perPage && body.length > 0) startPage(b.area || lastArea, b.lines[0]);
      body.push(...b.lines);
    }
    if (b.area) lastArea = b.area;
  }
  flush();
  return pages;
}

/** The printed pages as text, columns kept with spaces: what the text path reads. */
export function printedText(p: Printed): string {
  if (p.tsv) return p.tsv.map((r) => r.join('\t')).join('\n');
  const out: string[] = [];
  for (const page of p.pages) {
    for (const l of page) {
      let s = '';
      for (const fld of l.fields) {
        const start = fld.align === 'left' ? fld.col : fld.col - fld.text.length;
        s = s.padEnd(Math.max(start, s.length > 0 ? s.length + 2 : 0)) + fld.text;
      }
      out.push(s.trimEnd());
    }
  }
  return out.join('\n');
}

const SIZE = 8;
const X0 = 24;
const PT_PER_COL = 4.9;

/** The printed pages as a PDF (letter, Helvetica 8 pt), with a sketch page when asked. */
export async function printedPdf(p: Printed): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const page of p.pages) {
    const pg = doc.addPage([612, 792]);
    let y = 760;
    page.forEach((l, k) => {
      if (k > 0) y -= l.tight ? SIZE + 1 : p.tsv ? SIZE * 1.75 : SIZE * 1.4;
      if (l.foot) y = 30;
      for (const fld of l.fields) drawField(pg, font, fld, y);
    });
  }
  if (p.sketch) sketchPage(doc.addPage([612, 792]), font);
  return doc.save();
}

function drawField(pg: ReturnType<PDFDocument['addPage']>, font: PDFFont, fld: Field, y: number): void {
  const w = font.widthOfTextAtSize(fld.text, SIZE);
  const x = X0 + fld.col * PT_PER_COL - (fld.align === 'right' ? w : 0);
  pg.drawText(fld.text, { x, y, size: SIZE, font });
}

/** Xactimate's sketch: room outlines labelled with names and wall lengths, some along the walls. */
function sketchPage(pg: ReturnType<PDFDocument['addPage']>, font: PDFFont): void {
  pg.drawText('Main Level', { x: 260, y: 750, size: 12, font });
  const rooms = ['Living Room', 'Kitchen', 'Roof', 'Garage', 'Bedroom 2', 'Bath'];
  rooms.forEach((r, k) => {
    const x = 60 + (k % 3) * 170;
    const y = 600 - Math.floor(k / 3) * 250;
    pg.drawRectangle({ x: x - 20, y: y - 80, width: 140, height: 160, borderWidth: 1 });
    pg.drawText(r, { x: x + 10, y, size: 9, font });
    pg.drawText(`${12 + k}' 4"`, { x: x + 30, y: y + 70, size: 7, font });
    pg.drawText(`${10 + k}' 8"`, { x: x - 15, y: y - 20, size: 7, font, rotate: degrees(90) });
    pg.drawText(`Height: 8'`, { x: x + 10, y: y - 12, size: 7, font });
  });
}

/** Line 1 printed with its last figure $1.00 too high, so the reader warns on that line's row. */
export function lineOneTotalOff(p: Printed): Printed {
  const item = p.pages.flat().find((l) => /^1\.\s/.test(l.fields[0]?.text ?? ''));
  if (!item) throw new Error('no line 1 on the printed pages');
  const total = item.fields[item.fields.length - 1];
  total.text = commas(Math.round(Number(total.text.replace(/,/g, '')) * 100) + 100);
  return p;
}
