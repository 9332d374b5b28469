/**
 * Writes the first pages of the commonest one-character queries
 * (src/lib/search/first-pages.ts) into a merged bundle, from its fragments:
 * the readable text the search page verifies and ranks with. Run once per
 * merge (child.ts), so cached with the bundle. The folder is named by a
 * digest of its content, so its files can be cached for good.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resultOf, type PagefindData } from '../../lib/search/engine';
import {
  FIRST_PAGES_DIR,
  FIRST_PAGES_FILE,
  firstPageFile,
  rankFirstPages,
  type FirstPages,
} from '../../lib/search/first-pages';
import type { HandoffHit } from '../../lib/search/handoff';
import { unpack } from './merge-bundles';

/** Every article of the bundle, one fragment at a time, in file name order (builds agree). */
function* articles(bundle: string): Generator<HandoffHit> {
  const dir = join(bundle, 'fragment');
  const utf8 = new TextDecoder();
  for (const name of readdirSync(dir).sort()) {
    const data = JSON.parse(utf8.decode(unpack(join(dir, name)))) as PagefindData;
    const { id: _, ...hit } = resultOf(data);
    yield hit;
  }
}

/** Ranks and writes the first pages under `bundle`/first/<digest>/, and what the manifest says of them beside it. */
export function writeFirstPages(bundle: string): FirstPages {
  const pages = rankFirstPages(articles(bundle));
  const files = pages.map((p) => ({ name: firstPageFile(p.q), json: JSON.stringify(p) }));
  const digest = createHash('sha256');
  for (const f of files) digest.update(f.name).update('\0').update(f.json).update('\0');
  const version = digest.digest('hex').slice(0, 12);
  const folder = join(bundle, FIRST_PAGES_DIR, version);
  mkdirSync(folder, { recursive: true });
  for (const f of files) writeFileSync(join(folder, f.name), f.json);
  const first: FirstPages = {
    path: `/pagefind/${FIRST_PAGES_DIR}/${version}/`,
    chars: pages.map((p) => p.q).join(''),
  };
  writeFileSync(join(bundle, FIRST_PAGES_FILE), JSON.stringify(first));
  return first;
}
