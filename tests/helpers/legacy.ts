import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from './site';

const NAME = '000_4abb2779c9bff8c5.txt';
/** A copy kept with the tests, so they also run where ../shared is absent (CI). */
export const CAPTURE_COPY = join(ROOT, 'tests/fixtures/legacy', NAME);

/** The original capture in ../shared/legacy, looked up from the repository upwards. */
export function sharedCapturePath(): string | undefined {
  for (let dir = ROOT; ; dir = dirname(dir)) {
    const p = join(dir, 'shared/legacy', NAME);
    if (existsSync(p)) return p;
    if (dirname(dir) === dir) return undefined;
  }
}

export interface Capture {
  title: string;
  metaLine: string;
  /** Body paragraphs, trimmed, in order. */
  paragraphs: string[];
  alliance: string[];
  friendLinks: string[];
  partners: string[];
}

/** Reads the legacy page's regions from the plain-text capture. */
export function readCapture(path = sharedCapturePath() ?? CAPTURE_COPY): Capture {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  const at = (pred: (l: string) => boolean, from = 0) => {
    const i = lines.findIndex((l, k) => k >= from && pred(l));
    if (i < 0) throw new Error(`capture: region not found after line ${from}`);
    return i;
  };
  const meta = at((l) => l.startsWith('2015年03月24日 来源'));
  const promo = at((l) => l.startsWith('中国非公企业党建由'), meta);
  const title = lines
    .slice(0, meta)
    .filter((l) => l.trim())
    .at(-1)!
    .trim();
  const namesAfter = (heading: string) =>
    lines[at((l) => l.trim() === heading) + 2]!.trim().split(/\s+/);
  return {
    title,
    metaLine: lines[meta]!.trim(),
    paragraphs: lines
      .slice(meta + 1, promo)
      .map((l) => l.trim())
      .filter(Boolean),
    alliance: namesAfter('两新网站联盟'),
    friendLinks: namesAfter('友情链接'),
    partners: namesAfter('战略合作'),
  };
}
