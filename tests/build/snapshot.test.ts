import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';
import { parse } from 'parse5';
import { WARCParser } from 'warcio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SnapshotResult } from '../../scripts/lib/snapshot/snapshot';
import { verifySnapshot } from '../../scripts/lib/snapshot/verify';
import { readZip } from '../../scripts/lib/snapshot/zip';
import { sampleSnapshot, unpack } from '../helpers/snapshot';
import { ROOT, SAMPLE_DIST } from '../helpers/site';

const LEGACY = 'articles/kaihua-dangqun-gongjian-sanwu-moshi/index.html';
const LIVE = 'https://www.fgdjw.com.cn';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** Every URL-bearing attribute, found with parse5 independently of the snapshot code. */
function references(html: string): { attr: string; value: string }[] {
  const out: { attr: string; value: string }[] = [];
  type Node = {
    attrs?: { name: string; value: string }[];
    childNodes?: Node[];
    content?: Node;
  };
  const visit = (node: Node) => {
    for (const a of node.attrs ?? []) {
      if (['href', 'src', 'action', 'poster'].includes(a.name))
        out.push({ attr: a.name, value: a.value });
      if (a.name === 'srcset')
        for (const c of a.value.split(','))
          out.push({ attr: 'srcset', value: c.trim().split(/\s+/)[0] });
    }
    for (const c of node.childNodes ?? []) visit(c);
    if (node.content) visit(node.content);
  };
  visit(parse(html) as Node);
  return out;
}

let snap: SnapshotResult;
let dir: string;
let root: string;
const run = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), script, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });

beforeAll(async () => {
  snap = await sampleSnapshot({ wacz: true });
  dir = unpack(snap.zip);
  root = join(dir, snap.name);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (snap) rmSync(dirname(snap.zip), { recursive: true, force: true });
});

