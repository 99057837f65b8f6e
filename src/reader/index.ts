/**
 * The reader bundle's entry: defines `<marginalia-reader>`. The build writes it, minified with
 * Lit included, to `assets/marginalia-reader.js`.
 */
export { MarginaliaReader } from './marginalia-reader.ts';
export type { NoteCloseEvent, NoteOpenEvent, SettingsChangeEvent } from './events.ts';
