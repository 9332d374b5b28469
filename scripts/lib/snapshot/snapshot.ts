import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundleSearchApp } from './bundle';
import { compareBytes, listFiles, sha256 } from './files';
import { contentCommit } from './git';
import { formatManifest, MANIFEST_NAME } from './manifest';
import { checkReferences } from './references';
import { rewriteCss, rewritePage } from './rewrite';
import { buildOfflineIndex, docFromPage } from './search-index';
import { noticeHtml, searchPageFrom } from './search-page';
import { livePathForFile, toRelative } from './urls';
import { writeWacz } from './wacz';
import { reproducibleZip } from './zip';

export const ARCHIVE_PREFIX = 'feigong';
const SITE_NAME = '中国非公企业党建网';
/** Online-only parts that cannot work from file:// (Pagefind loads modules and fetches). */
const ONLINE_ONLY = /^(?:pagefind\/|search\/|_headers$|_redirects$)/;

export interface SnapshotOptions {
  /** Repository root (for the build and the git commit). */
  root: string;
  /** Folder the archives are written to. */
  outDir: string;
  /** The live origin, e.g. https://www.fgdjw.com.cn. */
  origin: string;
  /** Use this already-built online site instead of building one. */
  from?: string | undefined;
  /** Also write the WACZ (default true). */
  wacz?: boolean;
}

export interface SnapshotResult {
  name: string;
  zip: string;
  checksum: string;
  wacz: string | null;
  pages: number;
  files: number;
  bytes: number;
  commit: string;
  day: string;
  /** content/ had uncommitted changes: the MANIFEST's commit does not fully describe it. */
  dirty: boolean;
  /** Seconds spent per stage. */
  timings: { build: number; offline: number; zip: number; wacz: number };
}

function buildOnline(root: string, outDir: string): void {
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build.ts', '--outDir', outDir],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FEIGONG_CACHE_DIR: `${outDir}.cache` },
    },
  );
  if (r.status !== 0) throw new Error(`构建失败 (astro build exited with ${r.status})`);
}

/**
 * Turns an online build into the offline file set: every page's links
 * relative and file-based, the 离线存档 notice, an offline search page and
 * index, and the MANIFEST. Returns paths relative to the snapshot root.
 */
export async function offlineFiles(
  online: Map<string, Uint8Array>,
  meta: { origin: string; commit: string; day: string },
): Promise<Map<string, Uint8Array>> {
  const text = (b: Uint8Array) => Buffer.from(b).toString('utf8');
  const files = new Map<string, Uint8Array | string>();
  for (const [path, body] of online) if (!ONLINE_ONLY.test(path)) files.set(path, body);

  const docs = [...online]
    .flatMap(([path, body]) => (path.endsWith('.html') ? [docFromPage(path, text(body))] : []))
    .filter((d) => d !== null);
  const home = online.get('index.html');
  if (!home) throw new Error('构建结果里没有首页 index.html');
  files.set(
    'search/index.html',
    searchPageFrom(text(home), SITE_NAME, new URL('/search/', `${meta.origin}/`).href),
  );
  files.set('search/app.js', await bundleSearchApp());
  for (const [path, body] of buildOfflineIndex(docs)) files.set(path, body);

  const exists = (rel: string) => files.has(rel);
  const [y, m, d] = meta.day.split('-');
  const out = new Map<string, Uint8Array>();
  for (const [path, body] of files) {
    let next: string | Uint8Array = body;
    if (path.endsWith('.html')) {
      const live = new URL(livePathForFile(path), `${meta.origin}/`).href;
      const notice = noticeHtml({
        day: `${y}年${m}月${d}日`,
        liveUrl: live,
        searchHref: toRelative('/search/', { from: path, exists }),
      });
      next = rewritePage(
        typeof body === 'string' ? body : text(body),
        { from: path, exists },
        notice,
      );
    } else if (path.endsWith('.css')) {
      next = rewriteCss(typeof body === 'string' ? body : text(body), { from: path, exists });
    }
    out.set(path, typeof next === 'string' ? Buffer.from(next) : next);
  }

  const hashes = new Map(
    [...out.keys()].sort(compareBytes).map((p) => [p, sha256(out.get(p)!)] as const),
  );
  const pages = [...out.keys()].filter((p) => p.endsWith('.html')).length;
  out.set(
    MANIFEST_NAME,
    Buffer.from(
      formatManifest({
        site: meta.origin,
        buildDate: meta.day,
        commit: meta.commit,
        pages,
        files: hashes,
      }),
    ),
  );
  return out;
}

export function readTree(dir: string): Map<string, Uint8Array> {
  return new Map(listFiles(dir).map((p) => [p, readFileSync(join(dir, p))] as const));
}

/** `npm run snapshot`: build, make offline, check, zip + checksum + WACZ. */
export async function createSnapshot(opts: SnapshotOptions): Promise<SnapshotResult> {
  const { commit, date, day, dirty } = contentCommit(opts.root);
  // Built inside the project: an outDir outside it picks up Astro's .astro/
  // files (collections/, content-*.mjs), which would then differ between runs.
  const workBase = join(opts.root, '.snapshot-build');
  mkdirSync(workBase, { recursive: true });
  const work = opts.from ? null : mkdtempSync(join(workBase, 'run-'));
  try {
    const clock = { t: performance.now() };
    const lap = () => {
      const now = performance.now();
      const s = (now - clock.t) / 1000;
      clock.t = now;
      return s;
    };
    const siteDir = opts.from ? resolve(opts.from) : join(work!, 'site');
    if (!opts.from) buildOnline(opts.root, siteDir);
    const build = lap();
    const online = readTree(siteDir);
    const files = await offlineFiles(online, { origin: opts.origin, commit, day });
    const broken = checkReferences(files, (p) => Buffer.from(files.get(p)!).toString('utf8'));
    if (broken.length) {
      throw new Error(
        `离线存档中有 ${broken.length} 个失效引用，例如：\n${broken
          .slice(0, 10)
          .map((b) => `  ${b.file}: ${b.attribute}=${b.value} — ${b.reason}`)
          .join('\n')}`,
      );
    }
    const offline = lap();
    const name = `${ARCHIVE_PREFIX}-${day}`;
    const inZip = new Map([...files].map(([p, b]) => [`${name}/${p}`, b] as const));
    const zip = reproducibleZip(inZip, day);
    mkdirSync(opts.outDir, { recursive: true });
    const zipPath = join(opts.outDir, `${name}.zip`);
    writeFileSync(zipPath, zip);
    const checksum = `${zipPath}.sha256`;
    writeFileSync(checksum, `${sha256(zip)}  ${name}.zip\n`);
    const zipTime = lap();
    let wacz: string | null = null;
    if (opts.wacz !== false) {
      wacz = join(opts.outDir, `${name}.wacz`);
      rmSync(wacz, { force: true });
      await writeWacz({
        files: online,
        origin: opts.origin,
        date,
        output: wacz,
        title: `${SITE_NAME} ${day}`,
      });
    }
    const pages = [...files.keys()].filter((p) => p.endsWith('.html')).length;
    return {
      name,
      zip: zipPath,
      checksum,
      wacz,
      pages,
      files: files.size,
      bytes: zip.length,
      commit,
      day,
      dirty,
      timings: { build, offline, zip: zipTime, wacz: lap() },
    };
  } finally {
    if (work) rmSync(work, { recursive: true, force: true });
  }
}
