/**
 * The only gas file that imports the engine: what the host hands to it and gets back. Keeping the
 * imports here means a change in the engine's API touches one file of the host.
 */
export { buildPursue, type PursueResult } from '../shared/pursue';
export { statusNotePatch, rfPatch, topicPatch, type CellPatch } from '../shared/workbook/patch';
export { readiness } from '../shared/knowledge/index';
export { SHEETS, PC, OP_ITEM, TAX_ITEM, parseKey } from '../shared/workbook/layout';
export { pursueHeader, cellString } from '../shared/workbook/readback';
export { dollarsToCents, formatMoney } from '../shared/money';
export { parseReadinessOptions, PursueInputError, READINESS_DEFAULTS, reconcileOptionsFromText } from '../shared/index';
// Which item a row shows: the hosts' one adapter until the engine exports itemAtRow.
export { itemAtRow, rowOfItem, rfAskedAt, type ShownItem } from '../excel-addin/item-rule';
