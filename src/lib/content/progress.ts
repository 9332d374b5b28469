/**
 * Where a long content sync is at, in Astro's log, at most every `intervalMs`
 * (not per article): a cold build of thousands of articles says what it is
 * doing at least every 10 s, a small one (the sample site) says nothing extra.
 */
export interface SyncProgress {
  /** While reading and validating: `done` of `total` files (one pass, no timers can fire). */
  read(done: number, total: number): void;
  /** After reading and validating `count` articles. */
  validated(count: number): void;
  /** `done` of `total` bodies rendered. */
  rendered(done: number, total: number): void;
}

const n = (x: number) => x.toLocaleString('en-US');

export function syncProgress(
  log: (line: string) => void,
  { intervalMs = 5000, now = () => performance.now() } = {},
): SyncProgress {
  const start = now();
  let last = start;
  let renderStart: number | undefined;
  const due = (t: number) => t - last >= intervalMs;
  return {
    read(done, total) {
      const t = now();
      if (done >= total || done <= 0 || !due(t)) return;
      last = t;
      const left = Math.ceil((((t - start) / done) * (total - done)) / 1000);
      log(`已读取并校验 ${n(done)}/${n(total)} 个文件 (预计还需 ${left} s)`);
    },
    validated(count) {
      const t = now();
      renderStart = t;
      if (!due(t)) return;
      last = t;
      log(`已读取并校验 ${n(count)} 篇 (${((t - start) / 1000).toFixed(1)} s)`);
    },
    rendered(done, total) {
      const t = now();
      renderStart ??= start;
      if (done >= total || done <= 0 || !due(t)) return;
      last = t;
      const left = Math.ceil((((t - renderStart) / done) * (total - done)) / 1000);
      log(`已渲染 ${n(done)}/${n(total)} 篇 (预计还需 ${left} s)`);
    },
  };
}
