/**
 * The task pane: reads the pastes, hands them to the engine worker, writes what comes back. Only the
 * Fluent UI components the pane uses are loaded. Every text from a paste or the engine is set with
 * textContent, never as HTML.
 */
import '@fluentui/web-components/accordion.js';
import '@fluentui/web-components/accordion-item.js';
import '@fluentui/web-components/button.js';
import '@fluentui/web-components/checkbox.js';
import '@fluentui/web-components/message-bar.js';
import '@fluentui/web-components/spinner.js';
import '@fluentui/web-components/text-input.js';
import { setTheme } from '@fluentui/web-components/theme/set-theme.js';
import { webDarkTheme, webLightTheme } from '@fluentui/tokens';
import { localNow, localToday, samePasteWarning, type PdfOrigin, type PdfOrigins, type TotalsText } from '../shared/index';
import { applyPatch, pastePicks, readForBuild, requireSources, selectedItem, writeBuilt, type PaneBuildRequest, type PickedItem } from './actions';
import { mountPdfInput, PDF_SHEETS } from './pdf/pane';
import { PURSUE_SHEETS, readWorkbook, UserError, type Source } from './reader';
import { queuePatches, type HostCaps } from './writer';
import { EngineClient, EngineError } from './worker-client';
import type { EngineInput, PaneSummary, PasteOrigin } from './worker-protocol';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
type Key = 'ours' | 'theirs' | 'compare';
const KEYS: Key[] = ['ours', 'theirs', 'compare'];
const TOTAL_IDS = { ours: { rcv: 'ours-rcv', tax: 'ours-tax', overheadProfit: 'ours-op' }, theirs: { rcv: 'theirs-rcv', tax: 'theirs-tax', overheadProfit: 'theirs-op' } } as const;
const SETTINGS_KEY = 'pursue.sources';

const sources: Record<Key, Source | null> = { ours: null, theirs: null, compare: null };
let picked: PickedItem | null = null;
let engine: EngineClient;

interface Field extends HTMLElement {
  value: string;
}
interface Check extends HTMLElement {
  checked: boolean;
}
const field = (id: string) => $<Field>(id);

// ---------------------------------------------------------------- outcome, busy state, errors

type Kind = 'info' | 'success' | 'error' | 'warning';

function setStatus(text: string, kind: Kind = 'info'): void {
  $('outcome').dataset.kind = kind;
  $('status').textContent = text;
}

function showError(text: string | null): void {
  $('error').textContent = text ?? '';
  if (text) setStatus(text, 'error');
}

function mode(): 'pair' | 'compare' {
  return document.querySelector<HTMLInputElement>('input[name="mode"]:checked')?.value === 'compare' ? 'compare' : 'pair';
}

/** Runs one action with the spinner on and the buttons off; its outcome (or what to do) lands in the sticky bar. */
async function busy(label: string, work: () => Promise<{ text: string; kind?: Kind } | void>): Promise<void> {
  const buttons = Array.from(document.querySelectorAll<HTMLElement & { disabled: boolean }>('fluent-button'));
  buttons.forEach((b) => (b.disabled = true));
  $('app').setAttribute('aria-busy', 'true');
  $('spinner').hidden = false;
  showError(null);
  setStatus(label);
  try {
    const done = await work();
    if (done) setStatus(done.text, done.kind ?? 'success');
    else setStatus('Done.', 'success');
  } catch (e) {
    showError(explain(e));
  } finally {
    buttons.forEach((b) => (b.disabled = false));
    $('app').setAttribute('aria-busy', 'false');
    $('spinner').hidden = true;
  }
}

