// The engine's public face: the only module a host (Excel, Apps Script, the command line) imports.
// Everything a host needs to read, hand over and write is here; decisions stay in the engine.
export { readText, decodeText } from './parse/rows';
export { parseEstimate, parseComparison } from './parse/detect';
export { matchLines } from './match/lines';
export { lineGap } from './gaps';
export { reconcile, compareItems, DEFAULT_TOLERANCE } from './reconcile';
export { runPursue, parseInput, PursueInputError, type PastesInput } from './run';
export { buildPursue, type PursueInput, type PursueResult } from './pursue';
export { toJsonReport, type JsonReport, type JsonLine } from './report/json';
export { formatTextReport } from './report/text';
export { paneNotes, noteWhere, type PaneNotes, type PasteOrigin } from './report/pane-notes';
export { statusMessage, STATUS_LABEL, missingTotals, type StatusHost } from './report/status';
export { formatMoney, formatPlain, parseMoney, toDollars, dollarsToCents, extension } from './money';
export {
  parseTypedTotals, parseTolerance, reconcileOptionsFromText, totalFieldName, toleranceFieldName,
  READINESS_DEFAULTS, parseReadinessOptions, isIsoDate, localToday, localNow,
  type Host, type TotalFigure, type TotalsText, type FieldError,
} from './host-rules';
export { picksProblem, samePaste, samePasteWarning, type PastePick, type PastePicks } from './picks';
export { statusNotePatch, rfPatch, topicPatch, type CellPatch } from './workbook/patch';
export { pursueModel, readiness, readinessHeadline, rowsByItem, type ReadinessOptions } from './model/index';
export { SHEETS, PC, OP_ITEM, TAX_ITEM, parseKey } from './workbook/layout';
export { pursueHeader, cellString, isPursueWorkbook } from './workbook/readback';
export { colLetter, a1, a1Range, parseA1, parseRange } from './workbook/a1';
export { itemAtRow, rfAskedAt, rowOfItem, splitItemList, type ShownItem } from './workbook/identity';
export type * from './types/cells';
export type * from './types/estimate';
export type * from './types/money';
export type * from './types/problem';
export type * from './types/reconciliation';
export type * from './types/knowledge';
export type * from './types/model';
export type * from './types/workbook';
export {
  readPdf, readEstimatePdf, parsePdfRows, placeProblems, relabelRows, rowsFromPages, DEFAULT_PAGE_TIMEOUT_MS, pdfOrigin, rowKey,
  type PdfJsLib, type PdfJsLoader, type PdfJsSource, type PdfReadResult, type PdfRefusal, type PdfRefusalKind,
  type ReadPdfOptions, type PdfRows, type RowPlace, type PdfEstimateResult, type PdfOrigin, type PdfOrigins,
} from './pdf/index';
