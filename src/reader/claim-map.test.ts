// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { ReaderClaim } from './claim-index.ts';
import { groupTicks } from './claim-map.ts';

describe('groupTicks', () => {
  const claims = (count: number): ReaderClaim[] =>
    Array.from({ length: count }, (_, index) => ({ id: `c${index + 1}`, number: index + 1 }) as ReaderClaim);
  const ids = (ticks: ReturnType<typeof groupTicks>) =>
    ticks.map((tick) => tick.claims.map((claim) => claim.id));

  it('should give each claim a tick of its own when there are no more than the most', () => {
    // Arrange
    const list = claims(3);

    // Act
    const ticks = groupTicks(list, [0.5, undefined, 0.1], 3);

    // Assert
    expect(ids(ticks)).toEqual([['c1'], ['c2'], ['c3']]);
    expect(ticks.map((tick) => tick.top)).toEqual([0.5, undefined, 0.1]);
  });

  it('should group more claims than the most by stretch of the article, in order, leaving out unplaced ones', () => {
    // Arrange
    const list = claims(6);

    // Act
    const ticks = groupTicks(list, [0.9, 0.05, 0.3, undefined, 0.95, 1], 4);

    // Assert
    expect(ids(ticks)).toEqual([['c2'], ['c3'], ['c1', 'c5', 'c6']]);
    expect(ticks.map((tick) => tick.top)).toEqual([0.05, 0.3, 0.9]);
  });
});
