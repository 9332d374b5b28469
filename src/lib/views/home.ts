import type { Article } from '../articles';
import { formatChineseDate, isoShanghai } from '../dates';
import type { PortalData } from '../portal-data';
import { articlePath, channelPath } from '../urls';
import { noticeLink } from './notices';

/** The lead article and the headline list under it. */
export const HEADLINES = 6;
export const PER_CHANNEL = 8;
export const HOME_NOTICES = 5;

/** The home page: headlines, the latest notices, promos and one block per home channel. */
export function homeView<A extends Article>(portal: PortalData<A>) {
  const [lead, ...headlines] = portal.articles.slice(0, HEADLINES);
  return {
    fullName: portal.site.fullName,
    lead: lead && {
      href: articlePath(lead.id),
      title: lead.data.title,
      datetime: isoShanghai(lead.data.date),
      day: formatChineseDate(lead.data.date),
      channelName: portal.channel(lead.data.channel).data.name,
      excerpt: lead.data.excerpt,
    },
    headlines,
    notices: portal.notices.slice(0, HOME_NOTICES).map(noticeLink),
    promos: portal.promos,
    blocks: portal.channels
      .filter((c) => c.data.home)
      .map((c) => ({
        id: c.id,
        name: c.data.name,
        englishName: c.data.englishName,
        href: channelPath(c.id),
        items: (portal.inChannel.get(c.id) ?? []).slice(0, PER_CHANNEL),
      })),
  };
}
