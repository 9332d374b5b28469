import type { Article } from '../../src/lib/articles';
import { shapePortal, type ChannelEntry, type PortalSource } from '../../src/lib/portal-data';

/** Three channels, out of order; zhuanti is left off the home page. */
export const CHANNELS: ChannelEntry[] = [
  { id: 'anli', data: { name: '案例', order: 2, description: '典型案例', home: true } },
  {
    id: 'jiceng',
    data: {
      name: '基层点睛',
      englishName: 'Grassroots',
      order: 1,
      description: '基层经验',
      home: true,
    },
  },
  { id: 'zhuanti', data: { name: '专题', order: 3, description: '专题报道', home: false } },
];

export const SITE = {
  name: '非公党建',
  fullName: '中国非公企业党建网',
  slogan: '口号',
  description: '网站简介',
  footerLines: [],
  copyright: '版权所有',
};

/** A portal shaped by the same code as the build, from in-memory collections. */
export function portal(
  articles: Article[],
  patch: Partial<PortalSource<Article, ChannelEntry>> = {},
) {
  return shapePortal(
    {
      site: SITE,
      channels: CHANNELS,
      notices: [],
      friendLinks: [],
      alliance: [],
      partners: [],
      promos: [],
      articles,
      ...patch,
    },
    { now: new Date('2030-01-01T00:00:00Z'), preview: false },
  );
}
