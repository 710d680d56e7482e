/**
 * Apps Script server side: a thin wrapper that reads what the user pasted, hands it to the engine
 * and writes the engine's workbook description. No reconciliation logic and no layout here.
 */
import type { Cell, Rows } from '../shared/index';
import type { ReconcileOptions, SideTotals, TypedTotals } from '../shared/index';
import {
  buildPursue,
  cellString,
  statusMessage,
  dollarsToCents,
  formatMoney,
  OP_ITEM,
  parseKey,
  PC,
  pursueHeader,
  readiness,
  rfPatch,
  SHEETS,
  statusNotePatch,
  TAX_ITEM,
  topicPatch,
  type CellPatch,
  type PursueResult,
} from './engine';
import { MENU_ITEMS } from './entry-points';
import { needsQuote, toCells, writeWorkbook } from './writer';
import { readWorkbookBatch, writeWorkbookBatch, type BatchSnapshot } from './batch-writer';

type SS = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Where a paste is: a sheet's used range, or an A1 range on that sheet. */
export interface SourceRef {
  sheet: string;
  range?: string | null;
}

/** Totals a person confirms or types, as dollars text ("24,773.52"); blank = use what the paste printed. */
export interface TotalsInput {
  oursRcv?: string;
  oursTax?: string;
  oursOp?: string;
  theirsRcv?: string;
  theirsTax?: string;
  theirsOp?: string;
}

export interface BuildRequest {
  ours?: SourceRef | null;
  theirs?: SourceRef | null;
  /** A side-by-side comparison someone already made, instead of ours + theirs. */
  compare?: SourceRef | null;
  totals?: TotalsInput;
  /** Residual tolerance in dollars (default $1.00). */
  tolerance?: string;
}

export interface SideSummary {
  lineItemTotal: string;
  tax: string;
  taxSource: string;
  op: string;
  opSource: string;
  rcv: string;
  rcvSource: string;
  /** Plain dollars ("24773.52") to pre-fill the totals boxes. */
  prefill: { rcv: string; tax: string; op: string };
}

export interface BuildSummary {
  lines: number;
  insurerOnly: number;
  ours: SideSummary;
  theirs: SideSummary;
  taxGap: string;
  opGap: string;
  totalGap: string;
  sumOfParts: string;
  residual: string;
  tolerance: string;
  reconciled: boolean;
  /** reconciled / not reconciled / unverified, and the engine's line for it. */
  status: string;
  statusMessage: string;
  problems: Array<{ side: string; row: number | null; severity: string; message: string }>;
  checks: Array<{ label: string; status: string; detail: string }>;
  topics: Array<{ name: string; items: string[]; state: string }>;
  warnings: string[];
  written: boolean;
  /** How the sheets were written: one Sheets API batch, or SpreadsheetApp calls (the fallback). */
  writer?: 'sheets-api' | 'spreadsheetapp';
}

const REQUEST_KEY = 'pursue.request';
const PURSUE_SHEET_NAMES: string[] = Object.values(SHEETS);

function ss(): SS {
  return SpreadsheetApp.getActiveSpreadsheet();
}

