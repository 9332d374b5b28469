/**
 * `npm run bench -- --articles 1000,5000,10000 [--runs 3] [--seed 1]`
 * For each size: generates the corpus, builds it from cold `--runs` times
 * (output, .astro and the content-layer cache cleared), then rebuilds warm
 * after editing one article, once more with the edit undone to check
 * that the output is byte-identical to the cold build, and once after
 * publishing one new article (dated today). Prints a Markdown
 * table of medians and writes every figure to bench-results/<date>-<commit>.json.
 * Runs under `flock /tmp/feigong-heavy.lock` so heavy jobs never overlap.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { listArticleFiles } from '../src/lib/content/paths';
import { outputStats } from './lib/bench/output-stats';
import { partialDir } from './lib/build/out-dir';
import { longestSilence, parsePhases, phaseSpans, type StampedLine } from './lib/bench/phases';
import { sampleMemory } from './lib/bench/proc-tree';
import { formatTable, type BenchResult, type BuildRun, type SizeResult } from './lib/bench/report';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000,5000,10000' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    'no-warm': { type: 'boolean' },
    baseline: { type: 'boolean' },
    'keep-output': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(`用法: npm run bench -- --articles 1000,5000,10000 [--runs 3] [--seed 1] [--no-warm] [--baseline]
对每个规模生成语料、冷构建 runs 次（清空输出、.astro 和内容缓存），再修改一篇文章做一次热构建、撤销修改再构建一次，
并新发布一篇（日期为今天）的文章做一次热构建；
打印中位数表格并写入 bench-results/<日期>-<提交>.json。整个过程持有 /tmp/feigong-heavy.lock。
--baseline：每次冷构建后，再用原版 Pagefind CLI（pagefind --site <输出>，默认设置）索引同一份输出，
计时并打印与本项目索引进程的比值。
--keep-output <目录>：保留最后一次冷构建的输出（例如给 npm run bench:search -- --skip-build 用）。
生成的语料留在 content/articles/_corpus（npm run corpus -- --articles 0 可删除）。`);
  process.exit(0);
}
const sizes = values.articles!.split(',').map(Number);
const runs = Number(values.runs);
const seed = Number(values.seed);
if (
  sizes.some((n) => !Number.isInteger(n) || n < 1) ||
  !Number.isInteger(runs) ||
  runs < 1 ||
  !Number.isInteger(seed)
) {
  console.error('--articles 是逗号分隔的正整数，--runs 和 --seed 是整数 (expected integers)');
  process.exit(2);
}

const ROOT = resolve(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const LOCK = '/tmp/feigong-heavy.lock';

// Hold the heavy-job lock for the whole benchmark (re-run this script under flock).
if (!process.env.FEIGONG_HEAVY_LOCK_HELD && existsSync('/usr/bin/flock')) {
  const r = spawnSync(
    'flock',
    [LOCK, process.execPath, TSX, join(ROOT, 'scripts/bench.ts'), ...process.argv.slice(2)],
    {
      stdio: 'inherit',
      cwd: ROOT,
      env: { ...process.env, FEIGONG_HEAVY_LOCK_HELD: '1' },
    },
  );
  process.exit(r.status ?? 1);
}

const WORK = join(ROOT, '.bench');
const LOGS = join(WORK, 'logs');
const OUT = join(WORK, 'dist');
const CACHE = join(WORK, 'cache');
const env = {
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: '1',
  FEIGONG_CACHE_DIR: CACHE,
  NO_COLOR: '1',
  FORCE_COLOR: '0',
};

function clearAll() {
  for (const p of [OUT, partialDir(OUT), CACHE, join(ROOT, '.astro')])
    rmSync(p, { recursive: true, force: true });
}

/** One `npm run build` (scripts/build.ts), its log stamped line by line. */
async function build(label: string): Promise<BuildRun> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [TSX, 'scripts/build.ts', '--outDir', OUT], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const mem = sampleMemory(child.pid!);
  const lines: StampedLine[] = [];
  const collect = (s: NodeJS.ReadableStream) =>
    createInterface({ input: s }).on('line', (text) =>
      lines.push({ ms: performance.now() - t0, text }),
    );
  collect(child.stdout);
  collect(child.stderr);
  const code: number = await new Promise((done) => child.on('close', (c) => done(c ?? 1)));
  const wallMs = performance.now() - t0;
  const memory = mem.stop();
  if (code !== 0) {
    console.error(lines.map((l) => l.text).join('\n'));
    throw new Error(`build failed (${label}), exit ${code}`);
  }
  mkdirSync(LOGS, { recursive: true });
  writeFileSync(
    join(LOGS, `${label.replace(/\W+/g, '-')}.log`),
    lines.map((l) => `${(l.ms / 1000).toFixed(3).padStart(8)} ${l.text}`).join('\n'),
  );
  const run: BuildRun = {
    wallMs,
    phases: parsePhases(lines, wallMs),
    spans: phaseSpans(lines, wallMs),
    silence: longestSilence(lines, wallMs),
    memory,
    output: outputStats(OUT),
  };
  console.log(
    `  ${label}: ${(wallMs / 1000).toFixed(1)} s, peak ${(memory.process / 2 ** 30).toFixed(2)} GiB (${memory.processName}), ${run.output.pages} pages, longest silence ${(run.silence!.ms / 1000).toFixed(1)} s (before "${run.silence!.before.slice(0, 60)}")`,
  );
  return run;
}