/** Words a user can act on, whatever failed; library and Office text never reaches the pane. */
function explain(e: unknown): string {
  if (e instanceof UserError || e instanceof EngineError) return e.message;
  const code = (e as { code?: string })?.code;
  switch (code) {
    case 'AccessDenied':
    case 'InvalidOperation':
      return 'Excel refused the change: the workbook or a sheet is protected, or the file is read-only. Unprotect it (Review > Unprotect Sheet or Protect Workbook), or save a copy you can edit, then try again.';
    case 'InvalidOperationInCellEditMode':
      return 'Excel is editing a cell. Press Enter or Esc in the sheet, then try again.';
    case 'ItemNotFound':
    case 'InvalidBinding':
      return 'A sheet Pursue needs is gone. Pick the estimates again (step 1), then build.';
    case 'RequestPayloadSizeLimitExceeded':
      return 'Excel on the web could not take this much at once. Save the workbook, then build again; if it keeps happening, build in Excel on the desktop.';
    default:
      console.error(e);
      return 'Excel did not finish the change. Save the workbook, close and reopen this pane, then try again.';
  }
}

function caps(): HostCaps {
  return { notes: Office.context.requirements.isSetSupported('ExcelApi', '1.18') };
}

// ---------------------------------------------------------------- step 1: the pastes

function describe(s: Source): string {
  return s.kind === 'sheet' ? `Everything on sheet "${s.sheet}"` : `Cells ${s.address} of "${s.sheet}"`;
}

/** Warns as soon as both sides point at the same cells: the build would compare a paste with itself. */
function checkSame(): string | null {
  const text = mode() === 'pair' ? samePasteWarning(pastePicks({ ours: sources.ours, theirs: sources.theirs })) : null;
  $('same-sheet-text').textContent = text ?? '';
  $('same-sheet').hidden = !text;
  return text;
}

function showPicked(key: Key): void {
  $(`${key}-picked`).textContent = sources[key] ? describe(sources[key]!) : '';
  checkSame();
}

function pickSheet(key: Key): void {
  const name = $<HTMLSelectElement>(`${key}-sheet`).value;
  sources[key] = name ? { kind: 'sheet', sheet: name } : null;
  showPicked(key);
  saveSources();
}

function showMode(): void {
  const m = mode();
  document.querySelectorAll<HTMLElement>('.src').forEach((d) => {
    const key = d.dataset.src;
    d.hidden = m === 'compare' ? key !== 'compare' : key === 'compare';
  });
  checkSame();
}

function saveSources(): void {
  try {
    const settings = Office.context.document?.settings;
    if (!settings) return;
    settings.set(SETTINGS_KEY, JSON.stringify({ sources, mode: mode() }));
    settings.saveAsync();
  } catch {
    // Settings are a convenience: without them the user picks the sheets again after reopening.
  }
}

function restoreSources(): void {
  try {
    const raw = Office.context.document?.settings?.get(SETTINGS_KEY) as string | null;
    if (!raw) return;
    const saved = JSON.parse(raw) as { sources: Record<Key, Source | null>; mode: 'pair' | 'compare' };
    for (const k of KEYS) sources[k] = saved.sources?.[k] ?? null;
    if (saved.mode === 'compare') document.querySelector<HTMLInputElement>('input[name="mode"][value="compare"]')!.checked = true;
  } catch {
    // A damaged setting: start with nothing picked.
  }
}

async function useSelection(key: Key): Promise<void> {
  await busy('Reading the selection…', () =>
    Excel.run(async (context) => {
      const read = await readWorkbook(context, { selection: true });
      if (!read.selection) throw new UserError('Select the cells that hold the estimate, then press "Use selection".');
      const local = read.selection.address.includes('!') ? read.selection.address.split('!')[1]! : read.selection.address;
      sources[key] = { kind: 'range', sheet: read.selection.sheet, address: local };
      $<HTMLSelectElement>(`${key}-sheet`).value = '';
      showPicked(key);
      saveSources();
      return { text: `Using ${describe(sources[key]!)}.` };
    }),
  );
}

/** Refreshes the sheet lists (on focus and after each build): sheets come and go while the pane is open. */
async function loadSheets(): Promise<void> {
  await Excel.run(async (context) => {
    const read = await readWorkbook(context, {});
    const names = read.sheetNames.filter((n) => !PURSUE_SHEETS.includes(n));
    for (const key of KEYS) {
      const select = $<HTMLSelectElement>(`${key}-sheet`);
      const keep = sources[key]?.kind === 'sheet' ? sources[key]!.sheet : select.value;
      const now = Array.from(select.options).slice(1).map((o) => o.value);
      if (now.join('\n') !== names.join('\n')) {
        while (select.options.length > 1) select.remove(1);
        for (const name of names) {
          const opt = document.createElement('option');
          opt.value = name;
          opt.textContent = name;
          select.appendChild(opt);
        }
      }
      select.value = keep && names.includes(keep) ? keep : '';
      if (sources[key]?.kind === 'sheet' && !names.includes(sources[key]!.sheet)) sources[key] = null;
      showPicked(key);
    }
  });
}

