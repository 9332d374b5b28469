/**
 * `npm run build`: builds the portal into a temporary folder and replaces the
 * output only when everything succeeded, so a failed build never leaves a
 * half-written site where a good one stood.
 *
 *   npm run build [-- --outDir dist]
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { outDir: { type: 'string', default: 'dist' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log('用法: npm run build [-- --outDir <目录>]\n构建整个门户到临时目录，成功后才替换输出目录（默认 dist）。');
  process.exit(0);
}
const out = resolve(values.outDir!);
// Astro builds an outDir outside the project through ./.astro/ and then copies
// that whole folder (content-modules.mjs, collections/…) into the output, so
// the temporary folder always lives inside the project (issue 6: reproducible output).
const insideProject = out.startsWith(process.cwd() + sep);
const tmp = insideProject ? `${out}.partial` : resolve('.build-partial', `${process.pid}`);
const old = `${out}.old`;
rmSync(tmp, { recursive: true, force: true });
const astro = resolve('node_modules/astro/astro.js');
const result = spawnSync(process.execPath, [astro, 'build', '--outDir', tmp], {
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
if (result.status !== 0) {
  rmSync(tmp, { recursive: true, force: true });
  console.error(`\n构建失败，${existsSync(out) ? `原有的 ${values.outDir} 保持不变` : `没有生成 ${values.outDir}`}。(build failed; output left untouched)`);
  process.exit(result.status ?? 1);
}
rmSync(old, { recursive: true, force: true });
if (existsSync(out)) renameSync(out, old);
mkdirSync(dirname(out), { recursive: true });
try {
  renameSync(tmp, out);
} catch (e) {
  if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
  cpSync(tmp, out, { recursive: true }); // another file system: copy, then drop the temporary folder
  rmSync(tmp, { recursive: true, force: true });
}
rmSync(old, { recursive: true, force: true });
