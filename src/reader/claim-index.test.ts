// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimsOfMark, firstWords, readClaims, tokens } from './claim-index.ts';

const fixture = readFileSync(
  path.join(import.meta.dirname, '../../test/browser/fixtures/harwick.html'),
  'utf8',
);

function loadFixture(): HTMLElement {
  document.body.innerHTML = fixture.slice(fixture.indexOf('<marginalia-reader>'), fixture.indexOf('</body>'));
  return document.querySelector('marginalia-reader') as HTMLElement;
}

describe('readClaims', () => {
  it('should list every note as a claim, in note order', () => {
    // Arrange
    const root = loadFixture();

    // Act
    const claims = readClaims(root);

    // Assert
    expect(claims.map((claim) => [claim.id, claim.number])).toEqual([
      ['founded', 1],
      ['population', 2],
      ['growth', 3],
      ['finest-bridge', 4],
      ['forecast', 5],
    ]);
  });

  it('should read kind, verdict, their labels and the paragraph from the note', () => {
    // Arrange
    const root = loadFixture();

    // Act
    const growth = readClaims(root).find((claim) => claim.id === 'growth');

    // Assert
    expect(growth).toMatchObject({
      kind: 'causal',
      verdict: 'misleading',
      kindLabel: 'Causal claim',
      verdictLabel: 'Misleading',
      paragraph: 1,
    });
  });

  it('should collect every segment of a claim, across overlaps and inline markup', () => {
    // Arrange
    const root = loadFixture();

    // Act
    const claims = new Map(readClaims(root).map((claim) => [claim.id, claim]));

    // Assert
    const text = (id: string) =>
      claims
        .get(id)
        ?.marks.map((mark) => mark.textContent)
        .join('');
    expect(text('population')).toBe('its population doubled');
    expect(text('growth')).toBe('doubled after the railway arrived in 1851');
    expect(text('finest-bridge')).toBe('the finest stone bridge in the whole county');
  });

  it('should keep a claim whose marks are missing, with no marks', () => {
    // Arrange
    const root = loadFixture();
    root.querySelector('mark[data-claims="forecast"]')?.remove();

    // Act
    const forecast = readClaims(root).find((claim) => claim.id === 'forecast');

    // Assert
    expect(forecast?.marks).toEqual([]);
    expect(forecast?.excerpt).toBe('will double again by 2040');
  });

  it('should name the claims of an overlapping segment in its order', () => {
    // Arrange
    const root = loadFixture();
    const byId = new Map(readClaims(root).map((claim) => [claim.id, claim]));
    const overlap = root.querySelector('mark[data-claims="population growth"]') as Element;

    // Act
    const claims = claimsOfMark(overlap, byId);

    // Assert
    expect(claims.map((claim) => claim.id)).toEqual(['population', 'growth']);
  });
});

describe('firstWords', () => {
  it('should keep short text whole and cut long text with an ellipsis', () => {
    // Arrange
    const long = 'one two three four five six seven eight nine ten eleven';

    // Act
    const cut = firstWords(long, 4);

    // Assert
    expect(cut).toBe('one two three four…');
    expect(firstWords('  a   short   quote ')).toBe('a short quote');
  });
});

describe('tokens', () => {
  it('should split on any white space and drop empty tokens', () => {
    // Arrange
    const value = ' a  b\tc ';

    // Act
    const list = tokens(value);

    // Assert
    expect(list).toEqual(['a', 'b', 'c']);
    expect(tokens(null)).toEqual([]);
  });
});
