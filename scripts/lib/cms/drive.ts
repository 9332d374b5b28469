/** Drives the web editor's admin page in Chromium: shared by its browser tests and `npm run bench:cms`. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { cmsDependenciesInstalled, cmsFolder, projectRoot } from './server';
import { collectionName } from './config';

/** The web editor's own dependencies (cms/), installed from its lockfile when missing. */
export function ensureCmsDependencies(): void {
  if (cmsDependenciesInstalled()) return;
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: cmsFolder,
    stdio: 'inherit',
  });
}

export const git = (repo: string, ...args: string[]) =>
  execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).trim();

/** A throwaway clone of this project's committed state, with an identity for commits. */
export function tempClone(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'feigong-cms-')), 'repo');
  execFileSync('git', ['clone', '--quiet', projectRoot, dir]);
  git(dir, 'config', 'user.name', '网页编辑器测试');
  git(dir, 'config', 'user.email', 'cms-test@example.invalid');
  return dir;
}

/** Opens the admin page and signs in with the local proxy's 登录 button. */
export async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: '登录' }).click();
  await page
    .getByRole('link', { name: '快速新建' })
    .or(page.getByText('快速新建'))
    .first()
    .waitFor();
}

/** Decap's 发布 → 立即发布 (simple publish mode: one commit on the branch). */
export async function publishNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await page.getByText('立即发布', { exact: true }).click();
}

/** A fresh 新建文章 form in a year's collection (a full page load, so no state is left from an earlier form). */
export async function openNew(page: Page, url: string, folder: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${url}#/collections/${collectionName(folder)}/new`);
  await page.locator('[id^=title-field]').waitFor();
}
