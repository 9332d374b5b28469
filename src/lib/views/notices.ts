import type { PortalData } from '../portal-data';
import type { NoticeData } from '../schema/site';
import { articlePath, externalRel } from '../urls';

/** A notice as a link: its own URL, or the article it points to, or none (plain text). */
export interface NoticeLink {
  title: string;
  href?: string | undefined;
  rel?: string | undefined;
}

export function noticeLink(n: NoticeData): NoticeLink {
  if (n.url) return { title: n.title, href: n.url, rel: externalRel(n.url) };
  if (n.article) return { title: n.title, href: articlePath(n.article) };
  return { title: n.title };
}

/** 公告: every notice, newest first, with its day written out (2015年03月24日). */
export function noticesView(portal: Pick<PortalData, 'notices'>) {
  return portal.notices.map((n) => ({
    ...noticeLink(n),
    date: n.date,
    day: n.date.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1年$2月$3日'),
  }));
}
