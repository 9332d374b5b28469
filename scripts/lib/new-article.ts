import { join } from 'node:path';
import { Document, Scalar } from 'yaml';
import { SLUG_RE } from '../../src/lib/schema/article';
import { isoDay } from '../../src/lib/dates';
import { stableSlug } from './import/article-file';

export interface NewArticleInput {
  title: string;
  channel: string;
  author?: string;
  editor?: string;
  slug?: string;
  source: string;
  now?: Date;
}

/**
 * The file `npm run new` writes: today's date in Beijing time, the default
 * 来源, and an ASCII slug (given, or the date plus a hash of the title, the
 * same scheme the importer uses). New articles start as drafts so a
 * half-written one is never published by accident.
 */
export function newArticle(
  input: NewArticleInput,
  articlesDir: string,
): { slug: string; abs: string; text: string } {
  const date = isoDay(input.now ?? new Date());
  const slug = input.slug ?? stableSlug({ date, title: input.title });
  if (!SLUG_RE.test(slug))
    throw new Error(
      `--slug 只能用小写英文字母、数字和连字符（-），例如 kaihua-dangjian (found ${JSON.stringify(slug)})`,
    );
  const doc = new Document({
    title: input.title.trim(),
    date,
    source: input.source,
    author: input.author ?? '',
    editor: input.editor ?? '',
    channel: input.channel,
    draft: true,
  });
  (doc.get('title', true) as Scalar).type = Scalar.QUOTE_DOUBLE;
  const text = `---\n${doc.toString({ lineWidth: 0 })}---\n\n在这里写正文。每段之间空一行。写好后删掉 draft: true 这一行即可发布。\n`;
  return { slug, abs: join(articlesDir, date.slice(0, 4), `${slug}.mdx`), text };
}
