import { posix } from 'node:path';

/**
 * Maps a site URL path to the file that serves it in a folder:
 * `/channel/x/` → `channel/x/index.html`. `exists` says whether a file exists.
 */
export function fileForPath(pathname: string, exists: (rel: string) => boolean): string | null {
  let p = pathname.replace(/^\/+/, '');
  try {
    p = decodeURI(p);
  } catch {
    /* keep as is */
  }
  if (p === '' || p.endsWith('/')) return exists(`${p}index.html`) ? `${p}index.html` : null;
  if (exists(p)) return p;
  if (exists(`${p}/index.html`)) return `${p}/index.html`;
  return null;
}

/** The live URL path a snapshot file stands for: `a/index.html` → `/a/`. */
export function livePathForFile(rel: string): string {
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return `/${rel.slice(0, -'index.html'.length)}`;
  return `/${rel}`;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export interface RewriteContext {
  /** The page's own path in the folder, e.g. `articles/x/index.html`. */
  from: string;
  /** Whether a file exists in the snapshot folder. */
  exists: (rel: string) => boolean;
}

/**
 * Makes one reference relative and file-based, or returns it unchanged when
 * it is external, a fragment, or points at nothing in the folder.
 */
export function toRelative(ref: string, ctx: RewriteContext): string {
  const value = ref.trim();
  if (!value || value.startsWith('#') || value.startsWith('//') || SCHEME.test(value)) return ref;
  const cut = value.search(/[?#]/);
  const path = cut < 0 ? value : value.slice(0, cut);
  const tail = cut < 0 ? '' : value.slice(cut);
  const fromDir = posix.dirname(ctx.from);
  let absolute = path.startsWith('/') ? path : posix.join('/', fromDir, path);
  if ((path.endsWith('/') || path.endsWith('..')) && !absolute.endsWith('/')) absolute += '/';
  const target = fileForPath(path === '' ? `/${ctx.from}` : absolute, ctx.exists);
  if (!target) return ref;
  const rel = posix.relative(fromDir === '.' ? '' : fromDir, target) || posix.basename(target);
  return encodeURI(rel) + tail;
}

/** Rewrites each URL of a `srcset` list, keeping its descriptors. */
export function srcsetToRelative(srcset: string, ctx: RewriteContext): string {
  return srcset
    .split(',')
    .map((part) => {
      const m = /^(\s*)(\S+)(.*)$/s.exec(part);
      return m ? `${m[1]}${toRelative(m[2]!, ctx)}${m[3]}` : part;
    })
    .join(',');
}
