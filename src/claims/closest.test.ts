import { describe, expect, it } from 'vitest';
import { closest, editDistance } from './closest.ts';
import { claimKinds, verdicts } from './types.ts';

describe('closest', () => {
  const cases: Array<{ value: string; candidates: readonly string[]; expected: string | undefined }> = [
    { value: 'statistics', candidates: claimKinds, expected: 'statistic' },
    { value: 'Fact', candidates: claimKinds, expected: 'fact' },
    { value: 'causation', candidates: claimKinds, expected: 'causal' },
    { value: 'recommend', candidates: claimKinds, expected: 'recommendation' },
    { value: 'predicton', candidates: claimKinds, expected: 'prediction' },
    { value: 'opnion', candidates: claimKinds, expected: 'opinion' },
    { value: 'claim', candidates: claimKinds, expected: undefined },
    { value: 'partly supported', candidates: verdicts, expected: 'partly-supported' },
    { value: 'partially-supported', candidates: verdicts, expected: 'partly-supported' },
    { value: 'true', candidates: verdicts, expected: undefined },
    { value: 'qoute', candidates: ['id', 'quote', 'note'], expected: 'quote' },
    { value: 'url', candidates: ['URL', 'DOI'], expected: 'URL' },
    { value: 'archive-location', candidates: ['archive', 'archive_location'], expected: 'archive_location' },
    { value: '', candidates: claimKinds, expected: undefined },
    { value: 'x'.repeat(5000), candidates: ['x'], expected: undefined },
  ];

  it.each(cases)('should suggest $expected for "$value"', ({ value, candidates, expected }) => {
    // Act
    const suggestion = closest(value, candidates);

    // Assert
    expect(suggestion).toBe(expected);
  });

  it('should count a swap of neighbouring letters as one edit', () => {
    // Act
    const distances = [
      editDistance('qoute', 'quote'),
      editDistance('kitten', 'sitting'),
      editDistance('', 'abc'),
    ];

    // Assert
    expect(distances).toEqual([1, 3, 3]);
  });
});
