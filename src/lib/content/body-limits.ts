import type { Problem } from '../schema/messages';

/**
 * Limits that keep a body renderable. The Markdown/MDX parser (micromark) is
 * quadratic in the emphasis, link and HTML marks of one paragraph and recurses
 * once per level of nesting: 3,000 nested `>` overflow the stack, and one
 * paragraph of 20,000 `*a **a` takes minutes. Real articles stay far below
 * these limits; a body above one is reported, in one linear pass, before
 * anything parses it.
 */
export const MAX_NESTING = 30;
export const MAX_TAG_DEPTH = 100;
export const MAX_MARKS_PER_PARAGRAPH = 500;
/** Each `{ }` is parsed as JavaScript; tens of thousands take the check seconds. */
export const MAX_EXPRESSIONS = 1000;

const VOID_TAGS = new Set(
  'area base br col embed hr img input link meta param source track wbr'.split(' '),
);
/** Tags HTML closes by itself; only the Markdown path (HTML, not JSX) lets them stay open. */
const IMPLIED_END = new Set(
  'p li dt dd tr td th thead tbody tfoot option optgroup rt rp colgroup caption'.split(' '),
);
const MARKS = new Set(['*', '_', '~', '[', ']', '<', '`']);

/**
 * Reports the first line of the body that nests too deep (quotes, lists, tags)
 * and the first paragraph with too many inline marks. Linear in the body's length.
 * `mdx`: the body is compiled as MDX, where every tag must be closed.
 */
