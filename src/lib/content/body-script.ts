/**
 * Refuses article bodies that would run script in a reader's browser: raw
 * HTML/JSX elements that run or embed code (`<script>`, `<iframe>` …), event
 * handler attributes (`onerror=`), `style` attributes (the CSP blocks them),
 * and `javascript:` / `vbscript:` / `data:` (other than images) addresses in
 * Markdown links, images, reference definitions, autolinks and attributes.
 * The rendered HTML is cleaned as well (src/lib/markdown/no-script.ts); this
 * check is there so an editor hears about it, with the line, at check time.
 * Every scan moves forward only: linear in the body's length.
 */
import {
  BLOCKED_ATTRIBUTES,
  BLOCKED_ELEMENTS,
  SCRIPT_MESSAGES as M,
  URL_ATTRIBUTES,
  dangerousScheme,
  isEventHandler,
} from '../schema/script-free';
import { blankCode } from './body-refs';

export interface BodyScriptIssue {
  /** 1-based line in the body. */
  line: number;
  message: string;
  expected: string;
  found: string;
}

const ATTR =
  /\s*(?:(\/?>)|(\{)|([^\s"'<>/={}]+)(?:\s*=\s*(?:"([^"]*)"?|'([^']*)'?|(\{)|([^\s>]+)))?|([\s\S]))/y;
const IMAGE_SRC = new Set(['src', 'srcset', 'poster']);
const IMAGE_TAGS = new Set(['img', 'source', 'picture', 'image']);

export function bodyScriptIssues(body: string): BodyScriptIssue[] {
  const text = blankCode(body);
  const lineAt = lineIndex(text);
  const issues: BodyScriptIssue[] = [];
  const add = (at: number, issue: Omit<BodyScriptIssue, 'line' | 'found'>, found: string) =>
    issues.push({ line: lineAt(at), ...issue, found: JSON.stringify(clip(found)) });

  // Tags (HTML or JSX), attributes to their `>` or the end of the body, as a browser reads an unclosed tag.
  // Not after an odd number of backslashes: `\<` is an escaped, literal `<`.
  // (`<` first: the look-behind then runs at a `<` only, not at every offset.)
  const tag = /<(?<=(?:^|[^\\])(?:\\\\)*<)([A-Za-z][^\s/>]*)/g;
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    const at = m.index;
    const name = m[1]!.toLowerCase();
    if (name.includes(':')) {
      const close = text.indexOf('>', at);
      const scheme = dangerousScheme(text.slice(at + 1, close < 0 ? undefined : close));
      if (scheme) add(at, M.url(scheme), m[0]);
    }
    if (BLOCKED_ELEMENTS.has(name)) add(at, M.element(name), m[0]);
    let pos = tag.lastIndex;
    for (;;) {
      ATTR.lastIndex = pos;
      const a = ATTR.exec(text);
      if (!a) break;
      pos = ATTR.lastIndex;
      if (a[1]) break;
      let value = a[4] ?? a[5] ?? a[7];
      if (a[2] || a[6]) {
        const end = braceEnd(text, pos - 1);
        const expr = text.slice(pos, end - 1);
        pos = end;
        if (a[2]) continue; // {...spread}: judged by the MDX check and removed when rendering
        const literal = /^(["'])([^"'\\]*)\1$/.exec(expr.trim());
        if (!literal && URL_ATTRIBUTES.has(a[3]?.toLowerCase() ?? '') && /^[a-z]/.test(m[1]!)) {
          add(at, M.expressionUrl(a[3]!), `${a[3]}={${expr.trim()}}`);
          continue;
        }
        value = literal ? literal[2] : expr;
      }
      const attr = a[3]?.toLowerCase();
      if (!attr) continue;
      if (isEventHandler(attr)) add(at, M.handler(attr), `${a[3]}=`);
      else if (BLOCKED_ATTRIBUTES.has(attr)) add(at, M.attribute(attr), `${a[3]}=`);
      else if (attr === 'style') add(at, M.style, `${a[3]}=`);
      else if (value !== undefined) {
        const image = IMAGE_SRC.has(attr) && IMAGE_TAGS.has(name);
        const scheme = dangerousScheme(value, { image });
        if (scheme) add(at, M.url(scheme), value);
      }
    }
    tag.lastIndex = Math.max(pos, tag.lastIndex);
  }

  // Markdown: [x](dest), ![x](dest), and [label]: dest definitions.
  const dest =
    /\]\(\s*<?((?:[^\s()>]|\([^\s()]*\))*)|^ {0,3}\[[^\]\n]+\]:[ \t]*\n?[ \t]*<?([^\s>]*)/gm;
  for (const m of text.matchAll(dest)) {
    const url = m[1] ?? m[2] ?? '';
    const scheme = dangerousScheme(url);
    if (!scheme) continue;
    // A data: image is fine in ![alt](…): look back for the `![` only then.
    const before = text.slice(Math.max(0, m.index - 300), m.index);
    if (
      m[1] !== undefined &&
      /!\[[^[\]\n]*$/.test(before) &&
      !dangerousScheme(url, { image: true })
    )
      continue;
    add(m.index, M.url(scheme), url);
  }
  return issues.sort((a, b) => a.line - b.line);
}

/** The offset just past the `}` that closes the `{` at `open` (strings skipped), or the end. */
function braceEnd(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
    else if (c === '"' || c === "'" || c === '`') {
      const close = text.indexOf(c, i + 1);
      if (close < 0) return text.length;
      i = close;
    }
  }
  return text.length;
}

/** Line of an offset, by binary search over the newline offsets (no rescans). */
function lineIndex(text: string): (at: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (at) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
