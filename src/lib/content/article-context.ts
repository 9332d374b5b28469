import { loadDataFile } from './data-files';
import type { ArticleContext } from './parse-article';

/** What article validation needs from the site data: channel ids and the default 来源. */
export function articleContext(dataDir?: string): ArticleContext {
  const channels = loadDataFile('channels', dataDir);
  const site = loadDataFile('site', dataDir)[0]!.data;
  return {
    channelIds: channels.map((c) => c.id),
    channelLabels: channels.map((c) => `${c.id}（${c.data.name}）`),
    defaultSource: site.fullName,
  };
}
