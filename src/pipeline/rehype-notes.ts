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
 *
 * With a `cache` (kept by a warm process between builds of one article: watch mode), each
 * note's Markdown is rendered once, and each note's `<li>` is written to HTML once for the same
 * inputs: the claim's id, kind, verdict, paragraph, note number, note and quote, and its sources and review
 * line as they are rendered this time. A note whose inputs are unchanged carries its HTML from
 * the last build (`data.html`, which `rehype-stringify-page` writes as it is); the others are
 * written and remembered. The page is the same as without the cache, byte for byte.
 */
import { createHash } from 'node:crypto';
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import type { VFile } from 'vfile';
import { formatReferenceList, type StyleId } from '../cite/index.ts';
import type { ClaimsDocument } from '../claims/types.ts';
import { kindLabels, verdictLabels } from './labels.ts';
import { defaultLimits } from './limits.ts';
import type { LimitError } from './limits.ts';
import { renderNotes } from './note-markdown.ts';
import { pageHtml } from './rehype-stringify-page.ts';
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
  /** What the last build of the same article left to reuse (watch mode); none by default. */
  cache?: NotesCache;
}

/** What one article's builds in a warm process keep of its notes (see `RehypeNotesOptions.cache`). */
export interface NotesCache {
  /** The nesting limit the bodies were rendered under. */
  nesting?: number;
  /** Each note's Markdown, rendered (or the limit it passed). */
  bodies: Map<string, Element[] | LimitError>;
  /** Each claim's `<li>` as HTML, by claim id, with the inputs it was made from. */
  items: Map<string, { key: string; html: string }>;
}

/** Each anchored claim's note, rendered and sanitised, by claim id. */
export type RenderedNotes = Map<string, Element[]>;

declare module 'vfile' {
  interface DataMap {
    notes: RenderedNotes;
  }
}

export default function rehypeNotes(options: RehypeNotesOptions) {
  const { claims, style, claimsFile, nesting = defaultLimits.nesting, cache } = options;

  return function transformer(tree: Root, file: VFile): void {
    const anchored = file.data.anchored ?? [];
    const blocks = file.data.blocks ?? [];
    const citedIds = new Set(anchored.flatMap(({ claim }) => claim.cites));
    const cited = claims.references.filter((reference) => citedIds.has(reference.id));
    // Formatted together, so that the style can tell apart works by one author in one year.
    const list = formatReferenceList(cited, style);
    // Every cited source is in the list; an id that names no source renders as nothing.
    const sourceOf = (id: string): ElementContent[] => list.get(id)?.html ?? [];

    const notes = new Map<string, Element[]>();
    const bodies = cachedBodies(
      anchored.map((item) => item.claim.note),
      nesting,
      cache,
    );
    /**
     * A digest of each source as rendered, for the cache's keys: once per source and build (the
     * rendering itself, in every note's key, would be most of the keys' length).
     */
    const sourceKeys = new Map<string, string>();
    const sourceKey = (id: string): string => {
      let key = sourceKeys.get(id);
      if (key === undefined) {
        key = createHash('sha256')
          .update(JSON.stringify([id, sourceOf(id)]))
          .digest('base64');
        sourceKeys.set(id, key);
      }
      return key;
    };
    const items = new Map<string, { key: string; html: string }>();
    const noteItems = anchored.map((item, index) => {
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
      const reviewed = reviewedPhrase(claims.review, { date: item.claim.reviewed });
      const make = (): Element =>
        noteItem(
          item,
          quote,
          [...content],
          item.claim.cites.map((id) => element('li', {}, [...sourceOf(id)])),
          reviewed,
        );
      if (!cache || !Array.isArray(body)) return make();
      const { claim } = item;
      const key = JSON.stringify([
        claim.kind,
        claim.verdict ?? null,
        item.paragraph ?? null,
        item.note,
        claim.note,
        quote,
        claim.cites.map(sourceKey),
        reviewed ?? null,
      ]);
      const known = cache.items.get(claim.id);
      // A note written before from the same inputs is not made again: an empty `<li>` stands in
      // the tree for it (nothing after this plugin looks inside the notes), written as its HTML.
      const written = known?.key === key ? known.html : undefined;
      const li = written === undefined ? make() : element('li', {}, []);
      const html = written ?? pageHtml(li);
      // (hast-util-from-parse5 declares a `position` on every element's data; none is needed here.)
      li.data = { html } as NonNullable<Element['data']>;
      items.set(claim.id, { key, html });
      return li;
    });
    // Only this build's notes are kept: a claim removed is forgotten.
    if (cache) cache.items = items;
    file.data.notes = notes;

    // In the style's order: the list was formatted (and sorted) by citeproc in one pass.
    const order = [...list.keys()];
    tree.children.push(
      h('section.marginalia-notes', { ariaLabelledby: 'marginalia-notes-heading' }, [
        h('h2#marginalia-notes-heading', 'Editor’s notes'),
        h('ol.marginalia-note-list', noteItems),
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

/**
 * Each note rendered ({@link renderNotes}), those rendered by an earlier build from the cache:
 * only the notes whose Markdown is new are rendered. The cache then holds this build's notes.
 */
function cachedBodies(
  markdowns: readonly string[],
  nesting: number,
  cache: NotesCache | undefined,
): Array<Element[] | LimitError> {
  if (!cache) return renderNotes(markdowns, nesting);
  const known = cache.nesting === nesting ? cache.bodies : new Map<string, Element[] | LimitError>();
  const missing = [...new Set(markdowns.filter((markdown) => !known.has(markdown)))];
  const rendered = renderNotes(missing, nesting);
  const bodies = new Map<string, Element[] | LimitError>();
  missing.forEach((markdown, index) => bodies.set(markdown, rendered[index] ?? []));
  for (const markdown of markdowns) {
    const body = known.get(markdown);
    if (body !== undefined) bodies.set(markdown, body);
  }
  cache.nesting = nesting;
  cache.bodies = bodies;
  return markdowns.map((markdown) => bodies.get(markdown) ?? []);
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
