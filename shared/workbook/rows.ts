import type { Cents } from '../types/money';
import type { LineGap, Reconciliation } from '../types/reconciliation';
import type { DenialCategory, ItemAnnotation, PriorityScore, PursueState, Rebuttal, StatusEntry } from '../types/knowledge';
import { classifyDenial, OP_DESCRIPTION, scorePriorities, suggestRebuttal } from '../knowledge';
import { formatMoney } from '../money';
import { OP_ITEM, SUGGESTED_PREFIX, TAX_ITEM } from './layout';
import { labelledValues, topicOverrideCell, topicRfCell } from './identity';
import { absentRows, placeAbsentRows } from './absent-rows';

/** One row of the Pursue Items table, before it becomes cells. Shared by the sheet and the CRM text. */
export interface PursueRow {
  kind: 'item' | 'topic' | 'insurer-only' | 'op' | 'tax';
  /** Our item numbers on this row (one, several for a topic, none for insurer-only / O&P / tax). */
  items: string[];
  /** Item No(s). as shown. */
  label: string;
  /** Where the item is (the estimate's area or room); several for a topic. Tells "R&R Siding - vinyl" rows apart. */
  area: string;
  name: string;
  ours: Cents | null;
  insurer: Cents | null;
  gap: Cents;
  /** True when gap = ours − insurer, so the sheet can hold it as a live formula. */
  gapIsDifference: boolean;
  gapKind: string;
  denial: string;
  /** What the Reason to approve cell shows: typed text, or a suggestion with SUGGESTED_PREFIX. */
  approve: string;
  approveSuggested: boolean;
  rebuttal: Rebuttal | null;
  category: DenialCategory | null;
  status: StatusEntry[];
  rfAsked: boolean;
  /** What the RF asked cell shows: Y / N, or on a topic row "Y: 7, 9" when only some members were asked. */
  rfCell: string;
  reItem: string;
  override: string;
  closedOn: string | null;
  /** Set (ISO date) on the row of an item our estimate no longer has (absent-rows.ts). */
  absentSince?: string | null;
  /** Why a person should look twice (weak match, tax folded...), for cell notes. */
  remarks: string[];
  topic: string | null;
  priority: PriorityScore | null;
}

export function insurerAmount(l: LineGap): Cents {
  return l.match ? l.match.insurer.amount : 0;
}


function annotation(state: PursueState, item: string): ItemAnnotation | undefined {
  return state.items[item];
}

function mergedStatus(entries: StatusEntry[][]): StatusEntry[] {
  const all = entries.flat();
  const out: StatusEntry[] = [];
  for (const e of all) {
    if (!out.some((o) => o.timestamp === e.timestamp && o.text === e.text && o.author === e.author)) out.push(e);
  }
  // Oldest first; the sort is stable so same-time entries keep their order.
  return out.sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0));
}

/** "5" for "5 (2)", the identity uniqueItemNumbers gives a repeated item number. */
function baseItem(item: string): string {
  return item.replace(/ \(\d+\)$/, '');
}

/**
 * Builds the rows in the sheet's order: our items (accepted topics combined into one row, placed at
 * their first item), then insurer-only lines, the O&P row and the tax row.
 */
