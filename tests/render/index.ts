import Papa from 'papaparse';
import { allLines, type RenderArea, type RenderEstimate, type RenderLine } from './estimate';

export { arbEstimate, buildEstimate, allLines, type RenderEstimate, type RenderLine, type RenderArea } from './estimate';

/**
 * Prints a generated estimate the way account managers paste them, one layout family at a time
 * (issue 9's list). The reader must read every rendering back to the cent; the pdf helper prints
 * the same renderings to PDF.
 */
export type Family =
  | 'xactimate-final'
  | 'xactimate-two-line'
  | 'rough-draft'
  | 'carrier-three-line'
  | 'symbility'
  | 'fixed-width'
  | 'pdf-to-excel'
  | 'csv-group-room'
  | 'tsv'
  | 'side-by-side';

export const FAMILIES: Family[] = [
  'xactimate-final', 'xactimate-two-line', 'rough-draft', 'carrier-three-line', 'symbility',
  'fixed-width', 'pdf-to-excel', 'csv-group-room', 'tsv', 'side-by-side',
];

export interface RenderOptions {
  /** Page headers and footers, sketch labels and room measurements between the lines. */
  noise?: boolean;
  /** Side-by-side label pair. */
  labels?: [string, string];
  /** Column order for tables: a permutation seed. */
  shuffle?: number;
}

/** What a family prints per line, so a test knows which figures it can expect back. */
export const PRINTS: Record<Family, { tax: boolean; op: boolean; rcv: boolean; recap: boolean; area: 'name' | 'upper' | 'path' }> = {
  'xactimate-final': { tax: true, op: true, rcv: true, recap: true, area: 'name' },
  'xactimate-two-line': { tax: true, op: true, rcv: true, recap: true, area: 'name' },
  'rough-draft': { tax: true, op: true, rcv: true, recap: true, area: 'name' },
  'carrier-three-line': { tax: true, op: false, rcv: false, recap: true, area: 'name' },
  symbility: { tax: true, op: true, rcv: true, recap: true, area: 'name' },
  'fixed-width': { tax: false, op: false, rcv: false, recap: true, area: 'upper' },
  'pdf-to-excel': { tax: true, op: false, rcv: false, recap: false, area: 'name' },
  'csv-group-room': { tax: true, op: true, rcv: true, recap: false, area: 'path' },
  tsv: { tax: false, op: false, rcv: false, recap: false, area: 'name' },
  'side-by-side': { tax: false, op: false, rcv: false, recap: false, area: 'name' },
};

/** "1,234.56" (thousands optional, "$" optional); negatives as "-12.00". */
export function money(c: number, opts: { dollar?: boolean; thousands?: boolean } = {}): string {
  const neg = c < 0;
  const abs = Math.abs(c);
  let whole = String(Math.floor(abs / 100));
  if (opts.thousands) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${opts.dollar ? '$' : ''}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

export function qty(l: RenderLine, wholeWithoutDecimals = false): string {
  if (wholeWithoutDecimals && l.qty100 % 100 === 0) return String(l.qty100 / 100);
  return (l.qty100 / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d)\.)/g, ',');
}

const sum = (lines: RenderLine[], f: (l: RenderLine) => number) => lines.reduce((s, l) => s + f(l), 0);

/** Splits a long description for wrapping: [on the item line, wrapped onto the next] or null. */
function wrap(desc: string, at: 'comma' | 'words'): [string, string] | null {
  if (at === 'comma') {
    const k = desc.lastIndexOf(', ');
    return k > 0 ? [desc.slice(0, k + 1), desc.slice(k + 2)] : null;
  }
  const words = desc.split(' ');
  if (words.length < 6) return null;
  // Two trailing words wrap: short, no period, as a PDF column wraps them.
  return [words.slice(0, -2).join(' '), words.slice(-2).join(' ')];
}

