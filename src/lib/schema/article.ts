import { z } from 'astro/zod';
import { parseContentDate } from '../dates';
import { SCRIPT_MESSAGES, dangerousScheme, hasMarkup } from './script-free';
import { checkAlias } from './alias';
import { showValue } from './messages';

/** ASCII slug: the article's URL comes from its file name, never its title. */
export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const DATE_HELP = '2015-03-24 或 2015-03-24T09:30:00+08:00';

// Checked by hand rather than as a zod union, which would report a bare "Invalid input".
const dateField = z.unknown().transform((value, ctx) => {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  if (value === undefined) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: '缺少发布日期',
      params: { expected: DATE_HELP },
    });
    return z.NEVER;
  }
  const parsed =
    typeof value === 'string'
      ? parseContentDate(value)
      : ({ ok: false, reason: 'format' } as const);
  if (parsed.ok) return parsed.date;
  ctx.addIssue({
    code: z.ZodIssueCode.custom,
    message: parsed.reason === 'format' ? `日期格式不对，应写成 ${DATE_HELP}` : '这一天不存在',
    params: { expected: DATE_HELP },
  });
  return z.NEVER;
});

// Not a union: zod reports a failed union as a bare "Invalid input".
const optionalText = (what: string) =>
  z
    .string({ invalid_type_error: `${what}必须是文字` })
    .nullable()
    .optional()
    .transform((s) => (s ?? '').trim());

const idList = (what: string) =>
  z
    .array(z.string({ invalid_type_error: `${what}里的每一项必须是文字` }).trim(), {
      invalid_type_error: `${what}必须是列表，例如 [a, b]`,
    })
    .default([]);

/**
 * Article frontmatter. `channelIds` comes from content/data/channels.yaml so an
 * unknown channel is reported with the list of known ones.
 */
export function articleSchema(
  channelIds: readonly string[],
  defaultSource: string,
  channelLabels = channelIds,
) {
  return z
    .object({
      title: z
        .string({ required_error: '缺少标题', invalid_type_error: '标题必须是文字' })
        .transform((s) => s.trim().replace(/\s+/g, ' '))
        .refine((s) => s.length > 0, { message: '标题不能为空' })
        .refine((s) => !hasMarkup(s), { message: SCRIPT_MESSAGES.markup('标题') }),
      date: dateField,
      source: optionalText('来源 source').transform((s) => s || defaultSource),
      author: optionalText('作者 author'),
      editor: optionalText('编辑 editor'),
      channel: z
        .string({ required_error: '缺少频道', invalid_type_error: '频道必须是频道编号文字' })
        .trim()
        .refine((c) => channelIds.includes(c), {
          message: '未知的频道',
          params: { expected: `以下频道编号之一：${channelLabels.join('、')}` },
        }),
      summary: optionalText('摘要 summary').refine((s) => !hasMarkup(s), {
        message: SCRIPT_MESSAGES.markup('摘要'),
      }),
      cover: z
        .string({ invalid_type_error: '封面图 cover 必须是图片路径文字' })
        .trim()
        .optional()
        .superRefine((c, ctx) => {
          const scheme = c === undefined ? undefined : dangerousScheme(c, { image: true });
          if (!scheme) return;
          const { message, expected } = SCRIPT_MESSAGES.url(scheme);
          ctx.addIssue({ code: z.ZodIssueCode.custom, message, params: { expected } });
        }),
      coverAlt: z
        .string({ invalid_type_error: '封面图说明 coverAlt 必须是文字' })
        .trim()
        .optional(),
      tags: idList('标签 tags'),
      related: idList('相关稿件 related').refine((ids) => ids.every((id) => SLUG_RE.test(id)), {
        message: '相关稿件应写文章编号（文件名，不含 .mdx）',
      }),
      draft: z.boolean({ invalid_type_error: '草稿 draft 只能是 true 或 false' }).default(false),
      aliases: idList('旧网址 aliases').transform((list, ctx) =>
        list.map((raw) => {
          const alias = checkAlias(raw);
          if (alias.ok) return alias.path;
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            message: alias.message,
            params: { expected: alias.expected, found: showValue(raw) },
          });
          return raw;
        }),
      ),
      importedFrom: z
        .string({ invalid_type_error: '导入来源 importedFrom 必须是文字' })
        .trim()
        .optional(),
    })
    .strict();
}

export type ArticleFrontmatter = z.output<ReturnType<typeof articleSchema>>;
export type ArticleField = keyof ArticleFrontmatter;

/**
 * The frontmatter keys an editor may write, in the schema's order: the one list
 * that messages (不认识的字段) and the importer use. The key set does not depend
 * on the channels, so any arguments will do.
 */
export const ARTICLE_FIELDS: readonly ArticleField[] = articleSchema([], '').keyof().options;

/**
 * The frontmatter as stored: each field's output type. `satisfies` ties it to
 * articleSchema, so a field added to one and not the other fails the type check.
 */
const storedFrontmatter = {
  title: z.string(),
  date: z.date(),
  source: z.string(),
  author: z.string(),
  editor: z.string(),
  channel: z.string(),
  summary: z.string(),
  cover: z.string().optional(),
  coverAlt: z.string().optional(),
  tags: z.array(z.string()),
  related: z.array(z.string()),
  draft: z.boolean(),
  aliases: z.array(z.string()),
  importedFrom: z.string().optional(),
} satisfies { [K in ArticleField]-?: z.ZodType<ArticleFrontmatter[K]> };

/**
 * What the loader stores for each article in Astro's content store
 * (frontmatter plus derived fields). The excerpt is kept beside the store
 * (content/excerpts.ts): Astro bundles the whole store into the build.
 */
export const articleEntrySchema = z.object({
  ...storedFrontmatter,
  /** Source file, relative to the project root. */
  file: z.string(),
  /** True when the body needs the MDX compiler (components, expressions). */
  mdx: z.boolean(),
});
export type StoredArticleData = z.output<typeof articleEntrySchema>;
/** An article as the site, the checks and the tests use it. */
export type ArticleData = StoredArticleData & {
  /** Plain text of the body's start, trimmed, for lists, meta tags and feeds. */
  excerpt: string;
};
