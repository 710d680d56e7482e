import {
  classifyDenial,
  DENIAL_CATEGORIES,
  defaultRebuttals,
  rebuttalsFromRows,
  rebuttalsToRows,
  suggestRebuttal,
} from '../../shared/knowledge';
import type { Rebuttal } from '../../shared/types/knowledge';

const byKey = (lib: Rebuttal[], key: string) => lib.filter((r) => r.key === key);

describe('default rebuttal library', () => {
  const lib = defaultRebuttals();

  test('has one category row per denial category, each with argument, evidence and presentation', () => {
    for (const c of DENIAL_CATEGORIES) {
      const rows = lib.filter((r) => r.itemWords.length === 0 && r.category === c);
      expect(rows).toHaveLength(1);
      const [row] = rows;
      expect(row.argument.length).toBeGreaterThan(20);
      expect(row.evidence.length).toBeGreaterThan(10);
      expect(row.presentation.length).toBeGreaterThan(10);
    }
  });

  test('has the common item rows', () => {
    for (const key of ['ice-water', 'drip-edge', 'starter', 'ridge', 'steep', 'high', 'matching', 'op']) {
      const rows = byKey(lib, key).filter((r) => r.itemWords.length > 0);
      expect(rows.length).toBeGreaterThanOrEqual(1);
    }
  });

  test('cites the checked facts where they belong, and only there', () => {
    const ice = byKey(lib, 'ice-water')[0];
    expect(ice.argument).toContain('IRC R905.1.2');
    expect(ice.argument).toMatch(/24 in\. inside the exterior wall/);
    expect(ice.argument).toMatch(/where the jurisdiction requires/);
    const drip = byKey(lib, 'drip-edge')[0];
    expect(drip.argument).toContain('IRC R905.2.8.5');
    expect(drip.argument).toMatch(/eaves and at the rake/);
    expect(drip.argument).toMatch(/Ordinance or Law/);
    expect(byKey(lib, 'starter')[0].argument).toMatch(/manufacturer installation instructions/i);
    expect(byKey(lib, 'ridge')[0].argument).toMatch(/separate product/);
    for (const r of lib.filter((x) => x.key === 'matching')) expect(r.argument).toMatch(/check your state/i);
    expect(byKey(lib, 'op')[0].argument).toMatch(/coordinate the trades/);
    // No code section other than the two checked ones is cited anywhere.
    const all = lib.map((r) => `${r.argument} ${r.evidence} ${r.presentation}`).join(' ');
    const sections = new Set(all.match(/R\d{3}(?:\.\d+)+/g));
    expect([...sections].sort()).toEqual(['R905.1.2', 'R905.2.8.5']);
  });

  test('every row says to pull, not push', () => {
    for (const r of lib) expect(r.presentation).toMatch(/^Pull, not push: ask/);
  });

  test('is a fresh copy each call', () => {
    const a = defaultRebuttals();
    a[0].argument = 'changed';
    a[0].itemWords.push('x');
    const b = defaultRebuttals();
    expect(b[0].argument).not.toBe('changed');
    expect(b[0].itemWords).not.toContain('x');
  });
});

