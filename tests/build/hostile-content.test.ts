import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript, STACK_FRAME } from '../helpers/cli';
import { foreignScript, hostileArticle, prng, type HostileArticle } from '../helpers/hostile-input';
import { buildSite, ROOT, type BuildResult } from '../helpers/site';

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
/** Articles checked; a bounded sample of them is built (builds take seconds each). */
const CHECKED = 300;
const BUILT_PASSING = 24;
const BUILT_FAILING = 4;

/** A content folder with the real site data and these articles. */
function contentWith(articles: readonly HostileArticle[]): string {
  // Inside the project: Astro's content store takes only paths under the site root.
  mkdirSync(join(ROOT, '.test-output'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, '.test-output', 'fuzz-'));
  cpSync(join(ROOT, 'content/data'), join(dir, 'data'), { recursive: true });
  mkdirSync(join(dir, 'articles'));
  for (const a of articles) writeFileSync(join(dir, 'articles', a.name), a.content);
  return dir;
}

/** `npm run check`'s problem lines, by article file name. */
function problemsByFile(stderr: string): Map<string, string[]> {
  const by = new Map<string, string[]>();
  for (const line of stderr.split('\n')) {
    const m = /\/articles\/([^/:]+\.mdx)(?::\d+)?: /.exec(line);
    if (m) by.set(m[1]!, [...(by.get(m[1]!) ?? []), line]);
  }
  return by;
}

/**
 * Generated hostile frontmatter and bodies (seeded; `FUZZ_SEED` replays one):
 * whatever `npm run check` passes builds, whatever it refuses is refused in
 * the editor's words and fails the build the same way, and no article puts a
 * script into a page.
 */
describe(`hostile articles, fuzzed (seed ${SEED})`, () => {
  const r = prng(SEED);
  const articles = Array.from({ length: CHECKED }, (_, i) => hostileArticle(r, i));
  const dirs: string[] = [];
  let check: ReturnType<typeof runScript>;
  let problems: Map<string, string[]>;
  let passing: HostileArticle[];
  let failing: HostileArticle[];
  let good: BuildResult;
  let bad: BuildResult;
  let badCheck: ReturnType<typeof runScript>;

  beforeAll(() => {
    const all = contentWith(articles);
    dirs.push(all);
    check = runScript('check.ts', [], { content: all });
    problems = problemsByFile(check.stderr);
    passing = articles.filter((a) => !problems.has(a.name));
    failing = articles.filter((a) => problems.has(a.name));
    const goodDir = contentWith(passing.slice(0, BUILT_PASSING));
    const badDir = contentWith([...passing.slice(0, 2), ...failing.slice(0, BUILT_FAILING)]);
    dirs.push(goodDir, badDir);
    badCheck = runScript('check.ts', [], { content: badDir });
    good = buildSite({ content: goodDir });
    bad = buildSite({ content: badDir });
    dirs.push(join(good.outDir, '..'), join(bad.outDir, '..'));
  });
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('generates both kinds: articles the check passes and articles it refuses', () => {
    expect(passing.length).toBeGreaterThanOrEqual(BUILT_PASSING);
    expect(failing.length).toBeGreaterThanOrEqual(BUILT_FAILING);
  });

  it('the check reports every refusal as file:line: field: 说明, never a stack trace', () => {
    expect(check.status).toBe(1);
    expect(check.output).not.toMatch(STACK_FRAME);
    expect(check.stderr).not.toMatch(/检查无法完成/);
    for (const lines of problems.values()) {
      for (const line of lines)
        expect(line).toMatch(/^\S+?\.mdx(:\d+)?: [\w.-]+: .*[\u4e00-\u9fff]/);
    }
  });

  it('what the check passes builds', () => {
    expect(good.output).not.toMatch(STACK_FRAME);
    expect(good.status, good.output.slice(-3000)).toBe(0);
  });

  it('what the check refuses fails the build with the same lines and no stack trace', () => {
    expect(bad.status).not.toBe(0);
    expect(bad.output).not.toMatch(STACK_FRAME);
    const lines = badCheck.stderr.split('\n').filter((l) => /\.mdx(:\d+)?: /.test(l));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(bad.output).toContain(line);
  });

  it('the script finder sees handlers, script URLs and foreign scripts, not escaped text', () => {
    expect(foreignScript('<a href="JaVaScRiPt&colon;alert(1)">x</a>')).toBeDefined();
    expect(foreignScript('<img src="x" onerror="alert(1)">')).toBeDefined();
    expect(foreignScript('<script>alert(1)</script>')).toBeDefined();
    expect(foreignScript('<meta content="<img src=x onerror=alert(1)">')).toBeUndefined();
    expect(
      foreignScript(
        '<script src="/js/reader.js"></script><script type="application/ld+json">{}</script>',
      ),
    ).toBeUndefined();
  });

  it('no built article page carries a script the site did not write', () => {
    const found: string[] = [];
    for (const a of passing.slice(0, BUILT_PASSING)) {
      if (a.content.includes('\ndraft: true')) continue;
      const html = readFileSync(
        join(good.outDir, 'articles', a.name.replace(/\.mdx$/, ''), 'index.html'),
        'utf8',
      );
      const script = foreignScript(html);
      if (script) found.push(`${a.name}: ${script}`);
    }
    expect(found).toEqual([]);
  });
});
