/**
 * The rows of the per-item model before ranking, in the sheet's order: our items (accepted topics
 * combined into one row at their first item, absent items among them by item number), then
 * insurer-only lines, the O&P row and the tax row.
 */
import type { Cents } from '../types/money';
import type { LineGap, Reconciliation } from '../types/reconciliation';
import type { ItemAnnotation, PursueState, StatusEntry } from '../types/knowledge';
import type { ModelRow, ModelRowKind } from '../types/model';
import { classifyDenial } from '../knowledge/denial';
import { OP_ITEM, TAX_ITEM } from '../knowledge/state';
import { formatMoney } from '../money';
import { labelledValues, topicOverrideCell, topicRfCell } from '../workbook/identity';
import { absentRows, placeAbsentRows } from './absent';

/** A row with nothing known yet: each builder sets what it knows. */
export function blankRow(kind: ModelRowKind, fields: Partial<ModelRow>): ModelRow {
  return {
    kind, items: [], label: '', area: '', name: '', ours: null, insurer: null, gap: 0, gapIsDifference: false, gapKind: '',
    denial: '', category: null, approve: '', approveSuggested: false, rebuttal: null, status: [], rfAsked: false, rfCell: '',
    reItem: '', override: '', closedOn: null, absentSince: null, remarks: [], topic: null, priority: null, nextStep: null, members: [],
    ...fields,
  };
}

/** The fields of a row that come from what a person typed. */
type TypedFields = Pick<ModelRow, 'denial' | 'category' | 'approve' | 'status' | 'rfAsked' | 'rfCell' | 'override' | 'closedOn'>;

/** What a person typed on an item, as a row shows it (typed denial first, else the insurer's note). */
export function typedFields(a: ItemAnnotation | undefined, note: string | null = null): TypedFields {
  const denial = (a?.denialText ?? '').trim() !== '' ? a!.denialText : (note ?? '');
  return {
    denial,
    category: denial.trim() !== '' ? classifyDenial(denial).category : null,
    approve: a?.reasonToApprove ?? '',
    status: a?.status ?? [],
    rfAsked: a?.rfAsked ?? false,
    rfCell: a?.rfAsked ? 'Y' : 'N',
    override: a?.override ?? '',
    closedOn: a?.closedOn ?? null,
  };
}

/** "5" for "5 (2)", the identity uniqueItemNumbers gives a repeated item number. */
function baseItem(item: string): string {
  return item.replace(/ \(\d+\)$/, '');
}

/** Why a person should look twice at one line's row. */
function lineRemarks(l: LineGap, repeats: LineGap[]): string[] {
  const remarks: string[] = [];
  if (l.match?.weak) remarks.push(`Check this pairing with RE item ${l.match.insurer.item}: ${l.match.notes.join('; ') || 'weak match'}.`);
  if (l.match && l.match.method === 'override') remarks.push(`Paired by your override with RE item ${l.match.insurer.item}.`);
  if (l.overrideNote) remarks.push(l.overrideNote);
  if (l.match && l.match.method === 'split') remarks.push(`One item against RE items ${l.match.insurer.item}: ${l.match.notes.join('; ')}.`);
  if (l.ours.amount - (l.match?.insurer.amount ?? 0) !== l.gap) remarks.push('Gap includes the line tax difference (tax folded into line gaps).');
  if (repeats.length > 1) {
    const others = repeats.filter((x) => x !== l).map((x) => `"${x.ours.item}" (row ${x.ours.row}${x.ours.area ? `, ${x.ours.area}` : ''})`);
    remarks.push(
      `Our estimate numbers more than one line ${baseItem(l.ours.item)}. This is the line at row ${l.ours.row} of our paste${l.ours.area ? ` (${l.ours.area})` : ''}, kept as "${l.ours.item}"; the other${others.length > 1 ? 's are' : ' is'} ${others.join(', ')}. Notes typed here stay with this line.`,
    );
  }
  return remarks;
}

/**
 * One line's row, written out field by field in blankRow's order: spreading two partial rows into
 * a blank one, 20,000 times, was most of the model's time (and garbage).
 */
