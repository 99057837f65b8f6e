import { describe, expect, it } from 'vitest';
import { parsePageData, styleFor } from './page-data.ts';

const data = {
  slug: 'sora',
  source: { title: 'Sora and China' },
  citation: {
    default: 'mla',
    styles: {
      apa: { label: 'APA 7', text: 'Sora and China. (n.d.).', html: '<i>Sora and China</i>. (n.d.).' },
      mla: { label: 'MLA 9', text: 'Sora and China.', html: '<i>Sora and China</i>.' },
    },
    bibtex: '@misc{sora}',
    cslJson: '[]',
  },
};

describe('parsePageData', () => {
  it('should read the canonical address, and only an http(s) one', () => {
    // Act
    const published = parsePageData(JSON.stringify({ ...data, canonical: 'https://example.org/sora/' }), 'H');
    const unsafe = parsePageData(JSON.stringify({ ...data, canonical: 'javascript:alert(1)' }), 'H');

    // Assert
    expect([published.canonical, unsafe.canonical]).toEqual(['https://example.org/sora/', '']);
  });

  it('should read the title, the styles in order, the default and the downloads', () => {
    // Act
    const parsed = parsePageData(JSON.stringify(data), 'Heading');

    // Assert
    expect(parsed).toEqual({
      slug: 'sora',
      title: 'Sora and China',
      styles: [
        {
          id: 'apa',
          label: 'APA 7',
          text: 'Sora and China. (n.d.).',
          html: '<i>Sora and China</i>. (n.d.).',
          entry: data.citation.styles.apa,
        },
        {
          id: 'mla',
          label: 'MLA 9',
          text: 'Sora and China.',
          html: '<i>Sora and China</i>.',
          entry: data.citation.styles.mla,
        },
      ],
      defaultStyle: 'mla',
      bibtex: '@misc{sora}',
      cslJson: '[]',
      canonical: '',
    });
  });

  it.each([
    ['no data', null],
    ['broken JSON', '{"slug": '],
    ['an array', '[1, 2]'],
    ['no citation', '{"slug": "sora"}'],
  ])('should still give a title and no styles for %s', (_, json) => {
    // Act
    const parsed = parsePageData(json, 'Heading');

    // Assert
    expect(parsed).toMatchObject({ title: 'Heading', styles: [], defaultStyle: '', bibtex: '', cslJson: '' });
  });

  it('should drop a malformed style and fall back to the first style for an unknown default', () => {
    // Arrange
    const damaged = {
      ...data,
      citation: {
        default: 'chicago',
        styles: { apa: { text: 42, html: '' }, mla: { text: 'Sora.', html: 'Sora.' }, x: 'nonsense' },
      },
    };

    // Act
    const parsed = parsePageData(JSON.stringify(damaged), 'Heading');

    // Assert
    expect(parsed.styles).toEqual([
      { id: 'mla', label: 'mla', text: 'Sora.', html: 'Sora.', entry: { text: 'Sora.', html: 'Sora.' } },
    ]);
    expect(parsed.defaultStyle).toBe('mla');
  });
});

describe('styleFor', () => {
  it('should give the chosen style when the page offers it, and the default otherwise', () => {
    // Arrange
    const parsed = parsePageData(JSON.stringify(data), 'Heading');

    // Act, Assert
    expect(styleFor(parsed, 'apa')?.id).toBe('apa');
    expect(styleFor(parsed, '')?.id).toBe('mla');
    expect(styleFor(parsed, 'vancouver')?.id).toBe('mla');
    expect(styleFor(parsePageData(null, 'Heading'), 'apa')).toBeUndefined();
  });
});
