import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputStats } from '../../scripts/lib/bench/output-stats';
import { cpuBetween, longestSilence, median, parsePhases } from '../../scripts/lib/bench/phases';
import { treeMemory } from '../../scripts/lib/bench/proc-tree';
import {
  formatTable,
  summarize,
  type BenchResult,
  type BuildRun,
} from '../../scripts/lib/bench/report';

const LOG = [
  '19:26:44 [content] Syncing content',
  '19:26:58 [feigong-articles] 1034 articles (1034 rendered, 0 from cache, 5 compiled as MDX)',
  '19:26:58 [content] Synced content',
  '19:26:58 [build] Collecting build info...',
  '19:26:58 [build] Building static entrypoints...',
  '19:27:02 [vite] ✓ built in 3.97s',
  '\x1b[32m19:27:02 [build] ✓ Completed in 4.03s.\x1b[39m',
  ' generating static routes ',
  '19:27:02 ▶ src/pages/articles/[slug].astro',
  '19:27:07 ✓ Completed in 4.85s.',
  '19:27:08 [pagefind] indexing 1093 pages',
  '19:27:09 [pagefind] wrote index',
  '19:27:09 [build] Complete!',
];

describe('parsePhases', () => {
  const stamped = LOG.map((text, i) => ({ ms: i * 1000, text }));

  it('measures each phase between its own markers', () => {
    expect(parsePhases(stamped, 14_000)).toEqual({
      contentSync: 2000,
      bundle: 2000,
      render: 2000,
      afterRender: 5000,
      pagefind: 1000,
    });
  });

  it('leaves out phases whose markers are missing', () => {
    const p = parsePhases(stamped.slice(0, 3), 3000);
    expect(p.contentSync).toBe(2000);
    expect(p.render).toBeUndefined();
    expect(p.pagefind).toBeUndefined();
  });
});

describe('longestSilence', () => {
  it('finds the longest time without a log line, the end included', () => {
    const lines = [
      { ms: 1000, text: 'a' },
      { ms: 13_000, text: '\x1b[32mb\x1b[39m' },
      { ms: 14_000, text: 'c' },
    ];
    expect(longestSilence(lines, 20_000)).toEqual({ ms: 12_000, before: 'b' });
    expect(longestSilence(lines, 40_000)).toEqual({ ms: 26_000, before: '(end)' });
  });
});

