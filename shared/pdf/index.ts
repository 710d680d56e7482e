// PDF → rows of cells for the reader. No host API here: each host injects how PDF.js is loaded.
export { readPdf, DEFAULT_PAGE_TIMEOUT_MS } from './read';
export type { PdfJsLib, PdfJsLoader, PdfJsSource, PdfReadResult, PdfRefusal, PdfRefusalKind, ReadPdfOptions } from './read';
export { rowsFromPages, type PdfRows, type RowPlace } from './rows';
export { pageLines, lineText, type PdfPageText, type PdfTextItem, type PdfLine, type Chunk } from './lines';
export {
  readEstimatePdf, parsePdfRows, placeProblems, relabelRows, pdfOrigin, rowKey, placeReconciliation,
  type PdfEstimateResult, type PdfOrigin, type PdfOrigins,
} from './estimate';
