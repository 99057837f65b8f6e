/**
 * Add the editor's notes after the article: one `<li id="note-ID">` per anchored claim, in
 * reading order, with its kind, verdict, the quoted passage, the note (Markdown rendered and
 * sanitised: no raw HTML, no scripts, no `javascript:` links) and its sources as formatted
 * citations; then the list of every source. Each note links back to its passage.
 */
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import rehypeSanitize from 'rehype-sanitize';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { formatReference, type StyleId } from '../cite/index.ts';
import type { ClaimsDocument } from '../claims/types.ts';
import { kindLabels, verdictLabels } from './labels.ts';
import type { AnchoredClaim } from './remark-claims.ts';

export interface RehypeNotesOptions {
  claims: ClaimsDocument;
  /** Citation style of the formatted sources. */
  style: StyleId;
}

/** Each anchored claim's note, rendered and sanitised, by claim id. */
export type RenderedNotes = Map<string, Element[]>;

declare module 'vfile' {
  interface DataMap {
    notes: RenderedNotes;
  }
}

export default function rehypeNotes(options: RehypeNotesOptions) {
  const { claims, style } = options;
  const markdown = unified().use(remarkParse).use(remarkRehype).use(rehypeSanitize).freeze();
  const references = new Map(claims.references.map((reference) => [reference.id, reference]));

  return function transformer(tree: Root, file: VFile): void {
    const anchored = file.data.anchored ?? [];
    const blocks = file.data.blocks ?? [];
    const formatted = new Map<string, ElementContent[]>();
    const sourceOf = (id: string): ElementContent[] => {
      let entry = formatted.get(id);
      const reference = references.get(id);
      if (!entry && reference) {
        entry = formatReference(reference, style).html;
        formatted.set(id, entry);
      }
      return entry ?? [];
    };

    const notes = new Map<string, Element[]>();
    const items = anchored.map((item) => {
      const body = markdown.runSync(markdown.parse(item.claim.note)) as Root;
      const content = body.children.filter((child): child is Element => child.type === 'element');
      notes.set(item.claim.id, content);
      const quote = (blocks[item.span.block] ?? '').slice(item.span.start, item.span.end);
      return noteItem(
        item,
        quote,
        content,
        item.claim.cites.map((id) => h('li', sourceOf(id))),
      );
    });
    file.data.notes = notes;

    const cited = claims.references.filter((reference) =>
      anchored.some(({ claim }) => claim.cites.includes(reference.id)),
    );
    tree.children.push(
      h('section.marginalia-notes', { ariaLabelledby: 'marginalia-notes-heading' }, [
        h('h2#marginalia-notes-heading', 'Editor’s notes'),
        h('ol.marginalia-note-list', items),
      ]),
    );
    if (cited.length > 0) {
      tree.children.push(
        h('section.marginalia-references', { ariaLabelledby: 'marginalia-references-heading' }, [
          h('h2#marginalia-references-heading', 'Sources'),
          h(
            'ol.marginalia-reference-list',
            cited.map((reference) => h('li', { id: `source-${reference.id}` }, sourceOf(reference.id))),
          ),
        ]),
      );
    }
  };
}

function noteItem(item: AnchoredClaim, quote: string, body: Element[], sources: Element[]): Element {
  const { claim, paragraph, note } = item;
  const verdict = claim.verdict;
  const where = paragraph === undefined ? 'Heading' : `¶ ${paragraph}`;
  return h(
    'li.marginalia-note',
    {
      id: `note-${claim.id}`,
      dataClaim: claim.id,
      dataKind: claim.kind,
      dataVerdict: verdict ?? 'none',
      dataParagraph: paragraph,
      dataNote: note,
    },
    [
      h('p.marginalia-note-meta', [
        h('span.marginalia-kind', { dataKind: claim.kind }, kindLabels[claim.kind]),
        ' ',
        h(
          'span.marginalia-verdict',
          { dataVerdict: verdict ?? 'none' },
          verdict ? verdictLabels[verdict] : 'No verdict',
        ),
        ' ',
        h(
          'a.marginalia-backref',
          {
            href: `#ref-${claim.id}`,
            ariaLabel: `Back to the passage${paragraph === undefined ? '' : ` in paragraph ${paragraph}`}`,
          },
          `↩ ${where}`,
        ),
      ]),
      h('blockquote.marginalia-note-quote', h('p', quote.replace(/\s+/gu, ' ').trim())),
      h('div.marginalia-note-body', body),
      ...(sources.length > 0
        ? [h('ul.marginalia-note-sources', { ariaLabel: 'Sources' }, sources)]
        : [h('p.marginalia-note-unsourced', 'No source cited.')]),
    ],
  );
}
