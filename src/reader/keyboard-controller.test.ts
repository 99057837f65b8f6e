// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isTextEntry, matchShortcut, type Shortcut } from './keyboard-controller.ts';

const shortcuts: Shortcut[] = [
  { keys: ['j'], label: 'Next', run: () => true },
  { keys: ['Escape'], label: 'Close', run: () => true, inFields: true },
];

function press(target: EventTarget, init: KeyboardEventInit): KeyboardEvent {
  let seen: KeyboardEvent | undefined;
  const listener = (event: Event) => {
    seen = event as KeyboardEvent;
  };
  document.addEventListener('keydown', listener);
  target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, composed: true, ...init }));
  document.removeEventListener('keydown', listener);
  if (!seen) throw new Error('no event');
  return seen;
}

describe('matchShortcut', () => {
  it('should find the shortcut for a plain key on the page', () => {
    // Arrange
    const event = press(document.body, { key: 'j' });

    // Act
    const shortcut = matchShortcut(shortcuts, event);

    // Assert
    expect(shortcut?.label).toBe('Next');
  });

  it('should leave keys with Ctrl, Alt or Meta to the browser', () => {
    // Arrange
    const events = [{ ctrlKey: true }, { altKey: true }, { metaKey: true }].map((modifier) =>
      press(document.body, { key: 'j', ...modifier }),
    );

    // Act
    const found = events.map((event) => matchShortcut(shortcuts, event));

    // Assert
    expect(found).toEqual([undefined, undefined, undefined]);
  });

  it('should not take typed letters from a text field, but should take Escape', () => {
    // Arrange
    const input = document.createElement('input');
    document.body.append(input);

    // Act
    const letter = matchShortcut(shortcuts, press(input, { key: 'j' }));
    const escape = matchShortcut(shortcuts, press(input, { key: 'Escape' }));

    // Assert
    expect(letter).toBeUndefined();
    expect(escape?.label).toBe('Close');
    input.remove();
  });
});

describe('isTextEntry', () => {
  it('should tell text fields from buttons and checkboxes', () => {
    // Arrange
    const text = Object.assign(document.createElement('input'), { type: 'text' });
    const checkbox = Object.assign(document.createElement('input'), { type: 'checkbox' });

    // Act, Assert
    expect(isTextEntry(text)).toBe(true);
    expect(isTextEntry(document.createElement('textarea'))).toBe(true);
    expect(isTextEntry(checkbox)).toBe(false);
    expect(isTextEntry(document.createElement('button'))).toBe(false);
  });
});