export function pursueRows(rec: Reconciliation, state: PursueState): PursueRow[] {
  const accepted = state.topics.filter((t) => t.state === 'accepted' && t.items.length > 0);
  const lineByItem = new Map(rec.lines.map((l) => [l.ours.item, l]));
  const topicOf = new Map<string, string>();
  for (const t of accepted) for (const i of t.items) if (lineByItem.has(i) && !topicOf.has(i)) topicOf.set(i, t.name);

  // Lines sharing an item number ("5" and "5 (2)"), so each row can say how to tell them apart.
  const repeatsOf = new Map<string, LineGap[]>();
  for (const l of rec.lines) repeatsOf.set(baseItem(l.ours.item), [...(repeatsOf.get(baseItem(l.ours.item)) ?? []), l]);
  const rows: PursueRow[] = [];
  const doneTopics = new Set<string>();

  const itemRow = (l: LineGap): PursueRow => {
    const a = annotation(state, l.ours.item);
    const denial = a?.denialText ?? '';
    const category = denial.trim() !== '' ? classifyDenial(denial).category : null;
    const remarks: string[] = [];
    if (l.match?.weak) remarks.push(`Check this pairing with RE item ${l.match.insurer.item}: ${l.match.notes.join('; ') || 'weak match'}.`);
    if (l.match && l.match.method === 'override') remarks.push(`Paired by your override with RE item ${l.match.insurer.item}.`);
    if (l.overrideNote) remarks.push(l.overrideNote);
    if (l.match && l.match.method === 'split') remarks.push(`One item against RE items ${l.match.insurer.item}: ${l.match.notes.join('; ')}.`);
    const ours = l.ours.amount;
    const insurer = insurerAmount(l);
    if (ours - insurer !== l.gap) remarks.push('Gap includes the line tax difference (tax folded into line gaps).');
    const repeats = repeatsOf.get(baseItem(l.ours.item)) ?? [];
    if (repeats.length > 1) {
      const others = repeats.filter((x) => x !== l).map((x) => `"${x.ours.item}" (row ${x.ours.row}${x.ours.area ? `, ${x.ours.area}` : ''})`);
      remarks.push(
        `Our estimate numbers more than one line ${baseItem(l.ours.item)}. This is the line at row ${l.ours.row} of our paste${l.ours.area ? ` (${l.ours.area})` : ''}, kept as "${l.ours.item}"; the other${others.length > 1 ? 's are' : ' is'} ${others.join(', ')}. Notes typed here stay with this line.`,
      );
    }
    return {
      kind: 'item',
      items: [l.ours.item],
      label: l.ours.item,
      area: l.ours.area,
      name: l.ours.description,
      ours,
      insurer,
      gap: l.gap,
      gapIsDifference: ours - insurer === l.gap,
      gapKind: l.kind,
      denial,
      approve: a?.reasonToApprove ?? '',
      approveSuggested: false,
      rebuttal: null,
      category,
      status: a?.status ?? [],
      rfAsked: a?.rfAsked ?? false,
      rfCell: a?.rfAsked ? 'Y' : 'N',
      reItem: l.match ? l.match.insurer.item : '',
      override: a?.override ?? '',
      closedOn: a?.closedOn ?? null,
      remarks,
      topic: null,
      priority: null,
    };
  };

  for (const l of rec.lines) {
    const topicName = topicOf.get(l.ours.item);
    if (topicName === undefined) {
      rows.push(itemRow(l));
      continue;
    }
    if (doneTopics.has(topicName)) continue;
    doneTopics.add(topicName);
    const members = rec.lines.filter((m) => topicOf.get(m.ours.item) === topicName).map(itemRow);
    // A topic with one item left in this revision is just that item's row.
    if (members.length < 2) {
      rows.push(...members);
      continue;
    }
    const per = <T,>(f: (m: PursueRow) => T) => members.map((m) => ({ item: m.items[0]!, v: f(m) }));
    const kinds = [...new Set(members.map((m) => m.gapKind))];
    const ours = members.reduce((s, m) => s + (m.ours ?? 0), 0);
    const insurer = members.reduce((s, m) => s + (m.insurer ?? 0), 0);
    const gap = members.reduce((s, m) => s + m.gap, 0);
    const closed = members.every((m) => m.closedOn !== null) ? members.map((m) => m.closedOn!).sort().at(-1)! : null;
    rows.push({
      kind: 'topic',
      items: members.map((m) => m.items[0]!),
      label: members.map((m) => m.items[0]!).join(', '),
      area: [...new Set(members.map((m) => m.area).filter((a) => a !== ''))].join(', '),
      name: `${topicName}: ${members.map((m) => m.name).join('; ')}`,
      ours,
      insurer,
      gap,
      gapIsDifference: ours - insurer === gap,
      gapKind: kinds.length === 1 ? kinds[0]! : 'mixed',
      // Each member's own values, labelled, so the read-back gives every member back its own.
      denial: labelledValues(per((m) => m.denial).map((x) => ({ item: x.item, text: x.v }))),
      approve: labelledValues(per((m) => m.approve).map((x) => ({ item: x.item, text: x.v }))),
      approveSuggested: false,
      rebuttal: null,
      category: members.find((m) => m.category !== null)?.category ?? null,
      status: mergedStatus(members.map((m) => m.status)),
      rfAsked: members.some((m) => m.rfAsked),
      rfCell: topicRfCell(per((m) => m.rfAsked).map((x) => ({ item: x.item, asked: x.v }))),
      reItem: members.map((m) => m.reItem).filter((x) => x !== '').join(', '),
      override: topicOverrideCell(per((m) => m.override).map((x) => ({ item: x.item, override: x.v }))),
      closedOn: closed,
      remarks: members.flatMap((m) => m.remarks.map((r) => `Item ${m.items[0]}: ${r}`)),
      topic: topicName,
      priority: null,
    });
  }

  const itemRows = placeAbsentRows(rows, absentRows(rec, state));
  rows.length = 0;
  rows.push(...itemRows);

  for (const o of rec.insurerOnly) {
    rows.push({
      kind: 'insurer-only',
      items: [],
      label: `RE ${o.insurer.item}`,
      area: o.insurer.area,
      name: o.insurer.description,
      ours: 0,
      insurer: o.insurer.amount,
      gap: o.gap,
      gapIsDifference: -o.insurer.amount === o.gap,
      gapKind: 'insurer only',
      denial: '',
      approve: '',
      approveSuggested: false,
      rebuttal: null,
      category: null,
      status: [],
      rfAsked: false,
      rfCell: '',
      reItem: o.insurer.item,
      override: '',
      closedOn: null,
      remarks: o.insurer.note ? [`Insurer's note: ${o.insurer.note}`] : [],
      topic: null,
      priority: null,
    });
  }

  const extraRow = (kind: 'op' | 'tax', item: string, name: string, ours: Cents | null, insurer: Cents | null, gap: Cents, remarks: string[]): PursueRow => {
    const a = annotation(state, item);
    const denial = a?.denialText ?? '';
    return {
      kind,
      items: [item],
      label: item,
      area: '',
      name,
      ours,
      insurer,
      gap,
      gapIsDifference: ours !== null && insurer !== null && ours - insurer === gap,
      gapKind: kind === 'op' ? 'O&P' : 'tax',
      denial,
      approve: a?.reasonToApprove ?? '',
      approveSuggested: false,
      rebuttal: null,
      category: kind === 'op' ? 'op' : denial.trim() !== '' ? classifyDenial(denial).category : null,
      status: a?.status ?? [],
      rfAsked: a?.rfAsked ?? false,
      rfCell: a?.rfAsked ? 'Y' : 'N',
      reItem: '',
      override: '',
      closedOn: null,
      remarks,
      topic: null,
      priority: null,
    };
  };
  const opDiff = rec.ours.overheadProfit - rec.theirs.overheadProfit;
  rows.push(
    opDiff === rec.overheadProfitGap
      ? extraRow('op', OP_ITEM, 'Overhead & profit (O&P), from the recaps', rec.ours.overheadProfit, rec.theirs.overheadProfit, rec.overheadProfitGap, [])
      : extraRow('op', OP_ITEM, 'Overhead & profit (O&P)', null, null, rec.overheadProfitGap, [
          `The engine's O&P gap differs from our O&P minus the insurer's (${formatMoney(opDiff)}).`,
        ]),
  );
  const taxDiff = rec.ours.tax - rec.theirs.tax;
  rows.push(
    taxDiff === rec.taxGap
      ? extraRow('tax', TAX_ITEM, 'Material sales tax, from the recaps', rec.ours.tax, rec.theirs.tax, rec.taxGap, [])
      : extraRow('tax', TAX_ITEM, 'Material sales tax no line explains', null, null, rec.taxGap, [
          `Tax is folded into the line gaps; this row holds only the tax gap no line explains (total tax difference ${formatMoney(taxDiff)}).`,
        ]),
  );
  return rows;
}

