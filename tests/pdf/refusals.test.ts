// Refusals: a PDF that cannot become rows says why and what to do, naming the file, and never
// crashes or hangs the host.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { readEstimatePdf, readPdf, type PdfJsLib } from '../../shared/pdf/index';
import { readPdfBytes } from './helpers';
import { loadPdfJsForJest, standardFonts } from './pdfjs';
import { genEstimate, printedPdf, printEstimate } from './printed';

/** A grey PNG of w×h pixels (what a scanner writes, minus the text). */
function png(w: number, h: number): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((w + 1) * h, 0xc8);
  for (let y = 0; y < h; y++) raw[y * (w + 1)] = 0; // filter byte per row
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

async function estimatePdf(seed: number): Promise<Uint8Array> {
  const [est] = fc.sample(genEstimate('xactimate', 12), { numRuns: 1, seed });
  return printedPdf(printEstimate(est, true));
}

const qpdf = spawnSync('sh', ['-c', 'command -v qpdf'], { encoding: 'utf8' }).stdout.trim();
const QPDF_MISSING = 'qpdf not installed: install it (apt-get install qpdf) to test password-protected PDFs';

test('a scan (pages that are only pictures) is refused with what to ask for', async () => {
  const doc = await PDFDocument.create();
  const img = await doc.embedPng(png(200, 260));
  for (let k = 0; k < 3; k++) doc.addPage([612, 792]).drawImage(img, { x: 0, y: 0, width: 612, height: 792 });
  const r = await readPdfBytes(await doc.save(), 'scan.pdf');
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.refusal.kind).toBe('scan');
  expect(r.refusal.message).toBe('scan.pdf is a scan: its pages are pictures with no text to read. Ask for the estimate PDF from the estimating software, or paste its text.');
});

if (qpdf) describe('password-protected', () => {
  test.each([['user password (cannot open)', 'secret'], ['owner password only (opens, prints)', '']])('%s', async (_what, user) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pursue-pdf-enc-'));
    try {
      writeFileSync(path.join(dir, 'plain.pdf'), await estimatePdf(3));
      execFileSync(qpdf, ['--encrypt', user, 'owner-secret', '256', '--', path.join(dir, 'plain.pdf'), path.join(dir, 'locked.pdf')]);
      const r = await readPdfBytes(new Uint8Array(readFileSync(path.join(dir, 'locked.pdf'))), 'locked.pdf');
      if (user) {
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.refusal.kind).toBe('password');
        expect(r.refusal.message).toMatch(/^locked\.pdf is password-protected/);
        expect(r.refusal.message).toMatch(/save it as a new PDF without a password/);
      } else {
        // Only an owner password (printing/copy restrictions): the text is there and is read.
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.rows.length).toBeGreaterThan(5);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
else if (process.env.CI === 'true') {
  test('qpdf is installed', () => {
    throw new Error(QPDF_MISSING);
  });
} else {
  test.todo(QPDF_MISSING);
}

test('a truncated download is refused as damaged, at every cut', async () => {
  const whole = await estimatePdf(5);
  for (const keep of [0.1, 0.35, 0.6, 0.85, 0.97]) {
    const r = await readPdfBytes(whole.slice(0, Math.floor(whole.length * keep)), 'cut.pdf');
    expect(r.ok).toBe(false);
    if (r.ok) continue;
    expect(['damaged', 'timeout']).toContain(r.refusal.kind);
    expect(r.refusal.message).toMatch(/^cut\.pdf cannot be read/);
  }
});

test('random bytes and an empty file are refused, not thrown', async () => {
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 3000 }), fc.boolean(), async (junk, withHeader) => {
      const bytes = withHeader ? new Uint8Array([...Buffer.from('%PDF-1.7\n'), ...junk]) : junk;
      const r = await readPdfBytes(bytes, 'junk.pdf');
      if (!r.ok) expect(r.refusal.message).toMatch(/^junk\.pdf /);
    }),
    { numRuns: 25 },
  );
  const empty = await readPdfBytes(new Uint8Array(0), 'empty.pdf');
  expect(!empty.ok && empty.refusal.kind).toBe('empty');
});

test('a PDF that is not an estimate gets the reader\'s "no line items", naming the file', async () => {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([612, 792]);
  const letter = ['Dear Mr. Smith,', 'Thank you for your call about the roof on your home.', 'We will be in touch about the inspection next week.', 'Kind regards,', 'Heartland Mutual'];
  letter.forEach((t, k) => page.drawText(t, { x: 72, y: 700 - k * 16, size: 11, font }));
  const r = await readEstimatePdf(await doc.save(), 'theirs', { loader: loadPdfJsForJest, fileName: 'letter.pdf', source: { standardFontDataUrl: standardFonts } });
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  expect(r.parsed.lines).toHaveLength(0);
  expect(r.parsed.problems[0].code).toBe('nothing-recognised');
  expect(r.parsed.problems[0].message).toMatch(/^letter\.pdf: No line items were found in the insurer's estimate PDF/);
});

test('a page that never finishes is cut off by the time limit, and the next read still works', async () => {
  const real = await loadPdfJsForJest();
  // PDF.js itself, with one page whose text never arrives (a hostile or broken content stream).
  const stuck: PdfJsLib = {
    getDocument(src) {
      const task = real.getDocument(src);
      return {
        ...task,
        destroy: () => task.destroy(),
        promise: task.promise.then((doc) => ({
          numPages: doc.numPages,
          destroy: () => doc.destroy(),
          getPage: async (n: number) => {
            const page = await doc.getPage(n);
            return n === 1 ? { ...page, view: page.view, getTextContent: () => new Promise<never>(() => undefined) } : page;
          },
        })),
      };
    },
  };
  const bytes = await estimatePdf(9);
  const started = Date.now();
  const r = await readPdf(bytes, { loader: async () => stuck, fileName: 'slow.pdf', pageTimeoutMs: 300, source: { standardFontDataUrl: standardFonts } });
  expect(Date.now() - started).toBeLessThan(5000);
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.refusal.kind).toBe('timeout');
    expect(r.refusal.message).toMatch(/^slow\.pdf cannot be read: reading page 1 took more than 300 ms/);
  }
  expect((await readPdfBytes(bytes, 'fine.pdf')).ok).toBe(true);
});

test('a PDF.js that fails to load is a refusal, not a crash', async () => {
  const r = await readPdf(await estimatePdf(1), { loader: async () => { throw new Error('chunk failed'); }, fileName: 'ours.pdf' });
  expect(!r.ok && r.refusal.message).toMatch(/The PDF reader could not be loaded \(chunk failed\), so ours\.pdf was not read/);
});
