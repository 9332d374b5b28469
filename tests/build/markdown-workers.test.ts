/**
 * Markdown render workers inside `astro build` (src/lib/markdown/render-pool.ts):
 * forced on with FEIGONG_MARKDOWN_WORKERS, they render every Markdown body of
 * the sample site, and the output is byte-identical, file for file, to the
 * sample build (where the loader context's `renderMarkdown` rendered them on
 * the main thread: 34 bodies start no workers). Varied bodies (tables, footnotes,
 * task lists, SmartyPants, links, Chinese) built the same way come out exactly
 * as Astro's own processor renders them.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { needsMdx } from '../../src/lib/content/mdx-detect';
import { listFiles } from '../../src/lib/site-files';
import { astroRenderMarkdown, MARKDOWN_BODIES } from '../helpers/markdown-bodies';
import { buildSite, readBuilt, ROOT, SAMPLE_DIST } from '../helpers/site';

const WORKERS = { FEIGONG_MARKDOWN_WORKERS: '2' };

describe('Markdown render workers in astro build', () => {
  it('build the sample site byte-identical to the main thread', () => {
    const build = buildSite({ env: WORKERS });
    expect(build.status, build.output).toBe(0);
    const summary = build.output.match(/(\d+) articles \((\d+) rendered, .*\)(.*)/);
    expect(summary, build.output).not.toBeNull();
    // Every body was rendered, and by the workers.
    expect(Number(summary![2])).toBeGreaterThan(20);
    expect(summary![3]).toBe(`; ${summary![2]} rendered by Markdown worker threads`);
    expect(build.output).not.toMatch(/worker stopped|rendered on one thread/);

    const files = listFiles(SAMPLE_DIST);
    expect(listFiles(build.outDir)).toEqual(files);
    const differing = files.filter(
      (f) => !readFileSync(join(SAMPLE_DIST, f)).equals(readFileSync(join(build.outDir, f))),
    );
    expect(differing).toEqual([]);
  });

  it('render varied bodies exactly as Astro renders them', async () => {
    mkdirSync(join(ROOT, '.test-output'), { recursive: true });
    const content = mkdtempSync(join(ROOT, '.test-output', 'md-workers-'));
    cpSync(join(ROOT, 'content/data'), join(content, 'data'), { recursive: true });
    mkdirSync(join(content, 'articles'));
    // Bodies the Markdown path gets: no MDX, nothing `npm run check` refuses (script
    // addresses, images outside public/; the unit test renders those too).
    const refused = /javascript:|data:text|\]\(\.\//;
    const bodies = MARKDOWN_BODIES.filter((b) => b.trim() && !needsMdx(b) && !refused.test(b));
    expect(bodies.length).toBeGreaterThanOrEqual(12);
    bodies.forEach((body, i) =>
      writeFileSync(
        join(content, 'articles', `md-worker-${i}.mdx`),
        `---\ntitle: 渲染线程 ${i}\ndate: 2020-05-01\neditor: 测试\nchannel: jiceng\n---\n\n${body}`,
      ),
    );
    const build = buildSite({ content, env: WORKERS });
    expect(build.status, build.output).toBe(0);
    const n = bodies.length;
    expect(build.output).toContain(
      `${n} articles (${n} rendered, 0 from cache, 0 compiled as MDX); ${n} rendered by Markdown worker threads`,
    );
    const astro = await astroRenderMarkdown();
    let all = '';
    for (const [i, body] of bodies.entries()) {
      const page = readBuilt(build.outDir, `/articles/md-worker-${i}/`);
      const rest = page.slice(page.indexOf('>', page.indexOf('class="prose"')) + 1).trimStart();
      const html = await astro(body);
      all += html;
      expect(rest.slice(0, html.length), body).toBe(html);
      expect(rest.slice(html.length).trimStart()).toMatch(/^<\/div>\s*<\/article>/);
    }
    // Not vacuous: what the site's plugins do is in there.
    for (const made of [
      '<th class="align-right">人数</th>',
      'data-footnotes',
      'type="checkbox"',
      '“直引号”',
      'rel="noopener noreferrer"',
      '非公有制企业党组织',
    ])
      expect(all).toContain(made);
  });
});