/** Fills suggestions (reason to approve) and priorities in place. */
export function decorateRows(rows: PursueRow[], state: PursueState): void {
  for (const r of rows) {
    if (r.kind === 'insurer-only' || r.kind === 'tax') continue;
    if (r.gap <= 0 && r.kind !== 'op') continue;
    const description = r.kind === 'op' ? OP_DESCRIPTION : r.name;
    const rebuttal = suggestRebuttal(description, r.category, state.rebuttals);
    r.rebuttal = rebuttal;
    if (r.approve.trim() === '' && rebuttal && r.gap > 0) {
      r.approve = SUGGESTED_PREFIX + rebuttal.argument;
      r.approveSuggested = true;
    }
  }
  const candidates = rows.filter((r) => (r.kind === 'item' || r.kind === 'topic' || r.kind === 'op') && r.gap > 0 && r.closedOn === null);
  const ids = candidates.map((r) => (r.kind === 'topic' ? `topic:${r.topic}` : r.items[0]!));
  const scores = scorePriorities(
    candidates.map((r, i) => ({ item: ids[i]!, gap: r.gap, rfAsked: r.rfAsked, category: r.category })),
    state.weights,
  );
  const byId = new Map(scores.map((s) => [s.item, s]));
  candidates.forEach((r, i) => {
    r.priority = byId.get(ids[i]!) ?? null;
  });
}
