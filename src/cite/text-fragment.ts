/**
 * Links to a passage of the page: `page#p-3:~:text=…`, a text fragment as the WICG Text
 * Fragments draft defines it (https://wicg.github.io/scroll-to-text-fragment/). A browser that
 * knows text fragments scrolls to the passage and highlights it; one that does not, or one that
 * no longer finds the text, falls back to the paragraph's id.
 *
 * `textDirective` describes a passage and `findTextDirective` finds a directive's passage the
 * way a browser does, so that a directive is only handed out when it leads back to its passage.
 * Both work on the page's text as a string (pure and DOM-free, for the reader's bundle):
 *
 * - The page text is the visible text of the page in document order, with a line break between
 *   blocks (paragraphs, headings, list items, blockquotes): what `innerText` gives. Any run of
 *   white space holding a line break is a block boundary; any other run is one space.
 * - Matching follows the draft's "find a range from a text directive": each term lies within one
 *   block, terms are compared without regard to case or accents (the draft's base-character
 *   comparison; curly and straight quotation marks alike, soft hyphens ignored, as Chromium's
 *   find does), matches must start and end on word boundaries (Unicode word segmentation), and
 *   only white space, including block boundaries, may come between a context term and the text.
 * - Generation follows the draft's recommendations and Chromium's generator: the exact text for
 *   a passage of at most 300 characters within one block; otherwise the first and last words
 *   (`textStart,textEnd`, from 3 words each, growing to 10 until the match is unique). A passage
 *   across paragraphs is always such a range, since a term cannot cross a block boundary:
 *   `textStart` ends in the first paragraph and `textEnd` starts in the last. Context
 *   (`prefix-,` and `,-suffix`, from 3 words each side up to 10, within the neighbouring blocks)
 *   is added only when the text alone matches more than once on the page.
 */
import { widenToWords } from './quote.ts';

/** A text directive's terms, as text (percent-encoded only in a URL, see `textFragment`). */
export interface TextDirective {
  textStart: string;
  textEnd?: string;
  prefix?: string;
  suffix?: string;
}

/** A passage: `pageText.slice(start, end)`, in the page text described above. */
export interface Passage {
  pageText: string;
  start: number;
  end: number;
}

/** Passages up to this length are linked by their exact text (the draft's recommendation). */
const exactMaxChars = 300;
/** Range and context terms start with this many words... */
const minWords = 3;
/** ...and grow, one word at a time, up to this many. */
const maxWords = 10;

/**
 * The URL of a passage: `pageUrl` without its fragment, then `#paragraphId` (the fallback target)
 * and the text directive, if any: `passageUrl('https://x.org/a/', 'p-3', {textStart: 'the
 * text'})` → "https://x.org/a/#p-3:~:text=the%20text".
 */
