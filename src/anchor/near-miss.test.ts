import { describe, expect, it } from 'vitest';
import { anchorQuotes } from './match.ts';
import { nearMissFinder } from './near-miss.ts';
import { describeCharacters, foldTypography } from './typography.ts';

/** The near miss of `quote` in `blocks`, after checking that the quote does not anchor. */
function explain(blocks: string[], quote: string, context: { prefix?: string; suffix?: string } = {}) {
  const [result] = anchorQuotes(blocks, [{ exact: quote, ...context }]);
  expect(result?.status).not.toBe('found');
  return nearMissFinder(blocks)({ exact: quote, ...context });
}

describe('nearMissFinder', () => {
  it('should name straight double quotes where the article has curly ones', () => {
    const nearMiss = explain(['He called it “a leap” in public.'], 'called it "a leap" in');
    expect(nearMiss).toMatchObject({
      kind: 'typography',
      passage: 'called it “a leap” in',
      differences: [
        { kind: 'quotation marks', article: '“', quote: '"' },
        { kind: 'quotation marks', article: '”', quote: '"' },
      ],
    });
  });

  it('should name a straight apostrophe where the article has a curly one', () => {
    const nearMiss = explain(['Sora’s capabilities highlight a gap.'], "Sora's capabilities");
    expect(nearMiss).toMatchObject({
      kind: 'typography',
      span: { block: 0, start: 0, end: 19 },
      differences: [{ kind: 'apostrophes', article: '’', quote: "'" }],
    });
  });

  it('should name a hyphen where the article has an en dash, an em dash or a minus sign', () => {
    const nearMiss = explain(['Prices rose 10–20 % — or −3 °C.'], 'rose 10-20 % - or -3');
    expect(nearMiss?.kind === 'typography' && nearMiss.differences.map((d) => d.article)).toEqual([
      '–',
      '—',
      '−',
    ]);
  });

  it('should find a quote whose spaces are NBSP where the article has spaces, without help: white space matches loosely', () => {
    const [result] = anchorQuotes(['It costs 100 euros a month.'], [{ exact: 'costs\u00a0100\u202feuros' }]);
    expect(result?.status).toBe('found');
  });

  it('should name a letter composed differently (NFC in the article, NFD in the quote)', () => {
    const nearMiss = explain(['The caf\u00e9 opened.'], 'The cafe\u0301 opened');
    expect(nearMiss).toMatchObject({
      kind: 'typography',
      differences: [{ kind: 'Unicode normalisation', article: '\u00e9', quote: 'e\u0301' }],
    });
  });

  it('should name a soft hyphen that the article has and the quote lacks', () => {
    const nearMiss = explain(['A co\u00adoperative effort.'], 'A cooperative effort');
    expect(nearMiss).toMatchObject({
      kind: 'typography',
      passage: 'A co\u00adoperative effort',
      differences: [{ kind: 'invisible characters', article: '\u00ad', quote: '' }],
    });
  });

  it('should name a zero-width space inside a word of the quote', () => {
    const nearMiss = explain(['Chinese tech giants face pressure.'], 'tech gi\u200bants face');
    expect(nearMiss).toMatchObject({
      kind: 'typography',
      differences: [{ kind: 'invisible characters', article: '', quote: '\u200b' }],
    });
  });

  it('should name three full stops where the article has an ellipsis', () => {
    const nearMiss = explain(['And then… nothing.'], 'then... nothing');
    expect(nearMiss).toMatchObject({ differences: [{ kind: 'ellipses', article: '…', quote: '...' }] });
  });

  it('should recognise a quote copied with its Markdown link syntax and emphasis', () => {
    const nearMiss = explain(
      ['OpenAI’s report on Sora is out.'],
      'OpenAI’s [report on *Sora*](https://openai.com/sora) is out',
    );
    expect(nearMiss).toMatchObject({
      kind: 'markdown',
      passage: 'OpenAI’s report on Sora is out',
      syntax: ['a link’s [text](address)', 'emphasis (*…* or _…_)'],
    });
  });

  it('should say which blocks a quote crossing a paragraph break runs across', () => {
    const nearMiss = explain(
      ['The first paragraph ends here.', 'The second begins.'],
      'ends here. The second',
    );
    expect(nearMiss).toEqual({
      kind: 'paragraph-break',
      spans: [
        { block: 0, start: 20, end: 30 },
        { block: 1, start: 0, end: 10 },
      ],
      passages: ['ends here.', 'The second'],
    });
  });

  it('should let the prefix pick among folded occurrences', () => {
    const blocks = ['First, Sora’s demo.', 'Then, Sora’s demo.'];
    const nearMiss = explain(blocks, "Sora's demo", { prefix: 'Then, ' });
    expect(nearMiss).toMatchObject({ kind: 'typography', span: { block: 1, start: 6 } });
  });

  it('should explain nothing when the quote is simply not there', () => {
    expect(explain(['Nothing alike here.'], 'a different sentence')).toBeUndefined();
  });

  it('should not overflow the stack on a quote nested deep in Markdown', () => {
    const deep = `${'> '.repeat(5000)}*x*`;
    expect(() => explain(['Some text.'], deep)).not.toThrow();
  });
});

describe('typography', () => {
  it('should keep each folded character’s raw range', () => {
    const fold = foldTypography('  a\u00ad…  b ');
    expect(fold.text).toBe('a... b');
    expect([...fold.rawStart]).toEqual([2, 4, 4, 4, 5, 7]);
    expect([...fold.rawEnd]).toEqual([3, 5, 5, 5, 7, 8]);
  });

  it('should show characters by code point, naming the ones that cannot be seen', () => {
    expect(describeCharacters('’')).toBe('’ (U+2019)');
    expect(describeCharacters('e\u0301')).toBe('e\u0301 (U+0065 U+0301)');
    expect(describeCharacters('\u200b')).toBe('a zero-width space (U+200B)');
    expect(describeCharacters('...')).toBe('... (three U+002E)');
  });
});
