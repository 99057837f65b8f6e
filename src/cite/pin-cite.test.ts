import { describe, expect, it } from 'vitest';
import { pinCite } from './pin-cite.ts';

describe('pinCite', () => {
  it.each<[readonly [string, string], string, string]>([
    [['¶', '¶¶'], '¶ 3', '¶¶ 3–5'],
    [['para.', 'paras.'], 'para. 3', 'paras. 3–5'],
    [['par.', 'pars.'], 'par. 3', 'pars. 3–5'],
  ])('should write one paragraph and a range with the labels %j', (form, one, range) => {
    // Act
    const single = pinCite(3, 3, form);
    const several = pinCite(3, 5, form);

    // Assert
    expect([single, several]).toEqual([one, range]);
  });

  it('should use the pilcrow and a single paragraph by default', () => {
    // Act
    const pin = pinCite(12);

    // Assert
    expect(pin).toBe('¶ 12');
  });

  it('should reject numbers that are not a range of paragraphs', () => {
    // Arrange
    const attempts = [
      () => pinCite(0),
      () => pinCite(5, 3),
      () => pinCite(2.5),
      () => pinCite(1, Number.NaN),
    ];

    // Assert
    for (const attempt of attempts) expect(attempt).toThrow(RangeError);
  });
});
