/** Every function the menu, the triggers and the sidebar call is a global function of the built Code.js. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ENTRY_POINTS, MENU_ITEMS, SIDEBAR_CALLS } from '../../gas/entry-points';
import { createFakeGas, loadBundle } from './fake-gas';

const CODE = path.resolve('dist/gas/Code.js');
const SIDEBAR_SRC = path.resolve('gas/sidebar/sidebar.ts');

beforeAll(() => {
  if (!existsSync(CODE)) throw new Error('dist/gas/Code.js is missing: run `node scripts/build.mjs gas`.');
});

test('each entry point is a plain top-level function in Code.js, as Apps Script needs', () => {
  const code = readFileSync(CODE, 'utf8');
  // Apps Script has no modules.
  expect(code).not.toMatch(/^\s*(export|import)\s/m);
  const b = loadBundle(createFakeGas());
  for (const name of ENTRY_POINTS) {
    expect({ name, declared: new RegExp(`^function ${name}\\(`, 'm').test(code), global: b.has(name) }).toEqual({
      name,
      declared: true,
      global: true,
    });
  }
  expect(b.has('pursueNotAThing')).toBe(false);
});

test('the menu calls only listed entry points, and onOpen adds every listed menu item', () => {
  const b = loadBundle(createFakeGas());
  b.call('onOpen');
  const fns = b.gas.ui.menus.flatMap((m) => m.items).filter((i) => i !== 'separator').map((i) => (i as { fn: string }).fn);
  expect(fns).toEqual(MENU_ITEMS.map((m) => m.fn));
  for (const f of fns) expect(ENTRY_POINTS).toContain(f);
});

test('the sidebar calls only listed server functions, and each is in the bundle', () => {
  const src = readFileSync(SIDEBAR_SRC, 'utf8');
  const called = [...src.matchAll(/\bserver(?:<[^(]*?>)?\(\s*'([A-Za-z0-9_]+)'/g)].map((m) => m[1]!);
  expect(called.length).toBeGreaterThan(5);
  // No call goes around the checked wrapper.
  expect(src).not.toMatch(/google\.script\.run\s*\.\s*(?!withSuccessHandler|withFailureHandler)[A-Za-z]/);
  expect(src).not.toMatch(/runner\.\s*pursue/);
  const b = loadBundle(createFakeGas());
  for (const name of new Set(called)) {
    expect({ name, listed: SIDEBAR_CALLS.includes(name), global: b.has(name) }).toEqual({ name, listed: true, global: true });
  }
  // And every listed sidebar function is used by the sidebar (no stale entries).
  for (const name of SIDEBAR_CALLS) expect({ name, used: called.includes(name) }).toEqual({ name, used: true });
});
