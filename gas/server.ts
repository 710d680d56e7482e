/**
 * Apps Script server side: a thin wrapper that reads what the user pasted, hands it to the engine
 * and writes the engine's workbook description. No reconciliation logic and no layout here.
 */
import type { Cell, PdfOrigins, Rows } from '../shared/index';
import type { Reconciliation, SideTotals } from '../shared/index';
import {
  buildPursue,
  formatMoney,
  itemAtRow,
  paneNotes,
  parseReadinessOptions,
  picksProblem,
  PursueInputError,
  readiness,
  readinessHeadline,
  reconcileOptionsFromText,
  rfAskedAt,
  rowOfItem,
  statusMessage,
  rfPatch,
  SHEETS,
  statusNotePatch,
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

export interface SidebarBuildRequest {
  ours?: SourceRef | null;
  theirs?: SourceRef | null;
  /** A side-by-side comparison someone already made, instead of ours + theirs. */
  compare?: SourceRef | null;
  totals?: TotalsInput;
  /** Residual tolerance in dollars (default $1.00). */
  tolerance?: string;
  /** Sides whose sheet holds rows the sidebar read from a PDF: problems also name the page and line. Not saved. */
  pdf?: PdfOrigins;
}

export interface SideSummary {
  lineItemTotal: string;
  tax: string;
  taxSource: string;
  op: string;
  opSource: string;
  rcv: string;
  rcvSource: string;
  /** Money ("$24,773.52") to pre-fill the totals boxes; blank where the paste lacks it. */
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
  /** Reconciled, not reconciled or unverified, in words. */
  status: { state: 'reconciled' | 'not-reconciled' | 'unverified'; text: string };
  /** What to fix (errors) and what is worth a look (advisories), each once. */
  notes: Array<{ kind: 'error' | 'advisory'; text: string }>;
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
    throw new PaneError(`There is no sheet named "${ref.sheet}". Choose the sheet where you pasted ${what}.`);
  }
  let range: GoogleAppsScript.Spreadsheet.Range;
  try {
    range = ref.range ? sheet.getRange(ref.range) : sheet.getDataRange();
  } catch {
    throw new PaneError(`"${ref.range}" is not a range on "${ref.sheet}". Type it like A1:G40, or leave it blank to use the whole sheet.`);
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

/** The typed totals and tolerance through the engine's one rule; a field error stops the build. */
function options(req: SidebarBuildRequest) {
  const t = req.totals ?? {};
  const { options, errors } = reconcileOptionsFromText(
    {
      ours: { rcv: t.oursRcv, tax: t.oursTax, overheadProfit: t.oursOp },
      theirs: { rcv: t.theirsRcv, tax: t.theirsTax, overheadProfit: t.theirsOp },
    },
    req.tolerance,
    'sheets',
  );
  if (errors.length > 0) throw new PaneError(errors.map((e) => e.message).join(' '));
  return options;
}

function runEngine(spreadsheet: SS, req: SidebarBuildRequest, existing: Record<string, Cell[][]>) {
  const input: Parameters<typeof buildPursue>[0] = {
    options: options(req),
    existing,
    today: todayIso(spreadsheet).today,
    pdf: req.pdf,
  };
  // A side not picked, or the same cells for both sides: the engine's rule, in the panes' words.
  const problem = picksProblem(req.compare !== undefined ? { compare: req.compare } : { ours: req.ours, theirs: req.theirs });
  if (problem) throw new PaneError(problem);
  if (req.compare) input.compare = readSource(spreadsheet, req.compare, 'the side-by-side comparison');
  else {
    input.ours = readSource(spreadsheet, req.ours!, 'our estimate');
    input.theirs = readSource(spreadsheet, req.theirs!, "the insurer's estimate");
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
      rcv: t.rcvSource === 'missing' ? '' : formatMoney(t.rcv),
      tax: t.taxSource === 'missing' ? '' : formatMoney(t.tax),
      op: t.overheadProfitSource === 'missing' ? '' : formatMoney(t.overheadProfit),
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
    status: statusOf(rec),
    notes: sidebarNotes(result),
    problems: rec.problems.map((p) => ({ side: p.side, row: p.row, severity: p.severity, message: p.message })),
    checks: rec.checks.map((c) => ({ label: c.label, status: c.status, detail: c.detail })),
    topics: topics.map((t) => ({ name: t.name, items: [...t.items], state: t.state })),
    warnings: result.warnings.map((w) => (w.item ? `Item ${w.item}: ${w.message}` : w.message)),
    written,
    ...(writer ? { writer } : {}),
  };
}

/** Reconciled / not reconciled / unverified: the engine's state and its words for the sidebar. */
function statusOf(rec: Reconciliation): BuildSummary['status'] {
  const state = rec.status === 'reconciled' ? 'reconciled' : rec.status === 'unverified' ? 'unverified' : 'not-reconciled';
  return { state, text: statusMessage(rec, 'sheets') };
}

/** Errors and advisories for the sidebar, each said once (a failed check that repeats a problem is dropped). */
/** The engine's notes for a pane, errors first (rows as pasted: the sidebar reads whole sheets or ranges). */
function sidebarNotes(result: PursueResult): BuildSummary['notes'] {
  const { errors, advisories } = paneNotes(result);
  return [...errors.map((text) => ({ kind: 'error' as const, text })), ...advisories.map((text) => ({ kind: 'advisory' as const, text }))];
}

function savedRequest(): SidebarBuildRequest | null {
  const props = PropertiesService.getDocumentProperties();
  const raw = props ? props.getProperty(REQUEST_KEY) : null;
  if (!raw) return null;
  try {
    return JSON.parse(raw) as SidebarBuildRequest;
  } catch {
    return null;
  }
}

function saveRequest(req: SidebarBuildRequest): void {
  const props = PropertiesService.getDocumentProperties();
  // Where a PDF's rows were on paper is for this build only (and may be larger than a property holds).
  if (props) props.setProperty(REQUEST_KEY, JSON.stringify({ ...req, pdf: undefined }));
}

function requireSaved(): SidebarBuildRequest {
  const req = savedRequest();
  if (!req) throw new Error('Build the pursue items first: choose the two pastes in the Pursue sidebar (Pursue > Open sidebar) and press Build.');
  return req;
}

// ---------------------------------------------------------------- sidebar calls

export function pursueSidebarInit(): {
  sheets: string[];
  saved: SidebarBuildRequest | null;
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
export function pursueReadTotals(req: SidebarBuildRequest): BuildSummary {
  const spreadsheet = ss();
  return summarize(runEngine(spreadsheet, { ...req, totals: {} }, existingValues(spreadsheet)), false);
}

/**
 * Builds or refreshes the workbook: read pastes and what people typed, run the engine, write.
 * With the Sheets API the whole write is one batchUpdate; Google applies it all or nothing, so
 * if it is refused the SpreadsheetApp writer can still write the same description.
 */
export function pursueBuild(req: SidebarBuildRequest): BuildSummary {
  try {
    return build(req);
  } catch (e) {
    throw new Error(writeFailure(e));
  }
}

/** Google's words for a refused write become what to do; an error of ours (already in words) passes. */
function writeFailure(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  if (/protect|permission|not allowed to edit|read-?only/i.test(text)) {
    return 'Google Sheets refused the change: this spreadsheet or a sheet in it is protected, or you may only view it. Ask the owner for edit access (or remove the protection under Data > Protect sheets and ranges), then build again.';
  }
  if (e instanceof PaneError || e instanceof PursueInputError) return text;
  console.error(e);
  return 'Google Sheets did not finish the build. Reload the spreadsheet, then build again; if it keeps happening, send the spreadsheet to support.';
}

/** An error whose message already says what to do. */
class PaneError extends Error {}

function build(req: SidebarBuildRequest): BuildSummary {
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
  /** The item on an item, O&P or tax row; null on a topic row or when nothing usable is selected. */
  item: string | null;
  /** The item numbers the row shows (a topic's members). */
  items: string[];
  kind: 'item' | 'topic' | 'op' | 'tax' | null;
  topic: string | null;
  name: string;
  row: number | null;
  /** The RF asked flag on the row. */
  rfAsked: boolean;
  /** Why nothing was picked, and what to do; empty when an item was picked. */
  message: string;
}

const NONE = (message: string, row: number | null = null): SelectedItem => ({ item: null, items: [], kind: null, topic: null, name: '', row, rfAsked: false, message });

/** The item shown on the selected row of Pursue Items (the engine's row rule, by what the row shows). */
function selectedItem(spreadsheet: SS, values?: Cell[][]): SelectedItem {
  const range = spreadsheet.getActiveRange();
  if (!range || range.getSheet().getName() !== SHEETS.pursue) {
    return NONE(`Nothing picked: click a cell in an item row on the "${SHEETS.pursue}" sheet, then press "Use selected row".`);
  }
  const row = range.getRow();
  const rows = values ?? toCells(range.getSheet().getDataRange().getValues());
  const shown = itemAtRow(rows, row - 1);
  if (!shown) return NONE('The selected row is not an item (a header, a total or an insurer-only line). Click a cell in an item row, then press "Use selected row".', row);
  return { item: shown.item, items: shown.items, kind: shown.kind, topic: shown.topic, name: shown.name, row, rfAsked: rfAskedAt(rows, shown.row), message: '' };
}

export function pursueSelectedItem(): SelectedItem {
  return selectedItem(ss());
}

/**
 * The item a note or RF flag goes to: the one the sidebar shows (passed in), else the one selected
 * (the menu). The selection at the moment of the click plays no part for the sidebar.
 */
function targetItem(spreadsheet: SS, existing: Record<string, Cell[][]>, item: string | undefined): string {
  if (item !== undefined && item !== null && String(item).trim() !== '') {
    const rows = existing[SHEETS.pursue];
    if (!rows || rowOfItem(rows, String(item)) === null) throw new Error(`Item ${item} is no longer on "${SHEETS.pursue}". Build again, then pick the item.`);
    return String(item);
  }
  const sel = selectedItem(spreadsheet, existing[SHEETS.pursue]);
  if (!sel.item) throw new Error(sel.kind === 'topic' ? 'This row is a topic: pick one of its items in the sidebar, then add the note.' : sel.message);
  return sel.item;
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

export function pursueAddStatusNote(text: string, author?: string, item?: string): {
  item: string;
  date: string;
  missing: string[];
  warnings: string[];
} {
  const clean = String(text ?? '').trim();
  if (clean === '') throw new Error('Type the status note first (who you spoke to, what was said, next step).');
  const spreadsheet = ss();
  const existing = existingValues(spreadsheet);
  const target = targetItem(spreadsheet, existing, item);
  let who = (author ?? '').trim();
  if (who === '') {
    try {
      who = Session.getActiveUser().getEmail();
    } catch {
      who = '';
    }
  }
  const result = statusNotePatch(existing, target, clean, who || 'AM', todayIso(spreadsheet).now);
  applyPatches(spreadsheet, result.patches);
  return {
    item: target,
    date: result.entry.date,
    missing: [...result.entry.missing],
    warnings: [...result.warnings],
  };
}

export function pursueSetRfAsked(asked: boolean, item?: string): { item: string; asked: boolean } {
  const spreadsheet = ss();
  const existing = existingValues(spreadsheet);
  const target = targetItem(spreadsheet, existing, item);
  const result = rfPatch(existing, target, asked === true);
  applyPatches(spreadsheet, result.patches);
  return { item: target, asked: asked === true };
}

export function pursueAcceptTopic(name: string, items: string[], accept: boolean): { name: string; state: string; warnings: string[] } {
  const spreadsheet = ss();
  const result = topicPatch(existingValues(spreadsheet), { name, items: [...(items ?? [])].map(String), state: accept ? 'accepted' : 'refused' });
  if (result.patches.length === 0) throw new Error(result.warnings.join(' '));
  applyPatches(spreadsheet, result.patches);
  return { name, state: accept ? 'accepted' : 'refused', warnings: result.warnings };
}

/** The CRM text from the sheets as they are now (what people typed since the build included). */
export function pursueCopyForCrm(req?: SidebarBuildRequest): { text: string } {
  const spreadsheet = ss();
  const result = runEngine(spreadsheet, req ?? requireSaved(), existingValues(spreadsheet));
  return { text: result.crm };
}

export function pursueReadiness(opts?: { minGap?: string; days?: string | number }, req?: SidebarBuildRequest): {
  issues: Array<{ item: string; gap: string; missing: string[]; message: string }>;
  /** How many items to prepare, or that every item is ready (the engine's words). */
  headline: string;
  minGap: string;
  days: number;
} {
  const spreadsheet = ss();
  const parsed = parseReadinessOptions(opts?.minGap, opts?.days);
  if ('error' in parsed) throw new Error(parsed.error.message);
  const result = runEngine(spreadsheet, req ?? requireSaved(), existingValues(spreadsheet));
  const issues = readiness(result.model, { ...parsed, today: todayIso(spreadsheet).today });
  return {
    issues: issues.map((i) => ({ item: i.item, gap: formatMoney(i.gap), missing: [...i.missing], message: i.message })),
    headline: readinessHeadline(issues, parsed),
    minGap: formatMoney(parsed.minGap),
    days: parsed.days,
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
      `Total gap ${s.totalGap}, residual ${s.residual}: ${s.status.state === 'not-reconciled' ? 'NOT reconciled' : s.status.state}. ${s.problems.length} problem(s) listed on the Checks sheet.`,
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
    ui.alert('Add status note', sel.kind === 'topic' ? 'This row is a topic: open the sidebar to pick one of its items, or select an item row.' : sel.message, ui.ButtonSet.OK);
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
    const { issues, headline } = pursueReadiness();
    const text = issues.length ? issues.map((i) => i.message).join('\n\n') : headline;
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
export { pursueWritePdfRows } from './pdf-rows';
