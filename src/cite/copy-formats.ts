/**
 * What a copied passage puts on the clipboard: the quotation, the article's citation, the pin
 * cite and a link to the passage, as plain text, Markdown and HTML.
 *
 * The quotation is article text and the link is built from the page's URL: both are escaped for
 * each format. The citation's HTML comes pre-formatted and sanitised from the build and goes in
 * as it is. Pure and DOM-free, for the reader's browser bundle.
 */

/** A passage to copy, with everything its citation needs. */
export interface CopyInput {
  /** The quotation, one string per paragraph, already tidied (see `tidyQuote`). */
  paragraphs: readonly string[];
  /** The article's citation in the reader's style: plain text, and safe HTML from the build. */
  citation: { text: string; html: string };
  /** The pin cite, e.g. "¶ 3" (see `pinCite`); empty for none. */
  pin: string;
  /** The link to the passage (see `passageUrl`); left out unless it is an http(s) or file URL. */
  url: string;
}

/** The clipboard's three flavours of one copied passage. */
export interface CopyFormats {
  plain: string;
  markdown: string;
  html: string;
}

/**
 * The passage in three formats. With one paragraph, "¶ 3" and a valid link:
 *
 * - plain: `“Quote.” — Citation, ¶ 3. https://…` (several paragraphs: each opens with “, only
 *   the last closes with ”, blank lines between them, and the citation after a blank line);
 * - markdown: `> Quote.`, a blank line, then `— Citation, [¶ 3](https://…)`;
 * - html: `<blockquote cite="https://…"><p>Quote.</p></blockquote><p>— Citation, <a href="https://…">¶ 3</a></p>`.
 *
 * A trailing full stop of the citation gives way to the pin cite.
 */
export function formatCopy({ paragraphs, citation, pin, url }: CopyInput): CopyFormats {
  const href = safeHref(url);
  const text = withoutFullStop(citation.text);
  const html = citation.html.replace(/\.((?:\s*<\/[a-z][a-z0-9]*\s*>)*)\s*$/i, '$1').trim();
  const last = paragraphs.length - 1;

  const quoted = paragraphs.map((paragraph, index) => `“${paragraph}${index === last ? '”' : ''}`);
  const source = [text, pin].filter((part) => part !== '').join(', ');
  const tail = [source === '' ? '' : `— ${source}.`, href ?? ''].filter((part) => part !== '').join(' ');
  const plain = [quoted.join('\n\n'), tail]
    .filter((part) => part !== '')
    .join(paragraphs.length > 1 ? '\n\n' : ' ');

  const quoteMarkdown = paragraphs.map((paragraph) => `> ${escapeMarkdown(paragraph)}`).join('\n>\n');
  const linkMarkdown = href === null ? escapeMarkdown(pin) : markdownLink(pin, href);
  const sourceMarkdown = [escapeMarkdown(text), linkMarkdown].filter((part) => part !== '').join(', ');
  const markdown = [quoteMarkdown, sourceMarkdown === '' ? '' : `— ${sourceMarkdown}`]
    .filter((part) => part !== '')
    .join('\n\n');

  const cite = href === null ? '' : ` cite="${escapeHtml(href)}"`;
  const quoteHtml = paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('');
  const linkHtml =
    href === null
      ? escapeHtml(pin)
      : `<a href="${escapeHtml(href)}">${escapeHtml(pin === '' ? href : pin)}</a>`;
  const sourceHtml = [html, linkHtml].filter((part) => part !== '').join(', ');
  return {
    plain,
    markdown,
    html: `<blockquote${cite}>${quoteHtml}</blockquote>${sourceHtml === '' ? '' : `<p>— ${sourceHtml}</p>`}`,
  };
}

/**
 * `url` as a link target, or null when it may not be one: only absolute http, https and file URLs
 * (a page opened from disk links to itself with `file:`) are kept, so never `javascript:`.
 */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return ['http:', 'https:', 'file:'].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Escape text for HTML content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Escape text so that Markdown shows it as written: backslashes and the characters of emphasis,
 * code, links, HTML and strikethrough, an `&` that would start an entity, and at the start what
 * would open a heading or a list.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<~]|&(?=#?[a-z0-9]+;)/gi, '\\$&')
    .replace(/^([#+=>-]|\d+(?=[.)]))/, (start) => (/\d/.test(start) ? `${start}\\` : `\\${start}`));
}

function markdownLink(label: string, href: string): string {
  const target = href.replace(/[()\\]/g, '\\$&');
  return label === '' ? `<${href}>` : `[${escapeMarkdown(label)}](${target})`;
}

function withoutFullStop(text: string): string {
  return text.trim().replace(/\.$/, '');
}
