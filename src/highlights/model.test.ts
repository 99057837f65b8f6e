import { describe, expect, it } from 'vitest';
import {
  colourLabel,
  colourNamed,
  createHighlight,
  isDateTime,
  newHighlightId,
  readHighlight,
} from './model.ts';

const target = {
  quote: { exact: 'minute-long videos', prefix: 'generating ', suffix: ' with' },
  position: { start: 40, end: 58 },
  contentHash: '0a1b2c3d:900',
};

describe('newHighlightId', () => {
  it('should make distinct version 4 UUIDs', () => {
    // Act
    const ids = Array.from({ length: 50 }, newHighlightId);

    // Assert
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('createHighlight', () => {
  it('should copy the target and set both times to now', () => {
    // Act
    const highlight = createHighlight(target, 'blue', 'Why?', new Date('2024-03-01T10:00:00Z'));

    // Assert
    expect(highlight).toMatchObject({
      ...target,
      colour: 'blue',
      note: 'Why?',
      created: '2024-03-01T10:00:00.000Z',
      modified: '2024-03-01T10:00:00.000Z',
    });
    expect(highlight.quote).not.toBe(target.quote);
  });
});

describe('colours', () => {
  it('should name each colour by its id or its label', () => {
    // Act / Assert
    expect(colourLabel('pink')).toBe('Disagree');
    expect(colourNamed(' Question ')).toBe('blue');
    expect(colourNamed('GREEN')).toBe('green');
    expect(colourNamed('purple')).toBeUndefined();
  });
});

describe('readHighlight', () => {
  const stored = createHighlight(target, 'green', '', new Date('2024-03-01T10:00:00Z'));

  it('should read back a highlight, and give an unknown colour the default one', () => {
    // Act
    const same = readHighlight(JSON.parse(JSON.stringify(stored)));
    const purple = readHighlight({ ...stored, colour: 'purple' });

    // Assert
    expect(same).toEqual(stored);
    expect(purple).toEqual({ ...stored, colour: 'yellow' });
  });

  it.each([
    ['not an object', []],
    ['no valid id', { ...stored, id: 'x' }],
    ['no quote', { ...stored, quote: { ...stored.quote, exact: '  ' } }],
    ['no quote context', { ...stored, quote: { exact: 'a' } }],
    ['no valid position', { ...stored, position: { start: 3, end: 2 } }],
    ['no valid position', { ...stored, position: { start: 0.5, end: 2 } }],
    ['no note', { ...stored, note: null }],
    ['no valid dates', { ...stored, modified: '2024-02-30T00:00:00Z' }],
    ['no content hash', { ...stored, contentHash: 1 }],
  ])('should say "%s" of a value that is not a highlight', (reason, value) => {
    // Act / Assert
    expect(readHighlight(value)).toBe(reason);
  });
});

describe('isDateTime', () => {
  it('should accept ISO and RFC 3339 date-times only', () => {
    // Act / Assert
    expect(isDateTime('2024-03-01T10:00:00.000Z')).toBe(true);
    expect(isDateTime('2024-03-01T10:00:00+01:00')).toBe(true);
    expect(isDateTime('2024-03-01')).toBe(false);
    expect(isDateTime('March 1, 2024')).toBe(false);
  });
});
