/**
 * Dates in the portal's time zone, Asia/Shanghai (UTC+8, no DST since 1991),
 * so a fixed offset is exact and much cheaper than Intl for 10,000 pages.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;

const DATE_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?)?$/;

export type DateParse = { ok: true; date: Date } | { ok: false; reason: string };

/**
 * Parses `2015-03-24`, `2015-03-24 09:30`, `2015-03-24T09:30:00+08:00`.
 * Times without a zone are Beijing time. Rejects days that do not exist.
 */
export function parseContentDate(input: string): DateParse {
  const m = DATE_RE.exec(input.trim());
  if (!m) return { ok: false, reason: 'format' };
  const [, y, mo, d, hh = '00', mm = '00', ss = '00', zone] = m;
  const year = Number(y),
    month = Number(mo),
    day = Number(d);
  if (month < 1 || month > 12) return { ok: false, reason: 'month' };
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return { ok: false, reason: 'day' };
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return { ok: false, reason: 'time' };
  let offset = OFFSET_MS;
  if (zone === 'Z') offset = 0;
  else if (zone) {
    const sign = zone.startsWith('-') ? -1 : 1;
    offset = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  }
  const utc = Date.UTC(year, month - 1, day, Number(hh), Number(mm), Number(ss)) - offset;
  return { ok: true, date: new Date(utc) };
}

function shanghaiParts(date: Date) {
  const t = new Date(date.getTime() + OFFSET_MS);
  return {
    y: t.getUTCFullYear(),
    m: String(t.getUTCMonth() + 1).padStart(2, '0'),
    d: String(t.getUTCDate()).padStart(2, '0'),
  };
}

/** `2015年03月24日`, as the old site printed it. */
export function formatChineseDate(date: Date): string {
  const { y, m, d } = shanghaiParts(date);
  return `${y}年${m}月${d}日`;
}

/** `2015-03-24` in Beijing time, for `<time datetime>` and file names. */
export function isoDay(date: Date): string {
  const { y, m, d } = shanghaiParts(date);
  return `${y}-${m}-${d}`;
}

/** `2015-03-24T08:00:00+08:00`: an ISO instant shown in Beijing time. */
export function isoShanghai(date: Date): string {
  const t = new Date(date.getTime() + OFFSET_MS).toISOString().slice(0, 19);
  return `${t}+08:00`;
}

export function yearOf(date: Date): number {
  return shanghaiParts(date).y;
}
