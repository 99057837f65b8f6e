/**
 * remark-parse for long articles: the same tree as remark-parse, built from runs of blocks.
 *
 * micromark holds every event of its input at once and slows down per byte as the input grows:
 * a 10 MB article parsed whole takes about a third more time and 100 MB more memory than the
 * same article parsed in runs of 64 KB. So the Markdown is cut at blank lines where no
 * construct can carry on past the cut, each run is parsed alone with the processor's
 * extensions (front matter), and the runs' blocks are joined, their positions moved to where
 * they are in the whole file.
 *
 * A cut goes before a line that starts with a character that is not white space and does not
 * start a list item, after a blank line: there, every open block has ended (a blank line ends
 * paragraphs, block quotes and the HTML blocks that can end, and a line that is not indented
 * ends lists and indented code). What can reach past a blank line is not cut at all: a file with
 * a code fence, an HTML block that runs to a closing tag (comments, `<pre>`, `<script>`, …), a
 * link reference definition (its label may be used anywhere), or a bare carriage return is
 * parsed whole, as is the front matter. `remark-parse-md.test.ts` compares the joined tree,
 * positions included, with remark-parse's on generated documents, cutting wherever it can.
 */
import type { Root, RootContent } from 'mdast';
import { fromMarkdown, type Extension as MdastExtension } from 'mdast-util-from-markdown';
import type { Extension } from 'micromark-util-types';
import type { Plugin } from 'unified';
// remark-parse's types declare the processor data this plugin reads (`micromarkExtensions`…).
import type {} from 'remark-parse';
import type { Node, Point } from 'unist';

/** Runs are at least this long (except the last), in UTF-16 code units. */
export const defaultRunLength = 64 * 1024;

/** Constructs that can carry on past a blank line: the file is not cut when one may be there. */
const uncuttable = /```|~~~|\]:|<[!?]|<(?:script|pre|style|textarea)(?:[\s>]|$)|\r(?!\n)/iu;
/**
 * A blank line, then a line that starts with neither white space nor a list-item marker, nor a
 * `-` or `+` at all (a run that opened with `---` would read it as front matter).
 */
const cutPlace = /\n[ \t]*\r?\n(?=[^ \t\r\n])(?![-+]|\*(?:[ \t]|\r?\n|$)|\d{1,9}[.)](?:[ \t]|\r?\n|$))/gu;
/** YAML front matter: its closing fence, when the file opens with one. */
export const frontMatter = /^---[ \t]*\r?\n(?:[^]*?\r?\n)??---[ \t]*(?:\r?\n|$)/u;

export interface ParseOptions {
  extensions?: Extension[];
  mdastExtensions?: MdastExtension[];
  /** How long a run is at least (for tests, which cut wherever they can with 1). */
  runLength?: number;
}

const remarkParseMd: Plugin<[{ runLength?: number }?], string, Root> = function (options = {}) {
  // eslint-disable-next-line @typescript-eslint/no-this-alias -- the parser reads the processor's data when it runs
  const processor = this;
  processor.parser = (document) =>
    parseMarkdown(document, {
      ...options,
      extensions: (processor.data('micromarkExtensions') ?? []) as Extension[],
      mdastExtensions: (processor.data('fromMarkdownExtensions') ?? []) as MdastExtension[],
    });
};
export default remarkParseMd;

/** `document` as mdast, the same tree as `fromMarkdown` gives, parsed a run at a time. */
export function parseMarkdown(document: string, options: ParseOptions = {}): Root {
  const { extensions = [], mdastExtensions = [], runLength = defaultRunLength } = options;
  const settings = { extensions, mdastExtensions };
  const starts = runStarts(document, runLength);
  if (starts.length === 1) return fromMarkdown(document, settings);
  const children: RootContent[] = [];
  let position: Root['position'];
  let line = 1;
  for (let index = 0; index < starts.length; index++) {
    const start = starts[index] as number;
    const end = starts[index + 1] ?? document.length;
    const run = fromMarkdown(document.slice(start, end), settings);
    if (start > 0) move(run, line - 1, start);
    children.push(...run.children);
    // The whole file's root runs from where the first run's starts to where the last run's ends.
    position = position && run.position ? { start: position.start, end: run.position.end } : run.position;
    line += linesIn(document, start, end);
  }
  return { type: 'root', children, ...(position ? { position } : {}) };
}

/** Where each run starts: 0, then each cut at least `runLength` after the one before. */
export function runStarts(document: string, runLength: number): number[] {
  const starts = [0];
  if (document.length <= runLength || uncuttable.test(document)) return starts;
  let from = 0;
  if (document.startsWith('---')) {
    const fence = frontMatter.exec(document);
    if (!fence) return starts;
    from = fence[0].length - 1;
  }
  cutPlace.lastIndex = Math.max(from, runLength - 1);
  for (let found = cutPlace.exec(document); found; found = cutPlace.exec(document)) {
    const start = found.index + found[0].length;
    starts.push(start);
    cutPlace.lastIndex = Math.max(start - 1, start + runLength - 1);
  }
  return starts;
}

function linesIn(document: string, start: number, end: number): number {
  let count = 0;
  for (let at = document.indexOf('\n', start); at !== -1 && at < end; at = document.indexOf('\n', at + 1))
    count++;
  return count;
}

/** Move a run's node and its descendants: `lines` down, `offset` on (runs start at a line's start). */
function move(node: Node, lines: number, offset: number): void {
  const stack: Node[] = [node];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const position = next.position;
    if (position) {
      shift(position.start, lines, offset);
      shift(position.end, lines, offset);
    }
    if ('children' in next && Array.isArray(next.children)) {
      for (const child of next.children as Node[]) stack.push(child);
    }
  }
}

function shift(point: Point, lines: number, offset: number): void {
  point.line += lines;
  if (point.offset !== undefined) point.offset += offset;
}
