/**
 * Notes and references are untrusted: whatever they hold comes out inert in the page.
 */
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { compileFiles } from '../src/build/compile-article.ts';

async function build(claims: string): Promise<Document> {
  const result = await compileFiles(
    { slug: 'x', article: 'x', claims: 'x', format: 'txt' },
    new VFile({ path: 'x.txt', value: 'A harmless sentence.\n' }),
    new VFile({ path: 'x.claims.yaml', value: claims }),
  );
  expect(result.files.flatMap((file) => file.messages.filter((m) => m.fatal)).map(String)).toEqual([]);
  const window = new Window();
  return new window.DOMParser().parseFromString(result.html ?? '', 'text/html') as unknown as Document;
}

describe('untrusted notes', () => {
  it('should render scripts, javascript: links, event handlers and raw HTML inert', async () => {
    // Arrange
    const claims = `source: {title: "<script>alert(1)</script>"}
claims:
  - id: evil
    quote: harmless sentence
    kind: opinion
    note: |
      <script>alert(1)</script> [click](javascript:alert(1)) <img src=x onerror="alert(1)">
      <b onclick="alert(1)">bold</b> <iframe src="https://example.org"></iframe> <a href="javascript:void(0)">raw</a>
      [fine](https://example.org/ok) ![pic](javascript:alert(1))
`;

    // Act
    const document = await build(claims);

    // Assert
    const scripts = [...document.querySelectorAll('script')];
    expect(
      scripts.every((script) => script.getAttribute('src') !== null || script.type === 'application/json'),
    ).toBe(true);
    expect(document.querySelector('iframe, img[onerror], [onclick], [onerror]')).toBeNull();
    const hrefs = [...document.querySelectorAll('[href], [src]')].map(
      (node) => node.getAttribute('href') ?? node.getAttribute('src') ?? '',
    );
    expect(hrefs.filter((href) => /^\s*javascript:/iu.test(href))).toEqual([]);
    expect(document.querySelector('#note-evil a[href="https://example.org/ok"]')?.textContent).toBe('fine');
    expect(document.querySelector('h1')?.textContent).toBe('<script>alert(1)</script>');
  });
});
