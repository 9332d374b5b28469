/**
 * The net under the check: bodies the check would refuse, fed straight to the
 * site's own Markdown configuration (astro.config.mjs) through Astro's
 * Markdown processor and through the MDX compiler, come out without anything
 * that runs script — so even a form the check misses never reaches a page or
 * the offline snapshot (which has no CSP).
 */
import { compile } from '@mdx-js/mdx';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import config from '../../astro.config.mjs';
import rehypeNoScript from '../../src/lib/markdown/no-script';

const markdown = await createMarkdownProcessor({
  gfm: config.markdown?.gfm,
  smartypants: config.markdown?.smartypants,
  remarkPlugins: config.markdown?.remarkPlugins,
  rehypePlugins: config.markdown?.rehypePlugins,
  syntaxHighlight: false,
});
const renderMarkdown = async (body: string) => (await markdown.render(body)).code;
/** The JavaScript module the MDX compiler makes of a body, with the site's plugins. */
const compileMdx = async (body: string) =>
  String(
    await compile(body, {
      remarkPlugins: config.markdown?.remarkPlugins as never,
      rehypePlugins: config.markdown?.rehypePlugins as never,
    }),
  );

/**
 * Whatever runs script, in rendered HTML or in compiled JSX; every hostile
 * body below calls alert() or msgbox(), so neither may survive either.
 */
const SCRIPT =
  /<script|"script"|\bon[a-z]+\s*[=:]|javascript:|vbscript:|data:text|srcdoc|style=|style:|alert|msgbox/i;

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src="/a.jpg" onerror="alert(1)" />',
  '<a href="java&#x09;script:alert(1)">点我</a>',
  '<a href={"javascript:alert(1)"}>点我</a>',
  '<a href={`java${"script"}:alert(1)`}>点我</a>',
  '<div {...{ onClick: () => alert(1) }}>x</div>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<p style="color:red">红</p>',
  '{<svg onLoad={() => alert(1)} />}',
  '<svg><a><animate attributeName="href" values="0;javascript:alert(1)" /></a></svg>',
  '<Callout title="编者按"><button onClick={() => alert(1)}>按</button></Callout>',
];

describe('a body the check would refuse, rendered anyway', () => {
  it.each(HOSTILE)('the MDX pipeline removes script from %s', async (body) => {
    const code = await compileMdx(`正文。\n\n${body}\n`);
    expect(code).not.toMatch(SCRIPT);
    expect(code).toContain('正文');
  });

  it.each([
    '[点我](JaVaScRiPt:alert(1))',
    '[点我](java&#x09;script:alert(1))',
    '[点我](&#106;avascript:alert(1))',
    '见[资料][1]。\n\n[1]: javascript:alert(1)',
    '[点我](vbscript:msgbox(1))',
    '[点我](data:text/html,<script>alert(1)</script>)',
    '![图](data:text/html,<script>alert(1)</script>)',
  ])('a javascript: link is removed in both pipelines: %s', async (body) => {
    const html = await renderMarkdown(body);
    expect(html).not.toMatch(SCRIPT);
    expect(html).toMatch(/<a|<img/);
    expect(await compileMdx(body)).not.toMatch(SCRIPT);
  });

  it('keeps harmless links, data: images and the table alignment class', async () => {
    const html = await renderMarkdown(
      '[新华网](https://www.xinhuanet.com/) [站内](/notices/)\n\n![图](data:image/png;base64,iVBORw0KGgo=)\n\n| 项目 | 人数 |\n| :--- | ---: |\n| 党员 | 45 |\n',
    );
    expect(html).toContain('href="https://www.xinhuanet.com/"');
    expect(html).toContain('href="/notices/"');
    expect(html).toContain('src="data:image/png;base64,iVBORw0KGgo="');
    expect(html).toContain('<th class="align-right">人数</th>');
    expect(html).not.toContain('style=');
  });

  it('turns stray raw HTML in the Markdown pipeline into text', () => {
    const tree = {
      type: 'root',
      children: [{ type: 'raw', value: '<img src=x onerror=alert(1)>' }],
    };
    rehypeNoScript()(tree);
    expect(tree.children[0]).toEqual({ type: 'text', value: '<img src=x onerror=alert(1)>' });
  });
});
