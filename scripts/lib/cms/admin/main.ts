/**
 * The admin page's own script, bundled by esbuild when `npm run cms` starts
 * (the generated configuration is compiled in). Loaded before decap-cms.js:
 * it stops Decap from initialising itself, then registers the article file
 * format, the file-name hook and the Chinese messages, and starts Decap.
 */
import { articleFromFile, articleToFile, FILE_SLUG_KEY } from '../article-format';
import { dateHashSlug, normalizeTitle } from '../../slug-rule';

declare const FEIGONG_CMS_CONFIG: {
  collections: { name: string; folder: string; fields: { name: string }[] }[];
};

interface ImmutableMap {
  get(key: string): unknown;
  set(key: string, value: unknown): ImmutableMap;
  getIn(path: string[]): unknown;
}
interface DecapCms {
  init(opts: { config: unknown }): void;
  getLocale(name: string): Record<string, Record<string, unknown>> | undefined;
  registerLocale(name: string, phrases: unknown): void;
  registerCustomFormat(name: string, ext: string, f: unknown): void;
  registerEventListener(l: {
    name: string;
    handler: (a: { entry: ImmutableMap }) => unknown;
  }): void;
}
const w = window as unknown as { CMS_MANUAL_INIT: boolean; CMS: DecapCms };
w.CMS_MANUAL_INIT = true;

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

window.addEventListener('DOMContentLoaded', () => {
  const CMS = w.CMS;
  const keyOrder = FEIGONG_CMS_CONFIG.collections[0]!.fields.map((f) => f.name);
  CMS.registerCustomFormat('feigong-mdx', 'mdx', {
    fromFile: articleFromFile,
    toFile: (data: Record<string, unknown>) => articleToFile(data, keyOrder),
  });

  // An empty required field reads like the check's message: 标题不能为空.
  const zh = CMS.getLocale('zh_Hans');
  const widget = (
    zh?.editor?.editorControlPane as Record<string, Record<string, string>> | undefined
  )?.widget;
  if (widget) widget.required = '%{fieldLabel}不能为空';

  // A new article's file name: its date and a hash of its title, as `npm run new` does.
  CMS.registerEventListener({
    name: 'preSave',
    handler: async ({ entry }) => {
      const data = entry.get('data') as ImmutableMap;
      if (!entry.get('newRecord')) return data;
      const day = String(data.get('date') ?? '').slice(0, 10);
      // Articles are kept in the folder of their year: refuse a date from another year.
      const folder = FEIGONG_CMS_CONFIG.collections.find(
        (c) => c.name === entry.get('collection'),
      )?.folder;
      const year = folder?.split('/').pop() ?? '';
      if (/^\d{4}$/.test(year) && day.slice(0, 4) !== year)
        throw new Error(
          `发布日期是 ${day.slice(0, 4)} 年的文章，请在“${day.slice(0, 4)} 年文章”里新建（文章按年份存放）`,
        );
      const title = normalizeTitle(String(data.get('title') ?? '').trim());
      return data.set(FILE_SLUG_KEY, dateHashSlug(day, await sha256Hex(title)));
    },
  });
  CMS.init({ config: FEIGONG_CMS_CONFIG });
});
