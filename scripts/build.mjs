// Builds every target with esbuild. `node scripts/build.mjs [cli|excel|gas|bench ...]` builds some.
import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const wanted = process.argv.slice(2);
const targets = readdirSync(here)
  .filter((f) => /^build-[a-z]+\.mjs$/.test(f))
  .map((f) => f.slice('build-'.length, -'.mjs'.length))
  .filter((t) => wanted.length === 0 || wanted.includes(t))
  .sort();

for (const t of targets) {
  const started = Date.now();
  const mod = await import(pathToFileURL(path.join(here, `build-${t}.mjs`)).href);
  await mod.build();
  console.log(`built ${t} in ${Date.now() - started} ms`);
}
