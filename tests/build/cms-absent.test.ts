import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_DIST } from '../helpers/site';

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );

// The web editor is served by `npm run cms` only: the readers' build holds no trace of it.
describe('readers’ site without the web editor', () => {
  it('has no admin page, no Decap code and no proxy address', () => {
    const all = files(SAMPLE_DIST);
    expect(all.length).toBeGreaterThan(10);
    expect(
      all.map((f) => relative(SAMPLE_DIST, f)).filter((f) => /(^|\/)admin(\/|$)|decap/i.test(f)),
    ).toEqual([]);
    const mentions = all
      .filter((f) => /\.(html|js|json|txt|xml|css)$|_headers$/.test(f))
      .filter((f) => /decap-cms|\/api\/v1|CMS_MANUAL_INIT/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SAMPLE_DIST, f));
    expect(mentions).toEqual([]);
  });
});
