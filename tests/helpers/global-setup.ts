import { rmSync } from 'node:fs';
import { buildSite, SAMPLE_DIST } from './site';

/** Builds the sample site once for every build and browser test. */
export default function setup() {
  if (process.env.FEIGONG_REUSE_BUILD) return;
  rmSync(SAMPLE_DIST, { recursive: true, force: true });
  const r = buildSite({ outDir: SAMPLE_DIST });
  if (r.status !== 0) throw new Error(`sample site build failed:\n${r.output}`);
}
