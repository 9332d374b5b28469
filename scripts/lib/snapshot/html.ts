import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];

/** Parses a page with source offsets, so edits can splice the original text. */
export function parseHtml(html: string) {
  return parse(html, { sourceCodeLocationInfo: true });
}

/** Visits every element, including those inside `<template>`. */
export function walkElements(node: Node, visit: (el: Element) => void): void {
  if ('tagName' in node) visit(node);
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) walkElements(child, visit);
  if ('content' in node && node.content) walkElements(node.content as Node, visit);
}

export function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping edits to the original text (any order given). */
export function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start))
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

export function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

export function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attributes that hold one URL or a srcset, per element. */
export const URL_ATTRS = ['href', 'src', 'action', 'poster', 'data'] as const;
export const SRCSET_ATTRS = ['srcset', 'imagesrcset'] as const;

/** The element's text, white space collapsed. */
export function textOf(node: Node): string {
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeName === '#text' && 'value' in n) parts.push(n.value);
    else if ('childNodes' in n && n.nodeName !== 'script' && n.nodeName !== 'style')
      for (const c of n.childNodes) walk(c);
  };
  walk(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}
