import type { Article } from '../articles';
import { paginate, type Page } from '../paginate';
import type { ChannelEntry, PortalData } from '../portal-data';
import { channelFeedPath, channelPath } from '../urls';

/** Every page of every channel's list, as getStaticPaths wants them (page 1 has no number). */
export function channelPaths<A extends Article, C extends ChannelEntry>(portal: PortalData<A, C>) {
  return portal.channels.flatMap((channel) =>
    paginate(portal.inChannel.get(channel.id) ?? []).map((page) => ({
      params: { id: channel.id, page: page.current === 1 ? undefined : String(page.current) },
      props: { channel, page },
    })),
  );
}

/** One page of a channel's list. */
export function channelPageView<A extends Article>(channel: ChannelEntry, page: Page<A>) {
  const { id, data } = channel;
  return {
    id,
    name: data.name,
    englishName: data.englishName,
    description: data.description,
    title: page.current > 1 ? `${data.name}（第 ${page.current} 页）` : data.name,
    feed: { title: `${data.name} RSS`, href: channelFeedPath(id) },
    items: page.items,
    current: page.current,
    total: page.total,
    pageHref: (n: number) => channelPath(id, n),
  };
}
