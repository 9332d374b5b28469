/**
 * Bundles the header box's search worker (src/scripts/presearch-worker.ts)
 * to /search/presearch.js at the end of the build: under /search/ it is
 * served with the search page's CSP, which lets Pagefind compile its
 * WebAssembly in the worker while article pages keep a CSP without it
 * (src/lib/headers/rules.ts). A fixed name: pages reference it before it is
 * built, and /search/* revalidates.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';

export const PRESEARCH_PATH = 'search/presearch.js';

export default function presearch(): AstroIntegration {
  return {
    name: 'feigong-presearch',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        await build({
          entryPoints: [fileURLToPath(new URL('../scripts/presearch-worker.ts', import.meta.url))],
          outfile: join(fileURLToPath(dir), PRESEARCH_PATH),
          bundle: true,
          format: 'esm',
          target: 'es2020',
          minify: true,
          legalComments: 'none',
          charset: 'utf8',
          logLevel: 'silent',
        });
      },
    },
  };
}
