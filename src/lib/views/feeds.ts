import type { PortalData } from '../portal-data';
import { channelPath } from '../urls';

/** The site's feed: every published article. */
export function siteFeed(portal: PortalData) {
  return {
    title: portal.site.fullName,
    description: portal.site.description,
    path: '/',
    articles: portal.articles,
    channelName: (id: string) => portal.channel(id).data.name,
  };
}

/** One channel's feed. */
export function channelFeed(portal: PortalData, id: string) {
  const channel = portal.channel(id);
  return {
    title: `${channel.data.name} - ${portal.site.fullName}`,
    description: channel.data.description,
    path: channelPath(channel.id),
    articles: portal.inChannel.get(channel.id) ?? [],
    channelName: (cid: string) => portal.channel(cid).data.name,
  };
}
