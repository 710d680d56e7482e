/**
 * What a pane's main thread did during an action, from Chromium's own trace: every top-level task
 * on the page's renderer main thread with its wall time and its thread CPU time. On a machine busier
 * than its cores a task's wall time stretches while the thread waits for a core; its CPU time does
 * not, so the CPU time is the load-independent measure of the pane's work, and the wall time (also
 * what PerformanceObserver 'longtask' reports) is what a user feels on that machine.
 */
import os from 'node:os';
import type { Browser, Page } from 'playwright-core';

export interface MainTask {
  wallMs: number;
  cpuMs: number;
  /** The script entry points that ran in the task (function@file), for finding what to cut. */
  what: string[];
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { functionName?: string; url?: string; type?: string } };
}

/** Runs `action` while tracing and returns the main thread's top-level tasks, longest CPU first. */
export async function traceMainThread(browser: Browser, page: Page, action: () => Promise<void>): Promise<MainTask[]> {
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await action();
  const buf = await browser.stopTracing();
  const raw = JSON.parse(buf.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(raw) ? raw : (raw.traceEvents ?? []);
  const mainThreads = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const onMain = events.filter((e) => e.ph === 'X' && mainThreads.has(`${e.pid}:${e.tid}`));
  const tasks = onMain.filter((e) => e.name === 'RunTask');
  const calls = onMain.filter((e) => e.name === 'FunctionCall' || e.name === 'EventDispatch' || e.name === 'TimerFire' || e.name === 'HandlePostMessage');
  return tasks
    .map((t) => {
      const end = t.ts + (t.dur ?? 0);
      const what = calls
        .filter((c) => c.pid === t.pid && c.tid === t.tid && c.ts >= t.ts && c.ts <= end)
        .map((c) => {
          const d = c.args?.data;
          if (c.name === 'FunctionCall') return `${d?.functionName || '(anonymous)'}@${String(d?.url ?? '').split('/').pop()}`;
          return d?.type ? `${c.name} ${d.type}` : c.name;
        });
      return { wallMs: (t.dur ?? 0) / 1000, cpuMs: (t.tdur ?? 0) / 1000, what: [...new Set(what)].slice(0, 6) };
    })
    .sort((a, b) => b.cpuMs - a.cpuMs);
}

/** Runnable threads per core over the last minute (1 = every core busy). */
export function loadPerCore(): number {
  return os.loadavg()[0]! / os.cpus().length;
}
