/**
 * rehype-stringify for a whole page, with the same output: what hast-util-to-html writes with
 * its default options, byte for byte, in a third of the time on a long page.
 *
 * Most of a page is paragraphs, marks and notes: HTML elements, their properties and text.
 * Those are written here, with the same decisions hast-util-to-html makes (property-information
 * for attribute names and kinds, hexadecimal character references for the characters it
 * escapes, void elements without a closing tag, nothing omitted), but with each property's
 * information looked up once per page rather than once per attribute, escaping done only where a
 * value has something to escape, and the pieces joined a few thousand at a time, then once
 * (hast-util-to-html joins each element's children into a new string, so a 25 MB page is copied
 * once per level of nesting). Anything else (doctype, comments, raw text in `script` and
 * `style`, SVG and MathML, templates, an attribute name that would need escaping) is handed to
 * hast-util-to-html itself. `rehype-stringify-page.test.ts` checks the two agree on generated
 * trees.
 *
 * An element whose `data.html` is set is written as that HTML, without looking inside it: a
 * warm build (watch mode) sets it on a note it has written before from the same inputs (see
 * `rehype-notes.ts`), so that a save rewrites only the notes that changed. Only the build sets
 * it, to what this serializer wrote for the same element.
 */
import type { Element, Nodes, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { htmlVoidElements } from 'html-void-elements';
import { find, html as htmlSchema, type Info } from 'property-information';
import { stringify as commas } from 'comma-separated-tokens';
import { stringify as spaces } from 'space-separated-tokens';
import type { Plugin } from 'unified';

declare module 'hast' {
  interface ElementData {
    /** The element's HTML as this serializer writes it, known already: written as it is. */
    html?: string;
  }
}

export interface RehypeStringifyPageOptions {
  /**
   * Also record where the page's elements are in the HTML, as `file.data.pageOutline` (watch
   * mode: `src/serve/page-patch.ts` compares two builds of a page with it).
   */
  outline?: boolean;
}

/**
 * Where an element is in the page's HTML (`html.slice(start, end)` is the element), and where its
 * child elements are; recorded down to {@link outlineDepth} levels, deeper elements not at all.
 */
export interface PageOutline {
  start: number;
  end: number;
  children: PageOutline[];
}

declare module 'vfile' {
  interface DataMap {
    /** The root's outline: its children are the page's top elements (`html`). */
    pageOutline: PageOutline;
  }
}

/** How deep the outline goes: far enough for the notes in their list, and no further. */
const outlineDepth = 8;

const rehypeStringifyPage: Plugin<[RehypeStringifyPageOptions?], Root, string> = function (options) {
  this.compiler = (tree, file) => {
    if (!options?.outline) return pageHtml(tree as Root);
    const outline: PageOutline = { start: 0, end: 0, children: [] };
    const html = pageHtml(tree as Root, outline);
    file.data.pageOutline = outline;
    return html;
  };
};
export default rehypeStringifyPage;

/** Elements whose content is written by other rules than elsewhere: left to hast-util-to-html. */
const wholeElements = new Set(['script', 'style', 'template', 'svg', 'math']);
const voids = new Set(htmlVoidElements);

/** What hast-util-to-html escapes in text, and in double-quoted attribute values. */
const textEscapes = /[&<]/g;
const attributeEscapes = /[\0"&'`]/g;
/** The same, to test for (most values hold none, and a test is cheaper than a replacement). */
const textEscape = /[&<]/;
const attributeEscape = /[\0"&'`]/;
/** Characters that an attribute name must not hold unescaped. */
const unsafeName = /[\0\t\n\f\r "&'/<=>`]/;
const references: Record<string, string> = {
  '\0': '&#x0;',
  '"': '&#x22;',
  '&': '&#x26;',
  "'": '&#x27;',
  '<': '&#x3C;',
  '`': '&#x60;',
};
const reference = (character: string): string => references[character] ?? character;

/**
 * The HTML of `node`, equal to `toHtml(node)`; with `outline`, where its elements are (filled
 * in as `node`'s own outline).
 */
export function pageHtml(node: Nodes, outline?: PageOutline): string {
  /** Pieces not yet joined. */
  const parts: string[] = [];
  /**
   * The pieces joined so far, a few thousand at a time, linked with `+=`: V8 links the two
   * strings rather than copying them, so the page is not held twice at the end.
   */
  let html = '';
  /** Characters written so far. */
  let length = 0;
  const push = (piece: string): void => {
    parts.push(piece);
    length += piece.length;
    // Joined now and then, so that the small pieces go while they are young.
    if (parts.length >= 4096) {
      html += parts.join('');
      parts.length = 0;
    }
  };
  const infos = new Map<string, Info>();
  const infoOf = (key: string): Info => {
    let info = infos.get(key);
    if (info === undefined) {
      info = find(htmlSchema, key);
      infos.set(key, info);
    }
    return info;
  };

  /** The outline of the element being written, while it is recorded. */
  let parent = outline;
  let depth = 0;
  const write = (node: Nodes): void => {
    if (node.type === 'text') {
      const { value } = node;
      push(textEscape.test(value) ? value.replace(textEscapes, reference) : value);
    } else if (node.type === 'root') {
      for (const child of node.children) write(child);
      if (outline && node === root) outline.end = length;
    } else if (parent && node.type === 'element' && depth < outlineDepth) {
      const entry: PageOutline = { start: length, end: 0, children: [] };
      const above = parent;
      above.children.push(entry);
      parent = entry;
      depth += 1;
      writeElement(node);
      depth -= 1;
      parent = above;
      entry.end = length;
    } else if (node.type === 'element') {
      writeElement(node);
    } else {
      push(toHtml(node));
    }
  };
  const writeElement = (node: Element): void => {
    if (node.data?.html !== undefined) {
      push(node.data.html);
    } else if (!wholeElements.has(node.tagName)) {
      const attributes = attributesOf(node, infoOf);
      if (attributes === undefined) {
        push(toHtml(node));
        return;
      }
      push(attributes === '' ? `<${node.tagName}>` : `<${node.tagName} ${attributes}>`);
      const before = length;
      for (const child of node.children) write(child);
      // A void element with content is closed like any other (as hast-util-to-html does).
      if (!voids.has(node.tagName.toLowerCase()) || length > before) push(`</${node.tagName}>`);
    } else {
      push(toHtml(node));
    }
  };

  const root = node;
  write(node);
  return html + parts.join('');
}

/**
 * The element's attributes as hast-util-to-html writes them, or `undefined` when one has a name
 * that would need escaping (the element is then left to hast-util-to-html).
 */
function attributesOf(node: Element, infoOf: (key: string) => Info): string | undefined {
  let result = '';
  for (const key in node.properties) {
    let value: unknown = node.properties[key];
    if (value === null || value === undefined) continue;
    const info = infoOf(key);
    if (info.overloadedBoolean && (value === info.attribute || value === '')) {
      value = true;
    } else if (
      (info.boolean || info.overloadedBoolean) &&
      (typeof value !== 'string' || value === info.attribute || value === '')
    ) {
      value = Boolean(value);
    }
    if (value === false || (typeof value === 'number' && Number.isNaN(value))) continue;
    if (unsafeName.test(info.attribute)) return undefined;
    const text =
      value === true
        ? ''
        : Array.isArray(value)
          ? (info.commaSeparated ? commas : spaces)(value as Array<string | number>, { padLeft: true })
          : String(value);
    const escaped = attributeEscape.test(text) ? text.replace(attributeEscapes, reference) : text;
    const attribute = value === true ? info.attribute : `${info.attribute}="${escaped}"`;
    result = result === '' ? attribute : `${result} ${attribute}`;
  }
  return result;
}
