/**
 * The import rules that keep the engine and the hosts apart, as a pure function over file texts so a
 * test can feed it bad imports as well as the real tree:
 * - a host (excel-addin/, gas/, cli/) reaches the engine only through shared/index.ts;
 * - a host never imports another host (a rule two hosts need belongs in the engine);
 * - nothing outside tests/ imports test code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface SourceFile {
  /** Repository-relative path with forward slashes, e.g. `gas/server.ts`. */
  file: string;
  text: string;
}

export interface Violation {
  file: string;
  specifier: string;
  rule: 'host-imports-engine-internals' | 'host-imports-another-host' | 'imports-test-code';
}

const HOSTS = ['excel-addin/', 'gas/', 'cli/'];
/**
 * Browser code both panes run (the PDF drop zone and PDF.js loader: DOM, so not the engine's) lives
 * once, under the task pane, and the sidebar's browser code may import it.
 */
const PANE_SHARED = { from: 'gas/sidebar/', to: 'excel-addin/pdf/' };
const ENGINE_API = new Set(['shared/index', 'shared/index.ts', 'shared/index.js']);

/** Every module specifier in a file: static imports and re-exports, side-effect imports, import(), require(). */
export function specifiers(text: string): string[] {
  const out: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of text.matchAll(re)) out.push(m[1]);
  return out;
}

/** The repository-relative module a relative specifier names, or undefined for a package. */
function target(file: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  return path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
}

export function violations(files: SourceFile[]): Violation[] {
  const out: Violation[] = [];
  for (const { file, text } of files) {
    const isHost = HOSTS.some((h) => file.startsWith(h));
    const isTest = file.startsWith('tests/');
    for (const spec of specifiers(text)) {
      const to = target(file, spec);
      if (to === undefined) continue;
      if (isHost && (to === 'shared' || to.startsWith('shared/')) && !ENGINE_API.has(to)) {
        out.push({ file, specifier: spec, rule: 'host-imports-engine-internals' });
      }
      const host = HOSTS.find((h) => file.startsWith(h));
      const other = HOSTS.find((h) => to.startsWith(h) || `${to}/` === h);
      const paneShared = file.startsWith(PANE_SHARED.from) && to.startsWith(PANE_SHARED.to);
      if (host && other && other !== host && !paneShared) out.push({ file, specifier: spec, rule: 'host-imports-another-host' });
      if (!isTest && (to === 'tests' || to.startsWith('tests/'))) {
        out.push({ file, specifier: spec, rule: 'imports-test-code' });
      }
    }
  }
  return out;
}

const SKIP = new Set(['node_modules', 'dist', '.git', 'coverage']);

/** Every source file in the repository (TypeScript and JavaScript), outside build output and packages. */
export function repoSources(root: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      if (SKIP.has(entry.name) || entry.name.startsWith('.')) continue;
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (/\.(ts|tsx|js|mjs|cjs)$/.test(entry.name)) out.push({ file: rel, text: readFileSync(path.join(root, rel), 'utf8') });
    }
  };
  walk('');
  return out;
}
