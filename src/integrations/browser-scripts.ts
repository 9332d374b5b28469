/**
 * The browser scripts the build prepares besides Vite's, at the end of the build:
 *
 * - the header box's search worker (src/scripts/presearch-worker.ts), bundled to
 *   /search/presearch.js: under /search/ it is served with the search page's CSP,
 *   which lets Pagefind compile its WebAssembly in the worker while other pages keep
 *   a CSP without it (src/lib/headers/rules.ts). A fixed name: pages reference it
 *   before it is built, and /search/* revalidates;
 * - /js/reader.js (public/js/reader.js, the reader tools every page loads, a classic
 *   script so it runs from file:// too), minified: its comments stay in the source, not
 *   in every reader's 2 KB JavaScript budget (scripts/lib/checks/budgets.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { build, transform } from 'esbuild';

const PRESEARCH_PATH = 'search/presearch.js';
const READER_PATH = 'js/reader.js';

export default function browserScripts(): AstroIntegration {
  return {
    name: 'feigong-browser-scripts',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const out = fileURLToPath(dir);
        await build({
          entryPoints: [fileURLToPath(new URL('../scripts/presearch-worker.ts', import.meta.url))],
          outfile: join(out, PRESEARCH_PATH),
          bundle: true,
          format: 'esm',
          target: 'es2020',
          minify: true,
          legalComments: 'none',
          charset: 'utf8',
          logLevel: 'silent',
        });
        const reader = join(out, READER_PATH);
        const { code } = await transform(readFileSync(reader, 'utf8'), {
          minify: true,
          target: 'es2015',
          legalComments: 'none',
          charset: 'utf8',
        });
        writeFileSync(reader, code);
      },
    },
  };
}
