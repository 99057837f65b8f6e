import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { tidyQuote } from '../cite/quote.ts';
import {
  linkBase,
  noteCopy,
  quoteCopy,
  referenceCopy,
  type Copy,
  type ReferenceKind,
} from './copy-content.ts';
import type { CopyDetail, CopyErrorDetail, CopySource } from './events.ts';
import type { PageData, StyledReference } from './page-data.ts';
import { articlePassage, type PageTextSource } from './page-text.ts';
import type { CopyFormat } from './settings-controller.ts';

/**
 * Cited copying. A copy of a selection in the article (the browser's copy command: the keyboard
 * or the context menu), the selection's "Copy quote" button, a note's "Copy quote" and "Copy
 * note", and the buttons of "Cite this article" all come here. Each makes its copy (see
 * `copy-content.ts`), fires the cancelable `marginalia-copy` with every flavour, and unless a
 * listener cancels it, writes `text/html` and `text/plain` (plain text, or the Markdown when the
 * reader chose it) to the clipboard.
 *
 * - The copy command: its `copy` event is answered at once, with `clipboardData`. A selection
 *   that reaches outside the article or lies in the reader's own interface is left alone (the
 *   browser copies it as it would anywhere), and so is one whose `marginalia-copy` was
 *   canceled: the reader writes nothing, and the browser copies the selection as it would on
 *   any page (a page that cancels may well write its own flavours in its own `copy` listener).
 * - The buttons: written with the asynchronous Clipboard API (`text/html` and `text/plain` in
 *   one item, or plain text alone where the browser cannot write HTML). When the browser refuses,
 *   the reader fires `marginalia-copy-error` and says so in its live region; the caller shows it
 *   on the button. A canceled copy writes nothing.
 *
 * The controller also puts "Copy quote" and "Copy note" in each note of the "Editor's notes"
 * section, and copy buttons in "Cite this article" (light DOM, styled by the page stylesheet).
 *
 * Loaded lazily with `selection-features.ts`: it imports only types from the element's modules.
 */

export type CopyOutcome = 'copied' | 'canceled' | 'failed';

export interface CopyOptions {
  /** `article.marginalia-article`. */
  article: HTMLElement;
  data: PageData;
  pages: PageTextSource;
  /** The reader's current choices: the citation style (the page's default when it chose none) and the flavour. */
  settings(): { style: StyledReference | undefined; format: CopyFormat };
  /** Says something in the reader's live region. */
  announce(message: string): void;
}

/** How long a button shows "Copied" or "Copy failed", in milliseconds (as the element's own buttons). */
const feedbackTime = 2500;

const copiedMessages: Readonly<Record<Copy['content'], string>> = {
  quote: 'Quote copied, with its citation and a link to the passage.',
  note: 'Note copied, with its sources.',
  reference: 'Reference copied.',
  bibtex: 'BibTeX copied.',
  'csl-json': 'CSL-JSON copied.',
};

export class CopyController implements ReactiveController {
  private readonly _host: ReactiveControllerHost & HTMLElement;
  private _options: CopyOptions;
  private _wired = false;

  constructor(host: ReactiveControllerHost & HTMLElement, options: CopyOptions) {
    this._host = host;
    this._options = options;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('copy', this._onCopy);
    if (!this._wired) this._addButtons();
    this._wired = true;
  }

  hostDisconnected(): void {
    document.removeEventListener('copy', this._onCopy);
  }

  /**
   * Parts of the page were replaced (a live rebuild): copies cite the page's new data, and the
   * new notes and "Cite this article" get their buttons (a note near the view gets them now).
   */
  refresh(data: PageData, replaced: readonly Element[]): void {
    this._options = { ...this._options, data };
    if (!this._wired) return;
    const selector = 'li.marginalia-note[data-claim]';
    for (const element of replaced) {
      const notes = element.matches(selector) ? [element] : [...element.querySelectorAll(selector)];
      for (const note of notes) {
        if (!note.querySelector(':scope > .marginalia-copy-actions'))
          this._addNoteButtons(note as HTMLElement);
      }
      const cite =
        element.closest('section.marginalia-cite') ?? element.querySelector('section.marginalia-cite');
      if (cite) this._addCiteButtons(cite);
    }
  }

  /** Copies the passage of the article that `range` selects, cited. */
  copyRange(range: Range): Promise<CopyOutcome> {
    const copy = this._quote(range);
    return copy ? this._write(copy, 'button') : Promise.resolve('canceled');
  }

