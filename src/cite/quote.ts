/**
 * A passage the reader copies, made ready to quote: the selection widened to whole words, and
 * the text tidied without being reworded.
 *
 * Pure and DOM-free, for the reader's browser bundle.
 */

/** Each double quotation mark and the single mark that replaces it inside a quotation. */
const singleFor: Readonly<Record<string, string>> = {
  '"': "'",
  '“': '‘',
  '”': '’',
  '„': '‚',
  '‟': '‛',
};

/**
 * Tidy a quoted passage, given one string per paragraph: runs of white space become one space,
 * each paragraph is trimmed and empty ones are dropped. Nothing else changes: quotation marks,
 * curly apostrophes, odd marks and typos ("China‘s") stay as written (see `nestQuotes` for the
 * marks of a run-in quotation).
 */
export function tidyQuote(paragraphs: readonly string[]): string[] {
  return paragraphs
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '');
}

/**
 * A quotation made ready to go inside double quotation marks: each double mark in it becomes a
 * single one (`“` → `‘`, `”` → `’`, `"` → `'`), as all three manuals ask of a quotation within a
 * run-in quotation (APA 7 §8.26; MLA 9, "Quotations": punctuation with quotations; CMOS 17
 * §13.30). A block quotation keeps its marks as written.
 */
export function nestQuotes(text: string): string {
  return text.replace(/["“”„‟]/g, (mark) => singleFor[mark] ?? mark);
}

/** Offsets of a selection in a text: `start` inclusive, `end` exclusive (UTF-16 code units). */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * Widen the selection `text.slice(start, end)` so that it cuts no word: an end that falls inside
 * a word moves to that word's edge. An end on white space or punctuation stays where it is.
 * Words are those of Unicode word segmentation (`Intl.Segmenter`), so an apostrophe inside a
 * word belongs to it ("China’s") and a hyphen does not ("minute-long" is two words).
 *
 * @throws RangeError when the offsets are not `0 ≤ start ≤ end ≤ text.length`.
 */
export function widenToWords(text: string, start: number, end: number): TextSpan {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > text.length) {
    throw new RangeError(`Not a selection of a text of length ${text.length}: ${start}…${end}`);
  }
  if (start === end) return { start, end };
  const segments = new Intl.Segmenter(undefined, { granularity: 'word' }).segment(text);
  const first = segments.containing(start);
  const last = segments.containing(end);
  return {
    start: first?.isWordLike && first.index < start ? first.index : start,
    end: last?.isWordLike && last.index < end ? last.index + last.segment.length : end,
  };
}
