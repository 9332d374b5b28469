import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { formatProblem } from '../../../src/lib/schema/messages';
import { readDataFile } from '../../../src/lib/content/data-files';
import { articleContext } from '../check-content';
import { articleFolders, decapConfig } from './config';
import { ARTICLES_FOLDER, entryProblems } from './validate-entry';

const here = dirname(fileURLToPath(import.meta.url));
export const projectRoot = resolve(here, '../../..');
export const cmsFolder = join(projectRoot, 'cms');

/**
 * Headers of the admin page only (the readers' site and its CSP never serve it).
 * Decap's bundle evaluates code and injects styles, so it needs 'unsafe-eval'
 * and inline styles; nothing is loaded from another origin.
 */
export const ADMIN_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

const ADMIN_HTML = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>中国非公企业党建网 · 网页编辑器</title>
<script src="feigong.js"></script>
<script src="decap-cms.js"></script>
</head>
<body></body>
</html>
`;

type Req = IncomingMessage & {
  body?: { action?: string; params?: Record<string, unknown> };
  path: string;
};
type Res = ServerResponse & {
  redirect(url: string): void;
  status(code: number): Res;
  json(v: unknown): void;
  send(v: unknown): void;
  type(t: string): Res;
  set(h: Record<string, string>): Res;
  sendFile(p: string): void;
};
type Next = () => void;
interface ExpressApp {
  use(...h: unknown[]): void;
  get(path: string, ...h: ((req: Req, res: Res, next: Next) => void)[]): void;
  post(path: string, ...h: ((req: Req, res: Res, next: Next) => void)[]): void;
  listen(port: number, host: string, cb: () => void): Server;
}

export interface CmsServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

function git(repo: string, ...args: string[]): string {
  return execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).trim();
}

/**
 * Why `repo` cannot be edited, or undefined: decap-server's git mode checks out
 * branches and commits everything in the work tree (`git add .`), so it needs a
 * clone or worktree of its own, clean, and never the developer's checkout.
 */
export function repoRefusal(repo: string): string | undefined {
  if (!existsSync(repo)) return `找不到目录 ${repo}`;
  let top: string;
  try {
    top = realpathSync(git(repo, 'rev-parse', '--show-toplevel'));
  } catch {
    return `${repo} 不是 git 仓库`;
  }
  if (top === realpathSync(projectRoot))
    return `${repo} 是你正在开发的这份代码本身；网页编辑器会切换分支并提交，请给它一个单独的克隆或 worktree（例如 git worktree add ../feigong-cms main）`;
  if (git(repo, 'status', '--porcelain'))
    return `${repo} 里有未提交的改动；网页编辑器会把工作区里的所有文件一起提交，请先提交或清理`;
  if (!existsSync(join(top, 'content/data/channels.yaml')))
    return `${repo} 里没有 content/data/channels.yaml，不是本网站的仓库`;
  return undefined;
}

async function adminScript(config: unknown): Promise<string> {
  const out = await build({
    entryPoints: [join(here, 'admin/main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    define: { FEIGONG_CMS_CONFIG: JSON.stringify(config) },
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

/**
 * The web editor: the admin page (Decap CMS from cms/node_modules, no CDN) and
 * decap-server's git-mode proxy in one express app on 127.0.0.1. Every save
 * passes through the shared validator first; a file the check would refuse is
 * never written, and the check's own messages go back to the form.
 */
export async function startCms(opts: {
  repo: string;
  port?: number;
  host?: string;
  branch?: string;
  log?: 'info' | 'warn' | 'error';
}): Promise<CmsServer> {
  const repo = realpathSync(resolve(opts.repo));
  const refusal = repoRefusal(repo);
  if (refusal) throw new Error(refusal);
  const cmsRequire = createRequire(join(cmsFolder, 'package.json'));
  let express:
    | ((() => ExpressApp) & { json(o: unknown): unknown; static(dir: string, o: unknown): unknown })
    | undefined;
  let decapDist: string;
  try {
    express = cmsRequire('express');
    decapDist = dirname(cmsRequire.resolve('decap-cms/dist/decap-cms.js'));
  } catch {
    throw new Error('网页编辑器的依赖还没有安装：请先运行 npm ci --prefix cms');
  }
  const { registerLocalGit } = cmsRequire('decap-server/dist/middlewares.js') as {
    registerLocalGit(app: ExpressApp, o: { logLevel?: string }): Promise<void>;
  };

  const branch = opts.branch ?? git(repo, 'rev-parse', '--abbrev-ref', 'HEAD');
  const dataDir = join(repo, 'content/data');
  const channels = readDataFile('channels', dataDir).entries.map((c) => ({
    id: c.id,
    name: c.data.name,
  }));
  const articles = join(repo, ARTICLES_FOLDER);
  const existing = existsSync(articles)
    ? readdirSync(articles, { withFileTypes: true })
        .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
        .map((e) => e.name)
    : [];
  const config = decapConfig({
    ctx: articleContext(dataDir),
    branch,
    channels,
    folders: articleFolders(existing),
  });
  const script = await adminScript(config);

  const app = express!();
  app.use(express!.json({ limit: '50mb' }));
  app.get('/', (_req, res) => res.redirect('/admin/'));
  app.get('/admin/', (_req, res) => res.set(ADMIN_HEADERS).type('html').send(ADMIN_HTML));
  app.get('/admin/feigong.js', (_req, res) => res.set(ADMIN_HEADERS).type('js').send(script));
  app.use(
    '/admin',
    (_req: Req, res: Res, next: Next) => {
      res.set(ADMIN_HEADERS);
      next();
    },
    express!.static(decapDist, { index: false }),
  );
  app.post('/api/v1', (req, res, next) => {
    if (req.body?.action !== 'persistEntry') return next();
    const params = req.body.params as { entry?: DataFile; dataFiles?: DataFile[] };
    const files = params.dataFiles ?? (params.entry ? [params.entry] : []);
    // Site data is read again on each save: an editor may have pulled new channels.
    const ctx = articleContext(dataDir);
    const problems = files.flatMap((f) => entryProblems(repo, f.newPath ?? f.path, f.raw, ctx));
    if (problems.length) res.status(422).json({ error: problems.map(formatProblem).join('\n') });
    else next();
  });
  process.env.GIT_REPO_DIRECTORY = repo;
  await registerLocalGit(app, { logLevel: opts.log ?? 'warn' });

  const server = await new Promise<Server>((ok, fail) => {
    const s = app.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => ok(s));
    s.once('error', (e: NodeJS.ErrnoException) =>
      fail(
        new Error(
          e.code === 'EADDRINUSE' ? `端口 ${opts.port} 已被占用，请用 --port 换一个` : e.message,
        ),
      ),
    );
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}/admin/`,
    server,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

interface DataFile {
  path: string;
  raw: string;
  newPath?: string;
}

export function cmsDependenciesInstalled(): boolean {
  return (
    existsSync(join(cmsFolder, 'node_modules/decap-cms/dist/decap-cms.js')) &&
    existsSync(join(cmsFolder, 'node_modules/decap-server/dist/middlewares.js'))
  );
}

export function readCmsLock(): string {
  return readFileSync(join(cmsFolder, 'package-lock.json'), 'utf8');
}
