import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './site';

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
  output: string;
}

/** Runs a script in scripts/ the way `npm run <name>` does, optionally against another content folder. */
export function runScript(
  script: string,
  args: string[] = [],
  opts: { content?: string; cwd?: string } = {},
): CliResult {
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts', script), ...args],
    {
      cwd: opts.cwd ?? ROOT,
      encoding: 'utf8',
      env: { ...process.env, ...(opts.content ? { FEIGONG_CONTENT: opts.content } : {}) },
    },
  );
  return {
    status: r.status ?? 1,
    stdout: r.stdout,
    stderr: r.stderr,
    output: `${r.stdout}\n${r.stderr}`,
  };
}

/** A Node stack frame (`    at fn (file:1:2)`): editors must never see one. */
export const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;
