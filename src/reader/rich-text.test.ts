// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { richText } from './rich-text.ts';

const base = 'https://example.org/sora/#note-a';

function nodes(html: string): Node[] {
  return [...new DOMParser().parseFromString(html, 'text/html').body.childNodes];
}

describe('richText', () => {
  it('should give paragraphs with emphasis, code and absolute links in each flavour', () => {
    // Arrange
    const body = nodes(
      '<p>Sora is <em>not</em> <strong>public</strong>: see <a href="/openai">the page</a>.</p>\n<p>Use <code>a*b</code>.</p>',
    );

    // Act
    const rich = richText(body, base);

    // Assert
    expect(rich.plain).toBe('Sora is not public: see the page (https://example.org/openai).\n\nUse a*b.');
    expect(rich.markdown).toBe(
      'Sora is *not* **public**: see [the page](https://example.org/openai).\n\nUse `a*b`.',
    );
    expect(rich.html).toBe(
      '<p>Sora is <em>not</em> <strong>public</strong>: see <a href="https://example.org/openai">the page</a>.</p><p>Use <code>a*b</code>.</p>',
    );
  });

  it('should keep lists together and number ordered ones', () => {
    // Arrange
    const list = nodes(
      '<ul><li>One <i>source</i>.</li><li><p>Two.</p></li></ul><ol start="3"><li>Three.</li></ol>',
    );

    // Act
    const rich = richText(list, base);

    // Assert
    expect(rich.plain).toBe('- One source.\n- Two.\n\n3. Three.');
    expect(rich.markdown).toBe('- One *source*.\n- Two.\n\n3. Three.');
    expect(rich.html).toBe('<ul><li>One <i>source</i>.</li><li>Two.</li></ul><ol><li>Three.</li></ol>');
  });

  it('should drop unsafe links and every attribute, and escape the text for each flavour', () => {
    // Arrange
    const body = nodes(
      '<p class="x" onclick="alert(1)"><a href="javascript:alert(1)">click</a> &lt;b&gt; *stars* <span style="color:red">&amp;</span></p>',
    );

    // Act
    const rich = richText(body, base);

    // Assert
    expect(rich.plain).toBe('click <b> *stars* &');
    expect(rich.markdown).toBe('click \\<b> \\*stars\\* &');
    expect(rich.html).toBe('<p>click &#60;b&#62; *stars* &#38;</p>');
  });

  it('should read citeproc’s styled spans as emphasis and quote blocks as quotations', () => {
    // Arrange
    const body = nodes(
      '<span class="csl-font-style-italic">Title</span>. <blockquote><p>Quoted.</p></blockquote>',
    );

    // Act
    const rich = richText(body, base);

    // Assert
    expect(rich.markdown).toBe('*Title*.\n\n> Quoted.');
    expect(rich.html).toBe('<p><em>Title</em>.</p><blockquote><p>Quoted.</p></blockquote>');
  });
});
