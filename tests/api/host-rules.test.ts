import fc from 'fast-check';
import {
  DEFAULT_TOLERANCE, isIsoDate, localToday, parseReadinessOptions, parseTolerance, parseTypedTotals,
  READINESS_DEFAULTS, reconcileOptionsFromText, totalFieldName, picksProblem, samePaste, samePasteWarning,
} from '../../shared/index';

describe('typed totals: one rule for every host', () => {
  test('dollars become cents; blanks are not typed', () => {
    const r = parseTypedTotals({ ours: { rcv: '24,773.52', tax: ' ' }, theirs: { overheadProfit: '$3,332.84' } }, 'excel');
    expect(r).toEqual({ ours: { rcv: 2477352 }, theirs: { overheadProfit: 333284 }, errors: [] });
  });

  test('each host names the field its own way', () => {
    const cli = parseTypedTotals({ ours: { rcv: 'abc' } }, 'cli');
    const pane = parseTypedTotals({ ours: { rcv: 'abc' } }, 'sheets');
    expect(cli.errors[0].message).toMatch(/^--ours-rcv: "abc" is not an amount/);
    expect(pane.errors[0].message).toMatch(/^Our RCV: "abc" is not an amount/);
    expect(pane.errors[0].message).not.toMatch(/--/);
  });

  test('a negative total is refused', () => {
    expect(parseTypedTotals({ theirs: { rcv: '-5' } }, 'cli').errors[0].field).toBe('--theirs-rcv');
  });

  test('any amount typed comes back to the cent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_00 }), (cents) => {
        const text = (cents / 100).toFixed(2);
        expect(parseTypedTotals({ theirs: { tax: text } }, 'excel').theirs.tax).toBe(cents);
      }),
    );
  });
});

describe('tolerance', () => {
  test('blank is the default; negative and junk are refused, never flipped', () => {
    expect(parseTolerance('', 'excel')).toEqual({ tolerance: DEFAULT_TOLERANCE });
    expect(parseTolerance('2.50', 'excel')).toEqual({ tolerance: 250 });
    expect(parseTolerance('-1', 'cli')).toEqual({ error: expect.objectContaining({ field: '--tolerance' }) });
    expect(parseTolerance('x', 'sheets')).toEqual({ error: expect.objectContaining({ field: 'Tolerance' }) });
  });

  test('options collect every field error at once', () => {
    const r = reconcileOptionsFromText({ ours: { rcv: 'x' }, theirs: { tax: 'y' } }, '-2', 'cli');
    expect(r.errors.map((e) => e.field)).toEqual(['--ours-rcv', '--theirs-tax', '--tolerance']);
  });
});

describe('readiness defaults', () => {
  test('blank fields take the one set of defaults', () => {
    expect(parseReadinessOptions('', '')).toEqual(READINESS_DEFAULTS);
    expect(READINESS_DEFAULTS).toEqual({ minGap: 10000, days: 7 });
    expect(parseReadinessOptions('500', 14)).toEqual({ minGap: 50000, days: 14 });
    expect(parseReadinessOptions('x', '')).toHaveProperty('error');
    expect(parseReadinessOptions('', '1.5')).toHaveProperty('error');
  });
});

describe('dates', () => {
  test('only real calendar dates pass', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-45')).toBe(false);
    expect(isIsoDate('2025-1-5')).toBe(false);
  });

  test('localToday is the local calendar date', () => {
    const d = new Date(2026, 0, 5, 23, 59);
    expect(localToday(d)).toBe('2026-01-05');
    expect(isIsoDate(localToday())).toBe(true);
  });

  test('field names', () => {
    expect(totalFieldName('cli', 'theirs', 'overheadProfit')).toBe('--theirs-op');
    expect(totalFieldName('excel', 'theirs', 'rcv')).toBe('Approved RCV');
  });
});

describe('picks: one rule for both panes', () => {
  const ours = { sheet: 'Ours' };
  const theirs = { sheet: 'Insurer' };
  test('a side not picked is named; nothing picked says both', () => {
    expect(picksProblem({ ours: null, theirs: null })).toMatch(/^Pick our estimate and the insurer's estimate in step 1/);
    expect(picksProblem({ ours, theirs: null })).toMatch(/^The insurer's estimate is not picked\. /);
    expect(picksProblem({ ours: null, theirs })).toMatch(/^Our estimate is not picked\. /);
    expect(picksProblem({ compare: null })).toMatch(/side-by-side comparison in step 1/);
    expect(picksProblem({ compare: { sheet: 'Compare' } })).toBeNull();
    expect(picksProblem({ ours, theirs })).toBeNull();
  });
  test('the same cells for both sides: a whole sheet overlaps any range of it; two ranges only when equal', () => {
    expect(picksProblem({ ours, theirs: { sheet: 'Ours' } })).toMatch(/are both "Ours"\..*every gap would be \$0\.00/);
    expect(samePaste({ sheet: 'S', range: 'A1:A9' }, { sheet: 'S' })).toBe(true);
    expect(samePaste({ sheet: 'S', range: 'A1:A9' }, { sheet: 'S', range: 'A1:A9' })).toBe(true);
    expect(samePaste({ sheet: 'S', range: 'A1:A9' }, { sheet: 'S', range: 'C1:C9' })).toBe(false);
    expect(samePaste({ sheet: 'S' }, { sheet: 'T' })).toBe(false);
    expect(samePasteWarning({ compare: null, ours, theirs: ours })).toBeNull();
  });
});
