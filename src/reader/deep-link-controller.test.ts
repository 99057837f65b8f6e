import { describe, expect, it } from 'vitest';
import { addressFor, parseHash } from './deep-link-controller.ts';

describe('parseHash', () => {
  it('should read a note link', () => {
    // Arrange
    const hash = '#note-minute-long-videos';

    // Act
    const link = parseHash(hash);

    // Assert
    expect(link).toEqual({ type: 'note', claimId: 'minute-long-videos' });
  });

  it('should read a paragraph link', () => {
    // Arrange
    const hash = '#p-12';

    // Act
    const link = parseHash(hash);

    // Assert
    expect(link).toEqual({ type: 'paragraph', id: 'p-12' });
  });

  it.each(['', '#', '#note-', '#p-x', '#ref-openai', '#%E0%A4%A'])(
    'should leave %j to the browser',
    (hash) => {
      // Arrange, Act
      const link = parseHash(hash);

      // Assert
      expect(link).toBeUndefined();
    },
  );
});

describe('addressFor', () => {
  it('should put the open note in the hash, and drop it when none is open', () => {
    // Arrange
    const location = { pathname: '/sora/', search: '?x=1' };

    // Act
    const open = addressFor(location, 'a b');
    const closed = addressFor(location, undefined);

    // Assert
    expect(open).toBe('/sora/?x=1#note-a%20b');
    expect(closed).toBe('/sora/?x=1');
  });
});
