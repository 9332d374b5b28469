/**
 * MANIFEST: a plain-text description of a snapshot, at its root:
 *
 *   中国非公企业党建网 离线存档 MANIFEST
 *   site: https://www.fgdjw.com.cn
 *   build-date: 2026-11-27        (Beijing date of the content's commit)
 *   commit: <40 hex>
 *   pages: 123                    (HTML pages)
 *   files: 456                    (files listed below; MANIFEST excluded)
 *
 *   <sha256>  <path>
 */
export interface Manifest {
  site: string;
  buildDate: string;
  commit: string;
  pages: number;
  files: Map<string, string>;
}

export const MANIFEST_NAME = 'MANIFEST';

export function formatManifest(m: Manifest): string {
  const lines = [
    '中国非公企业党建网 离线存档 MANIFEST',
    `site: ${m.site}`,
    `build-date: ${m.buildDate}`,
    `commit: ${m.commit}`,
    `pages: ${m.pages}`,
    `files: ${m.files.size}`,
    '',
    ...[...m.files].map(([path, hash]) => `${hash}  ${path}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** Parses a MANIFEST; throws with a Chinese message naming the bad line. */
export function parseManifest(text: string): Manifest {
  const lines = text.split('\n');
  const field = (name: string) => {
    const line = lines.find((l) => l.startsWith(`${name}: `));
    if (!line) throw new Error(`MANIFEST 缺少字段 ${name}`);
    return line.slice(name.length + 2).trim();
  };
  const files = new Map<string, string>();
  const blank = lines.indexOf('');
  lines.slice(blank + 1).forEach((line, i) => {
    if (!line) return;
    const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (!m)
      throw new Error(
        `MANIFEST 第 ${blank + 2 + i} 行格式不对 (expected "<sha256>  <path>", found ${JSON.stringify(line)})`,
      );
    files.set(m[2]!, m[1]!);
  });
  const pages = Number(field('pages'));
  const declared = Number(field('files'));
  if (declared !== files.size)
    throw new Error(`MANIFEST 声明 ${declared} 个文件，实际列出 ${files.size} 个`);
  return {
    site: field('site'),
    buildDate: field('build-date'),
    commit: field('commit'),
    pages,
    files,
  };
}
