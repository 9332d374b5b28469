/**
 * `npm run build`: builds the portal into a temporary folder and replaces the
 * output only when everything succeeded, so a failed build never leaves a
 * half-written site where a good one stood.
 *
 *   npm run build [-- --outDir dist]
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, renameSync, rmSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { outDir: { type: 'string', default: 'dist' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
  console.log(
    '用法: npm run build [-- --outDir <目录>]\n构建整个门户到临时目录，成功后才替换输出目录（默认 dist）。',
  );
  process.exit(0);
}
/**
 * A build is always a production build. Vite reads DEV/PROD/MODE/SSR from the
 * environment into import.meta.env, and vitest sets them (DEV=1, NODE_ENV=test),
 * which would make import.meta.env.DEV true and publish drafts.
 */
function productionEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
  };
  for (const k of ['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL']) delete env[k];
  return env;
}

const out = resolve(values.outDir!);
const tmp = `${out}.partial`;
const old = `${out}.old`;
/**
 * Astro 5 stages a static build's server output in `<project>/.astro/` when
 * outDir lies outside the project, then moves that folder into the site —
 * data-store.json (every article, drafts included) would be published. So
 * Astro always builds inside the project, and the result is copied out.
 */
const rel = relative(process.cwd(), tmp);
const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
const astroOut = inside ? tmp : resolve(`.build-${process.pid}.partial`);
rmSync(tmp, { recursive: true, force: true });
rmSync(astroOut, { recursive: true, force: true });
const astro = resolve('node_modules/astro/astro.js');
const result = spawnSync(process.execPath, [astro, 'build', '--outDir', astroOut], {
  stdio: 'inherit',
  env: productionEnv(),
});
if (result.status === 0 && astroOut !== tmp) {
  cpSync(astroOut, tmp, { recursive: true });
  rmSync(astroOut, { recursive: true, force: true });
}
if (result.status !== 0) {
  rmSync(astroOut, { recursive: true, force: true });
  rmSync(tmp, { recursive: true, force: true });
  console.error(
    `\n构建失败，${existsSync(out) ? `原有的 ${values.outDir} 保持不变` : `没有生成 ${values.outDir}`}。(build failed; output left untouched)`,
  );
  process.exit(result.status ?? 1);
}
// The previous output is renamed away (instant) and deleted by a detached
// `rm` after this script exits: removing 10,000 page folders took up to half
// a minute on a busy disk, and nobody needs to wait for it.
const trash = `${old}-${process.pid}`;
if (existsSync(old)) renameSync(old, `${trash}-leftover`);
if (existsSync(out)) renameSync(out, trash);
renameSync(tmp, out);
for (const t of [trash, `${trash}-leftover`]) {
  if (existsSync(t))
    spawn('rm', ['-rf', t], { detached: true, stdio: 'ignore' })
      .on('error', () => rmSync(t, { recursive: true, force: true }))
      .unref();
}
