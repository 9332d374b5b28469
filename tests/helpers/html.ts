import { parse, type HTMLElement } from 'node-html-parser';
import { readBuilt } from './site';

/** A built page, parsed. */
export function page(dist: string, path: string): HTMLElement {
  return parse(readBuilt(dist, path));
}

/** Text as a reader sees it: entities decoded, whitespace runs collapsed. */
export function text(el: HTMLElement | null | undefined): string {
  if (!el) throw new Error('element not found');
  return el.textContent.replace(/\s+/g, ' ').trim();
}

export function texts(root: HTMLElement, selector: string): string[] {
  return root.querySelectorAll(selector).map((e) => text(e));
}
