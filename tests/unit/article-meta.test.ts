import { describe, expect, it } from 'vitest';
import { metaLine, metaParts } from '../../src/lib/article-meta';
import { article } from '../helpers/articles';

const legacy = article('kaihua', {
  date: '2015-03-24',
  source: '中国非公企业党建网',
  author: '',
  editor: '付文',
}).data;

describe('meta line', () => {
  it('prints the legacy article exactly, without a bare 作者 label', () => {
    expect(metaLine(legacy)).toBe('2015年03月24日 来源：中国非公企业党建网 编辑：付文');
  });
  it('prints every field that has a value', () => {
    expect(metaLine({ ...legacy, author: '王明' })).toBe(
      '2015年03月24日 来源：中国非公企业党建网 作者：王明 编辑：付文',
    );
  });
  it('drops the label of each empty field', () => {
    expect(metaLine({ ...legacy, editor: '' })).toBe('2015年03月24日 来源：中国非公企业党建网');
    expect(metaLine({ ...legacy, source: '', editor: '' })).toBe('2015年03月24日');
    expect(metaParts({ ...legacy, source: '', author: '王明', editor: '' })).toEqual([
      { value: '2015年03月24日' },
      { label: '作者', value: '王明' },
    ]);
  });
});