// ---------------------------------------------------------------- step 2: totals

/** Totals the user typed (fields they edited), as text for the engine's one rule. */
function typedTotals(): TotalsText {
  const out: TotalsText = {};
  for (const side of ['ours', 'theirs'] as const) {
    for (const [figure, id] of Object.entries(TOTAL_IDS[side]) as Array<['rcv' | 'tax' | 'overheadProfit', string]>) {
      const el = field(id);
      if (el.dataset.typed === '1' && el.value.trim() !== '') (out[side] ??= {})[figure] = el.value;
    }
  }
  return out;
}

function fillTotals(s: PaneSummary): void {
  for (const t of s.totals) {
    const id = TOTAL_IDS[t.side][t.figure];
    const el = field(id);
    if (el.dataset.typed !== '1') el.value = t.value;
    const src = $(`${id}-src`);
    src.textContent = el.dataset.typed === '1' ? 'as typed' : t.source;
    src.classList.toggle('need', t.missing && el.dataset.typed !== '1');
  }
}

// ---------------------------------------------------------------- step 3: build and review

function request(): PaneBuildRequest {
  const req: PaneBuildRequest = { ours: sources.ours, theirs: sources.theirs, options: {}, today: localToday() };
  if (mode() === 'compare') req.compare = sources.compare;
  return req;
}

/** PDFs read in this pane, by side: passed to the engine while the side still uses their whole sheet. */
const pdfRead: Partial<Record<'ours' | 'theirs', PdfOrigin>> = {};

function pdfOrigins(): PdfOrigins {
  const out: PdfOrigins = {};
  if (mode() === 'compare') return out;
  for (const side of ['ours', 'theirs'] as const) {
    const s = sources[side];
    if (pdfRead[side] && s?.kind === 'sheet' && s.sheet === PDF_SHEETS[side]) out[side] = pdfRead[side];
  }
  return out;
}

function origin(read: { sheet: string; firstRow: number } | null): PasteOrigin | undefined {
  return read ? { sheet: read.sheet, firstRow: read.firstRow } : undefined;
}

/** Reads the pastes and the Pursue sheets (one sync) and packs what the engine needs. */
async function engineInput(context: Excel.RequestContext) {
  const req = request();
  checkSame();
  try {
    requireSources(req);
  } catch (e) {
    open('step-1');
    throw e;
  }
  const { read, input } = await readForBuild(context, req);
  const engineIn: EngineInput = {
    ...input,
    origins: { ours: origin(read.ours), theirs: origin(read.theirs), compare: origin(read.compare) },
    pdf: pdfOrigins(),
    existing: read.existing,
    totals: typedTotals(),
    tolerance: field('tolerance').value,
    today: req.today,
  };
  return { read, engineIn };
}

function fieldsError(fields: Array<{ message: string }>): UserError {
  open('step-2');
  return new UserError(fields.map((f) => f.message).join(' '));
}

function li(text: string, cls?: string): HTMLLIElement {
  const el = document.createElement('li');
  el.textContent = text;
  if (cls) el.className = cls;
  return el;
}

function showSummary(s: PaneSummary): void {
  $('summary').hidden = false;
  const mark = $('mark');
  mark.textContent = s.status.text;
  mark.className = `mark ${s.status.state}`;
  const dl = $('figures');
  dl.replaceChildren();
  for (const [k, v] of s.figures) {
    const dt = document.createElement('dt');
    dt.textContent = k;
    const dd = document.createElement('dd');
    dd.textContent = v;
    dl.append(dt, dd);
  }
  const errors = s.problems.filter((p) => p.kind === 'error');
  const advisories = s.problems.filter((p) => p.kind === 'advisory');
  $('errors').replaceChildren(...(errors.length ? errors.map((p) => li(p.text)) : [li('Nothing to fix.', 'none')]));
  $('advisories').replaceChildren(...(advisories.length ? advisories.map((p) => li(p.text)) : [li('Nothing else to check.', 'none')]));
  showTopics(s.topics);
}

