/**
 * Wrap the article in a complete, standalone HTML page: the document head (with a strict
 * Content-Security-Policy: no inline script, no eval, and the metadata `rehype-head-metadata`
 * made), the article's metadata at the top, and everything inside one `<marginalia-reader>`
 * element (in its `<main>`), which the reader bundle enhances.
 * The page is complete and readable with JavaScript off.
 */
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import type { VFile } from 'vfile';
import type { ClaimsDocument, CslDate, CslName } from '../claims/types.ts';

export interface RehypePageOptions {
  claims: ClaimsDocument;
  slug: string;
  /** The page's published address, when known: in the page's data, for every copied link. */
  canonical?: string;
  /** Path from the page to the shared assets folder. */
  assets?: string;
}

export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export default function rehypePage(options: RehypePageOptions) {
  const { claims, slug, canonical } = options;
  const assets = options.assets ?? '../assets';
  const { source } = claims;
  const title = source.title ?? slug;

  return function transformer(tree: Root, file: VFile): Root {
    const [article, ...rest] = partition(tree.children);
    // The verdict summary, the legend and the review are added by the plugins after this one.
    const header = h('header.marginalia-header', [
      source['container-title'] ? h('p.marginalia-publication', String(source['container-title'])) : null,
      h('h1.marginalia-title', title),
      byline(source.author, source.issued, source.URL),
    ]);

    const data = JSON.stringify({
      slug,
      source,
      ...(canonical ? { canonical } : {}),
      citation: file.data.citation,
    }).replace(/</gu, '\\u003c');
    return {
      type: 'root',
      children: [
        { type: 'doctype' },
        h('html', { lang: 'en' }, [
          h('head', [
            h('meta', { charset: 'utf-8' }),
            h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
            h('meta', { httpEquiv: 'Content-Security-Policy', content: contentSecurityPolicy }),
            h('title', `${title} · Marginalia`),
            // The stylesheet and the script before the metadata: the browser cannot paint before
            // the stylesheet has loaded, and the JSON-LD of 10,000 claims is 2.5 MB to read
            // before it would find them.
            h('link', { rel: 'icon', href: 'data:,' }),
            h('link', { rel: 'stylesheet', href: `${assets}/marginalia.css` }),
            h('script', { type: 'module', src: `${assets}/marginalia-reader.js` }),
            ...(file.data.head ?? []),
            h('link', { rel: 'alternate', type: 'application/ld+json', href: 'annotations.jsonld' }),
          ]),
          h('body', [
            h('marginalia-reader', [
              h('main.marginalia-main', [
                header,
                h('article.marginalia-article', { dataSlug: slug }, article),
                ...rest,
              ]),
            ]),
            h('script#marginalia-data', { type: 'application/json' }, data),
          ]),
        ]),
      ],
    };
  };
}

/** The article's own content, then what later plugins appended (notes, sources). */
function partition(children: Root['children']): [ElementContent[], ElementContent[]] {
  const article: ElementContent[] = [];
  const rest: ElementContent[] = [];
  for (const child of children) {
    if (child.type === 'doctype') continue;
    const appended =
      child.type === 'element' &&
      child.tagName === 'section' &&
      String(child.properties['className'] ?? '').startsWith('marginalia-');
    (appended ? rest : article).push(child);
  }
  return [article, rest];
}

function byline(
  authors: CslName[] | undefined,
  issued: CslDate | undefined,
  url: string | undefined,
): Element | null {
  const parts: Array<ElementContent | string> = [];
  const names = (authors ?? []).map(nameOf).filter((name) => name !== '');
  if (names.length > 0) parts.push(`By ${joinNames(names)}`);
  const date = dateOf(issued);
  if (date) parts.push(h('time', { dateTime: date.iso }, date.text));
  if (url) parts.push(h('a', { href: url, rel: ['noopener', 'noreferrer'] }, 'Original article'));
  if (parts.length === 0) return h('p.marginalia-byline', 'Author, date and original address unknown');
  return h(
    'p.marginalia-byline',
    parts.flatMap((part, index) => (index === 0 ? [part] : [' · ', part])),
  );
}

export function nameOf(name: CslName): string {
  return name.literal ?? [name.given, name.family].filter(Boolean).join(' ');
}

function joinNames(names: string[]): string {
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/** A CSL date as ISO (`2024-02-20`, `2024-02`, `2024`) and as words (`20 February 2024`). */
export function dateOf(date: CslDate | undefined): { iso: string; text: string } | undefined {
  const parts = date?.['date-parts']?.[0]?.map(Number);
  if (!parts || parts.length === 0 || parts.some(Number.isNaN)) return undefined;
  const [year, month, day] = parts as [number, number?, number?];
  const iso = [String(year).padStart(4, '0'), month, day]
    .filter((part) => part !== undefined)
    .map((part) => String(part).padStart(2, '0'))
    .join('-');
  const when = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  const text = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    year: 'numeric',
    ...(month === undefined ? {} : { month: 'long' }),
    ...(day === undefined ? {} : { day: 'numeric' }),
  }).format(when);
  return { iso, text };
}
