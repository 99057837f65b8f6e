import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readerEvent, type SettingsChangeDetail } from './events.ts';

/**
 * The reader's remembered settings: claim marks on or off and their look, the colour theme, the text size, the
 * citation style of copied quotes and what a copy puts beside its HTML (plain text or Markdown).
 * They live as properties on the element; this controller loads them from localStorage when the
 * element connects, writes them back when they change, and follows the system's colour scheme.
 * A stored value that is not valid (bad JSON, an unknown theme, a text size out of range) is
 * ignored field by field, and a storage that throws (private modes, disabled cookies) is treated
 * as empty: settings are a convenience and never stop the page.
 */

/** The `highlights` attribute: `on` or `off` (absent: on). */
export const onOff = {
  fromAttribute: (value: string | null): boolean => value !== 'off',
  toAttribute: (value: boolean): string => (value ? 'on' : 'off'),
};

export const themeChoices = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof themeChoices)[number];

/** What a copy puts on the clipboard beside its HTML: plain text, or Markdown in its place. */
export const copyFormats = ['plain', 'markdown'] as const;
export type CopyFormat = (typeof copyFormats)[number];

/** How claim marks look: a thin underline (tinted on hover), or always tinted. */
export const markStyles = ['calm', 'strong'] as const;
export type MarkStyle = (typeof markStyles)[number];

/** Text sizes offered, in percent of the page's size. */
export const textSizes = [87.5, 100, 112.5, 125, 150] as const;

export type ReaderSettings = SettingsChangeDetail;

export const defaultSettings: Readonly<ReaderSettings> = {
  highlights: true,
  markStyle: 'calm',
  theme: 'system',
  textSize: 100,
  citationStyle: '',
  copyFormat: 'plain',
};

export const settingsStorageKey = 'marginalia-reader-settings';

/** Reads the valid fields of a stored settings value; anything else is dropped. */
export function parseSettings(raw: string | null): Partial<ReaderSettings> {
  if (raw === null) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return {};
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const record = value as Record<string, unknown>;
  const settings: Partial<ReaderSettings> = {};
  if (typeof record['highlights'] === 'boolean') settings.highlights = record['highlights'];
  const markStyle = record['markStyle'];
  if (typeof markStyle === 'string' && (markStyles as readonly string[]).includes(markStyle)) {
    settings.markStyle = markStyle as MarkStyle;
  }
  const theme = record['theme'];
  if (typeof theme === 'string' && (themeChoices as readonly string[]).includes(theme)) {
    settings.theme = theme as ThemeChoice;
  }
  const size = record['textSize'];
  if (typeof size === 'number' && (textSizes as readonly number[]).includes(size)) settings.textSize = size;
  // Any style id is kept: the page knows which styles it offers, and falls back to its default.
  const style = record['citationStyle'];
  if (typeof style === 'string' && style.length <= 200) settings.citationStyle = style;
  const format = record['copyFormat'];
  if (typeof format === 'string' && (copyFormats as readonly string[]).includes(format)) {
    settings.copyFormat = format as CopyFormat;
  }
  return settings;
}

/** The next text size up (`step` 1) or down (`step` -1), staying within the offered sizes. */
export function stepTextSize(current: number, step: 1 | -1): number {
  const index = textSizes.findIndex((size) => size >= current);
  const from = index === -1 ? textSizes.length - 1 : index;
  const next = Math.min(textSizes.length - 1, Math.max(0, from + step));
  return textSizes[next] ?? current;
}

export interface SettingsHost extends ReactiveControllerHost, HTMLElement {
  highlights: boolean;
  markStyle: MarkStyle;
  theme: ThemeChoice;
  textSize: number;
  citationStyle: string;
  copyFormat: CopyFormat;
}

export class SettingsController implements ReactiveController {
  /** True while the system asks for a dark colour scheme. */
  systemDark = false;
  private readonly _host: SettingsHost;
  private readonly _storageKey: string;
  private _saved = '';
  private _media: MediaQueryList | undefined;

  constructor(host: SettingsHost, storageKey = settingsStorageKey) {
    this._host = host;
    this._storageKey = storageKey;
    host.addController(this);
  }

  /** `light` or `dark`: the chosen theme, or the system's when the choice is `system` (or unknown). */
  get resolvedTheme(): 'light' | 'dark' {
    const { theme } = this._host;
    if (theme === 'light' || theme === 'dark') return theme;
    return this.systemDark ? 'dark' : 'light';
  }

  hostConnected(): void {
    this._media = window.matchMedia?.('(prefers-color-scheme: dark)');
    this.systemDark = this._media?.matches ?? false;
    this._media?.addEventListener('change', this._onSchemeChange);
    Object.assign(this._host, parseSettings(this._read()));
    this._saved = JSON.stringify(this._current());
  }

  hostDisconnected(): void {
    this._media?.removeEventListener('change', this._onSchemeChange);
  }

  hostUpdated(): void {
    const current = this._current();
    const serialised = JSON.stringify(current);
    if (serialised === this._saved) return;
    this._saved = serialised;
    this._write(serialised);
    this._host.dispatchEvent(readerEvent('marginalia-settings-change', current));
  }

  /** Shows or hides the claims' marks; returns what to announce. */
  toggleHighlights(): string {
    this._host.highlights = !this._host.highlights;
    return this._host.highlights ? 'Claim marks shown.' : 'Claim marks hidden.';
  }

  /** The next theme: system, light, dark; returns what to announce. */
  cycleTheme(): string {
    const { theme } = this._host;
    this._host.theme = themeChoices[(themeChoices.indexOf(theme) + 1) % themeChoices.length] ?? 'system';
    return `Theme: ${this._host.theme}.`;
  }

  /** Larger (1) or smaller (-1) text; returns what to announce. */
  resize(step: 1 | -1): string {
    this._host.textSize = stepTextSize(this._host.textSize, step);
    return `Text size ${this._host.textSize}%.`;
  }

  /** A citation style or a copy format chosen in the settings panel; returns what to announce. */
  pick(
    choice: { markStyle?: MarkStyle; citationStyle?: string; copyFormat?: CopyFormat },
    styleLabel: (id: string) => string,
  ): string {
    const said: string[] = [];
    if (choice.markStyle !== undefined) {
      this._host.markStyle = choice.markStyle;
      said.push(
        choice.markStyle === 'strong'
          ? 'Claims are tinted, their underlines in their verdicts’ colours.'
          : 'Claims are underlined, and tinted on hover.',
      );
    }
    if (choice.citationStyle !== undefined) {
      this._host.citationStyle = choice.citationStyle;
      said.push(`Quotes are cited in ${styleLabel(choice.citationStyle)}.`);
    }
    if (choice.copyFormat !== undefined) {
      this._host.copyFormat = choice.copyFormat;
      said.push(
        choice.copyFormat === 'markdown'
          ? 'Copies hold rich text and Markdown.'
          : 'Copies hold rich text and plain text.',
      );
    }
    return said.join(' ');
  }

  private _current(): ReaderSettings {
    const { highlights, markStyle, theme, textSize, citationStyle, copyFormat } = this._host;
    return { highlights, markStyle, theme, textSize, citationStyle, copyFormat };
  }

  private _read(): string | null {
    try {
      return window.localStorage.getItem(this._storageKey);
    } catch {
      return null;
    }
  }

  private _write(value: string): void {
    try {
      window.localStorage.setItem(this._storageKey, value);
    } catch {
      // Storage full or refused: the setting still applies to this visit.
    }
  }

  private readonly _onSchemeChange = (event: MediaQueryListEvent): void => {
    this.systemDark = event.matches;
    this._host.requestUpdate();
  };
}
