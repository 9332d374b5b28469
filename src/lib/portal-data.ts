/**
 * The portal's data as plain types, and how it is shaped from the collections:
 * published articles newest first, grouped by channel, with neighbours and
 * related articles. src/data/portal.ts reads the collections and calls
 * shapePortal; views and tests use the same shape without Astro.
 */
import type { z } from 'astro/zod';
import {
  byChannel,
  neighbours,
  publishedArticles,
  type Article,
  type Neighbours,
} from './articles';
import { relatedArticles } from './related';
import type { LinkEntry } from './schema/common';
import type {
  ChannelData,
  NoticeData,
  partnerSchema,
  PromoData,
  SiteSettings,
} from './schema/site';

export interface ChannelEntry {
  id: string;
  data: ChannelData;
}

export type PartnerData = z.output<typeof partnerSchema>;

export interface PortalData<A extends Article = Article, C extends ChannelEntry = ChannelEntry> {
  site: SiteSettings;
  /** In their `order`. */
  channels: C[];
  channel(id: string): C;
  /** Newest first. */
  notices: NoticeData[];
  friendLinks: LinkEntry[];
  alliance: LinkEntry[];
  partners: PartnerData[];
  promos: PromoData[];
  /** Published articles, newest first. */
  articles: A[];
  /** Newest first, per channel id (every channel present, maybe empty). */
  inChannel: Map<string, A[]>;
  neighbours: Map<string, Neighbours<A>>;
  related: Map<string, A[]>;
}

/** What the collections hold, in any order. */
export interface PortalSource<A extends Article, C extends ChannelEntry> {
  site: SiteSettings;
  channels: readonly C[];
  notices: readonly NoticeData[];
  friendLinks: readonly LinkEntry[];
  alliance: readonly LinkEntry[];
  partners: readonly PartnerData[];
  promos: readonly PromoData[];
  articles: readonly A[];
}

const byOrder =
  <T>(order: (x: T) => number) =>
  (a: T, b: T) =>
    order(a) - order(b);

export function shapePortal<A extends Article, C extends ChannelEntry>(
  src: PortalSource<A, C>,
  publish: { now: Date; preview: boolean },
): PortalData<A, C> {
  const articles = publishedArticles(src.articles, publish);
  const channels = [...src.channels].sort(byOrder((c) => c.data.order));
  const grouped = byChannel(articles);
  const inChannel = new Map(channels.map((c) => [c.id, grouped.get(c.id) ?? []]));
  const nb = new Map<string, Neighbours<A>>();
  for (const list of inChannel.values()) for (const [id, n] of neighbours(list)) nb.set(id, n);
  const sorted = <T extends { order: number }>(list: readonly T[]) =>
    [...list].sort(byOrder((x) => x.order));
  return {
    site: src.site,
    channels,
    channel: (id) => channels.find((c) => c.id === id)!,
    notices: [...src.notices].sort((a, b) => b.date.localeCompare(a.date)),
    friendLinks: sorted(src.friendLinks),
    alliance: sorted(src.alliance),
    partners: sorted(src.partners),
    promos: sorted(src.promos),
    articles,
    inChannel,
    neighbours: nb,
    related: relatedArticles(articles),
  };
}
