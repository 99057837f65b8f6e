import { describe, expect, it } from 'vitest';
import { attributionsIn, linksIn, mentions } from './source-mentions.ts';

describe('linksIn', () => {
  it('should find Markdown links, autolinks, definitions and written-out addresses, each once', () => {
    // Arrange
    const note = [
      'See [the report](https://example.org/report "Title") and <https://example.org/auto>.',
      'Also https://example.org/bare, and [again](https://example.org/report).',
      '',
      '[def]: https://example.org/defined',
    ].join('\n');

    // Act
    const links = linksIn(note);

    // Assert
    expect(links).toEqual([
      'https://example.org/report',
      'https://example.org/defined',
      'https://example.org/auto',
      'https://example.org/bare',
    ]);
  });

  it('should ignore links that are not web addresses', () => {
    // Act
    const links = linksIn('[mail](mailto:a@example.org) [bad](javascript:alert(1)) [here](#note-x)');

    // Assert
    expect(links).toEqual([]);
  });
});

describe('attributionsIn', () => {
  it('should find a source named before a word of attribution, in a sentence with a year', () => {
    // Act
    const found = attributionsIn('Caixin reported in May 2024 that firms were cautious. Nothing else.');

    // Assert
    expect(found).toEqual([
      { sentence: 'Caixin reported in May 2024 that firms were cautious.', names: ['Caixin'] },
    ]);
  });

  it('should name the outlet told, not the people who told it', () => {
    // Act
    const found = attributionsIn(
      'People at ByteDance told the Chinese outlet Jiemian in February 2024 that it was a research project.',
    );

    // Assert
    expect(found[0]?.names).toEqual(['Jiemian']);
  });

  it('should read an italicised publication, a "reported by" and an author-date citation', () => {
    // Act
    const italic = attributionsIn('As the *South China Morning Post* reported in February 2024, he joined.');
    const by = attributionsIn('The valuation was US$223.5 billion in 2023, as reported by Reuters.');
    const parenthetical = attributionsIn('Profit nearly doubled (Wall Street Journal, 2023).');

    // Assert
    expect(italic[0]?.names).toEqual(['South China Morning Post']);
    expect(by[0]?.names).toEqual(['Reuters']);
    expect(parenthetical[0]?.names).toEqual(['Wall Street Journal']);
  });

  it('should not take a sentence without a year, a capitalised common word or a thing announced for a source', () => {
    // Act
    const noYear = attributionsIn('Nvidia told investors the rules took effect at once.');
    const noName = attributionsIn('Public reports in 2023 show it doing both.');
    const announced = attributionsIn('OpenAI announced Sora on 15 February 2024.');

    // Assert
    expect(noYear).toEqual([]);
    expect(noName).toEqual([]);
    expect(announced[0]?.names).toEqual(['OpenAI']);
  });

  it('should not cut a sentence after an initial such as "U.S."', () => {
    // Act
    const found = attributionsIn('The U.S. Commerce Department said in 2022 that licences were needed.');

    // Assert
    expect(found).toHaveLength(1);
    expect(found[0]?.names).toEqual(['Commerce Department']);
  });
});

describe('mentions', () => {
  it('should match whole words, ignoring case, a leading "The", emphasis and apostrophes', () => {
    // Assert
    expect(mentions('as The Verge’s report said', 'The Verge')).toBe(true);
    expect(mentions('the *South China Morning Post* said', 'South China Morning Post')).toBe(true);
    expect(mentions('Caixin Global', 'caixin')).toBe(true);
    expect(mentions('Caixin Global', 'Cai')).toBe(false);
    expect(mentions('anything', '')).toBe(false);
  });
});