export function bodyLimitProblems(
  file: string,
  body: string,
  bodyLine: number,
  mdx: boolean,
): Problem[] {
  const problems: Problem[] = [];
  const at = (line: number) => bodyLine + line;
  let nestingReported = false;
  let marksReported = false;
  let tagDepth = 0;
  let tagReported = false;
  let marks = 0;
  let unitStart = 0;
  let inTable = false;
  let openTag = false;
  let braces = 0;
  let bracesReported = false;
  let prev = '';
  const lines = body.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const depth = containerDepth(line);
    if (!nestingReported && depth > MAX_NESTING) {
      nestingReported = true;
      problems.push({
        file,
        line: at(n),
        field: 'body',
        message: `引用（>）或列表嵌套太深，超过 ${MAX_NESTING} 层，网页无法显示`,
        expected: `最多 ${MAX_NESTING} 层嵌套`,
        found: `约 ${depth} 层`,
      });
    }
    // A paragraph (inline content) ends at a blank line, a heading, a list item or a
    // table row. Only boundaries the parser surely sees count: missing one over-counts.
    if (inTable && (!line.includes('|') || /^ {0,3}([>#`~]|[-+*]\s|\d+[.)]\s)|^ {4}/.test(line)))
      inTable = false;
    const blank = /^( {0,3}>)*[ \t]*$/.test(line);
    if (blank || /^ {0,3}(#{1,6}([ \t]|$)|([-+*]|1[.)])[ \t]+\S)/.test(line) || inTable) {
      marks = 0;
      unitStart = blank ? n + 1 : n;
    }
    if (blank) inTable = false;
    else if (unitStart === n - 1 && prev.includes('|') && isDelimiterRow(line)) inTable = true;
    prev = line;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (c === '\\') {
        i++;
        continue;
      }
      if (c === '{') braces++;
      if (c === '>' && openTag) {
        // `<x/>` closes itself in MDX; HTML ignores the slash on a non-void tag.
        if (!(mdx && line[i - 1] === '/')) tagDepth++;
        openTag = false;
      }
      if (!MARKS.has(c)) continue;
      marks++;
      if (c === ']' && line[i + 1] === '(') i = skipDestination(line, i + 2);
      if (c === '<') {
        if (openTag) tagDepth++;
        openTag = false;
        const m = /^(\/?)([A-Za-z][\w.:-]*)/.exec(line.slice(i + 1, i + 40));
        if (m?.[1]) tagDepth = Math.max(0, tagDepth - 1);
        else if (m) {
          const name = m[2]!.toLowerCase();
          openTag = !VOID_TAGS.has(name) && (mdx || !IMPLIED_END.has(name));
        }
      }
    }
    if (!tagReported && tagDepth > MAX_TAG_DEPTH) {
      tagReported = true;
      problems.push({
        file,
        line: at(n),
        field: 'body',
        message: `HTML 或组件标签嵌套太深，超过 ${MAX_TAG_DEPTH} 层，网页无法显示（是否漏写了结束标签？）`,
        expected: `最多 ${MAX_TAG_DEPTH} 层，每个 <标签> 都有对应的 </标签>`,
        found: `${tagDepth} 层`,
      });
    }
    if (mdx && !bracesReported && braces > MAX_EXPRESSIONS) {
      bracesReported = true;
      problems.push({
        file,
        line: at(n),
        field: 'body',
        message: `正文里的花括号 { 超过 ${MAX_EXPRESSIONS} 个；MDX 把每对 { } 当作代码。当作文字的请写成 \\{ 和 \\}`,
        expected: `最多 ${MAX_EXPRESSIONS} 个 { }`,
        found: `到第 ${at(n)} 行已有 ${braces} 个`,
      });
    }
    if (!marksReported && marks > MAX_MARKS_PER_PARAGRAPH) {
      marksReported = true;
      problems.push({
        file,
        line: at(unitStart),
        field: 'body',
        message: `这一段的 Markdown 标记（* _ ~ [ ] < \`）超过 ${MAX_MARKS_PER_PARAGRAPH} 个，网页会生成得极慢；请分成几段（段落之间空一行），或在当作文字的符号前加反斜杠 \\`,
        expected: `每段最多 ${MAX_MARKS_PER_PARAGRAPH} 个标记`,
        found: `从第 ${at(unitStart)} 行起超过 ${MAX_MARKS_PER_PARAGRAPH} 个`,
      });
    }
  }
  return problems;
}

/**
 * Quote and list markers at the start of a line, plus two columns of
 * indentation per level when the line opens a quote or list item: an upper
 * bound of how deep the line's block nests.
 */
function containerDepth(line: string): number {
  let i = 0;
  let indent = 0;
  while (line[i] === ' ' || line[i] === '\t') indent += line[i++] === '\t' ? 4 : 1;
  let markers = 0;
  for (;;) {
    const c = line[i];
    if (c === '>') {
      markers++;
      i++;
    } else if ((c === '-' || c === '*' || c === '+') && /[ \t]|^$/.test(line[i + 1] ?? '')) {
      markers++;
      i++;
    } else if (c !== undefined && c >= '0' && c <= '9') {
      let j = i;
      while (j < line.length && j - i < 10 && line[j]! >= '0' && line[j]! <= '9') j++;
      if ((line[j] === '.' || line[j] === ')') && /[ \t]|^$/.test(line[j + 1] ?? '')) {
        markers++;
        i = j + 1;
      } else break;
    } else break;
    while (line[i] === ' ' || line[i] === '\t') i++;
  }
  return markers ? markers + Math.floor(indent / 2) : 0;
}

/** `| --- | :-: |`: the line that makes the one above it a table header. */
function isDelimiterRow(line: string): boolean {
  return (
    /^ {0,3}\S/.test(line) && /^\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?$/.test(line.trim())
  );
}

/**
 * After `](`: skips a plain link destination, whose characters are no marks,
 * if it is one (no space or bracket before its `)`); otherwise nothing.
 */
function skipDestination(line: string, from: number): number {
  for (let j = from; j < line.length; j++) {
    const c = line[j]!;
    if (c === ')') return j;
    if (
      c === ' ' ||
      c === '\t' ||
      c === '(' ||
      c === '<' ||
      c === '\\' ||
      c === '`' ||
      c === '[' ||
      c === ']'
    )
      break;
  }
  return from - 1;
}
