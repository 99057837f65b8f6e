import { describe, expect, it } from 'vitest';
import { stackCards } from './note-layout.ts';

describe('stackCards', () => {
  it('should place each card at its anchor when there is room', () => {
    // Arrange
    const boxes = [
      { id: 'a', anchor: 0, height: 100 },
      { id: 'b', anchor: 300, height: 100 },
    ];

    // Act
    const tops = stackCards(boxes, 10);

    // Assert
    expect([...tops]).toEqual([
      ['a', 0],
      ['b', 300],
    ]);
  });

  it('should push a card below the one above it, so that none overlaps', () => {
    // Arrange
    const boxes = [
      { id: 'late', anchor: 50, height: 80 },
      { id: 'early', anchor: 0, height: 120 },
      { id: 'last', anchor: 100, height: 40 },
    ];

    // Act
    const tops = stackCards(boxes, 10);

    // Assert
    expect(tops.get('early')).toBe(0);
    expect(tops.get('late')).toBe(130);
    expect(tops.get('last')).toBe(220);
  });
});
