/**
 * Removes from a rendered article body whatever could run script, whichever
 * pipeline renders it (Markdown: hast elements; MDX: JSX nodes and the JSX in
 * expressions): script-bearing elements, event handler and HTML-valued
 * attributes, `style` attributes (the CSP blocks them) and `javascript:`-like
 * addresses. `npm run check` refuses all of these with a message
 * (src/lib/content/body-script.ts); this step is the net under it, so nothing
 * reaches the offline snapshot (which has no CSP) even if the check misses a form.
 * Registered in the Markdown configuration (config.ts) for both pipelines.
 */
import {
  BLOCKED_ATTRIBUTES,
  BLOCKED_ELEMENTS,
  URL_ATTRIBUTES,
  dangerousScheme,
  isEventHandler,
} from '../schema/script-free';

interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}
interface Node {
  type: string;
  tagName?: string;
  name?: string | null;
  value?: string;
  properties?: Record<string, unknown>;
  attributes?: JsxAttribute[];
  children?: Node[];
  data?: { estree?: unknown };
}

const IMAGE_TAGS = new Set(['img', 'source', 'picture', 'image']);

export default function rehypeNoScript() {
  // Typed loosely: the hast and MDX node types differ between the two pipelines.
  return (tree: object) => clean(tree as Node);
}

function clean(node: Node): void {
  if (!node.children) return;
  node.children = node.children.filter((child) => keep(child));
  for (const child of node.children) {
    if (child.type === 'element') cleanProperties(child);
    else if (child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement')
      cleanJsxAttributes(child);
    clean(child);
  }
}

function keep(node: Node): boolean {
  const name = node.type === 'element' ? node.tagName : isJsx(node) ? node.name : undefined;
  if (name && BLOCKED_ELEMENTS.has(name.toLowerCase())) return false;
  // Raw HTML is parsed later in Astro's Markdown pipeline; a body with any goes to MDX
  // (mdx-detect.ts), so one here is unexpected: keep it as text, never as markup.
  if (node.type === 'raw') Object.assign(node, { type: 'text' });
  // JSX written inside an expression ({<a onclick=…>}) is dropped whole when it holds anything unsafe.
  if (node.data?.estree && unsafeEstree(node.data.estree)) return false;
  return true;
}

const isUrlAttribute = (name: string) => URL_ATTRIBUTES.has(name.toLowerCase());
const isJsx = (n: Node) => n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement';

/** Whether an attribute (name, value) must go; `value` undefined when not a plain string. */
function unsafeAttribute(tag: string, name: string, value: string | undefined): boolean {
  const n = name.toLowerCase();
  if (isEventHandler(n) || BLOCKED_ATTRIBUTES.has(n) || n === 'style') return true;
  if (value === undefined) return false;
  const image = IMAGE_TAGS.has(tag.toLowerCase()) && (n === 'src' || n === 'srcset');
  return dangerousScheme(value, { image }) !== undefined;
}

function cleanProperties(el: Node): void {
  const props = el.properties;
  if (!props) return;
  for (const [key, v] of Object.entries(props)) {
    const value = Array.isArray(v) ? v.join(' ') : typeof v === 'string' ? v : undefined;
    // hast names: onClick → onclick, dangerouslySetInnerHTML stays as written.
    if (unsafeAttribute(el.tagName ?? '', key, value)) delete props[key];
  }
}

function cleanJsxAttributes(el: Node): void {
  if (!el.attributes) return;
  const tag = el.name ?? '';
  const html = /^[a-z]/.test(tag);
  el.attributes = el.attributes.filter((a) => {
    // {...spread} on an HTML element could carry anything.
    if (a.type !== 'mdxJsxAttribute') return !html;
    const value = typeof a.value === 'string' ? a.value : undefined;
    if (unsafeAttribute(tag, a.name ?? '', value)) return false;
    // An expression value of a link or source is not known until run time: drop it.
    if (html && value === undefined && a.value != null && isUrlAttribute(a.name ?? ''))
      return false;
    return true;
  });
}

/** JSX inside an expression: a blocked element, a handler or an unsafe string attribute. */
function unsafeEstree(tree: unknown): boolean {
  const stack: unknown[] = [tree];
  while (stack.length) {
    const n = stack.pop();
    if (!n || typeof n !== 'object') continue;
    const node = n as Record<string, unknown>;
    if (node.type === 'JSXOpeningElement') {
      const nameNode = node.name as { type: string; name?: string } | undefined;
      const tag = nameNode?.type === 'JSXIdentifier' ? (nameNode.name ?? '') : '';
      if (BLOCKED_ELEMENTS.has(tag.toLowerCase())) return true;
      for (const attr of (node.attributes as Record<string, unknown>[] | undefined) ?? []) {
        if (attr.type !== 'JSXAttribute') {
          if (/^[a-z]/.test(tag)) return true;
          continue;
        }
        const an = attr.name as { name?: unknown } | undefined;
        const name = typeof an?.name === 'string' ? an.name : '';
        const v = attr.value as { type?: string; value?: unknown } | null;
        const value = v?.type === 'Literal' && typeof v.value === 'string' ? v.value : undefined;
        if (unsafeAttribute(tag, name, value)) return true;
        if (/^[a-z]/.test(tag) && v && value === undefined && isUrlAttribute(name)) return true;
      }
    }
    for (const [k, v] of Object.entries(node)) {
      if (k === 'loc' || k === 'range' || k === 'position') continue;
      if (v && typeof v === 'object') stack.push(v);
    }
  }
  return false;
}
