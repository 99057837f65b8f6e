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

/** `text` with every run of white space replaced by one space (ends kept, as one space). */
export function normalizeWhiteSpace(text: string): string {
  return fold(text, undefined);
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
   */
  readonly toRaw: Uint32Array;
}

/** Folds the white space of `raw`, keeping a map from each folded offset to its raw offset. */
export function foldWhiteSpace(raw: string): FoldedText {
  const toRaw = new Uint32Array(raw.length + 1);
  const text = fold(raw, toRaw);
  toRaw[text.length] = raw.length;
  return { text, toRaw: toRaw.subarray(0, text.length + 1) };
}

/**
 * Folds `raw`, filling `toRaw` (when given) with the raw offset of each folded character. The
 * folded text is built from slices of `raw` between the places that change, so text that is
 * already folded costs one read.
 */
function fold(raw: string, toRaw: Uint32Array | undefined): string {
  const pieces: string[] = [];
  let pieceStart = 0;
  let length = 0;
  let inRun = false;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (!isWhiteSpace(code)) {
      inRun = false;
    } else if (inRun) {
      // Not the first of its run: left out.
      pieces.push(raw.slice(pieceStart, i));
      pieceStart = i + 1;
      continue;
    } else {
      inRun = true;
      if (code !== 0x20) {
        pieces.push(raw.slice(pieceStart, i), ' ');
        pieceStart = i + 1;
      }
    }
    if (toRaw !== undefined) toRaw[length] = i;
    length++;
  }
  if (pieceStart === 0) return raw;
  pieces.push(raw.slice(pieceStart));
  return pieces.join('');
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
