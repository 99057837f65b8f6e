/** The list of built articles, `DIR/index.html`, each linking to its page. */
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { contentSecurityPolicy } from '../pipeline/rehype-page.ts';
import type { ArticleEntry } from './write-output.ts';

export function indexPage(articles: ArticleEntry[]): string {
  const tree = {
    type: 'root' as const,
    children: [
      { type: 'doctype' as const },
      h('html', { lang: 'en' }, [
        h('head', [
          h('meta', { charset: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('meta', { httpEquiv: 'Content-Security-Policy', content: contentSecurityPolicy }),
          h('title', 'Articles · Marginalia'),
          h('link', { rel: 'stylesheet', href: 'assets/marginalia.css' }),
        ]),
        h('body.marginalia-index', [
          h('header.marginalia-header', [
            h('p.marginalia-publication', 'Marginalia'),
            h('h1.marginalia-title', 'Articles'),
          ]),
          articles.length === 0
            ? h('p', 'No article has been built yet.')
            : h(
                'ul.marginalia-article-list',
                articles.map((article) =>
                  h('li', [
                    h('a', { href: `${encodeURIComponent(article.slug)}/` }, article.title),
                    ' ',
                    h(
                      'span.marginalia-count',
                      `${article.claims} ${article.claims === 1 ? 'claim' : 'claims'}`,
                    ),
                  ]),
                ),
              ),
        ]),
      ]),
    ],
  };
  return `${toHtml(tree)}\n`;
}
