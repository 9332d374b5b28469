import { unzipSync, zipSync, type Zippable } from 'fflate';
import { compareBytes } from './files';

/**
 * A reproducible zip: entries in byte order of their paths, every timestamp
 * the given day, no extra fields. Same files + same day → same bytes.
 */
export function reproducibleZip(files: Map<string, Uint8Array>, day: string): Uint8Array {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  // Zip stores local date fields; build the Date from local fields so the
  // bytes do not depend on the machine's time zone.
  const mtime = new Date(y, m - 1, d, 0, 0, 0);
  const entries: Zippable = {};
  for (const path of [...files.keys()].sort(compareBytes)) {
    entries[path] = [files.get(path)!, { mtime, level: 9, os: 3, attrs: 0o100644 << 16 }];
  }
  return zipSync(entries);
}

export function readZip(data: Uint8Array): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const [path, bytes] of Object.entries(unzipSync(data)))
    if (!path.endsWith('/')) out.set(path, bytes);
  return out;
}