function plainDollars(cents: number): string {
  const neg = cents < 0;
  const abs = Math.abs(cents);
  return `${neg ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function todayIso(spreadsheet: SS): { today: string; now: string } {
  const tz = spreadsheet.getSpreadsheetTimeZone() || Session.getScriptTimeZone();
  const d = new Date();
  return {
    today: Utilities.formatDate(d, tz, 'yyyy-MM-dd'),
    now: Utilities.formatDate(d, tz, "yyyy-MM-dd'T'HH:mm:ss"),
  };
}

function readSource(spreadsheet: SS, ref: SourceRef, what: string): Rows {
  const sheet = spreadsheet.getSheetByName(ref.sheet);
  if (!sheet) {
    throw new Error(`There is no sheet named "${ref.sheet}". Choose the sheet where you pasted ${what}.`);
  }
  let range: GoogleAppsScript.Spreadsheet.Range;
  try {
    range = ref.range ? sheet.getRange(ref.range) : sheet.getDataRange();
  } catch {
    throw new Error(`"${ref.range}" is not a range on "${ref.sheet}". Type it like A1:G40, or leave it blank to use the whole sheet.`);
  }
  return toCells(range.getValues());
}

export interface Existing {
  values: Record<string, Cell[][]>;
  sheets: Map<string, { sheet: Sheet; usedRows: number; usedCols: number }>;
}

/**
 * The Advanced Sheets service when the project enables it (appsscript.json does), else null: a
 * copy of Code.js pasted into a project without it still works through SpreadsheetApp.
 */
function sheetsApi(): GoogleAppsScript.Sheets | null {
  return typeof Sheets !== 'undefined' && Sheets ? Sheets : null;
}

/**
 * The Pursue sheets' values and layout in two Sheets API calls (one on a first build). Null when
 * the service is missing or refuses (e.g. the Sheets API is off in the script's Cloud project):
 * nothing has been written yet, so the SpreadsheetApp path can take over.
 */
export function readBatch(spreadsheet: SS): BatchSnapshot | null {
  const api = sheetsApi();
  if (!api) return null;
  try {
    return readWorkbookBatch(api, spreadsheet.getId(), PURSUE_SHEET_NAMES);
  } catch (e) {
    console.warn(`Sheets API read failed, reading with SpreadsheetApp: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}

/** What people typed in the Pursue sheets, by sheet name: the cheapest read available. */
function existingValues(spreadsheet: SS): Record<string, Cell[][]> {
  return (readBatch(spreadsheet) ?? readExisting(spreadsheet)).values;
}

/** Reads back every Pursue sheet already in the spreadsheet, once, so a refresh keeps what people typed. */
export function readExisting(spreadsheet: SS): Existing {
  const values: Record<string, Cell[][]> = {};
  const sheets = new Map<string, { sheet: Sheet; usedRows: number; usedCols: number }>();
  for (const name of PURSUE_SHEET_NAMES) {
    const sheet = spreadsheet.getSheetByName(name);
    if (!sheet) continue;
    const cells = toCells(sheet.getDataRange().getValues());
    const blank = cells.length === 1 && cells[0]!.length === 1 && cells[0]![0] === '';
    values[name] = blank ? [] : cells;
    sheets.set(name, { sheet, usedRows: blank ? 0 : cells.length, usedCols: blank ? 0 : cells[0]?.length ?? 0 });
  }
  return { values, sheets };
}

function typed(input: TotalsInput | undefined, side: 'ours' | 'theirs'): TypedTotals {
  const out: TypedTotals = {};
  const pick = (label: string, text: string | undefined): number | undefined => {
    if (text === undefined || text.trim() === '') return undefined;
    const cents = dollarsToCents(text);
    if (cents === null) throw new Error(`${label} "${text}" is not an amount. Type dollars like 24,773.52, or leave it blank.`);
    return cents;
  };
  const who = side === 'ours' ? 'Our' : 'Approved';
  const rcv = pick(`${who} RCV`, side === 'ours' ? input?.oursRcv : input?.theirsRcv);
  const tax = pick(`${side === 'ours' ? 'Our' : 'Insurer'} tax`, side === 'ours' ? input?.oursTax : input?.theirsTax);
  const op = pick(`${side === 'ours' ? 'Our' : 'Insurer'} O&P`, side === 'ours' ? input?.oursOp : input?.theirsOp);
  if (rcv !== undefined) out.rcv = rcv;
  if (tax !== undefined) out.tax = tax;
  if (op !== undefined) out.overheadProfit = op;
  return out;
}

function options(req: BuildRequest): ReconcileOptions {
  const o: ReconcileOptions = { ours: typed(req.totals, 'ours'), theirs: typed(req.totals, 'theirs') };
  if (req.tolerance && req.tolerance.trim() !== '') {
    const t = dollarsToCents(req.tolerance);
    if (t === null || t < 0) throw new Error(`Tolerance "${req.tolerance}" is not an amount. Type dollars like 1.00.`);
    o.tolerance = t;
  }
  return o;
}

