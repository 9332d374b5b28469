import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostileArticle, prng } from './tests/helpers/hostile-input';
const r = prng(Number(process.argv[2] ?? 20261201));
const dir = mkdtempSync(join(tmpdir(), 'feigong-fuzzp-'));
cpSync('content/data', join(dir, 'data'), { recursive: true });
mkdirSync(join(dir, 'articles'));
for (let i = 0; i < 300; i++) {
  const a = hostileArticle(r, i);
  writeFileSync(join(dir, 'articles', a.name), a.content);
}
console.log(dir);
