/**
 * The task pane: a thin wrapper that reads the pastes, runs the engine and writes its workbook.
 * Every text that comes from a paste or the engine is set with textContent, never as HTML.
 */
import type { FigureSource, ReconcileOptions, TypedTotals } from '../shared/index';
import type { Topic } from '../shared/index';
import { dollarsToCents, formatMoney } from '../shared/index';
import { statusMessage } from '../shared/index';
import { analyse, applyPatch, buildWorkbook, type BuildOutcome } from './actions';
import { engine } from './engine';
import { PURSUE_SHEETS, readWorkbook, UserError, type Source } from './reader';
import { queuePatches, type HostCaps } from './writer';
import { selectedItem } from './actions';
import { mountPdfInput } from './pdf/pane';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

type Side = 'ours' | 'theirs';
const TOTAL_FIELDS: Array<{ id: string; side: Side; key: keyof TypedTotals; label: string }> = [
  { id: 'ours-rcv', side: 'ours', key: 'rcv', label: 'Our RCV' },
  { id: 'ours-tax', side: 'ours', key: 'tax', label: 'Our tax' },
  { id: 'ours-op', side: 'ours', key: 'overheadProfit', label: 'Our O&P' },
  { id: 'theirs-rcv', side: 'theirs', key: 'rcv', label: 'Approved RCV' },
  { id: 'theirs-tax', side: 'theirs', key: 'tax', label: 'Insurer tax' },
  { id: 'theirs-op', side: 'theirs', key: 'overheadProfit', label: 'Insurer O&P' },
];

const sources: Record<Side, Source | null> = { ours: null, theirs: null };
let last: BuildOutcome | null = null;
let currentItem: { item: string; name: string } | null = null;

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function caps(): HostCaps {
  return { notes: Office.context.requirements.isSetSupported('ExcelApi', '1.18') };
}

function setStatus(text: string): void {
  $('status').textContent = text;
}

function showError(text: string | null): void {
  const el = $('error');
  el.textContent = text ?? '';
  el.hidden = !text;
  if (text) el.scrollIntoView?.({ block: 'nearest' });
}

/** Runs one action with progress shown and buttons disabled; errors become words a user can act on. */
async function busy(label: string, work: () => Promise<string | void>): Promise<void> {
  const buttons = Array.from(document.querySelectorAll('button'));
  buttons.forEach((b) => (b.disabled = true));
  $('app').setAttribute('aria-busy', 'true');
  $('progress').hidden = false;
  showError(null);
  setStatus(label);
  try {
    const done = await work();
    setStatus(done ?? 'Done.');
  } catch (e) {
    setStatus('Stopped.');
    showError(explain(e));
  } finally {
    buttons.forEach((b) => (b.disabled = false));
    $('app').setAttribute('aria-busy', 'false');
    $('progress').hidden = true;
  }
}

function explain(e: unknown): string {
  if (e instanceof UserError) return e.message;
  const err = e as { code?: string; message?: string };
  if (err?.code === 'InvalidBinding' || err?.code === 'ItemNotFound') return 'A sheet or range Pursue needs is gone. Pick the estimates again, then build.';
  if (err?.code === 'RequestPayloadSizeLimitExceeded') return 'The estimate is too large for one request to Excel on the web. Select fewer rows, or use Excel on the desktop.';
  if (err?.code === 'InvalidOperationInCellEditMode') return 'Excel is editing a cell. Press Enter or Esc in the sheet, then try again.';
  return `Something went wrong: ${err?.message ?? String(e)}. Try again; if it keeps happening, save the workbook and reopen it.`;
}

function describeSource(s: Source): string {
  return s.kind === 'sheet' ? `Used range of sheet "${s.sheet}"` : `Selection ${s.address}`;
}

function pickSheet(side: Side): void {
  const name = $<HTMLSelectElement>(`${side}-sheet`).value;
  sources[side] = name ? { kind: 'sheet', sheet: name } : null;
  $(`${side}-picked`).textContent = sources[side] ? describeSource(sources[side]!) : '';
}

