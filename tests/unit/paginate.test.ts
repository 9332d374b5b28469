import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, pageWindow, paginate } from '../../src/lib/paginate';

describe('paginate', () => {
  it('splits into pages of 20 by default, keeping the order', () => {
    const items = Array.from({ length: 45 }, (_, i) => i);
    const pages = paginate(items);
    expect(PAGE_SIZE).toBe(20);
    expect(pages.map((p) => p.items.length)).toEqual([20, 20, 5]);
    expect(pages.map((p) => p.current)).toEqual([1, 2, 3]);
    expect(pages.every((p) => p.total === 3)).toBe(true);
    expect(pages.flatMap((p) => p.items)).toEqual(items);
  });
  it('gives an exact multiple no empty trailing page', () => {
    expect(paginate(Array.from({ length: 40 }), 20)).toHaveLength(2);
  });
  it('gives an empty list one empty page (the friendly empty state)', () => {
    expect(paginate([])).toEqual([{ items: [], current: 1, total: 1 }]);
  });
});

describe('pageWindow', () => {
  it('shows first, last and two either side, with gaps', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(1, 10)).toEqual([1, 2, 3, null, 10]);
    expect(pageWindow(5, 10)).toEqual([1, null, 3, 4, 5, 6, 7, null, 10]);
    expect(pageWindow(4, 10)).toEqual([1, 2, 3, 4, 5, 6, null, 10]);
    expect(pageWindow(10, 10)).toEqual([1, null, 8, 9, 10]);
    expect(pageWindow(50, 100, 1)).toEqual([1, null, 49, 50, 51, null, 100]);
  });
});
