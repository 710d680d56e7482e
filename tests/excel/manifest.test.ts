/** manifest.xml checked offline (office-addin-manifest validate needs Microsoft's web service). */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '../..');

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** A small strict XML reader: elements, attributes, text, comments, the declaration. Throws when not well formed. */
export function parseXml(xml: string): XmlNode {
  let i = 0;
  const root: XmlNode = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  const fail = (why: string): never => {
    throw new Error(`${why} at line ${xml.slice(0, i).split('\n').length}`);
  };
  while (i < xml.length) {
    if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i);
      if (end < 0) fail('unclosed declaration');
      i = end + 2;
    } else if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i);
      if (end < 0) fail('unclosed comment');
      if (xml.slice(i + 4, end).includes('--')) fail('"--" inside a comment');
      i = end + 3;
    } else if (xml.startsWith('</', i)) {
      const m = /^<\/([\w:.-]+)\s*>/.exec(xml.slice(i));
      if (!m) fail('bad end tag');
      const open = stack.pop()!;
      if (open.name !== m![1]) fail(`</${m![1]}> closes <${open.name}>`);
      i += m![0].length;
    } else if (xml[i] === '<') {
      const m = /^<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/.exec(xml.slice(i));
      if (!m) fail('bad start tag');
      const attrs: Record<string, string> = {};
      for (const a of m![2]!.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (a[1]! in attrs) fail(`duplicate attribute ${a[1]}`);
        attrs[a[1]!] = (a[2] ?? a[3])!;
      }
      const node: XmlNode = { name: m![1]!, attrs, children: [], text: '' };
      stack[stack.length - 1]!.children.push(node);
      if (!m![3]) stack.push(node);
      i += m![0].length;
    } else {
      const next = xml.indexOf('<', i);
      const text = xml.slice(i, next < 0 ? xml.length : next);
      if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(text)) fail('bare "&"');
      if (stack.length === 1 && text.trim() !== '') fail('text outside the root');
      stack[stack.length - 1]!.text += text;
      i = next < 0 ? xml.length : next;
    }
  }
  if (stack.length !== 1) fail(`<${stack[stack.length - 1]!.name}> never closed`);
  if (root.children.length !== 1) fail('not exactly one root element');
  return root.children[0]!;
}

const all = (n: XmlNode): XmlNode[] => [n, ...n.children.flatMap(all)];
const manifest = parseXml(readFileSync(path.join(root, 'manifest.xml'), 'utf8'));
const nodes = all(manifest);
const named = (name: string) => nodes.filter((n) => n.name === name);

/** ExcelApi requirement set of each Office.js call the add-in makes (from the Office.js reference). */
const API_SETS: Array<[RegExp, number]> = [
  [/\.setCellProperties\(/, 1.9],
  [/\.setColumnProperties\(/, 1.9],
  [/\.setRowProperties\(/, 1.9],
  [/\.suspendScreenUpdatingUntilNextSync\(/, 1.9],
  [/\.autoFilter\b/, 1.9],
  [/\.pageLayout\b/, 1.9],
  [/\.dataValidation\b/, 1.8],
  [/\.freezeRows\(|\.freezeAt\(|\.getRangeByIndexes\(|\.tabColor\b/, 1.7],
  [/\.conditionalFormats\b|\.suspendApiCalculationUntilNextSync\(/, 1.6],
  [/\.getUsedRangeOrNullObject\(|\.getItemOrNullObject\(/, 1.4],
  [/\.unmerge\(|\.merge\(/, 1.2],
  [/\.notes\.add\(/, 1.18],
];

describe('manifest.xml', () => {
  test('is a well-formed task pane manifest for Excel workbooks', () => {
    expect(manifest.name).toBe('OfficeApp');
    expect(manifest.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(named('Host').filter((h) => h.attrs.Name).map((h) => h.attrs.Name)).toEqual(['Workbook']);
    expect(named('Host').filter((h) => h.attrs['xsi:type']).map((h) => h.attrs['xsi:type'])).toEqual(['Workbook']);
    expect(named('Id')[0]!.text.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(named('Version')[0]!.text.trim()).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    // A ribbon button that opens the task pane.
    const action = named('Action')[0]!;
    expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
    expect(() => parseXml('<a><b></a></b>')).toThrow();
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow();
  });

  test('every resid points at a resource, every URL is https on localhost:3000 and its file is built', () => {
    const ids = new Set(nodes.filter((n) => n.attrs.id && /^bt:/.test(n.name)).map((n) => n.attrs.id));
    for (const n of nodes) if (n.attrs.resid) expect(ids).toContain(n.attrs.resid);
    const urls = [
      ...nodes.map((n) => n.attrs.DefaultValue).filter((v): v is string => !!v && /^\w+:\/\//.test(v)),
      ...named('AppDomain').map((n) => n.text.trim()),
    ];
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u).toMatch(/^https:\/\/localhost:3000(\/|$)/);
    for (const u of urls.filter((x) => new URL(x).pathname.length > 1)) {
      const rel = new URL(u).pathname.slice(1);
      const source = rel.startsWith('assets/') ? path.join(root, rel) : path.join(root, 'excel-addin', rel);
      expect(existsSync(source)).toBe(true);
    }
  });

  test('icons exist as PNGs of the sizes the manifest says', () => {
    const images = named('bt:Image').filter((n) => n.attrs.DefaultValue);
    expect(images.length).toBeGreaterThanOrEqual(3);
    const check = (url: string, size: number) => {
      const png = readFileSync(path.join(root, new URL(url).pathname.slice(1)));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    };
    for (const img of images) check(img.attrs.DefaultValue!, Number(/(\d+)x\d+/.exec(img.attrs.id!)![1]));
    check(named('IconUrl')[0]!.attrs.DefaultValue!, 32);
    check(named('HighResolutionIconUrl')[0]!.attrs.DefaultValue!, 64);
  });

  test('the declared ExcelApi set is the lowest that covers the calls in the built bundle', () => {
    execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), 'excel'], { cwd: root, stdio: 'pipe' });
    const bundle = readFileSync(path.join(root, 'dist/excel-addin/taskpane.js'), 'utf8');
    const set = named('Set').find((s) => s.attrs.Name === 'ExcelApi')!;
    const declared = Number(set.attrs.MinVersion);
    const used = API_SETS.filter(([re]) => re.test(bundle)).map(([re, v]) => ({ api: re.source, v }));
    expect(used.length).toBeGreaterThan(8);
    // Above the declared set only behind a runtime check.
    for (const u of used.filter((x) => x.v > declared)) {
      expect(bundle).toMatch(new RegExp(`isSetSupported\\("ExcelApi",\\s*"${u.v}"\\)`));
    }
    const needed = Math.max(...used.filter((x) => x.v <= declared).map((x) => x.v));
    expect(declared).toBe(needed);
    // Office.js is loaded from Microsoft's CDN, not bundled.
    expect(bundle).not.toMatch(/OfficeExtension\.ClientRequestContext\s*=|var Office\s*=/);
    const html = readFileSync(path.join(root, 'dist/excel-addin/taskpane.html'), 'utf8');
    expect(html).toContain('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
  });
});
