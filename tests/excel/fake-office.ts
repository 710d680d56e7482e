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
  Office?: unknown;
  Excel?: unknown;
}

const w = window as unknown as FakeWindow;
const book = newBook();
for (const [name, rows] of Object.entries(w.__pursueSheets ?? {})) addSheet(book, name, rows);
for (const s of w.__pursueSupported ?? []) book.supported.add(s);
w.__book = book;

const versions = (v: string) => v.split('.').map(Number);
w.Office = {
  HostType: { Excel: 'Excel' },
  context: {
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
    const context = mockContext(book);
    const sync = context.sync.bind(context);
    (context as { sync: unknown }).sync = async (v?: unknown) => {
      await new Promise((r) => setTimeout(r, 30));
      return sync(v as never);
    };
    return batch(context);
  },
};
