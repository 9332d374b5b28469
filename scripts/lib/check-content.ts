import type { Problem } from '../../src/lib/schema/messages';
import { DATA_FILES, readDataFile, type DataName } from '../../src/lib/content/data-files';
import { readArticles } from '../../src/lib/content/read-articles';

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
  const channels = readDataFile('channels').entries;
  const site = readDataFile('site').entries[0]?.data;
  const { articles, problems: articleProblems } = readArticles({
    channelIds: channels.map((c) => c.id),
    channelLabels: channels.map((c) => `${c.id}（${c.data.name}）`),
    defaultSource: site?.fullName ?? '',
  });
  problems.push(...articleProblems);
  return { problems, articles: articles.length, dataFiles: Object.keys(DATA_FILES).length };
}
