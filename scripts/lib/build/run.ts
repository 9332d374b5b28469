/**
 * `npm run build`: builds into the build's own partial folder and replaces the
 * output only when everything succeeded, so a failed build never leaves a
 * half-written site where a good one stood. It deletes only what it made:
 * its partial folder, its staging folder and the previous output it replaces.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, renameSync, rmSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { outDirProblem, partialDir, realPath, trashDir } from './out-dir';
import { BUILD_OUT_ENV, PREVIOUS_OUT_ENV } from '../../../src/lib/page-reuse';

/**
 * A build is always a production build. Vite reads DEV/PROD/MODE/SSR from the
 * environment into import.meta.env, and vitest sets them (DEV=1, NODE_ENV=test),
 * which would make import.meta.env.DEV true and publish drafts.
 */
export function productionEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };
  for (const k of ['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL', PREVIOUS_OUT_ENV, BUILD_OUT_ENV])
    delete env[k];
  return env;
}

export interface BuildOptions {
  /** The output folder as given (`--outDir`). */
  outDir: string;
  /** The project root (where astro.config.mjs is). */
  root: string;
  /** Source folders outside the fixed list (the content folder). */
  sources?: readonly string[];
  log?: (line: string) => void;
}

/** Runs the whole build; returns the exit code. */
export function runBuild(opts: BuildOptions): number {
  const log = opts.log ?? ((l: string) => console.error(l));
  const problem = outDirProblem(opts.outDir, opts.root, opts.sources);
  if (problem) {
    log(
      `--outDir: ${problem.message} (expected ${problem.expected}, found ${JSON.stringify(opts.outDir)})`,
    );
    return 2;
  }
  const out = realPath(opts.outDir);
  const tmp = partialDir(out);
  /**
   * Astro 5 stages a static build's server output in `<project>/.astro/` when
   * outDir lies outside the project, then moves that folder into the site —
   * data-store.json (every article, drafts included) would be published. So
   * Astro always builds inside the project, and the result is copied out.
   */
  const rel = relative(opts.root, tmp);
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  const astroOut = inside ? tmp : join(opts.root, `.build-${process.pid}.partial`);
  // Both names belong to the build alone: a leftover is from a build that was killed.
  rmSync(tmp, { recursive: true, force: true });
  rmSync(astroOut, { recursive: true, force: true });
  const astro = join(opts.root, 'node_modules/astro/astro.js');
  // Article pages whose inputs did not change are taken from the current output (src/lib/page-reuse.ts).
  const previous = existsSync(join(out, 'articles'))
    ? { [PREVIOUS_OUT_ENV]: out, [BUILD_OUT_ENV]: astroOut }
    : {};
  const result = spawnSync(process.execPath, [astro, 'build', '--outDir', astroOut], {
    cwd: opts.root,
    stdio: 'inherit',
    env: { ...productionEnv(), ...previous },
  });
  if (result.status === 0 && astroOut !== tmp) {
    cpSync(astroOut, tmp, { recursive: true });
    rmSync(astroOut, { recursive: true, force: true });
  }
  if (result.status !== 0) {
    rmSync(astroOut, { recursive: true, force: true });
    rmSync(tmp, { recursive: true, force: true });
    log(
      `\n构建失败，${existsSync(out) ? `原有的 ${opts.outDir} 保持不变` : `没有生成 ${opts.outDir}`}。(build failed; output left untouched)`,
    );
    return result.status ?? 1;
  }
  // The previous output (checked above to be the build's own) is renamed away
  // (instant) and deleted by a detached `rm` after this script exits: removing
  // 10,000 page folders took up to half a minute on a busy disk.
  const trash = trashDir(out, process.pid);
  if (existsSync(out)) renameSync(out, trash);
  renameSync(tmp, out);
  if (existsSync(trash))
    spawn('rm', ['-rf', trash], { detached: true, stdio: 'ignore' })
      .on('error', () => rmSync(trash, { recursive: true, force: true }))
      .unref();
  return 0;
}
