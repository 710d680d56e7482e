/**
 * The Office side of the task pane's browser tests, under Microsoft's real Office.js
 * (@microsoft/office-js from node_modules, served at the CDN address taskpane.html loads).
 *
 * Office.js asks the Windows desktop host for everything through `window.external`: which host it
 * is in (GetHostInfo), and the add-in's context (GetContext: app, locale, the requirement matrix,
 * the theme, the document's settings). This file stands in for that host, so Office.js runs its own
 * start-up for real: Office.onReady, Office.context.requirements.isSetSupported over the matrix
 * given here, Office.context.document.settings and Office.context.officeTheme.
 *
 * Excel's API is the in-memory workbook stand-in (tests/excel/mock-excel.ts over office-addin-mock):
 * once Office.js has loaded its Excel script, `Excel.run` is replaced by one over that workbook,
 * before the pane's own Office.onReady callback runs. Anything else that would reach the host
 * (window.external.Execute) fails loudly, so a test cannot pass on a call nobody answers.
 *
 * The test sets, before the page loads: `__pursueSheets` (name → rows), `__pursueSupported`
 * (e.g. ["ExcelApi 1.18"]), `__pursueExcelApi` (the highest ExcelApi, default "1.9"),
 * `__pursueTheme` (Office's body background), `__pursueSettings` (settings saved by an earlier
 * session), or `__pursueNoHost` (a plain browser: no Office host at all).
 */
import { addSheet, mockContext, newBook, type Stored } from '../excel/mock-excel';

interface HostWindow {
  __pursueSheets?: Record<string, Stored[][]>;
  __pursueSupported?: string[];
  __pursueExcelApi?: string;
  __pursueTheme?: string;
  __pursueSettings?: Record<string, unknown>;
  __pursueSaved?: Record<string, unknown>;
  __pursueNoHost?: boolean;
  __pursueHostCalls?: string[];
  __pursueExcelStandIn?: () => void;
  __book?: ReturnType<typeof newBook>;
  external?: unknown;
}

const w = window as unknown as HostWindow;
const book = newBook();
for (const [name, rows] of Object.entries(w.__pursueSheets ?? {})) addSheet(book, name, rows);
for (const s of w.__pursueSupported ?? []) book.supported.add(s);
w.__book = book;
const calls: string[] = (w.__pursueHostCalls = []);

const version = (v: string) => v.split('.').map(Number) as [number, number];
const newer = (a: string, b: string) => {
  const [a1, a2] = version(a);
  const [b1, b2] = version(b);
  return a1 > b1 || (a1 === b1 && a2 > b2);
};
/** The highest ExcelApi this Excel has: the declared one, or a newer one a test adds (notes need 1.18). */
function excelApi(): string {
  let top = w.__pursueExcelApi ?? '1.9';
  for (const s of book.supported) {
    const [set, v] = s.split(' ');
    if (set === 'ExcelApi' && v && newer(v, top)) top = v;
  }
  return top;
}

/** Office keeps each setting as JSON text; Office.js parses it at start and writes it back on saveAsync. */
const settings = new Map<string, string>(Object.entries(w.__pursueSettings ?? {}).map(([k, v]) => [k, JSON.stringify(v)]));

/** Colours as Office's host passes them (0xRRGGBB integers; Office.js turns them into "#rrggbb"). */
function theme(): string {
  const bg = parseInt((w.__pursueTheme ?? '#ffffff').replace('#', ''), 16);
  const dark = bg < 0x808080;
  return JSON.stringify({
    bodyBackgroundColor: bg,
    bodyForegroundColor: dark ? 0xffffff : 0x000000,
    controlBackgroundColor: bg,
    controlForegroundColor: dark ? 0xffffff : 0x000000,
  });
}

