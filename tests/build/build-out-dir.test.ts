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
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partialDir } from '../../scripts/lib/build/out-dir';
import { buildSite, SAMPLE_DIST, type BuildResult } from '../helpers/site';

/** The build replaces its own previous output and deletes nothing else beside it. */
describe('a build next to folders of the user', () => {
  let base: string;
  let out: string;
  let build: BuildResult;
  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'feigong-own-'));
    out = join(base, 'dist');
    cpSync(SAMPLE_DIST, out, { recursive: true });
    writeFileSync(join(out, 'stale.txt'), 'from the previous build');
    for (const mine of ['dist.old', 'dist.partial', 'dist.old-1']) {
      mkdirSync(join(base, mine));
      writeFileSync(join(base, mine, 'mine.txt'), `kept: ${mine}`);
    }
    build = buildSite({ outDir: out });
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it("a user's dist.old/ survives a build", () => {
    expect(build.status, build.output).toBe(0);
    for (const mine of ['dist.old', 'dist.partial', 'dist.old-1'])
      expect(readFileSync(join(base, mine, 'mine.txt'), 'utf8')).toBe(`kept: ${mine}`);
  });

  it('replaces its own previous output whole, and leaves no partial folder', () => {
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'stale.txt'))).toBe(false);
    expect(existsSync(partialDir(out))).toBe(false);
  });
});
