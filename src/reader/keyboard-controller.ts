import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The reader's keyboard shortcuts, listened for on the whole document. The reader's table of
 * them also feeds the help overlay, so what is listed is what works (the whole table, even
 * while the overlay, being open, leaves only `?` working). Shortcuts never fire while the reader
 * types in a field, nor with Ctrl, Alt or Meta held (those belong to the browser).
 */

export interface Shortcut {
  /** `KeyboardEvent.key` values that trigger it. */
  keys: readonly string[];
  /** What it does, for the help overlay. */
  label: string;
  /** Runs the shortcut; returns false when it did nothing (the key then keeps its default). */
  run: () => boolean | void;
  /** Also fire while focus is in a text field (Escape does). */
  inFields?: boolean;
}

/** True for elements where typed keys are text (inputs, text areas, editable content). */
export function isTextEntry(target: EventTarget | undefined): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'reset', 'submit', 'range', 'color'].includes(target.type);
  }
  return false;
}

/** Finds the shortcut for a key event, or undefined when the event is not for the reader. */
export function matchShortcut(shortcuts: readonly Shortcut[], event: KeyboardEvent): Shortcut | undefined {
  if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || event.isComposing)
    return undefined;
  const inField = isTextEntry(event.composedPath()[0]);
  return shortcuts.find(
    (shortcut) => shortcut.keys.includes(event.key) && (!inField || shortcut.inFields === true),
  );
}

export class KeyboardController implements ReactiveController {
  private readonly _shortcuts: () => readonly Shortcut[];

  constructor(host: ReactiveControllerHost, shortcuts: () => readonly Shortcut[]) {
    this._shortcuts = shortcuts;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('keydown', this._onKeyDown);
  }

  hostDisconnected(): void {
    document.removeEventListener('keydown', this._onKeyDown);
  }

  private readonly _onKeyDown = (event: KeyboardEvent): void => {
    const shortcut = matchShortcut(this._shortcuts(), event);
    if (shortcut && shortcut.run() !== false) event.preventDefault();
  };
}
