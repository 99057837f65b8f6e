import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { doiUri, isDateTime, isUri, toUri, toWebUri } from './uri.ts';

describe('isUri', () => {
  it.each([
    'https://example.org/',
    'https://user:pw@example.org:8080/a/b;c?x=1&y=%20#frag/?',
    'urn:marginalia:sora',
    'file:///srv/x',
    'http://[2001:db8::1]/',
    'mailto:someone@example.org',
  ])('should accept %s', (value) => {
    // Act + Assert
    expect(isUri(value)).toBe(true);
  });

  it.each([
    'example.org/a',
    '/a/b',
    'https://example.org/a b',
    'https://example.org/é',
    'https://example.org/a#b#c',
    'https://example.org/%zz',
    'https://example.org/[x]',
    '1http://example.org/',
    '',
  ])('should reject %s', (value) => {
    // Act + Assert
    expect(isUri(value)).toBe(false);
  });
});

describe('toUri', () => {
  it('should turn every URL the WHATWG parser accepts into an RFC 3986 URI', () => {
    // Arrange
    const urls = fc.oneof(
      fc.webUrl({ withFragments: true, withQueryParameters: true }),
      fc
        .tuple(
          fc.constantFrom('https://example.org/', 'urn:x:', 'http://h/p?'),
          fc.string({ unit: 'grapheme', maxLength: 20 }),
        )
        .map(([head, tail]) => head + tail),
    );

    // Act + Assert
    fc.assert(
      fc.property(urls, (url) => {
        fc.pre(URL.canParse(url.trim()));
        const uri = toUri(url);
        return uri !== undefined && isUri(uri);
      }),
      { numRuns: 200 },
    );
  });

  it('should encode non-ASCII, spaces, brackets and a second # and keep valid escapes', () => {
    // Act
    const uri = toUri('https://Bücher.example/ä b/[1]?q=é%20x#top#2');

    // Assert
    expect(uri).toBe('https://xn--bcher-kva.example/%C3%A4%20b/%5B1%5D?q=%C3%A9%20x#top%232');
  });

  it('should return undefined for text that is not an absolute IRI', () => {
    // Act + Assert
    expect(toUri('not a url')).toBeUndefined();
    expect(toUri('/relative')).toBeUndefined();
  });
});

describe('toWebUri', () => {
  it('should accept http(s) only', () => {
    // Act + Assert
    expect(toWebUri(' https://example.org/a ')).toBe('https://example.org/a');
    expect(toWebUri('javascript:alert(1)')).toBeUndefined();
    expect(toWebUri('ftp://example.org/a')).toBeUndefined();
  });
});

describe('doiUri', () => {
  it.each([
    ['10.1000/xyz123', 'https://doi.org/10.1000/xyz123'],
    ['doi:10.1000/xyz123', 'https://doi.org/10.1000/xyz123'],
    ['https://dx.doi.org/10.1000/xyz123', 'https://doi.org/10.1000/xyz123'],
    [
      '10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0',
      'https://doi.org/10.1002/(SICI)1097-4571(199806)49%3A8%3C693%3A%3AAID-ASI4%3E3.0.CO%3B2-0',
    ],
  ])('should link %s as %s', (doi, expected) => {
    // Act
    const uri = doiUri(doi);

    // Assert
    expect(uri).toBe(expected);
    expect(isUri(uri ?? '')).toBe(true);
  });

  it('should reject text that is not a DOI', () => {
    // Act + Assert
    expect(doiUri('ISBN 978-3-16-148410-0')).toBeUndefined();
    expect(doiUri('10.1000')).toBeUndefined();
  });
});

describe('isDateTime', () => {
  it.each(['2024-02-20T09:30:00Z', '2024-02-29T23:59:60.5+05:30', '2000-02-29T00:00:00-00:00'])(
    'should accept %s',
    (value) => {
      // Act + Assert
      expect(isDateTime(value)).toBe(true);
    },
  );

  it.each([
    '2024-02-20',
    '2023-02-29T00:00:00Z',
    '2024-13-01T00:00:00Z',
    '2024-04-31T00:00:00Z',
    '2024-02-20T24:00:00Z',
    '2024-02-20T09:30:00',
    '2024-02-20T09:30:00+25:00',
  ])('should reject %s', (value) => {
    // Act + Assert
    expect(isDateTime(value)).toBe(false);
  });
});
