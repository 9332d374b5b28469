/**
 * Issue 12 item 9: whatever `npm run check` allows renders correctly under the
 * real CSP. A site is built from the sample data and two articles an editor
 * might write — an aligned GFM table and an https:// image, once through the
 * Markdown pipeline and once through MDX (a component) — then served with
 * its own `_headers` and opened in headless Chromium. No CSP violation may be
 * reported, and the alignment must really apply. (The https image cannot load
 * offline; what matters is that the policy does not block it.)
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/browser';
import { runScript } from '../helpers/cli';
import { serve, type StaticServer } from '../helpers/serve';
import { buildSite, ROOT, type BuildResult } from '../helpers/site';

const IMAGE = 'https://img.example.invalid/photo.jpg';
const BODY = `正文第一段。

| 项目 | 人数 | 备注 |
| :--- | ---: | :---: |
| 党员业主兼任 | 45 | 41% |

![活动照片](${IMAGE})
`;
const article = (title: string, extra = '') =>
  `---\ntitle: ${title}\ndate: 2020-05-01\neditor: 测试\nchannel: jiceng\ncover: ${IMAGE}\n---\n\n${BODY}${extra}`;

let content: string;
let build: BuildResult;
let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  // Inside the project: Astro's store wants article paths relative to the site root.
  mkdirSync(join(ROOT, '.test-output'), { recursive: true });
  content = mkdtempSync(join(ROOT, '.test-output', 'csp-content-'));
  cpSync(join(ROOT, 'content/data'), join(content, 'data'), { recursive: true });
  mkdirSync(join(content, 'articles'));
  writeFileSync(join(content, 'articles/table-markdown.mdx'), article('表格与图片（Markdown）'));
  writeFileSync(
    join(content, 'articles/table-mdx.mdx'),
    article('表格与图片（MDX）', '\n<Callout title="编者按">\n组件里的文字。\n</Callout>\n'),
  );
  build = buildSite({ content });
  if (build.status !== 0) throw new Error(build.output);
  server = await serve(build.outDir, { headers: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (content) rmSync(content, { recursive: true, force: true });
  if (build) rmSync(join(build.outDir, '..'), { recursive: true, force: true });
});

describe('content the check allows, under the CSP from _headers', () => {
  it('passes npm run check', () => {
    const r = runScript('check.ts', [], { content });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.each([
    ['Markdown', '/articles/table-markdown/'],
    ['MDX', '/articles/table-mdx/'],
  ])(
    'an editor’s aligned table and https:// image (%s pipeline) cause no CSP violation',
    async (_pipeline, path) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const logged: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) logged.push(m.text());
      });
      await page.addInitScript(() => {
        const w = window as unknown as { cspViolations: string[] };
        w.cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      const response = await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
      const violations = await page.evaluate(
        () => (window as unknown as { cspViolations: string[] }).cspViolations,
      );
      expect([...violations, ...logged]).toEqual([]);
      // The image is really in the page (so a blocking policy would have reported it).
      expect(await page.locator(`.prose img[src="${IMAGE}"]`).count()).toBe(1);
      const align = await page.evaluate(() =>
        [...document.querySelectorAll('.prose tr:first-child th')].map(
          (th) => getComputedStyle(th).textAlign,
        ),
      );
      expect(align).toEqual(['left', 'right', 'center']);
      expect(await page.locator('.prose [style]').count()).toBe(0);
      expect(response!.headers()['content-security-policy']).toMatch(/img-src [^;]*https:/);
      await context.close();
    },
  );
});
