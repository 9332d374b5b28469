/**
 * `npm run corpus -- --articles N [--seed S] [--out DIR]` writes N deterministic
 * synthetic articles into a git-ignored folder the build picks up
 * (content/articles/_corpus by default). `--articles 0` removes the corpus.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readDataFile } from '../src/lib/content/data-files';
import { articlesDir } from '../src/lib/content/paths';
import { generateCorpus } from './lib/corpus/generate';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(`用法: npm run corpus -- --articles N [--seed S] [--out 目录]
生成 N 篇确定性的示例文章（相同种子 → 相同字节），默认写入 content/articles/_corpus（已被 git 忽略）。
--articles 0 删除生成的文章。`);
  process.exit(0);
}
const count = Number(values.articles);
const seed = Number(values.seed);
if (!Number.isInteger(count) || count < 0 || !Number.isInteger(seed)) {
  console.error('--articles 和 --seed 必须是整数 (expected integers)');
  process.exit(2);
}
const out = resolve(values.out ?? join(articlesDir(), '_corpus'));
const marker = join(out, '.corpus');
if (existsSync(out) && !existsSync(marker)) {
  console.error(
    `${out} 已存在且不是生成的语料目录，拒绝覆盖 (refusing to overwrite a folder the generator did not create)`,
  );
  process.exit(2);
}
rmSync(out, { recursive: true, force: true });
if (count === 0) {
  console.log(`已删除 ${out}`);
  process.exit(0);
}
const { entries, problems } = readDataFile('channels');
if (problems.length) throw new Error('content/data/channels.yaml is invalid; run npm run check');
mkdirSync(out, { recursive: true });
writeFileSync(marker, `seed ${seed}\narticles ${count}\n`);
let bytes = 0;
for (const a of generateCorpus({ articles: count, seed, channels: entries.map((e) => e.id) })) {
  const file = join(out, a.path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, a.text);
  bytes += Buffer.byteLength(a.text);
}
console.log(`已生成 ${count} 篇文章 (${(bytes / 1048576).toFixed(1)} MiB) → ${out}`);
