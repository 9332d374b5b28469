import { cpuBetween, median, type PhaseName, type Phases, type PhaseSpans } from './phases';
import type { MemoryPeak } from './proc-tree';
import type { OutputStats } from './output-stats';

/** One build, as `npm run bench` measured it. */
export interface BuildRun {
  wallMs: number;
  phases: Phases;
  /** Start and end of each phase (older result files lack them). */
  spans?: PhaseSpans;
  /** The longest time the build printed nothing. */
  silence?: { ms: number; before: string };
  memory: MemoryPeak;
  output: OutputStats;
  /** `--baseline`: stock `pagefind --site` over this build's output. */
  stockPagefind?: { wallMs: number; cpuMs: number; peakRss: number };
}

/** Every figure for one corpus size. */
export interface SizeResult {
  articles: number;
  cold: BuildRun[];
  /** Rebuild with the cache kept, after editing one article. */
  warm?: BuildRun;
  /** Rebuild with the cache kept, after publishing one new article (dated today). */
  published?: BuildRun;
  /** Every cold build (and a warm build of the unedited corpus) wrote identical output. */
  deterministic?: boolean;
}

export interface BenchResult {
  date: string;
  commit: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memGiB: number;
    node: string;
    os: string;
    loadAvg: number[];
  };
  runs: number;
  seed: number;
  sizes: SizeResult[];
  /** `npm run check` on the largest corpus, when the script exists. */
  checkMs?: number;
}

const s = (ms?: number) => (ms === undefined || Number.isNaN(ms) ? '–' : (ms / 1000).toFixed(1));
const gib = (b: number) => (b / 2 ** 30).toFixed(2);
const mib = (b: number) => (b / 2 ** 20).toFixed(1);
const med = (runs: BuildRun[], f: (r: BuildRun) => number | undefined) => {
  const v = runs.map(f).filter((x): x is number => x !== undefined);
  return v.length ? median(v) : undefined;
};

/** CPU time of a phase: more than its wall time when two processes worked at once. */
const phaseCpu = (r: BuildRun, name: PhaseName) => {
  const span = r.spans?.[name];
  return span && r.memory.cpuTimeline ? cpuBetween(r.memory.cpuTimeline, span) : undefined;
};

/** The figures of one size, medians over its cold runs. */
export function summarize(r: SizeResult) {
  const wall = med(r.cold, (x) => x.wallMs)!;
  const last = r.cold[r.cold.length - 1]!;
  return {
    articles: r.articles,
    wallMs: wall,
    cpuMs: med(r.cold, (x) => x.memory.cpuMs),
    contentSyncMs: med(r.cold, (x) => x.phases.contentSync),
    bundleMs: med(r.cold, (x) => x.phases.bundle),
    renderMs: med(r.cold, (x) => x.phases.render),
    afterRenderMs: med(r.cold, (x) => x.phases.afterRender),
    indexerMs: med(r.cold, (x) => x.phases.pagefind),
    cpu: Object.fromEntries(
      (['contentSync', 'bundle', 'render', 'afterRender', 'pagefind'] as const).map((n) => [
        n,
        med(r.cold, (x) => phaseCpu(x, n)),
      ]),
    ) as Record<PhaseName, number | undefined>,
    pages: last.output.pages,
    pagesPerSecond: last.output.pages / (wall / 1000),
    peakTreeRss: Math.max(...r.cold.map((x) => x.memory.tree)),
    peakProcessRss: Math.max(...r.cold.map((x) => x.memory.process)),
    outputBytes: last.output.bytes,
    pagefindBytes: last.output.pagefindBytes,
    avgArticleHtmlBytes: last.output.avgArticleHtmlBytes,
    silenceMs: med(r.cold, (x) => x.silence?.ms),
    stockPagefindMs: med(r.cold, (x) => x.stockPagefind?.wallMs),
    stockPagefindCpuMs: med(r.cold, (x) => x.stockPagefind?.cpuMs),
    warmMs: r.warm?.wallMs,
    warmCpuMs: r.warm?.memory.cpuMs,
    publishedMs: r.published?.wallMs,
    deterministic: r.deterministic,
  };
}

