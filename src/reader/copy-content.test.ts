// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { citationOf, noteCopy, quoteCopy, referenceCopy } from './copy-content.ts';
import type { PageData, StyledReference } from './page-data.ts';
import { articlePassage, readPageText } from './page-text.ts';

const apa: StyledReference = {
  id: 'apa',
  label: 'APA',
  text: 'Lind, A. (2024). Harwick and its railway. The Harwick Courier.',
  html: 'Lind, A. (2024). <i>Harwick and its railway</i>. The Harwick Courier.',
};
const mla: StyledReference = {
  id: 'mla',
  label: 'MLA',
  text: 'Lind, Ada. “Harwick and Its Railway.” The Harwick Courier, 2024.',
  html: 'Lind, Ada. “Harwick and Its Railway.” <i>The Harwick Courier</i>, 2024.',
};
const title = 'Harwick and its railway';
const pageUrl = 'https://example.org/harwick/#note-old';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('citationOf', () => {
  it('should keep a reference that names the title, in any case', () => {
    // Act
    const cited = [citationOf(title, apa), citationOf(title, mla)];

    // Assert
    expect(cited).toEqual([
      { text: apa.text, html: apa.html },
      { text: mla.text, html: mla.html },
    ]);
  });

  it('should put the title in front of a reference that leaves it out, and give the title alone without a style', () => {
    // Arrange
    const numeric: StyledReference = { id: 'short', label: 'Short', text: 'Lind 2024.', html: 'Lind 2024.' };

    // Act
    const added = citationOf('Harwick & “its” railway', numeric);
    const bare = citationOf(title, undefined);

    // Assert
    expect(added).toEqual({
      text: 'Harwick & “its” railway. Lind 2024.',
      html: '<i>Harwick &#38; “its” railway</i>. Lind 2024.',
    });
    expect(bare).toEqual({ text: title, html: '<i>Harwick and its railway</i>' });
  });
});

describe('quoteCopy', () => {
  it('should cite a passage with its pin cite in the style’s form and link to it with a text fragment', () => {
    // Arrange
    document.body.innerHTML =
      '<article><p id="p-1" data-paragraph="1">The river town was founded in 1642.</p>' +
      '<p id="p-2" data-paragraph="2">The town was founded.</p></article>';
    const article = document.querySelector('article')!;
    const page = readPageText(document.body);
    const range = document.createRange();
    range.setStart(document.querySelector('#p-2')!.firstChild!, 4);
    range.setEnd(document.querySelector('#p-2')!.firstChild!, 20);
    const passage = articlePassage(page, range, article)!;

    // Act
    const copy = quoteCopy(page, passage, pageUrl, title, mla);

    // Assert
    // "town was founded" is in ¶ 1 too: the link names what comes before and after it.
    const url = 'https://example.org/harwick/#p-2:~:text=The-,town%20was%20founded,-%2E';
    expect(copy).toEqual({
      plain: `“town was founded” — Lind, Ada. “Harwick and Its Railway.” The Harwick Courier, 2024, par. 2. ${url}`,
      markdown: `> town was founded\n\n— Lind, Ada. “Harwick and Its Railway.” The Harwick Courier, 2024, [par. 2](${url})`,
      html:
        `<blockquote cite="${url}"><p>town was founded</p></blockquote>` +
        `<p>— Lind, Ada. “Harwick and Its Railway.” <i>The Harwick Courier</i>, 2024, <a href="${url}">par. 2</a></p>`,
      quote: 'town was founded',
      paragraphs: [2, 2],
      url,
      style: 'mla',
      content: 'quote',
    });
  });
});

describe('noteCopy', () => {
  it('should give the note’s heading, text, sources and link in each flavour', () => {
    // Arrange
    document.body.innerHTML =
      '<div class="body"><p>The charter says <em>1642</em>.</p></div>' +
      '<ul class="sources"><li>Parish records. <a href="https://example.org/charter">Charter</a></li></ul>';
    const parts = {
      claimId: 'founded',
      number: 1,
      labels: ['Fact', 'Supported'],
      quote: 'was founded in 1642',
      paragraph: 1,
      body: document.querySelector('.body'),
      sources: document.querySelector('.sources'),
    };

    // Act
    const copy = noteCopy(parts, pageUrl, title, apa);

    // Assert
    const url = 'https://example.org/harwick/#note-founded';
    expect(copy.plain).toBe(
      'Editor’s note 1 on “was founded in 1642” (Harwick and its railway, para. 1): Fact, Supported.\n\n' +
        'The charter says 1642.\n\nSources:\n- Parish records. Charter (https://example.org/charter)\n\n' +
        url,
    );
    expect(copy.markdown).toBe(
      `[Editor’s note 1](${url}) on “was founded in 1642” (*Harwick and its railway*, para. 1): Fact, Supported.\n\n` +
        'The charter says *1642*.\n\nSources:\n\n- Parish records. [Charter](https://example.org/charter)',
    );
    expect(copy.html).toBe(
      `<p><a href="${url}">Editor’s note 1</a> on “was founded in 1642” (<cite>Harwick and its railway</cite>, para. 1): Fact, Supported.</p>` +
        '<p>The charter says <em>1642</em>.</p><p>Sources:</p><ul><li>Parish records. <a href="https://example.org/charter">Charter</a></li></ul>',
    );
    expect(copy).toMatchObject({ quote: 'was founded in 1642', paragraphs: [1, 1], url, content: 'note' });
  });
});

describe('referenceCopy', () => {
  const data: PageData = {
    slug: 'harwick',
    title,
    styles: [apa, mla],
    defaultStyle: 'apa',
    bibtex: '@article{lind2024}',
    cslJson: '[{"id":"harwick"}]',
  };

  it('should copy the reference in a style as text, Markdown and HTML', () => {
    // Act
    const copy = referenceCopy(data, { style: apa }, pageUrl);

    // Assert
    expect(copy).toEqual({
      plain: apa.text,
      markdown: 'Lind, A. (2024). *Harwick and its railway*. The Harwick Courier.',
      html: '<p>Lind, A. (2024). <i>Harwick and its railway</i>. The Harwick Courier.</p>',
      quote: '',
      paragraphs: null,
      url: 'https://example.org/harwick/',
      style: 'apa',
      content: 'reference',
    });
  });

  it('should copy BibTeX and CSL-JSON as plain text only', () => {
    // Act
    const bibtex = referenceCopy(data, { format: 'bibtex' }, pageUrl);
    const json = referenceCopy(data, { format: 'csl-json' }, pageUrl);

    // Assert
    expect(bibtex).toMatchObject({ plain: data.bibtex, markdown: data.bibtex, html: '', content: 'bibtex' });
    expect(json).toMatchObject({
      plain: data.cslJson,
      markdown: data.cslJson,
      html: '',
      content: 'csl-json',
    });
  });
});
