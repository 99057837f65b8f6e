import type { TemplateResult, html as litHtml } from 'lit';
import type { ReaderClaim } from './claim-index.ts';
import { verdictGlyphs } from './theme.ts';

/**
 * A claim's kind chip and its verdict, with a glyph so that colour is never the only cue: the
 * head of a note card and of each entry of the claims panel. Takes the Lit `html` of whoever
 * renders it (the claims panel is loaded lazily and borrows the reader's).
 */
export function claimTags(html: typeof litHtml, claim: ReaderClaim): TemplateResult {
  return html`<span class="tags"
    ><span class="chip" data-kind=${claim.kind}>${claim.kindLabel}</span>
    <span class="verdict" data-verdict=${claim.verdict}
      ><span aria-hidden="true">${verdictGlyphs[claim.verdict] ?? '–'}</span> ${claim.verdictLabel}</span
    ></span
  >`;
}
