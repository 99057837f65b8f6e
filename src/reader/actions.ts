/**
 * What the reader's action buttons run ("Copy quote", "Copy note", "Highlight"), and how they
 * say it went. Types only: the element, its parts and the lazily loaded features share them.
 */

/** How an action of a button went: `canceled` (by the page, or nothing to do) shows nothing. */
export type ActionOutcome = 'done' | 'canceled' | 'failed';

/** An action of the selection toolbar, on the selected passage of the article. */
export interface SelectionAction {
  /** Tells its button apart (for the feedback it shows). */
  id: string;
  label: string;
  /** What its button says for a moment after it worked, or failed. */
  done: string;
  failed: string;
  run(range: Range): Promise<ActionOutcome>;
}

/** A note card's copy buttons: its claim's quote, cited, or the note with its sources. */
export type NoteCopy = (what: 'quote' | 'note', claimId: string) => Promise<ActionOutcome>;
