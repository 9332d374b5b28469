import { basename } from 'node:path';
import { ARTICLE_FIELDS, articleSchema, SLUG_RE, type ArticleData } from '../schema/article';
import type { Problem } from '../schema/messages';
import { bodyLimitProblems } from './body-limits';
import { parseFrontmatter } from './frontmatter';
import { bodyScriptIssues } from './body-script';
import { forcedMdx, needsMdx, plainExcerpt } from './mdx-detect';
import { zodProblems } from './zod-problems';

export interface ArticleContext {
  channelIds: readonly string[];
  /** `jiceng（基层点睛）` for each channel, for messages. */
  channelLabels: readonly string[];
  /** Default 来源: the site's full name. */
  defaultSource: string;
}

export interface ParsedArticle {
  slug: string;
  data: ArticleData;
  body: string;
  bodyLine: number;
  /** Line of each frontmatter key, for messages from later checks. */
  keyLines: Record<string, number>;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

// Building the zod schema costs more than using it; build it once per context.
const schemas = new WeakMap<ArticleContext, ReturnType<typeof articleSchema>>();
function schemaFor(ctx: ArticleContext) {
  let s = schemas.get(ctx);
  if (!s)
    schemas.set(ctx, (s = articleSchema(ctx.channelIds, ctx.defaultSource, ctx.channelLabels)));
  return s;
}

export function slugOf(file: string): string {
  return basename(file).replace(/\.mdx$/i, '');
}

/**
 * Reads one article file: encoding, file name, frontmatter and body. This is
 * the single validation path shared by the Astro loader and `npm run check`.
 * `file` is the project-relative path used in messages.
 */
export function parseArticle(
  file: string,
  bytes: Uint8Array,
  ctx: ArticleContext,
): { article?: ParsedArticle; problems: Problem[] } {
  const problems: Problem[] = [];
  const slug = slugOf(file);
  if (!SLUG_RE.test(slug)) {
    problems.push({
      file,
      field: 'file',
      message: '文件名就是文章网址，只能用小写英文字母、数字和连字符（-）',
      expected: 'kaihua-dangqun-gongjian.mdx 这样的名字',
      found: JSON.stringify(basename(file)),
    });
  }
  if (bytes.length === 0) {
    problems.push({
      file,
      line: 1,
      field: 'file',
      message: '文件是空的',
      expected: '以 --- 开头的 frontmatter 和正文',
      found: '0 字节',
    });
    return { problems };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    problems.push({
      file,
      line: 1,
      field: 'file',
      message: '文件带有 BOM 标记，请用“UTF-8 无 BOM”保存',
      expected: 'UTF-8（无 BOM）',
      found: 'UTF-8 BOM',
    });
    return { problems };
  }
  let src: string;
  try {
    src = decoder.decode(bytes);
  } catch {
    const line = lineOfInvalidByte(bytes);
    problems.push({
      file,
      line,
      field: 'file',
      message: '文件不是 UTF-8 编码（可能是 GBK），请另存为 UTF-8',
      expected: 'UTF-8',
      found: '无法按 UTF-8 解码的字节',
    });
    return { problems };
  }
  src = src.replace(/\r\n?/g, '\n');
  const { fm, problems: fmProblems } = parseFrontmatter(file, src);
  problems.push(...fmProblems);
  if (!fm) return { problems };

  const parsed = schemaFor(ctx).safeParse(fm.data);
  if (!parsed.success) {
    problems.push(...zodProblems(file, parsed.error, fm.data, fm.keyLines, 2, ARTICLE_FIELDS));
  }
  if (!fm.body.trim()) {
    problems.push({
      file,
      line: fm.bodyLine,
      field: 'body',
      message: '正文是空的',
      expected: 'frontmatter 之后的文章内容',
      found: '空白',
    });
  }
  for (const issue of bodyScriptIssues(fm.body)) {
    problems.push({ file, field: 'body', ...issue, line: fm.bodyLine + issue.line - 1 });
  }
  const mdx = needsMdx(fm.body) || forcedMdx(slug);
  problems.push(...bodyLimitProblems(file, fm.body, fm.bodyLine, mdx));
  if (problems.length || !parsed.success) return { problems };

  const data: ArticleData = {
    ...parsed.data,
    file,
    mdx,
    excerpt: parsed.data.summary || plainExcerpt(fm.body),
  };
  return {
    article: { slug, data, body: fm.body, bodyLine: fm.bodyLine, keyLines: fm.keyLines },
    problems,
  };
}

function lineOfInvalidByte(bytes: Uint8Array): number {
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    const nl = bytes.indexOf(0x0a, start);
    const end = nl < 0 ? bytes.length : nl;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    if (nl < 0) break;
    start = nl + 1;
  }
  return 1;
}
