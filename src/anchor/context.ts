/**
 * Context around an occurrence in the folded document text: whether a quote's prefix and suffix
 * agree with it, and which context would tell one occurrence from the others.
 *
 * A prefix must be the folded text right before the occurrence, a suffix the folded text right
 * after it. White space between the context and the quote is loose, like all white space in
 * matching: prefix "technology, " and prefix "technology," both pick "technology, capable…" and
 * "technology,capable…" alike (an unquoted YAML value loses its trailing space, and the editor
 * should not have to care). Everywhere else white space still counts: prefix "a technology,"
 * wants white space between "a" and "technology", and prefix " technology," wants white space
 * (or a block boundary) before "technology".
 *
 * So a context is compared from the occurrence's *boundary*: its start (or end) moved past the
 * white space next to it. `disambiguate` measures what occurrences share from the same
 * boundaries, so each context it suggests picks its own occurrence under this rule.
 */
import type { TextQuote } from './types.ts';
import { normalizeWhiteSpace } from './normalize.ts';

/** The folded text's only white space. */
const space = 0x20;

/** A range of the folded document text. */
export interface Range {
  start: number;
  end: number;
}

/**
 * A quote's prefix and suffix, folded. White space at the prefix's end and at the suffix's start
 * (next to the quote) is ignored when they are compared; at their other ends it counts.
 */
export interface Context {
  prefix: string;
  suffix: string;
}

export function foldContext(quote: TextQuote): Context {
  return {
    prefix: normalizeWhiteSpace(quote.prefix ?? ''),
    suffix: normalizeWhiteSpace(quote.suffix ?? ''),
  };
}

/** `start` moved back past the white space right before it in the folded `text`. */
function boundaryBefore(text: string, start: number): number {
  while (start > 0 && text.charCodeAt(start - 1) === space) start--;
  return start;
}

/** `end` moved on past the white space right after it in the folded `text`. */
function boundaryAfter(text: string, end: number): number {
  while (end < text.length && text.charCodeAt(end) === space) end++;
  return end;
}

/**
 * Whether `prefix` ends the text before `start`, white space at the boundary ignored. Only
 * U+0020 is trimmed (the context is folded): `trimEnd` would also drop U+FEFF, which is not
 * white space in matching.
 */
function prefixAgrees(text: string, start: number, prefix: string): boolean {
  return text.endsWith(withoutSpacesAtEnd(prefix), boundaryBefore(text, start));
}

/** Whether `suffix` starts the text after `end`, white space at the boundary ignored. */
function suffixAgrees(text: string, end: number, suffix: string): boolean {
  return text.startsWith(withoutSpacesAtStart(suffix), boundaryAfter(text, end));
}

function withoutSpacesAtEnd(text: string): string {
  return text.slice(0, boundaryBefore(text, text.length));
}

function withoutSpacesAtStart(text: string): string {
  return text.slice(boundaryAfter(text, 0));
}

/** Whether the prefix precedes and the suffix follows `range` in `text` (both folded). */
export function agrees(text: string, range: Range, context: Context): boolean {
  return prefixAgrees(text, range.start, context.prefix) && suffixAgrees(text, range.end, context.suffix);
}

/**
 * How many of the quote's prefix and suffix agree with `range` (0, 1 or 2), leaving out those
 * that are empty or only white space (they agree with anything).
 */
export function agreement(text: string, range: Range, context: Context): number {
  let count = 0;
  if (!isBlank(context.prefix) && prefixAgrees(text, range.start, context.prefix)) count++;
  if (!isBlank(context.suffix) && suffixAgrees(text, range.end, context.suffix)) count++;
  return count;
}

function isBlank(context: string): boolean {
  return boundaryAfter(context, 0) === context.length;
}

/** Longest context (in characters of folded text) a disambiguator may have. */
export const maxContextLength = 60;

/**
 * For each range, the shortest prefix and the shortest suffix (whole words of the folded text,
 * at most `maxLength` characters; "" when there is none) that no other range shares.
 *
 * What a range shares with another is measured from their boundaries (past the white space
 * next to them), as `agrees` compares: "technology, capable" and "technology,capable" share the
 * prefix "technology,". A context is returned as the text has it, white space at the boundary
 * included ("Prices " for "Prices rose"), and counted with it against `maxLength`.
 *
 * The contexts are sorted (read backwards for prefixes, forwards for suffixes); the longest
 * context a range shares with any other is the longer of what it shares with its two
 * neighbours in that order, so the cost is a sort, not a comparison of every pair.
 */
export function disambiguate(
  text: string,
  ranges: readonly Range[],
  maxLength = maxContextLength,
): Context[] {
  const starts = ranges.map((range) => boundaryBefore(text, range.start));
  const ends = ranges.map((range) => boundaryAfter(text, range.end));
  const before = sharedContext(text, starts, -1, maxLength);
  const after = sharedContext(text, ends, 1, maxLength);
  return ranges.map((range, i) => ({
    prefix: shortestWords(text, range.start, starts[i] ?? range.start, -1, before[i] ?? maxLength, maxLength),
    suffix: shortestWords(text, range.end, ends[i] ?? range.end, 1, after[i] ?? maxLength, maxLength),
  }));
}

type Direction = -1 | 1;

/** For each origin, the length of the longest context it shares with another origin. */
function sharedContext(
  text: string,
  origins: readonly number[],
  direction: Direction,
  maxLength: number,
): number[] {
  const code = (origin: number, k: number): number => {
    const index = direction === -1 ? origin - 1 - k : origin + k;
    return index >= 0 && index < text.length ? text.charCodeAt(index) : -1;
  };
  const common = (a: number, b: number): number => {
    let k = 0;
    while (k < maxLength && code(a, k) !== -1 && code(a, k) === code(b, k)) k++;
    return k;
  };
  const compare = (a: number, b: number): number => {
    const k = common(a, b);
    return k === maxLength ? 0 : code(a, k) - code(b, k);
  };

  const order = origins.map((_, i) => i).sort((a, b) => compare(origins[a] ?? 0, origins[b] ?? 0));
  const shared = origins.map(() => 0);
  for (let r = 1; r < order.length; r++) {
    const a = order[r - 1] ?? 0;
    const b = order[r] ?? 0;
    const length = common(origins[a] ?? 0, origins[b] ?? 0);
    shared[a] = Math.max(shared[a] ?? 0, length);
    shared[b] = Math.max(shared[b] ?? 0, length);
  }
  return shared;
}

/**
 * The shortest run of whole words next to `origin` (before it for direction -1, after it for 1)
 * that reaches more than `shared` characters past `boundary` (where the context is compared
 * from), or "" when it would pass `maxLength` or the text's end.
 */
function shortestWords(
  text: string,
  origin: number,
  boundary: number,
  direction: Direction,
  shared: number,
  maxLength: number,
): string {
  const isSpace = (index: number): boolean => text.charCodeAt(index) === space;
  let edge = origin;
  for (;;) {
    const previous = edge;
    if (direction === -1) {
      if (edge > 0 && isSpace(edge - 1)) edge--;
      while (edge > 0 && !isSpace(edge - 1)) edge--;
    } else {
      if (edge < text.length && isSpace(edge)) edge++;
      while (edge < text.length && !isSpace(edge)) edge++;
    }
    if (edge === previous || Math.abs(origin - edge) > maxLength) return '';
    if (Math.abs(boundary - edge) > shared) {
      return direction === -1 ? text.slice(edge, origin) : text.slice(origin, edge);
    }
  }
}
