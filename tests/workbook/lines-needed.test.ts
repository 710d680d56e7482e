import fc from 'fast-check';
import { linesNeeded } from '../../shared/workbook/grid';

/** The rule written plainly (split into paragraphs and words): what the counting loop must equal. */
function byWords(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.4) - 1);
  let lines = 0;
  for (const para of text.split('\n')) {
    let used = 0;
    let n = 1;
    for (const word of para.split(' ')) {
      const w = word.length;
      if (used === 0) used = w;
      else if (used + 1 + w <= perLine) used += 1 + w;
      else {
        n++;
        used = w;
      }
      while (used > perLine) {
        n++;
        used -= perLine;
      }
    }
    lines += n;
  }
  return lines;
}

test('linesNeeded: short cells take one line, long words break, line breaks start a line', () => {
  expect(linesNeeded('Drip edge', 12)).toBe(1);
  expect(linesNeeded('', 12)).toBe(1);
  expect(linesNeeded('a\nb', 40)).toBe(2);
  expect(linesNeeded('a\n', 40)).toBe(2);
  // 12 characters wide holds 15 a line: "aaaa bbbb cccc" (14) fits, one more word does not.
  expect(linesNeeded('aaaa bbbb cccc dddd', 12)).toBe(2);
  expect(linesNeeded('x'.repeat(31), 12)).toBe(3);
});

test('linesNeeded counts as splitting into paragraphs and words does', () => {
  const text = fc.array(fc.constantFrom('a', 'bb', 'flashing', 'x'.repeat(40), ' ', ' ', '  ', '\n', '\n\n'), { maxLength: 40 }).map((p) => p.join(''));
  fc.assert(fc.property(text, fc.integer({ min: 1, max: 80 }), (t, w) => linesNeeded(t, w) === byWords(t, w)), { numRuns: 2000 });
});
