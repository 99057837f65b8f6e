/**
 * An editor's note, Markdown → sanitised hast: what remark-parse → remark-rehype →
 * rehype-sanitize (default schema) make of it, called directly rather than through a processor
 * and a file per note (an article can have thousands of notes).
 *
 * Many notes are plain sentences. For a note whose every paragraph is one line that no
 * Markdown construct can touch (it starts with a letter, has none of the characters that open
 * inline syntax, character references or escapes, and no white space but inner spaces), the
 * result is known without parsing: one `<p>` with the line as its text per paragraph. The same
 * holds for a line whose only syntax is simple emphasis, strong emphasis and links to plain
 * http(s) URLs, placed so that no delimiter can pair with another than its own. Anything else
 * takes the full path. `note-markdown.test.ts` checks the two agree.
 *
 * Most other notes are prose too: paragraphs of one line each, with some emphasis, code or
 * links. Parsing each on its own costs more in setting up the parser than in parsing, so
 * {@link renderNotes} parses such paragraphs of many notes as one document, a blank line
 * apart, and hands each note its paragraphs back. That gives what parsing each alone gives
 * when no paragraph can reach into the next: each is one line that starts with a letter (so it
 * opens no block: no list, heading, quote, fence, HTML or link definition, and with no
 * definitions anywhere, no reference can be resolved by another note's).
 *
 * A note nested deeper than the nesting limit (`limits.ts`) is refused, before it is parsed
 * when its lines show it and after when its inline markup does, before anything that recurses
 * (mdast-util-to-hast, hast-util-sanitize, the page's serializer) sees it: its result is then a
 * `LimitError` rather than elements.
 */
import type { Element, ElementContent, Root } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import type { Nodes as MdastNodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toHast } from 'mdast-util-to-hast';
import { defaultLimits, LimitError, markdownNestingGuard, measureTree, treeOverLimits } from './limits.ts';

/** The note's elements (paragraphs, lists, …), sanitised, without positions. */
export function renderNote(markdown: string, nesting = defaultLimits.nesting): Element[] {
  return plainNote(markdown) ?? parsedNote(markdown, nesting);
}

/**
 * The full path: parse, to hast, sanitise.
 *
 * @throws LimitError when the note is nested deeper than `nesting` levels.
 */
export function parsedNote(markdown: string, nesting = defaultLimits.nesting): Element[] {
  const deep = markdownNestingGuard(markdown, nesting, 'note');
  if (deep) throw deep;
  const tree = fromMarkdown(markdown);
  const over = treeOverLimits(
    measureTree(tree, { blocks: Infinity, nesting }),
    { blocks: Infinity, nesting },
    'note',
  );
  if (over) throw over;
  forgetPositions(tree);
  const body = sanitize(toHast(tree)) as Root;
  return body.children.filter((child): child is Element => child.type === 'element');
}

/**
 * Every note rendered, in order: what {@link renderNote} gives for each (or the `LimitError`
 * it throws), with the notes made of one-line paragraphs parsed together in one document.
 */
