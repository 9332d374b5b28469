import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * Renders many Markdown bodies on every core: the articles loader's content
 * sync was one core rendering one body after another. Worker threads
 * (render-worker.mjs) build Astro's processor from the same configuration
 * module as astro.config.mjs (config.ts, renderer.ts) and give the same HTML
 * as the loader context's `renderMarkdown` (tests/unit/markdown-pool.test.ts,
 * tests/build/markdown-workers.test.ts). The calling thread renders too until
 * the first worker is ready, so starting them never costs wall time; small
 * batches (the sample site) do not start any.
 */

export interface RenderJob {
  body: string;
  /** Named in the error when the body fails to render (the article file). */
  label: string;
}

export interface RenderBodiesOptions<J extends RenderJob> {
  /** Worker threads to start; 0 renders everything on this thread (markdownThreads). */
  workers: number;
  /**
   * Renders one body on this thread (the loader context's `renderMarkdown`):
   * while no worker is ready, and what a worker that died left. Without it
   * the workers render everything.
   */
  renderHere?: (body: string) => Promise<string>;
  /** Each body's HTML as soon as it is there, in no particular order. */
  onRendered: (job: J, html: string) => void;
  /** Told once when workers fail to start or die; the calling thread then renders the rest. */
  warn?: (message: string) => void;
  /** The worker entry (tests); render-worker.mjs next to this file by default. */
  workerUrl?: URL;
}

/** Bodies a message carries: few enough to spread evenly, enough to amortize a message. */
const CHUNK = 8;
/** Chunks queued per worker, so it never waits for the next one. */
const IN_FLIGHT = 2;
/**
 * Below this many bodies, starting workers (about half a second of CPU each,
 * while this thread renders 150–250 bodies) gains little or nothing.
 */
export const MIN_BODIES_FOR_WORKERS = 500;

/**
 * Who renders `bodies` bodies: for a big batch one worker per core, the
 * calling thread helping while they start; for a small one the calling thread
 * alone. `FEIGONG_MARKDOWN_WORKERS=<n>` overrides: n workers render every body
 * (tests force them on small batches), 0 the calling thread alone.
 */
export function markdownThreads(
  bodies: number,
  env: NodeJS.ProcessEnv = process.env,
): { workers: number; here: boolean } {
  const forced = env.FEIGONG_MARKDOWN_WORKERS?.trim();
  if (forced && /^\d+$/.test(forced)) return { workers: Number(forced), here: forced === '0' };
  return { workers: bodies >= MIN_BODIES_FOR_WORKERS ? availableParallelism() : 0, here: true };
}

interface Reply {
  ready?: true;
  id?: number;
  /** The chunk's bodies, or those before the one that failed. */
  html?: string[];
  error?: string;
}

/** Renders every job's body; returns how many of them worker threads rendered. */
export async function renderBodies<J extends RenderJob>(
  jobs: readonly J[],
  opts: RenderBodiesOptions<J>,
): Promise<number> {
  let next = 0;
  const take = () => jobs.slice(next, (next += CHUNK));
  const here = opts.renderHere;
  if (opts.workers <= 0) {
    if (!here) throw new Error('renderBodies: no workers and no renderHere');
    for (const job of jobs) opts.onRendered(job, await here(job.body));
    return 0;
  }
  const url = opts.workerUrl ?? new URL('./render-worker.mjs', import.meta.url);
  /** Chunks given back by a worker that died, rendered again by whoever is free. */
  const retry: J[][] = [];
  const nextChunk = () => retry.pop() ?? (next < jobs.length ? take() : undefined);
  let left = jobs.length;
  let inWorkers = 0;
  let lostWorkers = 0;
  let ready = 0;
  let closing = false;
  let warned = false;
  let failed: Error | undefined;
  let wake: () => void = () => {};
  /** Ready workers' `send`, to hand out what a dead worker left. */
  const senders = new Set<() => void>();

  const workers = Array.from({ length: opts.workers }, () => {
    const worker = new Worker(url);
    const inFlight = new Map<number, J[]>();
    let ids = 0;
    let up = false;
    let isDead = false;
    const send = () => {
      const chunk = failed ? undefined : nextChunk();
      if (!chunk?.length) return;
      const id = ids++;
      inFlight.set(id, chunk);
      worker.postMessage({ id, bodies: chunk.map((j) => j.body) });
    };
    const lost = (why: string) => {
      if (isDead || closing) return;
      isDead = true;
      lostWorkers++;
      if (up) ready--;
      up = false;
      senders.delete(send);
      retry.push(...inFlight.values());
      inFlight.clear();
      if (!here) for (const s of senders) for (let i = 0; i < IN_FLIGHT; i++) s();
      if (!warned) {
        warned = true;
        opts.warn?.(`Markdown render worker stopped (${why}); its bodies are rendered here`);
      }
      wake();
    };
    worker.on('message', (reply: Reply) => {
      if (closing) return;
      if (reply.ready) {
        up = true;
        ready++;
        senders.add(send);
        for (let i = 0; i < IN_FLIGHT; i++) send();
      } else {
        const chunk = inFlight.get(reply.id!)!;
        inFlight.delete(reply.id!);
        const html = reply.html ?? [];
        html.forEach((h, i) => opts.onRendered(chunk[i]!, h));
        left -= html.length;
        inWorkers += html.length;
        if (reply.error !== undefined)
          failed ??= new Error(`${chunk[html.length]!.label}: ${reply.error}`);
        send();
      }
      wake();
    });
    worker.on('error', (e) => lost(e.message));
    worker.on('exit', (code) => lost(`exit code ${code}`));
    return worker;
  });

  try {
    while (left > 0 && !failed) {
      // This thread renders while no worker is ready (starting up, or all gone),
      // and whatever a worker that died left behind.
      const chunk = !here ? undefined : ready === 0 ? nextChunk() : retry.pop();
      if (chunk && here) {
        for (const job of chunk) opts.onRendered(job, await here(job.body));
        left -= chunk.length;
        // Let workers' messages in (rendering alone only ever yields to microtasks).
        await new Promise((r) => setImmediate(r));
        continue;
      }
      if (ready === 0 && (here || lostWorkers === opts.workers)) break;
      await new Promise<void>((r) => (wake = r));
    }
    if (failed) throw failed;
    if (left > 0) throw new Error(`Markdown render workers failed; ${left} bodies not rendered`);
    return inWorkers;
  } finally {
    closing = true;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