const context = {
  GetAppType: () => 1, // Excel
  GetSolutionRef: () => 'pursue-browser-test',
  GetAppVersionMajor: () => 16,
  GetAppVersionMinor: () => 0,
  GetAppUILocale: () => 'en-US',
  GetAppDataLocale: () => 'en-US',
  GetDocUrl: () => '',
  GetAppCapabilities: () => 0, // read-write
  GetActivationMode: () => 0,
  GetControlIntegrationLevel: () => 1, // a task pane
  GetSolutionToken: () => '',
  GetHostFullVersion: () => '16.0.0000.0000',
  GetSupportedMatrix: () => JSON.stringify({ ExcelApi: excelApi() }),
  GetOfficeThemeInfo: () => theme(),
  GetSettings: () => ({
    Read(keys: string[], values: string[]) {
      calls.push('settings.read');
      for (const [k, v] of settings) {
        keys.push(k);
        values.push(v);
      }
    },
    Write(keys: string[], values: string[]) {
      calls.push('settings.write');
      settings.clear();
      keys.forEach((k, i) => settings.set(k, values[i]!));
      w.__pursueSaved = Object.fromEntries([...settings].map(([k, v]) => [k, JSON.parse(v)]));
    },
  }),
};

if (!w.__pursueNoHost) {
  const refuse = (what: string) => () => {
    calls.push(what);
    throw new Error(`The Office host stand-in does not answer ${what}: the pane called Office outside what the tests model.`);
  };
  // Office.js registers for host events at start (Excel's RichApiMessage, theme changes): the host
  // accepts (status 0, later, as a host answers) and never fires them here.
  const answer = (what: string) => (id: number, ...rest: unknown[]) => {
    calls.push(`${what} ${id}`);
    const done = rest[rest.length - 1];
    setTimeout(() => (typeof done === 'function' ? done(0) : undefined), 0);
  };
  /**
   * Office.js's own requests to Excel (dispid 93, a Rich API "ProcessQuery"). The only one expected
   * is the one Office.js sends by itself at start, NotifyActionHandlerReady (the add-in's commands
   * are ready), which Excel acknowledges with an empty result. The pane's own Excel calls never get
   * here: Excel.run is the in-memory stand-in.
   */
  const richApi = (id: number, params: unknown[], done: (response: { toArray(): unknown[] }) => void) => {
    const body = String((params?.[0] as unknown[] | undefined)?.[4] ?? '');
    if (id !== 93 || !body.includes('"NotifyActionHandlerReady"')) return refuse(`Execute ${id}`)();
    calls.push('NotifyActionHandlerReady');
    // [status 0 = success, [HTTP status, headers as name/value pairs, body]]
    setTimeout(() => done({ toArray: () => [0, [200, [], JSON.stringify({ Results: [] })]] }), 0);
  };
  const external = {
    // Excel on Windows, build 16.01; the fields after the locale (correlation id, dialog, logging, flags) are empty.
    GetHostInfo: () => 'Excel$Win32$16.01$en-US$$$$0',
    GetContext: () => context,
    Execute: richApi,
    RegisterEvent: answer('RegisterEvent'),
    UnregisterEvent: answer('UnregisterEvent'),
  };
  Object.defineProperty(window, 'external', { value: external, configurable: true, writable: true });
}

/** Called right after office.js runs: Excel's API over the in-memory workbook, ahead of the pane's onReady. */
w.__pursueExcelStandIn = () => {
  if (w.__pursueNoHost) return;
  void Office.onReady(() => {
    const excel = (window as unknown as { Excel: { run: unknown } }).Excel;
    excel.run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
      // Excel answers each round trip after a little while; the pane must show progress meanwhile.
      const ctx = mockContext(book, { yieldBetweenOps: true });
      const sync = ctx.sync.bind(ctx);
      (ctx as { sync: unknown }).sync = async (v?: unknown) => {
        await new Promise((r) => setTimeout(r, 30));
        return sync(v as never);
      };
      return batch(ctx);
    };
  });
};
