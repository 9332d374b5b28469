/**
 * `npm run build`: builds the portal into a temporary folder and replaces the
 * output only when everything succeeded, so a failed build never leaves a
 * half-written site where a good one stood.
 *
 *   npm run build [-- --outDir dist]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { outDir: { type: 'string', default: 'dist' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log('用法: npm run build [-- --outDir <目录>]\n构建整个门户到临时目录，成功后才替换输出目录（默认 dist）。');
  process.exit(0);
}
const out = resolve(values.outDir!);
const tmp = `${out}.partial`;
const old = `${out}.old`;
rmSync(tmp, { recursive: true, force: true });
const astro = resolve('node_modules/astro/astro.js');
/**
 * Stray DEV/PROD/MODE/NODE_ENV variables (vitest sets DEV=1, NODE_ENV=test)
 * leak into Astro's import.meta.env and would make a production build
 * render dev-mode code paths (drafts, the search page's dev notice).
 */
function productionEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };
  for (const k of ['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL']) delete env[k];
  return env;
}
const result = spawnSync(process.execPath, [astro, 'build', '--outDir', tmp], {
  stdio: 'inherit',
  env: productionEnv(),
});
if (result.status !== 0) {
  rmSync(tmp, { recursive: true, force: true });
  console.error(`\n构建失败，${existsSync(out) ? `原有的 ${values.outDir} 保持不变` : `没有生成 ${values.outDir}`}。(build failed; output left untouched)`);
  process.exit(result.status ?? 1);
}
rmSync(old, { recursive: true, force: true });
if (existsSync(out)) renameSync(out, old);
renameSync(tmp, out);
rmSync(old, { recursive: true, force: true });
