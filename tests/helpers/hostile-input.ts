import { Parser } from 'htmlparser2';
import { int, rng } from '../../scripts/lib/corpus/random';

/**
 * Generators of hostile article files for fuzz-style tests: random Unicode
 * (astral, CJK, right-to-left, control characters), Markdown and MDX markup,
 * braces, JSX-ish tags, script-ish URLs, deep nesting and long runs, in
 * frontmatter and bodies. Everything comes from a seeded PRNG, so a failing
 * seed can be replayed (`FUZZ_SEED=… npx vitest run …`).
 */

export type Rand = () => number;

/** The corpus generator's seeded PRNG: the same seed replays the same inputs. */
export const prng: (seed: number) => Rand = rng;

const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** Character ranges an attacker or a paste from elsewhere brings in. */
const RANGES: readonly [number, number][] = [
  [0x20, 0x7e], // ASCII, markup included
  [0x4e00, 0x9fff], // CJK
  [0x3000, 0x303f], // CJK punctuation
  [0xff01, 0xff5e], // full-width forms
  [0x0590, 0x05ff], // Hebrew
  [0x0600, 0x06ff], // Arabic
  [0x202a, 0x202e], // bidi overrides
  [0x200b, 0x200f], // zero-width, marks
  [0x2028, 0x2029], // line / paragraph separators
  [0x1f300, 0x1f6ff], // emoji (astral)
  [0x20000, 0x2a6df], // CJK extension B (astral)
  [0x0001, 0x001f], // C0 controls
  [0x007f, 0x009f], // DEL, C1 controls
  [0xfeff, 0xfeff], // BOM inside text
  [0xfff0, 0xfffd], // specials
];

export function randomText(r: Rand, max = 40): string {
  let s = '';
  for (let n = int(r, 1, max); n > 0; n--) {
    const [lo, hi] = pick(r, RANGES);
    s += String.fromCodePoint(int(r, lo, hi));
  }
  return s;
}

/** Pieces of bodies: benign markup, escaped punctuation and attacks. */
const PIECES: readonly string[] = [
  '近年来，开化县委“两新”工委以青春党建为主载体。',
  '**加粗** 与 _强调_ 和 ~~删除~~',
  '[频道](/channel/jiceng/)',
  '[外部](https://example.com/a?b=1&c=<2>)',
  '<https://example.com/auto>',
  '| 项目 | 数量 |\n| :--- | ---: |\n| 甲 | 1 |',
  '- 一\n- 二\n  - 二之一',
  '1. 第一\n2. 第二',
  '> 引文\n> 第二行',
  '```\n{代码} <b> *x*\n```',
  '`a < b`',
  '正文[^1]\n\n[^1]: 注释',
  '\\{三个一\\}',
  '\\<不是标签\\>',
  '<Callout title="编者按">注意</Callout>',
  '{frontmatter.title}',
  '{"文字" + 2015}',
  '{/* 注释 */}',
  '&lt;&amp;&#x3C;&#0;&bogus;',
  '---',
  '***',
  '<br/>',
  '<span>行内</span>',
  // Hostile: the check must refuse these or the build must render them harmlessly.
  '{三个一}',
  '{alert(1)}',
  '{process.exit(1)}',
  '<Chart />',
  '<script>alert(1)</script>',
  '<img src="x" onerror="alert(1)" />',
  '<a href="javascript:alert(1)">点</a>',
  '[点我](JaVaScRiPt:alert(1))',
  '[点](vbscript:msgbox(1))',
  '![图](data:text/html,<script>alert(1)</script>)',
  '<iframe src="https://evil.example"></iframe>',
  'import fs from "node:fs"',
  'export const x = 1',
  '<div',
  '</div>',
  '{',
  '}',
  '<!-- 注释',
  '[^未定义]',
  '![缺图](/images/none.png)',
  '[坏链](/articles/no-such-page/)',
  '<style>body{display:none}</style>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<object data="javascript:alert(1)"></object>',
];

