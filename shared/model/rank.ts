import type { PriorityWeights } from '../types/knowledge';
import type { ModelRow } from '../types/model';
import { scorePriorities } from '../knowledge/priority';
import { hasOpenGap } from './next-step';

/** Rows worth pursuing: our items, topics and O&P with an open gap (tax, insurer-only and closed rows are not argued). */
function isRanked(row: ModelRow): boolean {
  return (row.kind === 'item' || row.kind === 'topic' || row.kind === 'op') && hasOpenGap(row);
}

/**
 * Scores and ranks the open rows together (1 = pursue first); every other row keeps a null
 * priority. A topic is ranked as one row, and its members carry the topic's priority, since they
 * are argued together.
 */
export function rankRows(rows: ModelRow[], weights: PriorityWeights): ModelRow[] {
  const ranked = rows.filter(isRanked);
  // A topic's id cannot collide with an item number: item numbers never start with "topic:".
  const ids = ranked.map((r) => (r.kind === 'topic' ? `topic:${r.topic}` : r.items[0]!));
  const scores = scorePriorities(
    ranked.map((r, i) => ({ item: ids[i]!, gap: r.gap, rfAsked: r.rfAsked, category: r.category })),
    weights,
  );
  ranked.forEach((r, i) => {
    r.priority = scores[i]!;
    for (const m of r.members) m.priority = scores[i]!;
  });
  return ranked.sort((a, b) => a.priority!.rank - b.priority!.rank);
}
