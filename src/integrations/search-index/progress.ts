/**
 * The indexer's progress lines. The indexer prints them itself, on the
 * build's stdout it shares, in the style of Astro's log: Astro's own thread
 * can be busy for tens of seconds (bundling 50,000 articles' data), and a
 * line passed through it would wait as long.
 */
/** `12.0 s`: durations in the build's log. */
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** `索引 5,000/10,000 篇 (预计还需 12.0 s)`, or `，正在写入索引文件` once every record is in. */
export function progressText(done: number, total: number, elapsedMs: number): string {
  const rate = done / elapsedMs;
  const left =
    done >= total
      ? '，正在写入索引文件'
      : rate > 0
        ? ` (预计还需 ${seconds((total - done) / rate)})`
        : '';
  return `索引 ${done.toLocaleString('en')}/${total.toLocaleString('en')} 篇${left}`;
}

const time = new Intl.DateTimeFormat([], {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** One line as Astro's logger prints an integration's info: `12:00:00 [label] message`. */
export function logLine(label: string, message: string, color: boolean, at = new Date()): string {
  const stamp = time.format(at);
  return color
    ? `\x1b[2m${stamp}\x1b[22m \x1b[34m[${label}]\x1b[39m ${message}\n`
    : `${stamp} [${label}] ${message}\n`;
}
