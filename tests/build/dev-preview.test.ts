import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleFixture } from '../helpers/fixtures';
import { ROOT } from '../helpers/site';

/** A free port: astro dev needs a number up front. */
const freePort = () =>
  new Promise<number>((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });

let dev: ChildProcess | undefined;
let origin = '';
let log = '';

beforeAll(async () => {
  const { content, base } = assembleFixture('publishing', 'dev');
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    FEIGONG_CONTENT: content,
    FEIGONG_CACHE_DIR: join(base, 'cache'),
    NODE_ENV: 'development',
  };
  for (const k of ['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL']) delete env[k];
  dev = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules/astro/astro.js'),
      'dev',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
    ],
    { cwd: ROOT, env, detached: true },
  );
  dev.stdout!.on('data', (d) => {
    log += d;
  });
  dev.stderr!.on('data', (d) => {
    log += d;
  });
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${origin}/`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`astro dev did not start:\n${log}`);
});

afterAll(() => {
  // The whole process group: astro dev starts helpers of its own.
  if (dev?.pid)
    try {
      process.kill(-dev.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
});

describe('astro dev (preview for editors)', () => {
  it('shows drafts and future-dated articles that production leaves out', async () => {
    const draft = await fetch(`${origin}/articles/draft/`);
    expect(draft.status, log).toBe(200);
    expect(await draft.text()).toContain('草稿文章不应出现');
    const scheduled = await fetch(`${origin}/articles/scheduled/`);
    expect(scheduled.status).toBe(200);
    const channel = await (await fetch(`${origin}/channel/jiceng/`)).text();
    expect(channel).toContain('草稿文章不应出现');
    expect(channel).toContain('已发布的文章');
  });
});
