import { describe, expect, it } from 'vitest';
import { collectGarbage } from './collect-garbage.ts';

describe('collectGarbage', () => {
  it('returns the memory of objects that nothing holds any more', () => {
    let garbage: number[][] | undefined = Array.from({ length: 2000 }, (_, index) =>
      Array.from({ length: 1000 }, () => index),
    );
    const before = process.memoryUsage().heapUsed;
    expect(garbage.length).toBe(2000);
    garbage = undefined;
    collectGarbage();
    // About 16 MB of arrays were let go.
    expect(before - process.memoryUsage().heapUsed).toBeGreaterThan(10_000_000);
  });

  it('can be called again', () => {
    expect(() => {
      collectGarbage();
      collectGarbage();
    }).not.toThrow();
  });
});
