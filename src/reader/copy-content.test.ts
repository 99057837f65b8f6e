// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { citationOf, citationStyleOf, linkBase, noteCopy, quoteCopy, referenceCopy } from './copy-content.ts';
import type { PageData, StyledReference } from './page-data.ts';
import { articlePassage, readPageText } from './page-text.ts';

const apa: StyledReference = {
  id: 'apa',
  label: 'APA',
  text: 'Lind, A. (2024). Harwick and its railway. The Harwick Courier.',
  html: 'Lind, A. (2024). <i>Harwick and its railway</i>. The Harwick Courier.',
  entry: {},
};
const mla: StyledReference = {
  id: 'mla',
  label: 'MLA',
  text: 'Lind, Ada. “Harwick and Its Railway.” The Harwick Courier, 2024.',
  html: 'Lind, Ada. “Harwick and Its Railway.” <i>The Harwick Courier</i>, 2024.',
  entry: {
    reference: { markdown: 'Lind, Ada. “Harwick and Its Railway.” *The Harwick Courier*, 2024.' },
    inText: { text: ['(Lind', ', ', ')'], html: ['(Lind', ', ', ')'], markdown: ['(Lind', ', ', ')'] },
    pin: ['par.', 'pars.'],
    block: { characters: 321 },
  },
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
    const numeric: StyledReference = {
      id: 'short',
      label: 'Short',
      text: 'Lind 2024.',
      html: 'Lind 2024.',
      entry: {},
    };

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
  it('should cite a passage with the style’s in-text citation and paragraph, its reference, and a text fragment link', () => {
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
      plain: `“town was founded” (Lind, par. 2)\n\n${mla.text}\n\n${url}`,
      markdown: `“town was founded” (Lind, [par. 2](${url}))\n\nLind, Ada. “Harwick and Its Railway.” *The Harwick Courier*, 2024.`,
      html: `<p>“town was founded” (Lind, <a href="${url}">par. 2</a>)</p><p>${mla.html}</p>`,
      quote: 'town was founded',
      paragraphs: [2, 2],
      url,
      style: 'mla',
      content: 'quote',
    });
  });
});

describe('citationStyleOf', () => {
  it('should cite with the title and the paragraph sign when the page offers no style, or a style without its pieces', () => {
    // Act
    const none = citationStyleOf(title, undefined);
    const older = citationStyleOf(title, apa);

    // Assert
    expect(none.inText.text).toEqual(['(Harwick and its railway', ', ', ')']);
    expect(none.pin).toEqual(['¶', '¶¶']);
    expect(none.reference.text).toBe('');
    expect(older.reference.text).toBe(apa.text);
    expect(citationStyleOf(title, mla).pin).toEqual(['par.', 'pars.']);
  });
});

describe('linkBase', () => {
  it('should make links from the canonical address when the page has one, else from the browser’s', () => {
    // Arrange
    const base = { slug: 'h', title, styles: [], defaultStyle: '', bibtex: '', cslJson: '' };

    // Act
    const published = linkBase(
      { ...base, canonical: 'https://example.org/harwick/' },
      'http://127.0.0.1:4173/harwick/',
    );
    const local = linkBase({ ...base, canonical: '' }, 'http://127.0.0.1:4173/harwick/');

    // Assert
    expect([published, local]).toEqual(['https://example.org/harwick/', 'http://127.0.0.1:4173/harwick/']);
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
      'Editor’s note 1 on “was founded in 1642” (Harwick and its railway, ¶ 1): Fact, Supported.\n\n' +
        'The charter says 1642.\n\nSources:\n- Parish records. Charter (https://example.org/charter)\n\n' +
        url,
    );
    expect(copy.markdown).toBe(
      `[Editor’s note 1](${url}) on “was founded in 1642” (*Harwick and its railway*, ¶ 1): Fact, Supported.\n\n` +
        'The charter says *1642*.\n\nSources:\n\n- Parish records. [Charter](https://example.org/charter)',
    );
    expect(copy.html).toBe(
      `<p><a href="${url}">Editor’s note 1</a> on “was founded in 1642” (<cite>Harwick and its railway</cite>, ¶ 1): Fact, Supported.</p>` +
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
    canonical: '',
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
