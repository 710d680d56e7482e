/**
 * The sidebar (300 px). Talks to the server only through the typed google.script.run client
 * (server-calls.ts); the server does the work. Every text that came from a paste is put in the page
 * with textContent, never as HTML.
 */
import type { SidebarBuildRequest, BuildSummary, SelectedItem, SourceRef } from '../server';
import { picksProblem, samePasteWarning, type PastePicks, type PdfOrigin } from '../../shared/index';
import { mountSidebarPdf, PDF_SHEETS, type PdfSide } from './pdf';
import { server } from './server-calls';

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el as T;
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

type Kind = 'busy' | 'ok' | 'error' | 'advice' | '';

function setStatus(text: string, kind: Kind = ''): void {
  $('status').textContent = text;
  $('outcome').className = `outcome ${kind}`;
  $('spinner').hidden = kind !== 'busy';
}

const STEPS = ['step-1', 'step-2', 'step-3', 'step-4', 'step-5'] as const;

/** Opens one step and folds the others, so the step in use (and its result) is what the user sees. */
function openStep(step: (typeof STEPS)[number]): void {
  for (const id of STEPS) $<HTMLDetailsElement>(id).open = id === step;
}

/** A step opened by hand folds the others too (browsers without exclusive <details name>). */
function wireSteps(): void {
  for (const id of STEPS) {
    $<HTMLDetailsElement>(id).addEventListener('toggle', () => {
      if ($<HTMLDetailsElement>(id).open) for (const other of STEPS) if (other !== id) $<HTMLDetailsElement>(other).open = false;
    });
  }
}

/** Runs one action with the buttons off and a spinner; its outcome (or what to do) stays in view at the top. */
async function act(busy: string, work: () => Promise<{ text: string; kind?: Kind } | string | void>): Promise<void> {
  const buttons = Array.from(document.querySelectorAll('button'));
  buttons.forEach((b) => (b.disabled = true));
  $('app').setAttribute('aria-busy', 'true');
  setStatus(busy, 'busy');
  try {
    const done = await work();
    if (typeof done === 'string') setStatus(done, 'ok');
    else if (done) setStatus(done.text, done.kind ?? 'ok');
    else setStatus('Done.', 'ok');
  } catch (e) {
    setStatus(e instanceof Error ? e.message : String(e), 'error');
  } finally {
    buttons.forEach((b) => (b.disabled = false));
    $('app').setAttribute('aria-busy', 'false');
  }
}

const SIDES = ['ours', 'theirs', 'compare'] as const;
type SideKey = (typeof SIDES)[number];

function mode(): 'pair' | 'compare' {
  const checked = document.querySelector<HTMLInputElement>('input[name="mode"]:checked');
  return checked?.value === 'compare' ? 'compare' : 'pair';
}

function showMode(): void {
  const m = mode();
  document.querySelectorAll<HTMLElement>('.src').forEach((d) => {
    const key = d.dataset['src'];
    d.hidden = m === 'compare' ? key !== 'compare' : key === 'compare';
  });
  checkSame();
}

function source(key: SideKey): SourceRef | null {
  const sheet = $<HTMLSelectElement>(`${key}-sheet`).value;
  if (!sheet) return null;
  const range = $<HTMLInputElement>(`${key}-range`).value.trim();
  return { sheet, range: range || null };
}

/** The engine's picks for what is chosen in step 1. */
function picks(): PastePicks {
  return mode() === 'compare' ? { compare: source('compare') } : { ours: source('ours'), theirs: source('theirs') };
}

/** Warns as soon as both sides are the same cells (the engine's rule); the build refuses them. */
function checkSame(): void {
  const text = samePasteWarning(picks());
  const p = $('same-sheet');
  p.hidden = !text;
  p.textContent = text ?? '';
}

const TOTAL_FIELDS = ['oursRcv', 'oursTax', 'oursOp', 'theirsRcv', 'theirsTax', 'theirsOp'] as const;

/** PDFs read in this sidebar, by side: sent with the build while the side still uses their whole sheet. */
const pdfRead: Partial<Record<PdfSide, PdfOrigin>> = {};

function request(): SidebarBuildRequest {
  const req: SidebarBuildRequest = { totals: {}, tolerance: $<HTMLInputElement>('tolerance').value };
  if (mode() === 'compare') req.compare = source('compare');
  else {
    req.ours = source('ours');
    req.theirs = source('theirs');
    req.pdf = {};
    for (const side of ['ours', 'theirs'] as const) {
      const s = req[side];
      if (pdfRead[side] && s && s.sheet === PDF_SHEETS[side] && !s.range) req.pdf[side] = pdfRead[side];
    }
  }
  for (const f of TOTAL_FIELDS) req.totals![f] = $<HTMLInputElement>(f).value.trim();
  return req;
}

