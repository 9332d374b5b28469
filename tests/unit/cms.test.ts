import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleFolders, decapConfig } from '../../scripts/lib/cms/config';
import {
  articleFromFile,
  articleToFile,
  FILE_SLUG_KEY,
} from '../../scripts/lib/cms/article-format';
import { entryProblems } from '../../scripts/lib/cms/validate-entry';
import { projectRoot, repoRefusal } from '../../scripts/lib/cms/server';
import { articleContext } from '../../scripts/lib/check-content';
import { stableSlug } from '../../scripts/lib/import/article-file';
import { dateHashSlug, normalizeTitle } from '../../scripts/lib/slug-rule';
import { readDataFile } from '../../src/lib/content/data-files';
import { parseArticle } from '../../src/lib/content/parse-article';
import { articleSchema } from '../../src/lib/schema/article';
import { formatProblem } from '../../src/lib/schema/messages';
import { ROOT } from '../helpers/site';
import { ensureCmsDependencies } from '../../scripts/lib/cms/drive';

const dataDir = join(ROOT, 'content/data');
const ctx = articleContext(dataDir);
const channels = readDataFile('channels', dataDir).entries.map((c) => ({
  id: c.id,
  name: c.data.name,
}));
const config = decapConfig({ ctx, branch: 'main', channels, folders: ['2026', '2015', 'samples'] });
const collection = config.collections[0]!;
const keyOrder = collection.fields.map((f) => f.name);

describe('web editor configuration', () => {
  it('has one collection per folder, newest year first, the current year always', () => {
    expect(articleFolders(['samples', '2015', '2019'], new Date('2026-12-31T17:00:00Z'))).toEqual([
      '2027',
      '2019',
      '2015',
      'samples',
    ]);
    expect(config.collections.map((c) => c.folder)).toEqual([
      'content/articles/2026',
      'content/articles/2015',
      'content/articles/samples',
    ]);
    expect(new Set(config.collections.map((c) => JSON.stringify(c.fields))).size).toBe(1);
  });

  it('has one field per frontmatter key of the schema, in its order, then the body', () => {
    const shape = Object.keys(articleSchema(['x'], 'y').shape);
    expect(keyOrder).toEqual([...shape, 'body']);
  });

  it('requires what the check requires and offers the channels of channels.yaml in Chinese', () => {
    expect(collection.fields.filter((f) => f.required).map((f) => f.name)).toEqual([
      'title',
      'date',
      'channel',
      'body',
    ]);
    const channel = collection.fields.find((f) => f.name === 'channel')!;
    expect(channel.options).toEqual(channels.map((c) => ({ value: c.id, label: c.name })));
    expect(channels.map((c) => c.name)).toContain('基层点睛');
    expect(collection.fields.find((f) => f.name === 'body')!.widget).toBe('text');
    expect(collection.fields.find((f) => f.name === 'date')!.format).toBe('YYYY-MM-DD');
  });
});

describe('web editor file format', () => {
  const data = {
    title: '开化:探索党群共建“三五模式”',
    date: '2015-03-24',
    source: '中国非公企业党建网',
    author: '',
    editor: '付文',
    channel: 'jiceng',
    summary: '',
    tags: ['党群共建', '两新组织'],
    related: [],
    draft: false,
    aliases: [],
    body: '第一段。\n\n第二段。',
    [FILE_SLUG_KEY]: '20150324-abcdef12',
  };

  it('writes what the shared validator accepts, without empty optional fields or the hidden keys', () => {
    const text = articleToFile(data, keyOrder);
    expect(text).toBe(
      '---\ntitle: "开化:探索党群共建“三五模式”"\ndate: 2015-03-24\nsource: 中国非公企业党建网\nauthor: ""\neditor: 付文\nchannel: jiceng\ntags:\n  - 党群共建\n  - 两新组织\n---\n\n第一段。\n\n第二段。\n',
    );
    const { problems, article } = parseArticle(
      'content/articles/2015/x.mdx',
      Buffer.from(text),
      ctx,
    );
    expect(problems.map(formatProblem)).toEqual([]);
    expect(article?.body.trim()).toBe(data.body);
  });

  it('reads back what it wrote, and one changed field is one changed line', () => {
    const text = articleToFile(data, keyOrder);
    const back = articleFromFile(text);
    expect(articleToFile(back, keyOrder)).toBe(text);
    const edited = articleToFile({ ...back, title: '新标题' }, keyOrder).split('\n');
    const diff = text.split('\n').filter((line, i) => line !== edited[i]);
    expect(diff).toEqual(['title: "开化:探索党群共建“三五模式”"']);
  });

  it('names a new file as the importer and npm run new do, from a Web Crypto hash', async () => {
    const title = ' 开化 探索党群共建 ';
    const digest = await crypto.subtle.digest(
      'SHA-256',
      new TextEncoder().encode(normalizeTitle(title)),
    );
    const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
    expect(dateHashSlug('2015-03-24', hex)).toBe(stableSlug({ date: '2015-03-24', title }));
  });
});

