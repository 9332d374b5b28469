import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isoDay } from '../../src/lib/dates';
import { runScript, STACK_FRAME } from '../helpers/cli';
import { ROOT } from '../helpers/site';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'feigong-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run new', () => {
  it("creates a valid draft with today's date and refuses to overwrite it", () => {
    cpSync(join(ROOT, 'content/data'), join(dir, 'data'), { recursive: true });
    const args = [
      '--channel',
      'anli',
      '--title',
      '测试：新文章',
      '--editor',
      '付文',
      '--slug',
      'ceshi-xin-wenzhang',
    ];
    const r = runScript('new.ts', args, { content: dir });
    expect(r.status).toBe(0);
    const today = isoDay(new Date());
    const file = join(dir, 'articles', today.slice(0, 4), 'ceshi-xin-wenzhang.mdx');
    expect(r.stdout).toContain(`已创建 ${file}`);
    expect(r.stdout).toMatch(/网址：https?:\/\/\S+\/articles\/ceshi-xin-wenzhang\//);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(
      new RegExp(
        `^---\\ntitle: "测试：新文章"\\ndate: ${today}\\nsource: 中国非公企业党建网\\nauthor: ""\\neditor: 付文\\nchannel: anli\\ndraft: true\\n---\\n`,
      ),
    );
    expect(runScript('check.ts', [], { content: dir }).status).toBe(0);

    writeFileSync(file, `${text}编辑写的正文。\n`);
    const again = runScript('new.ts', args, { content: dir });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('文件已存在，不会覆盖');
    expect(readFileSync(file, 'utf8')).toContain('编辑写的正文。');
  });

  it('derives an ASCII slug when none is given, and rejects bad input in words', () => {
    cpSync(join(ROOT, 'content/data'), join(dir, 'data'), { recursive: true });
    const r = runScript('new.ts', ['--channel', 'jiceng', '--title', '开化党建'], { content: dir });
    expect(r.stdout).toMatch(/\/articles\/\d{8}-[0-9a-f]{8}\//);
    const bad = runScript(
      'new.ts',
      ['--channel', 'news', '--title', '<b>x</b>', '--slug', 'ok-slug'],
      { content: dir },
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/title: 标题不能包含 HTML/);
    expect(bad.stderr).toMatch(/channel: 未知的频道/);
    expect(existsSync(join(dir, 'articles', isoDay(new Date()).slice(0, 4), 'ok-slug.mdx'))).toBe(
      false,
    );
    const slug = runScript('new.ts', ['--channel', 'jiceng', '--title', 'x', '--slug', '开化'], {
      content: dir,
    });
    expect(slug.status).toBe(2);
    expect(slug.stderr).toContain('--slug 只能用小写英文字母');
    expect(slug.output).not.toMatch(STACK_FRAME);
  });
});

describe('npm run check -- --staged (the pre-commit hook)', () => {
  it('checks what is staged, not the working tree', () => {
    const git = (...a: string[]) => execFileSync('git', a, { cwd: dir, encoding: 'utf8' });
    git('init', '-q');
    for (const p of ['content/data', 'public', 'src/pages'])
      cpSync(join(ROOT, p), join(dir, p), { recursive: true });
    mkdirSync(join(dir, 'content/articles'));
    const article = join(dir, 'content/articles/hook-test.mdx');
    writeFileSync(article, '---\ntitle: 钩子\ndate: 2015-03-24\nchannel: jiceng\n---\n\n正文。\n');
    git('add', '.');
    writeFileSync(article, '---\ntitle: 钩子\ndate: 2015-02-30\nchannel: jiceng\n---\n\n正文。\n');
    expect(runScript('check.ts', ['--staged'], { cwd: dir }).status).toBe(0);
    git('add', '.');
    const r = runScript('check.ts', ['--staged'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('content/articles/hook-test.mdx:3: date: 这一天不存在');

    const install = runScript('hooks-install.ts', [], { cwd: dir });
    expect(install.status).toBe(0);
    expect(readFileSync(join(dir, '.git/hooks/pre-commit'), 'utf8')).toContain(
      'npm run --silent check -- --staged',
    );
  });
});
