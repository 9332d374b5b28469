/**
 * A small generated corpus for the search-quality test: filler prose that
 * contains none of the query characters, planted phrases, and decoys that
 * contain a phrase's characters or words but not the phrase itself.
 * Expected result sets are computed from the generated text with query.ts,
 * never written down by hand.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { matches, normalize, parseQuery } from '../../src/lib/search/query';
import { buildSite, ROOT } from './site';

export interface QualityQuery {
  q: string;
  /** Phrase queries must reach recall 1.0 and precision@10 ≥ 0.95. */
  kind: 'phrase' | 'char' | 'mixed' | 'absent';
  plant?: string;
  decoys?: string[];
}

export const QUALITY_QUERIES: QualityQuery[] = [
  { q: '党群共建', kind: 'phrase', decoys: ['党群关系和共同建设', '共建党群', '党和群众共建'] },
  { q: '红色引擎', kind: 'phrase', decoys: ['红色的引擎', '引擎红色', '红色发动机引擎'] },
  { q: '两新组织', kind: 'phrase', decoys: ['两个新组织', '新组织两个', '两新的组织'] },
  { q: '党组织', kind: 'phrase', decoys: ['党的组织', '组织党员', '党员组织'] },
  // Five or more characters are asked for by a cover of their bigrams (非公 企业 党建,
  // tokens.ts pairStarts): these decoys hold the whole cover but not the phrase.
  {
    q: '非公企业党建',
    kind: 'phrase',
    decoys: ['非公有制企业的党建', '企业党建非公', '非公企业和党建'],
  },
  { q: '“党群 共建”', kind: 'phrase', plant: '党群 共建', decoys: ['党群共建'] },
  { q: '党员 示范岗', kind: 'phrase', plant: '党员示范岗', decoys: ['党员', '示范岗'] },
  { q: '践', kind: 'char', plant: '实践', decoys: ['时间'] },
  { q: '5G', kind: 'mixed', plant: '5G基站', decoys: ['5个G点', '4G网络'] },
  { q: 'GDP', kind: 'mixed', plant: 'GDP增长', decoys: ['GP增长', 'G D P'] },
  { q: 'AI党建', kind: 'mixed', plant: 'AI党建平台', decoys: ['AI平台和党建', '党建AI'] },
  { q: '台风', kind: 'absent' },
];

// Filler words; any word sharing a character with a query is dropped below.
const FILLER = [
  '企业',
  '发展',
  '服务',
  '社会',
  '经济',
  '会议',
  '推进',
  '提升',
  '质量',
  '创新',
  '管理',
  '制度',
  '机制',
  '人才',
  '培训',
  '文化',
  '活动',
  '职工',
  '生产',
  '经营',
  '公司',
  '技术',
  '项目',
  '市场',
  '产品',
  '效益',
  '合作',
  '交流',
  '学习',
  '教育',
  '规划',
  '目标',
  '任务',
  '措施',
  '成效',
  '经验',
  '典型',
  '先进',
  '模范',
  '责任',
  '安全',
  '环境',
  '资源',
  '能力',
  '水平',
  '标准',
  '规范',
  '流程',
  '考核',
  '评价',
  '县里',
  '园区',
];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

export interface QualityArticle {
  slug: string;
  title: string;
  date: string;
  channel: string;
  body: string;
}

export function generateQualityCorpus(opts: {
  articles?: number;
  seed?: number;
  channels: readonly string[];
}): QualityArticle[] {
  const n = opts.articles ?? 120;
  const r = rng(opts.seed ?? 7);
  const banned = new Set(
    QUALITY_QUERIES.flatMap((q) => [...q.q, ...(q.plant ?? '')]).filter((c) => /\p{L}/u.test(c)),
  );
  const words = FILLER.filter((w) => ![...w].some((c) => banned.has(c)));
  const sentence = () =>
    Array.from(
      { length: 4 + Math.floor(r() * 6) },
      () => words[Math.floor(r() * words.length)],
    ).join('') + '。';
  const paragraphs: string[][] = Array.from({ length: n }, () =>
    Array.from({ length: 3 }, () => Array.from({ length: 4 }, sentence).join('')),
  );
  const titles: string[] = Array.from(
    { length: n },
    (_, i) => `质量测试第${i + 1}篇：${words[i % words.length]}${words[(i * 7) % words.length]}`,
  );
  const insert = (i: number, text: string, inTitle: boolean) => {
    if (inTitle) titles[i] = `${titles[i]}${text}`;
    else {
      const p = paragraphs[i]!;
      const k = Math.floor(r() * p.length);
      const cut = p[k]!.indexOf('。', Math.floor(r() * p[k]!.length));
      p[k] = cut === -1 ? `${p[k]}${text}。` : `${p[k]!.slice(0, cut)}，${text}${p[k]!.slice(cut)}`;
    }
  };
  for (const q of QUALITY_QUERIES) {
    if (q.kind === 'absent') continue;
    const plant = q.plant ?? q.q;
    const hits = 3 + Math.floor(r() * 14);
    for (let h = 0; h < hits; h++) {
      const i = Math.floor(r() * n);
      for (let rep = Math.floor(r() * 3); rep >= 0; rep--) insert(i, plant, h === 0 && rep === 0);
    }
    for (const decoy of q.decoys ?? [])
      for (let d = 0; d < 6; d++) insert(Math.floor(r() * n), decoy, false);
  }
  return paragraphs.map((p, i) => ({
    slug: `quality-${String(i + 1).padStart(4, '0')}`,
    title: titles[i]!,
    date: new Date(Date.UTC(2011 + (i % 14), i % 12, 1 + (i % 27))).toISOString().slice(0, 10),
    channel: opts.channels[i % opts.channels.length]!,
    body: p.join('\n\n'),
  }));
}

/** The articles a query must return, by the shared contract. */
export function expectedFor(q: string, articles: readonly QualityArticle[]): Set<string> {
  const terms = parseQuery(q);
  return new Set(
    articles.filter((a) => matches({ title: a.title, text: a.body }, terms)).map((a) => a.slug),
  );
}

export function toMdx(a: QualityArticle): string {
  return `---\ntitle: "${a.title}"\ndate: ${a.date}\neditor: 测试\nchannel: ${a.channel}\n---\n\n${a.body}\n`;
}

export { normalize };

/**
 * Builds a site from generated articles with the sample's data files, in small
 * search shards (40 articles), so results must be gathered across several
 * Pagefind bundles. Content lives inside the project root (Astro's content
 * layer requires it), under `.test-output/<name>-content`.
 */
export function buildCorpusSite(name: string, articles: QualityArticle[]): string {
  const content = join(ROOT, `.test-output/${name}-content`);
  rmSync(content, { recursive: true, force: true });
  cpSync(join(ROOT, 'content/data'), join(content, 'data'), { recursive: true });
  mkdirSync(join(content, 'articles'));
  for (const a of articles) writeFileSync(join(content, 'articles', `${a.slug}.mdx`), toMdx(a));
  const built = buildSite({
    content,
    outDir: join(ROOT, `.test-output/${name}`),
    env: { FEIGONG_SEARCH_SHARD_SIZE: '40' },
  });
  if (built.status !== 0) throw new Error(built.output);
  return built.outDir;
}
