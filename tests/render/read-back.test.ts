import fc from 'fast-check';
import { parseComparison, parseEstimate } from '../../shared/parse/detect';
import { readText } from '../../shared/parse/rows';
import { extension } from '../../shared/money';
import type { ParsedEstimate } from '../../shared/types/estimate';
import { allLines, arbEstimate, FAMILIES, insurerQty100, PRINTS, renderEstimate, type Family, type RenderEstimate } from './index';

// Every rendering of a generated estimate, in every layout family, with and without page noise,
// reads back to the cent: each line's number, area, description, quantity, price and amount (and
// tax, O&P, RCV where the layout prints them), the printed recap, and no warning on clean input.

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

function expectSame(est: RenderEstimate, family: Family, parsed: ParsedEstimate, text: string): void {
  const prints = PRINTS[family];
  const want = est.areas.flatMap((a) =>
    a.lines.map((l) => ({
      item: l.item,
      area: prints.area === 'path' ? `${a.group} › ${a.name}` : prints.area === 'upper' ? a.name.toUpperCase() : a.name,
      description: l.description,
      qty: l.qty100 / 100,
      unitPrice: l.unitPrice,
      amount: l.amount,
      ...(prints.tax ? { tax: l.tax } : {}),
      ...(prints.op ? { overheadProfit: l.overheadProfit } : {}),
      ...(prints.rcv ? { rcv: l.rcv } : {}),
    })),
  );
  const got = parsed.lines.map((l, k) => ({
    item: l.item,
    area: l.area,
    description: norm(l.description),
    qty: l.qty,
    unitPrice: l.unitPrice,
    amount: l.amount,
    ...('tax' in want[k] ? { tax: l.tax } : {}),
    ...('overheadProfit' in want[k] ? { overheadProfit: l.overheadProfit } : {}),
    ...('rcv' in want[k] ? { rcv: l.rcv } : {}),
  }));
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    expect({ text, got }).toEqual({ text, got: want });
  }
  if (prints.recap) {
    expect({ lit: parsed.recap.lineItemTotal, rcv: parsed.recap.rcv }).toEqual({ lit: est.recap.lineItemTotal, rcv: est.recap.rcv });
  }
  const loud = parsed.problems.filter((p) => p.severity !== 'info');
  if (loud.length) expect({ text, loud }).toEqual({ text, loud: [] });
}

describe.each(FAMILIES.filter((f) => f !== 'side-by-side'))('%s renderings read back to the cent', (family) => {
  test('with and without page noise', () => {
    fc.assert(
      fc.property(arbEstimate, fc.boolean(), fc.integer({ min: 1, max: 1000 }), (est, noise, shuffle) => {
        const text = renderEstimate(est, family, { noise, shuffle });
        expectSame(est, family, parseEstimate(readText(text), 'ours'), text);
      }),
    );
  });
});

const PAIRS: Array<[string, string]> = [
  ['Ours', 'Insurer'], ['Contractor', 'Carrier'], ['Our Estimate', 'RE'], ['Requested', 'Approved'], ['Supplement', 'Approved'],
];

test('side-by-side renderings read back on both sides, whatever the labels', () => {
  fc.assert(
    fc.property(arbEstimate, fc.constantFrom(...PAIRS), (est, labels) => {
      const text = renderEstimate(est, 'side-by-side', { labels });
      const t = parseComparison(readText(text));
      expect(t).not.toBeNull();
      expectSame(est, 'side-by-side', t!.ours, text);
      const theirs = allLines(est).flatMap((l) => {
        const q = insurerQty100(l);
        return q === null ? [] : [{ qty: q / 100, amount: extension(q / 100, l.unitPrice) }];
      });
      expect(t!.theirs!.lines.map((l) => ({ qty: l.qty, amount: l.amount }))).toEqual(theirs);
    }),
  );
});