function runEngine(spreadsheet: SS, req: BuildRequest, existing: Record<string, Cell[][]>) {
  const input: Parameters<typeof buildPursue>[0] = {
    options: options(req),
    existing,
    today: todayIso(spreadsheet).today,
  };
  if (req.compare) {
    input.compare = readSource(spreadsheet, req.compare, 'the side-by-side comparison');
  } else {
    if (!req.ours || !req.theirs) {
      throw new Error('Choose where you pasted our estimate and the insurer\'s estimate (or a side-by-side comparison), then build.');
    }
    input.ours = readSource(spreadsheet, req.ours, 'our estimate');
    input.theirs = readSource(spreadsheet, req.theirs, "the insurer's estimate");
  }
  return buildPursue(input);
}

function side(t: SideTotals): SideSummary {
  return {
    lineItemTotal: formatMoney(t.lineItemTotal),
    tax: formatMoney(t.tax),
    taxSource: t.taxSource,
    op: formatMoney(t.overheadProfit),
    opSource: t.overheadProfitSource,
    rcv: formatMoney(t.rcv),
    rcvSource: t.rcvSource,
    prefill: {
      rcv: t.rcvSource === 'missing' ? '' : plainDollars(t.rcv),
      tax: t.taxSource === 'missing' ? '' : plainDollars(t.tax),
      op: t.overheadProfitSource === 'missing' ? '' : plainDollars(t.overheadProfit),
    },
  };
}

function summarize(result: PursueResult, written: boolean, writer?: BuildSummary['writer']): BuildSummary {
  const rec = result.rec;
  const topics = result.state.topics;
  return {
    lines: rec.lines.length,
    insurerOnly: rec.insurerOnly.length,
    ours: side(rec.ours),
    theirs: side(rec.theirs),
    taxGap: formatMoney(rec.taxGap),
    opGap: formatMoney(rec.overheadProfitGap),
    totalGap: formatMoney(rec.totalGap),
    sumOfParts: formatMoney(rec.sumOfParts),
    residual: formatMoney(rec.residual),
    tolerance: formatMoney(rec.tolerance),
    reconciled: rec.reconciled,
    status: rec.status,
    statusMessage: statusMessage(rec, 'sheets'),
    problems: rec.problems.map((p) => ({ side: p.side, row: p.row, severity: p.severity, message: p.message })),
    checks: rec.checks.map((c) => ({ label: c.label, status: c.status, detail: c.detail })),
    topics: topics.map((t) => ({ name: t.name, items: [...t.items], state: t.state })),
    warnings: result.warnings.map((w) => (w.item ? `Item ${w.item}: ${w.message}` : w.message)),
    written,
    ...(writer ? { writer } : {}),
  };
}

function savedRequest(): BuildRequest | null {
  const props = PropertiesService.getDocumentProperties();
  const raw = props ? props.getProperty(REQUEST_KEY) : null;
  if (!raw) return null;
  try {
    return JSON.parse(raw) as BuildRequest;
  } catch {
    return null;
  }
}

function saveRequest(req: BuildRequest): void {
  const props = PropertiesService.getDocumentProperties();
  if (props) props.setProperty(REQUEST_KEY, JSON.stringify(req));
}

function requireSaved(): BuildRequest {
  const req = savedRequest();
  if (!req) throw new Error('Build the pursue items first: open the sidebar (Pursue > Open sidebar), choose the two pastes and press Build.');
  return req;
}

// ---------------------------------------------------------------- sidebar calls

export function pursueSidebarInit(): {
  sheets: string[];
  saved: BuildRequest | null;
  author: string;
  hasPursue: boolean;
} {
  const spreadsheet = ss();
  const names = spreadsheet.getSheets().map((s) => s.getName());
  let author = '';
  try {
    author = Session.getActiveUser().getEmail();
  } catch {
    author = '';
  }
  return {
    sheets: names.filter((n) => !PURSUE_SHEET_NAMES.includes(n)),
    saved: savedRequest(),
    author,
    hasPursue: names.includes(SHEETS.pursue),
  };
}

