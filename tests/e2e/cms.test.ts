import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/browser';
import {
  ensureCmsDependencies,
  git,
  openNew,
  publishNow,
  signIn,
  tempClone,
} from '../../scripts/lib/cms/drive';
import { startCms, type CmsServer } from '../../scripts/lib/cms/server';
import { stableSlug } from '../../scripts/lib/import/article-file';
import { collectionName } from '../../scripts/lib/cms/config';
import { isoDay } from '../../src/lib/dates';
import { articleContext } from '../../scripts/lib/check-content';
import { readArticles } from '../../src/lib/content/read-articles';
import { listArticleFiles } from '../../src/lib/content/paths';
import { formatProblem } from '../../src/lib/schema/messages';

// The web editor end to end: Decap CMS in headless Chromium, decap-server in git
// mode on a throwaway clone, and the files it commits read back with the shared validator.
describe('web editor (Decap CMS over git)', () => {
  let repo: string;
  let cms: CmsServer;
  let browser: Browser;
  let page: Page;
  const title = '网页编辑器：党群共建“三五模式”测试稿';
  const date = isoDay(new Date()); // the current year always has a collection
  const year = date.slice(0, 4);
  const body =
    '近年来，开化县委“两新”工委以青春党建为主载体。\n\n第一，坚持**五融入**。\n\n| 项目 | 数量 |\n| --- | --- |\n| 支部 | 3 |';
  const file = () =>
    join(repo, 'content/articles', date.slice(0, 4), `${stableSlug({ date, title })}.mdx`);
  const commits = () => Number(git(repo, 'rev-list', '--count', 'HEAD'));

  beforeAll(async () => {
    ensureCmsDependencies();
    repo = tempClone();
    cms = await startCms({ repo });
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('dialog', (d) => void d.accept()); // "leave with unsaved changes?"
    await signIn(page, cms.url);
  });
  afterAll(async () => {
    await browser?.close();
    await cms?.close();
  });

  it('creates a Chinese article as one commit, named and validated like the check', async () => {
    const before = commits();
    await openNew(page, cms.url, year);
    await page.locator('[id^=title-field]').fill(title);
    await page.locator('[id^=date-field]').fill(date);
    await page.locator('[id^=editor-field]').fill('付文');
    await page.locator('[id^=channel-field]').click();
    await page.getByRole('option', { name: '案例' }).click();
    await page.locator('[id^=body-field]').fill(body);
    await publishNow(page);
    await expect.poll(commits, { timeout: 20_000 }).toBe(before + 1);

    expect(existsSync(file())).toBe(true);
    const text = readFileSync(file(), 'utf8');
    expect(text.slice(text.indexOf('\n---\n') + 5)).toBe(`\n${body}\n`);
    expect(text).toContain(`title: "${title}"`);
    expect(text).toContain('channel: anli');
    expect(text).toContain('editor: 付文');

    const { problems, articles } = readArticles(
      articleContext(join(repo, 'content/data')),
      listArticleFiles(join(repo, 'content/articles')),
    );
    expect(problems.map(formatProblem)).toEqual([]);
    expect(articles.find((a) => a.data.title === title)?.data.channel).toBe('anli');
    expect(git(repo, 'status', '--porcelain')).toBe('');
    expect(git(repo, 'show', '--name-only', '--format=', 'HEAD')).toBe(
      file().slice(repo.length + 1),
    );
  });

  it('changing the title changes one line', async () => {
    const before = commits();
    await page.goto(
      `${cms.url}#/collections/${collectionName(year)}/entries/${stableSlug({ date, title })}`,
    );
    await page.locator('[id^=title-field]').fill(`${title}（修订）`);
    await publishNow(page);
    await expect.poll(commits, { timeout: 20_000 }).toBe(before + 1);
    const numstat = git(repo, 'diff', '--numstat', 'HEAD~1', 'HEAD');
    expect(numstat).toBe(`1\t1\t${file().slice(repo.length + 1)}`);
    expect(git(repo, 'diff', '-U0', 'HEAD~1', 'HEAD')).toContain(`+title: "${title}（修订）"`);
  });

  it('refuses an empty title with the check’s message, and writes nothing', async () => {
    const before = commits();
    await openNew(page, cms.url, year);
    await page.locator('[id^=date-field]').fill(date);
    await page.locator('[id^=channel-field]').click();
    await page.getByRole('option', { name: '基层点睛' }).click();
    await page.locator('[id^=body-field]').fill('没有标题的稿件。');
    await publishNow(page);
    await page.getByText('标题不能为空').first().waitFor({ timeout: 10_000 });
    expect(commits()).toBe(before);
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });

  it('refuses a date from another year in this year’s collection, and writes nothing', async () => {
    const before = commits();
    await openNew(page, cms.url, year);
    await page.locator('[id^=title-field]').fill('去年的稿件');
    await page.locator('[id^=date-field]').fill('2015-03-24');
    await page.locator('[id^=channel-field]').click();
    await page.getByRole('option', { name: '基层点睛' }).click();
    await page.locator('[id^=body-field]').fill('正文。');
    await publishNow(page);
    await page.getByText('请在“2015 年文章”里新建').first().waitFor({ timeout: 10_000 });
    expect(commits()).toBe(before);
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });

  it('refuses what only the check knows (HTML in a title) with its own message', async () => {
    const before = commits();
    await openNew(page, cms.url, year);
    await page.locator('[id^=title-field]').fill('<b>加粗的标题</b>');
    await page.locator('[id^=date-field]').fill(date);
    await page.locator('[id^=channel-field]').click();
    await page.getByRole('option', { name: '基层点睛' }).click();
    await page.locator('[id^=body-field]').fill('正文。');
    await publishNow(page);
    await page.getByText('标题不能包含 HTML 标签或脚本').first().waitFor({ timeout: 10_000 });
    expect(commits()).toBe(before);
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });
});
