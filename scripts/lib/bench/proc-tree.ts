import { readdirSync, readFileSync } from 'node:fs';

/**
 * Peak memory of a process and all its descendants, sampled from /proc
 * (Linux). Build tools fork (Astro's workers, Pagefind's binary), so the
 * root process's own maxRSS would miss most of it.
 */
export interface MemoryPeak {
  /** Largest sum of RSS over the whole tree at one sample, bytes. */
  tree: number;
  /** Largest RSS of any single process, bytes, and its command name. */
  process: number;
  processName: string;
  /** CPU time (user + system) the tree used, ms: unlike wall time, barely affected by other load on the machine. */
  cpuMs: number;
  /** CPU time used so far, at each sample (ms since sampling started), for per-phase CPU. */
  cpuTimeline: { ms: number; cpuMs: number }[];
}

const PAGE = 4096;
/** Linux's USER_HZ: /proc reports CPU time in 1/100 s. */
const TICK_MS = 10;

interface Proc {
  ppid: number;
  rss: number;
  name: string;
  cpuMs: number;
}

function snapshot(): Map<number, Proc> {
  const out = new Map<number, Proc>();
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      // The command name is in parentheses and may contain spaces.
      const close = stat.lastIndexOf(')');
      const name = stat.slice(stat.indexOf('(') + 1, close);
      const f = stat.slice(close + 2).split(' ');
      out.set(Number(e), {
        ppid: Number(f[1]),
        rss: Number(f[21]) * PAGE,
        name,
        cpuMs: (Number(f[11]) + Number(f[12])) * TICK_MS,
      });
    } catch {
      // The process ended between listing and reading.
    }
  }
  return out;
}

export function treeMemory(root: number): {
  total: number;
  max: number;
  maxName: string;
  cpuMs: Map<number, number>;
} {
  const procs = snapshot();
  const children = new Map<number, number[]>();
  for (const [pid, p] of procs) {
    const list = children.get(p.ppid);
    if (list) list.push(pid);
    else children.set(p.ppid, [pid]);
  }
  let total = 0,
    max = 0,
    maxName = '';
  const cpuMs = new Map<number, number>();
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    const p = procs.get(pid);
    if (p) {
      total += p.rss;
      cpuMs.set(pid, p.cpuMs);
      if (p.rss > max) {
        max = p.rss;
        maxName = p.name;
      }
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return { total, max, maxName, cpuMs };
}

/** Samples the tree under `root` every `everyMs` until stopped. */
export function sampleMemory(root: number, everyMs = 100): { stop(): MemoryPeak } {
  const peak: MemoryPeak = { tree: 0, process: 0, processName: '', cpuMs: 0, cpuTimeline: [] };
  const t0 = performance.now();
  // Last CPU time seen per process; a process's final ~100 ms after the last sample are missed.
  const cpu = new Map<number, number>();
  const tick = () => {
    const m = treeMemory(root);
    for (const [pid, ms] of m.cpuMs) cpu.set(pid, ms);
    peak.cpuTimeline.push({
      ms: performance.now() - t0,
      cpuMs: [...cpu.values()].reduce((a, b) => a + b, 0),
    });
    if (m.total > peak.tree) peak.tree = m.total;
    if (m.max > peak.process) {
      peak.process = m.max;
      peak.processName = m.maxName;
    }
  };
  const timer = setInterval(tick, everyMs);
  tick();
  return {
    stop() {
      clearInterval(timer);
      peak.cpuMs = [...cpu.values()].reduce((a, b) => a + b, 0);
      return peak;
    },
  };
}
