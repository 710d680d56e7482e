/**
 * The sidebar's google.script.run client, typed from the server module's own exports: the names
 * are the server's exported `pursue…` functions (menu commands aside), and each call's arguments
 * and result are that function's. A misspelled name or a wrong argument fails `tsc` (see
 * tests/gas/server-calls.typecheck.ts). Only types cross over: no server code enters the sidebar.
 */
import type * as Server from '../server';

type Fns = typeof Server;
type Callable = (...args: never[]) => unknown;

/** Server functions the sidebar may call: exported, named pursue…, not a menu command. */
export type SidebarName = {
  [K in keyof Fns]: K extends `pursueMenu${string}` | 'pursueShowSidebar' ? never : K extends `pursue${string}` ? (Fns[K] extends Callable ? K : never) : never;
}[keyof Fns];

export type Args<K extends SidebarName> = Fns[K] extends (...args: infer A) => unknown ? A : never;
export type Result<K extends SidebarName> = Fns[K] extends (...args: never[]) => infer R ? R : never;

interface ScriptRun {
  withSuccessHandler(f: (value: unknown) => void): ScriptRun;
  withFailureHandler(f: (error: Error | string) => void): ScriptRun;
}
declare const google: { script: { run: ScriptRun } };

/** One server call as a promise, checked by name and arguments against gas/server.ts. */
export function server<K extends SidebarName>(name: K, ...args: Args<K>): Promise<Result<K>> {
  return new Promise<Result<K>>((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((v) => resolve(v as Result<K>))
      .withFailureHandler((e) => reject(e instanceof Error ? e : new Error(String(e))));
    (runner as unknown as Record<string, (...a: unknown[]) => void>)[name]!(...args);
  });
}
