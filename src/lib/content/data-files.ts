import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument, isMap, isSeq, isScalar } from 'yaml';
import type { z } from 'astro/zod';
import { ContentError, type Problem } from '../schema/messages';
import {
  channelSchema,
  linkEntry,
  noticeSchema,
  partnerSchema,
  promoSchema,
  siteSchema,
} from '../schema/site';
import { dataDir, displayPath } from './paths';
import { zodProblems } from './zod-problems';

/** The site data files editors maintain, each with its schema and shape. */
export const DATA_FILES = {
  site: { file: 'site.yaml', schema: siteSchema, shape: 'single' },
  channels: { file: 'channels.yaml', schema: channelSchema, shape: 'map' },
  notices: { file: 'notices.yaml', schema: noticeSchema, shape: 'list' },
  friendLinks: { file: 'friend-links.yaml', schema: linkEntry, shape: 'list' },
  alliance: { file: 'alliance.yaml', schema: linkEntry, shape: 'list' },
  partners: { file: 'partners.yaml', schema: partnerSchema, shape: 'list' },
  promos: { file: 'promos.yaml', schema: promoSchema, shape: 'list' },
} as const;
export type DataName = keyof typeof DATA_FILES;
type Output<N extends DataName> = z.output<(typeof DATA_FILES)[N]['schema']>;

export interface DataEntry<T> {
  id: string;
  data: T;
}

/**
 * Reads and validates one data file. Returns entries with stable ids (the map
 * key, or the 1-based position in a list) plus any problems, with lines.
 */
export function readDataFile<N extends DataName>(
  name: N,
  dir = dataDir(),
): { entries: DataEntry<Output<N>>[]; problems: Problem[] } {
  const spec = DATA_FILES[name];
  const abs = join(dir, spec.file);
  const file = displayPath(abs);
  if (!existsSync(abs)) {
    if (spec.shape === 'list') return { entries: [], problems: [] };
    return { entries: [], problems: [{ file, field: 'file', message: '缺少这个数据文件' }] };
  }
  const counter = new LineCounter();
  const doc = parseDocument(readFileSync(abs, 'utf8').replace(/^\uFEFF/, ''), {
    lineCounter: counter,
  });
  if (doc.errors.length) {
    return {
      entries: [],
      problems: doc.errors.map((e) => ({
        file,
        line: counter.linePos(e.pos[0]).line,
        field: 'yaml',
        message: `YAML 格式错误：${e.message.split('\n')[0]}`,
      })),
    };
  }
  const raw = doc.toJS() ?? (spec.shape === 'list' ? [] : {});
  const items: { id: string; value: unknown; line: number; keyLines: Record<string, number> }[] =
    [];
  // LineCounter lines are already 1-based.
  const lineOf = (node: { range?: [number, number, number] | null } | null | undefined) =>
    node?.range ? counter.linePos(node.range[0]).line : 1;
  const keyLinesOf = (node: unknown) => {
    const out: Record<string, number> = {};
    if (isMap(node))
      for (const it of node.items) if (isScalar(it.key)) out[String(it.key.value)] = lineOf(it.key);
    return out;
  };
  if (spec.shape === 'single') {
    items.push({ id: name, value: raw, line: 1, keyLines: keyLinesOf(doc.contents) });
  } else if (spec.shape === 'map' && isMap(doc.contents)) {
    for (const it of doc.contents.items) {
      const id = isScalar(it.key) ? String(it.key.value) : '';
      items.push({
        id,
        value: (raw as Record<string, unknown>)[id],
        line: lineOf(it.key as never),
        keyLines: keyLinesOf(it.value),
      });
    }
  } else if (spec.shape === 'list' && isSeq(doc.contents)) {
    doc.contents.items.forEach((node, i) => {
      items.push({
        id: String(i + 1).padStart(3, '0'),
        value: (raw as unknown[])[i],
        line: lineOf(node as never),
        keyLines: keyLinesOf(node),
      });
    });
  } else {
    return {
      entries: [],
      problems: [
        {
          file,
          line: 1,
          field: 'yaml',
          message:
            spec.shape === 'list'
              ? '这个文件应是一个列表（每项以 - 开头）'
              : '这个文件应是“编号: 内容”的键值对',
        },
      ],
    };
  }
  const entries: DataEntry<Output<N>>[] = [];
  const problems: Problem[] = [];
  for (const item of items) {
    if (spec.shape === 'map' && !/^[a-z0-9-]+$/.test(item.id)) {
      problems.push({
        file,
        line: item.line,
        field: 'id',
        message: '编号只能用小写英文字母、数字和连字符',
        found: JSON.stringify(item.id),
      });
    }
    const parsed = (spec.schema as z.ZodTypeAny).safeParse(item.value);
    if (parsed.success) entries.push({ id: item.id, data: parsed.data });
    else
      problems.push(
        ...zodProblems(
          file,
          parsed.error,
          (item.value ?? {}) as Record<string, unknown>,
          item.keyLines,
          item.line,
        ),
      );
  }
  return { entries, problems };
}

/** Like readDataFile, but throws a ContentError (for Astro loaders). */
export function loadDataFile<N extends DataName>(name: N, dir?: string): DataEntry<Output<N>>[] {
  const { entries, problems } = readDataFile(name, dir);
  if (problems.length) throw new ContentError(problems);
  return entries;
}
