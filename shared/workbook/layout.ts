/** Sheet names and columns of the Pursue workbook: one place, shared by build, read-back and patches. */

export const SHEETS = {
  pursue: 'Pursue Items',
  brief: 'Call Brief',
  log: 'Status Log',
  topics: 'Topics',
  rebuttals: 'Rebuttals',
  priority: 'Priority',
  checks: 'Checks',
} as const;

/** Pursue Items columns, left to right (0-based index = position). */
export const PURSUE_COLUMNS = [
  'Priority',
  'Item No(s).',
  'Area',
  'Item Name',
  'Ours $',
  'Insurer $',
  'Gap $',
  'Gap kind',
  'Reason for denial',
  'Reason to approve',
  'Status / notes',
  'Next step',
  'RF asked',
  'RE Item No.',
  'Match override',
  'Key',
] as const;

export const PC = {
  priority: 0,
  item: 1,
  area: 2,
  name: 3,
  ours: 4,
  insurer: 5,
  gap: 6,
  kind: 7,
  denial: 8,
  approve: 9,
  status: 10,
  nextStep: 11,
  rf: 12,
  reItem: 13,
  override: 14,
  key: 15,
} as const;

export const LOG_COLUMNS = ['Timestamp', 'Date', 'Item', 'Author', 'Entry', 'Missing'] as const;
export const LC = { timestamp: 0, date: 1, item: 2, author: 3, text: 4, missing: 5 } as const;

export const TOPIC_COLUMNS = ['Topic', 'Item Nos.', 'Gap $', 'State'] as const;
export const TC = { name: 0, items: 1, gap: 2, state: 3 } as const;

/** Labels of the totals block; tests and readers find the rows by these beginnings. */
export const TOTAL_LABELS = {
  sum: 'Sum of gaps (items, insurer-only, O&P, tax)',
  total: 'Total gap (our RCV − approved RCV)',
  residual: 'Residual (total gap − sum of gaps)',
} as const;

/** Prefix of a reason to approve the workbook suggested (not typed by a person). */
export const SUGGESTED_PREFIX = 'Suggested: ';

/** Item keys used for the O&P and tax rows' annotations. */
export const OP_ITEM = 'O&P';
export const TAX_ITEM = 'Tax';

export const GAP_KINDS = ['denied', 'quantity', 'price', 'quantity+price', 'equal', 'mixed'] as const;

/** Short stable hash (FNV-1a, base 36) to recognise text the workbook wrote itself. */
export function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/**
 * The Key cell: "item:12", "topic:Siding", "re:5", "op", "tax", "sum", "total", "residual",
 * then ";name=value" attributes (r = hash of a suggested reason to approve, closed = ISO date).
 */
export interface RowKey {
  kind: string;
  id: string;
  attrs: Record<string, string>;
}

export function formatKey(kind: string, id: string, attrs: Record<string, string> = {}): string {
  const head = id === '' ? kind : `${kind}:${id}`;
  const tail = Object.entries(attrs)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `;${k}=${v}`)
    .join('');
  return head + tail;
}

export function parseKey(text: string): RowKey | null {
  const t = text.trim();
  if (t === '') return null;
  // Walked with indexOf rather than split and a rest spread: a re-run parses one Key per row.
  const semi = t.indexOf(';');
  const head = semi < 0 ? t : t.slice(0, semi);
  const colon = head.indexOf(':');
  const kind = colon < 0 ? head : head.slice(0, colon);
  const id = colon < 0 ? '' : head.slice(colon + 1);
  if (!KEY_KIND.test(kind)) return null;
  const attrs: Record<string, string> = {};
  for (let at = semi; at >= 0; ) {
    const next = t.indexOf(';', at + 1);
    const part = next < 0 ? t.slice(at + 1) : t.slice(at + 1, next);
    const eq = part.indexOf('=');
    if (eq > 0) attrs[part.slice(0, eq)] = part.slice(eq + 1);
    at = next;
  }
  return { kind, id, attrs };
}

const KEY_KIND = /^[a-z]+$/;
