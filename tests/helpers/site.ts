import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The sample site, built once per test run by global-setup.ts. */
export const SAMPLE_DIST = join(ROOT, '.test-output/sample');

export interface BuildResult {
  status: number;
  output: string;
  outDir: string;
}

/**
 * Builds the portal with `npm run build`'s script, optionally from another
 * content folder, into `outDir`, with its own content-layer cache.
 */
export function buildSite(
  opts: { content?: string; outDir?: string; env?: Record<string, string> } = {},
): BuildResult {
  const outDir = opts.outDir ?? join(mkdtempSync(join(tmpdir(), 'feigong-build-')), 'dist');
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build.ts', '--outDir', outDir],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        FEIGONG_CACHE_DIR: `${outDir}.cache`,
        ...(opts.content ? { FEIGONG_CONTENT: opts.content } : {}),
        ...opts.env,
      },
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  return { status: r.status ?? 1, output: `${r.stdout}\n${r.stderr}`, outDir };
}

export function readBuilt(dist: string, path: string): string {
  const file = join(dist, path.endsWith('/') ? `${path}index.html` : path);
  if (!existsSync(file)) throw new Error(`not built: ${path}`);
  return readFileSync(file, 'utf8');
}
