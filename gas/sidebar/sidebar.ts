/**
 * The sidebar (300 px). Talks to the server only through google.script.run; every text that came
 * from a paste is put in the page with textContent, never as HTML.
 */
import type { SidebarCall } from '../entry-points';
import type { BuildRequest, BuildSummary, SelectedItem, SourceRef } from '../server';
import { mountSidebarPdf } from './pdf';

interface ScriptRun {
  withSuccessHandler(f: (value: unknown) => void): ScriptRun;
  withFailureHandler(f: (error: Error | string) => void): ScriptRun;
  [name: string]: unknown;
}
declare const google: { script: { run: ScriptRun } };

/** One server call as a promise. The name is checked against gas/entry-points.json by type. */
function server<T>(name: SidebarCall, ...args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((v) => resolve(v as T))
      .withFailureHandler((e) => reject(e instanceof Error ? e : new Error(String(e))));
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}

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

function setStatus(text: string, kind: 'busy' | 'ok' | 'error' | '' = ''): void {
  const s = $('status');
  s.textContent = text;
  s.className = kind;
}

/** Runs one action with the buttons disabled and its outcome in the status line. */
async function act(busy: string, work: () => Promise<string | void>): Promise<void> {
  const buttons = Array.from(document.querySelectorAll('button'));
  buttons.forEach((b) => (b.disabled = true));
  setStatus(busy, 'busy');
  try {
    const done = await work();
    setStatus(done ?? '', done ? 'ok' : '');
  } catch (e) {
    setStatus(e instanceof Error ? e.message : String(e), 'error');
  } finally {
    buttons.forEach((b) => (b.disabled = false));
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
}

function source(key: SideKey): SourceRef | null {
  const sheet = $<HTMLSelectElement>(`${key}-sheet`).value;
  if (!sheet) return null;
  const range = $<HTMLInputElement>(`${key}-range`).value.trim();
  return { sheet, range: range || null };
}

const TOTAL_FIELDS = ['oursRcv', 'oursTax', 'oursOp', 'theirsRcv', 'theirsTax', 'theirsOp'] as const;

function request(): BuildRequest {
  const req: BuildRequest = { totals: {}, tolerance: $<HTMLInputElement>('tolerance').value };
  if (mode() === 'compare') req.compare = source('compare');
  else {
    req.ours = source('ours');
    req.theirs = source('theirs');
  }
  for (const f of TOTAL_FIELDS) req.totals![f] = $<HTMLInputElement>(f).value.trim();
  return req;
}

function fillSheets(names: string[], saved: BuildRequest | null): void {
  for (const key of SIDES) {
    const select = $<HTMLSelectElement>(`${key}-sheet`);
    select.replaceChildren(el('option', '(choose a sheet)'));
    (select.firstChild as HTMLOptionElement).value = '';
    for (const n of names) {
      const o = el('option', n);
      o.value = n;
      select.append(o);
    }
    const ref = saved?.[key];
    if (ref) {
      if (!names.includes(ref.sheet)) {
        const o = el('option', ref.sheet);
        o.value = ref.sheet;
        select.append(o);
      }
      select.value = ref.sheet;
      $<HTMLInputElement>(`${key}-range`).value = ref.range ?? '';
    }
  }
  // A first guess people rarely need to change: sheets named like the two pastes.
  if (!saved) {
    const guess = (re: RegExp) => names.find((n) => re.test(n)) ?? '';
    if (!$<HTMLSelectElement>('ours-sheet').value) $<HTMLSelectElement>('ours-sheet').value = guess(/^(ours|our|contractor|estimate)/i);
    if (!$<HTMLSelectElement>('theirs-sheet').value) $<HTMLSelectElement>('theirs-sheet').value = guess(/^(theirs|insurer|carrier|re\b|revised)/i);
  }
  if (saved?.compare) {
    document.querySelector<HTMLInputElement>('input[name="mode"][value="compare"]')!.checked = true;
  }
  if (saved?.totals) for (const f of TOTAL_FIELDS) $<HTMLInputElement>(f).value = saved.totals[f] ?? '';
  if (saved?.tolerance) $<HTMLInputElement>('tolerance').value = saved.tolerance;
  showMode();
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

function where(p: { side: string; row: number | null }): string {
  const side = p.side === 'ours' ? 'Ours' : p.side === 'theirs' ? 'RE' : 'Both';
  return p.row === null ? `${side}: ` : `${side} row ${p.row}: `;
}

function showResult(s: BuildSummary): void {
  $('result').hidden = false;
  const mark = $('mark');
  // The engine's one status line (reconciled / not reconciled / unverified), as every host shows it.
  mark.textContent = s.statusMessage;
  mark.className = `mark ${s.status === 'reconciled' ? 'good' : s.status === 'unverified' ? 'warn' : 'bad'}`;
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
  const dl = $('figures');
  dl.replaceChildren();
  for (const [k, v] of figs) {
    dl.append(el('dt', k), el('dd', v, v.startsWith('-') ? 'neg' : undefined));
  }
  const list = $('problems');
  list.replaceChildren();
  const failed = s.checks.filter((c) => c.status === 'fail');
  for (const c of failed) {
    const li = el('li', undefined, 'error');
    li.append(el('span', `${c.label}: `, 'where'), document.createTextNode(c.detail));
    list.append(li);
  }
  for (const p of s.problems) {
    const li = el('li', undefined, p.severity);
    li.append(el('span', where(p), 'where'), document.createTextNode(p.message));
    list.append(li);
  }
  for (const w of s.warnings) list.append(el('li', w, 'info'));
  if (list.childElementCount === 0) list.append(el('li', 'No problems found.', 'info'));
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
    const no = el('button', 'Refuse');
    no.type = 'button';
    yes.addEventListener('click', () => decideTopic(t.name, t.items, true, li));
    no.addEventListener('click', () => decideTopic(t.name, t.items, false, li));
    li.append(el('br'), yes, no);
    ul.append(li);
  }
  if (ul.childElementCount === 0) ul.append(el('li', 'No topics suggested.', 'hint'));
}

function decideTopic(name: string, items: string[], accept: boolean, li: HTMLElement): void {
  void act(accept ? 'Accepting topic…' : 'Refusing topic…', async () => {
    await server('pursueAcceptTopic', name, items, accept);
    li.replaceChildren(document.createTextNode(`${name}: ${accept ? 'accepted' : 'refused'}`));
    return accept ? `Topic "${name}" accepted. Build again to see it combined.` : `Topic "${name}" refused.`;
  });
}

let author = '';

function wire(): void {
  document.querySelectorAll<HTMLInputElement>('input[name="mode"]').forEach((r) => r.addEventListener('change', showMode));
  document.querySelectorAll<HTMLButtonElement>('button.sel').forEach((b) =>
    b.addEventListener('click', () =>
      act('Reading the selection…', async () => {
        const key = b.dataset['for'] as SideKey;
        const ref = await server<SourceRef>('pursueUseSelection');
        const select = $<HTMLSelectElement>(`${key}-sheet`);
        if (!Array.from(select.options).some((o) => o.value === ref.sheet)) {
          const o = el('option', ref.sheet);
          o.value = ref.sheet;
          select.append(o);
        }
        select.value = ref.sheet;
        $<HTMLInputElement>(`${key}-range`).value = ref.range ?? '';
        return `Using ${ref.sheet}!${ref.range ?? ''}`;
      }),
    ),
  );

  // Estimate PDFs: read here in the browser; the rows go to the side's sheet in batches, then build.
  mountSidebarPdf({ ours: $('ours-sheet').parentElement!, theirs: $('theirs-sheet').parentElement! }, {
    act,
    writeBatch: (batch) => server('pursueWritePdfRows', batch),
    written: async (side, sheet) => {
      const pair = document.querySelector<HTMLInputElement>('input[name="mode"][value="pair"]');
      if (pair) pair.checked = true;
      showMode();
      const select = $<HTMLSelectElement>(`${side}-sheet`);
      if (!Array.from(select.options).some((o) => o.value === sheet)) {
        const o = el('option', sheet);
        o.value = sheet;
        select.append(o);
      }
      select.value = sheet;
      $<HTMLInputElement>(`${side}-range`).value = '';
      if ($<HTMLSelectElement>('ours-sheet').value && $<HTMLSelectElement>('theirs-sheet').value) $('build').click();
    },
  });

  $('read-totals').addEventListener('click', () =>
    act('Reading the pastes…', async () => {
      const s = await server<BuildSummary>('pursueReadTotals', request());
      prefill(s);
      showResult(s);
      return 'Totals read. Check them, type what is missing, then build.';
    }),
  );

  $('build').addEventListener('click', () =>
    act('Building the pursue items…', async () => {
      const s = await server<BuildSummary>('pursueBuild', request());
      prefill(s);
      showResult(s);
      return `Built: ${s.lines} items, total gap ${s.totalGap}.`;
    }),
  );

  $('get-item').addEventListener('click', () =>
    act('Reading the selected row…', async () => {
      const it = await server<SelectedItem>('pursueSelectedItem');
      $('item').textContent = it.item ? `Item ${it.item}: ${it.name}` : it.message;
      return it.item ? '' : it.message;
    }),
  );

  $('add-note').addEventListener('click', () =>
    act('Adding the note…', async () => {
      const text = $<HTMLTextAreaElement>('note').value;
      const r = await server<{ item: string; date: string; missing: string[]; warnings: string[] }>('pursueAddStatusNote', text, author);
      $<HTMLTextAreaElement>('note').value = '';
      const lacks = r.missing.length ? ` It does not say: ${r.missing.join(', ')}.` : '';
      return `Note added to item ${r.item} (${r.date}).${lacks}`;
    }),
  );

  $('set-rf').addEventListener('click', () =>
    act('Saving RF asked…', async () => {
      const r = await server<{ item: string; asked: boolean }>('pursueSetRfAsked', $<HTMLInputElement>('rf').checked);
      return `Item ${r.item}: RF asked ${r.asked ? 'Y' : 'N'}.`;
    }),
  );

  $('crm').addEventListener('click', () =>
    act('Preparing the CRM text…', async () => {
      const r = await server<{ text: string }>('pursueCopyForCrm');
      const ta = $<HTMLTextAreaElement>('crm-text');
      ta.hidden = false;
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
    }),
  );

  $('ready').addEventListener('click', () =>
    act('Checking readiness…', async () => {
      const r = await server<{ issues: Array<{ item: string; gap: string; message: string }> }>('pursueReadiness', {});
      const ul = $('issues');
      ul.hidden = false;
      ul.replaceChildren();
      for (const i of r.issues) {
        // The engine's message already names the item and its gap.
        ul.append(el('li', i.message));
      }
      return r.issues.length ? `${r.issues.length} item(s) need work before the call.` : 'Ready for the call.';
    }),
  );

  $('share').addEventListener('click', () =>
    act('Sharing…', async () => {
      const r = await server<{ message: string }>('pursueShare', {
        email: $<HTMLInputElement>('email').value,
        role: $<HTMLSelectElement>('role').value,
      });
      return r.message;
    }),
  );
}

function start(): void {
  wire();
  void act('Loading…', async () => {
    const init = await server<{ sheets: string[]; saved: BuildRequest | null; author: string; hasPursue: boolean }>('pursueSidebarInit');
    author = init.author;
    fillSheets(init.sheets, init.saved);
    return init.hasPursue ? '' : 'Paste both estimates into sheets, choose them here, then build.';
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
