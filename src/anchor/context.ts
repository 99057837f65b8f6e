/**
 * Context around an occurrence in the folded document text: whether a quote's prefix and suffix
 * agree with it, and which context would tell one occurrence from the others.
 *
 * A prefix must be the folded text right before the occurrence, a suffix the folded text right
 * after it. White space between the context and the quote is loose, like all white space in
 * matching: prefix "technology, " and prefix "technology," both pick "technology, capable…"
 * (an unquoted YAML value loses its trailing space, and the editor should not have to care).
 */
import type { TextQuote } from './types.ts';
import { normalizeWhiteSpace } from './normalize.ts';

/** A range of the folded document text. */
export interface Range {
  start: number;
  end: number;
}

/** A quote's prefix and suffix, folded (ends kept: they are significant). */
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

/** Whether `prefix` ends the text before `start`, white space at the boundary ignored. */
function prefixAgrees(text: string, start: number, prefix: string): boolean {
  const wanted = prefix.trimEnd();
  let at = start;
  while (at > 0 && text.charCodeAt(at - 1) === 32) at--;
  return text.endsWith(wanted, at);
}

/** Whether `suffix` starts the text after `end`, white space at the boundary ignored. */
function suffixAgrees(text: string, end: number, suffix: string): boolean {
  const wanted = suffix.trimStart();
  let at = end;
  while (at < text.length && text.charCodeAt(at) === 32) at++;
  return text.startsWith(wanted, at);
}

/** Whether the prefix precedes and the suffix follows `range` in `text` (both folded). */
export function agrees(text: string, range: Range, context: Context): boolean {
  return prefixAgrees(text, range.start, context.prefix) && suffixAgrees(text, range.end, context.suffix);
}

/** How many of the quote's non-empty prefix and suffix agree with `range` (0, 1 or 2). */
export function agreement(text: string, range: Range, context: Context): number {
  let count = 0;
  if (context.prefix.trim() !== '' && prefixAgrees(text, range.start, context.prefix)) count++;
  if (context.suffix.trim() !== '' && suffixAgrees(text, range.end, context.suffix)) count++;
  return count;
}

/** Longest context (in characters of folded text) a disambiguator may have. */
export const maxContextLength = 60;

/**
 * For each range, the shortest prefix and the shortest suffix (whole words of the folded text,
 * at most `maxLength` characters; "" when there is none) that no other range shares.
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
  const starts = ranges.map((range) => range.start);
  const ends = ranges.map((range) => range.end);
  const before = sharedContext(text, starts, -1, maxLength);
  const after = sharedContext(text, ends, 1, maxLength);
  return ranges.map((range, i) => ({
    prefix: shortestWords(text, range.start, -1, before[i] ?? maxLength, maxLength),
    suffix: shortestWords(text, range.end, 1, after[i] ?? maxLength, maxLength),
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
 * longer than `shared` characters, or "" when it would pass `maxLength` or the text's end.
 */
function shortestWords(
  text: string,
  origin: number,
  direction: Direction,
  shared: number,
  maxLength: number,
): string {
  const isSpace = (index: number): boolean => text.charCodeAt(index) === 0x20;
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
    const length = Math.abs(origin - edge);
    if (edge === previous || length > maxLength) return '';
    if (length > shared) {
      return direction === -1 ? text.slice(edge, origin) : text.slice(origin, edge);
    }
  }
}