/** Deep nesting and long runs, sized well past any sensible limit now and then. */
function structure(r: Rand): string {
  const n = int(r, 1, r() < 0.3 ? 4000 : 40);
  switch (int(r, 0, 7)) {
    case 0:
      return `${'> '.repeat(n)}深`;
    case 1:
      return Array.from({ length: Math.min(n, 200) }, (_, i) => `${'  '.repeat(i)}- 项`).join('\n');
    case 2:
      return `${'<div>'.repeat(n)}x${'</div>'.repeat(n)}`;
    case 3:
      return `${'['.repeat(n)}x${']'.repeat(n)}`;
    case 4:
      return `${'*a '.repeat(n)}b${' a*'.repeat(n)}`;
    case 5:
      return pick(r, ['![', '[', '<', '{', '*', '_', '`', '>', '|', '&', '\\', '-']).repeat(n);
    case 6:
      return `${'{'.repeat(n)}${'}'.repeat(n)}`;
    default:
      return randomText(r, n);
  }
}

export function hostileBody(r: Rand): string {
  const parts: string[] = [];
  for (let n = int(r, 1, 12); n > 0; n--) {
    const roll = r();
    parts.push(
      roll < 0.55
        ? pick(r, PIECES.slice(0, 23))
        : roll < 0.75
          ? randomText(r)
          : roll < 0.88
            ? pick(r, PIECES)
            : structure(r),
    );
    parts.push(pick(r, [' ', '\n', '\n\n', '\n\n', '']));
  }
  return `${parts.join('').trim() || '正文'}\n`;
}

/** C0 and C1 control characters (kept out of titles, which the check already refuses them in). */
const noControls = (s: string) =>
  [...s].filter((c) => c.codePointAt(0)! > 0x9f || (c > '\u001f' && c < '\u007f')).join('');

/** A YAML-quoted scalar holding anything (JSON strings are valid YAML). */
const quoted = (s: string) => JSON.stringify(s);

export function hostileFrontmatter(r: Rand): string {
  const title =
    r() < 0.7
      ? `标题 ${noControls(randomText(r, 12))}`
      : pick(r, [
          '<img src=x onerror=alert(1)',
          '<script>x</script>',
          '{三个一}',
          '',
          'a'.repeat(500),
        ]);
  const lines = [
    `title: ${quoted(title)}`,
    `date: ${r() < 0.85 ? pick(r, ['2015-03-24', '2015-03-24T09:30:00+08:00']) : pick(r, ['2015-02-30', '"2015/03/24"', '2015-03-24 25:00'])}`,
    `channel: ${r() < 0.9 ? pick(r, ['jiceng', 'anli']) : pick(r, ['nope', '""', '[jiceng]'])}`,
  ];
  if (r() < 0.4)
    lines.push(
      `summary: ${quoted(r() < 0.5 ? randomText(r, 30) : pick(r, ['<b>粗</b>', '[x](javascript:alert(1))', '{三个一}', '**摘要**']))}`,
    );
  if (r() < 0.3) lines.push(`tags: [${quoted(randomText(r, 6))}, 党建]`);
  if (r() < 0.2) lines.push(`author: ${quoted(randomText(r, 8))}`);
  if (r() < 0.1)
    lines.push(
      pick(r, [
        'layout: ../../src/x.astro',
        'aliases: ["/*"]',
        'cover: javascript:alert(1)',
        'draft: true',
        'titel: 拼错',
        'title: 又一个',
        'summary: !foo 标签',
      ]),
    );
  return lines.join('\n');
}

export interface HostileArticle {
  name: string;
  content: string;
}

/** One article file: hostile frontmatter, a hostile body, now and then a broken fence. */
export function hostileArticle(r: Rand, i: number): HostileArticle {
  const close = r() < 0.95 ? '---' : pick(r, ['...', '--- ', '+++', '----']);
  return {
    name: `fuzz-${i}.mdx`,
    content: `---\n${hostileFrontmatter(r)}\n${close}\n\n${hostileBody(r)}`,
  };
}

/** Executable script in a built page that the site itself did not put there. */
export function foreignScript(html: string): string | undefined {
  let found: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (found) return;
        if (name === 'script') {
          const own =
            (attrs.type === 'application/ld+json' && !attrs.src) ||
            (/^\/(js|_astro)\/[^/]/.test(attrs.src ?? '') &&
              (!attrs.type || attrs.type === 'module'));
          if (!own) found = `<script ${JSON.stringify(attrs)}>`;
        }
        for (const [key, value] of Object.entries(attrs)) {
          if (/^on/i.test(key)) found ??= `<${name} ${key}="${value}">`;
          if (
            /^(href|src|action|formaction|data|xlink:href|poster|srcdoc)$/i.test(key) &&
            /^\s*(javascript|vbscript):/i.test(value)
          )
            found ??= `<${name} ${key}="${value}">`;
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return found;
}