/** The range the user selected, to use as one of the pastes. */
export function pursueUseSelection(): SourceRef {
  const range = ss().getActiveRange();
  if (!range) throw new Error('Select the cells you pasted first, then press "Use selection".');
  return { sheet: range.getSheet().getName(), range: range.getA1Notation() };
}

/** Runs the engine without writing, to show what the pastes printed before the user confirms totals. */
export function pursueReadTotals(req: BuildRequest): BuildSummary {
  const spreadsheet = ss();
  return summarize(runEngine(spreadsheet, { ...req, totals: {} }, existingValues(spreadsheet)), false);
}

/**
 * Builds or refreshes the workbook: read pastes and what people typed, run the engine, write.
 * With the Sheets API the whole write is one batchUpdate; Google applies it all or nothing, so
 * if it is refused the SpreadsheetApp writer can still write the same description.
 */
export function pursueBuild(req: BuildRequest): BuildSummary {
  const spreadsheet = ss();
  const snap = readBatch(spreadsheet);
  if (snap) {
    const result = runEngine(spreadsheet, req, snap.values);
    try {
      writeWorkbookBatch(sheetsApi()!, snap, result.workbook);
      saveRequest(req);
      return summarize(result, true, 'sheets-api');
    } catch (e) {
      console.warn(`Sheets API write refused, writing with SpreadsheetApp: ${e instanceof Error ? e.message : String(e)}`);
      writeWorkbook(SpreadsheetApp, spreadsheet, result.workbook, readExisting(spreadsheet).sheets);
      saveRequest(req);
      return summarize(result, true, 'spreadsheetapp');
    }
  }
  const existing = readExisting(spreadsheet);
  const result = runEngine(spreadsheet, req, existing.values);
  writeWorkbook(SpreadsheetApp, spreadsheet, result.workbook, existing.sheets);
  saveRequest(req);
  return summarize(result, true, 'spreadsheetapp');
}

export interface SelectedItem {
  item: string | null;
  name: string;
  row: number | null;
  message: string;
}

/** The Pursue Items row the user has selected: the item its Key cell names (an item, a topic, O&P or tax). */
function selectedItem(spreadsheet: SS, values?: Cell[][]): SelectedItem {
  const range = spreadsheet.getActiveRange();
  if (!range || range.getSheet().getName() !== SHEETS.pursue) {
    return { item: null, name: '', row: null, message: `Select a row on the "${SHEETS.pursue}" sheet.` };
  }
  const row = range.getRow();
  const rows = values ?? toCells(range.getSheet().getDataRange().getValues());
  const h = pursueHeader(rows);
  const cells = rows[row - 1] ?? [];
  const key = h && row - 1 > h.row ? parseKey(cellString(cells[h.cols[PC.key]!])) : null;
  const name = h ? cellString(cells[h.cols[PC.name]!]) : '';
  let item: string | null = null;
  if (key?.kind === 'item') item = key.id;
  else if (key?.kind === 'op') item = OP_ITEM;
  else if (key?.kind === 'tax') item = TAX_ITEM;
  else if (key?.kind === 'topic' && h) item = cellString(cells[h.cols[PC.item]!]).split(/[,;\s]+/).filter(Boolean)[0] ?? null;
  if (!item) {
    return { item: null, name: '', row, message: 'Select the row of one of our items (a row with an Item No.), the O&P row or the tax row.' };
  }
  return { item, name, row, message: '' };
}

export function pursueSelectedItem(): SelectedItem {
  return selectedItem(ss());
}

