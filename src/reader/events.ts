/**
 * The events that `<marginalia-reader>` fires. All bubble and are composed, so a page can
 * listen on `document`; none is cancelable (nothing here is the page's to veto).
 */

/** How the reader came to open a note. */
export type NoteOpenSource = 'pointer' | 'keyboard' | 'link' | 'panel' | 'map' | 'api';

export interface NoteOpenDetail {
  /** The claim id (the note's element is `#note-<claimId>`). */
  claimId: string;
  /** 1-based position of the note in reading order. */
  number: number;
  source: NoteOpenSource;
}

export interface NoteCloseDetail {
  claimId: string;
}

export interface SettingsChangeDetail {
  highlights: boolean;
  theme: 'system' | 'light' | 'dark';
  textSize: number;
}

/** Fired when a note card opens. */
export type NoteOpenEvent = CustomEvent<NoteOpenDetail>;
/** Fired when a note card closes. */
export type NoteCloseEvent = CustomEvent<NoteCloseDetail>;
/** Fired when the reader changes one of its remembered settings. */
export type SettingsChangeEvent = CustomEvent<SettingsChangeDetail>;

/** Makes a bubbling, composed, non-cancelable event with a typed detail. */
export function readerEvent<T>(type: string, detail: T): CustomEvent<T> {
  return new CustomEvent<T>(type, { detail, bubbles: true, composed: true });
}

interface ReaderEventMap {
  'marginalia-note-open': NoteOpenEvent;
  'marginalia-note-close': NoteCloseEvent;
  'marginalia-settings-change': SettingsChangeEvent;
}

declare global {
  // The events bubble and are composed: a page can listen on the element or on the document.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends ReaderEventMap {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DocumentEventMap extends ReaderEventMap {}
}
