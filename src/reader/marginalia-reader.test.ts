// @vitest-environment happy-dom
// The element links its stylesheet; happy-dom loads no style sheets, and says they loaded.
// @vitest-environment-options {"settings": {"handleDisabledFileLoadingAsSuccess": true}}
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CopyEvent, NoteCloseEvent, NoteOpenEvent } from './events.ts';
import './marginalia-reader.ts';
import type { MarginaliaReader } from './marginalia-reader.ts';

const fixture = readFileSync(
  path.join(import.meta.dirname, '../../test/browser/fixtures/harwick.html'),
  'utf8',
);

/**
 * Puts the fixture page's body in the document, parsed first so the element upgrades with its
 * children, and waits until the reader has its styles and has followed the address.
 */
async function mount(data?: unknown, edit?: (page: Document) => void) {
  const body = fixture.slice(fixture.indexOf('<marginalia-reader>'), fixture.indexOf('</body>'));
  const parsed = new DOMParser().parseFromString(body, 'text/html');
  edit?.(parsed);
  const script = parsed.getElementById('marginalia-data');
  if (data !== undefined && script) script.textContent = JSON.stringify(data);
  document.body.append(...parsed.body.childNodes);
  const reader = document.querySelector('marginalia-reader') as MarginaliaReader;
  await vi.waitUntil(() => reader.hasAttribute('data-enhanced'), { timeout: 5000 });
  await customElements.whenDefined('marginalia-note-card');
  await settled(reader);
  return reader;
}

/** Waits until the reader and its parts (elements in its shadow root) have rendered. */
async function settled(reader: MarginaliaReader): Promise<void> {
  for (let round = 0; round < 3; round += 1) {
    await reader.updateComplete;
    const parts = [...reader.shadowRoot!.querySelectorAll('*')].filter((element) =>
      element.localName.includes('-'),
    );
    await Promise.all(parts.map((part) => (part as Partial<MarginaliaReader>).updateComplete));
  }
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
      reader.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Claim marks"]');
    expect(toggle()?.getAttribute('aria-pressed')).toBe('true');

    // Act
    reader.highlights = false;
    await settled(reader);

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
    // A page built before the build wrote these: the reader points to the note reference, whose
    // label names the note and its verdict.
    const description = document.getElementById(first.getAttribute('aria-describedby')!);
    expect(description?.getAttribute('aria-label')).toBe('Note 1, supported');
  });

  it('should point a mark where two claims start, on a page built without the pointers, to both notes', async () => {
    // Arrange: the prediction made to start where the first claim starts.
    const edit = (page: Document) =>
      page.querySelector('mark[data-claims="founded"]')?.setAttribute('data-claims', 'founded forecast');

    // Act
    const reader = await mount(undefined, edit);

    // Assert
    const shared = reader.querySelector('mark[data-claims="founded forecast"]')!;
    expect(shared.getAttribute('aria-details')).toBe('note-founded note-forecast');
    expect(shared.getAttribute('aria-describedby')).toBe('ref-founded ref-forecast');
    expect(reader.querySelectorAll('mark[tabindex="0"]')).toHaveLength(4);
  });

  it('should open a note card with a copy of the note and say so in an event', async () => {
    // Arrange
    const reader = await mount();
    const opened: NoteOpenEvent[] = [];
    document.addEventListener('marginalia-note-open', (event) => opened.push(event));

    // Act
    reader.openNote('founded', 'pointer');
    await settled(reader);

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
    await settled(reader);

    // Act
    reader.openNote('forecast');
    await settled(reader);
    const unpinned = [...reader.shadowRoot!.querySelectorAll('[data-card]')].map((card) =>
      card.getAttribute('data-card'),
    );
    reader.shadowRoot!.querySelector<HTMLButtonElement>('[data-card="forecast"] .pin')!.click();
    reader.openNote('founded');
    await settled(reader);

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
    await settled(reader);

    // Act
    reader.closeNote('growth');
    await settled(reader);

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
    await settled(reader);

    // Assert
    const expected = {
      highlights: true,
      markStyle: 'calm',
      theme: 'dark',
      textSize: 100,
      citationStyle: '',
      copyFormat: 'plain',
    };
    expect(JSON.parse(localStorage.getItem('marginalia-reader-settings') ?? 'null')).toEqual(expected);
    expect(changes).toEqual([expected]);
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

  it('should offer the page’s citation styles and the copy formats in its settings, and remember the choice', async () => {
    // Arrange
    const styles = {
      apa: {
        label: 'APA 7th edition',
        text: 'Harwick and its railway. (2024).',
        html: '<i>Harwick</i>. (2024).',
      },
      mla: {
        label: 'MLA 9th edition',
        text: 'Harwick and Its Railway. 2024.',
        html: '<i>Harwick</i>. 2024.',
      },
    };
    const reader = await mount({
      slug: 'harwick',
      source: { title: 'Harwick' },
      citation: { default: 'apa', styles },
    });
    const [style, format] = [...reader.shadowRoot!.querySelectorAll<HTMLSelectElement>('.settings select')];

    // Act
    reader.shadowRoot!.querySelector<HTMLButtonElement>('[aria-controls="settings"]')!.click();
    await settled(reader);
    const open = !reader.shadowRoot!.querySelector<HTMLElement>('.settings')!.hidden;
    style!.value = 'mla';
    style!.dispatchEvent(new Event('change'));
    format!.value = 'markdown';
    format!.dispatchEvent(new Event('change'));
    await settled(reader);

    // Assert
    expect(open).toBe(true);
    expect([...style!.options].map((option) => [option.value, option.textContent])).toEqual([
      ['apa', 'APA 7th edition'],
      ['mla', 'MLA 9th edition'],
    ]);
    expect([...format!.options].map((option) => option.value)).toEqual(['plain', 'markdown']);
    expect(reader.citationStyle).toBe('mla');
    expect(reader.copyFormat).toBe('markdown');
    expect(JSON.parse(localStorage.getItem('marginalia-reader-settings') ?? 'null')).toMatchObject({
      citationStyle: 'mla',
      copyFormat: 'markdown',
    });
  });

  it('should copy a note’s quote from its card, cited, after offering it in a cancelable event', async () => {
    // Arrange
    const reader = await mount();
    const written: ClipboardItem[][] = [];
    vi.spyOn(navigator.clipboard, 'write').mockImplementation(async (items) => {
      written.push(items);
    });
    const offered: CopyEvent[] = [];
    document.addEventListener('marginalia-copy', (event) => offered.push(event), { once: true });
    reader.openNote('founded');
    await settled(reader);
    const button = [
      ...reader.shadowRoot!.querySelectorAll<HTMLButtonElement>('[data-card] .card-actions button'),
    ];

    // Act
    button[0]!.click();
    await vi.waitUntil(() => button[0]!.textContent?.includes('Copied'), { timeout: 5000 });

    // Assert
    expect(button.map((element) => element.getAttribute('aria-label'))).toEqual([
      'Copy quote of note 1, cited',
      'Copy note 1',
    ]);
    expect(offered[0]?.cancelable).toBe(true);
    expect(offered[0]?.detail).toMatchObject({
      quote: 'was founded in 1642',
      paragraphs: [1, 1],
      source: 'note',
      content: 'quote',
    });
    expect(offered[0]?.detail.plain).toMatch(
      /^“was founded in 1642” \(Harwick and its railway, ¶ 1\)\n\nhttp:\/\/\S+#p-1:~:text=/,
    );
    expect(written[0]?.[0]?.types).toEqual(['text/plain', 'text/html']);
    vi.restoreAllMocks();
  });
});
