import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCacheDir } from '../content/paths';
import { fileStamp } from '../file-stamp';
import { writeJsonFile } from '../json-file';
import { inlineHashes } from './csp';

export type PageInline = ReturnType<typeof inlineHashes>;
type Cache = Record<string, [stamp: string, inline: PageInline]>;

const cacheFile = () => join(buildCacheDir(), 'feigong-headers', 'inline.json');

function readCache(): Cache {
  try {
    return JSON.parse(readFileSync(cacheFile(), 'utf8')) as Cache;
  } catch {
    return {};
  }
}

/**
 * inlineHashes() of each page, read again only when its file stamp changed
 * (file-stamp.ts): a warm build links thousands of unchanged article pages
 * from the previous output, and reading them all again cost a second at
 * 10,000 articles. Keeps this build's results for the next one.
 */
export function pagesInline(dist: string, files: readonly string[]): Map<string, PageInline> {
  const last = readCache();
  const next: Cache = {};
  const out = new Map<string, PageInline>();
  for (const file of files) {
    const path = join(dist, file);
    const hit = last[file];
    const stamp = fileStamp(path);
    const inline = hit && hit[0] === stamp?.id ? hit[1] : inlineHashes(readFileSync(path, 'utf8'));
    if (stamp?.settled) next[file] = [stamp.id, inline];
    out.set(file, inline);
  }
  writeJsonFile(cacheFile(), next);
  return out;
}