export function passageUrl(pageUrl: string, paragraphId: string, directive: TextDirective | null): string {
  const base = pageUrl.replace(/#[\s\S]*$/, '');
  const directives = directive ? `:~:${textFragment(directive)}` : '';
  return `${base}#${encodeURIComponent(paragraphId)}${directives}`;
}

/**
 * A directive as it goes in a URL: `text=[prefix-,]textStart[,textEnd][,-suffix]`. Each term is
 * UTF-8 percent-encoded except ASCII letters, digits, `_` and `~`: so `-`, `&` and `,`, which
 * the directive syntax uses, are always encoded, and so are `(` and `)`, which would end a
 * Markdown link, and `.`, which a plain-text linkifier drops from the end of a link.
 */
export function textFragment(directive: TextDirective): string {
  const { prefix, textStart, textEnd, suffix } = directive;
  const terms = [encodeTerm(textStart)];
  if (textEnd !== undefined) terms.push(encodeTerm(textEnd));
  if (prefix !== undefined) terms.unshift(`${encodeTerm(prefix)}-`);
  if (suffix !== undefined) terms.push(`-${encodeTerm(suffix)}`);
  return `text=${terms.join(',')}`;
}

/**
 * Read a text directive (`text=…`, as `textFragment` writes it) back into its terms, following
 * the draft's "parse a text directive". Null when it is not one.
 */
export function parseTextFragment(directive: string): TextDirective | null {
  if (!directive.startsWith('text=')) return null;
  const tokens = directive.slice(5).split(',');
  if (tokens.length > 4 || tokens.includes('')) return null;
  const prefix = tokens[0]?.endsWith('-') ? tokens.shift()?.slice(0, -1) : undefined;
  const suffix = tokens.at(-1)?.startsWith('-') ? tokens.pop()?.slice(1) : undefined;
  const [textStart, textEnd, ...rest] = tokens;
  if (textStart === undefined || rest.length > 0) return null;
  try {
    const terms: TextDirective = { textStart: decodeURIComponent(textStart) };
    if (textEnd !== undefined) terms.textEnd = decodeURIComponent(textEnd);
    if (prefix !== undefined) terms.prefix = decodeURIComponent(prefix);
    if (suffix !== undefined) terms.suffix = decodeURIComponent(suffix);
    return Object.values(terms).includes('') ? null : terms;
  } catch {
    return null;
  }
}

/**
 * The text directive that leads to `pageText.slice(start, end)`: the simplest one (see above)
 * whose only match on the page is that passage, else the simplest whose first match is; null when
 * the passage is only white space or no directive picks it out. A passage that cuts a word is
 * first widened to the whole word, as a match must start and end on word boundaries.
 *
 * @throws RangeError when the offsets are not `0 ≤ start ≤ end ≤ pageText.length`.
 */
export function textDirective({ pageText, start, end }: Passage): TextDirective | null {
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    start < 0 ||
    start > end ||
    end > pageText.length
  ) {
    throw new RangeError(`Not a passage of a text of length ${pageText.length}: ${start}…${end}`);
  }
  while (start < end && /\s/.test(pageText.charAt(start))) start++;
  while (end > start && /\s/.test(pageText.charAt(end - 1))) end--;
  if (start === end) return null;
  const page = readPage(pageText);
  const span = widenToWords(page.plain, firstAtOrAfter(page.origin, start), firstAtOrAfter(page.origin, end));
  const target = [page.at[span.start], page.at[span.end]];
  let fallback: TextDirective | null = null;
  for (const directive of candidates(page, span.start, span.end)) {
    const found = matches(page, directive);
    const first = found.next();
    if (first.done || first.value[0] !== target[0] || first.value[1] !== target[1]) continue;
    if (found.next().done) return directive;
    fallback ??= directive;
  }
  return fallback;
}

/**
 * Where a browser finds `directive` in `pageText`: the offsets of its first match, or null.
 */
export function findTextDirective(
  pageText: string,
  directive: TextDirective,
): { start: number; end: number } | null {
  const page = readPage(pageText);
  const first = matches(page, directive).next();
  if (first.done) return null;
  const start = page.source[first.value[0]] ?? 0;
  const end = page.source[first.value[1]] ?? 0;
  return { start: page.origin[start] ?? 0, end: (page.origin[end - 1] ?? 0) + 1 };
}

