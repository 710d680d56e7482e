// Dates as a US account manager reads them (9/8/2025, 9/8/2025 2:03 PM), stored as real spreadsheet
// dates (day serials) so they sort and filter as dates. The engine keeps ISO strings inside; these
// convert at the sheet's edge, and the read-back turns serials back into the same ISO text.

/** Number formats for the Status Log's Timestamp and Date cells. */
export const DATE_FMT = { date: 'm/d/yyyy', timestamp: 'm/d/yyyy h:mm AM/PM' } as const;

/** "2025-09-08" or "2025-09-08T14:03:22" → Excel's day serial (days since 1899-12-30), exact to the second. */
export function isoToSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(iso.trim());
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  const secs = ms / 1000 + 25569 * 86400;
  // Whole days stay integers; a time of day is a fraction the read-back rounds to the second.
  return secs / 86400;
}

/** "2025-09-08" → "9/8/2025" (text for sentences and titles). */
export function usDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${Number(m[2])}/${Number(m[3])}/${m[1]}` : iso;
}
