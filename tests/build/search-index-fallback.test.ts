/**
 * When the articles the indexer planned are not the pages the build wrote,
 * the index is made from the built pages instead, and still holds exactly
 * what they show.
 */
import { afterAll, expect, it } from 'vitest';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, ROOT } from '../helpers/site';
import { indexedFragments, indexMismatches } from '../helpers/search-index';

const out = join(ROOT, '.test-output/index-fallback/dist');
afterAll(() => rmSync(join(ROOT, '.test-output/index-fallback'), { recursive: true, force: true }));

it('indexes the built pages when the plan made before them missed some', () => {
  // Planned as of 2016: every article dated later is missing from the plan.
  const r = buildSite({ outDir: out, env: { FEIGONG_INDEX_PLAN_DATE: '2016-01-01T00:00:00Z' } });
  expect(r.status, r.output).toBe(0);
  expect(r.output).toContain('构建出的文章与计划不同，索引改由页面生成');
  expect(indexMismatches(out)).toEqual([]);
  expect(indexedFragments(out).size).toBe(readdirSync(join(out, 'articles')).length);
}, 120_000);
