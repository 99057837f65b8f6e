import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
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
