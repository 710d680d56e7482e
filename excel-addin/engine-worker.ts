/**
 * The engine, off the task pane's thread. The pane reads the sheets and posts the rows here; this
 * worker runs the engine (through shared/index.ts only), turns the workbook description into
 * Office.js payload chunks (payload.ts) and posts them back one small message at a time, with the
 * stage it is at, so the pane stays responsive and can say what is happening.
 */
import {
  buildPursue,
  formatMoney,
  parseEstimate,
  paneNotes,
  parseReadinessOptions,
  PursueInputError,
  readiness,
  readinessHeadline,
  reconcileOptionsFromText,
  rfPatch,
  statusMessage,
  statusNotePatch,
  topicPatch,
  type Cell,
  type FigureSource,
  type PursueResult,
  type Reconciliation,
} from '../shared/index';
import { planSheet } from './payload';
import type { EngineInput, PaneSummary, RowsPart, StatusState, WorkerReply, WorkerRequest } from './worker-protocol';

const post = (m: WorkerReply) => (self as unknown as { postMessage(m: WorkerReply): void }).postMessage(m);

const SOURCE_WORDS: Record<FigureSource, string> = {
  recap: 'from the recap',
  typed: 'as typed',
  lines: 'sum of the lines',
  derived: 'worked out from the other figures',
  missing: 'not in the paste: type it from the estimate',
};

const count = (n: number) => n.toLocaleString('en-US');

/** Reconciled / not reconciled / unverified: the engine's state and its words for the pane. */
function statusOf(rec: Reconciliation): { state: StatusState; text: string } {
  const state: StatusState = rec.status === 'reconciled' ? 'reconciled' : rec.status === 'unverified' ? 'unverified' : 'not-reconciled';
  return { state, text: statusMessage(rec, 'excel') };
}

const MAX_LISTED = 40;

function summarize(input: EngineInput, result: PursueResult): PaneSummary {
  const rec = result.rec;
  const { errors, advisories } = paneNotes(result, input.origins);
  const listed = (list: string[], kind: 'error' | 'advisory') => {
    const out = list.slice(0, MAX_LISTED).map((text) => ({ kind, text }));
    if (list.length > MAX_LISTED) out.push({ kind, text: `…and ${count(list.length - MAX_LISTED)} more on the "Checks" sheet.` });
    return out;
  };
  const totals: PaneSummary['totals'] = [];
  for (const side of ['ours', 'theirs'] as const) {
    const t = rec[side];
    const figs = [
      ['rcv', t.rcv, t.rcvSource],
      ['tax', t.tax, t.taxSource],
      ['overheadProfit', t.overheadProfit, t.overheadProfitSource],
    ] as const;
    for (const [figure, cents, source] of figs) {
      totals.push({ side, figure, value: source === 'missing' ? '' : formatMoney(cents), source: SOURCE_WORDS[source], missing: source === 'missing' });
    }
  }
  return {
    status: statusOf(rec),
    items: rec.lines.length,
    figures: [
      ['Our RCV', formatMoney(rec.ours.rcv)],
      ['Approved RCV', formatMoney(rec.theirs.rcv)],
      ['Total gap', formatMoney(rec.totalGap)],
      ['Sum of gaps', formatMoney(rec.sumOfParts)],
      ['Residual', formatMoney(rec.residual)],
    ],
    totals,
    problems: [...listed(errors, 'error'), ...listed(advisories, 'advisory')],
    topics: result.state.topics.filter((t) => t.state === 'suggested').map((t) => ({ name: t.name, items: [...t.items] })),
    sheets: result.workbook.sheets.map((s) => s.name),
  };
}

/** Runs the engine with stages reported; null when a typed field must be corrected first. */
function run(id: number, input: EngineInput): PursueResult | null {
  const { options, errors } = reconcileOptionsFromText(input.totals, input.tolerance, 'excel');
  if (errors.length > 0) {
    post({ id, type: 'fields', errors });
    return null;
  }
  if (input.compare) {
    post({ id, type: 'stage', text: 'Reading the side-by-side comparison…' });
  } else {
    // The reads here only count lines for the stage text; the engine reads again as part of its one job.
    post({ id, type: 'stage', text: 'Reading our estimate…' });
    const ours = parseEstimate(input.ours ?? [], 'ours').lines.length;
    post({ id, type: 'stage', text: "Reading the insurer's estimate…" });
    const theirs = parseEstimate(input.theirs ?? [], 'theirs').lines.length;
    post({ id, type: 'stage', text: `Matching ${count(ours)} of our lines with ${count(theirs)} of the insurer's…` });
  }
  const built: Parameters<typeof buildPursue>[0] = { options, existing: input.existing, today: input.today, pdf: input.pdf };
  if (input.compare) built.compare = input.compare;
  else {
    built.ours = input.ours;
    built.theirs = input.theirs;
  }
  return buildPursue(built);
}

