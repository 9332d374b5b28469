/**
 * Issue 6 in a real browser, on the built sample site served with its
 * `_headers`: no CSP violation, axe-core (WCAG 2.1 AA) without serious or
 * critical findings, every control reachable by keyboard with a visible focus,
 * and the font-size control working from the keyboard.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/browser';
import { serve, type StaticServer } from '../helpers/serve';
import { SAMPLE_DIST } from '../helpers/site';

const ARTICLE = '/articles/kaihua-dangqun-gongjian-sanwu-moshi/';
const PAGES: Record<string, string> = {
  home: '/',
  channel: '/channel/jiceng/',
  article: ARTICLE,
  ...(existsSync(join(SAMPLE_DIST, 'search/index.html'))
    ? { search: '/search/?q=%E5%85%9A%E7%BE%A4%E5%85%B1%E5%BB%BA' }
    : {}),
  // Under a known folder: an unknown top-level name gets no CSP (see README, Deploying).
  '404': '/articles/no-such-page/',
};
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  server = await serve(SAMPLE_DIST, { headers: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Content-Security-Policy from _headers', () => {
  it.each(Object.entries(PAGES))('%s logs no CSP violation', async (_name, path) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const logged: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) logged.push(m.text());
    });
    // Recorded by the page itself, so violations of every kind are caught.
    await page.addInitScript(() => {
      (window as unknown as { cspViolations: string[] }).cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { cspViolations: string[] }).cspViolations.push(
          `${e.violatedDirective} ${e.blockedURI}`,
        );
      });
    });
    const response = await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
    expect(response!.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    // The reader script (article pages only) ran: it is allowed as a same-origin file.
    if (path === ARTICLE)
      expect(await page.evaluate(() => document.documentElement.classList.contains('js'))).toBe(
        true,
      );
    const violations = await page.evaluate(
      () => (window as unknown as { cspViolations: string[] }).cspViolations,
    );
    expect([...violations, ...logged]).toEqual([]);
    await context.close();
  });

  it('blocks an inline script injected into a page (the policy is really applied)', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    const ran = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.injected = true';
      document.body.append(s);
      await new Promise((r) => setTimeout(r, 50));
      return (window as unknown as { injected?: boolean }).injected === true;
    });
    expect(ran).toBe(false);
    await page.close();
  });
});

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  it.each(Object.entries(PAGES))('%s has no serious or critical violation', async (_name, path) => {
    // axe is injected as a script, which the page's own CSP would (rightly) refuse.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              ctx: Document,
              o: object,
            ) => Promise<{
              violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
              passes: unknown[];
            }>;
          };
        }
      ).axe;
      const r = await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      });
      return {
        passes: r.passes.length,
        violations: r.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
        })),
      };
    });
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad).toEqual([]);
    expect(result.passes).toBeGreaterThan(10);
    await context.close();
  });
});

/** Visible, enabled, focusable controls, each tagged with an index. */
async function tagFocusables(page: Page): Promise<number> {
  return page.evaluate(() => {
    const sel =
      'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"])';
    const els = [...document.querySelectorAll<HTMLElement>(sel)].filter((el) => {
      const s = getComputedStyle(el);
      // The skip link is off-screen until focused; it counts.
      return s.visibility !== 'hidden' && s.display !== 'none' && el.getClientRects().length > 0;
    });
    els.forEach((el, i) => el.setAttribute('data-kbd', String(i)));
    return els.length;
  });
}

/** Tabs through the page; returns the indices reached and any without a visible focus indicator. */
async function tabThrough(page: Page, count: number) {
  const reached = new Set<number>();
  const invisible: string[] = [];
  for (let i = 0; i < count + 10; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      const ring =
        (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
      const onScreen =
        r.width > 0 &&
        r.height > 0 &&
        r.bottom > 0 &&
        r.right > 0 &&
        r.top < innerHeight &&
        r.left < innerWidth;
      return {
        idx: el.getAttribute('data-kbd'),
        ring,
        onScreen,
        label: `${el.tagName} ${(el.textContent ?? '').trim().slice(0, 20)}`,
      };
    });
    if (!info || info.idx === null) continue;
    reached.add(Number(info.idx));
    if (!info.ring || !info.onScreen) invisible.push(info.label);
  }
  return { reached, invisible };
}

describe('keyboard', () => {
  it.each([
    ['home', '/'],
    ['article', ARTICLE],
    ['channel', '/channel/jiceng/'],
  ])('%s: every control is reachable with Tab and shows its focus', async (_n, path) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}${path}`);
    const count = await tagFocusables(page);
    expect(count).toBeGreaterThan(20);
    const { reached, invisible } = await tabThrough(page, count);
    const missed = [...Array(count).keys()].filter((i) => !reached.has(i));
    expect(missed).toEqual([]);
    expect(invisible).toEqual([]);
    await page.close();
  });

  it('changes the article font size with the keyboard (Enter and Space)', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}${ARTICLE}`);
    const bodySize = () =>
      page.evaluate(() => getComputedStyle(document.querySelector('.prose')!).fontSize);
    expect(await bodySize()).toBe('18px');
    const tabTo = async (selector: string) => {
      for (let i = 0; i < 200; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector))
          return;
      }
      throw new Error(`Tab never reached ${selector}`);
    };
    await tabTo('[data-font-size-set="large"]');
    await page.keyboard.press('Enter');
    expect(await bodySize()).toBe('22px');
    expect(await page.getAttribute('[data-font-size-set="large"]', 'aria-pressed')).toBe('true');
    await tabTo('[data-font-size-set="small"]');
    await page.keyboard.press('Space');
    expect(await bodySize()).toBe('16px');
    expect(await page.getAttribute('[data-font-size-set="large"]', 'aria-pressed')).toBe('false');
    await page.close();
  });
});
