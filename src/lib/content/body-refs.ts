/**
 * Links and images an article body points at, with their line in the body,
 * so a check can report a link to a page or an image that does not exist.
 * Code spans and fences are skipped: what is inside them is shown, not followed.
 */
export interface BodyRef { kind: 'link' | 'image'; target: string; line: number }

const PATTERNS: { kind: BodyRef['kind']; re: RegExp }[] = [
  // ![alt](src "title")
  { kind: 'image', re: /(?<!\\)!\[[^\]\n]*\]\(\s*<?([^\s)>]+)>?(?:\s+["'][^)]*["'])?\s*\)/g },
  // [text](href "title") — not preceded by ! or a backslash
  { kind: 'link', re: /(?<![\\!])\[[^\]\n]*\]\(\s*<?([^\s)>]+)>?(?:\s+["'][^)]*["'])?\s*\)/g },
  { kind: 'image', re: /<img\b[^>]*?\ssrc=["']([^"']+)["']/gi },
  { kind: 'link', re: /<a\b[^>]*?\shref=["']([^"']+)["']/gi },
];

export function bodyRefs(body: string): BodyRef[] {
  const text = blankCode(body);
  const refs: BodyRef[] = [];
  for (const { kind, re } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      refs.push({ kind, target: m[1]!, line: lineAt(text, m.index!) });
    }
  }
  return refs.sort((a, b) => a.line - b.line);
}

/** Replaces code with spaces of the same length, keeping line numbers and offsets. */
export function blankCode(body: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  return body
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank)
    .replace(/(`+)[^`\n]*?\1/g, blank);
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
