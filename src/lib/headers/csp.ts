/**
 * The Content-Security-Policy of the portal. Scripts only from the site
 * itself (no 'unsafe-inline'): public/js/reader.js is a classic deferred file,
 * JSON-LD blocks are data (CSP does not apply to them), and any other inline
 * script or <style> must be listed by hash. The hashes come from the <head>
 * of the built pages only — where the templates and Astro put their inline
 * code — never from <body>, where article content is: content can never add
 * a hash (inlineHashes reports body blocks so the build can refuse them).
 */
import { createHash } from 'node:crypto';
import { Parser } from 'htmlparser2';

export interface CspSources {
  scriptHashes?: readonly string[];
  styleHashes?: readonly string[];
  /**
   * 'wasm-unsafe-eval', for the search page only: Pagefind's index runs as
   * WebAssembly, which Chromium refuses to compile under a script-src without
   * it. It allows compiling WebAssembly only, never JS eval().
   */
  wasm?: boolean;
}

/**
 * img-src allows https: because editors may use full https:// addresses for
 * a cover or a body image (the check accepts them, as the README says); an
 * image cannot run script, and refusing them would break content that the
 * old site and the importer bring in. Plain http: stays blocked (mixed content).
 */
export function contentSecurityPolicy({
  scriptHashes = [],
  styleHashes = [],
  wasm = false,
}: CspSources = {}): string {
  const q = (h: string) => `'${h}'`;
  return [
    "default-src 'self'",
    ["script-src 'self'", ...(wasm ? ["'wasm-unsafe-eval'"] : []), ...scriptHashes.map(q)].join(
      ' ',
    ),
    ["style-src 'self'", ...styleHashes.map(q)].join(' '),
    "img-src 'self' data: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const NON_SCRIPT_TYPES = /^(application\/(ld\+)?json|text\/template)$/i;
export const sha256 = (text: string) =>
  `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

/**
 * The <script> and <style> elements of a page, whole, in order, and nothing
 * else (comments skipped): what inlineHashes needs, without tokenizing the
 * rest of a 20 KB page, 10,000 times per build.
 */
export function codeElements(html: string): string {
  let out = '';
  const open = /<!--|<(script|style)(?=[\s>/])/gi;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    if (!m[1]) {
      const end = html.indexOf('-->', m.index + 4);
      if (end === -1) break;
      open.lastIndex = end + 3;
      continue;
    }
    // Raw text: the element ends at the first </script or </style, as in the HTML parser.
    const close = new RegExp(`</${m[1]}`, 'ig');
    close.lastIndex = open.lastIndex;
    const c = close.exec(html);
    const end = c ? html.indexOf('>', c.index) : -1;
    const stop = end === -1 ? html.length : end + 1;
    out += html.slice(m.index, stop);
    open.lastIndex = stop;
  }
  return out;
}

/**
 * CSP hashes of the inline executable scripts and <style> blocks in the
 * <head> of one page, and how many such blocks its <body> has (none may:
 * only content is there, and content never gets a hash).
 */
export function inlineHashes(fullHtml: string): {
  scripts: string[];
  styles: string[];
  inBody: number;
} {
  const headEnd = fullHtml.search(/<\/head\s*>|<body[\s>]/i);
  const head = hashCode(codeElements(headEnd < 0 ? '' : fullHtml.slice(0, headEnd)));
  const body = hashCode(codeElements(headEnd < 0 ? fullHtml : fullHtml.slice(headEnd)));
  return { ...head, inBody: body.scripts.length + body.styles.length };
}

function hashCode(html: string): { scripts: string[]; styles: string[] } {
  const scripts: string[] = [];
  const styles: string[] = [];
  let open: 'script' | 'style' | undefined;
  let text = '';
  const parser = new Parser(
    {
      onopentag(name, a) {
        if (
          (name === 'script' && !a.src && !NON_SCRIPT_TYPES.test(a.type ?? '')) ||
          name === 'style'
        ) {
          open = name as 'script' | 'style';
          text = '';
        }
      },
      ontext(t) {
        if (open) text += t;
      },
      onclosetag(name) {
        if (name !== open) return;
        (open === 'script' ? scripts : styles).push(sha256(text));
        open = undefined;
      },
    },
    { decodeEntities: false },
  );
  parser.end(html);
  return { scripts, styles };
}
