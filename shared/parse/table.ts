import type { Cell, Rows } from '../types/cells';
import { emptyRecap, type EstimateLine, type ParsedEstimate, type PrintedTotal, type Side } from '../types/estimate';
import type { Cents } from '../types/money';
import type { Problem } from '../types/problem';
import { blankRawLine, checkDuplicateItems, finishLine, type RawLine } from './line';
import { columnOf, normaliseHeader, type Field, type HeaderRow } from './header';
import { cellMoney, cellNumber, normaliseUnit, readQtyUnit } from './numbers';
import { completeRecap, readRecapLabel, setRecap } from './recap';
import { cellText, isBlankRow } from './rows';
import { looksLikeHeading, looksLikeNote, readPriceList, SkippedRows } from './text-kinds';

const TOTALS_LABEL = /^(line item )?totals?\b|^grand total|^totals?:/i;

interface SideColumns {
  item: number | null;
  area: number | null;
  description: number | null;
  qty: number | null;
  unit: number | null;
  unitPrice: number | null;
  remove: number | null;
  replace: number | null;
  tax: number | null;
  overheadProfit: number | null;
  rcv: number | null;
  amount: number | null;
  depreciation: number | null;
  acv: number | null;
  note: number | null;
}

function sideColumns(h: HeaderRow, side: Side | null): SideColumns {
  const shared = (f: Field) => columnOf(h, f, null);
  const own = (f: Field) => (side === null ? columnOf(h, f, null) : columnOf(h, f, side) ?? null);
  const cols: SideColumns = {
    item: shared('item'),
    area: shared('area'),
    description: shared('description'),
    qty: own('qty'),
    unit: side === null ? shared('unit') : columnOf(h, 'unit', side) ?? shared('unit'),
    unitPrice: own('unitPrice'),
    remove: own('remove'),
    replace: own('replace'),
    tax: own('tax'),
    overheadProfit: own('overheadProfit'),
    rcv: own('rcv'),
    amount: own('amount'),
    depreciation: own('depreciation'),
    acv: own('acv'),
    note: shared('note'),
  };
  // "Replace" alone is the unit price; with "Remove" beside it the unit price is their sum.
  if (cols.unitPrice === null && cols.replace !== null && cols.remove === null) {
    cols.unitPrice = cols.replace;
    cols.replace = null;
  }
  return cols;
}

const FIGURE_FIELDS = ['qty', 'unitPrice', 'remove', 'replace', 'rcv', 'amount'] as const;

function hasFigures(row: Cell[], cols: SideColumns): boolean {
  return FIGURE_FIELDS.some((f) => {
    const i = cols[f];
    return i !== null && cellText(row[i]) !== '' && cellMoney(row[i]) !== null;
  });
}

interface TableContext {
  side: Side;
  problems: Problem[];
  european: boolean;
}

function money(row: Cell[], i: number | null, ctx: TableContext, r: number, what: string): Cents | null {
  if (i === null) return null;
  const text = cellText(row[i]);
  if (text === '') return null;
  const m = cellMoney(row[i]);
  if (!m) {
    ctx.problems.push({
      side: ctx.side, row: r, severity: 'warning', code: 'bad-figure',
      message: `Row ${r}: ${what} "${text.slice(0, 40)}" is not a number; it is ignored. Correct the cell and run again.`,
    });
    return null;
  }
  if (m.european) ctx.european = true;
  return m.cents;
}

/** Reads one side's line from a table row; null when the row holds no figures for that side. */
function readLine(row: Cell[], r: number, cols: SideColumns, area: string, ctx: TableContext): RawLine | null {
  if (!hasFigures(row, cols)) return null;
  const raw = blankRawLine(r);
  raw.item = cols.item !== null ? cellText(row[cols.item]) : '';
  raw.area = cols.area !== null && cellText(row[cols.area]) !== '' ? cellText(row[cols.area]) : area;
  raw.description = cols.description !== null ? cellText(row[cols.description]) : '';
  let unit = cols.unit !== null ? cellText(row[cols.unit]) : '';
  if (cols.qty !== null) {
    const qtyCell = row[cols.qty];
    const n = cellNumber(qtyCell);
    const qu = n ? null : readQtyUnit(cellText(qtyCell));
    if (n) {
      raw.qty = n.value;
      if (n.european) ctx.european = true;
    } else if (qu) {
      raw.qty = qu.qty;
      if (!unit) unit = qu.unit;
    } else if (cellText(qtyCell) !== '') {
      ctx.problems.push({
        side: ctx.side, row: r, severity: 'warning', code: 'bad-figure',
        message: `Row ${r}: quantity "${cellText(qtyCell).slice(0, 40)}" is not a number; 1 is assumed. Correct the cell and run again.`,
      });
      raw.qty = 1;
    } else {
      raw.qty = 1;
    }
  } else {
    raw.qty = 1;
  }
  raw.unit = unit ? normaliseUnit(unit) ?? unit.toUpperCase() : '';
  raw.unitPrice = money(row, cols.unitPrice, ctx, r, 'unit price');
  raw.remove = money(row, cols.remove, ctx, r, 'remove price');
  raw.replace = money(row, cols.replace, ctx, r, 'replace price');
  raw.tax = money(row, cols.tax, ctx, r, 'tax');
  raw.overheadProfit = money(row, cols.overheadProfit, ctx, r, 'O&P');
  raw.rcv = money(row, cols.rcv, ctx, r, 'total');
  raw.amount = money(row, cols.amount, ctx, r, 'amount');
  raw.depreciation = money(row, cols.depreciation, ctx, r, 'depreciation');
  raw.acv = money(row, cols.acv, ctx, r, 'ACV');
  if (cols.note !== null && cellText(row[cols.note]) !== '') raw.note = cellText(row[cols.note]);
  return raw;
}

