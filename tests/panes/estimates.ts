/**
 * Xactimate-style estimate text of any length for the pane tests and the bench: areas, numbered
 * lines, and an insurer's revision that denies, reprices, rewords and cuts some of them.
 */
import { extension, formatPlain } from '../../shared/index';

const WORDS = ['Drip edge', 'Step flashing', 'Valley metal', 'R&R Siding - vinyl', 'Ice & water barrier', 'Roof vent - turtle type', 'Gutter / downspout - aluminum', 'House wrap', 'Ridge cap - composition', 'Starter course'];
const AREAS = ['Roof', 'Front Elevation', 'Rear Elevation', 'Left Elevation', 'Right Elevation', 'Garage', 'Shed', 'Porch'];
const UNITS = ['LF', 'SF', 'EA', 'SQ'];

export function estimateText(n: number, insurer: boolean): string {
  const out: string[] = [];
  let area = '';
  let num = 0;
  for (let k = 0; k < n; k++) {
    const a = AREAS[Math.floor(k / 50) % AREAS.length] + (k >= 400 ? ` ${Math.floor(k / 400)}` : '');
    if (a !== area) {
      area = a;
      out.push('', area, '', 'DESCRIPTION  QUANTITY UNIT PRICE  TAX  O&P  RCV');
    }
    if (insurer && k % 10 === 3) continue;
    let desc = `${WORDS[k % WORDS.length]} - grade ${k}`;
    if (insurer && k % 10 === 7) desc = `${WORDS[k % WORDS.length]} grade ${k} (carrier wording)`;
    const qty = ((k * 37) % 5000) / 10 + 1 - (insurer && k % 10 === 5 ? 0.5 : 0);
    const price = 100 + ((k * 7919) % 40000) - (insurer && k % 10 === 1 ? 7 : 0);
    num++;
    out.push(`${num}.  ${desc}   ${qty.toFixed(2)} ${UNITS[k % UNITS.length]}   ${formatPlain(price)}   0.00   0.00   ${formatPlain(extension(qty, price))}`);
  }
  return out.join('\n');
}

/** One line of text per row in column A, as a PDF paste lands in a sheet. */
export const asColumnA = (text: string): string[][] => text.split('\n').map((l) => [l]);
