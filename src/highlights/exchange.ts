/**
 * Taking highlights out of the reader and back in:
 *
 * - `toMarkdown`: for the reader's own notes. Each highlight, in reading order, is quoted as the
 *   reader's copy button quotes a passage (`src/cite/copy-formats.ts`: the quotation with its
 *   in-text citation in the chosen style, the locator linked to the passage, and the reference
 *   entry), followed by its
 *   colour's label and its note. Highlights that cannot be placed in the current text come last,
 *   under "Not found in the current text", with their saved text.
 * - `toJsonLd`: a W3C Web Annotation `AnnotationCollection` with one embedded `AnnotationPage`.
 *   Each highlight is an `Annotation` (id `urn:uuid:<id>`), motivation `highlighting`, or
 *   `commenting` when it has a note; its bodies are the note (a plain-text `TextualBody`,
 *   purpose `commenting`), then the colour (a `TextualBody` whose value is the colour's id,
 *   purpose `tagging`); its target is the page, with a `TextQuoteSelector` and a
 *   `TextPositionSelector`. The content hash is not exported: an imported highlight is found by
 *   its quote.
 * - `fromJsonLd`: reads such a file back (also a lone `Annotation`, an `AnnotationPage` or an
 *   array of annotations), strictly: the first problem is reported by where it is ("annotation 3:
 *   the target has no TextQuoteSelector") and nothing is imported. Highlights already there (same
 *   id, or same quote at the same position) are counted as duplicates, not added twice. Text is
 *   only ever kept as text: an HTML note loses its tags.
 */
import type { Span } from '../anchor/types.ts';
import { escapeMarkdown, formatCopy, type CitationStyle } from '../cite/copy-formats.ts';
import { tidyQuote } from '../cite/quote.ts';
import { passageUrl, textDirective } from '../cite/text-fragment.ts';
import { anchorHighlights } from './anchoring.ts';
import type { ArticleText } from './article-text.ts';
import {
  colourLabel,
  colourNamed,
  defaultColour,
  isDateTime,
  isHighlightId,
  isOffsetRange,
  isRecord,
  newHighlightId,
  type Highlight,
  type HighlightColour,
} from './model.ts';

/** The article, as an export needs it. */
export interface ExportArticle {
  title: string;
  /** The page's URL: its canonical address, else `location.href`. */
  url: string;
  /** The reader's chosen citation style, as the page's data gives it (see `CitationStyle`). */
  style: CitationStyle;
  /** The article's text now. */
  text: ArticleText;
}

const annotationContext = 'http://www.w3.org/ns/anno.jsonld';

/** The highlights as Markdown, for the reader's notes. */
export function toMarkdown(highlights: readonly Highlight[], article: ExportArticle): string {
  const { blocks, ids, paragraphs } = article.text;
  const anchors = anchorHighlights(blocks, highlights);
  const placed: Array<{ highlight: Highlight; span: Span }> = [];
  const orphans: Highlight[] = [];
  highlights.forEach((highlight, index) => {
    const anchor = anchors[index];
    if (anchor === undefined || anchor.status === 'orphan') orphans.push(highlight);
    else placed.push({ highlight, span: anchor.span });
  });
  placed.sort(
    (a, b) => a.span.block - b.span.block || a.span.start - b.span.start || a.span.end - b.span.end,
  );

  // The page text as text fragments read it: one line per block (a line break inside a block
  // becomes a space, which keeps the offsets).
  const pageText = blocks.map((block) => block.replace(/[\n\r\u2028\u2029]/g, ' ')).join('\n');
  const lineStarts: number[] = [];
  let lineStart = 0;
  for (const block of blocks) {
    lineStarts.push(lineStart);
    lineStart += block.length + 1;
  }

  const sections = [`# ${escapeMarkdown(`Highlights: ${oneLine(article.title)}`)}`];
  for (const { highlight, span } of placed) {
    const paragraph = paragraphs[span.block] ?? 0;
    const start = (lineStarts[span.block] ?? 0) + span.start;
    const url = passageUrl(
      article.url,
      ids[span.block] ?? '',
      textDirective({ pageText, start, end: start + span.end - span.start }),
    );
    const quote = blocks[span.block]?.slice(span.start, span.end) ?? highlight.quote.exact;
    sections.push(cited(quote, article, paragraph > 0 ? [paragraph, paragraph] : null, url, highlight));
  }
  if (orphans.length > 0) {
    sections.push('## Not found in the current text');
    for (const highlight of orphans)
      sections.push(cited(highlight.quote.exact, article, null, article.url, highlight));
  }
  return `${sections.join('\n\n')}\n`;
}

