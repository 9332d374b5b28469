import { createProcessor } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import { MDX_COMPONENT_NAMES } from '../../components/mdx/names';
import { showValue, type Problem } from '../schema/messages';

// GFM as in the build (src/lib/markdown/config.ts), so tables and footnotes parse the same.
const processor = createProcessor({ format: 'mdx', remarkPlugins: [remarkGfm] });

/** An mdast or estree node, as far as these checks read it. */
interface AnyNode {
  type: string;
  [key: string]: unknown;
}

const COMPONENTS: ReadonlySet<string> = new Set(MDX_COMPONENT_NAMES);
const COMPONENT_LIST = MDX_COMPONENT_NAMES.join('、');
/** Problems reported per file before the rest are left out (one slip is often repeated). */
const MAX_PROBLEMS = 20;
/** Deeper expressions are refused: the checks below walk them, and so does the compiler. */
const MAX_EXPRESSION_DEPTH = 40;

/**
 * Parses an MDX body and checks what would run when the page is rendered, so
 * that what passes the check also builds. A syntax error is reported with the
 * file's own line. Expressions in `{ }` may only be text, numbers and
 * `frontmatter.<field>` of this file's own fields (with operators between them);
 * anything else (an unknown name such as `{三个一}`, a call, a function) is
 * refused with a hint to write `\{ \}`. Tags must be HTML elements or a
 * component from src/components/mdx; `import` / `export` are refused.
 */
