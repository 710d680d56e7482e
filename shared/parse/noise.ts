import type { Problem, ProblemSide } from '../types/problem';
import { compactRanges, rowsOfPageText } from './text-kinds';

/**
 * Text printed around an estimate's lines that is never a line, an area or a total: page headers
 * and footers, page numbers, the sketch's labels and dimensions, room measurements. Estimating
 * software prints it on every page, so a paste can hold hundreds of such rows; they are reported
 * in one note with row ranges rather than one problem a row.
 */
export type NoiseKind = 'furniture' | 'sketch' | 'dimension' | 'text';

/** A token printed by a sketch with every character doubled: "LLiivviinngg", "((BB11))". */
export function isDoubledToken(t: string): boolean {
  if (t.length < 4 || t.length % 2 !== 0 || !/[A-Za-z()]/.test(t)) return false;
  let pairs = 0;
  for (let i = 0; i + 1 < t.length; i += 2) if (t[i] === t[i + 1]) pairs++;
  return pairs >= (t.length / 2) * 0.75;
}

/** A dimension fragment as a sketch prints it: 12' 10", "11, '1, 25'. */
const DIM_TOKEN = /^['"]?\d+(\.\d+)?['"]$|^['"]\d+$|^[xX]$/;

/** Words that name room measurements ("1,093.33 SF Walls", "3397.66 Surface Area"). */
const MEASURE_WORDS = /^(walls?|ceiling|ceil\.?|floor|flooring|perimeter|surface|area|squares?|number|of|ridge|hip|valley|eaves?|rakes?|length|long|short|wall|&|total|and|step|flashing|drip|edge|gutters?|soffit|fascia|footprint|exterior|interior|subtractions|building|\(ground\)|openings?)$/i;
const MEASURE_RUN = /^[\d,]+(\.\d+)?$/;
const UNIT = /^(SF|SY|LF|SQ|CF|CY|EA)$/;

function isMeasurementLine(tokens: string[]): boolean {
  // "1,093.33 SF Walls 1,130.27 SF Ceiling", "3397.66 Surface Area", "28.40 Number of Squares".
  if (tokens.length < 2 || !MEASURE_RUN.test(tokens[0])) return false;
  let sawWord = false;
  for (const t of tokens) {
    if (MEASURE_RUN.test(t) || UNIT.test(t)) continue;
    if (!MEASURE_WORDS.test(t)) return false;
    sawWord = true;
  }
  return sawWord;
}

/** "Roof area: 2,799.23 SF Squares: 28.0 SQ", "Exterior: 1,722.43 SF", "Height: 8'". */
const LABELLED_MEASURES = /^(?:[A-Za-z][A-Za-z ()./-]{0,40}:\s*[\d,]+(?:\.\d+)?\s*(?:SF|SY|LF|SQ|CF|CY|EA|')?\s*)+$/;
/** "Window 3' X 3' Opens into Exterior", "Missing Wall - Goes to Floor 5' X 6' 8\"". */
const OPENING = /\d+'\s*(?:\d+")?\s*[xX]\s*\d+'|\bopens into\b/i;
/** "Living Room Height: 8'", "Height: 8'" (the room's heading and height). */
export const ROOM_HEIGHT = /^(.*?)\s*\bHeight:\s*\d+'\s*(?:\d+")?\s*$/i;
/** What ROOM_HEIGHT needs somewhere in the line: a quick test first, as most lines lack it. */
const HEIGHT_WORD = /height:/i;

/** ROOM_HEIGHT's match ("Roof  Height: 8'"), or null; the costly pattern runs only where "Height:" is. */
export function roomHeight(text: string): RegExpExecArray | null {
  return HEIGHT_WORD.test(text) ? ROOM_HEIGHT.exec(text) : null;
}

const PAGE = /\bpage:?\s*\d+(\s*of\s*\d+)?\b/i;
const DATE_ONLY = /^\d{1,2}\/\d{1,2}\/\d{2,4}(\s+\d{1,2}:\d{2}(\s*[AP]M)?)?$/i;

/** A room name with sketch text run into it: "MMaasstteerr BBeeddrroooomm CONTINUED - Master Bedroom". */
export function cleanRoomName(name: string): string {
  const tokens = name.trim().split(/\s+/);
  let k = 0;
  while (k < tokens.length && (isDoubledToken(tokens[k]) || DIM_TOKEN.test(tokens[k]))) k++;
  return tokens.slice(k).join(' ').replace(/^continued\s*[-–:]\s*/i, '').trim();
}

/** What kind of noise a line is (null: not noise). `repeated` = printed on several pages. */
export function noiseKind(text: string, repeated = false): NoiseKind | null {
  const t = text.trim();
  if (t === '') return null;
  const tokens = t.split(/\s+/);
  const doubled = tokens.filter(isDoubledToken).length;
  if (doubled > 0 && doubled * 2 >= tokens.filter((x) => x.length >= 3).length) return 'sketch';
  if (tokens.every((x) => DIM_TOKEN.test(x) || isDoubledToken(x)) && /['"]/.test(t)) return 'sketch';
  if (roomHeight(t)) return 'dimension';
  if (isMeasurementLine(tokens) || LABELLED_MEASURES.test(t) || OPENING.test(t)) return 'dimension';
  if (/^subroom:/i.test(t) || /^[A-Za-z]*[A-Z]{2,}[a-z]*:\s*Closet/.test(t)) return 'sketch';
  if (PAGE.test(t) || DATE_ONLY.test(t) || /^\d{1,3}$/.test(t)) return 'furniture';
  if (/^\*\s*price is inclusive/i.test(t)) return 'furniture';
  if (repeated) return 'furniture';
  return null;
}

/** Collects noise rows and reports them once. */
export class NoiseReport {
  private rows: Record<NoiseKind, number[]> = { furniture: [], sketch: [], dimension: [], text: [] };
  private samples: string[] = [];

  add(kind: NoiseKind, row: number, text: string): void {
    this.rows[kind].push(row);
    if (kind === 'text' && this.samples.length < 3) this.samples.push(text.trim().slice(0, 40));
  }

  get count(): number {
    return Object.values(this.rows).reduce((a, r) => a + r.length, 0);
  }

  report(problems: Problem[], side: ProblemSide): void {
    if (this.count === 0) return;
    const parts: string[] = [];
    const name: Record<NoiseKind, string> = {
      furniture: 'page headers, footers and page numbers',
      sketch: 'sketch labels',
      dimension: 'room measurements',
      text: 'other text',
    };
    for (const k of ['furniture', 'sketch', 'dimension', 'text'] as NoiseKind[]) {
      const r = this.rows[k];
      if (r.length) parts.push(`${name[k]} (${r.length === 1 ? `row ${r[0]}` : `${r.length}: rows ${compactRanges(r)}`})`);
    }
    const eg = this.samples.length ? ` Other text left out, e.g. "${this.samples.join('", "')}".` : '';
    problems.push({
      side, row: null, severity: 'info', code: 'rows-skipped',
      message: `${rowsOfPageText(this.count)} left out: ${parts.join('; ')}.${eg}`,
    });
  }
}
