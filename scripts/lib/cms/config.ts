import { articleSchema } from '../../../src/lib/schema/article';
import { isoDay } from '../../../src/lib/dates';
import type { ArticleContext } from '../../../src/lib/content/parse-article';
import { ARTICLES_FOLDER } from './validate-entry';
import { FILE_SLUG_KEY } from './article-format';

type Shape = ReturnType<typeof articleSchema>['shape'];
type FieldKey = keyof Shape;
export interface Channel {
  id: string;
  name: string;
}
type FieldSpec = Record<string, unknown> & { label: string; widget: string };
type Field = FieldSpec & { name: string };

/** The custom format registered by the admin page (scripts/lib/cms/admin/main.ts). */
export const FORMAT_NAME = 'feigong-mdx';

/**
 * How each frontmatter key is edited, in Chinese. Keyed by the schema's own
 * keys, so a field added to src/lib/schema/article.ts without a form widget
 * is a type error here, and a removed one too.
 */
function widgets(channels: readonly Channel[], source: string): Record<FieldKey, FieldSpec> {
  return {
    title: { label: '标题', widget: 'string' },
    date: {
      label: '发布日期',
      widget: 'datetime',
      format: 'YYYY-MM-DD',
      date_format: 'YYYY-MM-DD',
      time_format: false,
      hint: '北京时间的日期；写将来的日期，文章会在那天之后的第一次构建时发布',
    },
    source: { label: '来源', widget: 'string', default: source },
    author: { label: '作者', widget: 'string', default: '' },
    editor: { label: '编辑', widget: 'string', default: '' },
    channel: {
      label: '频道',
      widget: 'select',
      options: channels.map((c) => ({ value: c.id, label: c.name })),
    },
    summary: { label: '摘要', widget: 'text', hint: '一句话介绍本文；不写则用正文开头' },
    cover: {
      label: '封面图',
      widget: 'string',
      hint: 'public/ 下的图片路径，例如 /images/2015/kaihua.jpg',
    },
    coverAlt: { label: '图片说明', widget: 'string' },
    tags: { label: '标签', widget: 'list', hint: '用逗号分隔，例如：党群共建, 两新组织' },
    related: {
      label: '相关稿件',
      widget: 'list',
      hint: '文章编号（文件名，不含 .mdx），用逗号分隔；不填则自动计算',
    },
    draft: {
      label: '草稿',
      widget: 'boolean',
      default: false,
      hint: '草稿只在 npm run dev 里显示，不会发布',
    },
    aliases: {
      label: '旧网址',
      widget: 'list',
      hint: '旧网站上的地址，每个以 / 开头，例如 /content/2015-03/24/content_123.htm',
    },
    // Written by the importer so a re-import finds its own file; kept as it is, never edited here.
    importedFrom: { label: '导入来源', widget: 'hidden' },
  };
}

/**
 * The Decap CMS configuration, generated from the schema and the site data of
 * the checkout being edited: every frontmatter key in schema order, a field is
 * required exactly when the schema reports it missing from an empty
 * frontmatter, channels come from channels.yaml. The body is a plain textarea
 * (Decap's rich editor escapes MDX and has Chinese IME bugs).
 */
export function decapConfig(opts: {
  ctx: ArticleContext;
  branch: string;
  channels: readonly Channel[];
  /** Folders under content/articles, one collection each (see articleFolders). */
  folders: readonly string[];
}) {
  const schema = articleSchema(opts.ctx.channelIds, opts.ctx.defaultSource, opts.ctx.channelLabels);
  const empty = schema.safeParse({});
  const required = new Set(empty.success ? [] : empty.error.issues.map((i) => String(i.path[0])));
  const spec = widgets(opts.channels, opts.ctx.defaultSource);
  const fields: Field[] = (Object.keys(schema.shape) as FieldKey[]).map((name): Field => ({
    ...spec[name],
    name,
    required: required.has(name),
  }));
  fields.push({ name: 'body', label: '正文', widget: 'text', required: true, hint: bodyHint });
  return {
    load_config_file: false,
    locale: 'zh_Hans',
    backend: {
      name: 'proxy',
      proxy_url: '/api/v1',
      branch: opts.branch,
      commit_messages: {
        create: '网页编辑器：新建文章 {{slug}}',
        update: '网页编辑器：修改文章 {{slug}}',
        delete: '网页编辑器：删除文章 {{slug}}',
        uploadMedia: '网页编辑器：上传 {{path}}',
        deleteMedia: '网页编辑器：删除 {{path}}',
      },
    },
    publish_mode: 'simple',
    media_folder: 'public/images/uploads',
    public_folder: '/images/uploads',
    slug: { encoding: 'ascii', clean_accents: false, sanitize_replacement: '-' },
    collections: opts.folders.map((dir) => ({
      name: collectionName(dir),
      label: /^\d{4}$/.test(dir) ? `${dir} 年文章` : `文章（${dir}）`,
      label_singular: '文章',
      folder: `${ARTICLES_FOLDER}/${dir}`,
      extension: 'mdx',
      format: FORMAT_NAME,
      create: true,
      delete: false,
      // New files: <date>-<hash of the title>.mdx, the rule of `npm run new` and the
      // importer; the preSave hook computes it (Decap's templates cannot hash).
      slug: `{{fields.${FILE_SLUG_KEY}}}`,
      summary: '{{title}}（{{date}}）',
      sortable_fields: ['date', 'title'],
      fields,
    })),
  };
}

const bodyHint =
  '纯文本 Markdown：段与段之间空一行；**粗体**、## 小标题、列表、表格都可以用。要显示 `<` `{` `}` 这几个字符时写成 `\\<` `\\{` `\\}`。';

export const collectionName = (folder: string) => `articles-${folder}`;

/**
 * One collection per folder of content/articles, newest year first, plus the
 * current Beijing year so a new year starts with a place for its articles.
 * Decap loads a whole collection (every file's text) to list it: with 10,000
 * articles in one collection the list took 45 s here, close to Decap's 60 s
 * request timeout; a year holds a few hundred to a couple of thousand.
 */
export function articleFolders(existing: readonly string[], now = new Date()): string[] {
  const year = isoDay(now).slice(0, 4);
  const all = [...new Set([...existing, year])];
  const years = all
    .filter((d) => /^\d{4}$/.test(d))
    .sort()
    .reverse();
  return [...years, ...all.filter((d) => !/^\d{4}$/.test(d)).sort()];
}