/** One highlight: the cited quote, then the colour's label and the note, each line escaped. */
function cited(
  quote: string,
  article: ExportArticle,
  numbers: readonly [number, number] | null,
  url: string,
  highlight: Highlight,
): string {
  const { markdown } = formatCopy({ paragraphs: tidyQuote([quote]), style: article.style, numbers, url });
  const note = highlight.note
    .trim()
    .split(/\r\n?|\n/)
    .map((line) => escapeMarkdown(line.trim()));
  return `${markdown}\n\n**${colourLabel(highlight.colour)}**${note[0] ? `: ${note.join('\n')}` : ''}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The highlights as a W3C Web Annotation `AnnotationCollection` (JSON-LD, ready for
 * `JSON.stringify`).
 *
 * @throws TypeError when `article.url` is not an absolute URL.
 */
export function toJsonLd(
  highlights: readonly Highlight[],
  article: Pick<ExportArticle, 'title' | 'url'>,
  now = new Date(),
): Record<string, unknown> {
  const page = new URL(article.url);
  page.hash = '';
  const source = page.href;
  const items = highlights.map((highlight) => {
    const body: Array<Record<string, string>> = [];
    const hasNote = highlight.note.trim() !== '';
    if (hasNote) {
      body.push({ type: 'TextualBody', value: highlight.note, format: 'text/plain', purpose: 'commenting' });
    }
    body.push({ type: 'TextualBody', value: highlight.colour, format: 'text/plain', purpose: 'tagging' });
    const { exact, prefix, suffix } = highlight.quote;
    return {
      '@context': annotationContext,
      id: `urn:uuid:${highlight.id}`,
      type: 'Annotation',
      motivation: hasNote ? 'commenting' : 'highlighting',
      created: highlight.created,
      modified: highlight.modified,
      body,
      target: {
        type: 'SpecificResource',
        source,
        selector: [
          { type: 'TextQuoteSelector', exact, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) },
          { type: 'TextPositionSelector', ...highlight.position },
        ],
      },
    };
  });
  const collection: Record<string, unknown> = {
    '@context': annotationContext,
    id: `${source}#highlights`,
    type: 'AnnotationCollection',
    label: `Highlights in “${oneLine(article.title)}”`,
    total: items.length,
    generated: now.toISOString(),
    generator: { type: 'Software', name: 'Marginalia' },
  };
  if (items.length > 0) {
    collection['first'] = {
      '@context': annotationContext,
      id: `${source}#highlights-page-1`,
      type: 'AnnotationPage',
      startIndex: 0,
      items,
    };
    collection['last'] = `${source}#highlights-page-1`;
  }
  return collection;
}

export type ImportResult =
  | {
      ok: true;
      /** The new highlights, to save (`HighlightStore.saveAll`). */
      added: Highlight[];
      /** How many of the file's highlights were already there (or twice in the file). */
      duplicates: number;
    }
  | { ok: false; message: string };

/** A problem in the file, with where it is. */
class ImportProblem extends Error {}

/**
 * Reads a Web Annotation JSON-LD file and merges it with the `existing` highlights: the new
 * ones are returned, nothing is written. A file with any problem imports nothing and says why.
 */
export function fromJsonLd(text: string, existing: readonly Highlight[], now = new Date()): ImportResult {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `This file is not JSON: ${(error as Error).message}` };
  }
  try {
    const annotations = annotationsIn(root);
    const seen = new Set(existing.flatMap(identities));
    const added: Highlight[] = [];
    let duplicates = 0;
    annotations.forEach((annotation, index) => {
      const highlight = readAnnotation(annotation, `annotation ${index + 1}`, now);
      const keys = identities(highlight);
      if (keys.some((key) => seen.has(key))) {
        duplicates++;
        return;
      }
      for (const key of keys) seen.add(key);
      added.push(highlight);
    });
    return { ok: true, added, duplicates };
  } catch (error) {
    if (error instanceof ImportProblem) return { ok: false, message: error.message };
    throw error;
  }
}

/** What makes two highlights the same: the id, and the quote at its position. */
function identities(highlight: Highlight): string[] {
  const { quote, position } = highlight;
  return [`id ${highlight.id}`, `at ${position.start} ${position.end} ${quote.exact}`];
}

function problem(message: string): never {
  throw new ImportProblem(message);
}

function hasType(value: Record<string, unknown>, type: string): boolean {
  const types = value['type'];
  return types === type || (Array.isArray(types) && types.includes(type));
}

