/**
 * What counts as script-bearing content, in one place: the check refuses it
 * (schemas, body check) and the rehype step removes it from rendered bodies
 * (src/lib/markdown/no-script.ts), so the two cannot disagree.
 */

/** Elements that run script, load another document or change how the page loads. */
export const BLOCKED_ELEMENTS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'meta',
  'link',
  'noscript',
  'template',
  // SVG animation can set an href to javascript: at run time (values="0;javascript:…").
  'animate',
  'set',
  'animatemotion',
  'animatetransform',
]);

/** Attributes that hold an address; an expression there is dropped (its value is unknown until run time). */
export const URL_ATTRIBUTES: ReadonlySet<string> = new Set([
  'href',
  'src',
  'srcset',
  'action',
  'poster',
  'data',
  'xlink:href',
  'xlinkhref',
  'background',
  'cite',
]);

/** `onclick`, `onerror`, JSX `onClick` …: an event handler attribute. */
export const isEventHandler = (name: string): boolean => /^on./i.test(name);

/** Attributes whose value is HTML or script in itself, whatever it says. */
export const BLOCKED_ATTRIBUTES: ReadonlySet<string> = new Set([
  'srcdoc',
  'set:html',
  'dangerouslysetinnerhtml',
  'formaction',
]);

/** Image types a `data:` image may have (never HTML, never SVG with script). */
const DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif|bmp);/;

/**
 * Decodes character references (`&#106;`, `&#x6A`, `&colon;`, `&Tab;`,
 * `&NewLine;`) as browsers do in attributes, so an encoded scheme is judged
 * as the browser will read it. No named reference stands for an ASCII letter,
 * so these few named ones are all a scheme can hide behind.
 */
export function decodeReferences(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => codePoint(parseInt(h, 16)))
    .replace(/&#(\d+);?/g, (_, d: string) => codePoint(parseInt(d, 10)))
    .replace(/&(colon|tab|newline|nbsp);?/gi, (_, n: string) =>
      n.toLowerCase() === 'colon' ? ':' : ' ',
    );
}
const codePoint = (n: number) => (n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '\ufffd');

/**
 * The scheme of a URL that would run script or show a document of its own
 * (`javascript:`, `vbscript:`, `data:` other than an image), after decoding
 * references, Markdown backslash escapes and percent escapes, and dropping the whitespace and
 * control characters browsers ignore inside a scheme; undefined when harmless.
 */
export function dangerousScheme(url: string, opts: { image?: boolean } = {}): string | undefined {
  const s = decodeReferences(url)
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    // Percent escapes too (Markdown writes a tab as %09): harmless to a browser, but never needed.
    .replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0020\u007f-\u009f\u00a0\u200b-\u200d\u2028\u2029\ufeff]/g, '')
    .toLowerCase();
  const m = /^(javascript|vbscript|livescript|data):/.exec(s);
  if (!m) return undefined;
  if (m[1] === 'data' && opts.image && DATA_IMAGE.test(s)) return undefined;
  return `${m[1]}:`;
}

/**
 * Markup in a field that must be plain text: `<` followed by a letter, `/`,
 * `!` or `?` starts a tag, comment or declaration for an HTML parser, closed
 * or not (`<img src=x onerror=…` with no `>` is still a tag).
 */
export const hasMarkup = (text: string): boolean => /<[a-zA-Z/!?]/.test(decodeReferences(text));

/**
 * A path on this site: starts with one `/`, and no browser reads it as
 * another host (`//evil`, `/\evil`, `/<tab>/evil` all do: browsers treat `\`
 * as `/` and drop tabs and newlines). No whitespace or control characters.
 */
export function isSitePath(path: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (!/^\/[^\s\\\u0000-\u001f\u007f]*$/.test(path) || path.startsWith('//')) return false;
  const base = 'https://site.invalid/';
  try {
    return new URL(path, base).origin === new URL(base).origin;
  } catch {
    return false;
  }
}

const PLAIN = '文字、图片、链接和表格；要把标签当作文字显示，请写成 \\< 或放进代码 `…`';
const WEB = 'http://、https:// 或以 / 开头的站内地址';

/** The editor-facing words for each refusal (field `body`, or the frontmatter key). */
export const SCRIPT_MESSAGES = {
  element: (name: string) => ({
    message: `正文不能包含 <${name}> 标签：它会运行脚本、嵌入别的页面或改变整页`,
    expected: PLAIN,
  }),
  handler: (attr: string) => ({
    message: `正文里的标签不能带 ${attr} 这样的事件属性：它会在读者的浏览器里运行脚本`,
    expected: '不带 on… 属性的标签',
  }),
  attribute: (attr: string) => ({
    message: `正文里的标签不能带 ${attr} 属性：它的值会被当作网页或脚本`,
    expected: PLAIN,
  }),
  style: {
    message: '正文里的标签不能带 style 属性：网站的内容安全策略（CSP）会拦截它，读者看不到效果',
    expected: '不带 style 的标签；表格对齐请用 | :--- | ---: | 这样的 Markdown 写法',
  },
  url: (scheme: string) => ({
    message: `地址不能以 ${scheme} 开头：点开它会运行脚本或打开一段来历不明的网页`,
    expected: `${WEB}（图片还可以是 data:image/…）`,
  }),
  expressionUrl: (attr: string) => ({
    message: `正文里标签的 ${attr} 不能写成 {…} 表达式：地址要到运行时才知道，无法检查是否安全`,
    expected: `直接写出的地址，例如 ${attr}="https://…" 或 ${attr}="/articles/…/"`,
  }),
  markup: (what: string) => `${what}不能包含 HTML 标签或脚本，请只写文字`,
  sitePath:
    '链接只能是 http(s):// 开头的网址或以 / 开头的站内路径（不能以 // 或 /\\ 开头，不能含空白）',
} as const;
