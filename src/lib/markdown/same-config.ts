import { markdownConfigDefaults } from '@astrojs/markdown-remark';
import { markdownConfig } from './config';

/**
 * Whether Astro's resolved `config.markdown` (what the loader context's
 * `renderMarkdown` renders with) is the site's configuration (config.ts) with
 * Astro's defaults filled in, i.e. what a render worker renders with; if
 * astro.config.mjs ever stops handing Astro that module, the articles loader
 * renders on its own thread instead of with different HTML. Compared by value,
 * plugins by name and options, object keys in any order. The defaults are
 * @astrojs/mdx's copy of the package (the loader runs in Vite's module runner
 * and cannot load Astro's then); tests/unit/markdown-pool.test.ts checks the
 * result against Astro's own config validation.
 */
export function isSiteMarkdownConfig(resolved: object): boolean {
  const ours: Record<string, unknown> = { ...markdownConfigDefaults, ...markdownConfig };
  const theirs = resolved as Record<string, unknown>;
  const keys = new Set([...Object.keys(ours), ...Object.keys(theirs)]);
  // Shiki settings only count when there is syntax highlighting.
  if (ours.syntaxHighlight === false && theirs.syntaxHighlight === false)
    keys.delete('shikiConfig');
  return [...keys].every((k) => canonical(ours[k]) === canonical(theirs[k]));
}

/** JSON with sorted object keys and functions by name. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === 'function') return `fn:${v.name}`;
    if (v && typeof v === 'object' && !Array.isArray(v))
      return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)));
    return v;
  });
}
