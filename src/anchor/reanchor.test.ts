import { describe, expect, it } from 'vitest';
import { reanchorQuotes } from './reanchor.ts';

const blocks = [
  'Sora’s emergence has raised questions about China’s position in the global AI race.',
  'Despite efforts by over fifteen Chinese companies, the gap is real.',
  'ByteDance prioritises maintaining its industry position over pursuing Sora-like technologies.',
  'Still, the gap is real, say analysts.',
];

describe('reanchorQuotes', () => {
  it('should leave a quote that anchors in place', () => {
    const [placement] = reanchorQuotes(blocks, [{ exact: 'raised questions' }]);
    expect(placement).toEqual({ status: 'in-place', span: { block: 0, start: 21, end: 37 } });
  });

  it('should place a quote that differs only by typography at the article’s words', () => {
    const [placement] = reanchorQuotes(blocks, [{ exact: "China's position" }]);
    expect(placement).toMatchObject({
      status: 'placed',
      by: 'typography',
      quote: { exact: 'China’s position' },
    });
  });

  it('should place a quote whose passage was lightly edited, widened to whole words', () => {
    const [placement] = reanchorQuotes(blocks, [
      { exact: 'prioritizes maintaining its industry position over aggressively pursuing' },
    ]);
    expect(placement).toMatchObject({
      status: 'placed',
      by: 'fuzzy',
      quote: { exact: 'prioritises maintaining its industry position over pursuing' },
    });
  });

  it('should drop a context that no longer agrees when the words occur once', () => {
    const [placement] = reanchorQuotes(blocks, [
      { exact: 'Sora-like technologies', prefix: 'aggressively ' },
    ]);
    expect(placement).toEqual({
      status: 'placed',
      by: 'context',
      span: { block: 2, start: 70, end: 92 },
      quote: { exact: 'Sora-like technologies' },
    });
  });

  it('should keep the context that still picks the passage when its new words occur twice', () => {
    const [placement] = reanchorQuotes(blocks, [{ exact: 'the gap is reall', prefix: 'companies, ' }]);
    expect(placement).toMatchObject({
      status: 'placed',
      quote: { exact: 'the gap is real', prefix: 'companies, ' },
    });
  });

  it('should not place a short quote without context by a fuzzy match, nor one that is gone', () => {
    const placements = reanchorQuotes(blocks, [
      { exact: 'over 15 Chinese companies' },
      { exact: 'an entirely different sentence that is not there at all' },
    ]);
    expect(placements.map((placement) => placement.status)).toEqual(['unplaced', 'unplaced']);
  });

  it('should not place a quote found several times with no context to pick one', () => {
    const [placement] = reanchorQuotes(blocks, [{ exact: 'gap is real', prefix: 'the old ' }]);
    expect(placement?.status).toBe('unplaced');
  });

  it('should not place a quote that now crosses a paragraph break', () => {
    const [placement] = reanchorQuotes(blocks, [{ exact: 'AI race. Despite efforts' }]);
    expect(placement?.status).toBe('unplaced');
  });
});
