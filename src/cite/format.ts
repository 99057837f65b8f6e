/**
 * Format CSL-JSON items with citeproc-js (through Citation.js): reference-list entries,
 * parenthetical citations, BibTeX and CSL-JSON.
 *
 * Reference fields are untrusted. citeproc escapes them in its HTML, and that HTML is still
 * parsed into hast and cut down to an allow-list (i, em, b, strong, sup, sub, span with `csl-`
 * classes, and links to http(s) URLs) before anyone sees it. URLs and DOIs in the text become
 * links here; citeproc's own link wrapping is off, since it would turn a `javascript:` URL into
 * a link to doi.org.
 *
 * Every result is cached by item content, style and locator: a build that cites one source in
 * many notes runs citeproc once for it.
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { toString } from 'hast-util-to-string';
import rehypeSanitize, { type Options as SanitizeSchema } from 'rehype-sanitize';
import { unified } from 'unified';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as FromParse5 from 'hast-util-from-parse5';
import type * as Parse5 from 'parse5';
import type { CslItem } from '../claims/types.ts';
import { cachedCitation, citationKey, storeCitation } from './citation-cache.ts';
import { citationJs } from './engine.ts';
import { assertStyle, isStyleId, styleSource, type StyleId } from './styles.ts';

/** A formatted citation: safe hast to put in a page, and the same citation as plain text. */
export interface FormattedCitation {
  html: ElementContent[];
  text: string;
}

/** The locator types CSL defines (the `label` of a cited item). */
export const locatorLabels = [
  'act',
  'appendix',
  'article-locator',
  'book',
  'canon',
  'chapter',
  'column',
  'elocation',
  'equation',
  'figure',
  'folio',
  'issue',
  'line',
  'note',
  'opus',
  'page',
  'paragraph',
  'part',
  'rule',
  'scene',
  'section',
  'sub-verbo',
  'supplement',
  'table',
  'timestamp',
  'title-locator',
  'verse',
  'version',
  'volume',
] as const;
export type LocatorLabel = (typeof locatorLabels)[number];

/** Where in the cited work: `{label: 'paragraph', value: '3'}`. */
export interface Locator {
  label: LocatorLabel;
  value: string;
}

const lang = 'en-US';

/** What may remain of citeproc's HTML. */
const schema: SanitizeSchema = {
  tagNames: ['a', 'b', 'em', 'i', 'span', 'strong', 'sub', 'sup'],
  attributes: { a: ['href'], span: [['className', /^csl-[a-z-]+$/]] },
  protocols: { href: ['http', 'https'] },
  strip: ['script', 'style'],
  required: {},
  ancestors: {},
  clobber: [],
  clobberPrefix: '',
  allowComments: false,
  allowDoctypes: false,
};
const sanitizer = unified().use(rehypeSanitize, schema).freeze();

const cache = new Map<string, FormattedCitation | string>();

interface HtmlParser {
  parseFragment: typeof Parse5.parseFragment;
  fromParse5: typeof FromParse5.fromParse5;
}
let parser: HtmlParser | undefined;

/**
 * parse5 and its hast adapter, loaded with citeproc's first output: a build whose citations all
 * come from the citation cache never loads them.
 */
function htmlParser(): HtmlParser {
  if (parser === undefined) {
    const require = createRequire(import.meta.url);
    const { parseFragment } = require('parse5') as typeof Parse5;
    const { fromParse5 } = require('hast-util-from-parse5') as typeof FromParse5;
    parser = { parseFragment, fromParse5 };
  }
  return parser;
}

/**
 * The reference-list entry of `item` in `style`, e.g. in APA:
 * "OpenAI. (2024, February 15). *Video generation models as world simulators*. https://…".
 *
 * @throws Error when `style` is neither built in nor registered.
 */
export function formatReference(item: CslItem, style: StyleId): FormattedCitation {
  assertStyle(style);
  const result = memo(['reference', style, item], () => {
    const cite = new (citationJs().Cite)(styleInput(item));
    const options = { template: style, lang };
    return withText(toSafeHast(cite.format('bibliography', { ...options, format: 'html' })));
  });
  return copy(result);
}

/**
 * The reference-list entries of `items` in `style`, formatted together: by id, in the list's
 * order (the style's `<bibliography><sort>`: alphabetically by the entry's first element, the
 * author or else the title, then by date, in APA, MLA and Chicago author-date). A style that tells apart works by one author in one
 * year does so only among the works it is given at once: APA and Chicago author-date make
 * OpenAI's two 2024 pages "OpenAI. (2024a, February 15)" and "OpenAI. (2024b, December 9)",
 * where each formatted alone would be "(2024, …)".
 *
 * @throws Error when `style` is neither built in nor registered.
 */
