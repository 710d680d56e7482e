import { parseEstimate } from '../../shared/parse/detect';
import { readText } from '../../shared/parse/rows';
import { readPdf, type PdfReadResult } from '../../shared/pdf/index';
import type { ParsedEstimate } from '../../shared/types/estimate';
import { loadPdfJsForJest, standardFonts } from './pdfjs';

export async function readPdfBytes(bytes: Uint8Array, fileName = 'estimate.pdf', pageTimeoutMs?: number): Promise<PdfReadResult> {
  return readPdf(bytes, { loader: loadPdfJsForJest, fileName, pageTimeoutMs, source: { standardFontDataUrl: standardFonts } });
}

/** What "the same estimate" means: every line's figures, its area, and the printed totals. */
export function essence(p: ParsedEstimate) {
  return {
    format: p.format,
    lines: p.lines.map((l) => ({
      item: l.item, area: l.area, description: l.description, qty: l.qty, unit: l.unit, unitPrice: l.unitPrice,
      amount: l.amount, tax: l.tax, overheadProfit: l.overheadProfit, rcv: l.rcv, depreciation: l.depreciation, acv: l.acv,
    })),
    recap: p.recap,
    printedTotals: p.printedTotals.map(({ row: _row, ...t }) => t),
  };
}

export function parseTextPath(text: string): ParsedEstimate {
  return parseEstimate(readText(text), 'ours');
}
