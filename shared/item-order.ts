/**
 * The one order of item numbers, used wherever items are listed (the reconciliation, the sheet, the
 * topics, readiness, priorities): a total order, so the same items always come out the same way on
 * every host whatever its locale. Leading and trailing spaces do not count (" 3" sorts as "3");
 * case and leading zeros only break ties ("07" < "7", "7A" < "7a"), so the result never depends on
 * the input's order.
 */
// Item numbers compared the way a person reads them: "2" < "10" < "10a" < "11". Written out
// rather than with localeCompare: no dependence on the host's locale, and no collator built per call.
export function compareItems(a: string, b: string): number {
  const byReading = compareAsRead(a.trim(), b.trim());
  if (byReading !== 0) return byReading;
  // Equal as read (" 3" and "3", "7A" and "7a", "7" and "07"): the raw text decides, so the
  // order is total and never depends on the order items arrive in.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Digit runs by value, other runs case-insensitively, a shorter item first when one is a prefix. */
function compareAsRead(a: string, b: string): number {
  const chunk = /(\d+|\D+)/g;
  const ca = a.match(chunk) ?? [];
  const cb = b.match(chunk) ?? [];
  const n = Math.min(ca.length, cb.length);
  for (let i = 0; i < n; i++) {
    const x = ca[i]!;
    const y = cb[i]!;
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    if (dx && dy) {
      const diff = Number(x) - Number(y);
      if (diff !== 0) return diff;
    } else if (dx !== dy) {
      return dx ? -1 : 1; // numbers before words
    } else {
      const lx = x.toLowerCase();
      const ly = y.toLowerCase();
      if (lx !== ly) return lx < ly ? -1 : 1;
    }
  }
  return ca.length - cb.length;
}
