// Loads PDF.js in a task pane or sidebar only when a PDF is opened: an inline module script
// imports the library from its URL (no bundler `import()` needed, so any bundle target works),
// and PDF.js parses in its own Web Worker so the pane stays responsive.
import type { PdfJsLib, PdfJsLoader } from '../../shared/index';

type Loaded = PdfJsLib & { GlobalWorkerOptions: { workerSrc: string } };

let counter = 0;

/**
 * `libUrl`: PDF.js's browser build (pdf.min.mjs). `workerUrl`: its worker. With
 * `workerViaBlob`, the worker's code is fetched and started from a blob: URL, for pages whose
 * origin differs from the worker's (a Google Sheets sidebar loading it from a CDN).
 */
export function browserPdfJsLoader(libUrl: string, workerUrl: string, workerViaBlob = false): PdfJsLoader {
  let loading: Promise<PdfJsLib> | null = null;
  return () => {
    loading ??= (async () => {
      const lib = await importModule(libUrl);
      lib.GlobalWorkerOptions.workerSrc = workerViaBlob ? await blobUrl(workerUrl) : workerUrl;
      return lib;
    })();
    // A failed load (offline, blocked) may be retried on the next PDF.
    loading.catch(() => {
      loading = null;
    });
    return loading;
  };
}

function importModule(url: string): Promise<Loaded> {
  return new Promise((resolve, reject) => {
    const key = `__pursuePdfJs${++counter}`;
    const w = window as unknown as Record<string, unknown>;
    const done = (e: Event) => {
      window.removeEventListener(key, done);
      const got = w[key] as { lib?: Loaded; error?: string } | undefined;
      delete w[key];
      if (got?.lib) resolve(got.lib);
      else reject(new Error(got?.error ?? 'PDF.js did not load'));
      void e;
    };
    window.addEventListener(key, done);
    const s = document.createElement('script');
    s.type = 'module';
    s.textContent = `import(${JSON.stringify(url)}).then((lib) => { window[${JSON.stringify(key)}] = { lib }; }, (e) => { window[${JSON.stringify(key)}] = { error: String(e && e.message || e) }; }).finally(() => window.dispatchEvent(new Event(${JSON.stringify(key)})));`;
    document.head.appendChild(s);
  });
}

async function blobUrl(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`PDF.js worker: HTTP ${res.status}`);
  return URL.createObjectURL(new Blob([await res.text()], { type: 'text/javascript' }));
}
