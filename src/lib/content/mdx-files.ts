import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileStamp } from '../file-stamp';
import { writeJsonFile } from '../json-file';
import { bodyOf } from './frontmatter';
import { forcedMdx, needsMdx } from './mdx-detect';
import { slugOf } from './parse-article';
import { articlesDir, buildCacheDir, listArticleFiles } from './paths';

/** Per file (relative path): its stamp when last read and whether its body needs MDX. */
type Seen = Record<string, [stamp: string, mdx: boolean]>;
const seenFile = () => join(buildCacheDir(), 'feigong-mdx-files.json');

function readSeen(): Seen {
  try {
    return JSON.parse(readFileSync(seenFile(), 'utf8')) as Seen;
  } catch {
    return {};
  }
}

/**
 * Article files whose body needs the MDX compiler, relative to the articles
 * folder: the glob pattern of the `articlesMdx` collection. Read when the
 * content config loads; restart `astro dev` after adding a component to a
 * file that had none. A file is read again only when its stamp changed
 * (file-stamp.ts): reading all of them cost 0.7 s of every build at 10,000
 * articles. Were an answer ever stale, the loader (which reads every file)
 * finds an MDX body with no compiled module and the build stops with the
 * file's name.
 */
export function mdxArticlePatterns(): string[] {
  const dir = articlesDir();
  const last = readSeen();
  const seen: Seen = {};
  const out: string[] = [];
  for (const abs of listArticleFiles(dir)) {
    const rel = relative(dir, abs).split('\\').join('/');
    const hit = last[rel];
    const stamp = fileStamp(abs);
    const mdx =
      hit && hit[0] === stamp?.id
        ? hit[1]
        : needsMdx(bodyOf(readFileSync(abs, 'utf8').replace(/\r\n?/g, '\n')) ?? '');
    if (stamp?.settled) seen[rel] = [stamp.id, mdx];
    if (mdx || forcedMdx(slugOf(abs))) out.push(rel);
  }
  writeJsonFile(seenFile(), seen);
  return out;
}
