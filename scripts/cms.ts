/**
 * `npm run cms -- --repo ../feigong-cms [--port 8080] [--branch main]`: the web
 * editor for editors who do not use git (Decap CMS + decap-server in git mode)
 * on 127.0.0.1, against a clone or worktree of its own. Ctrl-C stops it.
 */
import { parseArgs } from 'node:util';
import { startCms } from './lib/cms/server';

const { values } = parseArgs({
  options: {
    repo: { type: 'string' },
    port: { type: 'string', default: '8080' },
    branch: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help || !values.repo) {
  console.log(`用法: npm run cms -- --repo <克隆或 worktree 的目录> [--port 8080] [--branch 分支]
在 http://127.0.0.1:<端口>/admin/ 打开网页编辑器（Decap CMS，中文界面）。保存即在该仓库的分支上提交一次，
保存前用 npm run check 的同一套规则检查。它会切换分支并提交工作区里的所有文件，所以必须是单独的克隆或
worktree（例如 git worktree add ../feigong-cms main），不能是你正在开发的这份代码。没有登录功能：只给本机用，
多人使用见 docs/cms.md。按 Ctrl-C 停止。`);
  process.exit(values.help ? 0 : 2);
}

try {
  const cms = await startCms({
    repo: values.repo,
    port: Number(values.port),
    branch: values.branch,
    log: 'info',
  });
  console.log(`网页编辑器已启动：${cms.url}  （仓库 ${values.repo}；按 Ctrl-C 停止）`);
  const stop = () => {
    void cms.close().then(() => {
      console.log('网页编辑器已停止。');
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`网页编辑器无法启动：${(error as Error).message}`);
  process.exit(2);
}
