// Hosts only read, hand over and write (issue 12): a host file (excel-addin/, gas/, cli/) holding an
// engine decision (ranking, reading money, its own defaults or item order) fails here. Small on
// purpose: each rule is a pattern that has no honest use in a host, shown failing on a planted line.
import path from 'node:path';
import { repoSources, type SourceFile } from './imports';

const ROOT = path.resolve(__dirname, '../..');
const HOST = /^(excel-addin|gas|cli)\//;

const RULES: Array<{ rule: string; pattern: RegExp }> = [
  // Money and figures are read by the engine (dollarsToCents, parseTypedTotals), never by parseFloat.
  { rule: 'parses figures', pattern: /\bparseFloat\s*\(/ },
  { rule: 'cleans money text', pattern: /replace\(\s*\/\[[^\]]*\\?\$[^\]]*,/ },
  // The priority is the model's (result.model): a host neither sorts by it nor numbers ranks.
  { rule: 'ranks items', pattern: /\.sort\([^;]*\b(rank|score|priority)\b|\b(rank|score|priority)\b[^;\n]*\.sort\(/ },
  { rule: 'ranks items', pattern: /\brank\w*\s*[:=]\s*\w+\s*\+\s*1\b/ },
  // Defaults live in shared/host-rules.ts (READINESS_DEFAULTS, DEFAULT_TOLERANCE) and the Priority weights.
  { rule: 'sets an engine default', pattern: /\b(minGap|days|tolerance|gapCap|perHundred|rfAsked)\s*[:=]\s*[\d.]+\b/ },
  { rule: 'sets an engine default', pattern: /\b(const|let|var)\s+(READINESS_DEFAULTS|DEFAULT_TOLERANCE)\b/ },
  // One item order (shared/item-order.ts, compareItems): a locale compare would disagree on " 3", 7A, 07.
  { rule: 'orders items', pattern: /\blocaleCompare\s*\(/ },
];

function decisions(files: SourceFile[]): Array<{ file: string; line: number; rule: string }> {
  const out: Array<{ file: string; line: number; rule: string }> = [];
  for (const f of files) {
    if (!HOST.test(f.file) || f.file.endsWith('.d.ts')) continue;
    f.text.split('\n').forEach((text, i) => {
      // Comments say why; only code decides.
      if (/^\s*(\/\/|\*|\/\*)/.test(text)) return;
      for (const r of RULES) if (r.pattern.test(text)) out.push({ file: f.file, line: i + 1, rule: r.rule });
    });
  }
  return out;
}

test('no host file holds an engine decision', () => {
  const files = repoSources(ROOT).filter((f) => HOST.test(f.file));
  // The scan reads the real hosts (a wrong root would pass on nothing).
  expect(files.map((f) => f.file)).toEqual(expect.arrayContaining(['cli/main.ts', 'excel-addin/taskpane.ts', 'gas/server.ts', 'gas/sidebar/sidebar.ts']));
  expect(decisions(files)).toEqual([]);
});

test.each([
  ['excel-addin/taskpane.ts', "const cents = Math.round(parseFloat(field('ours-rcv').value) * 100);", 'parses figures'],
  ['gas/server.ts', "const n = Number(text.replace(/[$,]/g, ''));", 'cleans money text'],
  ['cli/main.ts', 'const open = lines.filter((k) => k.gap > 0).sort((a, b) => a.rank - b.rank);', 'ranks items'],
  ['gas/sidebar/sidebar.ts', 'rows.sort((a, b) => b.score - a.score);', 'ranks items'],
  ['cli/main.ts', 'const shown = open.map((k, i) => ({ item: k.item, rank: i + 1 }));', 'ranks items'],
  ['excel-addin/taskpane.ts', "const opts = { minGap: 100, days: 7 };", 'sets an engine default'],
  ['gas/server.ts', 'const DEFAULT_TOLERANCE = 100;', 'sets an engine default'],
  ['gas/sidebar/sidebar.ts', 'items.sort((a, b) => a.item.localeCompare(b.item));', 'orders items'],
])('a host deciding for the engine fails: %s', (file, text, rule) => {
  expect(decisions([{ file, text }])).toEqual(expect.arrayContaining([expect.objectContaining({ file, rule })]));
});

test('the engine itself may decide', () => {
  expect(decisions([{ file: 'shared/knowledge/priority.ts', text: 'order.sort((a, b) => b.score - a.score); const x = parseFloat(t);' }])).toEqual([]);
});
