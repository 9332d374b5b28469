/**
 * Lighthouse on the home page and an article of the sample site, served with
 * its _headers: performance, accessibility, best practices and SEO each ≥ 95.
 * Runs scripts/lighthouse.ts under /tmp/feigong-heavy.lock (a heavy job).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { LIGHTHOUSE_CATEGORIES, type Scores } from '../../src/lib/checks/scores';
import { ROOT, SAMPLE_DIST } from '../helpers/site';

const work = mkdtempSync(join(tmpdir(), 'feigong-lh-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('scores at least 95 in all four categories on home and an article', { timeout: 1_800_000 }, () => {
  const out = join(work, 'scores.json');
  const r = spawnSync('flock', ['-w', '1500', '/tmp/feigong-heavy.lock', process.execPath, join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
    'scripts/lighthouse.ts', '--dist', SAMPLE_DIST, '--runs', '3', '--min', '0', '--json-out', out], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr + r.stdout).toBe(0);
  console.log(r.stdout);
  const results = JSON.parse(readFileSync(out, 'utf8')) as { page: string; scores: Scores }[];
  expect(results.map((x) => x.page)).toEqual(['/', '/articles/kaihua-dangqun-gongjian-sanwu-moshi/']);
  for (const { page, scores } of results) {
    for (const c of LIGHTHOUSE_CATEGORIES) expect(scores[c], `${page} ${c}`).toBeGreaterThanOrEqual(95);
  }
});