/** The text of a row's first non-empty cell and the last money figure in it. */
function labelAndFigures(row: Cell[]): { label: string; figures: Array<{ col: number; cents: Cents }> } {
  let label = '';
  const figures: Array<{ col: number; cents: Cents }> = [];
  for (let c = 0; c < row.length; c++) {
    const t = cellText(row[c]);
    if (t === '') continue;
    const m = cellMoney(row[c]);
    if (m && /\d/.test(t)) figures.push({ col: c, cents: m.cents });
    else if (label === '') label = t;
  }
  return { label, figures };
}

export interface TableResult {
  ours: ParsedEstimate;
  theirs: ParsedEstimate | null;
  /** Side-by-side: our item → insurer item on the same row. */
  pairs: Record<string, string>;
}

/**
 * A header-row table: an export (any column order, synonym headers), a rough draft
 * (REMOVE + REPLACE), or a side-by-side comparison with our and the insurer's columns.
 */
export function parseTable(rows: Rows, header: HeaderRow, side: Side): TableResult {
  const sbs = header.sideBySide;
  const ourCols = sideColumns(header, sbs ? 'ours' : null);
  const theirCols = sbs ? sideColumns(header, 'theirs') : null;
  const sides: Side[] = sbs ? ['ours', 'theirs'] : [side];
  const problems: Problem[] = [];
  const ctx: Record<Side, TableContext> = {
    ours: { side: sbs ? 'ours' : side, problems, european: false },
    theirs: { side: 'theirs', problems, european: false },
  };
  const lines: Record<Side, EstimateLine[]> = { ours: [], theirs: [] };
  const recaps = { ours: emptyRecap(), theirs: emptyRecap() };
  const totals: Record<Side, PrintedTotal[]> = { ours: [], theirs: [] };
  const pairs: Record<string, string> = {};
  const skipped = new SkippedRows();
  const priceList: Record<Side, string | null> = { ours: null, theirs: null };
  let area = '';
  let lastLine: EstimateLine | null = null;
  let theirOrdinal = 0;
  const headerKey = rows[header.rowIndex].map((c) => normaliseHeader(cellText(c))).join('|');

  for (let i = 0; i < header.rowIndex; i++) {
    const t = rows[i].map(cellText).join(' ').trim();
    const pl = readPriceList(t);
    if (pl) for (const s of sides) priceList[s] = priceList[s] ?? pl;
    if (t !== '') skipped.add(i + 1, t);
  }

  for (let i = header.rowIndex + 1; i < rows.length; i++) {
    const row = rows[i];
    const r = i + 1;
    if (isBlankRow(row)) continue;
    if (row.map((c) => normaliseHeader(cellText(c))).join('|') === headerKey) continue; // repeated header
    const desc = ourCols.description !== null ? cellText(row[ourCols.description]) : '';
    const itemText = ourCols.item !== null ? cellText(row[ourCols.item]) : '';
    const { label, figures } = labelAndFigures(row);
    const hasQty = [ourCols.qty, theirCols?.qty ?? null].some((q) => q !== null && cellNumber(row[q]) !== null);

    // A recap row: a label we know and a figure (in a comparison, the column says whose it is).
    const recap = label && !hasQty ? readRecapLabel(label) : null;
    const totalsRow = (TOTALS_LABEL.test(desc) || TOTALS_LABEL.test(itemText) || TOTALS_LABEL.test(label)) && !hasQty;
    if (recap && figures.length > 0 && !(totalsRow && recap.field === 'lineItemTotal')) {
      if (recap.field) {
        const fig = figures[figures.length - 1];
        const s: Side = sbs ? recap.side ?? sideOfColumn(header, fig.col) : side;
        setRecap(recaps[s], recap.field, fig.cents);
      }
      lastLine = null;
      continue;
    }

    if (totalsRow) {
      for (const s of sides) {
        const cols = sbs && s === 'theirs' ? theirCols! : ourCols;
        const totalsArea = /^totals?:\s*(.+)$/i.exec(desc || label)?.[1]?.trim() ?? '';
        totals[s].push({
          area: /^line item/i.test(desc || label) ? '' : totalsArea,
          row: r,
          amount: money(row, cols.amount, ctx[s], r, 'amount'),
          tax: money(row, cols.tax, ctx[s], r, 'tax'),
          overheadProfit: money(row, cols.overheadProfit, ctx[s], r, 'O&P'),
          rcv: money(row, cols.rcv, ctx[s], r, 'total'),
        });
      }
      lastLine = null;
      continue;
    }

    const ours = readLine(row, r, ourCols, area, ctx.ours);
    const theirs = theirCols ? readLine(row, r, theirCols, area, ctx.theirs) : null;
    if (ours || theirs) {
      const ourLine = ours ? finishLine(ours, ctx.ours.side, problems) : null;
      let theirLine: EstimateLine | null = null;
      if (theirs && theirCols) {
        theirOrdinal += 1;
        theirs.item = String(theirOrdinal); // a comparison prints no insurer line numbers
        theirLine = finishLine(theirs, 'theirs', problems);
      }
      if (ourLine) {
        if (ourLine.item === '') {
          ourLine.item = String(lines[ctx.ours.side].length + 1);
          if (ourCols.item !== null && !sbs) {
            problems.push({
              side: ctx.ours.side, row: r, severity: 'warning', code: 'missing-item-number',
              message: `Row ${r} has figures but no item number; numbered ${ourLine.item} by its position. Type the item number in the paste.`,
            });
          }
        }
        lines[ctx.ours.side].push(ourLine);
        lastLine = ourLine;
      }
      if (theirLine) {
        lines.theirs.push(theirLine);
        if (ourLine) pairs[ourLine.item] = theirLine.item;
        else lastLine = theirLine; // an insurer-only row: a note under it is the insurer's
      }
      continue;
    }

    // Text alone in the description column: an area heading or a note under the line above.
    const nonEmpty = row.filter((c) => cellText(c) !== '').length;
    const text = desc !== '' && nonEmpty === 1 ? desc : nonEmpty === 1 && !lastLine ? label : '';
    if (text && figures.length === 0) {
      if (lastLine && looksLikeNote(text)) {
        lastLine.note = lastLine.note ? `${lastLine.note}\n${text}` : text;
        continue;
      }
      if (looksLikeHeading(text)) {
        area = text;
        lastLine = null;
        continue;
      }
      if (lastLine) {
        lastLine.note = lastLine.note ? `${lastLine.note}\n${text}` : text;
        continue;
      }
      skipped.add(r, text);
      continue;
    }
    problems.push({
      side: sbs ? 'both' : side, row: r, severity: 'warning', code: 'row-not-understood',
      message: `Row ${r} ("${row.map(cellText).filter(Boolean).join(' | ').slice(0, 80)}") is not a line item, a total or a recap line; it is left out. Check it.`,
    });
  }

  skipped.report(problems, sbs ? 'both' : side);
  const build = (s: Side): ParsedEstimate => {
    completeRecap(recaps[s]);
    if (ctx[s].european) {
      problems.push({
        side: s, row: null, severity: 'warning', code: 'european-numbers',
        message: 'Some figures were written 1.234,56 and read as 1,234.56. Check the amounts.',
      });
    }
    checkDuplicateItems(lines[s], s, problems);
    return {
      side: s,
      format: sbs ? 'side-by-side' : header.roughDraft ? 'rough-draft' : 'header-table',
      lines: lines[s],
      recap: recaps[s],
      printedTotals: totals[s],
      priceList: priceList[s],
      problems: problems.filter((p) => p.side === s || p.side === 'both'),
      rowCount: rows.length,
    };
  };
  if (sbs) return { ours: build('ours'), theirs: build('theirs'), pairs };
  return { ours: build(side), theirs: null, pairs };
}

/** Which side a figure belongs to in a side-by-side table: the nearest headed column at or left of it. */
function sideOfColumn(header: HeaderRow, col: number): Side {
  let best: Side = 'ours';
  let bestIndex = -1;
  for (const c of header.columns) {
    if (c.side && c.index <= col && c.index > bestIndex) {
      best = c.side;
      bestIndex = c.index;
    }
  }
  return best;
}
