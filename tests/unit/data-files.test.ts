import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataFile } from '../../src/lib/content/data-files';
import { ROOT } from '../helpers/site';

const REAL = join(ROOT, 'content/data');
function dir(files: Record<string, string>) {
  const d = mkdtempSync(join(tmpdir(), 'feigong-data-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  return d;
}

describe('the repository data files', () => {
  it('hold the capture’s link lists exactly: 27 friend links, 11 alliance sites, 14 partners', () => {
    const names = (n: 'friendLinks' | 'alliance' | 'partners') => {
      const { entries, problems } = readDataFile(n, REAL);
      expect(problems).toEqual([]);
      return entries.map((e) => e.data.name);
    };
    expect(names('friendLinks')).toHaveLength(27);
    expect(names('friendLinks').slice(0, 3)).toEqual(['人民网', '中国共产党新闻网', '新华网']);
    expect(names('alliance')).toHaveLength(11);
    expect(names('partners')).toHaveLength(14);
  });
  it('define the channels, site settings and promos', () => {
    expect(readDataFile('channels', REAL).entries.map((c) => c.data.name)).toEqual(
      expect.arrayContaining(['基层点睛', '案例', '参考', '专题', '非公专委会']),
    );
    expect(readDataFile('site', REAL).entries[0]!.data).toMatchObject({
      name: '中国非公企业党建',
      slogan: '凝聚向上的力量',
    });
    expect(
      readDataFile('promos', REAL).entries.find((p) => p.data.kind === 'wechat')!.data.account,
    ).toBe('DangJianFeiGQ');
  });
});

describe('readDataFile', () => {
  it('keeps link entries without a url (rendered as plain text)', () => {
    const d = dir({
      'friend-links.yaml':
        '- { name: 七一网, order: 2 }\n- { name: 人民网, url: "http://www.people.com.cn/", order: 1 }\n',
    });
    const { entries, problems } = readDataFile('friendLinks', d);
    expect(problems).toEqual([]);
    expect(entries.map((e) => e.data)).toEqual([
      { name: '七一网', order: 2 },
      { name: '人民网', url: 'http://www.people.com.cn/', order: 1 },
    ]);
  });

  it('rejects javascript: and other schemes, with file, line and field', () => {
    const d = dir({
      'alliance.yaml':
        '- { name: 好网站, url: "https://ok.example/" }\n- name: 坏网站\n  url: "javascript:alert(1)"\n- { name: 协议相对, url: "//evil.example" }\n',
    });
    const { entries, problems } = readDataFile('alliance', d);
    expect(entries).toHaveLength(1);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatchObject({
      line: 3,
      field: 'url',
      found: '"javascript:alert(1)"',
      message: expect.stringContaining('http(s)://'),
    });
    expect(problems[0]!.file.endsWith('alliance.yaml')).toBe(true);
    expect(problems[1]).toMatchObject({ line: 4, field: 'url' });
  });

  it('reports an empty name, bad channel ids and a missing required file', () => {
    expect(
      readDataFile('partners', dir({ 'partners.yaml': '- { name: "  " }\n' })).problems[0],
    ).toMatchObject({ field: 'name', message: '名称不能为空' });
    const channels = readDataFile(
      'channels',
      dir({ 'channels.yaml': 'Ji Ceng:\n  name: 基层点睛\n  order: 1\n  description: 说明\n' }),
    );
    expect(channels.problems[0]).toMatchObject({ field: 'id', line: 1, found: '"Ji Ceng"' });
    expect(readDataFile('site', dir({})).problems[0]).toMatchObject({
      field: 'file',
      message: '缺少这个数据文件',
    });
    expect(readDataFile('friendLinks', dir({}))).toEqual({ entries: [], problems: [] });
  });

  it('reports YAML syntax errors and a wrong shape', () => {
    expect(
      readDataFile(
        'notices',
        dir({ 'notices.yaml': '- title: 好\n  date: "2015-01-01"\n- title: 一\n  title: 二\n' }),
      ).problems[0],
    ).toMatchObject({ field: 'yaml', line: 4 });
    expect(
      readDataFile('notices', dir({ 'notices.yaml': 'title: 不是列表\n' })).problems[0]!.message,
    ).toContain('列表');
  });
});
