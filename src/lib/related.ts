import { byChannel, compareNewest, type Article } from './articles';

export const RELATED_COUNT = 5;

/** Title terms: CJK character bigrams and Latin/number words, lower-cased. */
export function titleTerms(title: string): Set<string> {
  const terms = new Set<string>();
  for (const run of title.toLowerCase().match(/[\p{Script=Han}]+|[a-z0-9]+/gu) ?? []) {
    if (/^[a-z0-9]+$/.test(run)) terms.add(run);
    else if (run.length === 1) terms.add(run);
    else for (let i = 0; i + 1 < run.length; i++) terms.add(run.slice(i, i + 2));
  }
  return terms;
}

/**
 * 相关稿件 for every article, computed once for the whole site: shared tags
 * (3 points each), shared title terms (1 each) and the same channel (1).
 * Terms that occur in very many titles are ignored (they say nothing), which
 * also keeps the work near-linear in the number of articles. An article's own
 * `related` list replaces the computed one. Ties go to the newer article, then
 * the id, so the result is deterministic.
 */
export function relatedArticles<T extends Article>(
  articles: readonly T[],
  count = RELATED_COUNT,
): Map<string, T[]> {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const postings = new Map<string, number[]>();
  const termsOf = articles.map((a, i) => {
    const terms = [...titleTerms(a.data.title)].map((t) => `w:${t}`);
    for (const tag of a.data.tags) terms.push(`t:${tag}`);
    for (const t of terms) {
      const list = postings.get(t);
      if (list) list.push(i);
      else postings.set(t, [i]);
    }
    return terms;
  });
  const maxDf = Math.max(25, Math.ceil(articles.length * 0.02));
  const channels = byChannel([...articles].sort(compareNewest));
  const position = new Map<string, number>();
  for (const list of channels.values()) list.forEach((a, k) => position.set(a.id, k));
  const out = new Map<string, T[]>();
  // One score slot per article, reset after each use: a Map per article was
  // most of the cost at 10,000 articles.
  const score = new Int32Array(articles.length);
  const touched: number[] = [];
  articles.forEach((a, i) => {
    if (a.data.related.length) {
      out.set(
        a.id,
        a.data.related.map((id) => byId.get(id)).filter((x): x is T => !!x && x.id !== a.id),
      );
      return;
    }
    for (const t of termsOf[i]!) {
      const list = postings.get(t)!;
      if (list.length > maxDf) continue;
      const weight = t.startsWith('t:') ? 3 : 1;
      for (const j of list) {
        if (j === i) continue;
        if (score[j] === 0) touched.push(j);
        score[j] += weight;
      }
    }
    // The best `count` by score, then newest, then id: a total order, so
    // keeping a small sorted top list equals sorting every candidate.
    const top: { b: T; s: number }[] = [];
    const better = (x: { b: T; s: number }, y: { b: T; s: number }) =>
      y.s - x.s || compareNewest(x.b, y.b);
    for (const j of touched) {
      const s = score[j]! + (articles[j]!.data.channel === a.data.channel ? 1 : 0);
      score[j] = 0;
      if (s < 2) continue;
      const x = { b: articles[j]!, s };
      if (top.length === count && better(x, top[count - 1]!) >= 0) continue;
      let k = top.length;
      while (k > 0 && better(x, top[k - 1]!) < 0) k--;
      top.splice(k, 0, x);
      if (top.length > count) top.pop();
    }
    touched.length = 0;
    const ranked = top.map((x) => x.b);
    if (ranked.length < count) {
      // Too few similar titles: fill with the channel's articles nearest in date.
      const taken = new Set([a.id, ...ranked.map((r) => r.id)]);
      const list = channels.get(a.data.channel)!;
      const at = position.get(a.id)!;
      for (let d = 1; ranked.length < count && (at - d >= 0 || at + d < list.length); d++) {
        for (const b of [list[at + d], list[at - d]]) {
          if (b && !taken.has(b.id) && ranked.length < count) {
            ranked.push(b);
            taken.add(b.id);
          }
        }
      }
    }
    out.set(a.id, ranked);
  });
  return out;
}
