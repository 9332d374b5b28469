import { createHash } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isOwnOutput, outDirProblem } from '../../scripts/lib/build/out-dir';
import { productionEnv } from '../../scripts/lib/build/run';
import { HEADERS_FILE_HEAD } from '../../src/lib/headers/rules';
import { runScript, STACK_FRAME } from '../helpers/cli';
import { ROOT } from '../helpers/site';

/** Every file under `dir` with its SHA-256: what "untouched" means. */
function fingerprint(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const abs = join(e.parentPath, e.name);
      return `${abs} ${createHash('sha256').update(readFileSync(abs)).digest('hex')}`;
    })
    .sort();
}

let tmp: string;
let project: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'feigong-outdir-'));
  project = join(tmp, 'project');
  for (const d of ['content/articles', 'src', 'public', 'scripts', 'tests', 'node_modules'])
    mkdirSync(join(project, d), { recursive: true });
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe('where the build may write', () => {
  it('refuses the project, a folder that holds it, and every source folder', () => {
    for (const out of [
      project,
      tmp,
      '/',
      join(project, 'content'),
      join(project, 'content/articles/x'),
      join(project, 'src'),
      join(project, 'public/dist'),
      join(project, 'scripts'),
      join(project, 'tests/out'),
      join(project, 'node_modules/.astro'),
      join(project, '.git'),
    ]) {
      expect(outDirProblem(out, project), out).toMatchObject({ message: expect.any(String) });
    }
  });

  it('refuses a content folder given from elsewhere, and a folder that holds it', () => {
    const content = join(tmp, 'elsewhere/content');
    mkdirSync(content, { recursive: true });
    expect(outDirProblem(content, project, [content])).toBeDefined();
    expect(outDirProblem(join(tmp, 'elsewhere'), project, [content])).toBeDefined();
  });

  it('sees through a symbolic link to a source folder', () => {
    symlinkSync(join(project, 'content'), join(tmp, 'link'));
    expect(outDirProblem(join(tmp, 'link'), project)?.message).toContain('content');
  });

  it('accepts dist, a new folder, an empty one, and a previous output of the build', () => {
    expect(outDirProblem(join(project, 'dist'), project)).toBeUndefined();
    expect(outDirProblem(join(tmp, 'site/dist'), project)).toBeUndefined();
    mkdirSync(join(tmp, 'empty'));
    expect(outDirProblem(join(tmp, 'empty'), project)).toBeUndefined();
    mkdirSync(join(tmp, 'built'));
    writeFileSync(join(tmp, 'built/_headers'), `${HEADERS_FILE_HEAD}/*\n  X: y\n`);
    writeFileSync(join(tmp, 'built/index.html'), '<!doctype html>');
    expect(isOwnOutput(join(tmp, 'built'))).toBe(true);
    expect(outDirProblem(join(tmp, 'built'), project)).toBeUndefined();
  });

  it("refuses to replace a folder of someone else's files", () => {
    mkdirSync(join(tmp, 'documents'));
    writeFileSync(join(tmp, 'documents/report.txt'), 'mine');
    expect(outDirProblem(join(tmp, 'documents'), project)?.message).toContain('不是本构建生成的');
    // A Netlify site of someone else has a _headers too, but not the one this build writes.
    writeFileSync(join(tmp, 'documents/_headers'), '/*\n  X-Frame-Options: DENY\n');
    expect(isOwnOutput(join(tmp, 'documents'))).toBe(false);
  });
});

describe('npm run build with a dangerous --outDir', () => {
  const before = () => fingerprint(join(ROOT, 'content'));

  it('build --outDir content is refused and content/ is untouched', () => {
    const files = before();
    const r = runScript('build.ts', ['--outDir', 'content']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^--outDir: 输出目录是源文件目录 content 或与它重叠.*\(expected .*, found "content"\)$/m,
    );
    expect(r.output).not.toMatch(STACK_FRAME);
    expect(fingerprint(join(ROOT, 'content'))).toEqual(files);
  });

  it('build --outDir . and --outDir .. are refused before anything is built', () => {
    for (const [out, words] of [
      ['.', '输出目录就是项目本身'],
      ['..', '输出目录包含整个项目'],
      ['src', '源文件目录 src'],
    ] as const) {
      const r = runScript('build.ts', ['--outDir', out]);
      expect(r.status, out).toBe(2);
      expect(r.stderr).toContain(words);
      expect(r.stdout).not.toContain('building');
    }
  });

  it("build --outDir <someone's folder> is refused and the folder is untouched", () => {
    mkdirSync(join(tmp, 'documents'));
    writeFileSync(join(tmp, 'documents/report.txt'), 'mine');
    const r = runScript('build.ts', ['--outDir', join(tmp, 'documents')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('不是本构建生成的');
    expect(readdirSync(join(tmp, 'documents'))).toEqual(['report.txt']);
  });
});

describe('the environment of a build', () => {
  it('is production even when started from vitest (drafts stay unpublished)', () => {
    const env = productionEnv({ DEV: '1', NODE_ENV: 'test', MODE: 'test', PATH: '/bin' });
    expect(env).toMatchObject({
      NODE_ENV: 'production',
      ASTRO_TELEMETRY_DISABLED: '1',
      PATH: '/bin',
    });
    expect(env.DEV).toBeUndefined();
    expect(env.MODE).toBeUndefined();
  });
});
