import type { PdfPageText, PdfTextItem } from './lines';
import { rowsFromPages, type PdfRows } from './rows';

/**
 * The part of PDF.js this module uses, typed structurally so the engine does not depend on how a
 * host loads it: the CLI imports the Node build, the panes fetch the browser build lazily.
 */
export interface PdfJsLib {
  getDocument(src: PdfJsSource): PdfJsLoadingTask;
}
export interface PdfJsSource {
  data: Uint8Array;
  isEvalSupported?: boolean;
  stopAtErrors?: boolean;
  verbosity?: number;
  standardFontDataUrl?: string;
  useSystemFonts?: boolean;
  disableFontFace?: boolean;
  password?: string;
}
export interface PdfJsLoadingTask {
  promise: Promise<PdfJsDocument>;
  destroy(): Promise<void>;
  onPassword?: ((update: (password: string) => void, reason: number) => void) | null;
}
export interface PdfJsDocument {
  numPages: number;
  getPage(n: number): Promise<PdfJsPage>;
  destroy(): Promise<void>;
}
export interface PdfJsPage {
  view: number[];
  getTextContent(): Promise<{ items: Array<PdfJsTextItem | { type: string }> }>;
  cleanup?(): void;
}
export interface PdfJsTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/** Loads PDF.js when a PDF is first opened, so no host pays for it up front. */
export type PdfJsLoader = () => Promise<PdfJsLib>;

export type PdfRefusalKind = 'scan' | 'password' | 'damaged' | 'timeout' | 'empty';

export interface PdfRefusal {
  kind: PdfRefusalKind;
  /** What happened and what the user should do, naming the file. */
  message: string;
}

export type PdfReadResult = ({ ok: true } & PdfRows) | { ok: false; refusal: PdfRefusal };

export interface ReadPdfOptions {
  loader: PdfJsLoader;
  /** Shown in messages: "theirs.pdf". */
  fileName: string;
  /** Longest wait for one page's text (ms). A damaged or hostile page must not hang the host. */
  pageTimeoutMs?: number;
  /** Longest wait to open the document (ms). */
  openTimeoutMs?: number;
  /** Extra source options (the Node loader passes where PDF.js's standard fonts are). */
  source?: Partial<PdfJsSource>;
}

export const DEFAULT_PAGE_TIMEOUT_MS = 5000;

class Timeout extends Error {
  constructor(readonly what: string) {
    super(what);
  }
}

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout(what)), ms);
  });
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}

/**
 * Reads a PDF's text layer into rows for the reader. Never throws: a PDF that cannot become rows
 * comes back as a refusal that says why and what to do.
 */
export async function readPdf(bytes: Uint8Array, opts: ReadPdfOptions): Promise<PdfReadResult> {
  const name = opts.fileName;
  const pageMs = opts.pageTimeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS;
  const openMs = opts.openTimeoutMs ?? Math.max(pageMs, 10_000);
  if (bytes.length === 0) return refuse('empty', `${name} is empty (0 bytes). Save or download the PDF again and open the new copy.`);
  // The header may follow some junk bytes (PDF readers allow 1 KB); the engine has no TextDecoder.
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) {
    return refuse('damaged', `${name} cannot be read: it is not a PDF (no PDF header). Open the estimate PDF itself, or paste its text.`);
  }
  let lib: PdfJsLib;
  try {
    lib = await opts.loader();
  } catch (e) {
    return refuse('damaged', `The PDF reader could not be loaded (${errorText(e)}), so ${name} was not read. Reload the add-in and try again, or paste the estimate's text.`);
  }
  // PDF.js may take ownership of (detach) the buffer it is given: hand it a copy.
  const task = lib.getDocument({ isEvalSupported: false, stopAtErrors: true, verbosity: 0, useSystemFonts: false, disableFontFace: true, ...opts.source, data: bytes.slice() });
  let passwordAsked = false;
  // Without this hook PDF.js waits for a password forever in some builds.
  task.onPassword = () => {
    passwordAsked = true;
    void task.destroy();
  };
  let doc: PdfJsDocument | null = null;
  try {
    doc = await within(task.promise, openMs, 'open');
    const pages: PdfPageText[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      pages.push(await within(readPage(doc, n), pageMs, `page ${n}`));
    }
    const chars = pages.reduce((s, p) => s + p.items.reduce((t, i) => t + i.str.trim().length, 0), 0);
    if (chars < 20) {
      return refuse('scan', `${name} is a scan: its pages are pictures with no text to read. Ask for the estimate PDF from the estimating software, or paste its text.`);
    }
    return { ok: true, ...rowsFromPages(pages) };
  } catch (e) {
    if (passwordAsked || nameOf(e) === 'PasswordException') {
      return refuse('password', `${name} is password-protected, so it cannot be read. Open it in your PDF viewer with the password and print or save it as a new PDF without a password (or ask the sender for an unprotected copy), then open that copy.`);
    }
    if (e instanceof Timeout) {
      return refuse('timeout', `${name} cannot be read: ${e.what === 'open' ? 'opening it' : `reading ${e.what}`} took more than ${seconds(e.what === 'open' ? openMs : pageMs)}, so the file is probably damaged. Download or export it again, or paste its text.`);
    }
    return refuse('damaged', `${name} cannot be read: it is damaged or incomplete (${errorText(e)}). Download or export it again, or paste its text.`);
  } finally {
    // Frees PDF.js's worker-side copy of the document even after a refusal.
    void task.destroy().catch(() => undefined);
  }
}

async function readPage(doc: PdfJsDocument, n: number): Promise<PdfPageText> {
  const page = await doc.getPage(n);
  const [x0, y0, x1, y1] = page.view;
  const content = await page.getTextContent();
  const items: PdfTextItem[] = [];
  for (const raw of content.items) {
    if (!('str' in raw)) continue;
    const [a, b, c, d, e, f] = raw.transform;
    const size = Math.hypot(c, d) || Math.hypot(a, b);
    items.push({ str: raw.str, x: e - x0, y: f - y0, width: raw.width, size, rotated: Math.abs(b) > 1e-3 * Math.abs(a) || a <= 0 });
  }
  page.cleanup?.();
  return { page: n, width: x1 - x0, height: y1 - y0, items };
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}

function refuse(kind: PdfRefusalKind, message: string): PdfReadResult {
  return { ok: false, refusal: { kind, message } };
}

function nameOf(e: unknown): string {
  return e && typeof e === 'object' && 'name' in e ? String((e as { name: unknown }).name) : '';
}

function errorText(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.length > 120 ? `${m.slice(0, 117)}...` : m;
}