/** Writes engine patches: formats first (text cells become plain text), then the values. */
function applyPatches(spreadsheet: SS, patches: CellPatch[]): void {
  for (const p of patches) {
    const sheet = spreadsheet.getSheetByName(p.sheet) ?? spreadsheet.insertSheet(p.sheet);
    const last = /([0-9]+)$/.exec(p.range);
    if (last) {
      const needed = Number(last[1]);
      const max = sheet.getMaxRows();
      if (needed > max) sheet.insertRowsAfter(max, needed - max);
    }
    const range = sheet.getRange(p.range);
    if (p.numberFormats) range.setNumberFormats(p.numberFormats);
    const values = p.values.map((row, r) =>
      row.map((v, c) => {
        if (v === null) return '';
        const plain = p.numberFormats?.[r]?.[c] === '@';
        return typeof v === 'string' && needsQuote(v, plain) ? `'${v}` : v;
      }),
    );
    range.setValues(values);
  }
}

export function pursueAddStatusNote(text: string, author?: string): {
  item: string;
  date: string;
  missing: string[];
  warnings: string[];
} {
  const clean = String(text ?? '').trim();
  if (clean === '') throw new Error('Type the status note first (who you spoke to, what was said, next step).');
  const spreadsheet = ss();
  const existing = existingValues(spreadsheet);
  const sel = selectedItem(spreadsheet, existing[SHEETS.pursue]);
  if (!sel.item) throw new Error(sel.message);
  let who = (author ?? '').trim();
  if (who === '') {
    try {
      who = Session.getActiveUser().getEmail();
    } catch {
      who = '';
    }
  }
  const result = statusNotePatch(existing, sel.item, clean, who || 'AM', todayIso(spreadsheet).now);
  applyPatches(spreadsheet, result.patches);
  return {
    item: sel.item,
    date: result.entry.date,
    missing: [...result.entry.missing],
    warnings: [...result.warnings],
  };
}

export function pursueSetRfAsked(asked: boolean): { item: string; asked: boolean } {
  const spreadsheet = ss();
  const existing = existingValues(spreadsheet);
  const sel = selectedItem(spreadsheet, existing[SHEETS.pursue]);
  if (!sel.item) throw new Error(sel.message);
  const result = rfPatch(existing, sel.item, asked === true);
  applyPatches(spreadsheet, result.patches);
  return { item: sel.item, asked: asked === true };
}

export function pursueAcceptTopic(name: string, items: string[], accept: boolean): { name: string; state: string; warnings: string[] } {
  const spreadsheet = ss();
  const result = topicPatch(existingValues(spreadsheet), { name, items: [...(items ?? [])].map(String), state: accept ? 'accepted' : 'refused' });
  if (result.patches.length === 0) throw new Error(result.warnings.join(' '));
  applyPatches(spreadsheet, result.patches);
  return { name, state: accept ? 'accepted' : 'refused', warnings: result.warnings };
}

export function pursueCopyForCrm(): { text: string } {
  const spreadsheet = ss();
  const result = runEngine(spreadsheet, requireSaved(), existingValues(spreadsheet));
  return { text: result.crm };
}

export function pursueReadiness(opts?: { minGap?: string; days?: number }): {
  issues: Array<{ item: string; gap: string; missing: string[]; message: string }>;
} {
  const spreadsheet = ss();
  const result = runEngine(spreadsheet, requireSaved(), existingValues(spreadsheet));
  const minGap = opts?.minGap ? dollarsToCents(opts.minGap) : 50000;
  if (minGap === null) throw new Error(`"${opts?.minGap}" is not an amount. Type the smallest gap to check, like 500.`);
  const issues = readiness(result.rec, result.state, {
    minGap,
    days: opts?.days && opts.days > 0 ? opts.days : 7,
    today: todayIso(spreadsheet).today,
  });
  return {
    issues: issues.map((i) => ({ item: i.item, gap: formatMoney(i.gap), missing: [...i.missing], message: i.message })),
  };
}

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[A-Za-z]{2,}$/;

export function pursueShare(req: { email: string; role: 'editor' | 'viewer' }): { message: string } {
  const email = String(req?.email ?? '').trim();
  if (!EMAIL.test(email)) {
    throw new Error(`"${email}" is not an email address. Type the RM's address, like name@company.com.`);
  }
  const spreadsheet = ss();
  try {
    if (req.role === 'viewer') spreadsheet.addViewer(email);
    else spreadsheet.addEditor(email);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new Error(
      `Google did not share the sheet with ${email}: ${why}. Check the address, and that you may share this sheet (File > Share shows who can).`,
    );
  }
  return {
    message: `${email} can now ${req.role === 'viewer' ? 'view' : 'edit'} this spreadsheet. Google emails them the link.`,
  };
}

