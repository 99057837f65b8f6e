// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { articlePassage, offsetAt, passageBounds, readPageText } from './page-text.ts';

const page = `
  <header><h1>A title</h1><p>By Someone</p></header>
  <article class="marginalia-article">
    <p id="p-1" data-paragraph="1">The town <mark data-claims="a">was founded
      in 1642</mark><a class="marginalia-noteref" href="#note-a"></a>, and grew.</p>
    <h2 id="h-1">Looking ahead</h2>
    <p id="p-2" data-paragraph="2">It will <em>double</em> again.</p>
  </article>
  <div hidden>hidden words</div>
  <section><ol><li><blockquote><p>was founded in 1642</p></blockquote></li></ol></section>
  <script type="application/json">{"not": "text"}</script>
`;

function mount(): HTMLElement {
  document.body.innerHTML = page;
  return document.querySelector('article')!;
}

/** A range from `start` in the text of `from` to `end` in the text of `to` (each the element's first text node, unless told). */
function rangeOf(from: Node, start: number, to: Node, end: number): Range {
  const range = document.createRange();
  range.setStart(from, start);
  range.setEnd(to, end);
  return range;
}

function text(selector: string, index = 0): Text {
  const element = document.querySelector(selector)!;
  return [...element.childNodes].filter((node): node is Text => node.nodeType === Node.TEXT_NODE)[index]!;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('readPageText', () => {
  it('should read the shown text in document order, with one line break between blocks', () => {
    // Arrange
    mount();

    // Act
    const { text: pageText } = readPageText(document.body);

    // Assert
    const lines = pageText.split('\n').map((line) => line.replace(/\s+/g, ' ').trim());
    expect(lines).toEqual([
      'A title',
      'By Someone',
      'The town was founded in 1642, and grew.',
      'Looking ahead',
      'It will double again.',
      'was founded in 1642',
    ]);
  });

  it('should keep each text node’s length, so that offsets map back to the page', () => {
    // Arrange
    mount();
    const page = readPageText(document.body);
    const node = text('mark');

    // Act
    const offset = offsetAt(page, node, 4);

    // Assert
    expect(page.text.slice(offset, offset + 'founded'.length)).toBe('founded');
    expect(page.text.length).toBe(page.starts.at(-1)! + page.nodes.at(-1)!.data.length);
  });

  it('should place a point between elements at the start of the next text', () => {
    // Arrange
    const article = mount();
    const page = readPageText(document.body);

    // Act
    const start = offsetAt(page, article, 0);
    const end = offsetAt(page, document.body, document.body.childNodes.length);

    // Assert
    expect(page.text.slice(start).trimStart().startsWith('The town')).toBe(true);
    expect(end).toBe(page.text.length);
  });
});

describe('passageBounds', () => {
  it('should refuse a selection that reaches outside the article, or holds only white space', () => {
    // Arrange
    const article = mount();
    const page = readPageText(document.body);

    // Act
    const across = passageBounds(page, rangeOf(text('h1'), 2, text('#p-1'), 4), article);
    const blank = passageBounds(page, rangeOf(article, 0, article, 1), article);
    const notes = passageBounds(page, rangeOf(text('blockquote p'), 0, text('blockquote p'), 3), article);

    // Assert
    expect(across).toBeUndefined();
    expect(blank).toBeUndefined();
    expect(notes).toBeUndefined();
  });

  it('should take a paragraph selected up to the start of the next block as that paragraph', () => {
    // Arrange
    const article = mount();
    const page = readPageText(document.body);
    const heading = document.querySelector('#h-1')!;

    // Act
    const bounds = passageBounds(page, rangeOf(text('#p-1'), 0, heading, 0), article);

    // Assert
    expect(page.text.slice(bounds!.start, bounds!.end).replace(/\s+/g, ' ')).toBe(
      'The town was founded in 1642, and grew.',
    );
  });
});

describe('articlePassage', () => {
  it('should widen a selection that cuts a word, and leave one that does not', () => {
    // Arrange
    const article = mount();
    const page = readPageText(document.body);

    // Act
    const cut = articlePassage(page, rangeOf(text('#p-1'), 5, text('mark'), 6), article);
    const whole = articlePassage(page, rangeOf(text('#p-1'), 4, text('mark'), 3), article);

    // Assert
    expect(cut?.paragraphs).toEqual(['town was founded']);
    expect(whole?.paragraphs).toEqual(['town was']);
    expect(cut?.numbers).toEqual([1, 1]);
    expect(cut?.targetId).toBe('p-1');
  });

  it('should give one string per paragraph and the range of paragraph numbers, skipping headings', () => {
    // Arrange
    const article = mount();
    const page = readPageText(document.body);

    // Act
    const passage = articlePassage(page, rangeOf(text('mark'), 0, text('em'), 6), article);

    // Assert
    expect(passage?.paragraphs).toEqual([
      'was founded in 1642, and grew.',
      'Looking ahead',
      'It will double',
    ]);
    expect(passage?.numbers).toEqual([1, 2]);
    expect(passage?.targetId).toBe('p-1');
  });

  it('should link a passage of a heading to the heading, without a paragraph number', () => {
    // Arrange
    const article = mount();
    const page = readPageText(document.body);

    // Act
    const passage = articlePassage(page, rangeOf(text('#h-1'), 0, text('#h-1'), 7), article);

    // Assert
    expect(passage).toMatchObject({ paragraphs: ['Looking'], numbers: null, targetId: 'h-1' });
  });
});
