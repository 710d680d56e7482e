import {
  appendStatus,
  formatStatusCell,
  makeStatusEntry,
  parseStatusCell,
  parseStatusDate,
  vagueness,
} from '../../shared/knowledge';
import type { StatusEntry } from '../../shared/types/knowledge';

const TODAY = '2026-09-15';

describe('parseStatusDate', () => {
  test.each([
    ['9/03', '2026-09-03'],
    ['09/03', '2026-09-03'],
    ['9/3', '2026-09-03'],
    ['09/03/2026', '2026-09-03'],
    ['9/3/26', '2026-09-03'],
    ['2026-09-03', '2026-09-03'],
    ['2026-09-03T14:05:00Z', '2026-09-03'],
    ['09-03-2026', '2026-09-03'],
    ['Sep 3', '2026-09-03'],
    ['Sept. 3, 2026', '2026-09-03'],
    ['September 3rd', '2026-09-03'],
    ['3 Sep 2026', '2026-09-03'],
    ['9/03 – spoke to adjuster J. Ruiz', '2026-09-03'],
    ['  9/03: sent photos', '2026-09-03'],
    ['12/28', '2025-12-28'], // more than a month ahead of today: last year
    ['10/10', '2026-10-10'], // within a month ahead: this year
    ['2/29/2028', '2028-02-29'],
  ])('%s → %s', (text, iso) => {
    expect(parseStatusDate(text, TODAY)).toBe(iso);
  });

  test.each([
    ['Called adjuster'],
    [''],
    ['13/01/2026'], // no month 13
    ['2/30'],
    ['2/29/2027'],
    ['10-12 pitch confirmed'], // a pitch, not a date
    ['3 ft at eaves'],
    ['12 SQ allowed'],
    ['9/03/2026/1'],
  ])('%s → null', (text) => {
    expect(parseStatusDate(text, TODAY)).toBeNull();
  });

  test('Feb 29 without a year in a non-leap year falls back to the last leap year only when it is valid', () => {
    expect(parseStatusDate('2/29', '2029-03-10')).toBe('2028-02-29');
  });
});

describe('vagueness', () => {
  test('"Called adjuster" lacks who, what was said and the next step', () => {
    expect(vagueness('Called adjuster')).toEqual(['who', 'what was said', 'next step']);
    expect(vagueness('Called Adjuster')).toEqual(['who', 'what was said', 'next step']);
  });

  test('a useful entry lacks nothing', () => {
    expect(vagueness('spoke to adjuster J. Ruiz, confirmed denial reason; next: send code citation')).toEqual([]);
    expect(vagueness('Emailed Dana Hill (desk adjuster) the drip edge photos; she will review by Friday')).toEqual([]);
  });

  test('says which part is missing', () => {
    expect(vagueness('Left voicemail for adjuster Ruiz')).toEqual(['next step']);
    expect(vagueness('Adjuster said he will reinspect')).toEqual(['who']);
    expect(vagueness('Spoke with homeowner, follow up Monday')).toEqual(['what was said']);
  });
});

describe('makeStatusEntry', () => {
  test('takes a leading date, keeps the time it was recorded, and flags what is missing', () => {
    const e = makeStatusEntry('9/03 – spoke to adjuster J. Ruiz, confirmed denial reason; next: send code citation', '2026-09-15T10:30:00Z', 'Ana');
    expect(e).toEqual({
      date: '2026-09-03',
      timestamp: '2026-09-15T10:30:00Z',
      author: 'Ana',
      text: 'spoke to adjuster J. Ruiz, confirmed denial reason; next: send code citation',
      missing: [],
    });
  });

  test("without a date it is about today; a vague note is flagged", () => {
    const e = makeStatusEntry('Called adjuster', '2026-09-15T10:30:00Z', 'Ana');
    expect(e.date).toBe('2026-09-15');
    expect(e.text).toBe('Called adjuster');
    expect(e.missing).toEqual(['who', 'what was said', 'next step']);
  });

  test('line breaks in a typed note become one line, so the cell stays one entry per line', () => {
    const e = makeStatusEntry('Sent photos to J. Ruiz\nshe will review', '2026-09-15T10:30:00Z', 'Ana');
    expect(e.text).toBe('Sent photos to J. Ruiz she will review');
  });
});

describe('appendStatus', () => {
  const first = makeStatusEntry('9/01 – Called adjuster', '2026-09-01T09:00:00Z', 'Ana');
  const second = makeStatusEntry('9/03 – spoke to J. Ruiz, confirmed; next: send citation', '2026-09-03T09:00:00Z', 'Ben');

  test('returns a new array with the entry at the end; the earlier array and entries are untouched', () => {
    const before = [first];
    const snapshot = JSON.parse(JSON.stringify(before));
    Object.freeze(before);
    Object.freeze(first);
    Object.freeze(first.missing);
    const after = appendStatus(before, second);
    expect(after).not.toBe(before);
    expect(before).toEqual(snapshot);
    expect(after).toHaveLength(2);
    expect(after[0]).toEqual(first);
    expect(after[1]).toEqual(second);
  });

  test('a later change to the appended entry does not reach the log', () => {
    const entry = makeStatusEntry('note', '2026-09-03T09:00:00Z', 'Ben');
    const log = appendStatus([], entry);
    entry.missing.push('changed');
    expect(log[0].missing).not.toContain('changed');
  });
});

describe('notes cell', () => {
  const entries: StatusEntry[] = [
    makeStatusEntry('9/05 – J. Ruiz will reinspect on 9/10', '2026-09-05T12:00:00Z', 'Ana'),
    makeStatusEntry('9/03 – spoke to adjuster J. Ruiz, confirmed denial reason; next: send code citation', '2026-09-05T12:01:00Z', 'Ana'),
    makeStatusEntry('9/05 – sent code citation to J. Ruiz', '2026-09-05T12:02:00Z', 'Ana'),
  ];

  test('one entry per line, oldest first; same day keeps the order they were added', () => {
    expect(formatStatusCell(entries)).toBe(
      [
        '9/03/2026 – spoke to adjuster J. Ruiz, confirmed denial reason; next: send code citation',
        '9/05/2026 – J. Ruiz will reinspect on 9/10',
        '9/05/2026 – sent code citation to J. Ruiz',
      ].join('\n'),
    );
    expect(formatStatusCell([])).toBe('');
  });

  test('reads back what it wrote', () => {
    const back = parseStatusCell(formatStatusCell(entries), TODAY, 'Ana');
    expect(back.map((e) => [e.date, e.text])).toEqual([
      ['2026-09-03', entries[1].text],
      ['2026-09-05', entries[0].text],
      ['2026-09-05', entries[2].text],
    ]);
    expect(back.every((e) => e.author === 'Ana' && e.timestamp === `${e.date}T00:00:00`)).toBe(true);
  });

  test('reads a cell a person typed: CRLF, blank lines, an undated line flagged "date"', () => {
    const cell = '9/03 - spoke to adjuster J. Ruiz, confirmed denial reason; next: send code citation\r\n\r\nCalled adjuster\n2026-09-12: J. Ruiz agreed to 24 in. inside the wall, will revise';
    const got = parseStatusCell(cell, TODAY);
    expect(got).toHaveLength(3);
    expect(got[0]).toMatchObject({ date: '2026-09-03', missing: [] });
    expect(got[1]).toMatchObject({ date: TODAY, text: 'Called adjuster', missing: ['who', 'what was said', 'next step', 'date'] });
    expect(got[2]).toMatchObject({ date: '2026-09-12', text: 'J. Ruiz agreed to 24 in. inside the wall, will revise', author: '' });
  });
});

