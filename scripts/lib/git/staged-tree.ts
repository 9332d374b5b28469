import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What a content check reads: the content, the public files and the routes. */
const CHECKED = ['content', 'public', 'src/pages'];

/**
 * Runs `fn` against the versions of the content that are staged for commit
 * (not the working tree), so the pre-commit hook checks exactly what will be
 * committed. The staged files are exported to a temporary folder, which
 * becomes the working directory while `fn` runs; messages keep their
 * project-relative paths.
 */
export function withStagedTree<T>(fn: () => T, repo = process.cwd()): T {
  const tmp = mkdtempSync(join(tmpdir(), 'feigong-staged-'));
  const previous = process.cwd();
  const savedContent = process.env.FEIGONG_CONTENT;
  try {
    const files = execFileSync('git', ['ls-files', '-z', '--', ...CHECKED], {
      cwd: repo,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    })
      .split('\0')
      .filter(Boolean);
    if (files.length) {
      execFileSync('git', ['checkout-index', '-z', '--stdin', `--prefix=${tmp}/`], {
        cwd: repo,
        input: files.join('\0'),
        maxBuffer: 1 << 28,
      });
    }
    delete process.env.FEIGONG_CONTENT;
    process.chdir(tmp);
    return fn();
  } finally {
    process.chdir(previous);
    if (savedContent !== undefined) process.env.FEIGONG_CONTENT = savedContent;
    rmSync(tmp, { recursive: true, force: true });
  }
}
