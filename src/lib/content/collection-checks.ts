import type { Problem } from '../schema/messages';
import { redirectPagePath } from '../redirects';
import { articlePath } from '../urls';
import { bodyRefs } from './body-refs';
import { slugOf, type ParsedArticle } from './parse-article';
import { normalizePath, pageExists, publicFileExists, type SiteIndex } from './site-routes';

/**
 * Two files that claim one URL, judged from file names alone so that it is
 * reported even when one of the files has other problems too.
 */
export function duplicateUrlProblems(files: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const first = new Map<string, string>();
  for (const file of files) {
    const slug = slugOf(file).toLowerCase();
    const other = first.get(slug);
    if (other === undefined) {
      first.set(slug, file);
      continue;
    }
    problems.push({
      file,
      field: 'file',
      message: `两篇文章的网址相同：/articles/${slug}/，另一篇是 ${other}。请给其中一篇改文件名`,
      expected: '每篇文章的文件名（网址）唯一',
      found: `${other} 和 ${file}`,
    });
  }
  return problems;
}

/**
 * Checks that need every article at once: `related` ids that exist, aliases
 * that shadow a page or each other, links and images in bodies that lead nowhere.
 */
export function collectionProblems(articles: readonly ParsedArticle[], idx: SiteIndex): Problem[] {
  const problems: Problem[] = [];
  const aliasOwner = new Map<string, string>();
  const aliasFiles = new Map<string, { file: string; line?: number; alias: string }>();
  for (const a of articles) {
    const file = a.data.file;
    for (const id of a.data.related) {
      if (!idx.articleSlugs.has(id)) {
        problems.push({
          file,
          line: a.keyLines.related,
          field: 'related',
          message: '相关稿件里的文章不存在',
          expected: '已有文章的文件名（不含 .mdx）',
          found: JSON.stringify(id),
        });
      }
    }
    for (const alias of a.data.aliases) {
      const key = normalizePath(alias);
      const other = aliasOwner.get(key);
      if (key === articlePath(a.slug) || pageExists(key, idx)) {
        problems.push({
          file,
          line: a.keyLines.aliases,
          field: 'aliases',
          message: '旧网址与站内已有的页面相同，跳转会把那个页面盖掉',
          expected: '只填旧网站的网址',
          found: JSON.stringify(alias),
        });
      } else if (other !== undefined) {
        problems.push({
          file,
          line: a.keyLines.aliases,
          field: 'aliases',
          message:
            other === file ? '同一个旧网址写了两次' : `这个旧网址已经跳转到另一篇文章：${other}`,
          expected: '每个旧网址只属于一篇文章',
          found: JSON.stringify(alias),
        });
      } else {
        aliasOwner.set(key, file);
        aliasFiles.set(redirectPagePath(alias), { file, line: a.keyLines.aliases, alias });
      }
    }
    if (a.data.cover !== undefined) {
      const p = imageProblem(a.data.cover, idx);
      if (p) problems.push({ file, line: a.keyLines.cover, field: 'cover', ...p });
    }
    for (const ref of bodyRefs(a.body)) {
      const line = a.bodyLine + ref.line - 1;
      if (ref.kind === 'image') {
        const p = imageProblem(ref.target, idx);
        if (p) problems.push({ file, line, field: 'body', ...p });
        continue;
      }
      if (/^([a-z][a-z0-9+.-]*:|#|\/\/)/i.test(ref.target)) continue;
      const path = new URL(ref.target, `https://site${articlePath(a.slug)}`).pathname;
      if (!pageExists(path, idx)) {
        problems.push({
          file,
          line,
          field: 'body',
          message: '链接指向的文章或页面不存在',
          expected: '已有页面，例如 /articles/文件名/ 或 /channel/频道编号/',
          found: JSON.stringify(ref.target),
        });
      }
    }
  }
  problems.push(...aliasFolderProblems(aliasFiles, idx));
  return problems;
}

/**
 * Each alias becomes a file in the output; one whose folders would have to be
 * a file already (another alias's page, a file of public/, an endpoint such as
 * /rss.xml) cannot be written, and the build would fail at its very end.
 */
function aliasFolderProblems(
  aliasFiles: ReadonlyMap<string, { file: string; line?: number; alias: string }>,
  idx: SiteIndex,
): Problem[] {
  const problems: Problem[] = [];
  for (const [path, { file, line, alias }] of aliasFiles) {
    const parts = path.split('/');
    for (let i = 2; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      const other = aliasFiles.get(dir);
      if (!other && !idx.staticPaths.has(dir) && !publicFileExists(dir, idx.root)) continue;
      problems.push({
        file,
        line,
        field: 'aliases',
        message: `旧网址要求 ${dir} 是目录，但它已经是一个文件${other ? `（另一个旧网址 ${other.alias}，在 ${other.file}）` : ''}`,
        expected: '互不冲突的旧网址',
        found: JSON.stringify(alias),
      });
      break;
    }
  }
  return problems;
}

/** An image must be a file under public/ (`/images/x.jpg`) or a full web address. */
function imageProblem(
  src: string,
  idx: SiteIndex,
): Pick<Problem, 'message' | 'expected' | 'found'> | undefined {
  if (/^https?:\/\//i.test(src) || src.startsWith('data:')) return undefined;
  if (!src.startsWith('/')) {
    return {
      message: '图片地址应以 / 开头，指向 public/ 目录里的文件',
      expected: '/images/2015/photo.jpg（文件放在 public/images/2015/photo.jpg）',
      found: JSON.stringify(src),
    };
  }
  if (publicFileExists(src, idx.root)) return undefined;
  return {
    message: '图片文件不存在',
    expected: `public${src.replace(/[?#].*$/, '')} 这个文件`,
    found: JSON.stringify(src),
  };
}
