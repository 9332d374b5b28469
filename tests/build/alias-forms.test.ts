import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture } from '../helpers/fixtures';
import { serve, type Served } from '../helpers/serve';
import type { BuildResult } from '../helpers/site';

/** Old addresses written percent-encoded or in UTF-8 both redirect, online and on a plain host. */
describe('aliases in either form', () => {
  let build: BuildResult;
  let site: Served;
  beforeAll(async () => {
    build = buildFixture('aliases');
    if (build.status === 0) site = await serve(build.outDir);
  });
  afterAll(() => site?.close());

  it('builds', () => {
    expect(build.status, build.output).toBe(0);
  });

  it('a percent-encoded alias redirects: _redirects holds the encoded and the UTF-8 form, never %25', () => {
    const lines = readFileSync(join(build.outDir, '_redirects'), 'utf8').trim().split('\n');
    expect(lines.sort()).toEqual(
      [
        '/content/%E4%B8%AD.htm /articles/encoded/ 301',
        '/content/中.htm /articles/encoded/ 301',
        '/old/node_1.htm /articles/encoded/ 301',
        '/%E6%97%A7%E6%A0%8F%E7%9B%AE/%E6%96%87%E7%AB%A0.htm /articles/raw/ 301',
        '/旧栏目/文章.htm /articles/raw/ 301',
      ].sort(),
    );
  });

  it('a plain static host answers both forms with the redirect page', async () => {
    for (const [path, to] of [
      ['/content/%E4%B8%AD.htm', '/articles/encoded/'],
      [encodeURI('/旧栏目/文章.htm'), '/articles/raw/'],
    ] as const) {
      const res = await fetch(`${site.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain(`<meta http-equiv="refresh" content="0; url=${to}">`);
    }
    // One file, named in UTF-8; no double-encoded copy.
    expect(existsSync(join(build.outDir, 'content/中.htm'))).toBe(true);
    expect(readdirSync(join(build.outDir, 'content'))).toEqual(['中.htm']);
  });
});
