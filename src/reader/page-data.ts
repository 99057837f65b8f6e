/**
 * The page's data: `<script type="application/json" id="marginalia-data">`, which the build
 * writes (`src/pipeline/rehype-page.ts`): the article's slug, its CSL item, the page's canonical
 * address, and for each citation style the article's reference and in-text citation formatted
 * at build time, with BibTeX and CSL-JSON. The browser carries no CSL engine: copied quotes are
 * cited with these pieces.
 *
 * Read once and checked field by field: a missing or malformed field is left out (a style
 * without its text, a BibTeX that is not a string), so an older or damaged page still works
 * with what it has. The references' HTML was sanitised at build time; the reader only ever puts
 * it on the clipboard, never into the page.
 */

/** The article's reference in one citation style. */
export interface StyledReference {
  /** The style's id (`apa`, `mla`, `chicago-author-date`, or a claims file's own style). */
  id: string;
  /** The style's title, for menus ("American Psychological Association 7th edition"). */
  label: string;
  /** The reference entry, as plain text and safe HTML. */
  text: string;
  html: string;
  /**
   * The style's entry in the data as it is: the copying code (loaded later) reads the in-text
   * citation's pieces from it (see `citationStyleOf` in `copy-content.ts`).
   */
  entry: Record<string, unknown>;
}

export interface PageData {
  slug: string;
  /** The article's title: the CSL item's, else the page's heading. */
  title: string;
  /** The styles the page offers, in its order (its default first, unless it says otherwise). */
  styles: StyledReference[];
  /** The id of the style the reader starts with; "" when the page offers none. */
  defaultStyle: string;
  /** The reference as BibTeX and as CSL-JSON; "" when the page lacks it. */
  bibtex: string;
  cslJson: string;
  /**
   * The address the page is published under (`--base-url`, else the claims file's `canonical`):
   * every copied link is under it. "" when the build knew none: the browser's address is used.
   */
  canonical: string;
}

/** Parses the data script's text; `fallbackTitle` names the article when the data does not. */
export function parsePageData(json: string | null, fallbackTitle: string): PageData {
  let value: unknown;
  try {
    value = json === null ? {} : JSON.parse(json);
  } catch {
    value = {};
  }
  const data = record(value);
  const source = record(data['source']);
  const citation = record(data['citation']);
  const title = string(source['title']).trim() || fallbackTitle;
  const styles: StyledReference[] = [];
  for (const [id, entry] of Object.entries(record(citation['styles']))) {
    const fields = record(entry);
    const { label, text, html } = fields;
    if (typeof text === 'string' && typeof html === 'string' && text.trim() !== '') {
      const name = typeof label === 'string' && label !== '' ? label : id;
      styles.push({ id, label: name, text, html, entry: fields });
    }
  }
  const named = citation['default'];
  const canonical = string(data['canonical']);
  return {
    slug: string(data['slug']),
    title,
    styles,
    defaultStyle: styles.find((style) => style.id === named)?.id ?? styles[0]?.id ?? '',
    bibtex: string(citation['bibtex']),
    cslJson: string(citation['cslJson']),
    canonical: /^https?:\/\//u.test(canonical) ? canonical : '',
  };
}

/** Reads the page data of `document`. */
export function readPageData(document: Document): PageData {
  const heading = document.querySelector('.marginalia-title, h1')?.textContent ?? document.title;
  return parsePageData(
    document.getElementById('marginalia-data')?.textContent ?? null,
    heading.replace(/\s+/g, ' ').trim(),
  );
}

/** The style the reader asked for when the page offers it, else the page's default. */
export function styleFor(data: PageData, wanted: string): StyledReference | undefined {
  return (
    data.styles.find((style) => style.id === wanted) ??
    data.styles.find((style) => style.id === data.defaultStyle)
  );
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function string(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
