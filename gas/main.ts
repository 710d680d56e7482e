/**
 * Bundle entry: everything here lands on the `PursueGas` global. The build's footer declares each
 * entry point (gas/entry-points.json) as a plain top-level function, which is what Apps Script
 * needs to call it from a menu, a trigger or google.script.run.
 */
export * from './server';
export { writeWorkbook } from './writer';
export { planWorkbook, readWorkbookBatch, writeWorkbookBatch } from './batch-writer';
