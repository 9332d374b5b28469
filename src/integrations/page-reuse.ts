/**
 * Keeps, after each build, the key and digest of every article page it wrote,
 * so the next build can reuse the pages whose inputs did not change
 * (src/lib/page-reuse.ts).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { writeArticlePageKeys } from '../lib/page-reuse';

export default function pageReuse(): AstroIntegration {
  return {
    name: 'feigong-page-reuse',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const { rendered, reused } = writeArticlePageKeys(fileURLToPath(dir));
        logger.info(`文章页：${rendered} 篇重新渲染，${reused} 篇沿用上次输出`);
      },
    },
  };
}
