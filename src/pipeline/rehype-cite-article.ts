/**
 * "Cite this article": the article's reference in every citation style, formatted at build
 * time by the CSL processor, plus BibTeX and CSL-JSON to download. The same pieces, with the
 * in-text citation of each style (`src/cite/style-pieces.ts`), go on `file.data.citation`, for
 * the page's data (the reader cites copied quotes with them: the browser carries no CSL engine)
 * and for the downloadable files.
 */
import type { Root } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { VFile } from 'vfile';
import type { CitationStyle } from '../cite/copy-formats.ts';
import { formatReference, styleLabel, toBibTeX, toCslJson, type StyleId } from '../cite/index.ts';
import { citationStyle } from '../cite/style-pieces.ts';
import type { CslItem } from '../claims/types.ts';

export interface ArticleCitation {
  /** The style the reader starts with. */
  default: StyleId;
  /**
   * Each style: its title, the article's reference entry as plain text and safe HTML (`text`,
   * `html`), and everything a copied quotation is cited with (`CitationStyle`: the reference in
   * the three formats, the in-text citation around its locator, the locator's labels, the block
   * rule).
   */
  styles: Record<string, { label: string; text: string; html: string } & CitationStyle>;
  bibtex: string;
  cslJson: string;
}

declare module 'vfile' {
  interface DataMap {
    citation: ArticleCitation;
  }
}

export interface RehypeCiteArticleOptions {
  source: CslItem;
  slug: string;
  /** Styles to offer, the default first. */
  styles: readonly StyleId[];
}

/** Names of the downloadable files, beside the page. */
export const citationFiles = { bibtex: 'citation.bib', cslJson: 'citation.json' } as const;

export default function rehypeCiteArticle(options: RehypeCiteArticleOptions) {
  const { slug, styles } = options;
  const item: CslItem = { type: 'webpage', ...options.source, id: slug };

  return function transformer(tree: Root, file: VFile): void {
    const formatted = styles.map((style) => ({
      style,
      label: styleLabel(style),
      ...formatReference(item, style),
    }));
    file.data.citation = {
      default: styles[0] ?? 'apa',
      styles: Object.fromEntries(
        formatted.map(({ style, label, text, html }) => [
          style,
          { label, text, html: toHtml(html), ...citationStyle(item, style) },
        ]),
      ),
      bibtex: toBibTeX(item),
      cslJson: toCslJson(item),
    };
    tree.children.push(
      h('section.marginalia-cite', { ariaLabelledby: 'marginalia-cite-heading' }, [
        h('h2#marginalia-cite-heading', 'Cite this article'),
        h(
          'dl.marginalia-cite-styles',
          formatted.flatMap(({ style, label, html }) => [
            h('dt', label),
            h('dd', { dataStyle: style }, html),
          ]),
        ),
        h('p.marginalia-cite-downloads', [
          'Download: ',
          h('a', { href: citationFiles.bibtex, download: '' }, 'BibTeX'),
          ' · ',
          h('a', { href: citationFiles.cslJson, download: '' }, 'CSL-JSON'),
        ]),
      ]),
    );
  };
}