describe('cpuBetween', () => {
  it('takes the CPU used between two moments from the sampled timeline', () => {
    const line = [
      { ms: 0, cpuMs: 0 },
      { ms: 1000, cpuMs: 900 },
      { ms: 2000, cpuMs: 2800 },
    ];
    expect(cpuBetween(line, [1000, 2000])).toBe(1900);
    expect(cpuBetween(line, [0, 1500])).toBe(900);
    expect(cpuBetween([], [0, 1000])).toBeUndefined();
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('outputStats', () => {
  const site = () => {
    const dir = mkdtempSync(join(tmpdir(), 'feigong-stats-'));
    mkdirSync(join(dir, 'articles/a'), { recursive: true });
    mkdirSync(join(dir, 'articles/b'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<p>home</p>');
    writeFileSync(join(dir, 'articles/a/index.html'), 'x'.repeat(100));
    writeFileSync(join(dir, 'articles/b/index.html'), 'y'.repeat(300));
    writeFileSync(join(dir, 'rss.xml'), '<rss/>');
    return dir;
  };

  it('counts pages, bytes and the average article', () => {
    const s = outputStats(site());
    expect(s).toMatchObject({
      pages: 3,
      articles: 2,
      avgArticleHtmlBytes: 200,
      bytes: 11 + 100 + 300 + 6,
    });
    expect(s.pagefindBytes).toBeUndefined();
  });

  it('measures a pagefind folder when there is one', () => {
    const dir = site();
    mkdirSync(join(dir, 'pagefind'));
    writeFileSync(join(dir, 'pagefind/index.pf'), 'z'.repeat(50));
    expect(outputStats(dir).pagefindBytes).toBe(50);
  });

  it('gives equal digests for equal output and different ones after any change', () => {
    const a = site(),
      b = site();
    expect(outputStats(a).digest).toBe(outputStats(b).digest);
    writeFileSync(join(b, 'rss.xml'), '<rss />');
    expect(outputStats(a).digest).not.toBe(outputStats(b).digest);
  });
});

describe('treeMemory', () => {
  it('finds this process, its memory and its CPU time in /proc', () => {
    const m = treeMemory(process.pid);
    expect(m.max).toBeGreaterThan(10 * 2 ** 20);
    expect(m.total).toBeGreaterThanOrEqual(m.max);
    expect(m.cpuMs.get(process.pid)).toBeGreaterThan(0);
  });
});

describe('formatTable', () => {
  const run = (wallMs: number, pages = 1100): BuildRun => ({
    wallMs,
    phases: { contentSync: wallMs / 2, render: wallMs / 4 },
    // Content sync on one core (CPU = wall), then both cores (CPU = 2 × wall).
    spans: { contentSync: [0, wallMs / 2], render: [wallMs / 2, (wallMs * 3) / 4] },
    memory: {
      tree: 2 ** 30,
      process: 2 ** 29,
      processName: 'node',
      cpuMs: wallMs * 1.5,
      cpuTimeline: [
        { ms: 0, cpuMs: 0 },
        { ms: wallMs / 2, cpuMs: wallMs / 2 },
        { ms: (wallMs * 3) / 4, cpuMs: wallMs },
        { ms: wallMs, cpuMs: wallMs * 1.5 },
      ],
    },
    output: { pages, bytes: 2 ** 20, articles: 1000, avgArticleHtmlBytes: 20480, digest: 'd' },
  });
  const result: BenchResult = {
    date: '2026-11-27T00:00:00Z',
    commit: 'abc1234',
    runs: 3,
    seed: 1,
    machine: {
      cpus: 2,
      cpuModel: 'Test CPU',
      memGiB: 8,
      node: 'v20',
      os: 'linux',
      loadAvg: [0, 0, 0],
    },
    sizes: [
      {
        articles: 1000,
        cold: [run(30_000), run(10_000), run(20_000)],
        warm: run(4000),
        published: run(5000),
        deterministic: true,
      },
      {
        articles: 2000,
        cold: [
          {
            ...run(42_000, 2200),
            phases: { contentSync: 21_000, render: 10_500, afterRender: 5000, pagefind: 30_000 },
            stockPagefind: { wallMs: 60_000, cpuMs: 100_000, peakRss: 2 ** 32 },
          },
        ],
        deterministic: false,
      },
    ],
    checkMs: 1500,
  };

  it('summarizes each size by the median of its cold runs', () => {
    const s = summarize(result.sizes[0]!);
    expect(s.wallMs).toBe(20_000);
    expect(s.contentSyncMs).toBe(10_000);
    expect(s.pagesPerSecond).toBe(55);
  });

  it('prints one row per size, the growth ratio, check time and the machine', () => {
    const t = formatTable(result);
    expect(t).toContain('| 1,000 | 1100 | 20.0 | 30.0 | 10.0 (10.0) | – (–) | 5.0 (10.0) |');
    expect(t).toContain('| 4.0 (20 %; CPU 6.0) | 5.0 (25 %) | yes |');
    expect(t).toContain('| – | – | NO |');
    expect(t).toContain('2000 / 1000 articles: 2.10 × the wall time');
    expect(t).toContain('npm run check (2000 articles): 1.5 s');
    expect(t).toContain(
      'stock `pagefind --site` 60.0 s (CPU 100.0 s) over the same output: ratio 0.50 (indexer / stock), 0.08 (wait after rendering / stock)',
    );
    expect(t).toContain('2 × Test CPU, 8 GiB RAM');
  });
});
