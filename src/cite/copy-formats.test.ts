import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, formatCopy, safeHref, type CopyInput } from './copy-formats.ts';

const url = 'https://example.org/sora/#p-3:~:text=capable%20of%20generating';

const citation = {
  text: 'Brooks, L. (2024, February 20). Sora makes minute-long videos. The Guardian.',
  html: 'Brooks, L. (2024, February 20). <i>Sora makes minute-long videos</i>. The Guardian.',
};

function input(overrides: Partial<CopyInput> = {}): CopyInput {
  return {
    paragraphs: ['The model is capable of generating videos.'],
    citation,
    pin: '¶ 3',
    url,
    ...overrides,
  };
}

describe('formatCopy', () => {
  it('should write one paragraph in quotation marks, then the citation, the pin cite and the link', () => {
    // Act
    const { plain } = formatCopy(input());

    // Assert
    expect(plain).toBe(
      '“The model is capable of generating videos.” — Brooks, L. (2024, February 20). Sora makes minute-long videos. The Guardian, ¶ 3. https://example.org/sora/#p-3:~:text=capable%20of%20generating',
    );
  });

  it('should open each paragraph of a longer quotation and close only the last', () => {
    // Act
    const { plain } = formatCopy(input({ paragraphs: ['First part.', 'Second part.'], pin: '¶¶ 3–4' }));

    // Assert
    expect(plain).toBe(
      '“First part.\n\n“Second part.”\n\n— Brooks, L. (2024, February 20). Sora makes minute-long videos. The Guardian, ¶¶ 3–4. ' +
        url,
    );
  });

  it('should write Markdown as a blockquote with the pin cite as the link', () => {
    // Act
    const { markdown } = formatCopy(
      input({ paragraphs: ['First part.', 'Second part.'], pin: 'paras. 3–4' }),
    );

    // Assert
    expect(markdown).toBe(
      '> First part.\n>\n> Second part.\n\n— Brooks, L. (2024, February 20). Sora makes minute-long videos. The Guardian, [paras. 3–4](' +
        url +
        ')',
    );
  });

  it('should escape Markdown in the quotation and parentheses in the link', () => {
    // Arrange
    const paragraphs = ['# Not a *heading* or [link](x) <b>', '1. not a list, a_b & &amp; stay text'];

    // Act
    const { markdown } = formatCopy(input({ paragraphs, url: 'https://example.org/wiki/Sora_(model)' }));

    // Assert
    expect(markdown).toBe(
      '> \\# Not a \\*heading\\* or \\[link\\](x) \\<b>\n>\n> 1\\. not a list, a\\_b & \\&amp; stay text\n\n' +
        '— Brooks, L. (2024, February 20). Sora makes minute-long videos. The Guardian, [¶ 3](https://example.org/wiki/Sora_\\(model\\))',
    );
  });

  it('should write HTML as a blockquote citing the passage, then the citation with the pin cite as the link', () => {
    // Act
    const { html } = formatCopy(input({ paragraphs: ['First part.', 'Second part.'], pin: '¶¶ 3–4' }));

    // Assert
    expect(html).toBe(
      `<blockquote cite="${url}"><p>First part.</p><p>Second part.</p></blockquote>` +
        `<p>— Brooks, L. (2024, February 20). <i>Sora makes minute-long videos</i>. The Guardian, <a href="${url}">¶¶ 3–4</a></p>`,
    );
  });

  it('should escape the quotation and the link in HTML', () => {
    // Arrange
    const paragraphs = ['<script>alert("x")</script> & “so on”'];

    // Act
    const { html } = formatCopy(input({ paragraphs, url: 'https://example.org/a?b=1&c="2"' }));

    // Assert
    expect(html).toBe(
      '<blockquote cite="https://example.org/a?b=1&#38;c=%222%22"><p>&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; “so on”</p></blockquote>' +
        '<p>— Brooks, L. (2024, February 20). <i>Sora makes minute-long videos</i>. The Guardian, <a href="https://example.org/a?b=1&#38;c=%222%22">¶ 3</a></p>',
    );
  });

  it.each(['javascript:alert(1)', 'data:text/html,<b>x</b>', 'not a url', ''])(
    'should leave out a link to %s',
    (unsafe) => {
      // Act
      const copy = formatCopy(input({ url: unsafe }));

      // Assert
      expect(copy).toEqual({
        plain:
          '“The model is capable of generating videos.” — Brooks, L. (2024, February 20). Sora makes minute-long videos. The Guardian, ¶ 3.',
        markdown:
          '> The model is capable of generating videos.\n\n— Brooks, L. (2024, February 20). Sora makes minute-long videos. The Guardian, ¶ 3',
        html:
          '<blockquote><p>The model is capable of generating videos.</p></blockquote>' +
          '<p>— Brooks, L. (2024, February 20). <i>Sora makes minute-long videos</i>. The Guardian, ¶ 3</p>',
      });
    },
  );

  it('should keep a citation that ends in a link or markup, and link the URL when there is no pin cite', () => {
    // Arrange
    const linked = {
      text: 'OpenAI. (2024). Sora. https://openai.com/sora',
      html: 'OpenAI. (2024). <i>Sora</i>. <a href="https://openai.com/sora">https://openai.com/sora</a>',
    };

    // Act
    const copy = formatCopy(input({ citation: linked, pin: '' }));

    // Assert
    expect(copy).toEqual({
      plain: `“The model is capable of generating videos.” — OpenAI. (2024). Sora. https://openai.com/sora. ${url}`,
      markdown: `> The model is capable of generating videos.\n\n— OpenAI. (2024). Sora. https://openai.com/sora, <${url}>`,
      html:
        `<blockquote cite="${url}"><p>The model is capable of generating videos.</p></blockquote>` +
        `<p>— OpenAI. (2024). <i>Sora</i>. <a href="https://openai.com/sora">https://openai.com/sora</a>, <a href="${url}">${url}</a></p>`,
    });
  });

  it('should drop a full stop inside the citation’s closing tags before the pin cite', () => {
    // Arrange
    const styled = {
      text: 'Brooks, Libby. “Sora.” The Guardian.',
      html: '<span class="csl-entry">Brooks, Libby. “Sora.” <i>The Guardian</i>.</span>',
    };

    // Act
    const { html } = formatCopy(input({ citation: styled }));

    // Assert
    expect(html).toContain(
      '<p>— <span class="csl-entry">Brooks, Libby. “Sora.” <i>The Guardian</i></span>, <a href=',
    );
  });
});

