import { z } from 'astro/zod';
import { SCRIPT_MESSAGES, hasMarkup, isSitePath } from './script-free';

/** Non-empty after trimming; the message names what an editor must fix. */
export const text = (what: string) =>
  z
    .string({ required_error: `缺少${what}`, invalid_type_error: `${what}必须是文字` })
    .transform((s) => s.trim())
    .refine((s) => s.length > 0, { message: `${what}不能为空` })
    .refine((s) => !hasMarkup(s), { message: SCRIPT_MESSAGES.markup(what) });

/**
 * A link in a data file: http(s) absolute, or a path that stays on this site
 * (isSitePath: not `//evil`, `/\\evil`, nor with tabs or newlines that a
 * browser would drop). `javascript:` and other schemes are rejected so a data
 * file cannot inject script.
 */
export const safeUrl = z
  .string({ invalid_type_error: '链接必须是文字' })
  .trim()
  .refine((u) => /^https?:\/\/[^\s\\]+$/i.test(u) || isSitePath(u), {
    message: SCRIPT_MESSAGES.sitePath,
  });

/** An image in a data file (logo, QR code): a site path or an https:// address. */
export const safeImage = z
  .string({ invalid_type_error: '图片地址必须是文字' })
  .trim()
  .refine((u) => /^https:\/\/[^\s\\]+$/i.test(u) || isSitePath(u), {
    message: '图片地址只能是 https:// 开头的网址或以 / 开头的站内路径',
  });

/** A name with an optional URL; without a URL it renders as plain text. */
export const linkEntry = z.object({
  name: text('名称'),
  url: safeUrl.optional(),
  order: z.number({ invalid_type_error: '排序 order 必须是数字' }).int().default(0),
});
export type LinkEntry = z.output<typeof linkEntry>;
