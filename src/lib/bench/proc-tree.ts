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
}

const PAGE = 4096;

function snapshot(): Map<number, { ppid: number; rss: number; name: string }> {
  const out = new Map<number, { ppid: number; rss: number; name: string }>();
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      // The command name is in parentheses and may contain spaces.
      const close = stat.lastIndexOf(')');
      const name = stat.slice(stat.indexOf('(') + 1, close);
      const f = stat.slice(close + 2).split(' ');
      out.set(Number(e), { ppid: Number(f[1]), rss: Number(f[21]) * PAGE, name });
    } catch {
      // The process ended between listing and reading.
    }
  }
  return out;
}

export function treeMemory(root: number): { total: number; max: number; maxName: string } {
  const procs = snapshot();
  const children = new Map<number, number[]>();
  for (const [pid, p] of procs) {
    const list = children.get(p.ppid);
    if (list) list.push(pid);
    else children.set(p.ppid, [pid]);
  }
  let total = 0, max = 0, maxName = '';
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    const p = procs.get(pid);
    if (p) {
      total += p.rss;
      if (p.rss > max) { max = p.rss; maxName = p.name; }
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return { total, max, maxName };
}

/** Samples the tree under `root` every `everyMs` until stopped. */
export function sampleMemory(root: number, everyMs = 100): { stop(): MemoryPeak } {
  const peak: MemoryPeak = { tree: 0, process: 0, processName: '' };
  const tick = () => {
    const m = treeMemory(root);
    if (m.total > peak.tree) peak.tree = m.total;
    if (m.max > peak.process) { peak.process = m.max; peak.processName = m.maxName; }
  };
  const timer = setInterval(tick, everyMs);
  tick();
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