  /** Copies a claim's quote, cited, as a selection of its passage would be. */
  copyQuote(claimId: string): Promise<CopyOutcome> {
    const marks = this._options.article.querySelectorAll(`mark[data-claims~="${CSS.escape(claimId)}"]`);
    const first = marks[0];
    const last = marks[marks.length - 1];
    if (!first || !last) return Promise.resolve('canceled');
    const range = document.createRange();
    range.setStartBefore(first);
    range.setEndAfter(last);
    const copy = this._quote(range);
    return copy ? this._write(copy, 'note') : Promise.resolve('canceled');
  }

  /** Copies a claim's note: its text, its sources and a link to it. */
  copyNote(claimId: string): Promise<CopyOutcome> {
    const note = this._host.querySelector(`li.marginalia-note[data-claim="${CSS.escape(claimId)}"]`);
    if (!note) return Promise.resolve('canceled');
    const { data } = this._options;
    const labels = ['.marginalia-kind', '.marginalia-verdict']
      .map((selector) => note.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '')
      .filter((label) => label !== '');
    const parts = {
      claimId,
      number: Number(note.getAttribute('data-note')) || 0,
      labels,
      quote: tidyQuote([note.querySelector('.marginalia-note-quote')?.textContent ?? '']).join(' '),
      paragraph: Number(note.getAttribute('data-paragraph')) || 0,
      body: note.querySelector('.marginalia-note-body'),
      sources: note.querySelector('.marginalia-note-sources'),
    };
    const copy = noteCopy(parts, linkBase(data, location.href), data.title, this._options.settings().style);
    return this._write(copy, 'note');
  }

  /** Copies the article's reference in a style, or its BibTeX or CSL-JSON. */
  copyReference(kind: ReferenceKind): Promise<CopyOutcome> {
    const { data } = this._options;
    return this._write(referenceCopy(data, kind, linkBase(data, location.href)), 'citation');
  }

  private _quote(range: Range): Copy | undefined {
    const { pages, article, data } = this._options;
    const page = pages.current;
    const passage = articlePassage(page, range, article);
    return (
      passage &&
      quoteCopy(page, passage, linkBase(data, location.href), data.title, this._options.settings().style)
    );
  }

  /** Fires `marginalia-copy`; the detail as listeners left it, or undefined when one canceled. */
  private _offer(copy: Copy, source: CopySource): CopyDetail | undefined {
    const event = new CustomEvent<CopyDetail>('marginalia-copy', {
      detail: { ...copy, source },
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    return this._host.dispatchEvent(event) ? event.detail : undefined;
  }

  private _text(detail: CopyDetail): string {
    return this._options.settings().format === 'markdown' ? detail.markdown : detail.plain;
  }

  private async _write(copy: Copy, source: CopySource): Promise<CopyOutcome> {
    const detail = this._offer(copy, source);
    if (!detail) return 'canceled';
    try {
      await writeClipboard(this._text(detail), detail.html);
    } catch (cause) {
      const error = cause instanceof Error ? cause : new Error(String(cause));
      this._host.dispatchEvent(
        new CustomEvent<CopyErrorDetail>('marginalia-copy-error', {
          detail: { ...detail, error },
          bubbles: true,
          composed: true,
        }),
      );
      this._options.announce('Could not copy: the browser refused access to the clipboard.');
      return 'failed';
    }
    this._options.announce(copiedMessages[detail.content]);
    return 'copied';
  }

  private readonly _onCopy = (event: ClipboardEvent): void => {
    const selection = document.getSelection();
    if (event.defaultPrevented || !event.clipboardData || !selection || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0).cloneRange();
    const last = selection.getRangeAt(selection.rangeCount - 1);
    range.setEnd(last.endContainer, last.endOffset);
    const copy = this._quote(range);
    const detail = copy && this._offer(copy, 'keyboard');
    if (!detail) return;
    event.preventDefault();
    event.clipboardData.setData('text/plain', this._text(detail));
    if (detail.html !== '') event.clipboardData.setData('text/html', detail.html);
    this._options.announce(copiedMessages[detail.content]);
  };

  /**
   * Copy buttons in the notes section and in "Cite this article". A page with many notes gets a
   * note's buttons only when the note comes near the view: on a long page every change of the
   * layout costs the browser a walk of the whole page, so thousands of notes' buttons added at
   * once (or even in parts) would hold it up for seconds.
   */
  private _addButtons(): void {
    const { notes, cite } = findNotes(this._host);
    if (notes.length <= notesAtOnce || typeof IntersectionObserver !== 'function') {
      for (const note of notes) this._addNoteButtons(note);
      if (cite) this._addCiteButtons(cite);
      return;
    }
    // The notes' section is watched first, then (once it is near) each of its notes.
    const section = notes[0]?.closest('section') ?? undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          const target = entry.target as HTMLElement;
          observer.unobserve(target);
          if (target === cite) this._addCiteButtons(target);
          else if (target === section) for (const note of notes) observer.observe(note);
          else this._addNoteButtons(target);
        }
      },
      { rootMargin: '100% 0px' },
    );
    if (section) observer.observe(section);
    else for (const note of notes) observer.observe(note);
    if (cite) observer.observe(cite);
  }

  /** Copy buttons for each citation style's reference, BibTeX and CSL-JSON in "Cite this article". */
  private _addCiteButtons(section: Element): void {
    const { styles, bibtex, cslJson } = this._options.data;
    for (const style of styles) {
      const entry = section.querySelector(`dd[data-style="${CSS.escape(style.id)}"]`);
      if (entry?.querySelector('.marginalia-copy')) continue;
      entry?.append(
        ' ',
        copyButton('Copy', `Copy reference in ${style.label}`, () => this.copyReference({ style })),
      );
    }
    const formats = [
      ['BibTeX', 'bibtex', bibtex],
      ['CSL-JSON', 'csl-json', cslJson],
    ] as const;
    const offered = formats.filter(([, , text]) => text !== '');
    if (offered.length === 0 || section.querySelector('.marginalia-cite-copy')) return;
    const line = document.createElement('p');
    line.className = 'marginalia-cite-copy';
    line.append('Copy:');
    for (const [label, format] of offered) {
      line.append(
        ' ',
        copyButton(label, `Copy ${label}`, () => this.copyReference({ format })),
      );
    }
    const downloads = section.querySelector('.marginalia-cite-downloads');
    if (downloads) downloads.after(line);
    else section.append(line);
  }

  private _addNoteButtons(note: HTMLElement): void {
    const claimId = note.dataset['claim'] ?? '';
    const number = note.dataset['note'] ?? '';
    const actions = document.createElement('p');
    actions.className = 'marginalia-copy-actions';
    actions.append(
      copyButton('Copy quote', `Copy quote of note ${number}, cited`, () => this.copyQuote(claimId)),
      ' ',
      copyButton('Copy note', `Copy note ${number}`, () => this.copyNote(claimId)),
    );
    note.append(actions);
  }
}

