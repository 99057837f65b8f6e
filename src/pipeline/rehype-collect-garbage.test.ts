import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import rehypeCollectGarbage, { collectGarbage, largeText } from './rehype-collect-garbage.ts';

/** About 16 MB of arrays that nothing holds once `run` returns, then what `run` freed. */
function freedBy(run: () => void): number {
  let garbage: number[][] | undefined = Array.from({ length: 2000 }, (_, index) =>
    Array.from({ length: 1000 }, () => index),
  );
  const before = process.memoryUsage().heapUsed;
  expect(garbage.length).toBe(2000);
  garbage = undefined;
  run();
  return before - process.memoryUsage().heapUsed;
}

describe('collectGarbage', () => {
  it('returns the memory of objects that nothing holds any more', () => {
    expect(freedBy(collectGarbage)).toBeGreaterThan(10_000_000);
  });

  it('can be called again', () => {
    expect(() => {
      collectGarbage();
      collectGarbage();
    }).not.toThrow();
  });
});

describe('rehype-collect-garbage', () => {
  const processor = unified().use(rehypeCollectGarbage);

  it('collects after a long article', () => {
    const file = new VFile({ value: 'a'.repeat(largeText) });
    expect(freedBy(() => void processor.runSync({ type: 'root', children: [] }, file))).toBeGreaterThan(
      10_000_000,
    );
  });

  it('leaves a short article alone', () => {
    const file = new VFile({ value: 'A short article.' });
    expect(freedBy(() => void processor.runSync({ type: 'root', children: [] }, file))).toBeLessThan(
      10_000_000,
    );
  });
});
