/**
 * What changed between two builds of a page, as the parts an open page replaces to show the new
 * one without loading it again (watch and edit mode). A 10,000-claim page is 16 MB: loading it
 * takes the browser seconds, where a save usually changes a title, a note or a few passages.
 *
 * Both builds come with their outline (where each element is in the HTML, from
 * `rehype-stringify-page.ts`). The two are walked together from the top: an element whose HTML
 * is the same is left alone; one whose own tag and the text between its children are the same,
 * with as many children, is looked into; any other is a part, sent whole. Parts are found by an
 * address the page can follow whatever the reader added to it: from the nearest element with an
 * `id` (or the document), each step names the element by its tag, its `class` and how many
 * elements of that tag and class come before it. An element with an `id` is always sent whole,
 * never looked into: that is the unit a reader's script is most likely to have changed inside
 * (a paragraph's marks, a note's buttons). A script (the page's JSON-LD, its data) is sent as
 * the span of its text that changed. The page, its `<head>` and its `<body>` are never parts:
 * a change there (or parts larger than `maxBytes`) means a reload.
 */
import type { PageSnapshot } from '../build/warm-cache.ts';
import type { PatchPart, PatchStep } from '../editor/protocol.ts';
import type { PageOutline } from '../pipeline/rehype-stringify-page.ts';

export interface DiffOptions {
  /** The most HTML the parts may hold together (default: 8 MB, and half the new page). */
  maxBytes?: number;
}

/** Elements never sent as parts: a change to one of them is a reload. */
const frame = new Set(['html', 'head', 'body']);

/** An element's open tag at `start`: its name and its attributes (values may hold `>`). */
const openTag = /<([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/y;

interface Tag {
  name: string;
  id: string | undefined;
  class: string;
  /** The open tag's length. */
  length: number;
}

/**
 * The parts that make `before` into `after`, in document order; `undefined` when a reload is
 * the way to show it (see the module comment), [] when nothing changed.
 */
export function diffPages(
  before: PageSnapshot,
  after: PageSnapshot,
  options: DiffOptions = {},
): PatchPart[] | undefined {
  const maxBytes = options.maxBytes ?? Math.min(8 * 1024 * 1024, after.html.length / 2);
  const parts: PatchPart[] = [];
  let bytes = 0;
  const a = before.html;
  const b = after.html;
  const same = (x: PageOutline, y: PageOutline): boolean =>
    x.end - x.start === y.end - y.start && a.slice(x.start, x.end) === b.slice(y.start, y.end);

  /** Whether the parts found for `old` → `next` (at `at`) fit; false: reload. */
  const walk = (old: PageOutline, next: PageOutline, tag: Tag | undefined, at: PatchStep[]): boolean => {
    if (same(old, next)) return true;
    const lookInside =
      (tag === undefined || (tag.id === undefined && sameTag(a, old, b, next))) &&
      old.children.length > 0 &&
      old.children.length === next.children.length &&
      sameGaps(a, old, b, next);
    if (!lookInside) {
      if (tag === undefined || frame.has(tag.name)) return false;
      const part =
        tag.name === 'script' && sameTag(a, old, b, next)
          ? { at, tag: tag.name, html: '', splice: splice(a, old, b, next, tag.length) }
          : { at, tag: tag.name, html: b.slice(next.start, next.end) };
      bytes += part.html.length + (part.splice?.text.length ?? 0);
      if (bytes > maxBytes) return false;
      parts.push(part);
      return true;
    }
    /** How many children of each tag and class came before, for the steps. */
    const seen = new Map<string, number>();
    for (let index = 0; index < next.children.length; index++) {
      const child = next.children[index] as PageOutline;
      const childTag = tagAt(b, child.start);
      if (!childTag) return false;
      const key = `${childTag.name} ${childTag.class}`;
      const nth = seen.get(key) ?? 0;
      seen.set(key, nth + 1);
      const step: PatchStep[] =
        childTag.id === undefined
          ? [...at, { tag: childTag.name, class: childTag.class, nth }]
          : [{ id: childTag.id }];
      if (!walk(old.children[index] as PageOutline, child, childTag, step)) return false;
    }
    return true;
  };
  return walk(before.outline, after.outline, undefined, []) ? parts : undefined;
}

/**
 * How the text of a script (between its open tag, `tagLength` long, and `</script>`) changed:
 * what replaces which span of the old text, found by the two texts' common start and end.
 */
function splice(
  a: string,
  old: PageOutline,
  b: string,
  next: PageOutline,
  tagLength: number,
): { start: number; end: number; text: string } {
  const close = '</script>'.length;
  const oldText = a.slice(old.start + tagLength, old.end - close);
  const nextText = b.slice(next.start + tagLength, next.end - close);
  const shorter = Math.min(oldText.length, nextText.length);
  let start = 0;
  while (start < shorter && oldText.charCodeAt(start) === nextText.charCodeAt(start)) start += 1;
  let tail = 0;
  while (
    tail < shorter - start &&
    oldText.charCodeAt(oldText.length - 1 - tail) === nextText.charCodeAt(nextText.length - 1 - tail)
  )
    tail += 1;
  // A pair of surrogates is never cut.
  if (start > 0 && isHighSurrogate(oldText.charCodeAt(start - 1))) start -= 1;
  if (tail > 0 && isLowSurrogate(oldText.charCodeAt(oldText.length - tail))) tail -= 1;
  return { start, end: oldText.length - tail, text: nextText.slice(start, nextText.length - tail) };
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** The open tag at `start` of `html`, if one is there. */
function tagAt(html: string, start: number): Tag | undefined {
  openTag.lastIndex = start;
  const match = openTag.exec(html);
  if (!match) return undefined;
  const [whole, name = '', attributes = ''] = match;
  return {
    name: name.toLowerCase(),
    id: attribute(attributes, 'id'),
    class: attribute(attributes, 'class') ?? '',
    length: whole.length,
  };
}

/** An attribute's value in an open tag's attributes, with its character references read. */
function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}="([^"]*)"`, 'u').exec(attributes);
  return match?.[1]?.replace(/&#x([0-9a-f]+);/giu, (_, hex: string) =>
    String.fromCodePoint(parseInt(hex, 16)),
  );
}

/** Whether the two elements' open tags are the same. */
function sameTag(a: string, old: PageOutline, b: string, next: PageOutline): boolean {
  const oldTag = tagAt(a, old.start);
  const nextTag = tagAt(b, next.start);
  return (
    oldTag !== undefined &&
    nextTag !== undefined &&
    oldTag.length === nextTag.length &&
    a.slice(old.start, old.start + oldTag.length) === b.slice(next.start, next.start + nextTag.length)
  );
}

/** Whether the HTML between the elements' children (their tags and text) is the same. */
function sameGaps(a: string, old: PageOutline, b: string, next: PageOutline): boolean {
  let oldFrom = old.start;
  let nextFrom = next.start;
  for (let index = 0; index <= old.children.length; index++) {
    const oldChild = old.children[index];
    const nextChild = next.children[index];
    const oldTo = oldChild ? oldChild.start : old.end;
    const nextTo = nextChild ? nextChild.start : next.end;
    if (oldTo - oldFrom !== nextTo - nextFrom || a.slice(oldFrom, oldTo) !== b.slice(nextFrom, nextTo))
      return false;
    oldFrom = oldChild ? oldChild.end : old.end;
    nextFrom = nextChild ? nextChild.end : next.end;
  }
  return true;
}