function open(step: string): void {
  ($(step) as HTMLElement & { expanded: boolean }).expanded = true;
  for (const other of ['step-1', 'step-2', 'step-3', 'step-4', 'step-5']) if (other !== step) ($(other) as HTMLElement & { expanded: boolean }).expanded = false;
}

async function readTotals(): Promise<void> {
  await busy('Reading the totals from the pastes…', () =>
    Excel.run(async (context) => {
      const { engineIn } = await engineInput(context);
      const got = await engine.request({ op: 'build', input: engineIn, write: false }, (t) => setStatus(t));
      if (got.fields.length) throw fieldsError(got.fields);
      fillTotals(got.summary!);
      const missing = got.summary!.totals.filter((t) => t.missing).length;
      return missing
        ? { text: `${missing} total${missing === 1 ? ' is' : 's are'} not in the pastes: type ${missing === 1 ? 'it' : 'them'} from the estimates, then build.`, kind: 'warning' }
        : { text: 'Totals read from the pastes. Check them, then build.' };
    }),
  );
}

async function build(): Promise<void> {
  await busy('Reading the pastes from Excel…', () =>
    Excel.run(async (context) => {
      const { read, engineIn } = await engineInput(context);
      const got = await engine.request({ op: 'build', input: engineIn, write: true }, (t) => setStatus(t));
      if (got.fields.length) throw fieldsError(got.fields);
      const s = got.summary!;
      fillTotals(s);
      const plan = got.plan!;
      const n = plan.sheets.length;
      setStatus(`Writing ${n} sheets…`);
      await writeBuilt(
        context,
        plan,
        plan.sheets.map((p) => ({ sheet: p.meta.name, notes: p.meta.notes })),
        read.sheetNames,
        caps(),
        (k) => setStatus(`Writing ${n} sheets… (part ${k + 1})`),
      );
      showSummary(s);
      saveSources();
      open('step-3');
      // The result where the user is: the summary scrolls into view under the sticky outcome, once
      // the new content has been laid out (a task of its own, so neither step blocks the pane long).
      await new Promise((r) => setTimeout(r, 0));
      $('summary').scrollIntoView?.({ block: 'start' });
      $('summary').focus({ preventScroll: true });
      void loadSheets();
      const label = s.status.state === 'reconciled' ? 'reconciled' : s.status.state === 'unverified' ? 'unverified' : 'not reconciled';
      return {
        text: `Workbook built: ${s.items.toLocaleString('en-US')} items on ${n} sheets, ${label}.`,
        kind: s.status.state === 'reconciled' ? 'success' : 'warning',
      };
    }),
  );
}

// ---------------------------------------------------------------- step 4: one item

function showItem(p: PickedItem): void {
  const what = p.kind === 'topic' ? `Topic ${p.topic ?? ''}: items ${p.items.join(', ')}` : p.kind === 'item' ? `Item ${p.item}${p.name ? ` – ${p.name}` : ''}` : p.name || p.label;
  $('item-picked').textContent = what;
  const member = $<HTMLSelectElement>('member');
  member.replaceChildren();
  $('member-row').hidden = p.kind !== 'topic';
  for (const i of p.items) {
    const o = document.createElement('option');
    o.value = i;
    o.textContent = i;
    member.appendChild(o);
  }
  $<Check>('rf-asked').checked = p.rfAsked;
}

/** The item a note or RF goes to: the one named in the pane (for a topic, the member chosen). */
function target(): string {
  if (!picked) throw new UserError('Nothing picked: click a cell in an item row on "Pursue Items", then press "Use selected row".');
  return picked.kind === 'topic' ? $<HTMLSelectElement>('member').value : picked.item!;
}

