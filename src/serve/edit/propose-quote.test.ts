import { describe, expect, it } from 'vitest';
import { anchorQuotes } from '../../anchor/index.ts';
import { blocksOf } from './article-blocks.ts';
import { proposeId, proposeQuote } from './propose-quote.ts';

const text = `A heading
Prices rose sharply in May, and prices rose again in June.
Prices rose once more in a   long, loose line.
`;

describe('proposeQuote', () => {
  it('should give the words exactly as the article has them, with no context when they are unique', async () => {
    // Arrange
    const blocks = await blocksOf(text, 'txt');

    // Act
    const answer = proposeQuote(
      blocks,
      { slug: 's', block: 'p-2', exact: 'long, loo', before: 'Prices rose once more in a long, ' },
      [],
    );

    // Assert
    expect(blocks.ids).toEqual(['h-1', 'p-1', 'p-2']);
    expect(answer).toEqual({ quote: 'long, loose', id: 'long-loose' });
  });

  it('should add the shortest prefix or suffix that picks the selected occurrence', async () => {
    // Arrange
    const blocks = await blocksOf(text, 'txt');

    // Act
    const second = proposeQuote(
      blocks,
      { slug: 's', block: 'p-1', exact: 'prices rose', before: 'Prices rose sharply in May, and ' },
      [],
    );
    const third = proposeQuote(blocks, { slug: 's', block: 'p-2', exact: 'Prices rose', before: '' }, []);

    // Assert
    expect(second).toMatchObject({ quote: 'prices rose' });
    expect(third).toMatchObject({ quote: 'Prices rose' });
    for (const answer of [second, third]) {
      const [result] = anchorQuotes(blocks.texts, [
        {
          exact: answer.quote,
          ...(answer.prefix ? { prefix: answer.prefix } : {}),
          ...(answer.suffix ? { suffix: answer.suffix } : {}),
        },
      ]);
      expect(result?.status).toBe('found');
    }
    expect((third.prefix ?? third.suffix ?? '').length).toBeGreaterThan(0);
  });

  it('should refuse words that are not in the block', async () => {
    // Arrange
    const blocks = await blocksOf(text, 'txt');

    // Act
    const attempt = () =>
      proposeQuote(blocks, { slug: 's', block: 'p-1', exact: 'in a long', before: '' }, []);

    // Assert
    expect(attempt).toThrow('not in the article as it is now');
  });
});

describe('proposeId', () => {
  it('should make an unused id of a few meaningful words', () => {
    // Arrange
    const quote = 'The Économie of the “Big Fund” is 47 billion';

    // Act
    const id = proposeId(quote, ['economie-big-fund-47']);

    // Assert
    expect(id).toBe('economie-big-fund-47-2');
    expect(proposeId('!!!', [])).toBe('claim');
  });
});