function handle(msg: Exclude<WorkerRequest, RowsPart>): void {
  const id = msg.id;
  switch (msg.op) {
    case 'build': {
      const result = run(id, msg.input);
      if (!result) break;
      post({ id, type: 'summary', summary: summarize(msg.input, result), crm: result.crm });
      if (msg.write) {
        const n = result.workbook.sheets.length;
        post({ id, type: 'stage', text: `Laying out ${n} sheets…` });
        result.workbook.sheets.forEach((sheet, i) => {
          const plan = planSheet(sheet);
          post({ id, type: 'sheet', meta: plan.meta, chunks: plan.chunks.length });
          for (const chunk of plan.chunks) post({ id, type: 'chunk', sheet: i, chunk });
        });
      }
      break;
    }
    case 'readiness': {
      const opts = parseReadinessOptions(msg.minGap, msg.days);
      if ('error' in opts) {
        post({ id, type: 'fields', errors: [opts.error] });
        break;
      }
      const result = run(id, msg.input);
      if (!result) break;
      const issues = readiness(result.model, { ...opts, today: msg.input.today });
      post({
        id,
        type: 'readiness',
        ready: issues.length === 0,
        text: readinessHeadline(issues, opts),
        issues: issues.map((i) => i.message),
      });
      break;
    }
    case 'crm': {
      const result = run(id, msg.input);
      if (result) post({ id, type: 'crm', text: result.crm });
      break;
    }
    case 'note': {
      const r = statusNotePatch(msg.existing, msg.item, msg.text, msg.author, msg.now);
      post({ id, type: 'patch', patches: r.patches, warnings: r.warnings });
      break;
    }
    case 'rf': {
      const r = rfPatch(msg.existing, msg.item, msg.asked);
      post({ id, type: 'patch', patches: r.patches, warnings: r.warnings });
      break;
    }
    case 'topic': {
      const r = topicPatch(msg.existing, { name: msg.name, items: msg.items, state: msg.accept ? 'accepted' : 'refused' });
      post({ id, type: 'patch', patches: r.patches, warnings: r.warnings });
      break;
    }
  }
  post({ id, type: 'done' });
}

/** Row slices that arrived ahead of their request, by request id then part key (see RowsPart). */
const staged = new Map<number, Map<string, Cell[][]>>();

function stage(part: RowsPart): void {
  let parts = staged.get(part.id);
  if (!parts) staged.set(part.id, (parts = new Map()));
  const rows = parts.get(part.key);
  if (rows) for (const r of part.rows) rows.push(r);
  else parts.set(part.key, part.rows);
}

/** Puts the staged rows back where the pane took them from. */
function assemble(msg: Exclude<WorkerRequest, RowsPart>): Exclude<WorkerRequest, RowsPart> {
  const parts = staged.get(msg.id);
  staged.delete(msg.id);
  if (!parts) return msg;
  for (const [key, rows] of parts) {
    if (key.startsWith('existing:')) {
      const existing = 'input' in msg ? msg.input.existing : 'existing' in msg ? msg.existing : null;
      if (existing) existing[key.slice('existing:'.length)] = rows;
    } else if ('input' in msg && (key === 'ours' || key === 'theirs' || key === 'compare')) {
      msg.input[key] = rows;
    }
  }
  return msg;
}

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  if (e.data.op === 'part') {
    stage(e.data);
    return;
  }
  try {
    handle(assemble(e.data));
  } catch (err) {
    // Input the engine refuses says what to do in its own words ("No line items were found in ...").
    if (err instanceof PursueInputError) {
      post({ id: e.data.id, type: 'error', message: err.message });
      return;
    }
    // An engine failure is a bug or an input it cannot read: say so plainly, keep the details for support.
    console.error(err);
    post({ id: e.data.id, type: 'error', message: 'Pursue could not read these pastes. Check that each sheet holds one estimate (our estimate, or the insurer\'s), then build again. If it keeps happening, send the workbook to support.' });
  }
};
