/**
 * `npm run bench:check [-- --articles 10000 --runs 5]`: generates a corpus,
 * times `npm run check`'s work over it several times and prints the median.
 * Heavy: run it under `flock /tmp/feigong-heavy.lock`.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '5' },
    keep: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(
    '用法: npm run bench:check [-- --articles 10000 --runs 5 --keep]\n生成语料后多次运行 npm run check，打印耗时中位数；--keep 保留语料。',
  );
  process.exit(0);
}
const tsx = ['node_modules/tsx/dist/cli.mjs'];
const run = (args: string[]) =>
  spawnSync(process.execPath, [...tsx, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });

const gen = run(['scripts/corpus.ts', '--articles', values.articles!]);
if (gen.status !== 0) {
  console.error(gen.stderr || gen.stdout);
  process.exit(1);
}
const times: number[] = [];
try {
  for (let i = 0; i < Number(values.runs); i++) {
    const t = performance.now();
    const r = run(['scripts/check.ts']);
    times.push((performance.now() - t) / 1000);
    if (r.status !== 0) {
      console.error(r.stderr.split('\n').slice(-5).join('\n'));
      process.exit(1);
    }
    if (i === 0) console.log(r.stdout.trim());
  }
} finally {
  if (!values.keep) run(['scripts/corpus.ts', '--articles', '0']);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;
console.log(
  `npm run check on ${values.articles} generated articles (+ sample content): median ${median.toFixed(2)} s over ${times.length} runs [${times.map((t) => t.toFixed(2)).join(', ')}]`,
);
