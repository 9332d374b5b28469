import { execFileSync } from 'node:child_process';
import { isoDay } from '../../../src/lib/dates';

export interface ContentCommit {
  commit: string;
  date: Date;
  day: string;
  /** Uncommitted changes under content/. */ dirty: boolean;
}

/** The commit the content is at (HEAD) and its commit date, as a Beijing day. */
export function contentCommit(cwd: string): ContentCommit {
  const git = (...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
  const commit = git('rev-parse', 'HEAD');
  const date = new Date(git('log', '-1', '--format=%cI', 'HEAD'));
  const dirty = git('status', '--porcelain', '--', 'content') !== '';
  return { commit, date, day: isoDay(date), dirty };
}