/** A Markdown table of the medians, for the terminal and docs/performance.md. */
export function formatTable(result: BenchResult): string {
  const head = [
    'articles',
    'pages',
    'cold wall s',
    'CPU s',
    'content sync s (CPU)',
    'bundle s (CPU)',
    'render s (CPU)',
    'after render s (CPU)',
    'search indexer s, from build start (CPU)',
    'pages/s',
    'peak RSS tree GiB',
    'peak RSS 1 process GiB',
    'output MiB',
    'Pagefind MiB',
    'avg article HTML KiB',
    'warm rebuild s (% of cold)',
    'warm after publishing s (% of cold)',
    'same output twice',
  ];
  const rows = result.sizes.map((r) => {
    const x = summarize(r);
    return [
      x.articles.toLocaleString('en-US'),
      String(x.pages),
      s(x.wallMs),
      s(x.cpuMs),
      `${s(x.contentSyncMs)} (${s(x.cpu.contentSync)})`,
      `${s(x.bundleMs)} (${s(x.cpu.bundle)})`,
      `${s(x.renderMs)} (${s(x.cpu.render)})`,
      `${s(x.afterRenderMs)} (${s(x.cpu.afterRender)})`,
      `${s(x.indexerMs)} (${s(x.cpu.pagefind)})`,
      x.pagesPerSecond.toFixed(0),
      gib(x.peakTreeRss),
      gib(x.peakProcessRss),
      mib(x.outputBytes),
      x.pagefindBytes === undefined ? '–' : mib(x.pagefindBytes),
      (x.avgArticleHtmlBytes / 1024).toFixed(1),
      x.warmMs === undefined
        ? '–'
        : `${s(x.warmMs)} (${((100 * x.warmMs) / x.wallMs).toFixed(0)} %; CPU ${s(x.warmCpuMs)})`,
      x.publishedMs === undefined
        ? '–'
        : `${s(x.publishedMs)} (${((100 * x.publishedMs) / x.wallMs).toFixed(0)} %)`,
      x.deterministic === undefined ? '–' : x.deterministic ? 'yes' : 'NO',
    ];
  });
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const out = [line(head), line(head.map(() => '---')), ...rows.map(line)];
  const sizes = result.sizes.map(summarize);
  for (let i = 1; i < sizes.length; i++) {
    const a = sizes[i - 1]!,
      b = sizes[i]!;
    out.push(
      '',
      `${b.articles} / ${a.articles} articles: ${(b.wallMs / a.wallMs).toFixed(2)} × the wall time`,
    );
  }
  for (const x of sizes)
    if (x.silenceMs !== undefined)
      out.push(
        '',
        `${x.articles} articles: longest silence in the build's log ${s(x.silenceMs)} s`,
      );
  for (const x of sizes)
    if (x.stockPagefindMs !== undefined && x.indexerMs !== undefined)
      out.push(
        '',
        `${x.articles} articles, search index: this project's indexer ${s(x.indexerMs)} s from the build's start ` +
          `(${s(x.afterRenderMs)} s after rendering), stock \`pagefind --site\` ${s(x.stockPagefindMs)} s (CPU ${s(x.stockPagefindCpuMs)} s) ` +
          `over the same output: ratio ${(x.indexerMs / x.stockPagefindMs).toFixed(2)} (indexer / stock), ` +
          `${((x.afterRenderMs ?? 0) / x.stockPagefindMs).toFixed(2)} (wait after rendering / stock)`,
      );
  if (result.checkMs !== undefined)
    out.push(
      '',
      `npm run check (${sizes[sizes.length - 1]?.articles} articles): ${s(result.checkMs)} s`,
    );
  out.push(
    '',
    `CPU s: user + system time of the whole build process tree (less sensitive to other load than wall time); ` +
      `a phase's CPU above its wall time means both cores worked (the search indexer runs beside bundling and rendering).`,
  );
  out.push(
    '',
    `${result.machine.cpus} × ${result.machine.cpuModel}, ${result.machine.memGiB} GiB RAM, Node ${result.machine.node}; ` +
      `median of ${result.runs} cold run(s); commit ${result.commit}, ${result.date}`,
  );
  return out.join('\n');
}
