/**
 * The only gas file that imports the engine: what the host hands to it and gets back. Keeping the
 * imports here means a change in the engine's API touches one file of the host.
 */
export { buildPursue, type PursueResult } from '../shared/index';
export { statusNotePatch, rfPatch, topicPatch, type CellPatch } from '../shared/index';
export { readiness, readinessHeadline } from '../shared/index';
export { SHEETS, PC, OP_ITEM, TAX_ITEM, parseKey } from '../shared/index';
export { pursueHeader, cellString } from '../shared/index';
export { dollarsToCents, formatMoney } from '../shared/index';
export { paneNotes, statusMessage } from '../shared/index';
export { parseReadinessOptions, picksProblem, PursueInputError, READINESS_DEFAULTS, reconcileOptionsFromText } from '../shared/index';
export { itemAtRow, rowOfItem, type ShownItem } from '../shared/index';
export { rfAskedAt } from '../shared/index';
