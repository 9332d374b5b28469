import type { Problem } from '../../src/lib/schema/messages';
import { DATA_FILES, readDataFile, type DataName } from '../../src/lib/content/data-files';
import { readArticles } from '../../src/lib/content/read-articles';
import type { ArticleContext } from '../../src/lib/content/parse-article';

export interface CheckResult {
  problems: Problem[];
  articles: number;
  dataFiles: number;
}

/**
 * Everything `npm run check` validates, in one pass: every data file, then
 * every article through the same path the Astro loader uses. Broken site data
 * does not stop the article checks; they run against whatever data is valid.
 */
export function checkContent(): CheckResult {
  const problems: Problem[] = [];
  for (const name of Object.keys(DATA_FILES) as DataName[])
    problems.push(...readDataFile(name).problems);
  const { articles, problems: articleProblems } = readArticles(articleContext());
  problems.push(...articleProblems);
  return { problems, articles: articles.length, dataFiles: Object.keys(DATA_FILES).length };
}

/** What article validation needs from the site data (`dataDir`: another checkout's content/data). */
export function articleContext(dataDir?: string): ArticleContext {
  const channels = readDataFile('channels', dataDir).entries;
  const site = readDataFile('site', dataDir).entries[0]?.data;
  return {
    channelIds: channels.map((c) => c.id),
    channelLabels: channels.map((c) => `${c.id}（${c.data.name}）`),
    defaultSource: site?.fullName ?? '',
  };
}
