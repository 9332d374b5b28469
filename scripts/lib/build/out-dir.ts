/**
 * Where `npm run build` may write, and what it may delete. The output folder
 * is replaced as a whole, so it must never be the project, hold it, or lie in
 * a source folder, and an existing folder is replaced only when the build
 * wrote it (its `_headers` starts with the line the build writes).
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { HEADERS_FILE_HEAD } from '../../../src/lib/headers/rules';

/** Folders of the project that hold sources, tools or history, never build output. */
export const SOURCE_DIRS = [
  'content',
  'src',
  'public',
  'scripts',
  'tests',
  'node_modules',
  '.git',
  '.astro',
  '.github',
  '.ci',
];

/** The build's own working folders beside the output, named so no one else's can clash. */
export const partialDir = (out: string) => `${out}.build-partial`;
export const trashDir = (out: string, id: string | number) => `${out}.build-old-${id}`;

/** `child` is `parent` or inside it. */
function within(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The absolute path with symbolic links of its existing part resolved. */
export function realPath(path: string): string {
  const abs = resolve(path);
  if (existsSync(abs)) return realpathSync(abs);
  const parent = dirname(abs);
  return parent === abs ? abs : join(realPath(parent), basename(abs));
}

/** Whether `dir` is a folder this build wrote (or an empty one). */
export function isOwnOutput(dir: string): boolean {
  if (readdirSync(dir).length === 0) return true;
  const headers = join(dir, '_headers');
  if (!existsSync(headers)) return false;
  return readFileSync(headers, 'utf8').startsWith(HEADERS_FILE_HEAD);
}

export interface OutDirProblem {
  message: string;
  expected: string;
}

/**
 * Why `out` cannot be the output folder, or undefined when it can.
 * `sources` are extra source folders (a content folder given by FEIGONG_CONTENT).
 */
export function outDirProblem(
  out: string,
  root: string,
  sources: readonly string[] = [],
): OutDirProblem | undefined {
  const expected = '项目里的 dist 或项目外的一个新目录，例如 dist、/srv/feigong/dist';
  const target = realPath(out);
  const project = realPath(root);
  if (within(project, target)) {
    return {
      message:
        target === project
          ? '输出目录就是项目本身，构建会把整个项目删掉'
          : '输出目录包含整个项目，构建会把它连同项目一起删掉',
      expected,
    };
  }
  const dirs = [...SOURCE_DIRS.map((d) => join(project, d)), ...sources.map(realPath)];
  for (const dir of dirs) {
    if (within(target, dir) || within(dir, target)) {
      const shown = within(dir, project) ? relative(project, dir) : dir;
      return {
        message: `输出目录是源文件目录 ${shown} 或与它重叠，构建会删掉其中的文件`,
        expected,
      };
    }
  }
  for (const dir of [target, partialDir(target)]) {
    if (!existsSync(dir)) continue;
    if (!statSync(dir).isDirectory()) return { message: `${dir} 已存在且不是目录`, expected };
  }
  if (existsSync(target) && !isOwnOutput(target)) {
    return {
      message:
        '输出目录已存在且不是本构建生成的（没有构建写的 _headers），为免删掉别人的文件，构建不会替换它；请换一个目录或先自行删除它',
      expected,
    };
  }
  return undefined;
}
