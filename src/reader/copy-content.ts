import { escapeHtml, escapeMarkdown, formatCopy } from '../cite/copy-formats.ts';
import { pinCite, pinFormFor } from '../cite/pin-cite.ts';
import { passageUrl, textDirective, type TextDirective } from '../cite/text-fragment.ts';
import type { CopyDetail } from './events.ts';
import type { PageData, StyledReference } from './page-data.ts';
import type { ArticlePassage, PageText } from './page-text.ts';
import { richText } from './rich-text.ts';

/**
 * What each kind of copy puts on the clipboard, in every flavour (see `CopyDetail`): a quotation
 * of the article, a note, the article's reference. Made from the page text, the page's data and
 * the notes' light DOM; the citation's pieces were formatted at build time.
 */

/** A copy before it is sent: everything but where it came from. */
export type Copy = Omit<CopyDetail, 'source'>;

/** The article's citation in a style, as plain text and safe HTML. */
export interface Citation {
  text: string;
  html: string;
}

/**
 * The article's reference in `style`, naming its title: a style whose reference leaves the
 * title out (a claims file's own style may) gets it in front. Without a style, the title alone.
 */
export function citationOf(title: string, style: StyledReference | undefined): Citation {
  const named = `<i>${escapeHtml(title)}</i>`;
  if (!style) return { text: title, html: named };
  if (title === '' || comparable(style.text).includes(comparable(title))) {
    return { text: style.text, html: style.html };
  }
  return { text: `${title}. ${style.text}`, html: `${named}. ${style.html}` };
}

/** Text compared without regard to case, accents, the kind of quotation mark or runs of white space. */
function comparable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/**
 * A quotation of the article: the passage's words, the article's citation, the pin cite of its
 * paragraphs in the style's form (`para. 3` in APA, `¶ 3` by default), and the link to the
 * passage: `pageUrl` with its first block's id and a text fragment.
 */
export function quoteCopy(
  page: PageText,
  passage: ArticlePassage,
  pageUrl: string,
  title: string,
  style: StyledReference | undefined,
): Copy {
  const { numbers, paragraphs } = passage;
  const pin = numbers ? pinCite(numbers[0], numbers[1], pinFormFor(style?.id ?? '')) : '';
  const url = passageUrl(pageUrl, passage.targetId, directiveFor(page, passage));
  return {
    ...formatCopy({ paragraphs, citation: citationOf(title, style), pin, url }),
    quote: paragraphs.join('\n\n'),
    paragraphs: numbers,
    url,
    style: style?.id ?? '',
    content: 'quote',
  };
}

/**
 * The text directive that leads to the passage. When no directive picks the passage out of the
 * page (the same words, in the same surroundings, come earlier), its words still go in the link,
 * so that it keeps its `:~:text=`; the paragraph id before it then brings the right paragraph
 * into view.
 */
function directiveFor(page: PageText, { start, end }: ArticlePassage): TextDirective | null {
  const directive = textDirective({ pageText: page.text, start, end });
  if (directive) return directive;
  const words = page.text.slice(start, end).split('\n')[0]?.replace(/\s+/g, ' ').trim() ?? '';
  return words === '' ? null : { textStart: words.slice(0, 300) };
}

/** What a note copy is made of, read from its `li.marginalia-note` by the caller. */
export interface NoteParts {
  claimId: string;
  number: number;
  /** Its kind and verdict, as the page labels them ("Fact", "Supported"). */
  labels: readonly string[];
  /** The claim's quote, tidied. */
  quote: string;
  paragraph: number;
  /** The note's body and its list of sources (may be absent). */
  body: Element | null;
  sources: Element | null;
}

/**
 * A note: "Editor’s note N on “quote” (Title, ¶ P): Kind, Verdict.", then the note's text and
 * its sources, with the link to the note (`pageUrl#note-ID`, which opens it).
 */
export function noteCopy(
  note: NoteParts,
  pageUrl: string,
  title: string,
  style: StyledReference | undefined,
): Copy {
  const url = `${pageUrl.replace(/#[\s\S]*$/, '')}#note-${encodeURIComponent(note.claimId)}`;
  const pin = note.paragraph > 0 ? pinCite(note.paragraph, note.paragraph, pinFormFor(style?.id ?? '')) : '';
  const where = (titled: string): string => [titled, pin].filter((part) => part !== '').join(', ');
  const labels = note.labels.join(', ');
  const name = `Editor’s note ${note.number}`;
  const head = {
    plain: `${name} on “${note.quote}” (${where(title)})${labels ? `: ${labels}` : ''}.`,
    markdown: `[${name}](${url.replace(/[()\\]/g, '\\$&')}) on “${escapeMarkdown(note.quote)}” (${where(`*${escapeMarkdown(title)}*`)})${labels ? `: ${escapeMarkdown(labels)}` : ''}.`,
    html: `<a href="${escapeHtml(url)}">${name}</a> on “${escapeHtml(note.quote)}” (${where(`<cite>${escapeHtml(title)}</cite>`)})${labels ? `: ${escapeHtml(labels)}` : ''}.`,
  };
  const body = richText(note.body?.childNodes ?? [], pageUrl);
  const sources = note.sources ? richText([note.sources], pageUrl) : undefined;
  const parts = (key: 'plain' | 'markdown', sourcesHead: string): string[] =>
    [head[key], body[key], sources && sources[key] !== '' ? `${sourcesHead}${sources[key]}` : ''].filter(
      (part) => part !== '',
    );
  return {
    plain: [...parts('plain', 'Sources:\n'), url].join('\n\n'),
    markdown: parts('markdown', 'Sources:\n\n').join('\n\n'),
    html: `<p>${head.html}</p>${body.html}${sources && sources.html !== '' ? `<p>Sources:</p>${sources.html}` : ''}`,
    quote: note.quote,
    paragraphs: note.paragraph > 0 ? [note.paragraph, note.paragraph] : null,
    url,
    style: style?.id ?? '',
    content: 'note',
  };
}

/** What "Cite this article" copies: the reference in a style, or the BibTeX or CSL-JSON. */
export type ReferenceKind = { style: StyledReference } | { format: 'bibtex' | 'csl-json' };

/** The article's reference, for "Cite this article". */
export function referenceCopy(data: PageData, kind: ReferenceKind, pageUrl: string): Copy {
  const url = pageUrl.replace(/#[\s\S]*$/, '');
  const common = { quote: '', paragraphs: null, url } as const;
  if ('format' in kind) {
    const text = kind.format === 'bibtex' ? data.bibtex : data.cslJson;
    return { ...common, plain: text, markdown: text, html: '', style: '', content: kind.format };
  }
  const citation = citationOf(data.title, kind.style);
  const parsed = new DOMParser().parseFromString(citation.html, 'text/html');
  const rich = richText(parsed.body.childNodes, url);
  return {
    ...common,
    plain: citation.text,
    markdown: rich.markdown,
    html: rich.html,
    style: kind.style.id,
    content: 'reference',
  };
}