class Page {
  out: string[] = [];
  private sinceBreak = 0;
  private page = 1;
  constructor(private noise: boolean, private company: string[]) {
    if (noise) this.out.push(...company, '');
  }
  push(...lines: string[]): void {
    this.out.push(...lines);
    this.sinceBreak += lines.length;
  }
  /** A page break between items, with the footer and the next page's header. */
  maybeBreak(): void {
    if (!this.noise || this.sinceBreak < 18) return;
    this.page += 1;
    this.out.push(`SMITH_J_2025-ROOF 5/14/2025 Page: ${this.page}`, '', ...this.company);
    this.sinceBreak = 0;
  }
  sketch(area: RenderArea): void {
    if (!this.noise) return;
    const doubled = area.name.split('').map((c) => (c === ' ' ? ' ' : c + c)).join('');
    this.out.push(doubled, '((BB11))', `12' 10"`, `"11`, `3397.66 Surface Area`, `1,093.33 SF Walls 1,130.27 SF Ceiling`);
  }
  text(): string {
    return this.out.join('\n') + '\n';
  }
}

const COMPANY = ['ACME Roofing & Restoration LLC', '1450 Industrial Blvd, Suite B', 'Lewisville, TX 75057'];

function recapBlock(est: RenderEstimate, opts: { dollar?: boolean } = {}): string[] {
  const r = est.recap;
  const m = (c: number) => money(c, { thousands: true, dollar: opts.dollar });
  const out = ['Summary for Dwelling', `Line Item Total ${m(r.lineItemTotal)}`];
  if (r.tax) out.push(`Material Sales Tax ${m(r.tax)}`);
  out.push(`Overhead & Profit ${m(r.overheadProfit)}`, `Replacement Cost Value ${m(r.rcv)}`);
  if (r.depreciation) out.push(`Less Depreciation (${m(r.depreciation)})`, `Actual Cash Value ${m(r.acv)}`);
  if (r.deductible) out.push(`Less Deductible (${m(r.deductible)})`);
  out.push(`Net Claim ${m(r.netClaim)}`);
  return out;
}

function xactimateFinal(est: RenderEstimate, o: RenderOptions): string {
  const p = new Page(!!o.noise, COMPANY);
  const m = (c: number) => money(c, { thousands: true });
  for (const a of est.areas) {
    p.sketch(a);
    if (o.noise) p.push(`${a.name} Height: 8'`);
    else p.push(a.name);
    p.push('DESCRIPTION QUANTITY UNIT PRICE TAX O&P RCV DEPREC. ACV');
    for (const l of a.lines) {
      const w = wrap(l.description, 'words');
      const figs = `${qty(l)} ${l.unit} ${m(l.unitPrice)} ${m(l.tax)} ${m(l.overheadProfit)} ${m(l.rcv)} (${m(l.depreciation)}) ${m(l.acv)}`;
      p.push(`${l.item}. ${w ? w[0] : l.description} ${figs}`);
      if (w) p.push(w[1]);
      if (l.note) p.push(l.note);
      p.maybeBreak();
    }
    p.push(`Totals: ${a.name} ${m(sum(a.lines, (l) => l.tax))} ${m(sum(a.lines, (l) => l.overheadProfit))} ${m(sum(a.lines, (l) => l.rcv))} ${m(sum(a.lines, (l) => l.depreciation))} ${m(sum(a.lines, (l) => l.acv))}`);
  }
  p.push('', ...recapBlock(est));
  return p.text();
}

function xactimateTwoLine(est: RenderEstimate, o: RenderOptions): string {
  const p = new Page(!!o.noise, COMPANY);
  const m = (c: number) => money(c, { thousands: true });
  for (const a of est.areas) {
    p.sketch(a);
    p.push(a.name, 'QUANTITY UNIT TAX O&P RCV AGE/LIFE COND. DEP % DEPREC. ACV');
    for (const l of a.lines) {
      const depPct = l.rcv === 0 ? 0 : Math.round((l.depreciation / l.rcv) * 100);
      const dep = l.depreciation === 0 && Number(l.item) % 2 === 0 ? `<${m(0)}>` : `(${m(l.depreciation)})`;
      p.push(`${l.item}. ${l.description}`);
      p.push(`${qty(l)} ${l.unit} ${m(l.unitPrice)} ${m(l.tax)} ${m(l.overheadProfit)} ${m(l.rcv)} 5/20 yrs Avg. ${depPct}%${depPct > 80 ? ' [M]' : ''} ${dep} ${m(l.acv)}`);
      if (l.note) p.push(l.note);
      p.maybeBreak();
    }
    p.push(`Totals: ${a.name} ${m(sum(a.lines, (l) => l.tax))} ${m(sum(a.lines, (l) => l.overheadProfit))} ${m(sum(a.lines, (l) => l.rcv))} ${m(sum(a.lines, (l) => l.depreciation))} ${m(sum(a.lines, (l) => l.acv))}`);
  }
  p.push('', ...recapBlock(est));
  return p.text();
}

