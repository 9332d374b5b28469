/**
 * `npm run build`: builds the portal into a temporary folder and replaces the
 * output only when everything succeeded, so a failed build never leaves a
 * half-written site where a good one stood.
 *
 *   npm run build [-- --outDir dist]
 */
import { spawn, spawnSync } from 'node:child_process';
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
const result = spawnSync(process.execPath, [astro, 'build', '--outDir', tmp], {
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
if (result.status !== 0) {
  rmSync(tmp, { recursive: true, force: true });
  console.error(`\n构建失败，${existsSync(out) ? `原有的 ${values.outDir} 保持不变` : `没有生成 ${values.outDir}`}。(build failed; output left untouched)`);
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
  if (existsSync(t)) spawn('rm', ['-rf', t], { detached: true, stdio: 'ignore' }).on('error', () => rmSync(t, { recursive: true, force: true })).unref();
}
