import { statSync } from 'node:fs';

/**
 * Some file systems keep modification times to the second: a file rewritten
 * within the same tick as its stamp was taken would keep its stamp. A stamp
 * is kept for a later build only once the file is older than this (as git
 * treats "racily clean" files).
 */
export const SETTLE_MS = 2_000;

export interface FileStamp {
  /** Inode, size and modification time in nanoseconds. */
  id: string;
  /** Older than SETTLE_MS: the stamp may be kept for a later build. */
  settled: boolean;
}

/**
 * A file's identity without reading it (one stat). A page a warm build
 * hard-linked from the previous output keeps its stamp; any rewrite changes
 * it. Lets a build skip re-reading thousands of unchanged files
 * (page-reuse.ts, the CSP scan, MDX detection); where the stamp differs (a
 * copied output, an edited file) the bytes are read as before.
 */
export function fileStamp(file: string, now = Date.now()): FileStamp | null {
  const s = statSync(file, { bigint: true, throwIfNoEntry: false });
  if (!s) return null;
  return {
    id: `${s.ino}:${s.size}:${s.mtimeNs}`,
    settled: Number(s.mtimeNs / 1_000_000n) <= now - SETTLE_MS,
  };
}
