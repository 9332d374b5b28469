import type { ArticleData } from './schema/article';

/** The shape of a collection entry the helpers need (CollectionEntry<'articles'>). */
export interface Article {
  id: string;
  data: ArticleData;
}

export interface PublishOptions {
  /** Build time; articles dated later are scheduled, not published. */
  now: Date;
  /** Show drafts and scheduled articles (astro dev). */
  preview: boolean;
}

export function isPublished(
  a: { data: Pick<ArticleData, 'draft' | 'date'> },
  { now, preview }: PublishOptions,
): boolean {
  return preview || (!a.data.draft && a.data.date.getTime() <= now.getTime());
}

/** Newest first; the id breaks ties so the order never depends on load order. */
export function compareNewest(a: Article, b: Article): number {
  return b.data.date.getTime() - a.data.date.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function publishedArticles<T extends Article>(all: readonly T[], opts: PublishOptions): T[] {
  return all.filter((a) => isPublished(a, opts)).sort(compareNewest);
}

/** Groups newest-first articles by channel, keeping the order. */
export function byChannel<T extends Article>(sorted: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const a of sorted) {
    const list = map.get(a.data.channel);
    if (list) list.push(a);
    else map.set(a.data.channel, [a]);
  }
  return map;
}

export interface Neighbours<T> {
  /** 上一篇: the next older article in the same channel. */
  previous?: T;
  /** 下一篇: the next newer article in the same channel. */
  next?: T;
}

/** Neighbours of every article within its channel, by date. */
export function neighbours<T extends Article>(
  channelNewestFirst: readonly T[],
): Map<string, Neighbours<T>> {
  const out = new Map<string, Neighbours<T>>();
  channelNewestFirst.forEach((a, i) => {
    out.set(a.id, {
      previous: channelNewestFirst[i + 1],
      next: i > 0 ? channelNewestFirst[i - 1] : undefined,
    });
  });
  return out;
}