function itemRow(l: LineGap, state: PursueState, repeats: LineGap[]): ModelRow {
  const ours = l.ours.amount;
  const insurer = l.match ? l.match.insurer.amount : 0;
  const t = typedFields(state.items[l.ours.item], l.match?.insurer.note?.trim() || null);
  return {
    kind: 'item', items: [l.ours.item], label: l.ours.item, area: l.ours.area, name: l.ours.description, ours, insurer, gap: l.gap,
    gapIsDifference: ours - insurer === l.gap, gapKind: l.kind, denial: t.denial, category: t.category, approve: t.approve,
    approveSuggested: false, rebuttal: null, status: t.status, rfAsked: t.rfAsked, rfCell: t.rfCell,
    reItem: l.match ? l.match.insurer.item : '', override: t.override, closedOn: t.closedOn, absentSince: null,
    remarks: lineRemarks(l, repeats), topic: null, priority: null, nextStep: null, members: [],
  };
}

function mergedStatus(entries: StatusEntry[][]): StatusEntry[] {
  const out: StatusEntry[] = [];
  for (const e of entries.flat()) {
    if (!out.some((o) => o.timestamp === e.timestamp && o.text === e.text && o.author === e.author)) out.push(e);
  }
  // Oldest first; the sort is stable so same-time entries keep their order.
  return out.sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0));
}

/** One row for an accepted topic; each member's own values labelled, so the read-back gives every member back its own. */
function topicRow(name: string, members: ModelRow[]): ModelRow {
  const per = <T>(f: (m: ModelRow) => T) => members.map((m) => ({ item: m.items[0]!, v: f(m) }));
  const kinds = [...new Set(members.map((m) => m.gapKind))];
  const ours = members.reduce((s, m) => s + (m.ours ?? 0), 0);
  const insurer = members.reduce((s, m) => s + (m.insurer ?? 0), 0);
  const gap = members.reduce((s, m) => s + m.gap, 0);
  // Each member knows its topic (--json says which topic a line is argued in).
  for (const m of members) m.topic = name;
  return blankRow('topic', {
    items: members.map((m) => m.items[0]!),
    label: members.map((m) => m.items[0]!).join(', '),
    area: [...new Set(members.map((m) => m.area).filter((a) => a !== ''))].join(', '),
    name: `${name}: ${members.map((m) => m.name).join('; ')}`,
    ours,
    insurer,
    gap,
    gapIsDifference: ours - insurer === gap,
    gapKind: kinds.length === 1 ? kinds[0]! : 'mixed',
    denial: labelledValues(per((m) => m.denial).map((x) => ({ item: x.item, text: x.v }))),
    approve: labelledValues(per((m) => m.approve).map((x) => ({ item: x.item, text: x.v }))),
    category: members.find((m) => m.category !== null)?.category ?? null,
    status: mergedStatus(members.map((m) => m.status)),
    rfAsked: members.some((m) => m.rfAsked),
    rfCell: topicRfCell(per((m) => m.rfAsked).map((x) => ({ item: x.item, asked: x.v }))),
    reItem: members.map((m) => m.reItem).filter((x) => x !== '').join(', '),
    override: topicOverrideCell(per((m) => m.override).map((x) => ({ item: x.item, override: x.v }))),
    closedOn: members.every((m) => m.closedOn !== null) ? members.map((m) => m.closedOn!).sort().at(-1)! : null,
    remarks: members.flatMap((m) => m.remarks.map((r) => `Item ${m.items[0]}: ${r}`)),
    topic: name,
    members,
  });
}

