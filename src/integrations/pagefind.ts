/**
 * Builds the Pagefind index after Astro wrote the pages (astro:build:done),
 * through Pagefind's Node API. Only article pages are indexed, one custom
 * record each (see src/lib/search/records.ts for what goes in and why);
 * any error fails the build.
 */
import type { AstroIntegration } from 'astro';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { extractArticle, toRecord } from '../lib/search/records';

const fail = (what: string, errors: string[]) => {
  throw new Error(`Pagefind ${what} 失败 (search index failed): ${errors.join('; ')}`);
};

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'feigong-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, pages, logger }) => {
        const started = Date.now();
        const out = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({});
        if (!index) return fail('createIndex', errors);
        try {
          let count = 0;
          for (const { pathname } of pages) {
            if (!/^articles\/[^/]+\/?$/.test(pathname)) continue;
            const file = join(out, pathname, 'index.html');
            const article = extractArticle(await readFile(file, 'utf8'));
            if (!article) throw new Error(`${file}: 没有 data-pagefind-body (article page without a search body)`);
            const r = await index.addCustomRecord(toRecord(`/${pathname.replace(/\/?$/, '/')}`, article));
            if (r.errors.length) fail(`addCustomRecord ${pathname}`, r.errors);
            count++;
          }
          const w = await index.writeFiles({ outputPath: join(out, 'pagefind') });
          if (w.errors.length) fail('writeFiles', w.errors);
          logger.info(`已索引 ${count} 篇文章 (${((Date.now() - started) / 1000).toFixed(1)} s)`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
