import type { APIRoute } from 'astro';
import { getPortal } from '../data/portal';
import { feedResponse } from '../lib/feed-response';
import { siteFeed } from '../lib/views/feeds';

export const GET: APIRoute = async () => feedResponse(siteFeed(await getPortal()));
