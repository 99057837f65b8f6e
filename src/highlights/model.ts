/**
 * A reader's personal highlight: a passage of the article, a colour from a small labelled
 * palette, an optional note, and where the passage was, as two W3C Web Annotation selectors
 * (https://www.w3.org/TR/annotation-model/#selectors):
 *
 * - `quote`, a TextQuoteSelector: the exact text, with up to 32 characters of the article's text
 *   before (`prefix`) and after (`suffix`) it ("" at the article's ends);
 * - `position`, a TextPositionSelector: UTF-16 offsets of `exact` in the article's document text
 *   (its blocks joined by "\n\n", see `article-text.ts`), as the build's `annotations.jsonld` counts;
 *
 * and `contentHash`, the hash of the document text the selectors were taken from (`""` when
 * unknown, as for an imported highlight). While the hash still matches, `position` is exact; once
 * the article has changed, `quote` finds the passage again (`anchoring.ts`).
 */

/** The palette: each colour's id (stored, and its CSS name) and what it means to the reader. */
export const highlightColours = [
  { id: 'yellow', label: 'Important' },
  { id: 'green', label: 'Agree' },
  { id: 'blue', label: 'Question' },
  { id: 'pink', label: 'Disagree' },
] as const;

export type HighlightColour = (typeof highlightColours)[number]['id'];

export const defaultColour: HighlightColour = 'yellow';

export interface HighlightQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface HighlightPosition {
  start: number;
  end: number;
}

/** Where a highlight is: what `describeHighlight` returns for a span of the article. */
export interface HighlightTarget {
  quote: HighlightQuote;
  position: HighlightPosition;
  contentHash: string;
}

export interface Highlight extends HighlightTarget {
  /** A random UUID (lower case). */
  id: string;
  colour: HighlightColour;
  /** Plain text, never HTML; "" for none. */
  note: string;
  /** ISO 8601 date-times. */
  created: string;
  modified: string;
}

/** Whether `value` is one of the palette's colour ids. */
export function isColour(value: unknown): value is HighlightColour {
  return highlightColours.some((colour) => colour.id === value);
}

/** The label of a colour: `colourLabel('blue')` → "Question". */
export function colourLabel(colour: HighlightColour): string {
  return highlightColours.find((entry) => entry.id === colour)?.label ?? colour;
}

/** The colour whose id or label is `value` (any case), or `undefined`. */
export function colourNamed(value: string): HighlightColour | undefined {
  const name = value.trim().toLowerCase();
  return highlightColours.find((entry) => entry.id === name || entry.label.toLowerCase() === name)?.id;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isHighlightId(value: unknown): value is string {
  return typeof value === 'string' && uuidPattern.test(value);
}

/**
 * A new random id: a version 4 UUID from `crypto.getRandomValues` (which, unlike
 * `crypto.randomUUID`, also works on pages served over plain http).
 */
export function newHighlightId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A new highlight of `target`, created now. */
export function createHighlight(
  target: HighlightTarget,
  colour: HighlightColour = defaultColour,
  note = '',
  now = new Date(),
): Highlight {
  const time = now.toISOString();
  return { id: newHighlightId(), colour, note, created: time, modified: time, ...copyTarget(target) };
}

function copyTarget({ quote, position, contentHash }: HighlightTarget): HighlightTarget {
  return { quote: { ...quote }, position: { ...position }, contentHash };
}

/**
 * Whether `value` is an RFC 3339 date-time (what `toISOString` writes, and xsd:dateTime values
 * in Web Annotations look like), with a real day of its month.
 */
export function isDateTime(value: unknown): value is string {
  const match =
    typeof value === 'string' &&
    /^(\d{4})-(\d\d)-(\d\d)T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]\d\d:\d\d)$/i.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1, 4).map(Number) as [number, number, number];
  return month >= 1 && new Date(Date.UTC(year, month - 1, day)).getUTCMonth() === month - 1 && day >= 1;
}

/**
 * The highlight that a stored or exchanged object describes, or the reason it does not describe
 * one. Strict about what anchoring and listing need (id, quote, position, times); an unknown
 * colour (from a later palette) becomes the default colour rather than losing the highlight.
 */
export function readHighlight(value: unknown): Highlight | string {
  if (!isRecord(value)) return 'not an object';
  const { id, colour, note, created, modified, quote, position, contentHash } = value;
  if (!isHighlightId(id)) return 'no valid id';
  if (!isRecord(quote) || typeof quote['exact'] !== 'string' || quote['exact'].trim() === '') {
    return 'no quote';
  }
  const { exact, prefix, suffix } = quote;
  if (typeof prefix !== 'string' || typeof suffix !== 'string') return 'no quote context';
  if (!isRecord(position) || !isOffsetRange(position['start'], position['end'])) return 'no valid position';
  if (typeof note !== 'string') return 'no note';
  if (!isDateTime(created) || !isDateTime(modified)) return 'no valid dates';
  if (typeof contentHash !== 'string') return 'no content hash';
  return {
    id,
    colour: isColour(colour) ? colour : defaultColour,
    note,
    created,
    modified,
    quote: { exact, prefix, suffix },
    position: { start: position['start'] as number, end: position['end'] as number },
    contentHash,
  };
}

/** Whether `start` and `end` are offsets with `0 ≤ start ≤ end`. */
export function isOffsetRange(start: unknown, end: unknown): boolean {
  return (
    Number.isSafeInteger(start) &&
    Number.isSafeInteger(end) &&
    0 <= (start as number) &&
    (start as number) <= (end as number)
  );
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
