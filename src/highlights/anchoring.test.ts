import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Span } from '../anchor/types.ts';
import {
  anchorHighlight,
  anchorHighlights,
  describeHighlight,
  maxErrorRate,
  type HighlightAnchor,
} from './anchoring.ts';
import { contentHash } from './article-text.ts';

/** The real article, one block per line. */
const article = readFileSync(new URL('../../article/sora-china-ai-video.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '');

/** The span of the `occurrence`-th (0-based) `text` in the blocks. */
function spanOf(blocks: readonly string[], text: string, occurrence = 0): Span {
  let seen = 0;
  for (const [block, content] of blocks.entries()) {
    for (let at = content.indexOf(text); at !== -1; at = content.indexOf(text, at + 1)) {
      if (seen++ === occurrence) return { block, start: at, end: at + text.length };
    }
  }
  throw new Error(`"${text}" not in the blocks`);
}

/** The text an anchor points at. */
function textAt(blocks: readonly string[], anchor: HighlightAnchor): string | undefined {
  return anchor.status === 'orphan'
    ? undefined
    : blocks[anchor.span.block]?.slice(anchor.span.start, anchor.span.end);
}

/** `blocks` with `find` in block `block` replaced by `replace`. */
function edit(blocks: readonly string[], block: number, find: string, replace: string): string[] {
  const copy = [...blocks];
  const text = copy[block] ?? '';
  if (!text.includes(find)) throw new Error(`"${find}" not in block ${block}`);
  copy[block] = text.replace(find, replace);
  return copy;
}

const passage = 'capable of generating minute-long videos with just a simple prompt';

describe('describeHighlight', () => {
  it('should describe a span by its text, 32 characters of context each side, its position and the hash', () => {
    // Arrange
    const span = spanOf(article, passage);

    // Act
    const target = describeHighlight(article, span);

    // Assert
    expect(target.quote).toEqual({
      exact: passage,
      prefix: 'y.\n\nThis innovative technology, ',
      suffix: ', marks a significant leap forwa',
    });
    expect(article.join('\n\n').slice(target.position.start, target.position.end)).toBe(passage);
    expect(target.contentHash).toBe(contentHash(article));
  });

  it('should leave white space at the ends of the span out of the quote', () => {
    // Arrange
    const blocks = ['One two  three four.'];

    // Act
    const target = describeHighlight(blocks, { block: 0, start: 3, end: 9 });

    // Assert
    expect(target.quote).toMatchObject({ exact: 'two', prefix: 'One ', suffix: '  three four.' });
    expect(target.position).toEqual({ start: 4, end: 7 });
  });

  it('should refuse a span of white space only', () => {
    // Act / Assert
    expect(() => describeHighlight(['One  two'], { block: 0, start: 3, end: 5 })).toThrow(RangeError);
  });
});

describe('anchorHighlight', () => {
  it('should place a highlight at its saved position while the text is unchanged', () => {
    // Arrange
    const span = spanOf(article, passage);
    const target = describeHighlight(article, span);

    // Act
    const anchor = anchorHighlight(article, target);

    // Assert
    expect(anchor).toEqual({ status: 'exact', span, score: 1 });
  });

  it('should not trust a matching hash when the text at the position is not the quote', () => {
    // Arrange: a highlight whose position was saved wrong, with the current hash
    const target = describeHighlight(article, spanOf(article, passage));
    target.position = { start: target.position.start + 5, end: target.position.end + 5 };

    // Act
    const anchor = anchorHighlight(article, target);

    // Assert: found by its quote, and reported as somewhere else than saved
    expect(anchor.status).toBe('moved');
    expect(textAt(article, anchor)).toBe(passage);
  });

  it('should find a highlight after words are inserted before it, in an earlier paragraph and its own', () => {
    // Arrange
    const target = describeHighlight(article, spanOf(article, passage));
    let edited = edit(article, 0, 'China in the realm', 'Long ago, China in the vast realm');
    edited = edit(edited, 1, 'This innovative technology,', 'This truly innovative new technology,');

    // Act
    const anchor = anchorHighlight(edited, target);

    // Assert
    expect(anchor).toMatchObject({ status: 'moved', score: 1 });
    expect(textAt(edited, anchor)).toBe(passage);
  });

  it('should find a highlight after words are inserted right after it', () => {
    // Arrange
    const target = describeHighlight(article, spanOf(article, passage));
    const edited = edit(article, 1, `${passage}, marks`, `${passage} typed by a user, clearly marks`);

    // Act
    const anchor = anchorHighlight(edited, target);

    // Assert: same text, same place: only what follows changed
    expect(anchor).toMatchObject({ status: 'exact', score: 1 });
    expect(textAt(edited, anchor)).toBe(passage);
  });

  it('should find a highlight fuzzily after words are inserted inside it', () => {
    // Arrange
    const target = describeHighlight(article, spanOf(article, passage));
    const changed = 'capable of generating realistic minute-long videos with just a simple prompt';
    const edited = edit(article, 1, passage, changed);

    // Act
    const anchor = anchorHighlight(edited, target);

    // Assert
    expect(anchor.status).toBe('fuzzy');
    expect(textAt(edited, anchor)).toBe(changed);
    expect(anchor).toMatchObject({ score: 1 - 'realistic '.length / passage.length });
  });

  it('should find a highlight after words are inserted before, inside and after it at once', () => {
    // Arrange
    const target = describeHighlight(article, spanOf(article, passage));
    const changed = 'capable of generating minute-long HD videos with just a simple prompt';
    const edited = edit(
      article,
      1,
      `innovative technology, ${passage}, marks`,
      `innovative (and costly) technology, ${changed} written by anyone, marks`,
    );

    // Act
    const anchor = anchorHighlight(edited, target);

    // Assert
    expect(anchor.status).toBe('fuzzy');
    expect(textAt(edited, anchor)).toBe(changed);
  });

  it('should still find highlights after the paragraph before them is removed', () => {
    // Arrange
    const quote = 'they still lag behind Sora in terms of efficiency';
    const target = describeHighlight(article, spanOf(article, quote));
    const edited = article.filter((_, index) => index !== 3);

    // Act
    const anchor = anchorHighlight(edited, target);

    // Assert
    expect(anchor.status).toBe('moved');
    expect(anchor).toMatchObject({ span: { block: 3 } });
    expect(textAt(edited, anchor)).toBe(quote);
  });

  it('should make an orphan of a highlight whose paragraph was removed', () => {
    // Arrange
    const target = describeHighlight(
      article,
      spanOf(article, 'including tech giants like Baidu, Alibaba, and Tencent'),
    );
    const edited = article.filter((_, index) => index !== 3);

    // Act
    const anchor = anchorHighlight(edited, target);

    // Assert
    expect(anchor).toEqual({ status: 'orphan' });
  });

  it('should make an orphan of a highlight whose text was deleted, though the rest of its paragraph stays', () => {
    // Arrange
    const target = describeHighlight(article, spanOf(article, passage));
    const edited = edit(article, 1, `${passage}, `, '');

    // Act
    const anchor = anchorHighlight(edited, target);

    // Assert
    expect(anchor).toEqual({ status: 'orphan' });
  });

  it('should bring a highlight back when its words occur once, however the text around them was rewritten', () => {
    // Arrange: every word within the 32 characters of context on both sides rewritten
    const quote = 'minute-long videos';
    const target = describeHighlight(article, spanOf(article, quote));
    const edited = edit(
      article,
      1,
      `generating ${quote} with just a simple`,
      `making whole ${quote} from only one short`,
    );

    // Act
    const anchor = anchorHighlight(edited, target);

    // Assert
    expect(anchor).toMatchObject({ status: 'moved', score: 1 });
    expect(textAt(edited, anchor)).toBe(quote);
  });

  it('should bring a short highlight back at the one place its word is left when its paragraph was removed', () => {
    // Arrange: "Nvidia" in the paragraph about chips, and once more elsewhere
    const blocks = [...article, 'Investors keep buying Nvidia shares whatever happens.'];
    const target = describeHighlight(blocks, spanOf(blocks, 'Nvidia'));
    const chips = blocks.findIndex((block) => block.includes('supplied by Nvidia'));
    const edited = blocks.filter((_, index) => index !== chips);

    // Act
    const anchor = anchorHighlight(edited, target);

    // Assert: the reader's words are still there, once: the highlight comes back (the price of
    // never losing a highlight whose words survive; see comparison.ts)
    expect(anchor).toMatchObject({ status: 'moved', span: { block: edited.length - 1 } });
    expect(textAt(edited, anchor)).toBe('Nvidia');
  });

  it('should make an orphan of a short highlight whose paragraph was removed, though its word is left twice elsewhere', () => {
    // Arrange: "Nvidia" in the paragraph about chips; the word also stands in two other paragraphs
    const blocks = [
      ...article,
      'Investors keep buying Nvidia shares whatever happens.',
      'Nvidia said nothing.',
    ];
    const target = describeHighlight(blocks, spanOf(blocks, 'Nvidia'));
    const chips = blocks.findIndex((block) => block.includes('supplied by Nvidia'));
    const edited = blocks.filter((_, index) => index !== chips);

    // Act
    const anchor = anchorHighlight(edited, target);

    // Assert: the other "Nvidia" has none of its context
    expect(anchor).toEqual({ status: 'orphan' });
  });

  it('should make an orphan of a highlight whose text changed by more than the allowed errors', () => {
    // Arrange: a quarter of the quote rewritten
    const quote = 'marks a significant leap forward in AI capabilities';
    const target = describeHighlight(article, spanOf(article, quote));
    const edited = edit(article, 1, quote, 'marks a significant step up in video capabilities');

    // Act
    const anchor = anchorHighlight(edited, target);

    // Assert
    expect(1 - 14 / quote.length).toBeLessThan(1 - maxErrorRate);
    expect(anchor).toEqual({ status: 'orphan' });
  });

  it('should pick the occurrence of a repeated passage that its prefix and suffix name', () => {
    // Arrange: the paragraphs swapped, so the saved position is nearer the other occurrence
    const blocks = [
      'The committee said: prices will rise next year. Nobody believed it.',
      'A year later the minister repeated it: prices will rise next year. Everybody laughed.',
    ];
    const target = describeHighlight(blocks, spanOf(blocks, 'prices will rise next year', 1));
    const edited = [blocks[1] ?? '', blocks[0] ?? ''];

    // Act
    const anchor = anchorHighlight(edited, target);

    // Assert
    expect(anchor).toEqual({ status: 'moved', span: { block: 0, start: 39, end: 65 }, score: 1 });
  });

  it('should pick the occurrence of a repeated passage whose context is closest when both contexts were edited', () => {
    // Arrange: both contexts edited, and the paragraphs swapped
    const blocks = [
      'The committee said that prices will rise next year, and nobody believed it at all.',
      'A year later the minister repeated that prices will rise next year, and everybody laughed out loud.',
    ];
    const target = describeHighlight(blocks, spanOf(blocks, 'prices will rise next year', 1));
    const edited = [
      'A year later the prime minister repeated that prices will rise next year, and everybody laughed.',
      'The committee said firmly that prices will rise next year, and nobody at all believed it.',
    ];

    // Act
    const anchor = anchorHighlight(edited, target);

    // Assert
    expect(anchor.status).toBe('moved');
    expect(anchor).toMatchObject({ span: { block: 0 } });
    expect(textAt(edited, anchor)).toBe('prices will rise next year');
  });

  it('should pick the occurrence nearest the saved position when the repeated passages share their context', () => {
    // Arrange
    const blocks = ['Same words here.', 'Same words here.', 'Same words here.'];
    const target = describeHighlight(blocks, { block: 1, start: 0, end: 10 });
    target.contentHash = '';

    // Act
    const anchor = anchorHighlight(blocks, target);

    // Assert
    expect(anchor).toEqual({ status: 'exact', span: { block: 1, start: 0, end: 10 }, score: 1 });
  });

  it('should anchor many highlights in one call, each on its own', () => {
    // Arrange
    const quotes = ['groundbreaking video creation software', 'Baidu, Alibaba, and Tencent', 'Nvidia'];
    const targets = quotes.map((quote) => describeHighlight(article, spanOf(article, quote)));
    const edited = edit(article, 0, 'groundbreaking video', 'groundbreaking AI video');

    // Act
    const anchors = anchorHighlights(edited, targets);

    // Assert
    expect(anchors.map((anchor) => anchor.status)).toEqual(['fuzzy', 'moved', 'moved']);
    expect(anchors.map((anchor) => textAt(edited, anchor))).toEqual([
      'groundbreaking AI video creation software',
      'Baidu, Alibaba, and Tencent',
      'Nvidia',
    ]);
  });

  it('should find a highlight again when only white space changed', () => {
    // Arrange
    const blocks = ['Alpha beta gamma delta epsilon.'];
    const target = describeHighlight(blocks, spanOf(blocks, 'beta gamma delta'));
    const edited = ['Alpha  beta\ngamma delta epsilon.'];

    // Act
    const anchor = anchorHighlight(edited, target);

    // Assert
    expect(anchor).toEqual({ status: 'moved', span: { block: 0, start: 7, end: 23 }, score: 1 });
  });
});
