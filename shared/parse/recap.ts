import type { Recap, Side } from '../types/estimate';
import type { Cents } from '../types/money';

export type RecapField = keyof Recap;

export interface RecapLabel {
  /** null = a recap line we recognise but do not use (e.g. "Total Amount of Claim If Incurred"). */
  field: RecapField | null;
  /** For side-by-side recaps: "Our RCV" / "Approved RCV". */
  side: Side | null;
}

// Order matters: the first pattern that matches a label wins ("Net Actual Cash Value" is the net
// claim, not ACV; "Our O&P (10% Overhead + 10% Profit)" is O&P, not overhead).
const PATTERNS: Array<[RegExp, RecapField | null]> = [
  [/^(total )?line item totals?$/, 'lineItemTotal'],
  // Coverage splits ("Replacement Cost on Coverage Building", "Net ACV on Coverage A") repeat the
  // estimate's figures for one coverage: recognised, not used.
  [/\bon coverage\b|^coverage [a-z]\b|\blimit\b/, null],
  // Material / Labor / Equipment subtotals: recognised, not used.
  [/^total (materials?|labor|equipment)$|^(materials?|labor|equipment)$/, null],
  [/^net (claim|payment|estimate|actual cash value( payment)?|acv( payment)?)/, 'netClaim'],
  [/if depreciation is recovered|^total recoverable depreciation/, null],
  [/total (amount of claim|maximum additional)|supplement requested|rcv difference|subtotal of areas|^total$|^maximum additional/, null],
  [/\bo ?& ?p\b|overhead (&|and) profit/, 'overheadProfit'],
  [/material sales tax|^sales tax|^(total )?tax(es)?$|^(state|city|county|special|local|municipal|district|transit|cleaning|storage)\b.*\btax\b|^(state|city|county|special|local|municipal|district)( sales)?( tax)? [\d.]+%/, 'materialSalesTax'],
  [/^sub ?total/, 'subtotal'],
  [/overhead/, 'overhead'],
  [/profit/, 'profit'],
  [/replacement cost value|^(total )?rcv$|^replacement cost$/, 'rcv'],
  [/depreciation|^dep\b/, 'depreciation'],
  [/deductible/, 'deductible'],
  [/actual cash value|^acv$/, 'acv'],
];

