import { unsafeCSS, type CSSResult } from 'lit';
import { claimKinds } from '../claims/types.ts';

/**
 * Shared pieces of the reader's styles. Colours are the page stylesheet's custom properties
 * (`src/page/marginalia.css`): per kind, `--marginalia-line-<kind>` (strong) and
 * `--marginalia-mark-<kind>` (tint), for light and dark.
 */

/** Wide layout (notes in the margin) from this width on; narrow (notes below the passage) under. */
export const wideQuery = '(min-width: 68rem)';

/** One rule per kind giving `--k` (the kind's strong colour) and `--kt` (its tint). */
export function kindRules(selector: (kind: string) => string): CSSResult {
  return unsafeCSS(
    claimKinds
      .map(
        (kind) => `${selector(kind)}{--k:var(--marginalia-line-${kind});--kt:var(--marginalia-mark-${kind})}`,
      )
      .join(''),
  );
}

/** Glyphs that tell verdicts apart without colour. */
export const verdictGlyphs: Readonly<Record<string, string>> = {
  supported: '✓',
  'partly-supported': '◐',
  unsupported: '✗',
  misleading: '⚠',
  disputed: '⇄',
  unverifiable: '?',
};
