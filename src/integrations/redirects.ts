import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { isPublished } from '../lib/articles';
import { articleContext } from '../lib/content/article-context';
import { readArticles } from '../lib/content/read-articles';
import {
  aliasedArticle,
  readAliasedArticles,
  type AliasedArticle,
} from '../lib/content/redirect-list';
import { redirectPage, redirectPagePath, redirectsFile, redirectsFor } from '../lib/redirects';

/**
 * Frontmatter `aliases` (old URLs of the legacy site) become a `_redirects`
 * file and an HTML redirect page at each old path. The articles come from
 * what the articles loader validated in this build (redirect-list.ts), or
 * through the shared validation path when it left nothing; only published
 * articles get redirects, so no old URL ever points at a page that was not built.
 */
function aliasedArticles(): AliasedArticle[] {
  const fromLoader = readAliasedArticles();
  if (fromLoader) return fromLoader;
  const { articles, problems } = readArticles(articleContext());
  if (problems.length)
    throw new Error(`redirects: content has ${problems.length} problem(s); run npm run check`);
  return articles.map(aliasedArticle);
}

export default function redirects(): AstroIntegration {
  return {
    name: 'feigong-redirects',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const now = new Date();
        const list = redirectsFor(
          aliasedArticles().filter((a) =>
            isPublished(
              { data: { draft: a.draft, date: new Date(a.date) } },
              { now, preview: false },
            ),
          ),
        );
        const file = join(out, '_redirects');
        // Keep any _redirects an editor put in public/; ours follow it.
        if (existsSync(file)) appendFileSync(file, redirectsFile(list));
        else writeFileSync(file, redirectsFile(list));
        for (const r of list) {
          const page = join(out, redirectPagePath(r.from));
          if (existsSync(page))
            throw new Error(`redirects: ${r.from} would overwrite a built file (${page})`);
          mkdirSync(dirname(page), { recursive: true });
          writeFileSync(page, redirectPage(r));
        }
        logger.info(`${list.length} redirect(s) from old URLs`);
      },
    },
  };
}
