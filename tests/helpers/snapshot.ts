import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createSnapshot, type SnapshotResult } from '../../scripts/lib/snapshot/snapshot';
import { readZip } from '../../scripts/lib/snapshot/zip';
import { siteUrl } from '../../src/lib/urls';
import { ROOT, SAMPLE_DIST } from './site';

/** A snapshot of the sample site (packaging the already-built SAMPLE_DIST unless `build`). */
export async function sampleSnapshot(
  opts: { wacz?: boolean; build?: boolean } = {},
): Promise<SnapshotResult> {
  const outDir = mkdtempSync(join(tmpdir(), 'feigong-snapshot-test-'));
  return createSnapshot({
    root: ROOT,
    outDir,
    origin: siteUrl(),
    from: opts.build ? undefined : SAMPLE_DIST,
    wacz: opts.wacz ?? false,
  });
}

/** Unpacks a zip into a fresh temporary folder; returns the folder. */
export function unpack(zip: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'feigong-unpacked-'));
  for (const [path, bytes] of readZip(readFileSync(zip))) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
  return dir;
}
