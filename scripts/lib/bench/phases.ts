/**
 * Splits a build's log into phases. Every line is stamped (milliseconds since
 * the build started) by the benchmark as it arrives, so phases are measured
 * to the millisecond whatever Astro prints; the markers are Astro 5's own
 * log lines.
 */
export interface StampedLine {
  ms: number;
  text: string;
}

export interface Phases {
  /** `[content] Syncing content` → `[content] Synced content`. */
  contentSync?: number;
  /** Vite/Rollup bundling: `Building static entrypoints...` → its `✓ Completed`. */
  bundle?: number;
  /** Astro rendering the pages: `generating static routes` → its `✓ Completed`. */
  render?: number;
  /** After the pages: integrations' build-done hooks (sitemap, Pagefind) and the output swap. */
  afterRender?: number;
  /** Lines that mention Pagefind, first to last (0 when it logs a single line). */
  pagefind?: number;
}

// Astro colours its output when it thinks it may; the markers are matched without colour.
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

export function parsePhases(lines: readonly StampedLine[], endMs: number): Phases {
  const plain = lines.map((l) => ({ ms: l.ms, text: l.text.replace(ANSI, '') }));
  const first = (re: RegExp, from = 0) => {
    for (let i = from; i < plain.length; i++) if (re.test(plain[i]!.text)) return i;
    return -1;
  };
  const span = (startRe: RegExp, endRe: RegExp) => {
    const a = first(startRe);
    const b = a < 0 ? -1 : first(endRe, a + 1);
    return b < 0 ? undefined : plain[b]!.ms - plain[a]!.ms;
  };
  const out: Phases = {
    contentSync: span(/\[content\] Syncing content/, /\[content\] Synced content/),
    bundle: span(/Building static entrypoints/, /✓ Completed in/),
    render: span(/generating static routes/, /✓ Completed in/),
  };
  const routes = first(/generating static routes/);
  const routesDone = routes < 0 ? -1 : first(/✓ Completed in/, routes + 1);
  if (routesDone >= 0) out.afterRender = endMs - plain[routesDone]!.ms;
  const pf = plain.filter((l) => /pagefind/i.test(l.text));
  if (pf.length) out.pagefind = pf[pf.length - 1]!.ms - pf[0]!.ms;
  return out;
}

export function median(values: readonly number[]): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