function fillSheets(names: string[], saved: SidebarBuildRequest | null): void {
  for (const key of SIDES) {
    const select = $<HTMLSelectElement>(`${key}-sheet`);
    const keep = select.value || saved?.[key]?.sheet || '';
    select.replaceChildren(el('option', '(choose a sheet)'));
    (select.firstChild as HTMLOptionElement).value = '';
    for (const n of names) {
      const o = el('option', n);
      o.value = n;
      select.append(o);
    }
    if (keep && names.includes(keep)) select.value = keep;
  }
  if (!saved) return;
  for (const key of SIDES) if (saved[key]) $<HTMLInputElement>(`${key}-range`).value = saved[key]!.range ?? '';
  if (saved.compare) document.querySelector<HTMLInputElement>('input[name="mode"][value="compare"]')!.checked = true;
  if (saved.totals) for (const f of TOTAL_FIELDS) $<HTMLInputElement>(f).value = saved.totals[f] ?? '';
  if (saved.tolerance) $<HTMLInputElement>('tolerance').value = saved.tolerance;
}

/** A first guess people rarely need to change: sheets named like the two pastes. */
function guessSheets(names: string[]): void {
  const guess = (re: RegExp) => names.find((n) => re.test(n)) ?? '';
  if (!$<HTMLSelectElement>('ours-sheet').value) $<HTMLSelectElement>('ours-sheet').value = guess(/^(ours|our|contractor|estimate)/i);
  if (!$<HTMLSelectElement>('theirs-sheet').value) $<HTMLSelectElement>('theirs-sheet').value = guess(/^(theirs|insurer|carrier|re\b|revised)/i);
}

function prefill(s: BuildSummary): void {
  const set = (id: (typeof TOTAL_FIELDS)[number], v: string) => {
    const input = $<HTMLInputElement>(id);
    if (input.value.trim() === '' && v !== '') input.value = v;
  };
  set('oursRcv', s.ours.prefill.rcv);
  set('oursTax', s.ours.prefill.tax);
  set('oursOp', s.ours.prefill.op);
  set('theirsRcv', s.theirs.prefill.rcv);
  set('theirsTax', s.theirs.prefill.tax);
  set('theirsOp', s.theirs.prefill.op);
}

function showResult(s: BuildSummary): void {
  $('result').hidden = false;
  const mark = $('mark');
  mark.textContent = s.status.text;
  mark.className = `mark ${s.status.state}`;
  const figs: Array<[string, string]> = [
    ['Our RCV', s.ours.rcv],
    ['Approved RCV', s.theirs.rcv],
    ['Total gap', s.totalGap],
    ['O&P gap', s.opGap],
    ['Tax gap', s.taxGap],
    ['Sum of gaps', s.sumOfParts],
    ['Residual', s.residual],
    ['Items / RE-only', `${s.lines} / ${s.insurerOnly}`],
  ];
  $('figures').replaceChildren(...figs.flatMap(([k, v]) => [el('dt', k), el('dd', v)]));
  const errors = s.notes.filter((n) => n.kind === 'error');
  const advisories = s.notes.filter((n) => n.kind === 'advisory');
  $('errors').replaceChildren(...(errors.length ? errors.map((n) => el('li', n.text)) : [el('li', 'Nothing to fix.', 'none')]));
  $('advisories').replaceChildren(...(advisories.length ? advisories.map((n) => el('li', n.text)) : [el('li', 'Nothing else to check.', 'none')]));
  showTopics(s.topics);
}

function showTopics(topics: BuildSummary['topics']): void {
  const ul = $('topics');
  ul.replaceChildren();
  const suggested = topics.filter((t) => t.state === 'suggested');
  const accepted = topics.filter((t) => t.state === 'accepted');
  for (const t of accepted) ul.append(el('li', `${t.name} (items ${t.items.join(', ')}): accepted`));
  for (const t of suggested) {
    const li = el('li', `${t.name}: items ${t.items.join(', ')}`);
    const yes = el('button', 'Accept');
    yes.type = 'button';
    yes.setAttribute('aria-label', `Accept topic ${t.name}`);
    const no = el('button', 'Refuse');
    no.type = 'button';
    no.setAttribute('aria-label', `Refuse topic ${t.name}`);
    yes.addEventListener('click', () => decideTopic(t.name, t.items, true, li));
    no.addEventListener('click', () => decideTopic(t.name, t.items, false, li));
    li.append(el('br'), yes, no);
    ul.append(li);
  }
  if (ul.childElementCount === 0) ul.append(el('li', 'No topics suggested.', 'none'));
}