describe('offline snapshot of the sample site', () => {
  it('is named with the site and the content commit’s date, with a checksum file', () => {
    expect(snap.zip).toMatch(/feigong-\d{4}-\d{2}-\d{2}\.zip$/);
    const sum = readFileSync(snap.checksum, 'utf8');
    expect(sum).toBe(
      `${createHash('sha256').update(readFileSync(snap.zip)).digest('hex')}  ${snap.name}.zip\n`,
    );
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    expect(snap.commit).toBe(head);
  });

  it('resolves every href/src/srcset/action of every page to a file in the folder', () => {
    const pages = walk(root).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBe(snap.pages);
    let checked = 0;
    const broken: string[] = [];
    for (const page of pages) {
      for (const { attr, value } of references(readFileSync(page, 'utf8'))) {
        if (/^(https?:|mailto:|#)/.test(value)) continue;
        checked++;
        const target = fileURLToPath(new URL(value, pathToFileURL(page)));
        if (value.startsWith('/') || !existsSync(target) || !statSync(target).isFile())
          broken.push(`${relative(root, page)} ${attr}=${value}`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(pages.length * 20);
  });

  it('marks every page as an offline copy with its date and a link to the live page', () => {
    const [y, m, d] = snap.day.split('-');
    for (const page of walk(root).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(page, 'utf8');
      expect(html, page).toContain(`离线存档：本页是 ${y}年${m}月${d}日 保存的离线副本`);
    }
    const legacy = readFileSync(join(root, LEGACY), 'utf8');
    expect(legacy).toContain(
      `<a href="${LIVE}/articles/kaihua-dangqun-gongjian-sanwu-moshi/">查看在线版本</a>`,
    );
    expect(legacy).toContain('href="../../channel/jiceng/index.html"');
  });

  it('leaves the online build untouched (clean URLs, no notice)', () => {
    const online = readFileSync(join(SAMPLE_DIST, LEGACY), 'utf8');
    expect(online).toContain('href="/channel/jiceng/"');
    expect(online).not.toContain('offline-notice');
    expect(existsSync(join(SAMPLE_DIST, 'MANIFEST'))).toBe(false);
  });

  it('describes itself in MANIFEST and verifies', () => {
    const manifest = readFileSync(join(root, 'MANIFEST'), 'utf8');
    expect(manifest).toContain(`commit: ${snap.commit}`);
    expect(manifest).toContain(`build-date: ${snap.day}`);
    expect(manifest).toContain(`pages: ${snap.pages}`);
    const files = walk(root).filter((f) => !f.endsWith('/MANIFEST'));
    for (const f of files) {
      const hash = createHash('sha256').update(readFileSync(f)).digest('hex');
      expect(manifest).toContain(`${hash}  ${relative(root, f)}\n`);
    }
    const cli = run('scripts/snapshot-verify.ts', snap.zip);
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toContain('存档完好');
    expect(verifySnapshot(root).ok).toBe(true);
  });

  it('names a file with one changed byte, a missing file and an extra one', () => {
    const target = join(root, LEGACY);
    const bytes = readFileSync(target);
    const i = bytes.indexOf('开化');
    bytes[i + 1] = bytes[i + 1]! ^ 1;
    writeFileSync(target, bytes);
    rmSync(join(root, 'rss.xml'));
    writeFileSync(join(root, 'extra.txt'), 'x');
    const cli = run('scripts/snapshot-verify.ts', root);
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain(`${LEGACY}: 内容已改变`);
    expect(cli.stderr).toContain('rss.xml: 缺失');
    expect(cli.stderr).toContain('extra.txt: 多出的文件');
    expect(cli.stderr.match(/内容已改变/g)).toHaveLength(1);
  });

  it('detects a zip that no longer matches its checksum file', () => {
    const copy = `${snap.zip}.copy.zip`;
    const bytes = readFileSync(snap.zip);
    writeFileSync(copy, bytes);
    writeFileSync(`${copy}.sha256`, `${'0'.repeat(64)}  x.zip\n`);
    expect(verifySnapshot(copy).problems.join('\n')).toContain('校验和');
  });

  it('writes a WACZ of the same build with live URLs', async () => {
    const entries = readZip(readFileSync(snap.wacz!));
    const names = [...entries.keys()];
    const dp = JSON.parse(Buffer.from(entries.get('datapackage.json')!).toString('utf8'));
    expect(dp.profile).toBe('data-package');
    expect(dp.wacz_version).toMatch(/^1\./);
    const paths = dp.resources.map((r: { path: string }) => r.path).sort();
    expect(paths).toEqual(
      names.filter((n) => n !== 'datapackage.json' && n !== 'datapackage-digest.json').sort(),
    );
    for (const r of dp.resources as { path: string; hash: string; bytes: number }[]) {
      const body = entries.get(r.path)!;
      expect(r.bytes).toBe(body.length);
      expect(r.hash).toBe(`sha256:${createHash('sha256').update(body).digest('hex')}`);
    }
    expect(names).toEqual(expect.arrayContaining(['datapackage-digest.json', 'pages/pages.jsonl']));
    expect(names.some((n) => /^indexes\/index\.(cdx|cdxj|idx)/.test(n))).toBe(true);
    const pages = Buffer.from(entries.get('pages/pages.jsonl')!)
      .toString('utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(pages[0].format).toBe('json-pages-1.0');
    expect(pages.map((p) => p.url)).toContain(
      `${LIVE}/articles/kaihua-dangqun-gongjian-sanwu-moshi/`,
    );
    const warcName = names.find((n) => /^archive\/.+\.warc(\.gz)?$/.test(n))!;
    const urls = new Map<string, string>();
    for await (const record of WARCParser.iterRecords([entries.get(warcName)!])) {
      if (record.warcType === 'response')
        urls.set(record.warcTargetURI!, (await record.contentText()).slice(0, 200000));
    }
    expect(urls.size).toBe(
      readdirSync(SAMPLE_DIST, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
        .length,
    );
    expect(urls.get(`${LIVE}/articles/kaihua-dangqun-gongjian-sanwu-moshi/`)).toContain(
      'href="/channel/jiceng/"',
    );
    expect(urls.has(`${LIVE}/channel/jiceng/2/`)).toBe(true);
  });
});

describe('reproducibility', () => {
  it('two snapshots of the same commit are byte-identical, built from scratch or from an existing build', async () => {
    const fresh = await sampleSnapshot({ build: true });
    expect(Buffer.compare(readFileSync(fresh.zip), readFileSync(snap.zip))).toBe(0);
    expect(readFileSync(fresh.checksum, 'utf8')).toBe(readFileSync(snap.checksum, 'utf8'));
    rmSync(dirname(fresh.zip), { recursive: true, force: true });
  });
});
