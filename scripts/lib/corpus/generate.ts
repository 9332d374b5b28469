import { int, pick, rng } from './random';
import { GOALS, NAMES, ORGS, PLACES, SENTENCES, TOPICS, VERBS } from './vocabulary';

export interface CorpusOptions {
  articles: number;
  seed: number;
  channels: readonly string[];
  /** First and last year of the archive (Beijing time). */
  years?: [number, number];
}

export interface GeneratedArticle {
  path: string;
  text: string;
}

const ORDINALS = ['第一', '第二', '第三', '第四', '第五'];
const MARKERS = ['①', '②', '③', '④', '⑤'];

/**
 * Deterministic synthetic articles (1,500–4,000 characters of Chinese prose,
 * some GFM tables and lists, a few with an MDX component), spread over all
 * channels and years. Same options, same bytes.
 */
export function* generateCorpus(opts: CorpusOptions): Generator<GeneratedArticle> {
  const [from, to] = opts.years ?? [2011, 2025];
  const span = Date.UTC(to, 11, 31) - Date.UTC(from, 0, 1);
  for (let i = 0; i < opts.articles; i++) {
    const r = rng(opts.seed * 1_000_003 + i);
    const place = pick(r, PLACES),
      org = pick(r, ORGS),
      topic = pick(r, TOPICS);
    const title = `${place}${org}：${pick(r, VERBS)}“${topic}”${pick(r, GOALS)}`;
    const day = new Date(
      Date.UTC(from, 0, 1) +
        Math.floor((i / Math.max(1, opts.articles)) * span) +
        int(r, 0, 86_400_000 * 3),
    );
    const date = day.toISOString().slice(0, 10);
    const channel = opts.channels[i % opts.channels.length]!;
    const parts: string[] = [
      `近年来，${place}${org}党组织围绕“${topic}”，${pick(r, SENTENCES)}${pick(r, SENTENCES)}`,
    ];
    const target = int(r, 1500, 4000);
    let length = parts[0]!.length;
    for (let p = 0; length < target; p++) {
      const ord = ORDINALS[p % ORDINALS.length]!;
      let para = `${ord}，${pick(r, VERBS)}${pick(r, TOPICS)}。`;
      for (let k = 0; k < 5; k++) para += `${MARKERS[k]}${pick(r, SENTENCES)}`;
      parts.push(para);
      length += para.length;
    }
    if (i % 7 === 3) {
      parts.push(
        `| 项目 | ${from}年 | ${to}年 |\n| --- | --- | --- |\n| 党组织数 | ${int(r, 10, 90)} | ${int(r, 90, 300)} |\n| 党员人数 | ${int(r, 100, 900)} | ${int(r, 900, 3000)} |`,
      );
    }
    if (i % 5 === 1)
      parts.push(
        `主要做法：\n\n- ${pick(r, SENTENCES)}\n- ${pick(r, SENTENCES)}\n- ${pick(r, SENTENCES)}`,
      );
    if (i % 250 === 7) parts.push(`<Callout title="编者按">\n${pick(r, SENTENCES)}\n</Callout>`);
    const author = r() < 0.4 ? '' : pick(r, NAMES);
    const text = [
      '---',
      `title: "${title}"`,
      `date: ${date}`,
      `author: "${author}"`,
      `editor: ${pick(r, NAMES)}`,
      `channel: ${channel}`,
      `tags: [${topic}, ${org}]`,
      '---',
      '',
      parts.join('\n\n'),
      '',
    ].join('\n');
    const year = date.slice(0, 4);
    yield { path: `${year}/corpus-${String(i + 1).padStart(6, '0')}.mdx`, text };
  }
}
