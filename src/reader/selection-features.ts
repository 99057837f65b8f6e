/**
 * What the reader does with a selection, loaded lazily (a module of its own beside the reader's
 * bundle, imported when the browser is idle after the reader is ready): cited copying, the
 * selection toolbar, and the reader's own highlights with their card and panel. Until it is
 * loaded, a copy is the browser's own.
 *
 * Nothing here may be imported by the element's modules, and nothing here imports their code
 * (types only; its parts are defined with the Lit the element lends them, see `part-kit.ts`): a
 * module in both would go into a chunk of its own that the reader's bundle loads first
 * (`build-bundle.test.ts` checks that the bundle imports nothing).
 */
import { defineHighlightCard } from './highlight-card.ts';
import { defineHighlightsPanel } from './highlights-panel.ts';
import type { PartKit } from './part-kit.ts';
import { defineSelectionToolbar } from './selection-toolbar.ts';

export { CopyController, type CopyOptions, type CopyOutcome } from './copy-controller.ts';
export { PageTextSource } from './page-text.ts';
export { SelectionController, type SelectionOptions } from './selection-controller.ts';
export { HighlightController, type HighlightOptions } from './highlight-controller.ts';
export type { HighlightItem } from './highlight-collection.ts';
export type { CardSource } from './highlights-state.ts';

/** Defines the selection toolbar and the highlights' card and panel (once). */
export function defineSelectionParts(kit: PartKit): void {
  defineSelectionToolbar(kit);
  defineHighlightCard(kit);
  defineHighlightsPanel(kit);
}
