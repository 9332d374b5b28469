import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';
import { articlesLoader } from './lib/content/articles-loader';
import { loadDataFile, type DataName } from './lib/content/data-files';
import { slugOf } from './lib/content/parse-article';
import { mdxArticlePatterns } from './lib/content/mdx-files';
import { articlesDir } from './lib/content/paths';
import {
  channelSchema,
  linkEntry,
  noticeSchema,
  partnerSchema,
  promoSchema,
  siteSchema,
} from './lib/schema/site';

/** A data collection read from one YAML file through the shared validator. */
const data = <S extends z.ZodTypeAny>(name: DataName, schema: S) =>
  defineCollection({
    loader: async () => loadDataFile(name).map((e) => ({ ...(e.data as object), id: e.id })),
    schema,
  });

const mdxPatterns = mdxArticlePatterns();

export const collections = {
  articles: defineCollection({ loader: articlesLoader() }),
  // Only bodies that use MDX features are compiled as modules; see mdx-detect.ts.
  articlesMdx: defineCollection({
    loader: mdxPatterns.length
      ? glob({
          pattern: mdxPatterns,
          base: articlesDir(),
          generateId: ({ entry }) => slugOf(entry),
        })
      : async () => [],
    schema: z.object({}).passthrough(),
  }),
  site: data('site', siteSchema),
  channels: data('channels', channelSchema),
  notices: data('notices', noticeSchema),
  friendLinks: data('friendLinks', linkEntry),
  alliance: data('alliance', linkEntry),
  partners: data('partners', partnerSchema),
  promos: data('promos', promoSchema),
};
