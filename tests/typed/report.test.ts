// Issue 13, CLI report: a Priority column, names wrapped between words (never cut mid-word), and the
// reconciliation's honest state.
import fc from 'fast-check';
import { wrapWords } from '../../shared/report/text';
import { fixture } from '../helpers/samples';
import { pasteFiles, runCli } from './workbooks';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

test('wrapWords: lines fit, words are whole unless longer than a line, nothing is lost', () => {
  fc.assert(
    fc.property(fc.array(fc.stringMatching(/^[A-Za-z0-9&/()"-]{1,60}$/), { maxLength: 20 }), fc.integer({ min: 8, max: 50 }), (words, width) => {
      const lines = wrapWords(words.join(' '), width);
      for (const l of lines) expect(l.length).toBeLessThanOrEqual(width);
      expect(lines.join('').replace(/ /g, '')).toBe(words.join(''));
      // A word that fits on a line is never split.
      const pieces = lines.flatMap((l) => l.split(' ')).filter((x) => x !== '');
      for (const w of words.filter((x) => x.length <= width)) expect(pieces).toContain(w);
    }),
  );
});

test('the CLI report has a Priority column and whole words in every name, and states the reconciliation', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pursue-report-'));
  try {
    const p = pasteFiles(dir);
    const r = runCli([p.ours, p.theirs]);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^Pri\. Item +Item Name/);
    // Item 4 (Ice & water barrier) has the second-largest open gap in case2.
    expect(lines.find((l) => /^\d+ +4 +Ice & water barrier/.test(l))).toBeDefined();
    const words = new Set(r.out.split(/\s+/));
    for (const name of ['Remove Laminated - comp. shingle rfg. - w/out felt', 'Hip / Ridge cap - Standard profile - composition shingles']) {
      for (const w of name.split(' ')) expect(words.has(w)).toBe(true);
    }
    expect(r.out).toMatch(/✓ Reconciled: the parts add up/);
    expect(fixture('case2', 'ours.txt')).toContain('Ice & water barrier');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
