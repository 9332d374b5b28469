import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partialDir } from '../../scripts/lib/build/out-dir';
import { writeBadContent } from '../helpers/bad-content';
import { runScript, STACK_FRAME } from '../helpers/cli';
import { buildSite, SAMPLE_DIST, type BuildResult } from '../helpers/site';

const listing = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();

/**
 * The build fails on broken articles with the very lines `npm run check`
 * prints, and a failed build leaves the previous good site untouched.
 */
describe('a build over broken articles', () => {
  let content: string;
  let out: string;
  let before: string[];
  let home: string;
  let build: BuildResult;
  let checkLines: string[];
  beforeAll(() => {
    content = writeBadContent();
    out = join(mkdtempSync(join(tmpdir(), 'feigong-atomic-')), 'dist');
    cpSync(SAMPLE_DIST, out, { recursive: true });
    before = listing(out);
    home = readFileSync(join(out, 'index.html'), 'utf8');
    checkLines = runScript('check.ts', [], { content })
      .stderr.split('\n')
      .filter((l) => l.startsWith('/'));
    build = buildSite({ content, outDir: out });
  });
  afterAll(() => {
    rmSync(content, { recursive: true, force: true });
    rmSync(join(out, '..'), { recursive: true, force: true });
  });

  it('fails with every problem check reports, in the same words', () => {
    expect(build.status).not.toBe(0);
    expect(checkLines.length).toBeGreaterThanOrEqual(25);
    for (const line of checkLines) expect(build.output).toContain(line);
  });

  it('prints no stack trace', () => {
    expect(build.output).not.toMatch(STACK_FRAME);
  });

  it('leaves the previous good dist exactly as it was', () => {
    expect(listing(out)).toEqual(before);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(home);
    expect(existsSync(partialDir(out))).toBe(false);
  });
});
