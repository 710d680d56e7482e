import type { StatusEntry } from '../types/knowledge';

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function isoDate(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2999) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

function parseIso(date: string): { y: number; m: number; d: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return null;
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

/** Whole days from a to b (ISO dates). */
export function daysBetween(a: string, b: string): number {
  const pa = parseIso(a);
  const pb = parseIso(b);
  if (!pa || !pb) return NaN;
  return Math.round((Date.UTC(pb.y, pb.m - 1, pb.d) - Date.UTC(pa.y, pa.m - 1, pa.d)) / 86400000);
}

/**
 * A date typed without a year is this year's, unless that is more than a month ahead of today:
 * a status note is about something that happened, so "12/28" typed on 1/05 is last December.
 */
function withYear(m: number, d: number, today: string): string | null {
  const t = parseIso(today);
  if (!t) return null;
  const same = isoDate(t.y, m, d);
  if (same === null) return m === 2 && d === 29 ? isoDate(t.y - 1, m, d) : null;
  return daysBetween(today, same) > 31 ? isoDate(t.y - 1, m, d) : same;
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? 2000 + n : n;
}

/** Where a leading date ends, and what it is. */
function leadingDate(text: string, today: string): { date: string; rest: string } | null {
  const s = text.replace(/[\u00a0\u2007\u202f]/g, ' ').trimStart();
  let m: RegExpExecArray | null;
  let date: string | null = null;
  let length = 0;
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\d/])/.exec(s))) {
    date = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  } else if ((m = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?(?![\d/])/.exec(s)) || (m = /^(\d{1,2})-(\d{1,2})-(\d{4})(?![\d-])/.exec(s))) {
    // "/" always; "-" only with a four-digit year, since "10-12" in a note is usually a pitch or a range.
    // US order, as the team writes: month/day[/year].
    date = m[3] !== undefined ? isoDate(fullYear(m[3]), Number(m[1]), Number(m[2])) : withYear(Number(m[1]), Number(m[2]), today);
  } else if ((m = new RegExp(`^(${MONTH_NAMES})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?(?![\\d])`, 'i').exec(s))) {
    const month = MONTHS[m[1].toLowerCase()];
    date = m[3] !== undefined ? isoDate(Number(m[3]), month, Number(m[2])) : withYear(month, Number(m[2]), today);
  } else if ((m = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_NAMES})\\.?(?:,?\\s+(\\d{4}))?(?![a-z\\d])`, 'i').exec(s))) {
    const month = MONTHS[m[2].toLowerCase()];
    date = m[3] !== undefined ? isoDate(Number(m[3]), month, Number(m[1])) : withYear(month, Number(m[1]), today);
  }
  if (!m || date === null) return null;
  length = m[0].length;
  // The separator people put after the date: " – ", " - ", ": ", ", ", or just a space.
  const rest = s.slice(length).replace(/^\s*(?:[-–—:,|]+\s*)?/, '').trim();
  return { date, rest };
}

/**
 * A date as people type it at the start of a note: "9/03", "09/03/2026", "9/3/26", "2026-09-03",
 * "Sep 3", "3 Sept 2026". US month/day order. Returns yyyy-mm-dd, or null when there is no date.
 */
export function parseStatusDate(text: string, today: string): string | null {
  return leadingDate(text, today)?.date ?? null;
}

/** "9/03/2026": how the notes cell shows a date. */
export function formatStatusDate(iso: string): string {
  const p = parseIso(iso);
  if (!p) return iso;
  return `${p.m}/${pad2(p.d)}/${p.y}`;
}

const WHO = [
  /\b(?:with|to|from|by|for|called|emailed|texted|cc|[Cc]alled|[Ee]mailed|[Tt]exted)\s+(?:(?:adjuster|rep|manager|supervisor|agent|inspector|homeowner|mr|ms|mrs|dr)\.?\s+)?(?!(?:Adjuster|Carrier|Insurance|The|Office|Desk|Field)\b)(?:[A-Z]\.\s*)?[A-Z][a-z'’-]+/,
  /\b(?:[Aa]djuster|[Rr]ep|[Mm]anager|[Ss]upervisor|[Aa]gent|[Ii]nspector|[Ee]xaminer|[Aa]ppraiser)\s+(?:[A-Z]\.\s*)?[A-Z][a-z'’-]+/,
  /\b[A-Z]\.\s?[A-Z][a-z'’-]+/,
  /\b(?:Mr|Ms|Mrs|Dr)\.?\s+[A-Z]/,
  /\b(?:[Hh]omeowners?|[Hh]ome owners?|[Ii]nsured|[Pp]olicyholder|HO|RF|[Ff]ield rep|[Oo]ur rep)\b/,
  /[\w.+-]+@[\w-]+\.[\w.]+/,
  /\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}/,
];

const WHAT = /\b(?:said|says|stated|told|tells|confirm(?:s|ed)?|agree(?:s|d)?|denie[sd]|approve[sd]?|refuse[sd]?|decline[sd]?|accept(?:s|ed)?|offer(?:s|ed)?|will|won'?t|wants?|needs?|asked|requested|explained|advised|sent|received|submitted|provided|reviewed|voicemail|vm|no answer|no response|not available|out of office|reinspect(?:ion)?|because|due to|per|pending|escalat(?:e|ed)|supplement(?:ed)?|paid|revis(?:e|ed|ion)|photos?|code|invoice|citation|report|estimate)\b/i;

const NEXT = /\b(?:next|follow[- ]?up|f\/u|call back|callback|call again|to (?:send|call|email|get|request|follow|check|submit|review|schedule)|will (?:send|call|email|review|revise|reinspect|get|check|submit|schedule|follow|reply|respond|look)|waiting|await(?:ing)?|expect(?:ing|s)?|scheduled|by (?:mon|tue|wed|thu|fri|sat|sun|tomorrow|end of|eod|\d)|tomorrow|todo|to-do|plan|then)\b/i;

/**
 * What a status note lacks to be useful on the next call: who (a named person), what was said,
 * the next step. "Called adjuster" lacks all three; "spoke to adjuster J. Ruiz, confirmed denial
 * reason; next: send code citation" lacks none.
 */
export function vagueness(text: string): string[] {
  const missing: string[] = [];
  if (!WHO.some((re) => re.test(text))) missing.push('who');
  if (!WHAT.test(text)) missing.push('what was said');
  if (!NEXT.test(text)) missing.push('next step');
  return missing;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/**
 * A new entry as a person types it. A leading date ("9/03 – ...") is the day it is about; without
 * one it is about today. It is stamped with the time it was recorded and flagged with what it lacks.
 */
export function makeStatusEntry(text: string, nowIso: string, author: string): StatusEntry {
  const today = nowIso.slice(0, 10);
  const lead = leadingDate(text, today);
  const body = oneLine(lead ? lead.rest : text);
  return {
    date: lead ? lead.date : today,
    timestamp: nowIso,
    author,
    text: body,
    missing: vagueness(body),
  };
}

/**
 * The entries in a notes cell, one per line, as a person typed them or as formatStatusCell wrote
 * them. A line without a leading date gets today's and is flagged "date", since the day it is
 * about is not known.
 */
export function parseStatusCell(cell: string, today: string, author = ''): StatusEntry[] {
  const entries: StatusEntry[] = [];
  for (const raw of cell.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const lead = leadingDate(line, today);
    const date = lead ? lead.date : today;
    const text = lead ? lead.rest : line;
    const missing = vagueness(text);
    if (!lead) missing.push('date');
    entries.push({ date, timestamp: `${date}T00:00:00`, author, text, missing });
  }
  return entries;
}

/** Adds one entry at the end. A NEW array: the earlier entries are neither edited nor dropped. */
export function appendStatus(entries: readonly StatusEntry[], entry: StatusEntry): StatusEntry[] {
  return [...entries, { ...entry, missing: [...entry.missing] }];
}

/** The notes cell: "9/03/2026 – spoke to adjuster J. Ruiz ...", one entry per line, oldest first. */
export function formatStatusCell(entries: readonly StatusEntry[]): string {
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : a.i - b.i))
    .map(({ e }) => `${formatStatusDate(e.date)} – ${oneLine(e.text)}`)
    .join('\n');
}
