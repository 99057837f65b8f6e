/**
 * What the reader does with a selection, loaded lazily (a chunk of its own beside the reader's
 * bundle, imported when the browser is idle after the reader is ready): cited copying and the
 * selection toolbar's state. Until it is loaded, a copy is the browser's own.
 *
 * Nothing here may be imported by the element's modules, and nothing here imports their code
 * (types only): a module in both would go into a chunk of its own that the reader's bundle loads
 * first (`build-bundle.test.ts` checks that the bundle imports nothing).
 */
export { CopyController, type CopyOptions, type CopyOutcome } from './copy-controller.ts';
export { PageTextSource } from './page-text.ts';
export { SelectionController, type SelectionOptions } from './selection-controller.ts';
export {
  HighlightController,
  type CardSource,
  type HighlightItem,
  type HighlightOptions,
} from './highlight-controller.ts';
