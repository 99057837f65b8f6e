/**
 * The events that `<marginalia-reader>` fires. All bubble and are composed, so a page can
 * listen on `document`. Only `marginalia-copy` is cancelable: what goes on the reader's clipboard
 * is the page's to veto; nothing else is.
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
  /** Claim marks shown (`true`) or hidden. */
  highlights: boolean;
  /** How claim marks look: `calm` (a thin underline, tinted on hover) or `strong` (always tinted). */
  markStyle: 'calm' | 'strong';
  theme: 'system' | 'light' | 'dark';
  textSize: number;
  /** The citation style of copied quotes (an id of the page's data); "" for the page's default. */
  citationStyle: string;
  /** What a copy puts beside its HTML: `plain` text, or `markdown`. */
  copyFormat: 'plain' | 'markdown';
}

/**
 * What started a copy: `keyboard` is the browser's copy command on a selection in the article
 * (the keyboard shortcut or the context menu), `button` the selection's "Copy quote" button,
 * `note` a note's "Copy quote" or "Copy note", `citation` a button of "Cite this article".
 */
export type CopySource = 'keyboard' | 'button' | 'note' | 'citation';

/** What was copied: a quotation, a note, the article's reference, or its BibTeX or CSL-JSON. */
export type CopyContent = 'quote' | 'note' | 'reference' | 'bibtex' | 'csl-json';

export interface CopyDetail {
  /** The `text/plain` flavour, when the reader copies rich text and plain text (the default). */
  plain: string;
  /** The Markdown, which goes on the clipboard as `text/plain` when the reader chose Markdown. */
  markdown: string;
  /** The `text/html` flavour; "" for BibTeX and CSL-JSON, which are plain text only. */
  html: string;
  /** The quotation, tidied, its paragraphs joined by a blank line; "" for a reference. */
  quote: string;
  /** The first and last paragraph quoted, as the page numbers them; null when none (a heading, a reference). */
  paragraphs: readonly [first: number, last: number] | null;
  /** The link given: to the passage (`…#p-N:~:text=…`), to the note (`…#note-ID`), or to the page. */
  url: string;
  /** The citation style used (an id of the page's data); "" when none was. */
  style: string;
  content: CopyContent;
  source: CopySource;
}

export interface CopyErrorDetail extends CopyDetail {
  /** Why the browser refused (usually a `NotAllowedError` DOMException). */
  error: Error;
}

/** Fired when a note card opens. */
export type NoteOpenEvent = CustomEvent<NoteOpenDetail>;
/** Fired when a note card closes. */
export type NoteCloseEvent = CustomEvent<NoteCloseDetail>;
/** Fired when the reader changes one of its remembered settings. */
export type SettingsChangeEvent = CustomEvent<SettingsChangeDetail>;
/**
 * Fired before the reader writes a copy to the clipboard; cancelable. A listener may change the
 * detail's `plain`, `markdown` and `html`: what is written is what they hold after the event.
 */
export type CopyEvent = CustomEvent<CopyDetail>;
/** Fired when the browser refused to let the reader write to the clipboard. */
export type CopyErrorEvent = CustomEvent<CopyErrorDetail>;

/** Makes a bubbling, composed, non-cancelable event with a typed detail. */
export function readerEvent<T>(type: string, detail: T): CustomEvent<T> {
  return new CustomEvent<T>(type, { detail, bubbles: true, composed: true });
}

/*
 * Events between the reader's parts (the toolbar, the note cards, the panels, the claim map:
 * elements inside the reader's shadow root). They bubble but are not composed: they never leave
 * the reader, and `<marginalia-reader>` turns what they ask for into its own state and its
 * public events.
 */

/** A part asks for a claim's note: a panel's list, the claim map, a card's "Also here". */
export interface ClaimChooseDetail {
  claimId: string;
  source: NoteOpenSource;
}

/** A note card's buttons: close it, pin or unpin it, or step to the previous or next note. */
export interface CardDetail {
  claimId: string;
}
export interface CardStepDetail extends CardDetail {
  delta: 1 | -1;
}

/** What the toolbar's buttons ask for. */
export type ToolbarCommand =
  'panel' | 'highlights' | 'mine' | 'theme' | 'smaller' | 'larger' | 'settings' | 'help';
export interface CommandDetail {
  command: ToolbarCommand;
}

/** The claims panel's filters: the kinds chosen (none: every kind) and the verdict ("": every verdict). */
export interface FilterDetail {
  kinds: ReadonlySet<string>;
  verdict: string;
}

/** A choice made in the settings panel. */
export interface SettingsPickDetail {
  markStyle?: SettingsChangeDetail['markStyle'];
  citationStyle?: string;
  copyFormat?: SettingsChangeDetail['copyFormat'];
}

/** A part closes itself (a panel's ×), or says it rendered (so that the reader places it again). */
export type CloseDetail = Record<string, never>;

/** Makes an event between the reader's parts: bubbling, not composed, not cancelable. */
export function partEvent<T>(type: keyof PartEventMap, detail: T): CustomEvent<T> {
  return new CustomEvent<T>(type, { detail, bubbles: true });
}

interface PartEventMap {
  'marginalia-claim-choose': CustomEvent<ClaimChooseDetail>;
  'marginalia-card-close': CustomEvent<CardDetail>;
  'marginalia-card-pin': CustomEvent<CardDetail>;
  'marginalia-card-step': CustomEvent<CardStepDetail>;
  'marginalia-command': CustomEvent<CommandDetail>;
  'marginalia-filter-change': CustomEvent<FilterDetail>;
  'marginalia-settings-pick': CustomEvent<SettingsPickDetail>;
  'marginalia-part-close': CustomEvent<CloseDetail>;
  'marginalia-part-render': CustomEvent<CloseDetail>;
}

interface ReaderEventMap {
  'marginalia-note-open': NoteOpenEvent;
  'marginalia-note-close': NoteCloseEvent;
  'marginalia-settings-change': SettingsChangeEvent;
  'marginalia-copy': CopyEvent;
  'marginalia-copy-error': CopyErrorEvent;
}

declare global {
  // The events bubble and are composed: a page can listen on the element or on the document.

  interface HTMLElementEventMap extends ReaderEventMap, PartEventMap {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DocumentEventMap extends ReaderEventMap {}
}