/** Our items in our item order; an accepted topic's items on one row, placed at its first item. */
function ourRows(rec: Reconciliation, state: PursueState): ModelRow[] {
  const lineByItem = new Map(rec.lines.map((l) => [l.ours.item, l]));
  const topicOf = new Map<string, string>();
  for (const t of state.topics) {
    if (t.state !== 'accepted') continue;
    for (const i of t.items) if (lineByItem.has(i) && !topicOf.has(i)) topicOf.set(i, t.name);
  }
  // Lines sharing an item number ("5" and "5 (2)"), so each row can say how to tell them apart.
  const repeatsOf = new Map<string, LineGap[]>();
  for (const l of rec.lines) {
    const base = baseItem(l.ours.item);
    const same = repeatsOf.get(base);
    if (same) same.push(l);
    else repeatsOf.set(base, [l]);
  }
  const row = (l: LineGap) => itemRow(l, state, repeatsOf.get(baseItem(l.ours.item)) ?? []);
  const rows: ModelRow[] = [];
  const membersOf = new Map<string, LineGap[]>();
  for (const l of rec.lines) {
    const name = topicOf.get(l.ours.item);
    if (name !== undefined) membersOf.set(name, [...(membersOf.get(name) ?? []), l]);
  }
  const done = new Set<string>();
  for (const l of rec.lines) {
    const name = topicOf.get(l.ours.item);
    if (name === undefined) rows.push(row(l));
    else if (!done.has(name)) {
      done.add(name);
      const members = (membersOf.get(name) ?? []).map(row);
      // A topic with one item left in this revision is just that item's row.
      rows.push(...(members.length < 2 ? members : [topicRow(name, members)]));
    }
  }
  return placeAbsentRows(rows, absentRows(rec, state));
}

function insurerOnlyRows(rec: Reconciliation): ModelRow[] {
  return rec.insurerOnly.map((o) =>
    blankRow('insurer-only', {
      label: `RE ${o.insurer.item}`,
      area: o.insurer.area,
      name: o.insurer.description,
      ours: 0,
      insurer: o.insurer.amount,
      gap: o.gap,
      gapIsDifference: -o.insurer.amount === o.gap,
      gapKind: 'insurer only',
      reItem: o.insurer.item,
      remarks: o.insurer.note ? [`Insurer's note: ${o.insurer.note}`] : [],
    }),
  );
}

/** The O&P or tax row: from the recaps when the engine's gap is their difference, else only the gap. */
function recapRow(kind: 'op' | 'tax', item: string, state: PursueState, figures: { ours: Cents; insurer: Cents; gap: Cents }, names: [string, string], why: string): ModelRow {
  const fromRecaps = figures.ours - figures.insurer === figures.gap;
  const typed = typedFields(state.items[item]);
  return blankRow(kind, {
    items: [item],
    label: item,
    name: fromRecaps ? names[0] : names[1],
    ours: fromRecaps ? figures.ours : null,
    insurer: fromRecaps ? figures.insurer : null,
    gap: figures.gap,
    gapIsDifference: fromRecaps,
    gapKind: kind === 'op' ? 'O&P' : 'tax',
    ...typed,
    // The O&P row argues O&P whatever the denial says; its rows keep no close date.
    category: kind === 'op' ? 'op' : typed.category,
    closedOn: null,
    remarks: fromRecaps ? [] : [why],
  });
}

function opAndTaxRows(rec: Reconciliation, state: PursueState): ModelRow[] {
  const opDiff = rec.ours.overheadProfit - rec.theirs.overheadProfit;
  const taxDiff = rec.ours.tax - rec.theirs.tax;
  return [
    recapRow('op', OP_ITEM, state, { ours: rec.ours.overheadProfit, insurer: rec.theirs.overheadProfit, gap: rec.overheadProfitGap },
      ['Overhead & profit (O&P), from the recaps', 'Overhead & profit (O&P)'],
      `The engine's O&P gap differs from our O&P minus the insurer's (${formatMoney(opDiff)}).`),
    recapRow('tax', TAX_ITEM, state, { ours: rec.ours.tax, insurer: rec.theirs.tax, gap: rec.taxGap },
      ['Material sales tax, from the recaps', 'Material sales tax no line explains'],
      `Tax is folded into the line gaps; this row holds only the tax gap no line explains (total tax difference ${formatMoney(taxDiff)}).`),
  ];
}

/** Every row of Pursue Items, undecorated (no suggestion, rank or next step yet). */
export function modelRows(rec: Reconciliation, state: PursueState): ModelRow[] {
  return [...ourRows(rec, state), ...insurerOnlyRows(rec), ...opAndTaxRows(rec, state)];
}
