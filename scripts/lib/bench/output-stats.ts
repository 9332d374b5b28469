import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface OutputStats {
  /** HTML pages written. */
  pages: number;
  /** Every file in the output, bytes. */
  bytes: number;
  /** The `pagefind/` folder, bytes; undefined when the build has no Pagefind index. */
  pagefindBytes?: number;
  articles: number;
  avgArticleHtmlBytes: number;
  /** sha256 over every file's path and bytes: equal digests, identical output. */
  digest: string;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

export function outputStats(dir: string): OutputStats {
  const files = walk(dir).sort();
  const hash = createHash('sha256');
  let bytes = 0,
    pages = 0,
    pagefindBytes = 0,
    articles = 0,
    articleBytes = 0;
  const pagefind = `pagefind${sep}`;
  for (const f of files) {
    const rel = relative(dir, f);
    const data = readFileSync(f);
    bytes += data.length;
    hash.update(`${rel.split(sep).join('/')}\0${data.length}\0`).update(data);
    if (rel.startsWith(pagefind)) pagefindBytes += data.length;
    if (!rel.endsWith('.html')) continue;
    pages++;
    if (rel.startsWith(`articles${sep}`)) {
      articles++;
      articleBytes += data.length;
    }
  }
  return {
    pages,
    bytes,
    ...(existsSync(join(dir, 'pagefind')) && statSync(join(dir, 'pagefind')).isDirectory()
      ? { pagefindBytes }
      : {}),
    articles,
    avgArticleHtmlBytes: articles ? Math.round(articleBytes / articles) : 0,
    digest: hash.digest('hex'),
  };
}
