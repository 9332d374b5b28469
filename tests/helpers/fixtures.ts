import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, ROOT, type BuildResult } from './site';

const FIXTURES = join(ROOT, 'tests/fixtures');

/**
 * Builds a fixture: the shared fixture data files plus `tests/fixtures/<name>/articles`,
 * assembled under .test-output (inside the project, as Astro expects).
 */
export function buildFixture(name: string, env?: Record<string, string>): BuildResult & { content: string } {
  const base = join(ROOT, '.test-output', `fixture-${name}`);
  rmSync(base, { recursive: true, force: true });
  const content = join(base, 'content');
  mkdirSync(content, { recursive: true });
  cpSync(join(FIXTURES, 'data'), join(content, 'data'), { recursive: true });
  cpSync(join(FIXTURES, name, 'articles'), join(content, 'articles'), { recursive: true });
  return { ...buildSite({ content, outDir: join(base, 'dist'), ...(env ? { env } : {}) }), content };
}