function decideTopic(name: string, items: string[], accept: boolean, li: HTMLElement): void {
  void act(accept ? 'Accepting topic…' : 'Refusing topic…', async () => {
    await server('pursueAcceptTopic', name, items, accept);
    li.replaceChildren(document.createTextNode(`${name}: ${accept ? 'accepted' : 'refused'}`));
    return accept ? `Topic "${name}" accepted. Build again to see it combined.` : `Topic "${name}" refused.`;
  });
}

let author = '';
let picked: SelectedItem | null = null;

/** The item a note or RF goes to: the one named in the sidebar (for a topic, the member chosen). */
function target(): string {
  if (!picked || !picked.items.length) throw new Error('Nothing picked: click a cell in an item row on Pursue Items, then press "Use selected row".');
  return picked.kind === 'topic' ? $<HTMLSelectElement>('member').value : picked.item!;
}

function showItem(it: SelectedItem): void {
  $('item').textContent = it.kind === 'topic' ? `Topic ${it.topic ?? ''}: items ${it.items.join(', ')}` : `Item ${it.item}: ${it.name}`;
  const member = $<HTMLSelectElement>('member');
  member.replaceChildren(...it.items.map((i) => Object.assign(el('option', i), { value: i })));
  $('member-row').hidden = it.kind !== 'topic';
  $<HTMLInputElement>('rf').checked = it.rfAsked;
}

async function refreshSheets(): Promise<void> {
  const init = await server('pursueSidebarInit');
  fillSheets(init.sheets, null);
  checkSame();
}

/** The sidebar's event wiring, section by section as the page shows them. */
function wire(): void {
  wireSteps();
  wirePastes();
  $('build').addEventListener('click', build);
  wireItem();
  wireBeforeCall();
}

/** 1. Pastes: mode, sheets and ranges, "use selection", estimate PDFs and reading the totals. */
function wirePastes(): void {
  document.querySelectorAll<HTMLInputElement>('input[name="mode"]').forEach((r) => r.addEventListener('change', showMode));
  for (const key of SIDES) {
    $(`${key}-sheet`).addEventListener('change', checkSame);
    $(`${key}-range`).addEventListener('change', checkSame);
    // Sheets come and go while the sidebar is open: the lists refresh when one is opened.
    $(`${key}-sheet`).addEventListener('focus', () => void refreshSheets().catch(() => undefined));
  }
  document.querySelectorAll<HTMLButtonElement>('button.sel').forEach((b) => b.addEventListener('click', () => useSelection(b)));
  // Estimate PDFs: read here in the browser; the rows go to the side's sheet in batches, then build.
  mountSidebarPdf({ ours: $('ours-sheet').parentElement!, theirs: $('theirs-sheet').parentElement! }, {
    act: (label, work) => act(label, work),
    writeBatch: (batch) => server('pursueWritePdfRows', batch),
    written: pdfWritten,
  });
  $('read-totals').addEventListener('click', readTotals);
}

/** Chooses a sheet in a side's list, adding it when the list does not have it yet. */
function chooseSheet(key: SideKey, sheet: string, range: string): void {
  const select = $<HTMLSelectElement>(`${key}-sheet`);
  if (!Array.from(select.options).some((o) => o.value === sheet)) {
    const o = el('option', sheet);
    o.value = sheet;
    select.append(o);
  }
  select.value = sheet;
  $<HTMLInputElement>(`${key}-range`).value = range;
}

function useSelection(b: HTMLButtonElement): Promise<void> {
  return act('Reading the selection…', async () => {
    const key = b.dataset['for'] as SideKey;
    const ref = await server('pursueUseSelection');
    chooseSheet(key, ref.sheet, ref.range ?? '');
    checkSame();
    return `Using ${ref.sheet}!${ref.range ?? ''}.`;
  });
}

/** A PDF's rows are on their sheet: use that sheet for its side, and build once both sides are chosen. */
async function pdfWritten(side: PdfSide, sheet: string, read: PdfOrigin): Promise<void> {
  pdfRead[side] = read;
  const pair = document.querySelector<HTMLInputElement>('input[name="mode"][value="pair"]');
  if (pair) pair.checked = true;
  showMode();
  chooseSheet(side, sheet, '');
  if ($<HTMLSelectElement>('ours-sheet').value && $<HTMLSelectElement>('theirs-sheet').value) $('build').click();
}