async function pickItem(): Promise<void> {
  await busy('Reading the selected row…', () =>
    Excel.run(async (context) => {
      picked = await selectedItem(context);
      showItem(picked);
      return { text: `Picked ${$('item-picked').textContent}. Notes and RF go to it until you pick another row.` };
    }),
  );
}

async function addNote(): Promise<void> {
  const text = $<HTMLTextAreaElement>('note').value.trim();
  const author = field('author').value.trim();
  await busy('Adding the note…', () =>
    Excel.run(async (context) => {
      const item = target();
      if (text === '') throw new UserError('Type the note first: who you spoke to, what was said, and the next step.');
      try {
        localStorage.setItem('pursue.author', author);
      } catch {
        // Storage can be off in some Office hosts; the name is just not remembered.
      }
      const res = await applyPatch(context, item, async (existing, it) => (await engine.request({ op: 'note', existing, item: it, text, author, now: localNow() })).patch!);
      $<HTMLTextAreaElement>('note').value = '';
      return { text: [`Note added to item ${res.item}.`, ...res.warnings].join(' '), kind: res.warnings.length ? 'warning' : 'success' };
    }),
  );
}

async function setRf(): Promise<void> {
  const asked = $<Check>('rf-asked').checked;
  await busy('Saving RF asked…', () =>
    Excel.run(async (context) => {
      const item = target();
      const res = await applyPatch(context, item, async (existing, it) => (await engine.request({ op: 'rf', existing, item: it, asked })).patch!);
      if (picked) picked.rfAsked = asked;
      return { text: `RF asked ${asked ? 'set' : 'cleared'} for item ${res.item}.` };
    }),
  );
}

function showTopics(topics: PaneSummary['topics']): void {
  const list = $('topics');
  list.replaceChildren();
  if (topics.length === 0) list.appendChild(li('No topic to suggest.', 'none'));
  for (const t of topics) {
    const item = li(`${t.name}: items ${t.items.join(', ')}`);
    const b = document.createElement('fluent-button') as HTMLElement;
    b.setAttribute('size', 'small');
    b.textContent = 'Accept';
    b.setAttribute('aria-label', `Accept topic ${t.name}`);
    b.addEventListener('click', () => void decideTopic(t));
    item.appendChild(b);
    list.appendChild(item);
  }
}

async function decideTopic(t: { name: string; items: string[] }): Promise<void> {
  await busy(`Accepting topic ${t.name}…`, () =>
    Excel.run(async (context) => {
      const read = await readWorkbook(context, { existing: true });
      if (!read.existing) throw new UserError('Build the workbook first (step 3).');
      const got = await engine.request({ op: 'topic', existing: read.existing, name: t.name, items: t.items, accept: true });
      if (!got.patch || got.patch.patches.length === 0) throw new UserError(got.patch?.warnings.join(' ') || 'The topic could not be saved. Build the workbook again, then accept it.');
      queuePatches(context, got.patch.patches);
      await context.sync();
      return { text: `Topic ${t.name} accepted. Build again to combine its items into one row.` };
    }),
  );
}

// ---------------------------------------------------------------- step 5: before the call

async function readinessCheck(): Promise<void> {
  await busy('Checking what is missing before the call…', () =>
    Excel.run(async (context) => {
      const { engineIn } = await engineInput(context);
      const got = await engine.request({ op: 'readiness', input: engineIn, minGap: field('min-gap').value, days: field('days').value }, (t) => setStatus(t));
      if (got.fields.length) throw new UserError(got.fields.map((f) => f.message).join(' '));
      const r = got.readiness!;
      $('readiness').replaceChildren(...r.issues.map((i) => li(i)));
      return { text: r.text, kind: r.ready ? 'success' : 'warning' };
    }),
  );
}

