/**
 * Add the editor's notes after the article: one `<li id="note-ID">` per anchored claim, in
 * reading order, with its kind, verdict, the quoted passage, the note (Markdown rendered and
 * sanitised: no raw HTML, no scripts, no `javascript:` links) and its sources as formatted
 * citations, numbered for the reader in the order the note cites them, and who reviewed it and
 * when (the claim's `reviewed` date, else the review's); then the list of every
 * source, "Sources", in the order of the style's reference list (alphabetical in APA, MLA and
 * Chicago author-date: citeproc sorts it). Each note links back to its passage.
 *
 * A note nested deeper than the limit is an error on the claims file, at the note.
 */
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import type { VFile } from 'vfile';
import { formatReference, sortReferences, type StyleId } from '../cite/index.ts';
import type { ClaimsDocument } from '../claims/types.ts';
import { kindLabels, verdictLabels } from './labels.ts';
import { defaultLimits } from './limits.ts';
import { renderNotes } from './note-markdown.ts';
import { reviewedPhrase } from './rehype-review.ts';
import { error } from './report.ts';
import type { AnchoredClaim } from './remark-claims.ts';

export interface RehypeNotesOptions {
  claims: ClaimsDocument;
  /** Citation style of the formatted sources. */
  style: StyleId;
  /** Where problems in the notes are reported. */
  claimsFile?: VFile;
  /** Deepest nesting of a note (default: `defaultLimits.nesting`). */
  nesting?: number;
}

/** Each anchored claim's note, rendered and sanitised, by claim id. */
export type RenderedNotes = Map<string, Element[]>;

declare module 'vfile' {
  interface DataMap {
    notes: RenderedNotes;
  }
}

export default function rehypeNotes(options: RehypeNotesOptions) {
  const { claims, style, claimsFile, nesting = defaultLimits.nesting } = options;
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
    const bodies = renderNotes(
      anchored.map((item) => item.claim.note),
      nesting,
    );
    const items = anchored.map((item, index) => {
      const body = bodies[index] ?? [];
      let content: Element[];
      if (Array.isArray(body)) {
        content = body;
      } else {
        content = [];
        const place = item.claim.positions.note ?? item.claim.positions.claim;
        error(claimsFile ?? file, `Claim "${item.claim.id}": ${body.message}`, place, body.ruleId);
      }
      notes.set(item.claim.id, content);
      const quote = (blocks[item.span.block] ?? '').slice(item.span.start, item.span.end);
      return noteItem(
        item,
        quote,
        content,
        item.claim.cites.map((id) => element('li', {}, [...sourceOf(id)])),
        reviewedPhrase(claims.review, { date: item.claim.reviewed }),
      );
    });
    file.data.notes = notes;

    const citedIds = new Set(anchored.flatMap(({ claim }) => claim.cites));
    const cited = claims.references.filter((reference) => citedIds.has(reference.id));
    const order = sortReferences(cited, style);
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
            'ul.marginalia-reference-list',
            order.map((id) => h('li', { id: `source-${id}` }, sourceOf(id))),
          ),
        ]),
      );
    }
  };
}

function noteItem(
  item: AnchoredClaim,
  quote: string,
  body: Element[],
  sources: Element[],
  reviewed: ElementContent[] | undefined,
): Element {
  // Written as hast directly rather than with `h`: one note per claim, and `h` would parse each
  // selector and look up each property name again for every one of them.
  const { claim, paragraph, note } = item;
  const verdict = claim.verdict ?? 'none';
  const where = paragraph === undefined ? 'Heading' : `¶ ${paragraph}`;
  const properties: Element['properties'] = {
    className: ['marginalia-note'],
    id: `note-${claim.id}`,
    dataClaim: claim.id,
    dataKind: claim.kind,
    dataVerdict: verdict,
  };
  if (paragraph !== undefined) properties['dataParagraph'] = paragraph;
  properties['dataNote'] = note;
  return element('li', properties, [
    element('p', { className: ['marginalia-note-meta'] }, [
      element('span', { className: ['marginalia-kind'], dataKind: claim.kind }, [
        text(kindLabels[claim.kind]),
      ]),
      text(' '),
      element('span', { className: ['marginalia-verdict'], dataVerdict: verdict }, [
        text(claim.verdict ? verdictLabels[claim.verdict] : 'No verdict'),
      ]),
      text(' '),
      element(
        'a',
        {
          className: ['marginalia-backref'],
          href: `#ref-${claim.id}`,
          ariaLabel: `Back to the passage${paragraph === undefined ? '' : ` in paragraph ${paragraph}`}`,
        },
        [text(`↩ ${where}`)],
      ),
    ]),
    element('blockquote', { className: ['marginalia-note-quote'] }, [
      element('p', {}, [text(quote.replace(/\s+/gu, ' ').trim())]),
    ]),
    element('div', { className: ['marginalia-note-body'] }, body),
    sources.length > 0
      ? element('ol', { className: ['marginalia-note-sources'], ariaLabel: 'Sources' }, sources)
      : element('p', { className: ['marginalia-note-unsourced'] }, [text('No source cited.')]),
    ...(reviewed
      ? [element('p', { className: ['marginalia-note-reviewed'] }, [...reviewed, text('.')])]
      : []),
  ]);
}

function element(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}