export function formatReferenceList(
  items: ReadonlyArray<CslItem & { id: string }>,
  style: StyleId,
): Map<string, FormattedCitation> {
  assertStyle(style);
  if (items.length < 2) return new Map(items.map((item) => [item.id, formatReference(item, style)]));
  const list = memo(['reference-list', style, items], () => {
    const cite = new (citationJs().Cite)(items.map((item) => styleInput(item)));
    const entries = cite.format('bibliography', {
      template: style,
      lang,
      format: 'html',
      asEntryArray: true,
    });
    return JSON.stringify(
      (entries as unknown as Array<[string, string]>).map(([id, html]) => [id, withText(toSafeHast(html))]),
    );
  });
  const formatted = new Map(JSON.parse(list) as Array<[string, FormattedCitation]>);
  // citeproc leaves out nothing it is given; anything it did not return is formatted alone.
  for (const item of items) if (!formatted.has(item.id)) formatted.set(item.id, formatReference(item, style));
  return formatted;
}

/**
 * The in-text citation of `item` in `style`, with a locator where the style prints one, e.g.
 * "(OpenAI, 2024, para. 3)" in APA. The form is the style's own.
 *
 * @throws Error when `style` is neither built in nor registered.
 */
export function formatInText(item: CslItem, style: StyleId, locator?: Locator): FormattedCitation {
  assertStyle(style);
  const result = memo(['in-text', style, locator ?? null, item], () => {
    const data = styleInput(item);
    const cite = new (citationJs().Cite)(data);
    const entry = [{ id: data.id, ...(locator ? { locator: locator.value, label: locator.label } : {}) }];
    const options = { template: style, lang, entry };
    return withText(toSafeHast(cite.format('citation', { ...options, format: 'html' })));
  });
  return copy(result);
}

/**
 * The plain text of a formatted citation, read off its HTML: citeproc runs once per item and
 * style, not once per output format (the same text as citeproc's own text output).
 */
function withText(html: ElementContent[]): FormattedCitation {
  const text = html
    .map((node) => toString(node))
    .join('')
    .replace(/\s+/gu, ' ')
    .trim();
  return { html, text };
}

/** `item` as a BibTeX entry (key, entry type and fields as Citation.js maps them). */
export function toBibTeX(item: CslItem): string {
  return memo(
    ['bibtex', item],
    () => `${new (citationJs().Cite)(cslData(item)).format('bibtex', { format: 'text' }).trim()}\n`,
  );
}

/** `item` as a CSL-JSON file: an array holding the one item, pretty-printed. */
export function toCslJson(item: CslItem): string {
  return memo(
    ['csl-json', item],
    () => `${new (citationJs().Cite)(cslData(item)).format('data', { format: 'text' }).trim()}\n`,
  );
}

/**
 * The result for `key`: from this process's memory, else from the citation cache kept between
 * runs (keyed by content, the style's XML included), else computed and remembered in both.
 */
function memo<T extends FormattedCitation | string>(key: unknown[], compute: () => T): T {
  const id = JSON.stringify(key);
  let value = cache.get(id) as T | undefined;
  if (value === undefined) {
    // Formatted results (not BibTeX or CSL-JSON) name their style second; its XML is part of the key.
    const style = typeof key[1] === 'string' && isStyleId(key[1]) ? key[1] : undefined;
    const persistentKey = citationKey([key, lang, style === undefined ? null : styleDigest(style)]);
    value = cachedCitation(persistentKey) as T | undefined;
    if (value === undefined || !sameShape(value, key[0])) {
      value = compute();
      storeCitation(persistentKey, value);
    }
    cache.set(id, value);
  }
  return value;
}

/** Digests of the styles' XML, by the XML (a style registered again with other XML gets its own). */
const styleDigests = new Map<string, string>();

/**
 * The digest of `style`'s XML, for the citation cache's keys: made once per style and process.
 * Each key hashed the whole XML before (~100 KB for APA), ~0.6 s of each thread's time in a
 * build of 200 articles whose citations were all in the cache.
 */
function styleDigest(style: StyleId): string {
  const xml = styleSource(style);
  let digest = styleDigests.get(xml);
  if (digest === undefined) {
    digest = createHash('sha256').update(xml).digest('base64url');
    styleDigests.set(xml, digest);
  }
  return digest;
}

/** A cached value has the form its kind of result has (a string, or html and text). */
function sameShape(value: unknown, kind: unknown): boolean {
  if (kind === 'bibtex' || kind === 'csl-json' || kind === 'reference-list') return typeof value === 'string';
  return (
    value !== null &&
    typeof value === 'object' &&
    Array.isArray((value as FormattedCitation).html) &&
    typeof (value as FormattedCitation).text === 'string'
  );
}

/** A fresh copy, so that callers may put the nodes in a tree and change them. */
function copy(result: FormattedCitation): FormattedCitation {
  return { html: structuredClone(result.html), text: result.text };
}

/** A copy of the item for Citation.js, which needs an id to cite it by. */
function cslData(item: CslItem): CslItem & { id: string } {
  const data = structuredClone(item);
  return { ...data, id: typeof data.id === 'string' && data.id !== '' ? data.id : 'item' };
}

/** Fields that styles may print in title case. */
const titleFields = ['title', 'container-title', 'collection-title', 'publisher'] as const;
/** A web address written as a name, such as a site called `bitlyfool.com`. */
const domainName = /(^|[\s(])((?:[a-z0-9-]+\.)+[a-z]{2,})(?=$|[\s),;:])/gu;

