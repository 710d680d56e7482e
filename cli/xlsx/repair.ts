// Some writers (openpyxl, some LibreOffice builds) give package relationships absolute targets
// ("/xl/worksheets/sheet1.xml") and name a sheet's notes part freely ("xl/comments/comment1.xml").
// Both are valid Open XML, but ExcelJS 4.4 resolves targets relative to the part and reads notes
// only from "xl/commentsN.xml", then fails deep inside ("reading 'comments'"). Rewriting the
// package in memory before ExcelJS loads it reads every such workbook; the file on disk is untouched.
import path from 'node:path';
import JSZip from 'jszip';

/** The folder of the part a .rels file describes: "xl/_rels/workbook.xml.rels" → "xl". */
function sourceFolder(relsPath: string): string {
  const dir = path.posix.dirname(path.posix.dirname(relsPath));
  return dir === '.' ? '' : dir;
}

/** One .rels file with every internal absolute Target made relative to its source part. */
export function relativeTargets(relsPath: string, xml: string): string {
  const from = sourceFolder(relsPath);
  return xml.replace(/<Relationship\b[^>]*>/g, (tag) => {
    if (/TargetMode\s*=\s*["']External["']/i.test(tag)) return tag;
    return tag.replace(/\bTarget\s*=\s*(["'])\/([^"']*)\1/, (_m, q: string, abs: string) => {
      const rel = from === '' ? abs : path.posix.relative(from, abs);
      return `Target=${q}${rel}${q}`;
    });
  });
}

/** Where ExcelJS looks for a sheet's notes and their drawing. */
const CANONICAL: Array<{ type: RegExp; test: RegExp; name: (k: number) => string }> = [
  { type: /\/comments$/, test: /^xl\/comments\d+\.xml$/, name: (k) => `xl/comments${k}.xml` },
  { type: /\/vmlDrawing$/, test: /^xl\/drawings\/vmlDrawing\d+\.vml$/, name: (k) => `xl/drawings/vmlDrawing${k}.vml` },
];

/**
 * The .xlsx bytes rewritten so ExcelJS can read them, or the same buffer when nothing needed it.
 * Throws what JSZip throws for a file that is not a zip (callers turn that into advice).
 */
export async function repairXlsx(data: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(data);
  let changed = false;
  const used = new Set(Object.keys(zip.files));
  const rels = Object.keys(zip.files).filter((n) => /(^|\/)_rels\/[^/]*\.rels$/.test(n) && !zip.files[n]!.dir);
  for (const name of rels) {
    const xml = await zip.file(name)!.async('string');
    let fixed = relativeTargets(name, xml);
    if (/^xl\/worksheets\/_rels\//.test(name)) {
      const from = sourceFolder(name);
      fixed = await renameParts(zip, used, from, fixed);
    }
    if (fixed !== xml) {
      zip.file(name, fixed);
      changed = true;
    }
  }
  if (!changed) return data;
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Moves a sheet's notes part and its VML drawing to the names ExcelJS reads, fixing the sheet's targets. */
async function renameParts(zip: JSZip, used: Set<string>, from: string, xml: string): Promise<string> {
  let out = xml;
  for (const tag of xml.match(/<Relationship\b[^>]*>/g) ?? []) {
    const type = /\bType\s*=\s*["']([^"']*)["']/.exec(tag)?.[1] ?? '';
    const target = /\bTarget\s*=\s*["']([^"']*)["']/.exec(tag)?.[1];
    const rule = CANONICAL.find((c) => c.type.test(type));
    if (!rule || target === undefined || /TargetMode\s*=\s*["']External["']/i.test(tag)) continue;
    const abs = path.posix.normalize(path.posix.join(from, target));
    if (rule.test.test(abs) || !zip.file(abs)) continue;
    let k = 1;
    while (used.has(rule.name(k))) k++;
    const dest = rule.name(k);
    used.add(dest);
    zip.file(dest, await zip.file(abs)!.async('uint8array'));
    zip.remove(abs);
    const rel = path.posix.relative(from, dest);
    out = out.replace(tag, tag.replace(/\bTarget\s*=\s*(["'])[^"']*\1/, `Target="${rel}"`));
  }
  return out;
}
