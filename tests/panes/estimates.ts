/**
 * Estimate text of any length for the pane tests: the bench's generator (bench/pipeline.ts), so the
 * pane tests and `npm run bench` measure the same pastes.
 */
export { estimate as estimateText } from '../../bench/pipeline';

/** One line of text per row in column A, as a PDF paste lands in a sheet. */
export const asColumnA = (text: string): string[][] => text.split('\n').map((l) => [l]);
