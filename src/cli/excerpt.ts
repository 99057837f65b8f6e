/**
 * The lines shown under a problem's first line for a person at a terminal (as rustc and Elm
 * do): the line of the file at fault with the value underlined, and for a quote that missed,
 * the quote and the article's text one above the other, the characters that differ marked.
 *
 *          |
 *       12 |     quote: Sora's capabilities
 *          |            ^^^^^^^^^^^^^^^^^^^
 *    quote | Sora's capabilities
 *          |     ^
 *  article | Sora’s capabilities
 *          |     ^
 *
 * The marks are `^` under each character that differs (so the excerpt reads without colour);
 * with colour, the quote's differing characters are red and the article's green. Characters a
 * reader cannot see are shown by code point (`⟨U+00AD⟩`), and runs of white space as one space,
 * since white space matches loosely. Every line starts with white space, so that a script that
 * reads the problems' first lines (`FILE:LINE:COLUMN: …`) can tell them from these.
 */
import { diffArrays } from 'diff';
import { isInvisible } from '../anchor/typography.ts';

export interface ExcerptOptions {
  color: boolean;
}

/** What the excerpt needs of a message (a vfile message has it). */
export interface ExcerptMessage {
  line?: number | undefined;
  column?: number | undefined;
  actual?: string | undefined;
  expected?: string[] | undefined;
}

/** Most columns an excerpt's text takes before it is cut around what it marks. */
const maxWidth = 96;
/** Characters kept on each side of a mark when a long line is cut. */
const margin = 24;

const style = {
  gutter: '\u001b[1;34m',
  caret: '\u001b[1;31m',
  quote: '\u001b[1;31m',
  article: '\u001b[1;32m',
  reset: '\u001b[0m',
};
type Tone = 'gutter' | 'caret' | 'quote' | 'article';

/** The excerpt lines for `message`, read from `source` (the text of the file at fault). */
export function messageExcerpt(
  source: string | undefined,
  message: ExcerptMessage,
  options: ExcerptOptions,
): string[] {
  const paint = (tone: Tone, text: string) =>
    options.color && text.trim() !== '' ? `${style[tone]}${text}${style.reset}` : text;
  const sourceLine =
    source === undefined || message.line === undefined ? undefined : lineOf(source, message.line);
  const comparing = message.actual !== undefined && (message.expected?.length ?? 0) > 0;
  if (sourceLine === undefined && !comparing) return [];
  const gutterWidth = Math.max(String(message.line ?? '').length, comparing ? 'article'.length : 0) + 1;
  const gutter = (label = '') => paint('gutter', `${label.padStart(gutterWidth)} |`);
  const lines: string[] = [gutter()];

  if (sourceLine !== undefined && message.line !== undefined) {
    const column = Math.max(1, message.column ?? 1);
    const units = graphemes(sourceLine.replace(/\t/gu, ' '));
    const view = cut(units, underlined(units, sourceLine, column - 1), 0);
    lines.push(`${gutter(String(message.line))} ${view.text}`);
    lines.push(`${gutter()} ${paint('caret', view.markers)}`.trimEnd());
  }
  if (comparing) {
    const [first = '', ...rest] = message.expected ?? [];
    const quote = graphemes(displayed(message.actual ?? ''));
    const article = graphemes(displayed(first));
    const changes = rest.length === 0 ? diffArrays(quote.map(textOf), article.map(textOf)) : [];
    const quoteMarks = new Set<number>();
    const articleMarks = new Set<number>();
    let q = 0;
    let a = 0;
    for (const change of changes) {
      const count = change.count ?? change.value.length;
      for (let k = 0; k < count; k++) {
        if (change.removed) quoteMarks.add(q++);
        else if (change.added) articleMarks.add(a++);
        else {
          q++;
          a++;
        }
      }
    }
    lines.push(...compared('quote', quote, quoteMarks, 'quote'));
    lines.push(...compared('article', article, articleMarks, 'article'));
    for (const part of rest) lines.push(`${gutter()} ${cut(graphemes(displayed(part)), new Set(), 0).text}`);
  }
  return lines;

  function compared(label: string, units: Unit[], marks: Set<number>, tone: Tone): string[] {
    const view = cut(units, marks, 0, (text) => paint(tone, text));
    const result = [`${gutter(label)} ${view.text}`];
    if (marks.size > 0) result.push(`${gutter()} ${paint(tone, view.markers)}`.trimEnd());
    return result;
  }
}

