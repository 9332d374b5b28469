/**
 * What an old address (`aliases`) may be: a plain path of the old site. One
 * rule for the check, the importer and the build. A CDN's `_redirects` reads
 * `*` and `:name` as patterns, `?`/`#` never reach a static host, dot segments
 * and backslashes resolve to other paths, and each alias becomes a file in the
 * output, so none of these may slip through.
 */

export type AliasResult =
  | {
      ok: true;
      /** Canonical form: percent-decoded UTF-8 (`/content/中.htm`), as files are named. */
      path: string;
      /** What a browser sends for it (`/content/%E4%B8%AD.htm`). */
      encoded: string;
    }
  | { ok: false; message: string; expected: string };

export const ALIAS_EXPECTED = '旧网站的普通路径，例如 /content/2015-03/24/content_123.htm';

/** Files and folders the build writes itself; an alias there would replace or shadow them. */
const RESERVED_FILES = new Set(['/', '/index.html', '/404.html', '/robots.txt', '/rss.xml']);
const RESERVED_PREFIXES = ['/_astro/', '/pagefind/', '/search/'];
const RESERVED_RE = /^\/sitemap[^/]*\.xml$/i;

/** Characters that mean something to a host, a `_redirects` file or a file system. */
const FORBIDDEN = /[*:?#\\"<>|^`{}[\]%\s\p{Cc}\p{Cf}]/u;
/** Longest segment in UTF-8 bytes: each one becomes a file or folder name (limit 255). */
const MAX_SEGMENT_BYTES = 200;

const refuse = (message: string): AliasResult => ({ ok: false, message, expected: ALIAS_EXPECTED });

export function checkAlias(raw: string): AliasResult {
  if (!raw.startsWith('/')) return refuse('旧网址必须以 / 开头');
  if (/%(?![0-9a-f]{2})/i.test(raw))
    return refuse('旧网址里的 % 后面必须是两位十六进制数（如 %E4）');
  const segments = raw.slice(1).split('/');
  const decoded: string[] = [];
  for (const [i, seg] of segments.entries()) {
    let s: string;
    try {
      s = decodeURIComponent(seg);
    } catch {
      return refuse('旧网址里的 %XX 编码不是有效的 UTF-8');
    }
    if (s === '' && i < segments.length - 1) return refuse('旧网址里不能有连续的 //');
    if (s === '.' || s === '..') return refuse('旧网址里不能有 . 或 .. 这样的路径段');
    if (s.includes('/')) return refuse('旧网址里不能有编码后的 /（%2F）');
    const bad = FORBIDDEN.exec(s)?.[0];
    if (bad !== undefined) {
      const shown = /[\s\p{C}]/u.test(bad)
        ? `U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
        : bad;
      return refuse(
        `旧网址里不能有 ${shown}（* : ? # \\ % 空格、控制字符等在跳转规则或文件名里有特殊含义）`,
      );
    }
    if (s.startsWith('.')) return refuse('旧网址的路径段不能以 . 开头（隐藏文件）');
    if (Buffer.byteLength(s) > MAX_SEGMENT_BYTES)
      return refuse(`旧网址的每一段不能超过 ${MAX_SEGMENT_BYTES} 字节`);
    decoded.push(s);
  }
  const path = `/${decoded.join('/')}`;
  if (
    RESERVED_FILES.has(path) ||
    RESERVED_PREFIXES.some((p) => `${path}/`.startsWith(p)) ||
    RESERVED_RE.test(path) ||
    decoded[0]!.startsWith('_')
  ) {
    return refuse(
      '旧网址与构建自己生成的文件相同（如 /_headers、/_redirects、/404.html、/pagefind/…）',
    );
  }
  return { ok: true, path, encoded: encodeURI(path) };
}
