import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { sha256 } from './files';
import { MANIFEST_NAME, parseManifest, type Manifest } from './manifest';
import { checkReferences } from './references';
import { readTree } from './snapshot';
import { readZip } from './zip';

export interface VerifyResult {
  ok: boolean;
  problems: string[];
  manifest: Manifest | null;
}

/** The archive's files with the top folder (`feigong-<day>/`) taken off. */
function snapshotFiles(archive: string): Map<string, Uint8Array> {
  if (statSync(archive).isDirectory()) return readTree(archive);
  const entries = readZip(readFileSync(archive));
  const tops = new Set([...entries.keys()].map((p) => p.split('/')[0]));
  const strip = tops.size === 1 && [...entries.keys()].every((p) => p.includes('/'));
  return new Map(
    [...entries].map(([p, b]) => [strip ? p.slice(p.indexOf('/') + 1) : p, b] as const),
  );
}

/**
 * Checks a snapshot (zip or unpacked folder) against its MANIFEST: every
 * file present and unchanged, nothing extra, the page count and commit,
 * every reference resolving, and the zip's `.sha256` file when beside it.
 */
export function verifySnapshot(archive: string): VerifyResult {
  const problems: string[] = [];
  if (!existsSync(archive)) return { ok: false, problems: [`找不到 ${archive}`], manifest: null };
  if (!statSync(archive).isDirectory() && existsSync(`${archive}.sha256`)) {
    const expected = readFileSync(`${archive}.sha256`, 'utf8').split(/\s+/)[0];
    if (expected !== sha256(readFileSync(archive)))
      problems.push(`${basename(archive)}: 校验和与 ${basename(archive)}.sha256 不符`);
  }
  let files: Map<string, Uint8Array>;
  try {
    files = snapshotFiles(archive);
  } catch (e) {
    return {
      ok: false,
      problems: [...problems, `无法读取存档：${(e as Error).message}`],
      manifest: null,
    };
  }
  const raw = files.get(MANIFEST_NAME);
  if (!raw) return { ok: false, problems: [...problems, '存档中没有 MANIFEST'], manifest: null };
  let manifest: Manifest;
  try {
    manifest = parseManifest(Buffer.from(raw).toString('utf8'));
  } catch (e) {
    return { ok: false, problems: [...problems, (e as Error).message], manifest: null };
  }
  if (!/^[0-9a-f]{40}$/.test(manifest.commit))
    problems.push(`MANIFEST: commit 不是 git 提交号 (found ${manifest.commit})`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(manifest.buildDate))
    problems.push(
      `MANIFEST: build-date 格式不对 (expected YYYY-MM-DD, found ${manifest.buildDate})`,
    );
  for (const [path, hash] of manifest.files) {
    const body = files.get(path);
    if (!body) problems.push(`${path}: 缺失 (missing)`);
    else if (sha256(body) !== hash) problems.push(`${path}: 内容已改变 (SHA-256 differs)`);
  }
  for (const path of files.keys()) {
    if (path !== MANIFEST_NAME && !manifest.files.has(path))
      problems.push(`${path}: 多出的文件，MANIFEST 中没有 (extra)`);
  }
  const pages = [...manifest.files.keys()].filter((p) => p.endsWith('.html')).length;
  if (pages !== manifest.pages)
    problems.push(`MANIFEST: pages 为 ${manifest.pages}，实际页面 ${pages} 个`);
  const present = new Map([...files].filter(([p]) => manifest.files.has(p)));
  for (const b of checkReferences(present, (p) => Buffer.from(present.get(p)!).toString('utf8'))) {
    problems.push(`${b.file}: ${b.attribute}="${b.value}" ${b.reason}`);
  }
  return { ok: problems.length === 0, problems, manifest };
}
