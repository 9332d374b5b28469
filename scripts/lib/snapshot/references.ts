import { posix } from 'node:path';
import { attr, parseHtml, SRCSET_ATTRS, URL_ATTRS, walkElements } from './html';

export interface BrokenReference {
  file: string;
  attribute: string;
  value: string;
  reason: string;
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i;

/**
 * Checks that every href/src/srcset/action in the snapshot's pages is a
 * relative reference to a file in it (not a folder, not root-relative).
 * `files` is the set of paths in the snapshot.
 */
export function checkReferences(
  files: Map<string, Uint8Array> | Set<string>,
  read: (path: string) => string,
): BrokenReference[] {
  const has = (p: string) => files.has(p);
  const broken: BrokenReference[] = [];
  for (const file of files.keys()) {
    if (!file.endsWith('.html')) continue;
    walkElements(parseHtml(read(file)), (el) => {
      if (el.tagName === 'link' && /\bcanonical\b/.test(attr(el, 'rel') ?? '')) return;
      for (const a of el.attrs) {
        const values = (URL_ATTRS as readonly string[]).includes(a.name)
          ? [a.value]
          : (SRCSET_ATTRS as readonly string[]).includes(a.name)
            ? a.value.split(',').map((s) => s.trim().split(/\s+/)[0] ?? '')
            : [];
        for (const value of values) {
          const problem = checkOne(file, value.trim(), has);
          if (problem)
            broken.push({ file, attribute: `${el.tagName}@${a.name}`, value, reason: problem });
        }
      }
    });
  }
  return broken;
}

function checkOne(file: string, value: string, has: (p: string) => boolean): string | null {
  if (!value || EXTERNAL.test(value)) return null;
  if (value.startsWith('/')) return '以 / 开头，离线打开时指向磁盘根目录';
  let path = value.replace(/[?#].*$/, '');
  try {
    path = decodeURI(path);
  } catch {
    return '无法解码的地址';
  }
  if (!path) return null;
  const target = posix.normalize(posix.join(posix.dirname(file), path));
  if (target.startsWith('..')) return '指向存档之外';
  if (path.endsWith('/') || has(`${target}/index.html`))
    return '指向文件夹而不是文件（file:// 不会打开 index.html）';
  return has(target) ? null : '文件不存在';
}