export function renderNotes(
  markdowns: readonly string[],
  nesting = defaultLimits.nesting,
): Array<Element[] | LimitError> {
  const results: Array<Element[] | LimitError | undefined> = markdowns.map((markdown) => plainNote(markdown));
  let batch: Array<{ index: number; paragraphs: string[] }> = [];
  let size = 0;
  const flush = (): void => {
    if (batch.length > 1) renderBatch(batch, results, nesting);
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
  return results.map((result, index) => {
    if (result !== undefined) return result;
    try {
      return parsedNote(markdowns[index] ?? '', nesting);
    } catch (cause) {
      if (cause instanceof LimitError) return cause;
      throw cause;
    }
  });
}

/**
 * Paragraphs parsed together. Past a hundred or so, micromark gets slower per paragraph again
 * (it splices its growing list of events), so one document per batch, not one for all.
 */
const batchParagraphs = 100;

/** Parse the notes of `batch` together and put each one's elements in `results`. */
function renderBatch(
  batch: ReadonlyArray<{ index: number; paragraphs: string[] }>,
  results: Array<Element[] | LimitError | undefined>,
  nesting: number,
): void {
  const lines = batch.flatMap((note) => note.paragraphs);
  let elements: Element[];
  try {
    elements = parsedNote(lines.join('\n\n'), nesting);
  } catch (cause) {
    // One of them is nested too deeply: each is parsed alone, to tell which.
    if (cause instanceof LimitError) return;
    throw cause;
  }
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

/**
 * The hast of a note made only of plain paragraphs (one blank line apart), or of paragraphs
 * whose only syntax is simple emphasis, strong emphasis and links ({@link simpleParagraph}),
 * or `undefined`.
 */
export function plainNote(markdown: string): Element[] | undefined {
  const paragraphs = markdown.split('\n\n');
  const elements: Element[] = [];
  for (const paragraph of paragraphs) {
    if (paragraph.endsWith(' ')) return undefined;
    const children = plainParagraph.test(paragraph)
      ? [{ type: 'text' as const, value: paragraph }]
      : simpleParagraph(paragraph);
    if (children === undefined) return undefined;
    elements.push({ type: 'element', tagName: 'p', properties: {}, children });
  }
  return elements;
}

/** A character that opens nothing (as in {@link plainParagraph}). */
const inert = String.raw`[^\p{Cc}\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\ud800-\udfff\\\x60*_\[\]<>&!#~|]`;
/** Text that starts and ends with a letter or digit, with only inert characters between. */
const word = String.raw`[\p{L}\p{N}](?:${inert}*[\p{L}\p{N}])?`;
/** An http(s) URL that Markdown and the sanitiser keep exactly as written. */
const url = String.raw`https?:\/\/(?:[A-Za-z0-9\-._~\/?#:@=+,;]|%[0-9A-Fa-f]{2})+`;
/** One piece of a simple paragraph: `**strong**`, `*emphasis*`, `[link](url)` or plain text. */
const piece = new RegExp(
  String.raw`\*\*(${word})\*\*|\*(${word})\*|\[(${word})\]\((${url})\)|(${inert}+)`,
  'uy',
);
/** What may stand right before an emphasis: it then opens and cannot close. */
const beforeEmphasis = new Set([undefined, ' ', '(']);
/** What may stand right after one: it then closes and cannot open. */
const afterEmphasis = new Set([undefined, ' ', '.', ',', ';', ':', '?', ')', '"', "'", '’', '”']);

/**
 * The hast children of a one-line paragraph whose only syntax is emphasis and strong emphasis
 * around letters, digits and inert characters, standing where it can only open and close
 * (after the start, a space or `(`; before the end, a space or closing punctuation), and links
 * to http(s) URLs around the same kind of text; or `undefined` for anything else, which then
 * goes to the parser. No delimiter can then pair with another than its own, and nothing is
 * left for references, escapes or HTML. `note-markdown.test.ts` checks the result against the
 * parser on generated paragraphs.
 */
function simpleParagraph(paragraph: string): ElementContent[] | undefined {
  if (!/^[\p{L}*[]/u.test(paragraph)) return undefined;
  const children: ElementContent[] = [];
  piece.lastIndex = 0;
  while (piece.lastIndex < paragraph.length) {
    const start = piece.lastIndex;
    const found = piece.exec(paragraph);
    if (found === null) return undefined;
    const [whole, strong, emphasis, label, href, text] = found;
    if (text !== undefined) {
      children.push({ type: 'text', value: text });
      continue;
    }
    const inner: ElementContent[] = [{ type: 'text', value: strong ?? emphasis ?? label ?? '' }];
    if (href !== undefined) {
      children.push({ type: 'element', tagName: 'a', properties: { href }, children: inner });
      continue;
    }
    if (!beforeEmphasis.has(paragraph[start - 1]) || !afterEmphasis.has(paragraph[start + whole.length])) {
      return undefined;
    }
    const tagName = strong === undefined ? 'em' : 'strong';
    children.push({ type: 'element', tagName, properties: {}, children: inner });
  }
  return children;
}

/**
 * Positions are offsets in the note, which mean nothing in the page, and three objects per node
 * for every later step to copy.
 */
function forgetPositions(tree: MdastNodes): void {
  const stack: MdastNodes[] = [tree];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    delete node.position;
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
}