/**
 * The item as a style should see it: a site's address used as its name keeps its case, where
 * title case would make "bitlyfool.com" into "Bitlyfool.Com" (citeproc's `nocase` markup).
 */
function styleInput(item: CslItem): CslItem & { id: string } {
  const data = cslData(item);
  for (const field of titleFields) {
    const value = data[field];
    if (typeof value === 'string')
      data[field] = value.replace(domainName, '$1<span class="nocase">$2</span>');
  }
  return data;
}

/**
 * citeproc's HTML → allow-listed hast. The `csl-entry` wrapper goes; citeproc's layout `div`s
 * become `span`s with their class; its inline styles become classes (`font-variant:small-caps`
 * → `csl-font-variant-small-caps`); URLs and DOIs become links.
 */
function toSafeHast(html: string): ElementContent[] {
  const { parseFragment, fromParse5 } = htmlParser();
  const parsed = fromParse5(parseFragment(html)) as Root;
  const entry = findEntry(parsed);
  const root: Root = { type: 'root', children: entry ? entry.children : parsed.children };
  restyle(root);
  linkify(root);
  const clean = sanitizer.runSync(root) as Root;
  const nodes = clean.children.filter(
    (node): node is ElementContent => node.type === 'element' || node.type === 'text',
  );
  // citeproc puts line breaks around its layout divs; they are not part of the citation.
  const blank = (node: ElementContent | undefined) => node?.type === 'text' && node.value.trim() === '';
  while (blank(nodes[0])) nodes.shift();
  while (blank(nodes.at(-1))) nodes.pop();
  return nodes;
}

function findEntry(parent: Root | Element): Element | undefined {
  for (const child of parent.children) {
    if (child.type !== 'element') continue;
    if (classes(child).includes('csl-entry')) return child;
    const found = findEntry(child);
    if (found) return found;
  }
  return undefined;
}

function restyle(parent: Root | Element): void {
  for (const child of parent.children) {
    if (child.type !== 'element') continue;
    const style = child.properties['style'];
    if (child.tagName === 'div') child.tagName = 'span';
    if (typeof style === 'string') {
      child.properties = { className: [...classes(child), ...styleClasses(style)] };
    }
    restyle(child);
  }
}

function classes(element: Element): string[] {
  const value = element.properties['className'];
  return Array.isArray(value) ? value.map(String) : [];
}

/** `font-style:normal;` → `csl-font-style-normal`; citeproc's bare `baseline` → `csl-baseline`. */
function styleClasses(style: string): string[] {
  return style
    .split(';')
    .map((declaration) =>
      declaration
        .split(':')
        .map((part) => part.trim().toLowerCase())
        .join('-'),
    )
    .filter((name) => /^[a-z]+(?:-[a-z]+)*$/.test(name))
    .map((name) => `csl-${name}`);
}

const linkable = /\bhttps?:\/\/[^\s<>"]+|(?:\bdoi:\s?)?\b10\.\d{4,9}\/[^\s<>"]+/gi;

/** Turn every http(s) URL and DOI in the text (outside links) into a link. */
function linkify(parent: Root | Element): void {
  const children: RootContent[] = [];
  for (const child of parent.children) {
    if (child.type === 'text') {
      children.push(...linkText(child.value));
    } else {
      if (child.type === 'element' && child.tagName !== 'a') linkify(child);
      children.push(child);
    }
  }
  parent.children = children as typeof parent.children;
}

function linkText(value: string): Array<Text | Element> {
  const nodes: Array<Text | Element> = [];
  let last = 0;
  for (const match of value.matchAll(linkable)) {
    const found = trimTrailing(match[0]);
    const href = hrefOf(found);
    if (!href) continue;
    const start = match.index;
    if (start > last) nodes.push({ type: 'text', value: value.slice(last, start) });
    nodes.push({
      type: 'element',
      tagName: 'a',
      properties: { href },
      children: [{ type: 'text', value: found }],
    });
    last = start + found.length;
  }
  if (last < value.length) nodes.push({ type: 'text', value: value.slice(last) });
  return nodes;
}

/** Leave sentence punctuation after a URL outside it, and a closing bracket it did not open. */
function trimTrailing(text: string): string {
  let end = text.length;
  for (;;) {
    const last = text[end - 1] ?? '';
    const body = text.slice(0, end);
    const unbalanced =
      (last === ')' && count(body, '(') < count(body, ')')) ||
      (last === ']' && count(body, '[') < count(body, ']'));
    if (!/[.,;:!?'"’”»]/.test(last) && !unbalanced) break;
    end -= 1;
  }
  return text.slice(0, end);
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}

/** The http(s) link for a URL or DOI, or nothing for anything else. */
function hrefOf(text: string): string | undefined {
  const doi = /^(?:doi:\s?)?(10\.\d{4,9}\/.+)$/i.exec(text)?.[1];
  const candidate = doi ? `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}` : text;
  if (!URL.canParse(candidate)) return undefined;
  const url = new URL(candidate);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}