async function useSelection(side: Side): Promise<void> {
  await busy('Reading the selection…', () =>
    Excel.run(async (context) => {
      const read = await readWorkbook(context, { selection: true });
      if (!read.selection) throw new UserError('Select the cells that hold the estimate, then press "Use selection".');
      const local = read.selection.address.includes('!') ? read.selection.address.split('!')[1]! : read.selection.address;
      sources[side] = { kind: 'range', sheet: read.selection.sheet, address: local };
      $<HTMLSelectElement>(`${side}-sheet`).value = '';
      $(`${side}-picked`).textContent = describeSource({ kind: 'range', sheet: read.selection.sheet, address: read.selection.address });
      return 'Selection picked.';
    }),
  );
}

async function loadSheets(): Promise<void> {
  await Excel.run(async (context) => {
    const read = await readWorkbook(context, {});
    for (const side of ['ours', 'theirs'] as Side[]) {
      const select = $<HTMLSelectElement>(`${side}-sheet`);
      const keep = select.value;
      while (select.options.length > 1) select.remove(1);
      for (const name of read.sheetNames.filter((n) => !PURSUE_SHEETS.includes(n))) {
        const opt = document.createElement('option');
        opt.value = name;
        opt.textContent = name;
        select.appendChild(opt);
      }
      if (keep && read.sheetNames.includes(keep)) select.value = keep;
    }
  });
}

/** Totals a person typed (fields they edited), in cents. */
function typedOptions(): ReconcileOptions {
  const options: ReconcileOptions = {};
  for (const f of TOTAL_FIELDS) {
    const input = $<HTMLInputElement>(f.id);
    if (input.dataset.typed !== '1' || input.value.trim() === '') continue;
    const cents = dollarsToCents(input.value);
    if (cents === null) throw new UserError(`${f.label}: "${input.value}" is not an amount. Type dollars, e.g. 41,644.91.`);
    (options[f.side] ??= {})[f.key] = cents;
  }
  return options;
}

const SOURCE_WORDS: Record<FigureSource, string> = {
  recap: 'from the recap',
  typed: 'as typed',
  lines: 'sum of the lines',
  derived: 'worked out from the other figures',
  missing: 'not in the paste: type it from the estimate',
};

function fillTotals(out: BuildOutcome): void {
  for (const f of TOTAL_FIELDS) {
    const side = out.rec[f.side];
    const cents = f.key === 'rcv' ? side.rcv : f.key === 'tax' ? side.tax : side.overheadProfit;
    const source = f.key === 'rcv' ? side.rcvSource : f.key === 'tax' ? side.taxSource : side.overheadProfitSource;
    const input = $<HTMLInputElement>(f.id);
    if (input.dataset.typed !== '1') input.value = source === 'missing' ? '' : (cents / 100).toFixed(2);
    const src = $(`${f.id}-src`);
    src.textContent = SOURCE_WORDS[source];
    src.classList.toggle('need', source === 'missing');
  }
}

function showSummary(out: BuildOutcome): void {
  const rec = out.rec;
  $('summary').hidden = false;
  const mark = $('mark');
  // The engine's one status line (reconciled / not reconciled / unverified), as every host shows it.
  mark.textContent = statusMessage(rec, 'excel');
  mark.className = `mark ${rec.status === 'reconciled' ? 'ok' : rec.status === 'unverified' ? 'warn' : 'bad'}`;
  $('total-gap').textContent = formatMoney(rec.totalGap);
  $('sum-parts').textContent = formatMoney(rec.sumOfParts);
  $('residual').textContent = formatMoney(rec.residual);
  const list = $('problems');
  list.replaceChildren();
  const firstRow = { ours: out.read.ours, theirs: out.read.theirs };
  const items = rec.problems.filter((p) => p.severity !== 'info');
  for (const p of items.slice(0, 40)) {
    const li = document.createElement('li');
    const where = p.side === 'both' ? '' : p.side === 'ours' ? 'Our estimate' : "Insurer's estimate";
    const sheetRow = p.row !== null && p.side !== 'both' ? p.row + (firstRow[p.side]?.firstRow ?? 0) : null;
    const at = sheetRow !== null ? `${where}, row ${sheetRow} of "${firstRow[p.side as Side]?.sheet ?? ''}"` : where;
    li.textContent = `${at ? `${at}: ` : ''}${p.message}`;
    if (p.severity === 'error') li.className = 'error';
    list.appendChild(li);
  }
  for (const w of out.warnings.slice(0, 10)) {
    const li = document.createElement('li');
    li.textContent = w.message;
    list.appendChild(li);
  }
  if (items.length > 40) {
    const li = document.createElement('li');
    li.textContent = `…and ${items.length - 40} more on the "Checks" sheet.`;
    list.appendChild(li);
  }
  if (list.children.length === 0) {
    const li = document.createElement('li');
    li.textContent = 'None.';
    list.appendChild(li);
  }
  showTopics(out.state.topics);
}