const OURS_PREFIX = /^(our|ours|contractor'?s?|requested)\b\s*/;
const THEIRS_PREFIX = /^(approved|ins\.?|insurer'?s?|insurance|carrier'?s?|re|allowed)\b\s*/;

/** Reads a recap label ("Material Sales Tax", "Less Deductible", "Approved RCV"). */
export function readRecapLabel(raw: string): RecapLabel | null {
  let label = raw
    .toLowerCase()
    .replace(/\(.*?\)/g, ' ') // "(Including Taxes)", "(10% Overhead + 10% Profit)"
    .replace(/[:$]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Keep "O&P" visible after removing the parenthesis that explains it.
  if (/o ?& ?p|overhead (&|and) profit/.test(raw.toLowerCase()) && !/o ?& ?p/.test(label)) {
    label = `${label} o&p`;
  }
  let side: Side | null = null;
  if (OURS_PREFIX.test(label)) {
    side = 'ours';
    label = label.replace(OURS_PREFIX, '');
  } else if (THEIRS_PREFIX.test(label)) {
    side = 'theirs';
    label = label.replace(THEIRS_PREFIX, '');
  }
  label = label.replace(/^(less|plus|minus|total line item|general contractor|gc)\s+/, '').trim();
  for (const [re, field] of PATTERNS) {
    if (re.test(label)) return { field, side };
  }
  return null;
}

/** Sets a recap figure; printed negatives (depreciation, deductible) are kept as magnitudes. */
export function setRecap(recap: Recap, field: RecapField, cents: Cents): void {
  const v = field === 'depreciation' || field === 'deductible' ? Math.abs(cents) : cents;
  // The first printed value wins: the recap page prints totals before any "if incurred" repeats.
  if (recap[field] === null) recap[field] = v;
}

/** O&P from overhead + profit when printed apart. */
export function completeRecap(recap: Recap): void {
  if (recap.overheadProfit === null && recap.overhead !== null && recap.profit !== null) {
    recap.overheadProfit = recap.overhead + recap.profit;
  }
}

interface Seen {
  value: Cents;
  row: number;
}

/**
 * Reads a recap or summary page line by line. Several tax lines (State, City, Special, Material
 * Sales Tax) add up; recoverable and non-recoverable depreciation add up; "Summary for Dwelling /
 * Other Structures / Contents" blocks add up. A figure printed twice (a repeated page, "Total
 * Recoverable Depreciation" after "Less Recoverable Depreciation") counts once. The row each
 * figure came from is kept so a check can name it.
 */
export class RecapReader {
  private blocks: Array<Map<string, Seen>> = [new Map()];
  private blockNames: string[] = [''];

  /** "Summary for Dwelling": a coverage's own block of figures. */
  startBlock(name: string): void {
    const key = name.trim().toLowerCase();
    const at = this.blockNames.indexOf(key);
    if (at >= 0) {
      // The same summary printed again: figures already read are kept (first wins).
      this.blocks.push(this.blocks[at]);
      this.blockNames.push(`${key}#${this.blocks.length}`);
    } else {
      this.blocks.push(new Map());
      this.blockNames.push(key);
    }
  }

  /** Adds a labelled figure; false when the label is not a recap label. */
  add(rawLabel: string, cents: Cents, row: number): boolean {
    const r = readRecapLabel(rawLabel);
    if (!r) return false;
    if (!r.field) return true;
    const block = this.blocks[this.blocks.length - 1];
    const label = rawLabel.toLowerCase().replace(/\(.*?\)/g, ' ').replace(/[:$]/g, ' ').replace(/\s+/g, ' ').trim();
    let key: string = r.field;
    if (r.field === 'materialSalesTax') key = `tax:${/^total\b/.test(label) ? 'total' : label}`;
    if (r.field === 'depreciation') key = `dep:${/non-? ?recoverable/.test(label) ? 'non' : /recoverable/.test(label) ? 'rec' : 'all'}`;
    // Symbility prints "Subtotal" after the Materials / Labor / Equipment lines and before any tax:
    // there it is the line item total.
    if (r.field === 'subtotal' && !block.has('lineItemTotal') && ![...block.keys()].some((k) => k.startsWith('tax:'))) key = 'lineItemTotal';
    if (!block.has(key)) block.set(key, { value: r.field === 'depreciation' || r.field === 'deductible' ? Math.abs(cents) : cents, row });
    return true;
  }

  /** The recap (coverage blocks added up) and the row of each figure. */
  result(): { recap: Recap; rows: Partial<Record<RecapField, number>> } {
    const recap: Recap = {
      lineItemTotal: null, materialSalesTax: null, subtotal: null, overhead: null, profit: null,
      overheadProfit: null, rcv: null, depreciation: null, acv: null, deductible: null, netClaim: null,
    };
    const rows: Partial<Record<RecapField, number>> = {};
    const unique = [...new Set(this.blocks)];
    const put = (f: RecapField, seen: Seen) => {
      recap[f] = (recap[f] ?? 0) + seen.value;
      if (rows[f] === undefined) rows[f] = seen.row;
    };
    for (const block of unique) {
      const taxes = [...block.entries()].filter(([k]) => k.startsWith('tax:'));
      const total = taxes.find(([k]) => k === 'tax:total');
      if (total) put('materialSalesTax', total[1]);
      else for (const [, v] of taxes) put('materialSalesTax', v);
      const deps = [...block.entries()].filter(([k]) => k.startsWith('dep:'));
      const all = deps.find(([k]) => k === 'dep:all');
      if (all) put('depreciation', all[1]);
      else for (const [, v] of deps) put('depreciation', v);
      for (const [k, v] of block) {
        if (k.startsWith('tax:') || k.startsWith('dep:')) continue;
        // The deductible is the policy's, printed in every coverage block: taken once.
        if (k === 'deductible' && recap.deductible !== null) continue;
        put(k as RecapField, v);
      }
    }
    completeRecap(recap);
    return { recap, rows };
  }
}
