import { LitElement } from 'lit';

/**
 * The base of the reader's parts (the toolbar, the note cards, the panels, the claim map…):
 * a Lit element that renders into its own children rather than a shadow root of its own. The
 * parts live in `<marginalia-reader>`'s shadow root, so the reader's one stylesheet styles them
 * all, the ids that `aria-controls` and `aria-labelledby` name are found across parts, and
 * their `part` attributes are the reader's (`marginalia-reader::part(card)`). Each part's host
 * is `display: contents` in that stylesheet: it adds no box of its own.
 */
export class ReaderPart extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    return this;
  }
}
