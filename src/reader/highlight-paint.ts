import { type HighlightColour, highlightColours } from '../highlights/model.ts';

/**
 * Painting the reader's highlights with the CSS Custom Highlight API: each colour is one named
 * highlight of the document (`marginalia-hl-yellow`, …) holding the ranges of its passages,
 * coloured by `::highlight(marginalia-hl-yellow)` rules (`highlightRules`) that the painter adds
 * to the document the first time it paints. The article's DOM is never touched, so the build's
 * flat claim marks stay as they are and a highlight may cover any part of them. The passage
 * whose card is open is also in `marginalia-hl-active-<colour>`, painted over the others.
 *
 * Where the API is missing, nothing is painted (`canPaint` says so); the reader still lists the
 * highlights and shows each one's place in the margin.
 */

/** A passage to paint, or to find under the pointer. */
export interface PaintedPassage {
  colour: HighlightColour;
  range: Range;
}

/** The name of a colour's highlight, as the `::highlight()` rules know it. */
export function highlightName(colour: HighlightColour): string {
  return `marginalia-hl-${colour}`;
}

/** The name of the highlight that holds the passage whose card is open. */
export function activeHighlightName(colour: HighlightColour): string {
  return `marginalia-hl-active-${colour}`;
}

/**
 * The rules that colour the highlights: a marker pen's translucent band (the page stylesheet's
 * `--marginalia-hl-<colour>`) and no underline of its own, unlike the claims' thin underlines;
 * where a highlight covers a claim, the colours mix and the claim keeps its underline's style
 * (a highlight repaints the text and its underlines in its `color`, here the text colour). The
 * passage whose card is open is painted a second time, so it shows darker.
 *
 * They are not in the page stylesheet: a `::highlight()` rule is tried on every element of the
 * page at every style recalculation, and on a page of 10,000 claims eight such rules made style
 * four times as slow (4.4 s against 1.1 s over the page's load in Chromium) for every reader,
 * highlights or none. Added once something is painted, they cost only readers who highlight.
 */
export function highlightRules(): string {
  return highlightColours
    .map(({ id }) => {
      const names = [highlightName(id), activeHighlightName(id)].map((name) => `::highlight(${name})`);
      return `${names.join(', ')} { color: var(--marginalia-fg); background-color: var(--marginalia-hl-${id}); }`;
    })
    .join('\n');
}

/** The stylesheet of `highlightRules`, once it is in the document. */
let adopted: CSSStyleSheet | undefined;

/**
 * Adds `highlightRules` to the document, once. A constructed stylesheet, which the page's
 * Content-Security-Policy (`style-src 'self'`, no inline styles) allows.
 */
function adoptHighlightRules(): void {
  if (adopted || typeof CSSStyleSheet !== 'function' || !('adoptedStyleSheets' in document)) return;
  adopted = new CSSStyleSheet();
  adopted.replaceSync(highlightRules());
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, adopted];
}

/** Whether the browser has the CSS Custom Highlight API. */
export function canPaint(): boolean {
  return typeof CSS !== 'undefined' && CSS.highlights !== undefined && typeof Highlight === 'function';
}

/** Paints passages into the document's highlight registry, and clears what it painted. */
export class HighlightPainter {
  /** The names this painter has set. */
  private readonly _names = new Set<string>();

  /**
   * Paints `passages`, replacing what this painter painted before; `active` is the passage whose
   * card is open, if any. Returns false (and paints nothing) where the browser cannot paint.
   */
  paint(passages: readonly PaintedPassage[], active?: PaintedPassage): boolean {
    if (!canPaint()) return false;
    if (passages.length > 0) adoptHighlightRules();
    const byName = new Map<string, Range[]>();
    for (const { colour, range } of passages) {
      const name = highlightName(colour);
      byName.set(name, [...(byName.get(name) ?? []), range]);
    }
    const activeName = active && activeHighlightName(active.colour);
    if (active && activeName) byName.set(activeName, [active.range]);
    for (const name of this._names) if (!byName.has(name)) CSS.highlights.delete(name);
    this._names.clear();
    for (const [name, ranges] of byName) {
      const highlight = new Highlight(...ranges);
      // The open passage is drawn over the colours.
      if (name === activeName) highlight.priority = 1;
      CSS.highlights.set(name, highlight);
      this._names.add(name);
    }
    return true;
  }

  /** Removes everything this painter painted. */
  clear(): void {
    if (!canPaint()) return;
    for (const name of this._names) CSS.highlights.delete(name);
    this._names.clear();
  }
}

/**
 * The passage under the point (`clientX`, `clientY`), or undefined: of several, the shortest
 * (a highlight inside another is the one meant). A line's box is widened by a pixel, so that a
 * click on the edge of a letter still counts.
 */
export function passageAt<T extends { range: Range | undefined }>(
  passages: Iterable<T>,
  x: number,
  y: number,
): T | undefined {
  let found: { passage: T; length: number } | undefined;
  for (const passage of passages) {
    const { range } = passage;
    if (!range) continue;
    const hit = [...range.getClientRects()].some(
      (rect) => x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1,
    );
    if (!hit) continue;
    const length = range.toString().length;
    if (!found || length < found.length) found = { passage, length };
  }
  return found?.passage;
}

/** The box around all the lines of a range (in viewport coordinates), or undefined when it has none. */
export function boundsOf(
  range: Range,
): { top: number; bottom: number; left: number; right: number } | undefined {
  const rects = [...range.getClientRects()].filter((rect) => rect.width > 0 || rect.height > 0);
  if (rects.length === 0) return undefined;
  return {
    top: Math.min(...rects.map((rect) => rect.top)),
    bottom: Math.max(...rects.map((rect) => rect.bottom)),
    left: Math.min(...rects.map((rect) => rect.left)),
    right: Math.max(...rects.map((rect) => rect.right)),
  };
}
