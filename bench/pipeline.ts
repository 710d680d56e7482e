// Synthetic estimates for `npm run bench`: Xactimate-style PDF text with n lines, and the insurer's
// revision of it (cuts, reprices, rewords and drops some lines), with the areas an estimate has.
import { extension, formatPlain } from '../shared/index';

const WORDS = ['Drip edge', 'Step flashing', 'Valley metal', 'R&R Siding - vinyl', 'Ice & water barrier', 'Roof vent - turtle type', 'Gutter / downspout - aluminum', 'House wrap', 'Ridge cap - composition', 'Starter course'];
const AREAS = ['Roof', 'Front Elevation', 'Rear Elevation', 'Left Elevation', 'Right Elevation', 'Garage', 'Shed', 'Porch'];
const UNITS = ['LF', 'SF', 'EA', 'SQ'];

/** Xactimate-style PDF text with n lines; as the insurer's, it cuts, reprices, rewords and drops some. */
export function estimate(n: number, insurer: boolean): string {
  const out: string[] = [];
  let area = '';
  let num = 0;
  for (let k = 0; k < n; k++) {
    const a = AREAS[Math.floor(k / 50) % AREAS.length] + (k >= 400 ? ` ${Math.floor(k / 400)}` : '');
    if (a !== area) {
      area = a;
      out.push('', area, '', 'DESCRIPTION  QUANTITY UNIT PRICE  TAX  O&P  RCV');
    }
    if (insurer && k % 10 === 3) continue; // denied
    let desc = `${WORDS[k % WORDS.length]} - grade ${k}`;
    if (insurer && k % 10 === 7) desc = `${WORDS[k % WORDS.length]} grade ${k} (carrier wording)`;
    const qty = ((k * 37) % 5000) / 10 + 1 - (insurer && k % 10 === 5 ? 0.5 : 0);
    const price = 100 + ((k * 7919) % 40000) - (insurer && k % 10 === 1 ? 7 : 0);
    const amt = extension(qty, price);
    num++;
    out.push(`${num}.  ${desc}   ${qty.toFixed(2)} ${UNITS[k % UNITS.length]}   ${formatPlain(price)}   0.00   0.00   ${formatPlain(amt)}`);
  }
  return out.join('\n');
}

export type Direction = 'ours-full' | 'ours-revised';

/** Both pastes for n lines a side: the full estimate as ours (the usual case) or as the insurer's. */
export function pastes(n: number, direction: Direction): { ours: string; theirs: string } {
  const full = estimate(n, false);
  const revised = estimate(n, true);
  return direction === 'ours-full' ? { ours: full, theirs: revised } : { ours: revised, theirs: full };
}
