import { describe, expect, it } from 'vitest';
import { pinCite, pinFormFor, type PinForm } from './pin-cite.ts';

describe('pinCite', () => {
  it.each<[PinForm, string, string]>([
    ['pilcrow', '¶ 3', '¶¶ 3–5'],
    ['para.', 'para. 3', 'paras. 3–5'],
    ['par.', 'par. 3', 'pars. 3–5'],
  ])('should write one paragraph and a range in the %s form', (form, one, range) => {
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

describe('pinFormFor', () => {
  it('should give each built-in style its own form and others the pilcrow', () => {
    // Arrange
    const styles = ['apa', 'mla', 'chicago-author-date', 'harvard1', 'constructor'];

    // Act
    const forms = styles.map(pinFormFor);

    // Assert
    expect(forms).toEqual(['para.', 'par.', 'para.', 'pilcrow', 'pilcrow']);
  });
});
