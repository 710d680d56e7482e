import type { Cents } from '../types/money';
import type { Topic } from '../types/knowledge';
import { compareItems } from '../item-order';
import { hasPhrase, wordText, type WordText } from './text';

interface TopicRule {
  name: string;
  /** Phrases in the description that put a line in this topic. */
  words: string[];
  /** Phrases in the area name that do the same (e.g. an area called "Gutters"). */
  areaWords?: string[];
}

/*
 * Topics an adjuster call is usually organised around. The first rule that fits a line wins, so a
 * line joins one topic only; "roof vent" is checked before anything with "roof" in it.
 */
const TOPIC_RULES: TopicRule[] = [
  {
    name: 'Gutters',
    words: ['gutter', 'downspout', 'fascia', 'leaf guard'],
    areaWords: ['gutter', 'gutters'],
  },
  {
    name: 'Siding',
    words: ['siding', 'house wrap', 'j trim', 'j-trim', 'j vent', 'j-vent', 'j block', 'j-block', 'corner post', 'soffit', 'shutter'],
  },
  {
    name: 'Windows',
    words: ['window', 'screen', 'glazing'],
  },
  {
    name: 'Roof accessories',
    words: [
      'roof vent', 'ridge vent', 'turtle', 'pipe jack', 'roof jack', 'exhaust cap', 'furnace vent', 'flue cap',
      'rain cap', 'power vent', 'attic fan', 'turbine', 'satellite', 'skylight', 'chimney cap', 'antenna',
    ],
  },
  {
    name: 'Flashing',
    words: ['step flashing', 'chimney flashing', 'counter flashing', 'counterflashing', 'valley metal', 'headwall', 'sidewall flashing', 'apron flashing'],
  },
  {
    name: 'Steep & high charges',
    words: ['steep', 'high roof', '2 stories', 'two stor'],
  },
  {
    name: 'Roof edges & underlayment',
    words: ['drip edge', 'starter', 'ice and water', 'ice barrier', 'ice shield', 'roofing felt', 'felt paper', 'underlayment', 'ridge cap'],
  },
  {
    name: 'General',
    words: ['dumpster', 'debris', 'haul', 'permit', 'ladder', 'scaffold', 'per hour', 'supervision', 'cleanup', 'clean up', 'fees'],
  },
];

function anyPhrase(text: WordText, phrases: readonly string[]): boolean {
  for (const w of phrases) if (hasPhrase(text, w)) return true;
  return false;
}

function topicFor(area: WordText, description: string): string | null {
  const d = wordText(description);
  for (const rule of TOPIC_RULES) {
    if (anyPhrase(d, rule.words)) return rule.name;
    if (rule.areaWords && anyPhrase(area, rule.areaWords)) return rule.name;
  }
  return null;
}

/**
 * Suggests negotiation topics from the lines' descriptions and areas (e.g. Siding = items 7, 13,
 * 15). Only lines with a gap to pursue count, and only topics of two or more items are offered:
 * a one-item topic is just the item. A person accepts, edits or refuses each suggestion.
 */
export function suggestTopics(lines: Array<{ item: string; area: string; description: string; gap: Cents }>): Topic[] {
  // A set per topic: a 20,000-line estimate puts thousands of items in one topic.
  const byName = new Map<string, Set<string>>();
  // Areas repeat on every line of a room: each is normalised once.
  const areas = new Map<string, WordText>();
  for (const line of lines) {
    if (line.gap <= 0) continue;
    let area = areas.get(line.area);
    if (area === undefined) {
      area = wordText(line.area);
      areas.set(line.area, area);
    }
    const name = topicFor(area, line.description);
    if (name === null) continue;
    const items = byName.get(name) ?? new Set<string>();
    items.add(line.item);
    byName.set(name, items);
  }
  const topics: Topic[] = [];
  for (const rule of TOPIC_RULES) {
    const items = byName.get(rule.name);
    if (!items || items.size < 2) continue;
    topics.push({ name: rule.name, items: [...items].sort(compareItems), state: 'suggested' });
  }
  return topics;
}

/** A topic's gap: the sum of its items' gaps (an item with no known gap adds nothing). */
export function topicGap(topic: Topic, gaps: Record<string, Cents>): Cents {
  let total = 0;
  for (const item of topic.items) {
    if (Object.prototype.hasOwnProperty.call(gaps, item)) total += gaps[item];
  }
  return total;
}