interface Unit {
  text: string;
  /** Offset in the text it was cut from (UTF-16 code units). */
  offset: number;
  width: number;
}

function textOf(unit: Unit): string {
  return unit.text;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** The text as graphemes, with the characters one cannot see as their code points. */
function graphemes(text: string): Unit[] {
  const units: Unit[] = [];
  for (const { segment, index } of segmenter.segment(text)) {
    let offset = index;
    let visible = '';
    for (const char of segment) {
      const code = char.codePointAt(0) ?? 0;
      if (isInvisible(code)) {
        if (visible !== '') units.push(unit(visible, offset - visible.length));
        visible = '';
        const shown = `⟨U+${code.toString(16).toUpperCase().padStart(4, '0')}⟩`;
        units.push({ text: shown, offset, width: shown.length });
      } else {
        visible += char;
      }
      offset += char.length;
    }
    if (visible !== '') units.push(unit(visible, offset - visible.length));
  }
  return units;
}

function unit(text: string, offset: number): Unit {
  return { text, offset, width: widthOf(text) };
}

/** Columns a grapheme takes on a terminal: 2 for wide (East Asian, emoji), else 1. */
function widthOf(grapheme: string): number {
  const code = grapheme.codePointAt(0) ?? 0;
  const wide =
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd);
  return wide ? 2 : 1;
}

/** Runs of white space as one space, as matching reads them. */
function displayed(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * The units as text with a line of markers under the marked ones; a line wider than
 * {@link maxWidth} is cut to the stretches around the marks (or around `focus`), joined by `…`.
 */
function cut(
  units: Unit[],
  marks: ReadonlySet<number>,
  focus: number,
  paintMarked: (text: string) => string = (text) => text,
): { text: string; markers: string } {
  const total = units.reduce((sum, item) => sum + item.width, 0);
  const centres = marks.size > 0 ? [...marks] : [Math.max(0, focus)];
  const keep = (index: number) =>
    total <= maxWidth || centres.some((centre) => index >= centre - margin && index <= centre + margin * 2);
  let text = '';
  let markers = '';
  let skipping = false;
  units.forEach((item, index) => {
    if (!keep(index)) {
      if (!skipping) {
        text += '…';
        markers += ' ';
      }
      skipping = true;
      return;
    }
    skipping = false;
    const marked = marks.has(index);
    text += marked ? paintMarked(item.text) : item.text;
    markers += (marked ? '^' : ' ').repeat(item.width);
  });
  return { text, markers: markers.trimEnd() };
}

/** The 1-based line `line` of `source`, without its line ending. */
function lineOf(source: string, line: number): string | undefined {
  let start = 0;
  for (let current = 1; current < line; current++) {
    const next = source.indexOf('\n', start);
    if (next === -1) return undefined;
    start = next + 1;
  }
  const end = source.indexOf('\n', start);
  return source.slice(start, end === -1 ? source.length : end).replace(/\r$/u, '');
}

/**
 * The units of the value that starts at offset `from` of a line of YAML or JSON, to underline:
 * a quoted string to its closing quote, a plain value to a comment or the end of the line (or
 * to the next `,` `]` `}` inside brackets), a bracket or block-scalar indicator alone.
 */
function underlined(units: readonly Unit[], line: string, from: number): Set<number> {
  const end = valueEnd(line, from);
  const marks = new Set<number>();
  units.forEach((item, index) => {
    if (item.offset >= from && item.offset < end) marks.add(index);
  });
  return marks;
}

function valueEnd(line: string, from: number): number {
  const first = line[from];
  if (first === undefined) return from + 1;
  if (first === '"' || first === "'") {
    for (let at = from + 1; at < line.length; at++) {
      if (first === '"' && line[at] === '\\') at++;
      else if (line[at] === first && !(first === "'" && line[at + 1] === "'")) return at + 1;
      else if (first === "'" && line[at] === "'") at++;
    }
    return line.length;
  }
  if ('[{|>'.includes(first)) return from + 1;
  const inBrackets = /[[{]/u.test(line.slice(0, from));
  let end = line.length;
  const comment = line.indexOf(' #', from);
  if (comment !== -1) end = comment;
  if (inBrackets) {
    const stop = line.slice(from, end).search(/[,\]}]/u);
    if (stop !== -1) end = from + stop;
  }
  while (end > from + 1 && line[end - 1] === ' ') end--;
  return end;
}
