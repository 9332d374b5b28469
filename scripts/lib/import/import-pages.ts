import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseFrontmatter } from '../../../src/lib/content/frontmatter';
import { parseArticle, slugOf, type ArticleContext } from '../../../src/lib/content/parse-article';
import { pageExists, siteIndex, type SiteIndex } from '../../../src/lib/content/site-routes';
import { displayPath, listArticleFiles } from '../../../src/lib/content/paths';
import { isoDay } from '../../../src/lib/dates';
import { checkAlias } from '../../../src/lib/schema/alias';
import { formatProblem } from '../../../src/lib/schema/messages';
import { normalizeTitle, renderArticleFile, stableSlug } from './article-file';
import { decodeCapture, looksLikeHtml, parseHtmlCapture } from './capture-html';
import { parseTextCapture } from './capture-text';
import type { ChannelName, LegacyPage, ParseResult } from './legacy-page';

export type ImportOutcome =
  | {
      source: string;
      status: 'created' | 'updated' | 'unchanged';
      file: string;
      /** What was left out or renamed to avoid a clash; any note makes the exit code 1. */
      notes?: string[];
    }
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
 * What a file the importer writes records in `importedFrom`: the old page's
 * date, a hash of its title (its default file name) and its old address when
 * the capture kept one. A re-import updates only the file holding exactly this
 * value, so it never touches an editor's article or another old page's file.
 */
export function importKey(page: Pick<LegacyPage, 'date' | 'title' | 'oldPath'>): string {
  return page.oldPath ? `${stableSlug(page)} ${page.oldPath}` : stableSlug(page);
}

const dayOf = (date: unknown) =>
  date instanceof Date ? isoDay(date) : typeof date === 'string' ? date.slice(0, 10) : '';
const canonical = (alias: string) => {
  const a = checkAlias(alias);
  return a.ok ? a.path : alias;
};

/** The articles already there, indexed by what a page may clash with. */
class Targets {
  private byImport = new Map<string, Known>();
  private byAlias = new Map<string, Known>();
  private byDayTitle = new Map<string, Known>();
  private paths = new Set<string>();
  constructor(
    private articlesDir: string,
    private channelIds: readonly string[],
  ) {
    for (const abs of listArticleFiles(articlesDir)) {
      this.paths.add(abs);
      const src = readFileSync(abs, 'utf8').replace(/\r\n?/g, '\n');
      const { fm } = parseFrontmatter(displayPath(abs), src);
      if (fm) this.add({ abs, data: fm.data });
    }
  }
  add(k: Known) {
    this.paths.add(k.abs);
    const { title, date, aliases, importedFrom } = k.data;
    if (typeof importedFrom === 'string') this.byImport.set(importedFrom, k);
    if (Array.isArray(aliases)) for (const a of aliases) this.byAlias.set(canonical(String(a)), k);
    if (typeof title === 'string' && dayOf(date))
      this.byDayTitle.set(`${dayOf(date)} ${normalizeTitle(title)}`, k);
  }
  /** The file this page updates or creates, or why it is skipped; `notes` says what was changed. */
  place(page: LegacyPage): { target: Known; page: LegacyPage; notes: string[] } | { skip: string } {
    const notes = [...(page.notes ?? [])];
    const key = importKey(page);
    let target = this.byImport.get(key);
    if (!target) {
      const same = this.byDayTitle.get(`${page.date} ${normalizeTitle(page.title)}`);
      if (same && typeof same.data.importedFrom !== 'string') {
        return {
          skip: `${displayPath(same.abs)} 的日期和标题与这一页相同，但它不是从这个旧页面导入的（没有 importedFrom: ${key}），不覆盖编辑写的文章。若确是同一篇，请在它的 frontmatter 里加上这一行再导入`,
        };
      }
      target = { abs: this.freePath(page, notes), data: {} };
    }
    if (page.oldPath) {
      const owner = this.byAlias.get(page.oldPath);
      if (owner && owner.abs !== target.abs) {
        notes.push(
          `旧网址 ${page.oldPath} 已是 ${displayPath(owner.abs)} 的 aliases（两个旧页面共用一个网址？），这一篇没有加上它`,
        );
        page = { ...page, oldPath: undefined };
      } else if (pageExists(page.oldPath, this.site())) {
        notes.push(
          `旧网址 ${page.oldPath} 与站内已有的页面相同，跳转会把那个页面盖掉，没有加入 aliases`,
        );
        page = { ...page, oldPath: undefined };
      }
    }
    return { target: { ...target, data: { ...target.data, importedFrom: key } }, page, notes };
  }
  /** The site's pages as `npm run check` knows them, for aliases that would shadow one. */
  private site(): SiteIndex {
    return siteIndex([...this.paths].map(slugOf), this.channelIds);
  }
  /** `<年>/<stableSlug>.mdx`, or `-2`, `-3` … when another file already has that name. */
  private freePath(page: LegacyPage, notes: string[]): string {
    const base = join(this.articlesDir, page.date.slice(0, 4), stableSlug(page));
    let abs = `${base}.mdx`;
    for (let n = 2; this.paths.has(abs) || existsSync(abs); n++) abs = `${base}-${n}.mdx`;
    if (abs !== `${base}.mdx`)
      notes.push(`${displayPath(`${base}.mdx`)} 已被另一篇文章占用，另存为 ${displayPath(abs)}`);
    return abs;
  }
}

/**
 * Imports captured pages into `articlesDir`. Each output is validated through
 * the same path as `npm run check` before it is written; a page that cannot be
 * parsed, would not validate or would overwrite a file the importer did not
 * make from it is skipped with its reason, the rest go on.
 */
export function importPages(
  paths: readonly string[],
  articlesDir: string,
  ctx: ArticleContext & { channels: readonly ChannelName[] },
): ImportOutcome[] {
  const targets = new Targets(articlesDir, ctx.channelIds);
  const outcomes: ImportOutcome[] = [];
  for (const abs of captureFiles(paths)) {
    const source = displayPath(abs);
    const parsed = parseCaptureFile(abs, ctx.channels);
    if (!parsed.ok) {
      outcomes.push({ source, status: 'skipped', reason: parsed.reason });
      continue;
    }
    const placed = targets.place(parsed.page);
    if ('skip' in placed) {
      outcomes.push({ source, status: 'skipped', reason: placed.skip });
      continue;
    }
    const { target, page, notes } = placed;
    const text = renderArticleFile(page, target.data);
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
      ...(notes.length ? { notes } : {}),
    });
  }
  return outcomes;
}
