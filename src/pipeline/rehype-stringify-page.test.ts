import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import fc from 'fast-check';
import { h, s } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { pageHtml } from './rehype-stringify-page.ts';

describe('pageHtml', () => {
  it('should write a page exactly as hast-util-to-html does', () => {
    // Arrange: raw-text elements, SVG, a marker character in an attribute and in text, void
    // elements, comments, entities, and nesting deeper than the split
    const deep = h('span', h('em', h('b', h('i', h('u', h('s', h('q', 'deep & <deeper>')))))));
    const tree: Root = {
      type: 'root',
      children: [
        { type: 'doctype' },
        h('html', { lang: 'en' }, [
          h('head', [
            h('title', 'A & B'),
            h('style', 'p > a { color: red }'),
            h('meta', { charset: 'utf-8' }),
          ]),
          h('body', [
            { type: 'comment', value: ' note ' },
            h('main', [
              h('article', { dataNote: 'odd \uE000 value', title: '"quoted"' }, [
                h('p', ['text \uE000 & more', h('br'), deep]),
                h('p', [s('svg', { viewBox: '0 0 1 1' }, [s('path', { d: 'M0 0' })])]),
              ]),
              h('ol', [h('li', 'one'), h('li', []), h('li', ['two', h('a', { href: '?a=1&b=2' }, 'x')])]),
            ]),
            h('script', { type: 'application/json' }, '{"a":"</p>&"}'),
          ]),
        ]),
      ],
    };

    // Act
    const html = pageHtml(tree);

    // Assert
    expect(html).toBe(toHtml(tree));
  });
});

describe('pageHtml on generated trees', () => {
  it('should agree with hast-util-to-html on any tree of elements, properties and text', () => {
    const tags = [
      'p',
      'mark',
      'a',
      'span',
      'li',
      'br',
      'img',
      'input',
      'meta',
      'script',
      'textarea',
      'svg',
      'div',
    ];
    const keys = [
      'className',
      'id',
      'href',
      'title',
      'dataClaims',
      'dataKind',
      'dataParagraph',
      'ariaLabel',
      'ariaHidden',
      'hidden',
      'download',
      'checked',
      'tabIndex',
      'accept',
      'coords',
      'style',
      'htmlFor',
      'data-raw',
      'weird name',
      'a"b',
    ];
    const strings = fc.oneof(
      fc.string(),
      fc.constantFrom('', 'a&b<c>"d\'e`f\0g', 'hidden', 'download', '\uE000', '😀', '\ud800'),
    );
    const values = fc.oneof(
      strings,
      fc.boolean(),
      fc.integer(),
      fc.constant(Number.NaN),
      fc.constant(null),
      fc.array(fc.oneof(strings, fc.integer()), { maxLength: 3 }),
    );
    const { node } = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, tie('text'), tie('element'), tie('comment')),
      text: strings.map((value) => ({ type: 'text' as const, value })),
      comment: strings.map((value) => ({ type: 'comment' as const, value })),
      element: fc.record({
        type: fc.constant('element' as const),
        tagName: fc.constantFrom(...tags),
        properties: fc.dictionary(fc.constantFrom(...keys), values, { maxKeys: 4 }),
        children: fc.array(tie('node'), { maxLength: 4 }),
      }),
    }));
    fc.assert(
      fc.property(fc.array(node, { maxLength: 5 }), (children) => {
        const tree = { type: 'root', children } as Root;
        expect(pageHtml(tree)).toBe(toHtml(tree));
      }),
      { numRuns: 1000 },
    );
  });
});
