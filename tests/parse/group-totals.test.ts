import { parseEstimate } from '../../shared/parse/detect';
import { readText } from '../../shared/parse/rows';

const HEADER = 'DESCRIPTION  QUANTITY UNIT PRICE  TAX  O&P  RCV';
const parse = (lines: string[]) => parseEstimate(readText(lines.join('\n')), 'ours');

/** One room: its heading, the column header, one line of `rcv` cents, and its "Total:" row. */
function room(name: string, item: number, rcv: number): string[] {
  const dollars = (rcv / 100).toFixed(2);
  return ['', name, '', HEADER, `${item}.  Drip edge ${item}   1.00 LF   ${dollars}   0.00   0.00   ${dollars}`, `Total: ${name}   0.00   0.00   ${dollars}`];
}

test('"Total:" rows: a room\'s own total is filed, a group\'s is checked, a short group is said', () => {
  const p = parse([
    ...room('Roof', 1, 2000),
    ...room('Garage', 2, 1500),
    'Total: Exterior   0.00   0.00   35.00',
    ...room('Porch', 3, 700),
    'Total: Interior   0.00   0.00   57.00',
  ]);
  expect(p.lines.map((l) => l.rcv)).toEqual([2000, 1500, 700]);
  // Exterior is Roof + Garage: a group total, not an area's. Interior is Porch (7.00) plus 50.00 in
  // rooms the paste does not have.
  expect(p.printedTotals.map((t) => [t.area, t.rcv])).toEqual([['Roof', 2000], ['Garage', 1500], ['Porch', 700]]);
  const short = p.problems.filter((x) => x.code === 'group-total-short');
  expect(short).toHaveLength(1);
  expect(short[0].message).toContain('$50.00 is in rooms that are not in the paste');
});

/** "Room ba": a room name in letters (a trailing number would read as a figure of the total). */
function roomName(k: number): string {
  let name = '';
  for (let x = k; x > 0; x = Math.floor(x / 26)) name = String.fromCharCode(97 + (x % 26)) + name;
  return `Room ${name}`;
}

test('a "Total:" row under every one of thousands of rooms: each filed with its own sum', () => {
  const rooms = 3000;
  const lines: string[] = [];
  for (let k = 1; k <= rooms; k++) lines.push(...room(roomName(k), k, 100 * k));
  const p = parse(lines);
  expect(p.lines).toHaveLength(rooms);
  expect(p.printedTotals).toHaveLength(rooms);
  expect(p.printedTotals.filter((t, k) => !(t.area === roomName(k + 1) && t.rcv === 100 * (k + 1))).slice(0, 3)).toEqual([]);
  expect(p.problems.filter((x) => x.severity !== 'info')).toEqual([]);
});
