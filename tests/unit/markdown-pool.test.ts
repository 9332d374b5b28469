/**
 * The Markdown render workers (src/lib/markdown/render-pool.ts) give the same
 * HTML, byte for byte, as the articles loader's `renderMarkdown` today: Astro's
 * own copy of the Markdown processor over the configuration Astro resolves
 * from astro.config.mjs (what the content layer builds it from,
 * tests/helpers/markdown-bodies.ts). The same inside `astro build`:
 * tests/build/markdown-workers.test.ts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import config from '../../astro.config.mjs';
import { markdownConfig } from '../../src/lib/markdown/config';
import {
  markdownThreads,
  MIN_BODIES_FOR_WORKERS,
  renderBodies,
} from '../../src/lib/markdown/render-pool';
import { isSiteMarkdownConfig } from '../../src/lib/markdown/same-config';
import { syncProgress } from '../../src/lib/content/progress';
import {
  astroRenderMarkdown,
  MARKDOWN_BODIES,
  resolveAstroConfig,
} from '../helpers/markdown-bodies';

describe('Markdown render workers', () => {
  it('render every body exactly as Astro renders it', async () => {
    expect(isSiteMarkdownConfig((await resolveAstroConfig()).markdown)).toBe(true);
    const astro = await astroRenderMarkdown();
    const jobs = MARKDOWN_BODIES.map((body, i) => ({ body, label: `${i}.mdx`, i }));
    const viaWorkers = new Array<string>(jobs.length);
    const inWorkers = await renderBodies(jobs, {
      workers: 2,
      onRendered: (job, html) => (viaWorkers[job.i] = html),
    });
    expect(inWorkers).toBe(jobs.length);
    for (const [i, body] of MARKDOWN_BODIES.entries())
      expect(viaWorkers[i], body).toBe(await astro(body));
    // Not vacuous: the site's plugins ran.
    const all = viaWorkers.join('\n');
    expect(all).toContain('<th class="align-right">人数</th>');
    expect(all).toContain('data-footnotes');
    expect(all).toContain('type="checkbox"');
    expect(all).toContain('“直引号”');
    expect(all).toContain('rel="noopener noreferrer"');
    // Raw HTML stays text (no-script.ts); no element or attribute that runs script.
    expect(all).not.toMatch(/<script|<[^>]+ on[a-z]+=|<[^>]+ style=|href="javascript:/);
    expect(all).toContain('&#x3C;script>');
    expect(all).toContain('中国非公企业党建工作');
  });

  it('split the work between the calling thread and the workers, same HTML', async () => {
    const astro = await astroRenderMarkdown();
    const jobs = Array.from({ length: 60 }, (_, i) => ({
      body: MARKDOWN_BODIES[i % MARKDOWN_BODIES.length]!,
      label: `${i}.mdx`,
    }));
    let here = 0;
    const out = new Map<string, string>();
    const inWorkers = await renderBodies(jobs, {
      workers: 2,
      renderHere: (body) => (here++, astro(body)),
      onRendered: (job, html) => out.set(job.label, html),
    });
    expect(out.size).toBe(jobs.length);
    expect(here + inWorkers).toBe(jobs.length);
    for (const job of jobs) expect(out.get(job.label)).toBe(await astro(job.body));
  });

  it('fall back to the calling thread when workers cannot start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'md-worker-'));
    writeFileSync(join(dir, 'broken.mjs'), "throw new Error('no tsx here');\n");
    const warnings: string[] = [];
    const out: string[] = [];
    const inWorkers = await renderBodies(
      MARKDOWN_BODIES.slice(0, 5).map((body, i) => ({ body, label: `${i}.mdx` })),
      {
        workers: 2,
        workerUrl: pathToFileURL(join(dir, 'broken.mjs')),
        renderHere: async (body) => `<p>${body.length}</p>`,
        onRendered: (_job, html) => out.push(html),
        warn: (m) => warnings.push(m),
      },
    );
    expect(inWorkers).toBe(0);
    expect(out).toHaveLength(5);
    // Said once, if this thread was not done before the workers failed.
    expect(warnings.length).toBeLessThanOrEqual(1);
    // Without the calling thread, that is an error rather than a hang.
    const said: string[] = [];
    await expect(
      renderBodies([{ body: 'x', label: 'x.mdx' }], {
        workers: 2,
        workerUrl: pathToFileURL(join(dir, 'broken.mjs')),
        onRendered: () => {},
        warn: (m) => said.push(m),
      }),
    ).rejects.toThrow(/not rendered/);
    expect(said).toEqual([expect.stringContaining('no tsx here')]);
  });

  it('start only for big batches, unless told', () => {
    expect(markdownThreads(34, {})).toEqual({ workers: 0, here: true });
    expect(markdownThreads(MIN_BODIES_FOR_WORKERS, {})).toEqual({
      workers: availableParallelism(),
      here: true,
    });
    expect(markdownThreads(3, { FEIGONG_MARKDOWN_WORKERS: '2' })).toEqual({
      workers: 2,
      here: false,
    });
    expect(markdownThreads(5000, { FEIGONG_MARKDOWN_WORKERS: '0' })).toEqual({
      workers: 0,
      here: true,
    });
  });
});

describe('one Markdown configuration', () => {
  it('is what astro.config.mjs hands to Astro', () => {
    expect(config.markdown).toBe(markdownConfig);
  });

  it('tells a resolved configuration that differs from it', async () => {
    const resolve = async (markdown: object) => (await resolveAstroConfig({ markdown })).markdown;
    expect(isSiteMarkdownConfig(await resolve(markdownConfig))).toBe(true);
    const rehype = markdownConfig.rehypePlugins!;
    for (const changed of [
      { ...markdownConfig, smartypants: true },
      { ...markdownConfig, remarkPlugins: markdownConfig.remarkPlugins!.slice(0, 1) },
      {
        ...markdownConfig,
        rehypePlugins: [...rehype.slice(0, 2), [(rehype[2] as [unknown, unknown])[0], { rel: [] }]],
      },
      { ...markdownConfig, remarkRehype: { footnoteLabel: '注释' } },
      { ...markdownConfig, syntaxHighlight: 'prism' },
    ])
      expect(isSiteMarkdownConfig(await resolve(changed))).toBe(false);
  });
});

describe('content sync progress', () => {
  it('says where it is at most every interval, and nothing for a quick sync', () => {
    let t = 0;
    const lines: string[] = [];
    const quick = syncProgress((l) => lines.push(l), { now: () => t });
    t = 300;
    quick.validated(34);
    for (let i = 1; i <= 34; i++) quick.rendered(i, 34);
    expect(lines).toEqual([]);

    t = 0;
    const p = syncProgress((l) => lines.push(l), { now: () => t });
    t = 6000;
    p.validated(10_000);
    for (let done = 1; done <= 10_000; done++) {
      t = 6000 + done * 2;
      p.rendered(done, 10_000);
    }
    expect(lines).toEqual([
      '已读取并校验 10,000 篇 (6.0 s)',
      '已渲染 2,500/10,000 篇 (预计还需 15 s)',
      '已渲染 5,000/10,000 篇 (预计还需 10 s)',
      '已渲染 7,500/10,000 篇 (预计还需 5 s)',
    ]);
  });

  it('says where reading and validating is while it runs (50,000 files take half a minute)', () => {
    const lines: string[] = [];
    let t = 0;
    const p = syncProgress((l) => lines.push(l), { now: () => t });
    for (let done = 1; done <= 50_000; done++) {
      t = done * 0.5;
      p.read(done, 50_000);
    }
    expect(lines).toEqual([
      '已读取并校验 10,000/50,000 个文件 (预计还需 20 s)',
      '已读取并校验 20,000/50,000 个文件 (预计还需 15 s)',
      '已读取并校验 30,000/50,000 个文件 (预计还需 10 s)',
      '已读取并校验 40,000/50,000 个文件 (预计还需 5 s)',
    ]);
  });
});
