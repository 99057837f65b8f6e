/**
 * White-space folding: the view of a text in which quotes are matched.
 *
 * Every run of Unicode white space (the `White_Space` property: tab, line feed, vertical tab,
 * form feed, carriage return, space, next line, no-break space, the typographic spaces
 * U+2000–U+200A, line and paragraph separators, narrow no-break space, medium mathematical
 * space, ideographic space) becomes one U+0020 space. Nothing else changes: curly quotes,
 * case, zero-width characters and astral characters (as their two UTF-16 code units) stay.
 */

/** Whether a UTF-16 code unit is Unicode white space (same set as `/\p{White_Space}/u`). */
export function isWhiteSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0x85) return false;
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** A run of white space. */
const whiteSpaceClass = '\\t-\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
/**
 * The runs that folding changes: two or more white-space characters, or one that is not U+0020.
 * A lone space, the most common run by far, is left alone and costs the regular expression
 * nothing, so the walk over a long text happens in the regular-expression engine, not in a
 * loop of ours that the JIT has yet to warm up.
 */
const foldable = new RegExp(`[${whiteSpaceClass}]{2,}|[${whiteSpaceClass.replace(' ', '')}]`, 'g');

/** White space that folds even on its own: every kind but U+0020. */
const lonelyWhiteSpace = new RegExp(`[${whiteSpaceClass.replace(' ', '')}]`, 'g');
/** Two spaces in a row. */
const doubleSpace = / {2}/g;
/** {@link lonelyWhiteSpace} without the `g` flag, for a test that keeps no state. */
const anyLonelyWhiteSpace = new RegExp(lonelyWhiteSpace.source);

/**
 * Whether folding changes `text`. Every run that folding changes has white space other than
 * U+0020 in it, or two spaces in a row: two searches that the regular-expression engine makes
 * fast, where a search for the runs themselves stops at every space.
 */
export function folds(text: string): boolean {
  return anyLonelyWhiteSpace.test(text) || text.includes('  ');
}

/** `text` with every run of white space replaced by one space (ends kept, as one space). */
export function normalizeWhiteSpace(text: string): string {
  return text.replace(foldable, ' ');
}

/**
 * {@link normalizeWhiteSpace} of each of many texts (an article's quotes). Most of them have
 * nothing to fold, and calling a regular expression once per text costs more than its search:
 * so what {@link folds} looks for is searched for in all the texts at once, joined, and only
 * the texts where it turns up are folded.
 */
export function normalizeWhiteSpaceAll(texts: readonly string[]): string[] {
  const folded = texts.slice();
  // NUL joins the texts: it is not white space, so no run reaches from one text to the next.
  const joined = texts.join('\0');
  const needed = new Uint8Array(texts.length);
  for (const search of [lonelyWhiteSpace, doubleSpace]) {
    // Text `index` ends at `end` in `joined`, where the NUL after it is.
    let index = 0;
    let end = texts[0]?.length ?? 0;
    search.lastIndex = 0;
    for (let match = search.exec(joined); match !== null; match = search.exec(joined)) {
      while (match.index > end) end += 1 + (texts[++index]?.length ?? 0);
      needed[index] = 1;
      // On to the next text.
      search.lastIndex = end + 1;
    }
  }
  for (let index = 0; index < texts.length; index++) {
    if (needed[index] === 1) folded[index] = normalizeWhiteSpace(texts[index] ?? '');
  }
  return folded;
}

/** `text` without the spaces at its ends (only U+0020: apply to folded text). */
export function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) === 0x20) end--;
  return text.slice(start, end);
}

/** A text with its white space folded, and the way back to the raw text. */
export interface FoldedText {
  /** The folded text: every run of white space is one space. */
  readonly text: string;
  /**
   * `toRaw[i]` is the offset in the raw text of folded character `i` (for a folded space, the
   * first character of its run); `toRaw[text.length]` is the raw text's length. Increasing.
   * Made on first use: {@link rawOffset} answers for single offsets without it.
   */
  readonly toRaw: Uint32Array;
}

/**
 * The folded text with a sparse map back: after folded offset `shiftAt[k]` (the character
 * after the `k`-th run that folding shortened), raw offsets are `shiftBy[k]` ahead. Both
 * increase.
 */
export interface SparseFoldedText extends FoldedText {
  readonly shiftAt: Uint32Array;
  readonly shiftBy: Uint32Array;
}

/** Folds the white space of `raw`, keeping a map from each folded offset to its raw offset. */
export function foldWhiteSpace(raw: string): SparseFoldedText {
  const shiftAt: number[] = [];
  const shiftBy: number[] = [];
  const pieces: string[] = [];
  let last = 0;
  let removed = 0;
  for (const match of raw.matchAll(foldable)) {
    const start = match.index;
    const length = match[0].length;
    pieces.push(raw.slice(last, start), ' ');
    last = start + length;
    if (length > 1) {
      removed += length - 1;
      shiftAt.push(start - removed + length);
      shiftBy.push(removed);
    }
  }
  const text = last === 0 ? raw : (pieces.push(raw.slice(last)), pieces.join(''));
  return sparseFolded(text, Uint32Array.from(shiftAt), Uint32Array.from(shiftBy));
}

/** The folded `text` with the map back given by `shiftAt` and `shiftBy`. */
export function sparseFolded(text: string, shiftAt: Uint32Array, shiftBy: Uint32Array): SparseFoldedText {
  let toRaw: Uint32Array | undefined;
  return {
    text,
    shiftAt,
    shiftBy,
    get toRaw(): Uint32Array {
      toRaw ??= denseMap(text.length, shiftAt, shiftBy);
      return toRaw;
    },
  };
}

function denseMap(length: number, shiftAt: Uint32Array, shiftBy: Uint32Array): Uint32Array {
  const toRaw = new Uint32Array(length + 1);
  let shift = 0;
  let next = 0;
  for (let i = 0; i <= length; i++) {
    while (next < shiftAt.length && (shiftAt[next] ?? 0) <= i) shift = shiftBy[next++] ?? 0;
    toRaw[i] = i + shift;
  }
  return toRaw;
}

/** The raw offset of folded offset `offset` (`folded.toRaw[offset]`, without making the map). */
export function rawOffset(folded: FoldedText, offset: number): number {
  if (!('shiftAt' in folded)) return folded.toRaw[offset] ?? 0;
  const { shiftAt, shiftBy } = folded as SparseFoldedText;
  // The last shift at or before `offset`.
  let low = 0;
  let high = shiftAt.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((shiftAt[middle] ?? 0) <= offset) low = middle + 1;
    else high = middle;
  }
  return offset + (low === 0 ? 0 : (shiftBy[low - 1] ?? 0));
}

/**
 * The raw range of the folded range [start, end). A range that ends with a folded space covers
 * that space's whole run; one that ends with another character ends right after it.
 */
export function toRawRange(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  if (start < 0 || end < start || end > folded.text.length) {
    throw new RangeError(`No folded range [${start}, ${end}) in a text of ${folded.text.length}`);
  }
  return { start: folded.toRaw[start] ?? 0, end: folded.toRaw[end] ?? 0 };
}

/** The folded offset of the first folded character at or after raw offset `rawOffset`. */
export function toFoldedOffset(folded: FoldedText, rawOffset: number): number {
  const { toRaw } = folded;
  let low = 0;
  let high = toRaw.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((toRaw[middle] ?? 0) < rawOffset) low = middle + 1;
    else high = middle;
  }
  return low;
}
