import { z } from 'astro/zod';
import { linkEntry, safeImage, safeUrl, text } from './common';

export const siteSchema = z.object({
  name: text('网站名称'),
  /** Longer name used in titles and the default 来源, e.g. 中国非公企业党建网. */
  fullName: text('网站全称'),
  slogan: text('口号'),
  description: text('网站简介'),
  footerLines: z.array(text('页脚文字')).default([]),
  /** e.g. 京ICP备12345678号; links to beian.miit.gov.cn when present. */
  icp: z.string().trim().optional(),
  copyright: text('版权声明'),
});
export type SiteSettings = z.output<typeof siteSchema>;

export const channelSchema = z.object({
  name: text('频道名称'),
  /** Shown next to the Chinese name where a channel has one (非公专委会 Feigong Zhuanweihui). */
  englishName: z.string().trim().optional(),
  order: z.number({ invalid_type_error: '排序 order 必须是数字' }).int(),
  description: text('频道简介'),
  /** Shown in the home page's headline block when true. */
  home: z.boolean().default(true),
});
export type ChannelData = z.output<typeof channelSchema>;

export const noticeSchema = z.object({
  title: text('公告标题'),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2015-03-24'),
  url: safeUrl.optional(),
  /** Slug of an article the notice points to. */
  article: z.string().trim().optional(),
});
export type NoticeData = z.output<typeof noticeSchema>;

export const partnerSchema = linkEntry.extend({ logo: safeImage.optional() });

export const promoSchema = z.object({
  title: text('推广标题'),
  kind: z.enum(['wechat', 'subscription'], {
    message: '推广类型 kind 只能是 wechat 或 subscription',
  }),
  lines: z.array(text('推广文字')).default([]),
  /** WeChat account name; the QR code encodes it when no qrImage is given. */
  account: z.string().trim().optional(),
  qrImage: safeImage.optional(),
  url: safeUrl.optional(),
  order: z.number().int().default(0),
});
export type PromoData = z.output<typeof promoSchema>;

export { linkEntry };
