/**
 * Stands in for https://appsforoffice.microsoft.com/lib/1/hosted/office.js in the browser test:
 * `Office` and `Excel` over the same office-addin-mock workbook the Jest tests use. The test puts
 * the sheets in `window.__pursueSheets` before the page loads and reads `window.__book` after.
 */
import { addSheet, mockContext, newBook, type Stored } from './mock-excel';

interface FakeWindow {
  __pursueSheets?: Record<string, Stored[][]>;
  __pursueSupported?: string[];
  __book?: ReturnType<typeof newBook>;
  /** Office's theme background (e.g. "#1f1f1f" for dark); white when absent. */
  __pursueTheme?: string;
  /** Document settings as saved by an earlier session of the pane (reopening the pane). */
  __pursueSettings?: Record<string, unknown>;
  Office?: unknown;
  Excel?: unknown;
}

const w = window as unknown as FakeWindow;
const book = newBook();
for (const [name, rows] of Object.entries(w.__pursueSheets ?? {})) addSheet(book, name, rows);
for (const s of w.__pursueSupported ?? []) book.supported.add(s);
w.__book = book;

const versions = (v: string) => v.split('.').map(Number);
const settings = new Map<string, unknown>(Object.entries(w.__pursueSettings ?? {}));
w.Office = {
  HostType: { Excel: 'Excel' },
  context: {
    officeTheme: { bodyBackgroundColor: w.__pursueTheme ?? '#ffffff' },
    document: {
      settings: {
        get: (k: string) => settings.get(k) ?? null,
        set: (k: string, v: unknown) => settings.set(k, v),
        saveAsync: (cb?: () => void) => {
          (w as unknown as { __pursueSaved: unknown }).__pursueSaved = Object.fromEntries(settings);
          cb?.();
        },
      },
    },
    requirements: {
      isSetSupported(name: string, version: string) {
        if (name !== 'ExcelApi') return false;
        const [maj, min] = versions(version);
        return [...book.supported, 'ExcelApi 1.9'].some((s) => {
          const [m2, n2] = versions(s.split(' ')[1]!);
          return m2! > maj! || (m2 === maj && n2! >= min!);
        });
      },
    },
  },
  onReady(cb?: (info: { host: string; platform: string }) => void) {
    const info = { host: 'Excel', platform: 'OfficeOnline' };
    setTimeout(() => cb?.(info), 0);
    return Promise.resolve(info);
  },
};
w.Excel = {
  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    // Excel answers each round trip after a little while; the pane must show progress meanwhile.
    const context = mockContext(book, { yieldBetweenOps: true });
    const sync = context.sync.bind(context);
    (context as { sync: unknown }).sync = async (v?: unknown) => {
      await new Promise((r) => setTimeout(r, 30));
      return sync(v as never);
    };
    return batch(context);
  },
};
