import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { reviewedPhrase } from './rehype-review.ts';

describe('reviewedPhrase', () => {
  it('should link the reviewer only to an http(s) address', () => {
    // Arrange
    const review = (url: string) => ({ by: 'The desk', date: { 'date-parts': [[2024, 5, 2]] }, url });

    // Act
    const html = (url: string) =>
      toHtml({ type: 'root', children: reviewedPhrase(review(url), { link: true }) ?? [] });

    // Assert
    expect(html('https://example.org/desk')).toContain('<a href="https://example.org/desk"');
    for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', 'not a url']) {
      expect(html(url), url).not.toContain('<a');
      expect(html(url), url).toContain('Reviewed by The desk on');
    }
  });
});
