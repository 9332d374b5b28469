/**
 * `npm run hooks:install`: opt-in git pre-commit hook that runs
 * `npm run check -- --staged` when a commit touches content/ or public/.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(`用法: npm run hooks:install [-- --uninstall]
安装 git pre-commit 钩子：提交时若改动了 content/ 或 public/，先对暂存区的内容运行 npm run check；
有问题就不提交。临时跳过：git commit --no-verify。`);
  process.exit(0);
}

const MARK = '# feigong-portal pre-commit hook';
const HOOK = `#!/bin/sh
${MARK} (installed by npm run hooks:install)
if git diff --cached --name-only | grep -qE '^(content|public)/'; then
  npm run --silent check -- --staged || {
    echo "内容检查未通过，提交已取消。修改后重新 git add；确需跳过请用 git commit --no-verify。" >&2
    exit 1
  }
fi
`;

const path = resolve(
  execFileSync('git', ['rev-parse', '--git-path', 'hooks/pre-commit'], { encoding: 'utf8' }).trim(),
);
if (existsSync(path) && !readFileSync(path, 'utf8').includes(MARK)) {
  console.error(
    `${path} 已有别的钩子，不会覆盖。请手动在其中加入：npm run --silent check -- --staged`,
  );
  process.exit(1);
}
if (process.argv.includes('--uninstall')) {
  if (existsSync(path)) writeFileSync(path, '#!/bin/sh\n');
  console.log(`已停用 ${path}`);
  process.exit(0);
}
mkdirSync(dirname(path), { recursive: true });
writeFileSync(path, HOOK);
chmodSync(path, 0o755);
console.log(`已安装 pre-commit 钩子：${path}`);
