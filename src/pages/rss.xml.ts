import type { APIRoute } from 'astro';
import { getPortal } from '../data/portal';
import { feedResponse } from '../lib/feed-response';

export const GET: APIRoute = async () => {
  const portal = await getPortal();
  return feedResponse({
    title: portal.site.fullName,
    description: portal.site.description,
    path: '/',
    articles: portal.articles,
    channelName: (id) => portal.channel(id).data.name,
  });
};
