import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAD_ARTICLES, writeBadContent } from '../helpers/bad-content';
import { runScript, STACK_FRAME } from '../helpers/cli';

describe('npm run check on broken content', () => {
  let dir: string;
  let result: ReturnType<typeof runScript>;
  beforeAll(() => {
    dir = writeBadContent({ brokenData: true });
    result = runScript('check.ts', [], { content: dir });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits non-zero without a stack trace', () => {
    expect(result.status).toBe(1);
    expect(result.output).not.toMatch(STACK_FRAME);
  });

  for (const [name, { expect: message }] of Object.entries(BAD_ARTICLES)) {
    it(message ? `reports ${name} in its own words` : `accepts ${name}`, () => {
      const lines = result.stderr
        .split('\n')
        .filter((l) => l.includes(`/articles/${name}:`) || l.includes(`/articles/${name}: `));
      if (message) expect(result.stderr).toMatch(message);
      else expect(lines).toEqual([]);
    });
  }

  it('reports data files in the same run', () => {
    expect(result.stderr).toMatch(
      /data\/notices\.yaml:2: date: 日期格式应为 2015-03-24 \(found "2015\/03\/24"\)/,
    );
  });

  it('reports a data-file link that leaves the site (/\\evil.example/x) in the same run', () => {
    expect(result.stderr).toMatch(
      /data\/friend-links\.yaml:2: url: 链接只能是 .*\(found "\/\\\\evil\.example\/x"\)/,
    );
  });

  it('gives each broken file exactly one problem, all in path:line: field: form', () => {
    const problems = result.stderr.split('\n').filter((l) => l.startsWith('/'));
    const broken = Object.values(BAD_ARTICLES).filter((c) => c.expect).length;
    expect(problems).toHaveLength(broken + 2);
    for (const p of problems) expect(p).toMatch(/^\S+?(:\d+)?: [\w.]+: \S/);
  });
});

describe('npm run check on the sample content', () => {
  it('passes and says so', () => {
    const r = runScript('check.ts');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/检查通过：\d+ 篇文章、7 个数据文件/);
  });

  it('has --help', () => {
    for (const s of ['check.ts', 'new.ts', 'import.ts', 'hooks-install.ts', 'bench-check.ts']) {
      const r = runScript(s, ['--help']);
      expect(r.status, s).toBe(0);
      expect(r.stdout, s).toMatch(/^用法: npm run /);
    }
  });
});