/** The annotations of a collection (its embedded pages, in order), a page, an annotation or an array. */
function annotationsIn(root: unknown): unknown[] {
  if (Array.isArray(root)) return root;
  if (!isRecord(root)) problem('This file is not a W3C Web Annotation file: it holds no object.');
  if (hasType(root, 'Annotation')) return [root];
  if (hasType(root, 'AnnotationPage')) return itemsOf(root, 'the page');
  if (!hasType(root, 'AnnotationCollection')) {
    problem(
      'This file is not a W3C Web Annotation file: expected an AnnotationCollection, an AnnotationPage or an Annotation.',
    );
  }
  const annotations: unknown[] = [];
  let page = root['first'];
  for (let number = 1; page !== undefined; number++) {
    if (typeof page === 'string')
      problem(`Page ${number} of the collection is only linked (${page}), not in the file.`);
    if (!isRecord(page) || !hasType(page, 'AnnotationPage'))
      problem(`Page ${number} of the collection is not an AnnotationPage.`);
    annotations.push(...itemsOf(page, `page ${number}`));
    page = page['next'];
  }
  return annotations;
}

function itemsOf(page: Record<string, unknown>, where: string): unknown[] {
  const items = page['items'];
  if (!Array.isArray(items)) problem(`The items of ${where} are not a list.`);
  return items;
}

/** One annotation as a highlight; throws an `ImportProblem` naming `where`. */
function readAnnotation(annotation: unknown, where: string, now: Date): Highlight {
  if (!isRecord(annotation) || !hasType(annotation, 'Annotation')) problem(`${where}: not an Annotation.`);
  const target = [annotation['target']]
    .flat()
    .find((candidate) => isRecord(candidate) && candidate['selector']);
  if (!isRecord(target)) problem(`${where}: the target has no selector.`);
  const selectors = [target['selector']].flat().filter(isRecord);
  const quote = selectors.find((selector) => hasType(selector, 'TextQuoteSelector'));
  const position = selectors.find((selector) => hasType(selector, 'TextPositionSelector'));
  if (!quote) problem(`${where}: the target has no TextQuoteSelector.`);
  if (!position) problem(`${where}: the target has no TextPositionSelector.`);
  const { exact, prefix = '', suffix = '' } = quote;
  if (typeof exact !== 'string' || exact.trim() === '')
    problem(`${where}: the TextQuoteSelector has no exact text.`);
  if (typeof prefix !== 'string' || typeof suffix !== 'string') {
    problem(`${where}: the TextQuoteSelector’s prefix or suffix is not text.`);
  }
  const { start, end } = position;
  if (!isOffsetRange(start, end)) {
    problem(`${where}: the TextPositionSelector’s start and end are not offsets with start ≤ end.`);
  }

  let colour: HighlightColour | undefined;
  const notes: string[] = [];
  const bodies = [annotation['body'] ?? []].flat();
  if (typeof annotation['bodyValue'] === 'string') bodies.push({ value: annotation['bodyValue'] });
  bodies.forEach((body, index) => {
    if (typeof body === 'string') return; // a link to an external body: nothing to keep
    if (!isRecord(body)) problem(`${where}: body ${index + 1} is not an object.`);
    if (body['value'] === undefined) return; // not a textual body
    const value = body['value'];
    if (typeof value !== 'string') problem(`${where}: body ${index + 1} has a value that is not text.`);
    const purpose = [body['purpose']].flat();
    if (purpose.includes('tagging')) colour ??= colourNamed(value);
    else notes.push(body['format'] === 'text/html' ? htmlToText(value) : value);
  });

  const created = readDate(annotation['created'], `${where}: created`) ?? now.toISOString();
  const modified = readDate(annotation['modified'], `${where}: modified`) ?? created;
  const id =
    typeof annotation['id'] === 'string' ? annotation['id'].replace(/^urn:uuid:/i, '').toLowerCase() : '';
  return {
    id: isHighlightId(id) ? id : newHighlightId(),
    colour: colour ?? defaultColour,
    note: notes.filter((note) => note.trim() !== '').join('\n\n'),
    created,
    modified,
    quote: { exact, prefix, suffix },
    position: { start: start as number, end: end as number },
    contentHash: '',
  };
}

function readDate(value: unknown, where: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isDateTime(value)) problem(`${where} is not a date-time such as 2024-02-20T09:30:00Z.`);
  return value;
}

const entities: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/**
 * The text of an HTML note, without parsing it as HTML: tags dropped (block ends as line
 * breaks), the common entities and numeric references decoded.
 */
function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/(p|div|li|h[1-6]|blockquote)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] !== '#') return entities[name.toLowerCase()] ?? entity;
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    })
    .trim();
}
