/**
 * A unified parser for plain-text articles, as people paste them (../shared/CONTRACT.md §1):
 * each non-empty line is a block; blank lines between blocks are allowed and carry no meaning.
 * A short line without closing punctuation that is followed by a longer line is a heading.
 *
 * The text is taken literally: no Markdown, no HTML, nothing "fixed". Every node carries its
 * position in the source so that messages can point at it.
 *
 * With `limits`, a text of more blocks than the limit is refused before it is split
 * (`limits.ts`): a `LimitError` at the first line past the limit.
 */
import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import { LimitError, tooManyBlocksReason, txtBlocksOverLimit } from './limits.ts';

/** A heading is at most this many characters… */
const headingMaxLength = 100;
/** …and this many words. */
const headingMaxWords = 14;
/** Closing punctuation, possibly followed by closing quotes or brackets. */
const closingPunctuation = /[.!?:;,…]["'”’»)\]]*$/u;

interface Line {
  text: string;
  /** 1-based line number. */
  line: number;
  /** 1-based column of the first non-blank character. */
  column: number;
  /** Offset of the first non-blank character in the file. */
  offset: number;
}

export interface RemarkParseTxtOptions {
  limits?: { blocks: number };
}

const remarkParseTxt: Plugin<[RemarkParseTxtOptions?], string, Root> = function (options = {}) {
  const { limits } = options;
  this.parser = (document) => {
    const over = limits && txtBlocksOverLimit(document, limits.blocks);
    if (over)
      throw new LimitError('too-many-blocks', tooManyBlocksReason(over.found, limits.blocks), over.place);
    return parseTxt(document);
  };
};
export default remarkParseTxt;

/** Parse plain text into an mdast tree of headings and paragraphs. */
export function parseTxt(document: string): Root {
  const lines = splitLines(document);
  const children: RootContent[] = lines.map((line, index) => {
    const next = lines[index + 1];
    const isHeading = next !== undefined && looksLikeHeading(line.text, next.text);
    return isHeading ? heading(line) : paragraph(line);
  });
  return {
    type: 'root',
    children,
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: endPoint(document),
    },
  };
}

/** Whether a line reads as a heading before `next`. */
export function looksLikeHeading(text: string, next: string): boolean {
  return (
    text.length <= headingMaxLength &&
    text.split(/\s+/u).length <= headingMaxWords &&
    !closingPunctuation.test(text) &&
    next.length > text.length
  );
}

function splitLines(document: string): Line[] {
  const lines: Line[] = [];
  const pattern = /[^\r\n]*(?:\r\n|\r|\n|$)/gu;
  let lineNumber = 0;
  for (const match of document.matchAll(pattern)) {
    if (match[0] === '') break;
    lineNumber += 1;
    const raw = match[0].replace(/[\r\n]+$/u, '');
    const leading = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text === '') continue;
    lines.push({ text, line: lineNumber, column: leading + 1, offset: match.index + leading });
  }
  return lines;
}

function positionOf(line: Line): NonNullable<Paragraph['position']> {
  return {
    start: { line: line.line, column: line.column, offset: line.offset },
    end: {
      line: line.line,
      column: line.column + line.text.length,
      offset: line.offset + line.text.length,
    },
  };
}

function paragraph(line: Line): Paragraph {
  const position = positionOf(line);
  return { type: 'paragraph', children: [{ type: 'text', value: line.text, position }], position };
}

function heading(line: Line): Heading {
  const position = positionOf(line);
  return {
    type: 'heading',
    depth: 2,
    children: [{ type: 'text', value: line.text, position }],
    position,
  };
}

function endPoint(document: string): { line: number; column: number; offset: number } {
  const lines = document.split(/\r\n|\r|\n/u);
  const last = lines.at(-1) ?? '';
  return { line: lines.length, column: last.length + 1, offset: document.length };
}
