import type { APIRoute, GetStaticPaths } from 'astro';
import { getPortal } from '../../../data/portal';
import { feedResponse } from '../../../lib/feed-response';
import { channelPath } from '../../../lib/urls';

export const getStaticPaths = (async () => {
  const portal = await getPortal();
  return portal.channels.map((c) => ({ params: { id: c.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const portal = await getPortal();
  const channel = portal.channel(params.id!);
  return feedResponse({
    title: `${channel.data.name} - ${portal.site.fullName}`,
    description: channel.data.description,
    path: channelPath(channel.id),
    articles: portal.inChannel.get(channel.id) ?? [],
    channelName: (id) => portal.channel(id).data.name,
  });
};
