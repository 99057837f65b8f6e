import { describe, expect, it } from 'vitest';
import { parseSettings, stepTextSize } from './settings-controller.ts';

describe('parseSettings', () => {
  it('should read every valid field', () => {
    // Arrange
    const stored = {
      highlights: false,
      markStyle: 'strong',
      theme: 'dark',
      textSize: 125,
      citationStyle: 'mla',
      copyFormat: 'markdown',
    };
    const raw = JSON.stringify(stored);

    // Act
    const settings = parseSettings(raw);

    // Assert
    expect(settings).toEqual(stored);
  });

  it.each([
    ['nothing stored', null],
    ['broken JSON', '{"highlights": fal'],
    ['a JSON string', '"dark"'],
    ['a JSON array', '[true, "dark", 125]'],
    ['JSON null', 'null'],
  ])('should ignore %s', (_, raw) => {
    // Arrange, Act
    const settings = parseSettings(raw);

    // Assert
    expect(settings).toEqual({});
  });

  it('should drop invalid fields and keep the valid ones', () => {
    // Arrange
    const raw = JSON.stringify({ highlights: 'no', markStyle: 'loud', theme: 'sepia', textSize: 125 });

    // Act
    const settings = parseSettings(raw);

    // Assert
    expect(settings).toEqual({ textSize: 125 });
  });

  it('should drop a copy format that is not offered and a citation style that is not a short string', () => {
    // Arrange
    const raw = JSON.stringify({ copyFormat: 'rtf', citationStyle: 'x'.repeat(201) });
    const numbered = JSON.stringify({ copyFormat: 'plain', citationStyle: 7 });

    // Act
    const settings = parseSettings(raw);

    // Assert
    expect(settings).toEqual({});
    expect(parseSettings(numbered)).toEqual({ copyFormat: 'plain' });
  });

  it('should refuse a text size that is not offered', () => {
    // Arrange
    const raw = JSON.stringify({ textSize: 1000 });

    // Act
    const settings = parseSettings(raw);

    // Assert
    expect(settings).toEqual({});
  });
});

describe('stepTextSize', () => {
  it('should step through the offered sizes and stop at both ends', () => {
    // Arrange
    const start = 100;

    // Act
    const up = stepTextSize(start, 1);
    const down = stepTextSize(start, -1);

    // Assert
    expect(up).toBe(112.5);
    expect(down).toBe(87.5);
    expect(stepTextSize(150, 1)).toBe(150);
    expect(stepTextSize(87.5, -1)).toBe(87.5);
  });
});
