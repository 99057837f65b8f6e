// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { contentHash, paragraphOf, rangeOfSpan, readArticleText, spansOfRange } from './article-text.ts';

function page(): HTMLElement {
  document.body.innerHTML = `
    <marginalia-reader>
      <header class="marginalia-header"><h1 class="marginalia-title">Title</h1></header>
      <article class="marginalia-article" data-slug="sora">
        <p id="p-1" data-paragraph="1">Text with <mark data-claims="a">quoted passage</mark><a class="marginalia-noteref" href="#note-a" data-note="1"></a> more text.</p>
        <h2 id="h-1">A heading</h2>
        <p id="p-2" data-paragraph="2">Second <em>paragraph</em> here.</p>
      </article>
    </marginalia-reader>`;
  const article = document.querySelector<HTMLElement>('.marginalia-article');
  if (!article) throw new Error('no article');
  return article;
}

describe('readArticleText', () => {
  it('should read the paragraphs and headings of the article as the page shows them, with ids and numbers', () => {
    // Act
    const text = readArticleText(page());

    // Assert
    expect(text.blocks).toEqual([
      'Text with quoted passage more text.',
      'A heading',
      'Second paragraph here.',
    ]);
    expect(text.ids).toEqual(['p-1', 'h-1', 'p-2']);
    expect(text.paragraphs).toEqual([1, 0, 2]);
    expect(paragraphOf(text, { block: 2, start: 0, end: 6 })).toBe(2);
  });
});

describe('contentHash', () => {
  it('should change with any change of the text, white space and block breaks included', () => {
    // Arrange
    const blocks = ['One two.', 'Three.'];

    // Act
    const hashes = [
      contentHash(blocks),
      contentHash(['One two.', 'Three!']),
      contentHash(['One  two.', 'Three.']),
      contentHash(['One two. Three.']),
      contentHash(['One two.', '', 'Three.']),
    ];

    // Assert
    expect(new Set(hashes).size).toBe(hashes.length);
    expect(contentHash([...blocks])).toBe(hashes[0]);
    expect(hashes[0]).toMatch(/^[0-9a-f]{8}:16$/);
  });

  it('should hash the blocks as their document text, joined by a blank line', () => {
    // Act / Assert: FNV-1a 32 of "a\n\nb"
    expect(contentHash(['a', 'b'])).toBe(`${fnv1a('a\n\nb')}:4`);
  });
});

/** A plain FNV-1a 32 over UTF-16 code units, to check the hash against. */
function fnv1a(text: string): string {
  let hash = 2166136261;
  for (const char of text) hash = Number((BigInt(hash ^ char.charCodeAt(0)) * 16777619n) % 2n ** 32n);
  return hash.toString(16).padStart(8, '0');
}

describe('spansOfRange and rangeOfSpan', () => {
  it('should turn a selection inside marks into a span of its block and back', () => {
    // Arrange
    const { elements } = readArticleText(page());
    const mark = document.querySelector('mark');
    const range = document.createRange();
    range.setStart(mark?.firstChild as Text, 7);
    range.setEnd(elements[0]?.lastChild as Text, 5);

    // Act
    const spans = spansOfRange(elements, range);
    const back = spans[0] && rangeOfSpan(elements, spans[0]);

    // Assert
    expect(spans).toEqual([{ block: 0, start: 17, end: 29 }]);
    expect(back?.toString()).toBe('passage more');
  });

  it('should cut a selection across blocks into one span per block', () => {
    // Arrange
    const { elements } = readArticleText(page());
    const range = document.createRange();
    range.setStart(elements[0]?.lastChild as Text, 1);
    range.setEnd(elements[2]?.querySelector('em')?.firstChild as Text, 4);

    // Act
    const spans = spansOfRange(elements, range);

    // Assert
    expect(spans).toEqual([
      { block: 0, start: 25, end: 35 },
      { block: 1, start: 0, end: 9 },
      { block: 2, start: 0, end: 11 },
    ]);
  });

  it('should give no range for a span beyond its block', () => {
    // Arrange
    const { elements } = readArticleText(page());

    // Act / Assert
    expect(rangeOfSpan(elements, { block: 1, start: 0, end: 20 })).toBeUndefined();
    expect(rangeOfSpan(elements, { block: 5, start: 0, end: 1 })).toBeUndefined();
  });
});
