// The engine's public face: every host (Excel, Apps Script, the command line) calls these.
export { readText } from './parse/rows';
export { parseEstimate, parseComparison } from './parse/detect';
export { matchLines } from './match/lines';
export { lineGap } from './gaps';
export { reconcile, compareItems, DEFAULT_TOLERANCE } from './reconcile';
export { runPursue, parseInput, PursueInputError, type PursueInput } from './run';
export { toJsonReport, type JsonReport, type JsonLine } from './report/json';
export { formatTextReport } from './report/text';
export { formatMoney, formatPlain, parseMoney, toDollars, dollarsToCents, extension } from './money';
export type * from './types/cells';
export type * from './types/estimate';
export type * from './types/money';
export type * from './types/problem';
export type * from './types/reconciliation';