describe('suggestRebuttal', () => {
  const lib = defaultRebuttals();

  test('item rows beat category rows when the description matches', () => {
    expect(suggestRebuttal('Ice & water barrier', 'quantity', lib)?.key).toBe('ice-water');
    expect(suggestRebuttal('Drip edge', 'code', lib)?.key).toBe('drip-edge');
    expect(suggestRebuttal('Asphalt starter - universal starter course', 'included', lib)?.key).toBe('starter');
    expect(suggestRebuttal('Hip / Ridge cap - High profile - composition shingles', 'included', lib)?.key).toBe('ridge');
    expect(suggestRebuttal('Additional charge for steep roof - 7/12 to 9/12 slope', 'other', lib)?.key).toBe('steep');
    expect(suggestRebuttal('Remove Additional charge for high roof (2 stories or greater)', null, lib)?.key).toBe('high');
    expect(suggestRebuttal('Overhead & Profit (O&P)', 'op', lib)?.key).toBe('op');
  });

  test('an item row tied to a category is offered only for that category', () => {
    expect(suggestRebuttal('R&R Siding - vinyl', 'matching', lib)?.key).toBe('matching');
    expect(suggestRebuttal('R&R Siding - vinyl', 'matching', lib)?.itemWords).toContain('siding');
    expect(suggestRebuttal('R&R Siding - vinyl', 'repairable', lib)?.key).toBe('repairable');
    expect(suggestRebuttal('R&R Siding - vinyl', null, lib)).toBeNull();
  });

  test('no item row: the category row; no category either: nothing', () => {
    expect(suggestRebuttal('R&R Roof vent - turtle type - Metal', 'not-visible', lib)?.key).toBe('not-visible');
    expect(suggestRebuttal('Dumpster load', 'documentation', lib)?.key).toBe('documentation');
    expect(suggestRebuttal('Dumpster load', null, lib)).toBeNull();
  });

  test('"ridge vent" is not ridge cap', () => {
    expect(suggestRebuttal('Continuous ridge vent - shingle-over style', 'not-visible', lib)?.key).toBe('not-visible');
  });

  test('works from the classified insurer note, end to end', () => {
    const note = 'Starter allowed at eaves. Rakes included in waste.';
    const r = suggestRebuttal('Asphalt starter - universal starter course', classifyDenial(note).category, lib);
    expect(r?.argument).toMatch(/starter strip at the eaves and the rakes/);
  });

  test('uses the library it is given, not the defaults', () => {
    const mine: Rebuttal[] = [
      { key: 'gutter', itemWords: ['gutter'], category: null, argument: 'Our gutter argument', evidence: '', presentation: '' },
    ];
    expect(suggestRebuttal('R&R Gutter / downspout - aluminum', 'not-visible', mine)?.argument).toBe('Our gutter argument');
    expect(suggestRebuttal('Drip edge', 'code', mine)).toBeNull();
  });
});

describe('Rebuttals sheet rows', () => {
  test('round trip gives the same library and no problems', () => {
    const lib = defaultRebuttals();
    const rows = rebuttalsToRows(lib);
    expect(rows[0]).toEqual(['Key', 'Denial category', 'Item words (separated by ;)', 'Reason to approve', 'Evidence to bring', 'How to present']);
    expect(rows).toHaveLength(lib.length + 1);
    const back = rebuttalsFromRows(rows);
    expect(back.problems).toEqual([]);
    expect(back.library).toEqual(lib);
  });

  test('reads a sheet a person edited: columns moved, a row added, blank rows, a bad category reported by row', () => {
    const rows = [
      ['Team rebuttals, edit freely'],
      ['How to present', 'Reason to approve', 'Denial category', 'Key', 'Item words (separated by ;)', 'Evidence to bring'],
      ['Pull: ask', 'Gutters are dented by hail', '(any)', 'gutter', 'gutter; downspout', 'Photos'],
      [null, '', '', '', '', ''],
      ['Pull', 'We will send it', 'Documentation missing', '', '', 'Invoice'],
      ['Pull', 'Some text', 'Acts of God', 'x', '', ''],
      ['Pull', '', 'Other', 'y', '', ''],
      ['Pull', 'Words only', '', 'z', '', ''],
    ];
    const { library, problems } = rebuttalsFromRows(rows);
    expect(library).toEqual([
      { key: 'gutter', itemWords: ['gutter', 'downspout'], category: null, argument: 'Gutters are dented by hail', evidence: 'Photos', presentation: 'Pull: ask' },
      { key: 'documentation', itemWords: [], category: 'documentation', argument: 'We will send it', evidence: 'Invoice', presentation: 'Pull' },
    ]);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/row 6: "Acts of God" is not a denial category/);
    expect(problems[1]).toMatch(/row 7: the Reason to approve is empty/);
    expect(problems[2]).toMatch(/row 8: give either a denial category or item words/);
    expect(suggestRebuttal('R&R Downspout', 'not-visible', library)?.key).toBe('gutter');
  });

  test('a sheet without its header gives the defaults and says so', () => {
    const { library, problems } = rebuttalsFromRows([['a', 'b'], ['c', 'd']]);
    expect(library).toEqual(defaultRebuttals());
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/no header row/);
  });
});
