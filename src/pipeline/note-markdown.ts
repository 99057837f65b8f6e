/**
 * An editor's note, Markdown → sanitised hast: what remark-parse → remark-rehype →
 * rehype-sanitize (default schema) make of it, called directly rather than through a processor
 * and a file per note (an article can have thousands of notes).
 *
 * Many notes are plain sentences. For a note whose every paragraph is one line that no
 * Markdown construct can touch (it starts with a letter, has none of the characters that open
 * inline syntax, character references or escapes, and no white space but inner spaces), the
 * result is known without parsing: one `<p>` with the line as its text per paragraph. Anything
 * else takes the full path. `note-markdown.test.ts` checks the two agree.
 *
 * Most other notes are prose too: paragraphs of one line each, with some emphasis, code or
 * links. Parsing each on its own costs more in setting up the parser than in parsing, so
 * {@link renderNotes} parses such paragraphs of many notes as one document, a blank line
 * apart, and hands each note its paragraphs back. That gives what parsing each alone gives
 * when no paragraph can reach into the next: each is one line that starts with a letter (so it
 * opens no block: no list, heading, quote, fence, HTML or link definition, and with no
 * definitions anywhere, no reference can be resolved by another note's).
 */
import type { Element, Root } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import type { Nodes as MdastNodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toHast } from 'mdast-util-to-hast';

/** The note's elements (paragraphs, lists, …), sanitised, without positions. */
export function renderNote(markdown: string): Element[] {
  return plainNote(markdown) ?? parsedNote(markdown);
}

/** The full path: parse, to hast, sanitise. */
export function parsedNote(markdown: string): Element[] {
  const tree = fromMarkdown(markdown);
  forgetPositions(tree);
  const body = sanitize(toHast(tree)) as Root;
  return body.children.filter((child): child is Element => child.type === 'element');
}

/**
 * Every note rendered, in order: what {@link renderNote} gives for each, with the notes made
 * of one-line paragraphs parsed together in one document.
 */
export function renderNotes(markdowns: readonly string[]): Element[][] {
  const results: Array<Element[] | undefined> = markdowns.map((markdown) => plainNote(markdown));
  let batch: Array<{ index: number; paragraphs: string[] }> = [];
  let size = 0;
  const flush = (): void => {
    if (batch.length > 1) renderBatch(batch, results);
    batch = [];
    size = 0;
  };
  markdowns.forEach((markdown, index) => {
    if (results[index] !== undefined) return;
    const paragraphs = markdown.split('\n\n');
    if (!paragraphs.every((paragraph) => oneLineParagraph.test(paragraph))) return;
    batch.push({ index, paragraphs });
    size += paragraphs.length;
    if (size >= batchParagraphs) flush();
  });
  flush();
  return results.map((result, index) => result ?? parsedNote(markdowns[index] ?? ''));
}

/**
 * Paragraphs parsed together. Past a hundred or so, micromark gets slower per paragraph again
 * (it splices its growing list of events), so one document per batch, not one for all.
 */
const batchParagraphs = 100;

/** Parse the notes of `batch` together and put each one's elements in `results`. */
function renderBatch(
  batch: ReadonlyArray<{ index: number; paragraphs: string[] }>,
  results: Array<Element[] | undefined>,
): void {
  const lines = batch.flatMap((note) => note.paragraphs);
  const elements = parsedNote(lines.join('\n\n'));
  // One paragraph in, one `<p>` out; anything else means a paragraph reached into another.
  if (elements.length !== lines.length || elements.some((element) => element.tagName !== 'p')) return;
  let next = 0;
  for (const { index, paragraphs } of batch) {
    results[index] = elements.slice(next, next + paragraphs.length);
    next += paragraphs.length;
  }
}

/**
 * A paragraph on one line that opens no block and cannot reach past its end: it starts with a
 * letter, ends with something other than white space, and holds no line break, no other
 * control character and no character Markdown treats as a line ending or white space at a
 * paragraph's edge.
 */
const oneLineParagraph =
  /^\p{L}[^\p{Cc}\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\ud800-\udfff]*(?<![ ])$/u;

/**
 * A paragraph Markdown leaves as it is: it starts with a letter (not a digit, which could open
 * an ordered list, nor a marker or indentation), ends with something other than white space,
 * and holds only inner spaces and characters that open nothing: no line break, tab or other
 * control or white-space character, no `\ ` * _ [ ] < > & ! # ~ |` and no lone surrogate.
 */
const plainParagraph =
  /^\p{L}[^\p{Cc}\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\ud800-\udfff\\`*_[\]<>&!#~|]*$/u;

/** The hast of a note made only of plain paragraphs (one blank line apart), or `undefined`. */
export function plainNote(markdown: string): Element[] | undefined {
  const paragraphs = markdown.split('\n\n');
  for (const paragraph of paragraphs) {
    if (!plainParagraph.test(paragraph) || paragraph.endsWith(' ')) return undefined;
  }
  return paragraphs.map((value) => ({
    type: 'element',
    tagName: 'p',
    properties: {},
    children: [{ type: 'text', value }],
  }));
}

/**
 * Positions are offsets in the note, which mean nothing in the page, and three objects per node
 * for every later step to copy.
 */
function forgetPositions(node: MdastNodes): void {
  delete node.position;
  if ('children' in node) for (const child of node.children) forgetPositions(child);
}
