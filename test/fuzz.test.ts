/**
 * The bounded fuzz run of `npm test`: hostile Markdown, plain text and claims files
 * (`fuzz/hostile.ts`), each built in memory with the default limits and a short time limit,
 * each of which must build or give messages with rule ids, in bounded time. `npm run fuzz`
 * runs the same cases, larger, for as long as it is told.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileCase, runCase, smallScale, type Outcome } from './fuzz/hostile.ts';

/** The build's own time limit for a case; the case's bound leaves room over it. */
const timeMs = 5_000;
const boundMs = 15_000;

describe('fuzz', () => {
  it('should build every hostile case or answer it with messages with rule ids, in bounded time', async () => {
    // Arrange
    const outcomes: Outcome[] = [];

    // Act
    await fc.assert(
      fc.asyncProperty(hostileCase(smallScale), async (hostile) => {
        const outcome = await runCase(hostile, timeMs, boundMs);
        outcomes.push(outcome);
        if (outcome.kind === 'failure') throw new Error(outcome.reason);
      }),
      { numRuns: 150, interruptAfterTimeLimit: 8_000 },
    );

    // Assert: both ways out were taken, so the run tested something.
    expect(outcomes.some((outcome) => outcome.kind === 'built')).toBe(true);
    expect(outcomes.some((outcome) => outcome.kind === 'messages')).toBe(true);
  });
});
