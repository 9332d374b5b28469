/** Lighthouse category scores (0–100) over several runs: the median per category. */
export const LIGHTHOUSE_CATEGORIES = [
  'performance',
  'accessibility',
  'best-practices',
  'seo',
] as const;
export type Category = (typeof LIGHTHOUSE_CATEGORIES)[number];
export type Scores = Record<Category, number>;

export function median(values: readonly number[]): number {
  if (!values.length) throw new Error('median of nothing');
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function medianScores(runs: readonly Scores[]): Scores {
  return Object.fromEntries(
    LIGHTHOUSE_CATEGORIES.map((c) => [c, median(runs.map((r) => r[c]))]),
  ) as Scores;
}

/** Categories below `min`, e.g. ["performance 91"]. */
export function belowMinimum(scores: Scores, min: number): string[] {
  return LIGHTHOUSE_CATEGORIES.filter((c) => scores[c] < min).map((c) => `${c} ${scores[c]}`);
}