/**
 * Stock Pagefind's CLI with its default settings over the build's own output,
 * into a separate folder: what indexing these pages costs without this
 * project's indexer, measured on the same machine in the same run.
 */
async function stockPagefind(): Promise<NonNullable<BuildRun['stockPagefind']>> {
  const output = join(WORK, 'pagefind-stock');
  rmSync(output, { recursive: true, force: true });
  const t0 = performance.now();
  const child = spawn(
    join(ROOT, 'node_modules/.bin/pagefind'),
    ['--site', OUT, '--output-path', output],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const mem = sampleMemory(child.pid!);
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d));
  const code: number = await new Promise((done) => child.on('close', (c) => done(c ?? 1)));
  const wallMs = performance.now() - t0;
  const memory = mem.stop();
  rmSync(output, { recursive: true, force: true });
  if (code !== 0) throw new Error(`pagefind --site failed (exit ${code}): ${err}`);
  console.log(
    `  stock pagefind --site: ${(wallMs / 1000).toFixed(1)} s, CPU ${(memory.cpuMs / 1000).toFixed(1)} s, peak ${(memory.process / 2 ** 30).toFixed(2)} GiB`,
  );
  return { wallMs, cpuMs: memory.cpuMs, peakRss: memory.process };
}

/** Copies the cold build's output where the caller asked (replacing what was there). */
function keep(dir: string) {
  const to = resolve(ROOT, dir);
  rmSync(to, { recursive: true, force: true });
  cpSync(OUT, to, { recursive: true });
  console.log(`  output kept in ${to}`);
}

function git(args: string[]): string {
  return spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
}

const result: BenchResult = {
  date: new Date().toISOString(),
  commit: `${git(['rev-parse', '--short', 'HEAD'])}${git(['status', '--porcelain', '--untracked-files=no']) ? '-dirty' : ''}`,
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? '?',
    memGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    os: `${process.platform} ${release()}`,
    loadAvg: loadavg(),
  },
  runs,
  seed,
  sizes: [],
};
const hasCheck = !!JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts?.check;

for (const [i, n] of sizes.entries()) {
  console.log(`\n== ${n} articles ==`);
  const gen = spawnSync(
    process.execPath,
    [TSX, 'scripts/corpus.ts', '--articles', String(n), '--seed', String(seed)],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (gen.status !== 0) throw new Error('corpus generation failed');
  const size: SizeResult = { articles: n, cold: [] };
  for (let r = 1; r <= runs; r++) {
    clearAll();
    size.cold.push(await build(`cold ${r}/${runs}`));
    if (values['keep-output'] && r === runs) keep(values['keep-output']);
    if (values.baseline) size.cold[size.cold.length - 1]!.stockPagefind = await stockPagefind();
  }
  const coldDigests = new Set(size.cold.map((c) => c.output.digest));
  if (!values['no-warm']) {
    // Edit one generated article the way an editor would: one more paragraph.
    const file = listArticleFiles().find((f) => f.includes('/_corpus/'))!;
    const original = readFileSync(file);
    writeFileSync(file, `${original.toString('utf8').trimEnd()}\n\n基准测试：修改了一段文字。\n`);
    try {
      size.warm = await build('warm, one article edited');
    } finally {
      writeFileSync(file, original);
    }
    const again = await build('warm, edit undone');
    coldDigests.add(again.output.digest);
    // An editor's most common change: one new article, dated today (the newest shard changes).
    const added = join(dirname(file), `bench-published${extname(file)}`);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    writeFileSync(
      added,
      readFileSync(file, 'utf8')
        .replace(/^title: .*$/m, 'title: "基准测试新发布的稿件"')
        .replace(/^date: .*$/m, `date: ${today}`),
    );
    try {
      size.published = await build('warm, one article published');
    } finally {
      rmSync(added);
    }
  }
  size.deterministic = coldDigests.size === 1;
  result.sizes.push(size);
  if (hasCheck && i === sizes.length - 1) {
    const t = performance.now();
    const c = spawnSync('npm', ['run', 'check'], { cwd: ROOT, env, stdio: 'ignore' });
    result.checkMs = performance.now() - t;
    console.log(`  npm run check: ${(result.checkMs / 1000).toFixed(1)} s (exit ${c.status})`);
  }
}

const table = formatTable(result);
console.log(`\n${table}\n`);
mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
const out = join(ROOT, 'bench-results', `${result.date.slice(0, 10)}-${result.commit}.json`);
writeFileSync(out, `${JSON.stringify({ ...result, table }, null, 2)}\n`);
console.log(`→ ${out}`);
clearAll();
