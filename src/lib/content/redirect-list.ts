/**
 * The articles that carry old-site `aliases`, as the articles loader last
 * validated them, for the redirects integration at the end of the build:
 * it need not read and validate every article a second time.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCacheDir } from './paths';
import type { ArticleData } from '../schema/article';

export interface AliasedArticle {
  slug: string;
  title: string;
  aliases: string[];
  date: string;
  draft: boolean;
}

export const aliasedArticle = (a: { slug: string; data: ArticleData }): AliasedArticle => ({
  slug: a.slug,
  title: a.data.title,
  aliases: a.data.aliases,
  date: a.data.date.toISOString(),
  draft: a.data.draft,
});

const file = () => join(buildCacheDir(), 'feigong-aliases.json');

export function writeAliasedArticles(list: readonly AliasedArticle[]): void {
  mkdirSync(buildCacheDir(), { recursive: true });
  writeFileSync(file(), JSON.stringify(list));
}

/** What the loader wrote in this build, or null when it wrote nothing (then read the articles). */
export function readAliasedArticles(): AliasedArticle[] | null {
  return existsSync(file()) ? (JSON.parse(readFileSync(file(), 'utf8')) as AliasedArticle[]) : null;
}