function readTotals(): Promise<void> {
  return act('Reading the pastes…', async () => {
    const s = await server('pursueReadTotals', request());
    prefill(s);
    const missing = [s.ours.prefill.rcv, s.theirs.prefill.rcv].filter((v) => v === '').length;
    openStep('step-2');
    return missing
      ? { text: 'A total is not in the pastes: type it under Confirm totals, then build.', kind: 'advice' }
      : 'Totals read. Check them, type what is missing, then build.';
  });
}

/** 3. Build and review. */
function build(): Promise<void> {
  return act('Building the pursue items…', async () => {
    // A side not chosen, or the same cells twice: say so in step 1 before asking the server.
    const problem = picksProblem(picks());
    if (problem) {
      openStep('step-1');
      throw new Error(problem);
    }
    const s = await server('pursueBuild', request());
    prefill(s);
    showResult(s);
    openStep('step-3');
    // The result where the user is: below the sticky outcome.
    $('result').scrollIntoView?.({ block: 'start' });
    $('result').focus({ preventScroll: true });
    const label = s.status.state === 'reconciled' ? 'reconciled' : s.status.state === 'unverified' ? 'unverified' : 'not reconciled';
    return { text: `Built: ${s.lines} items, total gap ${s.totalGap}, ${label}.`, kind: s.status.state === 'reconciled' ? 'ok' : 'advice' };
  });
}

/** 4. One item: pick the selected row, then add a dated note or save RF asked on it. */
function wireItem(): void {
  $('get-item').addEventListener('click', () =>
    act('Reading the selected row…', async () => {
      const it = await server('pursueSelectedItem');
      if (!it.items.length) throw new Error(it.message);
      picked = it;
      showItem(it);
      return `Picked ${$('item').textContent}. Notes and RF go to it until you pick another row.`;
    }),
  );
  $('add-note').addEventListener('click', () =>
    act('Adding the note…', async () => {
      const item = target();
      const text = $<HTMLTextAreaElement>('note').value;
      const r = await server('pursueAddStatusNote', text, author, item);
      $<HTMLTextAreaElement>('note').value = '';
      const lacks = r.missing.length ? ` It does not say: ${r.missing.join(', ')}.` : '';
      return { text: `Note added to item ${r.item} (${r.date}).${lacks}`, kind: lacks ? 'advice' : 'ok' };
    }),
  );
  $('set-rf').addEventListener('click', () =>
    act('Saving RF asked…', async () => {
      const item = target();
      const r = await server('pursueSetRfAsked', $<HTMLInputElement>('rf').checked, item);
      if (picked) picked.rfAsked = r.asked;
      return `RF asked ${r.asked ? 'set' : 'cleared'} for item ${r.item}.`;
    }),
  );
}

/** 5. Before the call: copy for the CRM, the readiness check, sharing. */
function wireBeforeCall(): void {
  $('crm').addEventListener('click', copyForCrm);
  $('ready').addEventListener('click', () =>
    act('Checking readiness…', async () => {
      const r = await server('pursueReadiness', {}, request());
      const ul = $('issues');
      ul.hidden = false;
      // The engine's message already names the item and its gap.
      ul.replaceChildren(...r.issues.map((i) => el('li', i.message)));
      return r.issues.length ? { text: r.headline, kind: 'advice' } : r.headline;
    }),
  );
  $('share').addEventListener('click', () =>
    act('Sharing…', async () => {
      const r = await server('pursueShare', {
        email: $<HTMLInputElement>('email').value,
        role: $<HTMLSelectElement>('role').value === 'viewer' ? 'viewer' : 'editor',
      });
      return r.message;
    }),
  );
}

function copyForCrm(): Promise<void> {
  return act('Reading the current sheet for the CRM…', async () => {
    const r = await server('pursueCopyForCrm', request());
    const ta = $<HTMLTextAreaElement>('crm-text');
    ta.hidden = false;
    $('crm-label').hidden = false;
    ta.value = r.text;
    ta.focus();
    ta.select();
    // Apps Script cannot write the clipboard; the browser may, from this click.
    try {
      if (document.execCommand('copy')) return 'Copied. Paste it into the CRM field.';
    } catch {
      /* fall through: the user copies by hand */
    }
    return 'Selected: press Ctrl+C (Cmd+C) and paste it into the CRM field.';
  });
}

function start(): void {
  wire();
  void act('Loading…', async () => {
    const init = await server('pursueSidebarInit');
    author = init.author;
    fillSheets(init.sheets, init.saved);
    if (!init.saved) guessSheets(init.sheets);
    showMode();
    // A workbook already built: the AM is most likely back to log a call on an item.
    if (init.hasPursue) openStep('step-4');
    return { text: init.hasPursue ? 'Pick an item row to add notes, or build again after new pastes.' : 'Paste both estimates into sheets, choose them here, then build.', kind: '' };
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
