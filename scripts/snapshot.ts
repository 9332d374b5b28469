/**
 * `npm run snapshot [-- --out <dir>]`: builds the portal for offline use and
 * writes feigong-<date>.zip, its .sha256 and a WACZ web archive.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createSnapshot } from './lib/snapshot/snapshot';
import { siteUrl } from '../src/lib/urls';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'snapshots' },
    from: { type: 'string' },
    'no-wacz': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(`用法: npm run snapshot [-- --out <目录>] [--from <已构建的站点>] [--no-wacz]
构建可离线浏览的整站存档：<目录>/feigong-<日期>.zip、.zip.sha256 和 .wacz（默认目录 snapshots）。
日期和提交号取自内容所在的 git 提交；同一提交的两次存档逐字节相同。
--from  使用已有的线上构建（如 dist），不再重新构建。`);
  process.exit(0);
}
const started = performance.now();
try {
  const r = await createSnapshot({
    root: process.cwd(),
    outDir: resolve(values.out!),
    origin: siteUrl(),
    from: values.from,
    wacz: !values['no-wacz'],
  });
  const mb = (r.bytes / 1024 / 1024).toFixed(2);
  console.log(
    `离线存档：${r.zip}\n  大小 ${mb} MB，${r.pages} 个页面，${r.files} 个文件，提交 ${r.commit.slice(0, 12)}（${r.day}）`,
  );
  console.log(`  校验和：${r.checksum}`);
  if (r.wacz) console.log(`  WACZ：${r.wacz}`);
  if (r.dirty)
    console.warn('  注意：content/ 有未提交的修改，MANIFEST 中的提交号不能完全代表这份内容。');
  console.log(`  用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`);
} catch (e) {
  console.error(`生成离线存档失败：${(e as Error).message}`);
  process.exit(1);
}
