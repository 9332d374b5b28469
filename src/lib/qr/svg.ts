import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import QRCode from 'qrcode';
import { buildCacheDir } from '../content/paths';

/**
 * Inline-SVG QR codes, remembered across builds. Choosing a QR code's mask
 * costs about a millisecond, and every article page has its own URL, so a
 * warm build of 10,000 pages would spend ten seconds redrawing codes it drew
 * last time. Codes are appended to a JSON-lines file in the build cache
 * (Astro's cacheDir) and read back on the next build; a truncated last line
 * (a build killed mid-write) is ignored.
 */
const OPTIONS = { type: 'svg', margin: 1, errorCorrectionLevel: 'M' } as const;
/** Bump when OPTIONS or the qrcode version change, so old codes are not reused. */
export const QR_CACHE_KEY = `qrcode-1.5.4 m1 M`;

export function qrCacheFile(): string {
  return join(buildCacheDir(), 'feigong-qr.jsonl');
}

let memo: Map<string, string> | undefined;
let memoFile: string | undefined;

function load(file: string): Map<string, string> {
  const map = new Map<string, string>();
  if (!existsSync(file)) return map;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    try {
      const [key, text, svg] = JSON.parse(line) as [string, string, string];
      if (key === QR_CACHE_KEY) map.set(text, svg);
    } catch {
      // An unfinished line from an interrupted build.
    }
  }
  return map;
}

/** The QR code of `text` as an SVG string, from the cache when it was drawn before. */
export async function qrSvg(text: string, file = qrCacheFile()): Promise<string> {
  if (!memo || memoFile !== file) {
    memo = load(file);
    memoFile = file;
  }
  const hit = memo.get(text);
  if (hit !== undefined) return hit;
  const svg = await QRCode.toString(text, OPTIONS);
  memo.set(text, svg);
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify([QR_CACHE_KEY, text, svg])}\n`);
  return svg;
}