export function mdxBodyProblems(
  file: string,
  body: string,
  bodyLine: number,
  frontmatterKeys: readonly string[],
): Problem[] {
  let tree: AnyNode;
  try {
    tree = processor.parse(body) as unknown as AnyNode;
  } catch (error) {
    return [syntaxProblem(file, error, bodyLine)];
  }
  const keys = new Set(frontmatterKeys);
  const problems: Problem[] = [];
  const stack: AnyNode[] = [tree];
  while (stack.length && problems.length < MAX_PROBLEMS) {
    const node = stack.pop()!;
    const p = nodeProblem(node, keys);
    if (p) {
      const line = (node.position as { start?: { line?: number } } | undefined)?.start?.line ?? 1;
      problems.push({ file, line: bodyLine + line - 1, field: 'body', ...p });
    }
    const children = node.children as AnyNode[] | undefined;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return problems.sort((a, b) => a.line! - b.line!);
}

type Finding = Pick<Problem, 'message' | 'expected' | 'found'>;

function nodeProblem(node: AnyNode, keys: ReadonlySet<string>): Finding | undefined {
  switch (node.type) {
    case 'mdxjsEsm':
      return {
        message: '正文里不能写 import 或 export 语句',
        expected: `可用的组件不需要 import（${COMPONENT_LIST}）；若是正文文字，请不要让一行以 import 或 export 开头`,
        found: showValue(firstLine(node.value)),
      };
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return expressionProblem(node, keys, `{${String(node.value)}}`);
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return elementProblem(node, keys);
    default:
      return undefined;
  }
}

function elementProblem(node: AnyNode, keys: ReadonlySet<string>): Finding | undefined {
  const name = node.name as string | null;
  if (name !== null && (/^[A-Z]/.test(name) || name.includes('.')) && !COMPONENTS.has(name)) {
    return {
      message: `没有名为 ${name} 的组件`,
      expected: `可用的组件：${COMPONENT_LIST}；要显示 < 字符本身，请写 \\<`,
      found: showValue(`<${name}>`),
    };
  }
  for (const attr of (node.attributes as AnyNode[] | undefined) ?? []) {
    if (attr.type === 'mdxJsxExpressionAttribute') {
      return {
        ...codeFinding(`{${String(attr.value)}}`),
        expected: '属性写成 名字="文字"，例如 title="编者按"',
      };
    }
    const value = attr.value as AnyNode | string | null | undefined;
    if (value && typeof value === 'object') {
      const p = expressionProblem(value, keys, `${String(attr.name)}={${String(value.value)}}`);
      if (p)
        return {
          ...p,
          expected: '属性值写成带引号的文字，例如 title="编者按"，或 {frontmatter.title}',
        };
    }
  }
  return undefined;
}

/** `{ }` in text or an attribute: only values that cannot fail or run code. */
function expressionProblem(
  node: AnyNode,
  keys: ReadonlySet<string>,
  source: string,
): Finding | undefined {
  const program = (node.data as { estree?: AnyNode } | undefined)?.estree;
  const body = (program?.body as AnyNode[] | undefined) ?? [];
  if (body.length === 0) return undefined; // `{}` or a comment `{/* … */}`
  const statement = body[0]!;
  if (body.length > 1 || statement.type !== 'ExpressionStatement') return codeFinding(source);
  return valueProblem(statement.expression as AnyNode, keys, source);
}

function valueProblem(
  root: AnyNode,
  keys: ReadonlySet<string>,
  source: string,
): Finding | undefined {
  const stack: [AnyNode, number][] = [[root, 0]];
  while (stack.length) {
    const [e, depth] = stack.pop()!;
    if (depth > MAX_EXPRESSION_DEPTH) return codeFinding(source);
    const next = (...nodes: unknown[]) => {
      for (const n of nodes) stack.push([n as AnyNode, depth + 1]);
    };
    switch (e.type) {
      case 'Literal':
        // A regex or BigInt literal can throw once combined with anything else.
        if ('regex' in e || 'bigint' in e) return codeFinding(source);
        break;
      case 'TemplateLiteral':
        next(...(e.expressions as AnyNode[]));
        break;
      case 'UnaryExpression':
        if (e.operator === 'delete') return codeFinding(source);
        next(e.argument);
        break;
      case 'BinaryExpression':
        // `in` and `instanceof` throw on values that are not objects.
        if (e.operator === 'in' || e.operator === 'instanceof') return codeFinding(source);
        next(e.left, e.right);
        break;
      case 'LogicalExpression':
        next(e.left, e.right);
        break;
      case 'ConditionalExpression':
        next(e.test, e.consequent, e.alternate);
        break;
      case 'MemberExpression': {
        const p = fieldProblem(e, keys, source);
        if (p) return p;
        break;
      }
      case 'Identifier':
        return nameFinding(String(e.name), source);
      default:
        return codeFinding(source);
    }
  }
  return undefined;
}

/** `frontmatter.title` or `frontmatter["title"]`, for a field this file has. */
function fieldProblem(e: AnyNode, keys: ReadonlySet<string>, source: string): Finding | undefined {
  const object = e.object as AnyNode;
  const property = e.property as AnyNode;
  if (object.type !== 'Identifier') return codeFinding(source);
  if (object.name !== 'frontmatter') return nameFinding(String(object.name), source);
  const key = e.computed
    ? property.type === 'Literal' && typeof property.value === 'string'
      ? property.value
      : undefined
    : property.type === 'Identifier'
      ? String(property.name)
      : undefined;
  if (key === undefined || e.optional) return codeFinding(source);
  if (keys.has(key)) return undefined;
  return {
    message: `frontmatter 里没有 ${key} 这个字段`,
    expected: `本文已有的字段之一：${[...keys].join('、') || '（无）'}；要显示花括号本身，请写 \\{ 和 \\}`,
    found: showValue(source),
  };
}

function nameFinding(name: string, source: string): Finding {
  return {
    message: `花括号 { } 在 MDX 里表示代码，“${name}”不是可用的组件或 frontmatter 字段，网页无法生成`,
    expected: `要显示花括号本身，请写 ${escapeBraces(source)}；要引用字段，请写 {frontmatter.title}`,
    found: showValue(source),
  };
}

function codeFinding(source: string): Finding {
  return {
    message: '花括号 { } 里只能写文字、数字或 frontmatter.字段，不能写函数调用、变量等代码',
    expected: `要显示花括号本身，请写 ${escapeBraces(source)}`,
    found: showValue(source),
  };
}

/** `{x}` as an editor writes it to show the braces: `\{x\}` (shortened like found values). */
function escapeBraces(source: string): string {
  const s = source.length > 40 ? `${source.slice(0, 37)}…` : source;
  return s.replace(/[{}]/g, '\\$&');
}

function firstLine(value: unknown): string {
  return String(value).split('\n')[0]!;
}

function syntaxProblem(file: string, error: unknown, bodyLine: number): Problem {
  const e = error as {
    line?: number;
    reason?: string;
    message?: string;
    place?: { line?: number; start?: { line?: number } };
  };
  const line = e.line ?? e.place?.line ?? e.place?.start?.line;
  return {
    file,
    line: line ? bodyLine + line - 1 : bodyLine,
    field: 'body',
    message: `MDX 语法错误：${(e.reason ?? e.message ?? String(error)).split('\n')[0]}。若要显示 < { } 字符本身，请在前面加反斜杠，例如 \\{`,
  };
}