function encodeTerm(term: string): string {
  // A lone surrogate cannot be UTF-8 encoded; it stands for nothing a reader could select.
  const wellFormed = term.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
  return encodeURIComponent(wellFormed).replace(
    /[!'()*.-]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** The page text, prepared for matching. */
interface Page {
  /** The text with white space collapsed: one space within a block, `\n` between blocks. */
  plain: string;
  /** Offset in the page text of each code unit of `plain`. */
  origin: number[];
  /** `plain` folded for comparison (see `fold`). */
  folded: string;
  /** Offset in `folded` of each code point of `plain` (-1 for a surrogate pair's second half), then of its end. */
  at: number[];
  /** Offset in `plain` of the character each unit of `folded` starts (-1 inside one), then of its end. */
  source: number[];
  /** Whether an offset in `folded` is on a word boundary of `plain`. */
  isBoundary: (offset: number) => boolean;
}

function readPage(pageText: string): Page {
  let plain = '';
  const origin: number[] = [];
  for (const { 0: token, index } of pageText.matchAll(/\s+|\S+/g)) {
    if (/\S/.test(token)) {
      plain += token;
      for (let offset = 0; offset < token.length; offset++) origin.push(index + offset);
    } else if (plain !== '') {
      plain += /[\n\r\u2028\u2029]/.test(token) ? '\n' : ' ';
      origin.push(index);
    }
  }
  if (/\s$/.test(plain)) {
    plain = plain.slice(0, -1);
    origin.pop();
  }
  let folded = '';
  const at: number[] = [];
  const source: number[] = [];
  for (const char of plain) {
    const index = at.length;
    const piece = foldChar(char);
    at.push(folded.length);
    if (char.length === 2) at.push(-1);
    // A character that folds to nothing (a mark, a soft hyphen) leaves its place to the next.
    for (let unit = 0; unit < piece.length; unit++) source.push(unit === 0 ? index : -1);
    folded += piece;
  }
  at.push(folded.length);
  source.push(plain.length);

  // Word boundaries are looked up where a match is tried, not for the whole page at once:
  // segmenting a long page takes a noticeable time.
  const segments = new Intl.Segmenter(undefined, { granularity: 'word' }).segment(plain);
  const known = new Map<number, boolean>();
  const isBoundary = (offset: number): boolean => {
    const index = source[offset] ?? -1;
    if (index <= 0 || index >= plain.length) return index !== -1;
    let bounded = known.get(index);
    if (bounded === undefined) known.set(index, (bounded = segments.containing(index)?.index === index));
    return bounded;
  };
  return { plain, origin, folded, at, source, isBoundary };
}

/** The words of `plain.slice(from, to)`, as `[start, end)` offsets in `plain`. */
function wordsIn(plain: string, from: number, to: number): Array<[number, number]> {
  const words: Array<[number, number]> = [];
  for (const segment of new Intl.Segmenter(undefined, { granularity: 'word' }).segment(
    plain.slice(from, to),
  )) {
    if (segment.isWordLike) words.push([from + segment.index, from + segment.index + segment.segment.length]);
  }
  return words;
}

/** Marks a browser's find treats as others: curly quotation marks as straight, soft hyphens as nothing. */
const foldedMarks: Readonly<Record<string, string>> = {
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '\u00AD': '',
};

/** One character as the draft compares them: lower case, accents and other marks removed. */
function foldChar(char: string): string {
  return foldedMarks[char] ?? char.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

function fold(text: string): string {
  let folded = '';
  for (const char of text) folded += foldChar(char);
  return folded;
}

/** Index of the first entry of the ascending `offsets` that is ≥ `offset`, or its length. */
function firstAtOrAfter(offsets: readonly number[], offset: number): number {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((offsets[middle] ?? Infinity) < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The directives to try for the passage `plain.slice(start, end)`, simplest first. */
function* candidates({ plain }: Page, start: number, end: number): Generator<TextDirective> {
  // Context comes from the block of the last text before the passage and of the first after it.
  let prefixEnd = start;
  while (prefixEnd > 0 && isSpace(plain.charAt(prefixEnd - 1))) prefixEnd--;
  let suffixStart = end;
  while (suffixStart < plain.length && isSpace(plain.charAt(suffixStart))) suffixStart++;
  const prefixBlock = blockStart(plain, prefixEnd);
  const suffixBlock = blockEnd(plain, suffixStart);
  const words = wordsIn(plain, prefixBlock, suffixBlock);

  const exact = plain.slice(start, end);
  let base: TextDirective = { textStart: exact };
  if (exact.includes('\n') || exact.length > exactMaxChars) {
    // textStart within the passage's first block, textEnd within its last.
    const firstBlockEnd = Math.min(end, blockEnd(plain, start));
    const lastBlockStart = Math.max(start, blockStart(plain, end));
    const head = words.filter(([from, to]) => from >= start && to <= firstBlockEnd);
    const tail = words.filter(([from, to]) => from >= lastBlockStart && to <= end);
    for (let count = minWords; count <= maxWords; count++) {
      const headEnd = head[count - 1]?.[1] ?? firstBlockEnd;
      const tailStart = tail.at(-count)?.[0] ?? lastBlockStart;
      if (headEnd > tailStart) break;
      const range = { textStart: plain.slice(start, headEnd), textEnd: plain.slice(tailStart, end) };
      if (range.textStart === base.textStart && range.textEnd === base.textEnd) break;
      yield (base = range);
    }
  } else {
    yield base;
  }

  if (prefixEnd === 0 && suffixStart === plain.length) return;
  const before = words.filter(([from, to]) => from >= prefixBlock && to <= prefixEnd);
  const after = words.filter(([from, to]) => from >= suffixStart && to <= suffixBlock);
  let previous = '';
  for (let count = minWords; count <= maxWords; count++) {
    const prefix = plain.slice(before.at(-count)?.[0] ?? prefixBlock, prefixEnd);
    const suffix = plain.slice(suffixStart, after[count - 1]?.[1] ?? suffixBlock);
    if (`${prefix}\n${suffix}` === previous) break; // the blocks have no more words
    previous = `${prefix}\n${suffix}`;
    yield { ...(prefix === '' ? {} : { prefix }), ...base, ...(suffix === '' ? {} : { suffix }) };
  }
}

function isSpace(char: string): boolean {
  return char === ' ' || char === '\n';
}

/** Start of the block holding the text just before `offset`. */
function blockStart(plain: string, offset: number): number {
  return plain.lastIndexOf('\n', offset - 1) + 1;
}

/** End of the block holding the text at `offset`. */
function blockEnd(plain: string, offset: number): number {
  const end = plain.indexOf('\n', offset);
  return end === -1 ? plain.length : end;
}

/**
 * Every match of `directive` in the page, as `[start, end)` offsets in `page.folded`, in the
 * order the draft's "find a range from a text directive" would find them (the first is the one
 * a browser shows).
 */
function* matches(page: Page, directive: TextDirective): Generator<[number, number]> {
  const { folded, isBoundary } = page;
  const textStart = fold(directive.textStart);
  const textEnd = directive.textEnd === undefined ? undefined : fold(directive.textEnd);
  const prefix = directive.prefix ? fold(directive.prefix) : undefined;
  const suffix = directive.suffix ? fold(directive.suffix) : undefined;
  if (textStart === '' || textEnd === '' || prefix === '' || suffix === '') return;

  const bounded = (from: number, to: number, atStart: boolean, atEnd: boolean): boolean =>
    (!atStart || isBoundary(from)) && (!atEnd || isBoundary(to));
  const find = (query: string, from: number, atStart: boolean, atEnd: boolean): number => {
    for (let index = folded.indexOf(query, from); index !== -1; index = folded.indexOf(query, index + 1)) {
      if (bounded(index, index + query.length, atStart, atEnd)) return index;
    }
    return -1;
  };
  const startsAt = (query: string, index: number, atEnd: boolean): boolean =>
    folded.startsWith(query, index) && bounded(index, index + query.length, false, atEnd);
  const skipSpace = (index: number): number => {
    while (index < folded.length && isSpace(folded.charAt(index))) index++;
    return index;
  };

  const textStartEndsWord = textEnd !== undefined || suffix === undefined;
  let from = 0;
  for (;;) {
    let start: number;
    if (prefix !== undefined) {
      const prefixAt = find(prefix, from, true, false);
      if (prefixAt === -1) return;
      from = prefixAt + 1;
      start = skipSpace(prefixAt + prefix.length);
      if (!startsAt(textStart, start, textStartEndsWord)) continue;
    } else {
      start = find(textStart, from, true, textStartEndsWord);
      if (start === -1) return;
      from = start + 1;
    }
    let end = start + textStart.length;
    for (;;) {
      if (textEnd !== undefined) {
        const endAt = find(textEnd, end, true, suffix === undefined);
        if (endAt === -1) return;
        end = endAt + textEnd.length;
      }
      if (suffix === undefined || startsAt(suffix, skipSpace(end), true)) {
        yield [start, end];
        break;
      }
      if (textEnd === undefined) break;
    }
  }
}
