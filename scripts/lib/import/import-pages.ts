import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseFrontmatter } from '../../../src/lib/content/frontmatter';
import { parseArticle, type ArticleContext } from '../../../src/lib/content/parse-article';
import { displayPath, listArticleFiles } from '../../../src/lib/content/paths';
import { isoDay } from '../../../src/lib/dates';
import { formatProblem } from '../../../src/lib/schema/messages';
import { normalizeTitle, renderArticleFile, stableSlug } from './article-file';
import { decodeCapture, looksLikeHtml, parseHtmlCapture } from './capture-html';
import { parseTextCapture } from './capture-text';
import type { ChannelName, LegacyPage, ParseResult } from './legacy-page';

export type ImportOutcome =
  | { source: string; status: 'created' | 'updated' | 'unchanged'; file: string }
  | { source: string; status: 'skipped'; reason: string };

/** Capture files given on the command line: files as named, folders walked for .txt/.htm/.html. */
export function captureFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) {
      out.push(p);
      return;
    } // reported as unreadable later
    if (!st.isDirectory()) {
      out.push(p);
      return;
    }
    for (const name of readdirSync(p).sort()) {
      const child = join(p, name);
      if (name.startsWith('.')) continue;
      if (statSync(child).isDirectory() || /\.(txt|html?)$/i.test(name)) walk(child);
    }
  };
  paths.forEach(walk);
  return out;
}

export function parseCaptureFile(abs: string, channels: readonly ChannelName[]): ParseResult {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(abs);
  } catch (e) {
    return { ok: false, reason: `无法读取文件（${(e as NodeJS.ErrnoException).code ?? 'error'}）` };
  }
  const decoded = decodeCapture(bytes);
  if ('error' in decoded) return { ok: false, reason: decoded.error };
  const text = decoded.text.replace(/^\uFEFF/, '');
  return /\.html?$/i.test(abs) || looksLikeHtml(text)
    ? parseHtmlCapture(text, channels)
    : parseTextCapture(text, channels);
}

interface Known {
  abs: string;
  data: Record<string, unknown>;
}

/**
 * Where an imported page belongs: the article that already carries its old
 * address in `aliases`, else the article with the same date and title, else a
 * new file named by stableSlug(). So importing a page again updates one file.
 */
class Targets {
  private byAlias = new Map<string, Known>();
  private byKey = new Map<string, Known>();
  constructor(private articlesDir: string) {
    for (const abs of listArticleFiles(articlesDir)) {
      const src = readFileSync(abs, 'utf8').replace(/\r\n?/g, '\n');
      const { fm } = parseFrontmatter(displayPath(abs), src);
      if (fm) this.add({ abs, data: fm.data });
    }
  }
  add(k: Known) {
    const { title, date, aliases } = k.data;
    if (Array.isArray(aliases)) for (const a of aliases) this.byAlias.set(String(a), k);
    const day =
      date instanceof Date ? isoDay(date) : typeof date === 'string' ? date.slice(0, 10) : '';
    if (typeof title === 'string' && day) this.byKey.set(`${day} ${normalizeTitle(title)}`, k);
  }
  find(page: LegacyPage): Known {
    const hit =
      (page.oldPath && this.byAlias.get(page.oldPath)) ||
      this.byKey.get(`${page.date} ${normalizeTitle(page.title)}`);
    if (hit) return hit;
    return {
      abs: join(this.articlesDir, page.date.slice(0, 4), `${stableSlug(page)}.mdx`),
      data: {},
    };
  }
}

/**
 * Imports captured pages into `articlesDir`. Each output is validated through
 * the same path as `npm run check` before it is written; a page that cannot be
 * parsed or would not validate is skipped with its reason, the rest go on.
 */
export function importPages(
  paths: readonly string[],
  articlesDir: string,
  ctx: ArticleContext & { channels: readonly ChannelName[] },
): ImportOutcome[] {
  const targets = new Targets(articlesDir);
  const outcomes: ImportOutcome[] = [];
  for (const abs of captureFiles(paths)) {
    const source = displayPath(abs);
    const parsed = parseCaptureFile(abs, ctx.channels);
    if (!parsed.ok) {
      outcomes.push({ source, status: 'skipped', reason: parsed.reason });
      continue;
    }
    const target = targets.find(parsed.page);
    const text = renderArticleFile(parsed.page, target.data);
    const file = displayPath(target.abs);
    const { problems } = parseArticle(file, Buffer.from(text), ctx);
    if (problems.length) {
      outcomes.push({
        source,
        status: 'skipped',
        reason: `导入结果不合格：${problems.map(formatProblem).join('；')}`,
      });
      continue;
    }
    const before = existsSync(target.abs) ? readFileSync(target.abs, 'utf8') : undefined;
    if (before !== text) {
      mkdirSync(dirname(target.abs), { recursive: true });
      writeFileSync(target.abs, text);
    }
    targets.add({ abs: target.abs, data: parseFrontmatter(file, text).fm!.data });
    outcomes.push({
      source,
      status: before === undefined ? 'created' : before === text ? 'unchanged' : 'updated',
      file,
    });
  }
  return outcomes;
}
