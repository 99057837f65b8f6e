import { unified } from 'unified';
import { VFile } from 'vfile';
import vm from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
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

  it('does nothing, without throwing, where V8 will not expose gc', async () => {
    vi.resetModules();
    const refuse = vi.spyOn(vm, 'runInNewContext').mockImplementation(() => {
      throw new ReferenceError('gc is not defined');
    });
    try {
      const fresh = await import('./rehype-collect-garbage.ts');
      expect(() => fresh.collectGarbage()).not.toThrow();
      expect(refuse).toHaveBeenCalledTimes(1);
      fresh.collectGarbage();
      // Asked once: the answer is kept.
      expect(refuse).toHaveBeenCalledTimes(1);
    } finally {
      refuse.mockRestore();
    }
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
