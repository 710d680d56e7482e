import fc from 'fast-check';
import { areaPath, samePlace } from '../../shared/match/area-path';
import { actionOf, prepareDescription } from '../../shared/match/describe';
import { matchLines } from '../../shared/match/lines';
import { extension } from '../../shared/money';
import type { EstimateLine } from '../../shared/types/estimate';

const ROOMS: Array<[string, string[]]> = [
  ['Roof', ['Roof', 'ROOF', 'Roofing']],
  ['Front Elevation', ['Front Elevation', 'Front Side', 'Front Wall', 'Elevation - Front', 'front elev']],
  ['Debris Removal', ['Debris Removal', 'General', 'Misc', 'Miscellaneous']],
  ['Rear Elevation 2', ['Rear Side 2', 'Back Wall 2', 'Rear Elevation #2']],
];
const BUILDINGS: Array<(n: number) => string> = [(n) => `Bldg ${n}`, (n) => `Building ${n}`, (n) => `Building #${n}`, (n) => `Bldg. ${n}`, (n) => `Structure ${n}`];
const JOINS: Array<(b: string, r: string) => string> = [(b, r) => `${b} - ${r}`, (b, r) => `${b} | ${r}`, (b, r) => `${b} ${r}`, (b, r) => `${b} › ${r}`, (b, r) => `${r} - ${b}`, (b, r) => `${b}: ${r}`];

test('areas compare part by part: every style of building and room name is the same place', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: ROOMS.length - 1 }),
      fc.tuple(fc.nat(), fc.nat(), fc.nat()), fc.tuple(fc.nat(), fc.nat(), fc.nat()),
      (n, r, [b1, j1, s1], [b2, j2, s2]) => {
        const names = ROOMS[r][1];
        const a = JOINS[j1 % JOINS.length](BUILDINGS[b1 % BUILDINGS.length](n), names[s1 % names.length]);
        const b = JOINS[j2 % JOINS.length](BUILDINGS[b2 % BUILDINGS.length](n), names[s2 % names.length]);
        expect({ a, b, same: samePlace(areaPath(a), areaPath(b)) }).toEqual({ a, b, same: true });
        // Another building is another place, whatever the style.
        const other = JOINS[j2 % JOINS.length](BUILDINGS[b2 % BUILDINGS.length](n + 1), names[s2 % names.length]);
        expect(areaPath(a).building).not.toBe(areaPath(other).building);
      },
    ),
  );
});

test('structure synonyms: Dwelling = House = Main; a detached garage is its own structure', () => {
  expect(areaPath('Dwelling - Roof').building).toBe(areaPath('House Roof').building);
  expect(areaPath('Main | Roof').building).toBe(areaPath('Dwelling › Roof').building);
  expect(areaPath('Detached Garage - Roof').building).toBe('garage');
  expect(areaPath('Detached Garage - Roof').building).not.toBe(areaPath('Dwelling - Roof').building);
  expect(areaPath('Roof').building).toBe('');
});

test('actions: Remove = Tear off = Tear out; R&R = Remove and replace; Detach & reset = D&R; Replace = install', () => {
  expect(new Set(['Remove Siding - vinyl', 'Tear off Siding - vinyl', 'Tear out siding - vinyl'].map((d) => prepareDescription(d).key)).size).toBe(1);
  expect(prepareDescription('R&R Siding - vinyl').key).toBe(prepareDescription('Remove and replace Siding - vinyl').key);
  expect(prepareDescription('Detach & reset Satellite dish').key).toBe(prepareDescription('D&R Satellite dish').key);
  expect(prepareDescription('Replace Siding - vinyl').key).toBe(prepareDescription('Siding - vinyl').key);
  expect(actionOf('R&R Siding - vinyl')).toBe('rr');
  expect(prepareDescription('Remove Siding - vinyl').key).not.toBe(prepareDescription('Siding - vinyl').key);
});

function line(item: number, area: string, description: string, unit: string, qty: number, unitPrice: number): EstimateLine {
  return { item: String(item), area, description, qty, unit, unitPrice, amount: extension(qty, unitPrice), tax: null, overheadProfit: null, rcv: null, depreciation: null, acv: null, note: null, row: item };
}

test('recall: a line reworded with words every line uses is still paired (same room, unit and quantity)', () => {
  // 120 lines per room all built from the same six words: no word is uncommon enough to index,
  // even within the room, so only the same-room, same-unit, same-quantity fallback finds it.
  const words = ['roof', 'metal', 'flashing', 'trim', 'edge', 'cap'];
  const ours: EstimateLine[] = [];
  const theirs: EstimateLine[] = [];
  for (let b = 1; b <= 3; b++) {
    for (let k = 0; k < 120; k++) {
      const desc = `${words[k % 6]} ${words[(k + 1 + Math.floor(k / 6)) % 6]} ${words[(k + 3) % 6]}`;
      ours.push(line(ours.length + 1, `Bldg ${b} - Roof`, `${desc} ${k}`, 'LF', 10 + k, 300 + b));
      // The insurer drops the number and adds a common word.
      theirs.push(line(theirs.length + 1, `Building ${b} | Roof`, k === 7 ? `${desc} metal trim` : `${desc} ${k}`, 'LF', 10 + k, 300 + b));
    }
  }
  const res = matchLines(ours, theirs);
  for (let b = 0; b < 3; b++) {
    const i = b * 120 + 7;
    expect(res.matches.get(i)?.insurer).toBe(theirs[i]);
    expect(res.matches.get(i)?.notes.join(' ')).toMatch(/paired by area, unit and quantity or price/);
    expect(res.matches.get(i)?.weak).toBe(true);
  }
  expect(res.matches.size).toBe(ours.length);
});
