import type { ArticleData } from './schema/article';
import { formatChineseDate } from './dates';

export interface MetaPart {
  label?: string;
  value: string;
}

/**
 * The meta line `2015年03月24日 来源：… 作者：… 编辑：…`. A field that is
 * empty drops its label instead of printing it bare.
 */
export function metaParts(
  data: Pick<ArticleData, 'date' | 'source' | 'author' | 'editor'>,
): MetaPart[] {
  const parts: MetaPart[] = [{ value: formatChineseDate(data.date) }];
  if (data.source) parts.push({ label: '来源', value: data.source });
  if (data.author) parts.push({ label: '作者', value: data.author });
  if (data.editor) parts.push({ label: '编辑', value: data.editor });
  return parts;
}

export function metaLine(data: Pick<ArticleData, 'date' | 'source' | 'author' | 'editor'>): string {
  return metaParts(data)
    .map((p) => (p.label ? `${p.label}：${p.value}` : p.value))
    .join(' ');
}