describe('safeHref', () => {
  it('should keep http, https and file URLs and refuse the rest', () => {
    // Arrange
    const urls = [
      'http://a.org/x',
      'https://a.org/#p-1:~:text=a',
      'file:///home/r/build/a/index.html',
      'JavaScript:alert(1)',
      'mailto:a@b.org',
      '/relative',
    ];

    // Act
    const hrefs = urls.map(safeHref);

    // Assert
    expect(hrefs).toEqual([
      'http://a.org/x',
      'https://a.org/#p-1:~:text=a',
      'file:///home/r/build/a/index.html',
      null,
      null,
      null,
    ]);
  });
});

describe('escapeHtml', () => {
  it('should escape the five characters that matter in content and attributes', () => {
    // Act
    const escaped = escapeHtml(`<a href="x" title='y'>&</a>`);

    // Assert
    expect(escaped).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;');
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['- not a list item', '\\- not a list item'],
    ['+ not either', '\\+ not either'],
    ['> not a quote', '\\> not a quote'],
    ['12) not numbered', '12\\) not numbered'],
    ['`code` and ~~struck~~ and a\\b', '\\`code\\` and \\~\\~struck\\~\\~ and a\\\\b'],
    ['fine - text, 3. and (this)', 'fine - text, 3. and (this)'],
  ])('should make %j show as written', (text, expected) => {
    // Act
    const escaped = escapeMarkdown(text);

    // Assert
    expect(escaped).toBe(expected);
  });
});
