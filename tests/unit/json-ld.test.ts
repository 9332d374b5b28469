import { describe, expect, it } from 'vitest';
import { articleJsonLd } from '../../src/lib/json-ld';
import { article } from '../helpers/articles';

describe('articleJsonLd', () => {
  it('describes a NewsArticle in Beijing time, without an author when there is none', () => {
    const ld = articleJsonLd(
      article('k', { title: '开化', date: '2015-03-24' }),
      '基层点睛',
      '中国非公企业党建网',
      'https://a.example/articles/k/',
    );
    expect(ld).toMatchObject({
      '@type': 'NewsArticle',
      headline: '开化',
      datePublished: '2015-03-24T00:00:00+08:00',
      articleSection: '基层点睛',
      inLanguage: 'zh-CN',
      url: 'https://a.example/articles/k/',
      publisher: { '@type': 'Organization', name: '中国非公企业党建网' },
    });
    expect(ld).not.toHaveProperty('author');
    expect(articleJsonLd(article('k', { author: '王明' }), '', '', '')).toHaveProperty('author', {
      '@type': 'Person',
      name: '王明',
    });
  });
});
