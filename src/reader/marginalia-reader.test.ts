// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NoteCloseEvent, NoteOpenEvent } from './events.ts';
import type { MarginaliaReader } from './marginalia-reader.ts';
import './marginalia-reader.ts';

const fixture = readFileSync(
  path.join(import.meta.dirname, '../../test/browser/fixtures/harwick.html'),
  'utf8',
);

/** Puts the fixture page's body in the document, parsed first so the element upgrades with its children. */
async function mount() {
  const body = fixture.slice(fixture.indexOf('<marginalia-reader>'), fixture.indexOf('</body>'));
  const parsed = new DOMParser().parseFromString(body, 'text/html');
  document.body.append(...parsed.body.childNodes);
  const reader = document.querySelector('marginalia-reader') as MarginaliaReader;
  await reader.updateComplete;
  return reader;
}

afterEach(() => {
  document.body.innerHTML = '';
  localStorage.clear();
  history.replaceState(null, '', location.pathname);
});

describe('<marginalia-reader>', () => {
  it('should re-render when a decorated property changes', async () => {
    // Arrange
    const reader = await mount();
    const toggle = () =>
      [...reader.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Highlights');
    expect(toggle()?.getAttribute('aria-pressed')).toBe('true');

    // Act
    reader.highlights = false;
    await reader.updateComplete;

    // Assert
    expect(toggle()?.getAttribute('aria-pressed')).toBe('false');
    expect(reader.getAttribute('highlights')).toBe('off');
  });

  it('should make the first mark of each claim a focusable button that points to its note', async () => {
    // Arrange, Act
    const reader = await mount();

    // Assert
    const focusable = [...reader.querySelectorAll('mark[tabindex="0"]')];
    expect(focusable.map((mark) => mark.getAttribute('data-claims'))).toEqual([
      'founded',
      'population',
      'population growth',
      'finest-bridge',
      'forecast',
    ]);
    const first = focusable[0]!;
    expect(first.getAttribute('role')).toBe('button');
    expect(first.getAttribute('aria-details')).toBe('note-founded');
    const description = document.getElementById(first.getAttribute('aria-describedby')!);
    expect(description?.textContent).toBe("Fact claim, supported; editor's note 1.");
  });

  it('should open a note card with a copy of the note and say so in an event', async () => {
    // Arrange
    const reader = await mount();
    const opened: NoteOpenEvent[] = [];
    document.addEventListener('marginalia-note-open', (event) => opened.push(event));

    // Act
    reader.openNote('founded', 'pointer');
    await reader.updateComplete;

    // Assert
    const card = reader.shadowRoot!.querySelector('[data-card="founded"]');
    expect(card?.textContent).toContain('The parish charter of 1642 names Harwick');
    expect(card?.querySelector('a[href="https://example.org/charter"]')).not.toBeNull();
    expect(card?.querySelector('[id="ref-charter-src"]')).toBeNull();
    expect(opened.map((event) => event.detail)).toEqual([
      { claimId: 'founded', number: 1, source: 'pointer' },
    ]);
    expect(location.hash).toBe('#note-founded');
  });

  it('should keep one note open at a time unless it is pinned', async () => {
    // Arrange
    const reader = await mount();
    const closed: NoteCloseEvent[] = [];
    reader.addEventListener('marginalia-note-close', (event) => closed.push(event));
    reader.openNote('founded');
    await reader.updateComplete;

    // Act
    reader.openNote('forecast');
    await reader.updateComplete;
    const unpinned = [...reader.shadowRoot!.querySelectorAll('[data-card]')].map((card) =>
      card.getAttribute('data-card'),
    );
    reader.shadowRoot!.querySelector<HTMLButtonElement>('[data-card="forecast"] .pin')!.click();
    reader.openNote('founded');
    await reader.updateComplete;

    // Assert
    expect(unpinned).toEqual(['forecast']);
    expect(closed.map((event) => event.detail.claimId)).toEqual(['founded']);
    const cards = [...reader.shadowRoot!.querySelectorAll('[data-card]')].map((card) =>
      card.getAttribute('data-card'),
    );
    expect(cards).toEqual(['forecast', 'founded']);
  });

  it('should close a note, clear the address and give focus back to the passage', async () => {
    // Arrange
    const reader = await mount();
    reader.openNote('growth');
    await reader.updateComplete;

    // Act
    reader.closeNote('growth');
    await reader.updateComplete;

    // Assert
    expect(reader.shadowRoot!.querySelector('[data-card]')).toBeNull();
    expect(location.hash).toBe('');
    expect(document.activeElement?.getAttribute('data-claims')).toBe('population growth');
  });

  it('should remember a changed setting and announce the change in an event', async () => {
    // Arrange
    const reader = await mount();
    const changes: unknown[] = [];
    reader.addEventListener('marginalia-settings-change', (event) => changes.push(event.detail));

    // Act
    reader.theme = 'dark';
    await reader.updateComplete;

    // Assert
    expect(JSON.parse(localStorage.getItem('marginalia-reader-settings') ?? 'null')).toEqual({
      highlights: true,
      theme: 'dark',
      textSize: 100,
    });
    expect(changes).toEqual([{ highlights: true, theme: 'dark', textSize: 100 }]);
    expect(reader.dataset['theme']).toBe('dark');
  });

  it('should ignore a corrupt stored setting and keep the others', async () => {
    // Arrange
    localStorage.setItem('marginalia-reader-settings', JSON.stringify({ theme: 'neon', textSize: 125 }));

    // Act
    const reader = await mount();

    // Assert
    expect(reader.theme).toBe('system');
    expect(reader.textSize).toBe(125);
    expect(reader.getAttribute('data-theme')).toMatch(/^(light|dark)$/);
  });
});
