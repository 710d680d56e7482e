/**
 * Negotiation knowledge (issue 3): denial reasons, reasons to approve, priority, topics, the status
 * log and carrying what people typed across re-runs. Pure functions over plain data, no host API.
 */
export { classifyDenial, categoryLabel, parseCategory, CATEGORY_LABELS, DENIAL_CATEGORIES } from './denial';
export { defaultRebuttals, suggestRebuttal, rebuttalsToRows, rebuttalsFromRows, REBUTTAL_HEADERS } from './rebuttals';
export {
  defaultWeights,
  weightsToRows,
  weightsFromRows,
  scorePriorities,
  explainPriority,
  categoryPart,
  DEFAULT_CATEGORY_POINTS,
} from './priority';
export { suggestTopics, topicGap } from './topics';
export {
  parseStatusDate,
  formatStatusDate,
  parseStatusCell,
  makeStatusEntry,
  appendStatus,
  formatStatusCell,
  vagueness,
  daysBetween,
} from './status';
export { emptyState, mergeState, newAnnotation, OP_ITEM, OP_DESCRIPTION, TAX_ITEM } from './state';
