/**
 * Response headers for the CDN, as `_headers` rules (the format Netlify and
 * Cloudflare Pages read). Cache rules never overlap — Cloudflare joins the
 * values of overlapping rules, Netlify lets the last one win — so each path
 * gets exactly one Cache-Control; the other security headers sit in `/*`.
 */
import { DIRECTORY_DIR } from '../search/word-directory';
import { FIRST_PAGES_DIR } from '../search/first-pages';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'public, max-age=0, must-revalidate';

export interface HeaderRule {
  path: string;
  headers: [name: string, value: string][];
}
export interface DirEntry {
  name: string;
  dir: boolean;
  /** Listed for Pagefind's shard folders (s1, s2, …). */ children?: DirEntry[];
}

/** Folders whose file names carry a content hash (never change in place). */
const HASHED_DIRS = ['_astro'];
const PAGEFIND_HASHED_DIRS = ['fragment', 'index', 'filter'];

/** The security headers of every response except the CSP, which withCsp adds per route. */
export function securityHeaders(): [string, string][] {
  return [
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
    // frame-ancestors is the rule; X-Frame-Options covers browsers without CSP 2.
    ['X-Frame-Options', 'DENY'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
  ];
}

/**
 * One rule per top-level entry of the output (and per Pagefind entry):
 * hashed assets are immutable, everything else (HTML, feeds, sitemap,
 * robots.txt, reader.js, Pagefind's entry files) revalidates.
 */
export function cacheRules(
  top: readonly DirEntry[],
  pagefind: readonly DirEntry[] = [],
): HeaderRule[] {
  const rules: HeaderRule[] = [];
  const cache = (path: string, value: string, more: [string, string][] = []) =>
    rules.push({ path, headers: [['Cache-Control', value], ...more] });
  for (const e of [...top].sort(byName)) {
    if (e.name === '_headers' || e.name === '_redirects') continue;
    if (e.name === 'pagefind' && e.dir) {
      pagefindRules('/pagefind/', pagefind, cache);
      continue;
    }
    if (e.dir) cache(`/${e.name}/*`, HASHED_DIRS.includes(e.name) ? IMMUTABLE : REVALIDATE);
    else {
      if (e.name === 'index.html') cache('/', REVALIDATE);
      cache(`/${e.name}`, REVALIDATE);
    }
  }
  return rules;
}

/** Where search runs: its page (Pagefind on its main thread), and Pagefind's files (a worker would get its CSP from its own response). */
const SEARCH_PATHS = ['/search/', '/pagefind/'];

/**
 * The CSP goes on each cache rule rather than on `/*`: the cache rules never
 * overlap, so the search routes can have a CSP of their own ('wasm-unsafe-eval')
 * without Cloudflare joining two policies (a browser enforces both, and the
 * stricter one would block Pagefind's WebAssembly). Paths that match no rule
 * (a 404 for an unknown top-level name) get the other security headers only.
 */
export function withCsp(
  rules: readonly HeaderRule[],
  csp: { site: string; search: string },
): HeaderRule[] {
  return rules.map((r) => ({
    path: r.path,
    headers: [
      ...r.headers,
      [
        'Content-Security-Policy',
        SEARCH_PATHS.some((p) => r.path.startsWith(p)) ? csp.search : csp.site,
      ],
    ],
  }));
}

/**
 * Pagefind writes its index, metadata and WebAssembly as gzip streams and
 * inflates them in JavaScript on the page's main thread, unless the browser
 * already did: sent as `Content-Encoding: gzip` (the same bytes on the
 * wire), the browser inflates them natively, off the main thread, and
 * Pagefind sees its `pagefind_dcd` signature and skips its own gunzip. A
 * host that drops the header costs nothing but that time.
 */
const GZIPPED: [string, string][] = [['Content-Encoding', 'gzip']];
const isPagefindGzip = (name: string) =>
  name.endsWith('.pf_meta') || /^wasm\.[^/]+\.pagefind$/.test(name);

/** A Pagefind bundle: hashed folders and .pf_meta files are immutable; a shard folder (s1, …) is a bundle too. */
function pagefindRules(
  prefix: string,
  entries: readonly DirEntry[],
  cache: (path: string, value: string, more?: [string, string][]) => void,
): void {
  for (const p of [...entries].sort(byName)) {
    if (p.dir && p.children && /^s\d+$/.test(p.name))
      pagefindRules(`${prefix}${p.name}/`, p.children, cache);
    else if (p.dir && PAGEFIND_HASHED_DIRS.includes(p.name))
      cache(`${prefix}${p.name}/*`, IMMUTABLE, GZIPPED);
    // The word directory and the first pages: plain files in folders named by their content.
    else if (p.dir && (p.name === DIRECTORY_DIR || p.name === FIRST_PAGES_DIR))
      cache(`${prefix}${p.name}/*`, IMMUTABLE);
    else if (p.dir) cache(`${prefix}${p.name}/*`, REVALIDATE);
    else
      cache(
        `${prefix}${p.name}`,
        p.name.endsWith('.pf_meta') ? IMMUTABLE : REVALIDATE,
        isPagefindGzip(p.name) ? GZIPPED : [],
      );
  }
}

const byName = (a: DirEntry, b: DirEntry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * The first line of every `_headers` the build writes. scripts/lib/build
 * also reads it as the sign that an output folder is the build's own.
 */
export const HEADERS_FILE_HEAD =
  '# Written by src/integrations/headers.ts at build time; do not edit.\n';

export function renderHeaders(rules: readonly HeaderRule[]): string {
  return (
    HEADERS_FILE_HEAD +
    rules
      .map((r) => `${r.path}\n${r.headers.map(([n, v]) => `  ${n}: ${v}\n`).join('')}`)
      .join('\n')
  );
}

/** Reads a `_headers` file (used to serve the built site with its headers in tests). */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: [] });
      continue;
    }
    const i = line.indexOf(':');
    const rule = rules.at(-1);
    if (!rule || i < 0) throw new Error(`_headers: 无法解析的行: ${line}`);
    rule.headers.push([line.slice(0, i).trim(), line.slice(i + 1).trim()]);
  }
  return rules;
}

/** `*` matches anything (splat), `:name` one path segment — as Netlify and Cloudflare do. */
function patternRegExp(pattern: string): RegExp {
  const src = pattern
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) =>
      part === '*'
        ? '.*'
        : part.startsWith(':')
          ? '[^/]+'
          : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
    );
  return new RegExp(`^${src.join('')}$`);
}

/** The headers a request for `path` gets; a later rule overrides an earlier one's header. */
export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rules)
    if (patternRegExp(r.path).test(path)) for (const [n, v] of r.headers) out[n] = v;
  return out;
}
