import type { Highlight, HighlightColour } from '../highlights/model.ts';
import type { CorruptEntry } from '../highlights/store.ts';
import type { HighlightItem } from './highlight-collection.ts';

/**
 * What the views of the reader's highlights (the card, the panel, the margin's marks) show, and
 * what they can ask for: the controller (`highlight-controller.ts`) is this, and the views know
 * it only by this type.
 */

/** What the panel says about the last export or import. */
export interface PanelMessage {
  text: string;
  error: boolean;
}

/** How a card came to open: it takes focus unless it was opened with the pointer on the passage. */
export type CardSource = 'pointer' | 'panel' | 'create' | 'api';

export interface HighlightsState {
  readonly panelOpen: boolean;
  /** The highlight whose card is open. */
  readonly cardId: string | undefined;
  /** The note as the card showed it when it opened or last saved. */
  readonly cardNote: string;
  /** What the card says about its last change. */
  readonly cardStatus: string;
  readonly message: PanelMessage | undefined;
  /** The highlight just deleted, while it can be restored. */
  readonly deleted: { highlight: Highlight; unsaved: string } | undefined;
  /** Whether the browser paints highlights (the CSS Custom Highlight API). */
  readonly painting: boolean;
  /** Counts the changes: the views render again when it changes. */
  readonly revision: number;
  readonly count: number;
  readonly items: { placed: HighlightItem[]; orphans: HighlightItem[] };
  readonly corrupt: readonly CorruptEntry[];
  readonly storageProblem: string;
  item(id: string): HighlightItem | undefined;

  open(id: string, source: CardSource): void;
  closeCard(): void;
  setColour(id: string, colour: HighlightColour): void;
  saveNote(id: string, note: string): void;
  remove(id: string): void;
  undo(): void;
  closePanel(): void;
  exportMarkdown(): void;
  exportJsonLd(): void;
  importFile(file: File): Promise<void>;
  discard(entry: CorruptEntry): void;
}