/**
 * The notes and "Cite this article", found where the build puts them (the sections of
 * `main.marginalia-main`, the notes in their list) without a search of the whole page, which on
 * a page of 10,000 notes takes tens of milliseconds; anywhere under `host` on another page.
 */
function findNotes(host: HTMLElement): { notes: HTMLElement[]; cite: Element | null } {
  const main = host.querySelector(':scope > .marginalia-main');
  const sections = [...(main?.children ?? [])].filter((child) => child.localName === 'section');
  const list = sections
    .find((section) => section.classList.contains('marginalia-notes'))
    ?.querySelector(':scope > ol.marginalia-note-list');
  if (!list) {
    return {
      notes: [...host.querySelectorAll<HTMLElement>('li.marginalia-note[data-claim]')],
      cite: host.querySelector('section.marginalia-cite'),
    };
  }
  return {
    notes: [...list.children].filter((note): note is HTMLElement =>
      note.matches('li.marginalia-note[data-claim]'),
    ),
    cite: sections.find((section) => section.classList.contains('marginalia-cite')) ?? null,
  };
}

/** Up to this many notes get their copy buttons at once; more, as they come near the view. */
const notesAtOnce = 200;

/** A light-DOM copy button that shows "Copied" or "Copy failed" for a moment after use. */
function copyButton(label: string, name: string, run: () => Promise<CopyOutcome>): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'marginalia-copy';
  button.textContent = label;
  button.setAttribute('aria-label', name);
  let timer: ReturnType<typeof setTimeout> | undefined;
  button.addEventListener('click', () => {
    const attempt = run().catch((error: unknown): CopyOutcome => {
      console.error(error);
      return 'failed';
    });
    void attempt.then((outcome) => {
      if (outcome === 'canceled') return;
      clearTimeout(timer);
      button.textContent = outcome === 'copied' ? 'Copied' : 'Copy failed';
      button.dataset['state'] = outcome;
      timer = setTimeout(() => {
        button.textContent = label;
        delete button.dataset['state'];
      }, feedbackTime);
    });
  });
  return button;
}

/** Writes `text` as `text/plain` and `html` (unless "") as `text/html` to the system clipboard. */
async function writeClipboard(text: string, html: string): Promise<void> {
  const { clipboard } = navigator;
  if (!clipboard) throw new DOMException('The page has no access to the clipboard.', 'NotAllowedError');
  if (html !== '' && typeof ClipboardItem === 'function' && typeof clipboard.write === 'function') {
    const item = new ClipboardItem({
      'text/plain': new Blob([text], { type: 'text/plain' }),
      'text/html': new Blob([html], { type: 'text/html' }),
    });
    await clipboard.write([item]);
  } else {
    await clipboard.writeText(text);
  }
}
