/** `npm run snapshot:verify -- <archive.zip | folder>`: checks a snapshot against its MANIFEST. */
import { parseArgs } from 'node:util';
import { verifySnapshot } from './lib/snapshot/verify';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { help: { type: 'boolean', short: 'h' } },
});
if (values.help || positionals.length !== 1) {
  console.log(`用法: npm run snapshot:verify -- <存档.zip 或解压后的文件夹>
按 MANIFEST 检查每个文件的 SHA-256、缺失或多出的文件、页面数、提交号，
以及每个页面的 href/src/srcset 是否指向存档内的文件；旁边有 .sha256 时也检查它。`);
  process.exit(values.help ? 0 : 2);
}
const r = verifySnapshot(positionals[0]!);
if (r.ok) {
  console.log(
    `存档完好：${r.manifest!.files.size} 个文件，${r.manifest!.pages} 个页面，提交 ${r.manifest!.commit.slice(0, 12)}，日期 ${r.manifest!.buildDate}`,
  );
} else {
  console.error(
    `存档有 ${r.problems.length} 处问题：\n${r.problems.map((p) => `  ${p}`).join('\n')}`,
  );
  process.exit(1);
}
