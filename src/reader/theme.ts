/**
 * Shared pieces of the reader's look that its script needs. Colours are the page stylesheet's
 * custom properties (`src/page/marginalia.css`): per kind, `--marginalia-line-<kind>` (strong)
 * and `--marginalia-mark-<kind>` (tint), for light and dark; `marginalia-reader.css` maps them
 * to `--k` and `--kt` on each `[data-kind]`.
 */

/**
 * Wide layout (notes in the margin) from this width on; narrow (notes below the passage) under.
 * `marginalia-reader.css` uses the same query (a test keeps the two alike).
 */
export const wideQuery = '(min-width: 68rem)';

/**
 * Glyphs that tell verdicts apart without colour (`none`: no verdict); the page stylesheet draws
 * the same ones after each passage (a test keeps the two alike).
 */
export const verdictGlyphs: Readonly<Record<string, string>> = {
  supported: '✓',
  'partly-supported': '◐',
  unsupported: '✗',
  misleading: '⚠',
  disputed: '⇄',
  unverifiable: '?',
  none: '○',
};
