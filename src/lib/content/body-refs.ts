/**
 * Links and images an article body points at, with their line in the body,
 * so a check can report a link to a page or an image that does not exist.
 * Code spans and fences are skipped: what is inside them is shown, not followed.
 */
export interface BodyRef {
  kind: 'link' | 'image';
  target: string;
  line: number;
}

const PATTERNS: { kind: BodyRef['kind']; re: RegExp }[] = [
  // ![alt](src "title")
  {
    kind: 'image',
    re: /(?<!\\)!\[[^[\]\n]*\]\([ \t]*<?([^\s()<>[\]]+)>?(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'))?[ \t]*\)/g,
  },
  // [text](href "title") — not preceded by ! or a backslash
  {
    kind: 'link',
    re: /(?<![\\!])\[[^[\]\n]*\]\([ \t]*<?([^\s()<>[\]]+)>?(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'))?[ \t]*\)/g,
  },
  { kind: 'image', re: /<img\b[^<>]*?\ssrc=["']([^"'<>]+)["']/gi },
  { kind: 'link', re: /<a\b[^<>]*?\shref=["']([^"'<>]+)["']/gi },
];

export function bodyRefs(body: string): BodyRef[] {
  const text = blankCode(body);
  const found: { kind: BodyRef['kind']; target: string; index: number; order: number }[] = [];
  for (const { kind, re } of PATTERNS) {
    for (const m of text.matchAll(re))
      found.push({ kind, target: m[1]!, index: m.index!, order: found.length });
  }
  // Lines counted in one pass over the text, not once per link.
  found.sort((a, b) => a.index - b.index);
  const refs: (BodyRef & { order: number })[] = [];
  let line = 1;
  let pos = 0;
  for (const f of found) {
    for (let i = text.indexOf('\n', pos); i >= 0 && i < f.index; i = text.indexOf('\n', i + 1)) {
      line++;
      pos = i + 1;
    }
    refs.push({ kind: f.kind, target: f.target, line, order: f.order });
  }
  // By line, then as before: images, links, HTML images, HTML links.
  return refs.sort((a, b) => a.line - b.line || a.order - b.order).map(({ order: _, ...r }) => r);
}

/** Replaces code with spaces of the same length, keeping line numbers and offsets. */
export function blankCode(body: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  return body
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank)
    .replace(/(`+)[^`\n]*?\1/g, blank);
}