describe('web editor save checks', () => {
  let repo: string;
  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'feigong-cms-unit-'));
    cpSync(join(ROOT, 'content'), join(repo, 'content'), { recursive: true });
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  const good = (over: Record<string, unknown> = {}) =>
    articleToFile(
      { ...{ title: '标题', date: '2026-11-30', channel: 'anli', body: '正文。' }, ...over },
      keyOrder,
    );

  it('passes a valid new article', () => {
    expect(entryProblems(repo, 'content/articles/2026/20261130-abcdef12.mdx', good(), ctx)).toEqual(
      [],
    );
  });

  it('reports with the check’s own messages: unknown channel, missing related article, duplicate URL', () => {
    const channel = entryProblems(
      repo,
      'content/articles/2026/a.mdx',
      good({ channel: 'foo' }),
      ctx,
    ).map(formatProblem);
    expect(channel).toEqual([
      expect.stringMatching(
        /^content\/articles\/2026\/a\.mdx:\d+: channel: 未知的频道 \(expected 以下频道编号之一：jiceng（基层点睛）/,
      ),
    ]);
    const related = entryProblems(
      repo,
      'content/articles/2026/a.mdx',
      good({ related: ['no-such-article'] }),
      ctx,
    );
    expect(related.map((p) => p.message)).toEqual(['相关稿件里的文章不存在']);
    const dup = entryProblems(
      repo,
      'content/articles/2026/kaihua-dangqun-gongjian-sanwu-moshi.mdx',
      good(),
      ctx,
    );
    expect(dup.map((p) => p.message)).toEqual([expect.stringContaining('两篇文章的网址相同')]);
  });

  it('leaves files outside content/articles alone', () => {
    expect(entryProblems(repo, 'public/x.mdx', 'anything', ctx)).toEqual([]);
  });
});

describe('npm run cms', () => {
  it('refuses the developer’s own checkout and a work tree with uncommitted changes', () => {
    expect(repoRefusal(projectRoot)).toMatch(/正在开发的这份代码本身/);
    const dir = mkdtempSync(join(tmpdir(), 'feigong-cms-dirty-'));
    mkdirSync(join(dir, 'content/data'), { recursive: true });
    writeFileSync(join(dir, 'content/data/channels.yaml'), 'a:\n  name: A\n');
    execFileSync('git', ['init', '-q', dir]);
    expect(repoRefusal(dir)).toMatch(/未提交的改动/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints its address and stops cleanly on Ctrl-C', async () => {
    ensureCmsDependencies();
    const repo = join(mkdtempSync(join(tmpdir(), 'feigong-cms-cli-')), 'repo');
    execFileSync('git', ['clone', '--quiet', projectRoot, repo]);
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
        'scripts/cms.ts',
        '--repo',
        repo,
        '--port',
        '0',
      ],
      { cwd: ROOT },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    await expect.poll(() => out, { timeout: 30_000 }).toMatch(/http:\/\/127\.0\.0\.1:\d+\/admin\//);
    const url = /http:\/\/127\.0\.0\.1:\d+\/admin\//.exec(out)![0];
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("connect-src 'self'");
    expect(await res.text()).toContain('<script src="decap-cms.js"></script>');
    child.kill('SIGINT');
    const code = await new Promise((ok) => child.on('exit', ok));
    expect(code).toBe(0);
    expect(out).toContain('网页编辑器已停止');
    rmSync(join(repo, '..'), { recursive: true, force: true });
  });
});
