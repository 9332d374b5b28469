import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBuilt, SAMPLE_DIST } from '../helpers/site';

// content/articles/samples/sample-jiceng-01.mdx carries the alias below.
const OLD = '/content/2016-01/10/content_sample01.htm';

describe('aliases become redirects', () => {
  it('writes _redirects with a permanent move', () => {
    const lines = readFileSync(join(SAMPLE_DIST, '_redirects'), 'utf8').trim().split('\n');
    expect(lines).toContain(`${OLD} /articles/sample-jiceng-01/ 301`);
  });

  it('writes an HTML redirect page at the old path', () => {
    const html = readBuilt(SAMPLE_DIST, OLD);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain(
      '<meta http-equiv="refresh" content="0; url=/articles/sample-jiceng-01/">',
    );
    expect(html).toMatch(
      /<link rel="canonical" href="https?:\/\/[^"]+\/articles\/sample-jiceng-01\/">/,
    );
    expect(html).toContain('<a href="/articles/sample-jiceng-01/">【示例】杭州');
  });

  it('points at a page that was built', () => {
    expect(readBuilt(SAMPLE_DIST, '/articles/sample-jiceng-01/')).toContain('【示例】杭州');
  });
});