function roughDraft(est: RenderEstimate, o: RenderOptions): string {
  const p = new Page(!!o.noise, COMPANY);
  const m = (c: number) => money(c, { thousands: true });
  for (const a of est.areas) {
    p.sketch(a);
    p.push(a.name, 'DESCRIPTION QTY REMOVE REPLACE TAX O&P TOTAL');
    for (const l of a.lines) {
      const w = wrap(l.description, 'words');
      p.push(`${l.item}. ${w ? w[0] : l.description} ${qty(l)} ${l.unit} ${m(l.remove)} ${m(l.replace)} ${m(l.tax)} ${m(l.overheadProfit)} ${m(l.rcv)}`);
      if (w) p.push(w[1]);
      if (l.note) p.push(l.note);
      p.maybeBreak();
    }
    p.push(`Totals: ${a.name} ${m(sum(a.lines, (l) => l.tax))} ${m(sum(a.lines, (l) => l.overheadProfit))} ${m(sum(a.lines, (l) => l.rcv))}`);
  }
  p.push('', ...recapBlock(est));
  return p.text();
}

function carrierThreeLine(est: RenderEstimate, o: RenderOptions): string {
  const p = new Page(!!o.noise, ['Carrier Mutual Insurance', 'PO Box 650293', 'Dallas, TX 75265']);
  const m = (c: number) => money(c, { thousands: true });
  for (const a of est.areas) {
    p.push(a.name, 'QUANTITY UNIT PRICE TAX RCV AGE/LIFE DEPREC. ACV');
    for (const l of a.lines) {
      const rcv = l.amount + l.tax;
      const dep = Math.min(l.depreciation, rcv);
      p.push(`${l.item}. ${l.description}`);
      p.push(`${qty(l)} ${l.unit} ${m(l.unitPrice)} ${m(l.tax)} ${m(rcv)} 10/25 (${m(dep)}) ${m(rcv - dep)}`);
      if (l.note) p.push(l.note);
      p.maybeBreak();
    }
  }
  const r = est.recap;
  p.push('', `Line Item Total ${m(r.lineItemTotal)}`, `Material Sales Tax ${m(r.tax)}`, `Overhead & Profit ${m(r.overheadProfit)}`, `Replacement Cost Value ${m(r.rcv)}`);
  return p.text();
}

function symbility(est: RenderEstimate, o: RenderOptions): string {
  const p = new Page(!!o.noise, ['Liberty Insurance', 'PO Box 5014', 'Scranton, PA 18505-5014']);
  const m = (c: number) => money(c, { thousands: true, dollar: true });
  p.push('Description Quantity Unit Price Per Total O&P Total Taxes RC Depreciation ACV');
  for (const a of est.areas) {
    p.push(a.name);
    if (o.noise) p.push('Roof area: 2,799.23 SF Squares: 28.0 SQ Soffit: 690.70 SF', 'Eaves: 171.21 LF Ridge: 119.74 LF');
    for (const l of a.lines) {
      const w = wrap(l.description, 'comma');
      p.push(`${l.item} ${w ? w[0] : l.description} ${qty(l, true)} ${m(l.unitPrice)} ${l.unit} ${m(l.overheadProfit)} ${m(l.tax)} ${m(l.rcv)} ${m(l.depreciation)} ${m(l.acv)}`);
      if (w) p.push(w[1]);
      if (l.note) p.push(l.note);
      p.maybeBreak();
    }
    const t = `${m(sum(a.lines, (l) => l.overheadProfit))} ${m(sum(a.lines, (l) => l.tax))}`;
    // Symbility prints some subtotals with two figures run together.
    p.push(`${a.name} - Subtotal (${a.lines.length} items) ${t}${m(sum(a.lines, (l) => l.rcv))} ${m(sum(a.lines, (l) => l.depreciation))} ${m(sum(a.lines, (l) => l.acv))}`);
  }
  const r = est.recap;
  p.push('', `Subtotal: ${m(r.lineItemTotal)}`);
  if (r.tax) p.push(`State 6.250% (applies to materials only): ${m(r.tax)}`);
  if (r.overheadProfit) p.push(`Overhead and Profit: ${m(r.overheadProfit)}`);
  p.push(`Replacement Cost Value: ${m(r.rcv)}`, `Replacement Cost on Coverage Building ($300,000.00 limit): ${m(r.rcv)}`);
  if (r.deductible) p.push(`Deductible (${m(r.deductible)}): $(${money(r.deductible, { thousands: true })})`);
  return p.text();
}

