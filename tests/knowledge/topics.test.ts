import { suggestTopics, topicGap } from '../../shared/knowledge';

// Lines shaped like the case2 estimate (areas and descriptions as printed).
const LINES = [
  { item: '4', area: 'Roof', description: 'Asphalt starter - universal starter course', gap: 12000 },
  { item: '7', area: 'Right Elevation', description: 'R&R Siding - vinyl', gap: 241000 },
  { item: '8', area: 'Roof', description: 'R&R Roof vent - turtle type - Metal', gap: 16880 },
  { item: '9', area: 'Roof', description: 'R&R Flashing - pipe jack - lead', gap: 9000 },
  { item: '10', area: 'Roof', description: 'Continuous ridge vent - shingle-over style', gap: 0 },
  { item: '13', area: 'Right Elevation', description: 'R&R House wrap (air/moisture barrier)', gap: 18128 },
  { item: '15', area: 'Right Elevation', description: 'R&R Vinyl outside corner post', gap: 25632 },
  { item: '19', area: 'GUTTERS', description: 'R&R Gutter / downspout - aluminum - up to 5"', gap: 52032 },
  { item: '20', area: 'GUTTERS', description: 'R&R Gutter guard/screen', gap: 31000 },
  { item: '21', area: 'Front Elevation', description: 'R&R Window screen, 1 - 9 SF', gap: 4000 },
  { item: '22', area: 'Roof', description: 'Dumpster load - Approx. 20 yards, 4 tons of debris', gap: -500 },
];

describe('suggestTopics', () => {
  const topics = suggestTopics(LINES);

  test('groups siding, gutters and roof accessories, each as a suggestion', () => {
    expect(topics).toEqual([
      { name: 'Gutters', items: ['19', '20'], state: 'suggested' },
      { name: 'Siding', items: ['7', '13', '15'], state: 'suggested' },
      { name: 'Roof accessories', items: ['8', '9'], state: 'suggested' },
    ]);
  });

  test('an item is in one topic at most; closed gaps and one-item topics are left out', () => {
    const all = topics.flatMap((t) => t.items);
    expect(new Set(all).size).toBe(all.length);
    expect(all).not.toContain('10'); // gap 0
    expect(all).not.toContain('21'); // a topic of one window is no topic
    expect(all).not.toContain('22');
  });

  test('the area counts too: a line in a "Gutters" area joins Gutters', () => {
    const t = suggestTopics([
      { item: '30', area: 'Gutters', description: 'Prime & paint', gap: 100 },
      { item: '31', area: 'Gutters', description: 'R&R Downspout elbow', gap: 100 },
    ]);
    expect(t).toEqual([{ name: 'Gutters', items: ['30', '31'], state: 'suggested' }]);
  });

  test('nothing to group gives no topics', () => {
    expect(suggestTopics([])).toEqual([]);
  });
});

describe('topicGap', () => {
  test('is the sum of its items\u2019 gaps, in cents', () => {
    const gaps = Object.fromEntries(LINES.map((l) => [l.item, l.gap]));
    expect(topicGap({ name: 'Siding', items: ['7', '13', '15'], state: 'accepted' }, gaps)).toBe(241000 + 18128 + 25632);
  });

  test('an item with no known gap adds nothing', () => {
    expect(topicGap({ name: 'X', items: ['7', '99', 'constructor'], state: 'accepted' }, { '7': 101 })).toBe(101);
  });
});
