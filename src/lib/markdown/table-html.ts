/**
 * Makes Markdown tables come out of Astro's Markdown pipeline the way the MDX
 * compiler writes them, so an article's HTML does not depend on which of the
 * two pipelines rendered it (see mdx-detect.ts): cell alignment as a class
 * (`align-left`, `align-center`, `align-right`, styled in global.css) — not
 * MDX's default `style="text-align:…"`, which the CSP's style-src blocks, nor
 * `align`, obsolete in HTML5 — and no whitespace text between table rows and
 * cells (MDX drops it because JSX cannot hold it there). Registered in the
 * Markdown configuration (config.ts) for both pipelines.
 */
interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

const TABLE_PARTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr']);

export default function rehypeTablesLikeMdx() {
  return (tree: HastNode) => visit(tree);
}

function visit(node: HastNode): void {
  if (node.type === 'element' && node.tagName && node.children) {
    if (TABLE_PARTS.has(node.tagName)) {
      node.children = node.children.filter((c) => !(c.type === 'text' && !c.value?.trim()));
    }
    if ((node.tagName === 'td' || node.tagName === 'th') && node.properties?.align) {
      const { align, ...rest } = node.properties;
      node.properties = { ...rest, className: [`align-${String(align)}`] };
    }
  }
  node.children?.forEach(visit);
}
