/** What the importer reads out of one captured page of the old site. */
export interface LegacyPage {
  title: string;
  /** `2015-03-24` */
  date: string;
  source: string;
  author: string;
  editor: string;
  /** Channel id from content/data/channels.yaml, found by the breadcrumb's name. */
  channel: string;
  paragraphs: string[];
  /** Path of the page on the old site, when the capture kept it (saved HTML). */
  oldPath?: string;
  /** What the importer left out of this page and why (reported, exit code 1). */
  notes?: string[];
}

export interface ChannelName {
  id: string;
  name: string;
}

export type ParseResult = { ok: true; page: LegacyPage } | { ok: false; reason: string };
