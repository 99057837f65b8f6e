/**
 * Typographic folding: the view of a text in which a quote that differs from the article only
 * by typographic variants matches it. Used to explain a quote that is not found, and by
 * `marginalia fix` to rewrite it; never to anchor a quote (a quote must be exact).
 *
 * Each code point folds to:
 * - white space (any run, with the invisible characters inside it): one U+0020 space, as in
 *   matching (`normalize.ts`);
 * - soft hyphen and zero-width characters (U+00AD, U+180E, U+200B–U+200D, U+2060, U+FEFF):
 *   nothing;
 * - curly and low single quotes, primes and the modifier apostrophe: `'`;
 * - curly and low double quotes and double primes: `"`;
 * - hyphens, dashes and the minus sign: `-`;
 * - the ellipsis `…`: three full stops;
 * - anything else: its canonical decomposition (NFD), so that NFC and NFD text fold alike.
 *
 * A fold keeps, for each folded character, the raw range of the code point it came from.
 */
import { isWhiteSpace } from './normalize.ts';

export type VariantKind =
  | 'quotation marks'
  | 'apostrophes'
  | 'dashes'
  | 'invisible characters'
  | 'ellipses'
  | 'Unicode normalisation';

const singleQuotes = new Set([0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x02bc]);
const doubleQuotes = new Set([0x201c, 0x201d, 0x201e, 0x201f, 0x2033]);
const dashes = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d]);
const invisible = new Set([0x00ad, 0x180e, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);

/** Names of the characters a reader cannot see, or cannot tell apart, for messages. */
const names: Record<number, string> = {
  0x00ad: 'soft hyphen',
  0x180e: 'Mongolian vowel separator',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x2060: 'word joiner',
  0xfeff: 'zero-width no-break space',
};

/** What one code point of the raw text folds to. */
export function foldCodePoint(code: number): string {
  if (invisible.has(code)) return '';
  if (singleQuotes.has(code)) return "'";
  if (doubleQuotes.has(code)) return '"';
  if (dashes.has(code)) return '-';
  if (code === 0x2026) return '...';
  const char = String.fromCodePoint(code);
  return code < 0xc0 ? char : char.normalize('NFD');
}

export function isInvisible(code: number): boolean {
  return invisible.has(code);
}

/** A text folded, with the raw range each folded character came from. */
export interface TypographicFold {
  text: string;
  /** Raw offset where folded character `i` comes from. */
  rawStart: Int32Array;
  /** Raw offset after the code point (or white-space run) folded character `i` comes from. */
  rawEnd: Int32Array;
}

/** Folds `raw` (see above); white space at its ends is left out. */
export function foldTypography(raw: string): TypographicFold {
  const pieces: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let spaceFrom = -1;
  for (let at = 0; at < raw.length;) {
    const code = raw.codePointAt(at) ?? 0;
    const next = at + (code > 0xffff ? 2 : 1);
    if (isWhiteSpace(code) || (spaceFrom !== -1 && invisible.has(code))) {
      if (spaceFrom === -1) spaceFrom = at;
      at = next;
      continue;
    }
    if (spaceFrom !== -1) {
      if (pieces.length > 0) push(pieces, starts, ends, ' ', spaceFrom, at);
      spaceFrom = -1;
    }
    push(pieces, starts, ends, foldCodePoint(code), at, next);
    at = next;
  }
  return { text: pieces.join(''), rawStart: Int32Array.from(starts), rawEnd: Int32Array.from(ends) };
}

function push(
  pieces: string[],
  starts: number[],
  ends: number[],
  folded: string,
  start: number,
  end: number,
) {
  pieces.push(folded);
  for (let k = 0; k < folded.length; k++) {
    starts.push(start);
    ends.push(end);
  }
}

/** One typographic difference between a quote and the article's passage it folds to. */
export interface Difference {
  kind: VariantKind;
  /** What the article has there ("" when only the quote has something). */
  article: string;
  /** What the quote has there ("" when only the article has something). */
  quote: string;
}

/**
 * The differences between `quote` and `passage`, two raw texts whose folds are equal: each
 * place where their raw characters differ, other than in white space (which matches loosely).
 */
export function typographicDifferences(quote: string, passage: string): Difference[] {
  const units = (raw: string) => foldUnits(raw);
  const q = units(quote);
  const a = units(passage);
  const differences: Difference[] = [];
  let i = 0;
  let j = 0;
  while (i < q.length || j < a.length) {
    const qu = q[i];
    const au = a[j];
    if (qu && qu.folded === '' && au?.raw === qu.raw) {
      i++;
      j++;
    } else if (qu && qu.folded === '') {
      differences.push({ kind: 'invisible characters', article: '', quote: qu.raw });
      i++;
    } else if (au && au.folded === '') {
      differences.push({ kind: 'invisible characters', article: au.raw, quote: '' });
      j++;
    } else {
      // Take units on each side until both have folded to the same length.
      let qRaw = '';
      let aRaw = '';
      let qLength = 0;
      let aLength = 0;
      do {
        const side = qLength <= aLength ? 'q' : 'a';
        const unit = side === 'q' ? q[i++] : a[j++];
        if (!unit) break;
        if (side === 'q') {
          qRaw += unit.raw;
          qLength += unit.folded.length;
        } else {
          aRaw += unit.raw;
          aLength += unit.folded.length;
        }
      } while (qLength !== aLength || qLength === 0);
      if (qRaw !== aRaw && !(isBlank(qRaw) && isBlank(aRaw))) {
        differences.push({ kind: kindOf(aRaw, qRaw), article: aRaw, quote: qRaw });
      }
    }
  }
  return differences;
}

interface Unit {
  raw: string;
  folded: string;
}

/** The raw text as units: one per code point, one per run of white space. */
function foldUnits(raw: string): Unit[] {
  const units: Unit[] = [];
  const text = raw.trim();
  for (let at = 0; at < text.length;) {
    const code = text.codePointAt(at) ?? 0;
    let next = at + (code > 0xffff ? 2 : 1);
    if (isWhiteSpace(code)) {
      while (next < text.length && isWhiteSpace(text.charCodeAt(next))) next++;
      units.push({ raw: text.slice(at, next), folded: ' ' });
    } else {
      units.push({ raw: text.slice(at, next), folded: foldCodePoint(code) });
    }
    at = next;
  }
  return units;
}

function isBlank(text: string): boolean {
  return /^\s+$/u.test(text);
}

function kindOf(article: string, quote: string): VariantKind {
  const both = [...article, ...quote].map((char) => char.codePointAt(0) ?? 0);
  if (both.some((code) => code === 0x2026)) return 'ellipses';
  if (both.some((code) => dashes.has(code))) return 'dashes';
  if (both.some((code) => doubleQuotes.has(code) || code === 0x22)) return 'quotation marks';
  if (both.some((code) => singleQuotes.has(code) || code === 0x27)) return 'apostrophes';
  return 'Unicode normalisation';
}

/**
 * A character as a message shows it: `’ (U+2019)`, `é (U+0065 U+0301)`, `a soft hyphen (U+00AD)`,
 * `... (three U+002E)`.
 */
export function describeCharacters(text: string): string {
  const codes = [...text].map((char) => char.codePointAt(0) ?? 0);
  const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const [first] = codes;
  if (codes.length === 1 && first !== undefined && names[first] !== undefined)
    return `a ${names[first]} (${hex(first)})`;
  if (codes.length > 1 && codes.every((code) => code === first) && first !== undefined)
    return `${text} (${codes.length === 3 ? 'three' : codes.length} ${hex(first)})`;
  return `${text} (${codes.map(hex).join(' ')})`;
}