/** The CRM text from the sheets as they are now (notes added since the build included). */
async function copyCrm(): Promise<void> {
  let text = '';
  await busy('Reading the current sheet for the CRM…', () =>
    Excel.run(async (context) => {
      const { engineIn } = await engineInput(context);
      const got = await engine.request({ op: 'crm', input: engineIn });
      if (got.fields.length) throw fieldsError(got.fields);
      text = got.crm ?? '';
      const area = $<HTMLTextAreaElement>('crm-text');
      area.value = text;
      area.hidden = false;
      $('crm-label').hidden = false;
      try {
        await navigator.clipboard.writeText(text);
        return { text: 'CRM text copied: paste it into the "Top Items to Pursue" field.' };
      } catch {
        // The clipboard can be blocked inside Office; the text is selected for Ctrl+C instead.
        area.focus();
        area.select();
        return { text: 'The CRM text is selected below: press Ctrl+C (Cmd+C on a Mac) to copy it.' };
      }
    }),
  );
}

// ---------------------------------------------------------------- start

/** Follows Office's theme: Fluent's dark theme when the pane's background is dark. */
function applyTheme(): void {
  const bg = (Office.context as { officeTheme?: { bodyBackgroundColor?: string } }).officeTheme?.bodyBackgroundColor ?? '#ffffff';
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(bg);
  const lum = m ? (0.299 * parseInt(m[1]!, 16) + 0.587 * parseInt(m[2]!, 16) + 0.114 * parseInt(m[3]!, 16)) / 255 : 1;
  setTheme(lum < 0.5 ? webDarkTheme : webLightTheme);
  document.documentElement.dataset.theme = lum < 0.5 ? 'dark' : 'light';
}

function wire(): void {
  for (const key of KEYS) {
    $(`${key}-sheet`).addEventListener('change', () => pickSheet(key));
    $(`${key}-sheet`).addEventListener('focus', () => void loadSheets().catch(() => undefined));
    $(`${key}-sel`).addEventListener('click', () => void useSelection(key));
  }
  // Estimate PDFs: read in this pane, the rows put on a sheet named for the side, then the usual build.
  mountPdfInput({ ours: $('ours-picked'), theirs: $('theirs-picked') }, {
    busy: (label, work) => busy(label, async () => {
      const text = await work();
      return text ? { text } : undefined;
    }),
    fail: (message) => new UserError(message),
    written: async (side, sheet, read) => {
      pdfRead[side] = read;
      await loadSheets();
      $<HTMLSelectElement>(`${side}-sheet`).value = sheet;
      pickSheet(side);
      if (sources.ours && sources.theirs) await build();
    },
  });
  $('mode').addEventListener('change', () => {
    showMode();
    saveSources();
  });
  for (const side of ['ours', 'theirs'] as const) {
    for (const id of Object.values(TOTAL_IDS[side])) $(id).addEventListener('input', () => (field(id).dataset.typed = '1'));
  }
  $('to-totals').addEventListener('click', () => open('step-2'));
  $('to-build').addEventListener('click', () => open('step-3'));
  $('read-totals').addEventListener('click', () => void readTotals());
  $('build').addEventListener('click', () => void build());
  $('pick-item').addEventListener('click', () => void pickItem());
  $('add-note').addEventListener('click', () => void addNote());
  $('set-rf').addEventListener('click', () => void setRf());
  $('ready').addEventListener('click', () => void readinessCheck());
  $('crm').addEventListener('click', () => void copyCrm());
  window.addEventListener('focus', () => void loadSheets().catch(() => undefined));
  try {
    field('author').value = localStorage.getItem('pursue.author') ?? '';
  } catch {
    // No storage: the author field starts empty.
  }
}

Office.onReady((info) => {
  applyTheme();
  engine = new EngineClient('engine-worker.js');
  wire();
  if (info.host !== Office.HostType.Excel) {
    showError('Pursue runs in Excel. Open this add-in from Excel.');
    return;
  }
  if (!Office.context.requirements.isSetSupported('ExcelApi', '1.9')) {
    showError('This Excel is too old for Pursue: it needs Excel 2019 or later, Microsoft 365, or Excel on the web.');
    return;
  }
  restoreSources();
  showMode();
  void busy('Looking for the pasted estimates…', async () => {
    await loadSheets();
    const ready = mode() === 'compare' ? sources.compare : sources.ours && sources.theirs;
    return { text: ready ? 'The estimates picked last time are set. Build when ready.' : 'Pick the two estimates, then build.', kind: 'info' };
  });
});
