/**
 * Two builds of the same sources in different folders are byte-identical:
 * no timestamps, random ids or absolute paths in the output.
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { listFiles } from '../../src/lib/site-files';
import { ROOT, SAMPLE_DIST } from '../helpers/site';

const work = mkdtempSync(join(tmpdir(), 'feigong-repro-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('builds byte-identical output from a copy of the sources in another folder', async () => {
  const copy = join(work, 'elsewhere', 'portal');
  const files = spawnSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .stdout.split('\0')
    .filter(Boolean);
  for (const f of files) {
    mkdirSync(dirname(join(copy, f)), { recursive: true });
    cpSync(join(ROOT, f), join(copy, f));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  const out = join(work, 'out', 'dist');
  // Asynchronous, so the test worker stays responsive during the build.
  const r = await promisify(execFile)(
    process.execPath,
    [join(copy, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build.ts', '--outDir', out],
    {
      cwd: copy,
      encoding: 'utf8',
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        FEIGONG_CACHE_DIR: join(work, 'cache'),
      },
      maxBuffer: 64 * 1024 * 1024,
    },
  ).then(
    () => ({ status: 0, output: '' }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({
      status: e.code ?? 1,
      output: `${e.stdout}\n${e.stderr}`,
    }),
  );
  expect(r.status, r.output).toBe(0);

  const a = listFiles(SAMPLE_DIST);
  expect(listFiles(out)).toEqual(a);
  const differing = a.filter(
    (f) => !readFileSync(join(SAMPLE_DIST, f)).equals(readFileSync(join(out, f))),
  );
  expect(differing).toEqual([]);
  // And nothing in the output names the folder it was built in.
  const leaks = a.filter(
    (f) =>
      /\.(html|xml|css|js|txt)$|_headers$/.test(f) &&
      readFileSync(join(out, f), 'utf8').includes(work),
  );
  expect(leaks).toEqual([]);
});
