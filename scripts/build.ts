/**
 * `npm run build [-- --outDir dist]`: builds the portal and replaces the
 * output folder only when everything succeeded (scripts/lib/build/run.ts).
 */
import { parseArgs } from 'node:util';
import { contentRoot } from '../src/lib/content/paths';
import { runBuild } from './lib/build/run';

const { values } = parseArgs({
  options: { outDir: { type: 'string', default: 'dist' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
  console.log(`用法: npm run build [-- --outDir <目录>]
构建整个门户到临时目录（<目录>.build-partial），成功后才替换输出目录（默认 dist）。
输出目录不能是项目本身、包含项目的目录，或 content、src、public、scripts、tests 等源文件目录；
已存在的输出目录只有是本构建生成的（有构建写的 _headers）才会被替换。`);
  process.exit(0);
}
const code = runBuild({ outDir: values.outDir!, root: process.cwd(), sources: [contentRoot()] });
// On success the process ends by itself, after the detached clean-up has started.
if (code !== 0) process.exit(code);
