/**
 * The pane's side of the engine worker: one request at a time, replies gathered per request id. The
 * rows a request needs go ahead of it in 1,000-row slices, one message and one turn of the pane's
 * thread each.
 * A build's workbook comes back as many small chunk messages (see engine-worker.ts), assembled here
 * into the write plan without any one long task on the pane's thread.
 */
import type { SheetPlan, WritePlan } from './payload';
import type { Cell } from '../shared/index';
import { yieldToPane } from './pace';
import type { CellPatchData, PaneSummary, RowsPart, WorkerReply, WorkerRequest } from './worker-protocol';

export interface Gathered {
  fields: Array<{ field: string; message: string }>;
  summary: PaneSummary | null;
  crm: string | null;
  plan: WritePlan | null;
  readiness: { ready: boolean; text: string; issues: string[] } | null;
  patch: { patches: CellPatchData[]; warnings: string[] } | null;
}

/** An error whose message tells the user what to do (the worker's words). */
export class EngineError extends Error {}

type Request = Exclude<WorkerRequest, RowsPart>;
type Body = Request extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** Rows per hand-over message: a slice clones in a few ms even at 20 columns. */
export const ROWS_PER_PART = 1000;

/** The request without its bulky rows, and those rows by part key (see RowsPart). */
function split(body: Body): { light: Body; parts: Array<[string, Cell[][]]> } {
  const parts: Array<[string, Cell[][]]> = [];
  const lift = (existing: Record<string, Cell[][]> | null): Record<string, Cell[][]> | null => {
    if (!existing) return existing;
    for (const [name, rows] of Object.entries(existing)) parts.push([`existing:${name}`, rows]);
    return {};
  };
  if ('input' in body) {
    const input = { ...body.input, existing: lift(body.input.existing) };
    for (const key of ['ours', 'theirs', 'compare'] as const) {
      const rows = input[key];
      if (rows) {
        parts.push([key, rows]);
        delete input[key];
      }
    }
    return { light: { ...body, input } as Body, parts };
  }
  if ('existing' in body) return { light: { ...body, existing: lift(body.existing)! } as Body, parts };
  return { light: body, parts };
}

export class EngineClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, (m: WorkerReply) => void>();
  private broken: string | null = null;

  constructor(url: string) {
    this.worker = new Worker(url);
    this.worker.onmessage = (e: MessageEvent<WorkerReply>) => this.waiting.get(e.data.id)?.(e.data);
    this.worker.onerror = (e) => {
      e.preventDefault();
      this.broken = 'Pursue could not start its engine. Close the pane and open it again; if it keeps happening, reload Excel.';
      for (const [id, f] of this.waiting) f({ id, type: 'error', message: this.broken });
    };
  }

  /** Sends one request, its rows first in slices; `onStage` hears each stage the engine reports. */
  async request(body: Body, onStage: (text: string) => void = () => undefined): Promise<Gathered> {
    if (this.broken) throw new EngineError(this.broken);
    const id = this.nextId++;
    const { light, parts } = split(body);
    for (const [key, rows] of parts) {
      // An empty paste still goes, so the worker knows the side was read and is empty.
      for (let i = 0; i === 0 || i < rows.length; i += ROWS_PER_PART) {
        this.worker.postMessage({ id, op: 'part', key, rows: rows.slice(i, i + ROWS_PER_PART) } satisfies RowsPart);
        await yieldToPane();
      }
    }
    if (this.broken) throw new EngineError(this.broken);
    return this.send(id, light, onStage);
  }

  private send(id: number, body: Body, onStage: (text: string) => void): Promise<Gathered> {
    const out: Gathered = { fields: [], summary: null, crm: null, plan: null, readiness: null, patch: null };
    let sheets: SheetPlan[] | null = null;
    return new Promise<Gathered>((resolve, reject) => {
      this.waiting.set(id, (m) => {
        switch (m.type) {
          case 'stage':
            onStage(m.text);
            break;
          case 'fields':
            out.fields = m.errors;
            break;
          case 'summary':
            out.summary = m.summary;
            out.crm = m.crm;
            break;
          case 'sheet':
            sheets ??= [];
            sheets.push({ meta: m.meta, chunks: [] });
            break;
          case 'chunk':
            sheets![m.sheet]!.chunks.push(m.chunk);
            break;
          case 'readiness':
            out.readiness = { ready: m.ready, text: m.text, issues: m.issues };
            break;
          case 'crm':
            out.crm = m.text;
            break;
          case 'patch':
            out.patch = { patches: m.patches, warnings: m.warnings };
            break;
          case 'error':
            this.waiting.delete(id);
            reject(new EngineError(m.message));
            return;
          case 'done':
            this.waiting.delete(id);
            if (sheets) out.plan = { sheets };
            resolve(out);
            return;
        }
      });
      this.worker.postMessage({ ...body, id } as WorkerRequest);
    });
  }
}
