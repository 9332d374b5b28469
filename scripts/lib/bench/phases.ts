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
  /**
   * Lines that mention Pagefind, first to last: the indexer's whole life, from
   * the build's start (it runs beside bundling and rendering) to its last shard.
   */
  pagefind?: number;
}

// Astro colours its output when it thinks it may; the markers are matched without colour.
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

export type PhaseName = keyof Phases;
/** Where each phase starts and ends, ms since the build started. */
export type PhaseSpans = Partial<Record<PhaseName, [number, number]>>;

export function phaseSpans(lines: readonly StampedLine[], endMs: number): PhaseSpans {
  const plain = lines.map((l) => ({ ms: l.ms, text: l.text.replace(ANSI, '') }));
  const first = (re: RegExp, from = 0) => {
    for (let i = from; i < plain.length; i++) if (re.test(plain[i]!.text)) return i;
    return -1;
  };
  const span = (startRe: RegExp, endRe: RegExp): [number, number] | undefined => {
    const a = first(startRe);
    const b = a < 0 ? -1 : first(endRe, a + 1);
    return b < 0 ? undefined : [plain[a]!.ms, plain[b]!.ms];
  };
  const out: PhaseSpans = {};
  const set = (name: PhaseName, v: [number, number] | undefined) => {
    if (v) out[name] = v;
  };
  set('contentSync', span(/\[content\] Syncing content/, /\[content\] Synced content/));
  set('bundle', span(/Building static entrypoints/, /✓ Completed in/));
  const render = span(/generating static routes/, /✓ Completed in/);
  set('render', render);
  if (render) out.afterRender = [render[1], endMs];
  const pf = plain.filter((l) => /pagefind/i.test(l.text));
  if (pf.length) out.pagefind = [pf[0]!.ms, pf[pf.length - 1]!.ms];
  return out;
}

export function parsePhases(lines: readonly StampedLine[], endMs: number): Phases {
  const out: Phases = {};
  for (const [name, [a, b]] of Object.entries(phaseSpans(lines, endMs)) as [
    PhaseName,
    [number, number],
  ][])
    out[name] = b - a;
  return out;
}

/**
 * The longest time the build printed nothing, ms, and the line that ended
 * it: a build of thousands of articles should say where it is at least
 * every 10 s.
 */
export function longestSilence(
  lines: readonly StampedLine[],
  endMs: number,
): { ms: number; before: string } {
  let best = { ms: 0, before: '' };
  let last = 0;
  for (const l of [...lines, { ms: endMs, text: '(end)' }]) {
    if (l.ms - last > best.ms) best = { ms: l.ms - last, before: l.text.replace(ANSI, '') };
    last = l.ms;
  }
  return best;
}

/** CPU time the build's process tree used between two moments, from its sampled timeline. */
export function cpuBetween(
  timeline: readonly { ms: number; cpuMs: number }[],
  [a, b]: [number, number],
): number | undefined {
  const at = (t: number) => {
    let v: number | undefined;
    for (const p of timeline) if (p.ms <= t) v = p.cpuMs;
    return v;
  };
  const x = at(a) ?? 0;
  const y = at(b);
  return y === undefined ? undefined : y - x;
}

export function median(values: readonly number[]): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
