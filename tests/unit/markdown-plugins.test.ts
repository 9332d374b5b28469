import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { hasSmartypantsCandidate } from '../../src/lib/markdown/smartypants';
import rehypeTablesLikeMdx from '../../src/lib/markdown/table-html';
import { QR_CACHE_KEY, qrSvg } from '../../src/lib/qr/svg';

const para = (...values: string[]) => ({
  type: 'root',
  children: [{ type: 'paragraph', children: values.map((value) => ({ type: 'text', value })) }],
});

describe('hasSmartypantsCandidate', () => {
  it('is false for Chinese prose with full-width punctuation and single dots', () => {
    expect(hasSmartypantsCandidate(para('“三五模式”，占 41.5%。', '第一,坚持—融入…'))).toBe(false);
  });

  it.each(['"quoted"', "it's", "``quote''", 'a -- b', 'wait...', 'wait . . .'])(
    'is true for %s',
    (s) => {
      expect(hasSmartypantsCandidate(para('正文', s))).toBe(true);
    },
  );

  it('ignores code, which SmartyPants leaves alone', () => {
    expect(
      hasSmartypantsCandidate({ type: 'root', children: [{ type: 'inlineCode', value: '"x"' }] }),
    ).toBe(false);
  });
});

describe('rehypeTablesLikeMdx', () => {
  it('turns align into a class and drops whitespace between rows and cells', () => {
    const cell = {
      type: 'element',
      tagName: 'td',
      properties: { align: 'right' },
      children: [{ type: 'text', value: ' 45 ' }],
    };
    const tree = {
      type: 'root',
      children: [
        {
          type: 'element',
          tagName: 'table',
          properties: {},
          children: [
            { type: 'text', value: '\n' },
            {
              type: 'element',
              tagName: 'tr',
              properties: {},
              children: [{ type: 'text', value: '\n' }, cell],
            },
          ],
        },
      ],
    };
    rehypeTablesLikeMdx()(tree);
    const table = tree.children[0]!;
    expect(table.children).toHaveLength(1);
    expect((table.children[0] as { children: unknown[] }).children).toEqual([
      {
        type: 'element',
        tagName: 'td',
        properties: { className: ['align-right'] },
        children: [{ type: 'text', value: ' 45 ' }],
      },
    ]);
  });
});

describe('qrSvg', () => {
  it('draws the same SVG as qrcode, once, and reads it back from the cache file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'feigong-qr-'));
    const file = join(dir, 'qr.jsonl');
    const url = 'https://www.example.cn/articles/kaihua/';
    const fresh = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    expect(await qrSvg(url, file)).toBe(fresh);
    expect(existsSync(file)).toBe(true);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(await qrSvg(url, file)).toBe(fresh);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(1);
    rmSync(dir, { recursive: true });
  });

  it('uses codes a previous build left in the file, skips other versions and a torn last line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'feigong-qr-'));
    const file = join(dir, 'qr.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify([QR_CACHE_KEY, 'https://a.example/', '<svg>cached</svg>']),
        JSON.stringify(['qrcode-0.0.0', 'https://b.example/', '<svg>old</svg>']),
        '["torn',
      ].join('\n'),
    );
    expect(await qrSvg('https://a.example/', file)).toBe('<svg>cached</svg>');
    expect(await qrSvg('https://b.example/', file)).toMatch(/^<svg xmlns/);
    rmSync(dir, { recursive: true });
  });
});