function showTopics(topics: Topic[]): void {
  const list = $('topics');
  list.replaceChildren();
  const suggested = topics.filter((t) => t.state === 'suggested');
  if (suggested.length === 0) {
    const li = document.createElement('li');
    li.className = 'hint';
    li.textContent = 'No topic to suggest.';
    list.appendChild(li);
  }
  for (const t of suggested) {
    const li = document.createElement('li');
    li.appendChild(document.createTextNode(`${t.name}: items ${t.items.join(', ')}`));
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'secondary';
    b.textContent = 'Accept';
    b.setAttribute('aria-label', `Accept topic ${t.name}`);
    b.addEventListener('click', () => void acceptTopic(t));
    li.appendChild(b);
    list.appendChild(li);
  }
}

function request() {
  return { ours: sources.ours, theirs: sources.theirs, options: typedOptions(), today: today() };
}

async function build(): Promise<void> {
  await busy('Reading the pastes and building the workbook…', () =>
    Excel.run(async (context) => {
      last = await buildWorkbook(context, engine, request(), caps());
      fillTotals(last);
      showSummary(last);
      return `Workbook built: ${last.rec.lines.length} items, ${last.syncs} round trips to Excel.`;
    }),
  );
}

async function pickItem(): Promise<void> {
  await busy('Reading the selected row…', () =>
    Excel.run(async (context) => {
      const sel = await selectedItem(context);
      currentItem = { item: sel.item, name: sel.name };
      $('item-picked').textContent = `Item ${sel.item}${sel.name ? ` – ${sel.name}` : ''}`;
      return `Item ${sel.item} selected.`;
    }),
  );
}

function warningsText(prefix: string, warnings: string[]): string {
  return warnings.length > 0 ? `${prefix} ${warnings.join(' ')}` : prefix;
}

async function addNote(): Promise<void> {
  const text = $<HTMLTextAreaElement>('note').value.trim();
  const author = $<HTMLInputElement>('author').value.trim();
  await busy('Adding the note…', () =>
    Excel.run(async (context) => {
      if (text === '') throw new UserError('Type the note first: who you spoke to, what was said, and the next step.');
      try {
        localStorage.setItem('pursue.author', author);
      } catch {
        // Storage can be off in some Office hosts; the name is just not remembered.
      }
      const res = await applyPatch(context, (existing, item) => engine.statusNotePatch(existing, item, text, author, new Date().toISOString()));
      $<HTMLTextAreaElement>('note').value = '';
      if (currentItem?.item !== res.item) $('item-picked').textContent = `Item ${res.item}`;
      return warningsText(`Note added to item ${res.item}.`, res.warnings);
    }),
  );
}

async function setRf(): Promise<void> {
  const asked = $<HTMLInputElement>('rf-asked').checked;
  await busy('Saving RF asked…', () =>
    Excel.run(async (context) => {
      const res = await applyPatch(context, (existing, item) => engine.rfPatch(existing, item, asked));
      return warningsText(`RF asked ${asked ? 'set' : 'cleared'} for item ${res.item}.`, res.warnings);
    }),
  );
}

