import remarkSmartypants from 'remark-smartypants';

interface MdNode {
  type?: string;
  value?: unknown;
  children?: MdNode[];
}

/**
 * Astro's SmartyPants (straight quotes, `--`, `...` and backticks to
 * typographic ones), run only on bodies that contain one of those characters.
 * SmartyPants re-parses every paragraph into a natural-language tree, which
 * was a third of the Markdown render time on Chinese articles that never use
 * ASCII quotes; on such a body it would change nothing, so skipping it keeps
 * the HTML identical. Configured with `smartypants: false` in the Markdown
 * configuration (config.ts) so the Markdown and MDX pipelines both use this instead.
 */
export default function remarkSmartypantsWhenNeeded() {
  const transform = (remarkSmartypants as unknown as () => (tree: MdNode) => void)();
  return (tree: MdNode) => {
    if (hasSmartypantsCandidate(tree)) transform(tree);
  };
}

/** The characters retext-smartypants rewrites: quotes, backticks, dashes, ellipses. */
const CANDIDATE = /["'`]|--|\.\s*\./;

export function hasSmartypantsCandidate(n: MdNode): boolean {
  if (n.type === 'text' && typeof n.value === 'string' && CANDIDATE.test(n.value)) return true;
  return Array.isArray(n.children) && n.children.some(hasSmartypantsCandidate);
}
