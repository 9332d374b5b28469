import { rmSync } from 'node:fs';
import { buildSite, SAMPLE_DIST } from './site';

// The build and e2e projects both list this file, and vitest loads it once per
// project; this mark on the main process's global makes one run build once.
const BUILT = Symbol.for('feigong.sampleSiteBuilt');
type Marked = typeof globalThis & { [BUILT]?: true };

/** Builds the sample site once per test run for every build and browser test. */
export default function setup() {
  const g = globalThis as Marked;
  if (process.env.FEIGONG_REUSE_BUILD || g[BUILT]) return;
  rmSync(SAMPLE_DIST, { recursive: true, force: true });
  const r = buildSite({ outDir: SAMPLE_DIST });
  if (r.status !== 0) throw new Error(`sample site build failed:\n${r.output}`);
  g[BUILT] = true;
}