async function acceptTopic(t: Topic): Promise<void> {
  await busy(`Accepting topic ${t.name}…`, () =>
    Excel.run(async (context) => {
      const read = await readWorkbook(context, { existing: true });
      if (!read.existing) throw new UserError('Build the workbook first (step 3).');
      const res = engine.topicPatch(read.existing, { ...t, state: 'accepted' });
      if (res.patches.length === 0) throw new UserError(res.warnings.join(' ') || 'The topic could not be saved. Build the workbook again.');
      queuePatches(context, res.patches);
      await context.sync();
      return warningsText(`Topic ${t.name} accepted. Build again to combine its items into one row.`, res.warnings);
    }),
  );
}

async function readinessCheck(): Promise<void> {
  await busy('Checking what is missing before the call…', () =>
    Excel.run(async (context) => {
      const minGap = dollarsToCents($<HTMLInputElement>('min-gap').value || '0');
      const days = Number($<HTMLInputElement>('days').value);
      if (minGap === null) throw new UserError('Gaps from $: type an amount in dollars, e.g. 100.');
      if (!Number.isInteger(days) || days < 0) throw new UserError('Note within: type a whole number of days, e.g. 7.');
      const { result } = await analyse(context, engine, request());
      const issues = engine.readiness(result.rec, result.state, { minGap, days, today: today() });
      const list = $('readiness');
      list.replaceChildren();
      for (const i of issues) {
        const li = document.createElement('li');
        li.textContent = i.message;
        list.appendChild(li);
      }
      return issues.length === 0
        ? `Ready: every item with a gap from ${formatMoney(minGap)} has a reason for denial, a reason to approve and a recent note.`
        : `${issues.length} item${issues.length === 1 ? '' : 's'} to prepare before the call.`;
    }),
  );
}

async function copyCrm(): Promise<void> {
  showError(null);
  if (!last) {
    showError('Build the workbook first (step 3); the CRM text comes from it.');
    return;
  }
  const text = last.crm;
  const area = $<HTMLTextAreaElement>('crm-text');
  area.value = text;
  area.hidden = false;
  $('crm-label').hidden = false;
  try {
    await navigator.clipboard.writeText(text);
    setStatus('CRM text copied: paste it into the "Top Items to Pursue" field.');
  } catch {
    // The clipboard can be blocked inside Office; the text is selected for Ctrl+C instead.
    area.focus();
    area.select();
    setStatus('Press Ctrl+C (Cmd+C on a Mac) to copy the selected CRM text.');
  }
}

function wire(): void {
  for (const side of ['ours', 'theirs'] as Side[]) {
    $(`${side}-sheet`).addEventListener('change', () => pickSheet(side));
    $(`${side}-sel`).addEventListener('click', () => void useSelection(side));
  }
  // Estimate PDFs: read in this pane, the rows put on a sheet named for the side, then the usual build.
  mountPdfInput({ ours: $('ours-picked'), theirs: $('theirs-picked') }, {
    busy,
    fail: (message) => new UserError(message),
    written: async (side, sheet) => {
      await loadSheets();
      $<HTMLSelectElement>(`${side}-sheet`).value = sheet;
      pickSheet(side);
      if (sources.ours && sources.theirs) await build();
    },
  });
  for (const f of TOTAL_FIELDS) {
    $(f.id).addEventListener('input', (e) => ((e.target as HTMLInputElement).dataset.typed = '1'));
  }
  $('build').addEventListener('click', () => void build());
  $('pick-item').addEventListener('click', () => void pickItem());
  $('add-note').addEventListener('click', () => void addNote());
  $('set-rf').addEventListener('click', () => void setRf());
  $('ready').addEventListener('click', () => void readinessCheck());
  $('crm').addEventListener('click', () => void copyCrm());
  try {
    $<HTMLInputElement>('author').value = localStorage.getItem('pursue.author') ?? '';
  } catch {
    // No storage: the author field starts empty.
  }
}

Office.onReady((info) => {
  wire();
  if (info.host !== Office.HostType.Excel) {
    showError('Pursue runs in Excel. Open this add-in from Excel.');
    return;
  }
  if (!Office.context.requirements.isSetSupported('ExcelApi', '1.9')) {
    showError('This Excel is too old for Pursue: it needs Excel 2019 or later, Microsoft 365, or Excel on the web.');
    return;
  }
  void busy('Looking for the pasted estimates…', async () => {
    await loadSheets();
    return 'Pick the two estimates, then build.';
  });
});
