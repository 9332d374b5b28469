import { parseContentDate } from '../../../src/lib/dates';
import type { ChannelName, ParseResult } from './legacy-page';

const BREADCRUMB = '您当前的位置';
const META_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
/**
 * Where the article ends on the old page: the magazine promo, 相关稿件, the
 * subscription box, the channel list and the link lists of the footer.
 */
const BODY_END =
  /^(中国非公企业党建由|相关稿件|\d{4}年杂志征订|[•·]?\s*案例$|两新网站联盟|网站联盟|友情链接|战略合作|【?打印本页|【?关闭窗口|上一篇[:：]|下一篇[:：]|版权所有|Copyright)/;

/** Text after a label such as 来源 up to the next label or the end of the line. */
function field(meta: string, label: string): string {
  const m = new RegExp(
    `${label}\\s*[:：]\\s*(.*?)\\s*(?=(?:来源|作者|编辑|责任编辑)\\s*[:：]|$)`,
  ).exec(meta);
  return m ? m[1]!.trim() : '';
}

/**
 * Parses the plain-text capture of an old article page (see
 * ../shared/legacy/): masthead and notice, breadcrumb, title, meta line,
 * body paragraphs, then promos and link lists, which are dropped.
 */
export function parseTextCapture(text: string, channels: readonly ChannelName[]): ParseResult {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim());
  if (!lines.some((l) => l)) return { ok: false, reason: '文件是空的' };
  const crumbAt = lines.findIndex((l) => l.includes(BREADCRUMB));
  if (crumbAt < 0)
    return { ok: false, reason: `找不到面包屑导航（“${BREADCRUMB}”那一行），不像旧网站的文章页` };
  const crumbText = lines[crumbAt]!.slice(
    lines[crumbAt]!.lastIndexOf(BREADCRUMB) + BREADCRUMB.length,
  );
  const crumbs = crumbText
    .split(/[>＞»]/)
    .map((s) =>
      s
        .replace(/^[\s:：]+/, '')
        .replace(/\s*正文\s*$/, '')
        .trim(),
    )
    .filter(Boolean);
  const channel = [...crumbs]
    .reverse()
    .map((c) => channels.find((ch) => ch.name === c))
    .find(Boolean);
  if (!channel) {
    return {
      ok: false,
      reason: `面包屑里没有已知的频道（找到：${crumbs.join(' > ') || '空'}；已知：${channels.map((c) => c.name).join('、')}）`,
    };
  }
  const metaAt = lines.findIndex(
    (l, i) => i > crumbAt && META_DATE.test(l) && /来源\s*[:：]/.test(l),
  );
  if (metaAt < 0)
    return { ok: false, reason: '找不到“2015年03月24日 来源: … 编辑: …”这样的日期行' };
  const title = lines
    .slice(crumbAt + 1, metaAt)
    .filter(Boolean)
    .join(' ');
  if (!title) return { ok: false, reason: '日期行前面没有标题' };
  const meta = lines[metaAt]!;
  const [, y, mo, d] = META_DATE.exec(meta)!;
  const date = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  if (!parseContentDate(date).ok)
    return { ok: false, reason: `日期不存在：${META_DATE.exec(meta)![0]}` };
  const paragraphs: string[] = [];
  for (const line of lines.slice(metaAt + 1)) {
    if (BODY_END.test(line)) break;
    if (line) paragraphs.push(line);
  }
  if (!paragraphs.length) return { ok: false, reason: '日期行后面没有正文' };
  return {
    ok: true,
    page: {
      title,
      date,
      source: field(meta, '来源'),
      author: field(meta, '作者'),
      editor: field(meta, '责任编辑') || field(meta, '编辑'),
      channel: channel.id,
      paragraphs,
    },
  };
}
