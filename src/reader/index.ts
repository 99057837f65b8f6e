/**
 * The reader bundle's entry: defines `<marginalia-reader>`. The build writes it, minified with
 * Lit included, to `assets/marginalia-reader.js`, with its lazily loaded module (copying, the
 * selection toolbar) and its stylesheet beside it (see `build-bundle.ts`).
 */
export { MarginaliaReader } from './marginalia-reader.ts';
export type { ActionOutcome, SelectionAction } from './actions.ts';
export type {
  CopyDetail,
  CopyErrorDetail,
  CopyErrorEvent,
  CopyEvent,
  NoteCloseEvent,
  NoteOpenEvent,
  SettingsChangeEvent,
} from './events.ts';
