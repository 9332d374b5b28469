import type { APIRoute, GetStaticPaths } from 'astro';
import { getPortal } from '../../../data/portal';
import { feedResponse } from '../../../lib/feed-response';
import { channelFeed } from '../../../lib/views/feeds';

export const getStaticPaths = (async () => {
  const portal = await getPortal();
  return portal.channels.map((c) => ({ params: { id: c.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  feedResponse(channelFeed(await getPortal(), params.id!));