// ---------------------------------------------------------------- menu and triggers

export function onOpen(_e?: unknown): void {
  const menu = SpreadsheetApp.getUi().createMenu('Pursue');
  MENU_ITEMS.forEach((m, i) => {
    if (i === MENU_ITEMS.length - 1) menu.addSeparator();
    menu.addItem(m.label, m.fn);
  });
  menu.addToUi();
}

export function onInstall(e?: unknown): void {
  onOpen(e);
}

export function pursueShowSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Pursue').setWidth(300);
  SpreadsheetApp.getUi().showSidebar(html);
}

function report(e: unknown): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert('Pursue', e instanceof Error ? e.message : String(e), ui.ButtonSet.OK);
}

export function pursueMenuBuild(): void {
  const req = savedRequest();
  if (!req) {
    pursueShowSidebar();
    return;
  }
  try {
    const s = pursueBuild(req);
    ss().toast(
      `Total gap ${s.totalGap}, residual ${s.residual}: ${s.status === 'not reconciled' ? 'NOT reconciled' : s.status}. ${s.problems.length} problem(s) listed on the Checks sheet.`,
      'Pursue items built',
      10,
    );
  } catch (e) {
    report(e);
  }
}

export function pursueMenuStatusNote(): void {
  const ui = SpreadsheetApp.getUi();
  const sel = selectedItem(ss());
  if (!sel.item) {
    ui.alert('Add status note', sel.message, ui.ButtonSet.OK);
    return;
  }
  const answer = ui.prompt(
    `Status note for item ${sel.item}`,
    'Who you spoke to, what was said, and the next step (start with a date like 9/03, or today is used):',
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  try {
    const r = pursueAddStatusNote(answer.getResponseText());
    ss().toast(
      r.missing.length ? `Added. It does not say: ${r.missing.join(', ')}.` : 'Added.',
      `Item ${r.item}, ${r.date}`,
      8,
    );
  } catch (e) {
    report(e);
  }
}

export function pursueMenuCopyForCrm(): void {
  try {
    const { text } = pursueCopyForCrm();
    // appendUntrusted escapes the text: item descriptions come from a paste.
    const html = HtmlService.createHtmlOutput(
      '<p style="font:13px Arial,sans-serif">Select all (Ctrl+A / Cmd+A), copy, and paste into the CRM\'s "Top Items to Pursue" field.</p>' +
        '<textarea id="crm" readonly style="width:100%;height:300px;font:12px monospace">',
    )
      .appendUntrusted(text)
      .append('</textarea><script>document.getElementById("crm").select();</script>')
      .setWidth(640)
      .setHeight(420);
    SpreadsheetApp.getUi().showModalDialog(html, 'Copy for CRM');
  } catch (e) {
    report(e);
  }
}

export function pursueMenuReadiness(): void {
  const ui = SpreadsheetApp.getUi();
  try {
    const { issues } = pursueReadiness();
    const text = issues.length
      ? issues.map((i) => i.message).join('\n\n')
      : 'Every item over $500.00 has a denial reason, a reason to approve and a status note from the last 7 days.';
    ui.alert('Readiness check', text, ui.ButtonSet.OK);
  } catch (e) {
    report(e);
  }
}

export function pursueMenuShare(): void {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt('Share with RM', "The RM's email address:", ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const role = ui.alert('Share with RM', 'May they edit the sheet? Yes = editor, No = view only.', ui.ButtonSet.YES_NO);
  try {
    const r = pursueShare({ email: answer.getResponseText(), role: role === ui.Button.NO ? 'viewer' : 'editor' });
    ui.alert('Share with RM', r.message, ui.ButtonSet.OK);
  } catch (e) {
    report(e);
  }
}