function fixedWidth(est: RenderEstimate, o: RenderOptions): string {
  const p = new Page(!!o.noise, ['ESTIMATE OF REPAIRS', 'Prepared for: Smith']);
  const m = (c: number) => money(c, { thousands: true, dollar: true });
  const row = (cells: string[], widths: number[]) => cells.map((c, k) => (k === 1 ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join('   ');
  const widths = [4, 58, 10, 4, 12, 14];
  p.push(row(['Item', 'Description', 'Qty', 'Unit', 'Unit Price', 'Total'], widths));
  for (const a of est.areas) {
    p.push('', a.name.toUpperCase());
    for (const l of a.lines) {
      p.push(row([l.item, l.description, qty(l), l.unit, m(l.unitPrice), m(l.amount)], widths));
      p.maybeBreak();
    }
    p.push(row(['', 'Subtotal', '', '', '', m(sum(a.lines, (l) => l.amount))], widths));
  }
  const r = est.recap;
  p.push('', `Line Item Total ${m(r.lineItemTotal)}`, `Sales Tax ${m(r.tax)}`, `Overhead & Profit ${m(r.overheadProfit)}`, `Replacement Cost Value ${m(r.rcv)}`);
  return p.text();
}

function pdfToExcel(est: RenderEstimate): string {
  // Figures scattered over empty cells, trailing tabs, a description cell quoted across two lines.
  const out: string[] = ['Estimate\t\t\t\t\t\t\t\t\t', '', 'Item\t\tDescription\t\t\tQty\tUnit\t\tUnit Price\t\tTax\tTotal\t\t'];
  for (const a of est.areas) {
    out.push(`\t\t${a.name}\t\t\t\t\t\t\t\t\t\t\t`);
    for (const l of a.lines) {
      const w = wrap(l.description, 'words');
      // Excel quotes a cell with a line break in it and doubles the quotes inside.
      const desc = w ? `"${w[0].replace(/"/g, '""')}\n${w[1].replace(/"/g, '""')}"` : l.description;
      out.push(`${l.item}\t\t${desc}\t\t\t${qty(l)}\t${l.unit}\t\t${money(l.unitPrice, { thousands: true })}\t\t${money(l.tax)}\t${money(l.amount + l.tax, { thousands: true })}\t\t`);
    }
  }
  return out.join('\n') + '\n';
}

/** Deterministic column permutation for table layouts (keeps the reader honest about order). */
function permute<T>(xs: T[], seed: number): T[] {
  const a = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = a.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) >>> 0;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

function csvGroupRoom(est: RenderEstimate, o: RenderOptions): string {
  const cols: Array<[string, (a: RenderArea, l: RenderLine) => string]> = permute([
    ['Group', (a) => a.group],
    ['Room', (a) => a.name],
    ['Line', (_a, l) => l.item],
    ['Description', (_a, l) => l.description],
    ['Quantity', (_a, l) => (l.qty100 / 100).toFixed(2)],
    ['Unit', (_a, l) => l.unit],
    ['Unit Price', (_a, l) => money(l.unitPrice)],
    ['Tax', (_a, l) => money(l.tax)],
    ['O&P', (_a, l) => money(l.overheadProfit)],
    ['RCV', (_a, l) => money(l.rcv)],
  ] as Array<[string, (a: RenderArea, l: RenderLine) => string]>, o.shuffle ?? 1);
  const rows: string[][] = [cols.map((c) => c[0])];
  const lineCol = cols.findIndex((c) => c[0] === 'Line');
  const descCol = cols.findIndex((c) => c[0] === 'Description');
  for (const a of est.areas) {
    for (const l of a.lines) {
      rows.push(cols.map((c) => c[1](a, l)));
      if (l.note) {
        const note = cols.map(() => '');
        note[lineCol] = 'NOTE';
        note[descCol] = l.note;
        rows.push(note);
      }
    }
  }
  return Papa.unparse(rows, { newline: '\n' }) + '\n';
}

function tsv(est: RenderEstimate, o: RenderOptions): string {
  const cols: Array<[string, (a: RenderArea, l: RenderLine) => string]> = permute([
    ['Item #', (_a, l) => l.item],
    ['Area', (a) => a.name],
    ['Item Description', (_a, l) => l.description],
    ['Qty', (_a, l) => qty(l)],
    ['UOM', (_a, l) => l.unit],
    ['Unit Cost', (_a, l) => money(l.unitPrice, { thousands: true, dollar: true })],
    ['Extension', (_a, l) => money(l.amount, { thousands: true, dollar: true })],
  ] as Array<[string, (a: RenderArea, l: RenderLine) => string]>, o.shuffle ?? 7);
  const out = [cols.map((c) => c[0]).join('\t')];
  for (const a of est.areas) for (const l of a.lines) out.push(cols.map((c) => c[1](a, l)).join('\t'));
  return out.join('\n') + '\n';
}

/** The insurer's side of a side-by-side rendering: every third line denied, others cut by 20 %. */
export function insurerQty100(l: RenderLine): number | null {
  if (Number(l.item) % 3 === 0) return null;
  return Math.max(1, Math.round(l.qty100 * 0.8));
}

function sideBySide(est: RenderEstimate, o: RenderOptions): string {
  const [a, b] = o.labels ?? ['Ours', 'Insurer'];
  const out = [`Item\tDescription\tUnit\t${a} Qty\t${a} Unit Price\t${a} Total\t${b} Qty\t${b} Unit Price\t${b} Total\tVariance`];
  for (const area of est.areas) {
    out.push(`\t${area.name}\t\t\t\t\t\t\t\t`);
    for (const l of area.lines) {
      const q = insurerQty100(l);
      const ours = `${qty(l)}\t${money(l.unitPrice)}\t${money(l.amount)}`;
      const theirAmount = q === null ? 0 : Number((BigInt(q) * BigInt(l.unitPrice) * 2n + 100n) / 200n);
      const theirs = q === null ? '\t\t' : `${(q / 100).toFixed(2)}\t${money(l.unitPrice)}\t${money(theirAmount)}`;
      out.push(`${l.item}\t${l.description}\t${l.unit}\t${ours}\t${theirs}\t${money(l.amount - theirAmount)}`);
    }
  }
  return out.join('\n') + '\n';
}

/** The estimate printed in one layout family. */
export function renderEstimate(est: RenderEstimate, family: Family, options: RenderOptions = {}): string {
  switch (family) {
    case 'xactimate-final': return xactimateFinal(est, options);
    case 'xactimate-two-line': return xactimateTwoLine(est, options);
    case 'rough-draft': return roughDraft(est, options);
    case 'carrier-three-line': return carrierThreeLine(est, options);
    case 'symbility': return symbility(est, options);
    case 'fixed-width': return fixedWidth(est, options);
    case 'pdf-to-excel': return pdfToExcel(est);
    case 'csv-group-room': return csvGroupRoom(est, options);
    case 'tsv': return tsv(est, options);
    case 'side-by-side': return sideBySide(est, options);
  }
}

export { allLines as linesOf };
