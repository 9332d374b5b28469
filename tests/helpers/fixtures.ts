import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, ROOT, type BuildResult } from './site';

const FIXTURES = join(ROOT, 'tests/fixtures');

/**
 * A content folder for fixture `name`: the shared fixture data files plus
 * `tests/fixtures/<name>/articles`, assembled under .test-output (inside the
 * project, where Astro expects content). Returns the folder that holds `content/`.
 */
export function assembleFixture(name: string, tag = name): { base: string; content: string } {
  const base = join(ROOT, '.test-output', `fixture-${tag}`);
  rmSync(base, { recursive: true, force: true });
  const content = join(base, 'content');
  mkdirSync(content, { recursive: true });
  cpSync(join(FIXTURES, 'data'), join(content, 'data'), { recursive: true });
  cpSync(join(FIXTURES, name, 'articles'), join(content, 'articles'), { recursive: true });
  return { base, content };
}

/**
 * Builds a fixture with `npm run build`'s script, into a temporary folder
 * outside the project (as a deploy might), unless `outDir` is given.
 */
export function buildFixture(
  name: string,
  env?: Record<string, string>,
): BuildResult & { content: string } {
  const { content } = assembleFixture(name);
  return { ...buildSite({ content, ...(env ? { env } : {}) }), content };
}
