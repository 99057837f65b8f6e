/**
 * Limits, not crashes: how much an article may hold, far beyond what a real one does, checked
 * before the work they bound, each with a rule id and a message that names the limit, the value
 * found and the place. Past them a build would run for minutes, or exhaust the stack or the
 * memory; within them it is bounded, and what still runs long stops at the time limit
 * (`../build/time-limit.ts`). The README's "Limits" section lists them.
 *
 * The checks here read text and trees only: they hold no state and touch no file.
 */
import type { Nodes, Root } from 'mdast';
import type { Point } from '../claims/types.ts';

export interface Limits {
  /** Bytes of the article's text (`.txt` or `.md`). */
  articleBytes: number;
  /** Bytes of the claims file. */
  claimsFileBytes: number;
  /** Blocks of the article: paragraphs, headings, list items, quotes, code blocks, rules. */
  blocks: number;
  /** Block quotes, list items, emphasis and links inside one another (article and notes). */
  nesting: number;
  /** Claims in the claims file. */
  claims: number;
  /** References in the claims file. */
  references: number;
  /** Bytes of one note (or of the provenance). */
  noteBytes: number;
  /** Claims that cover the same character of the article. */
  overlap: number;
  /** Places where the claims' quotes occur in the article, all quotes together. */
  occurrences: number;
  /**
   * Milliseconds the build of one article may take; absent: {@link timeLimitFor} the size of
   * its text and claims file.
   */
  timeMs?: number;
}

const megabyte = 1024 * 1024;

export const defaultLimits: Readonly<Required<Omit<Limits, 'timeMs'>>> = {
  articleBytes: 16 * megabyte,
  claimsFileBytes: 16 * megabyte,
  blocks: 100_000,
  nesting: 32,
  claims: 20_000,
  references: 20_000,
  noteBytes: 16 * 1024,
  overlap: 64,
  occurrences: 5_000_000,
};

export type ResolvedLimits = Readonly<Required<Omit<Limits, 'timeMs'>>> & { readonly timeMs?: number };

/** The limits with the defaults filled in. */
export function resolveLimits(limits: Partial<Limits> = {}): ResolvedLimits {
  return { ...defaultLimits, ...limits };
}

/** The time limit's parts: a fixed allowance, and more for each megabyte of input. */
export const timeAllowance = { baseMs: 30_000, perMegabyteMs: 10_000 } as const;

/** The default time limit of an article whose text and claims file hold `bytes` bytes together. */
export function timeLimitFor(bytes: number): number {
  return timeAllowance.baseMs + Math.ceil((bytes / megabyte) * timeAllowance.perMegabyteMs);
}

/** A time limit for people: "0.5 s", "30 s". */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(ms < 10_000 ? 1 : 0))} s`;
}

/** Rule ids of the limits (all listed in `messages.ts`). */
export type LimitRuleId =
  | 'article-too-large'
  | 'claims-file-too-large'
  | 'too-many-blocks'
  | 'nesting-too-deep'
  | 'too-many-claims'
  | 'too-many-references'
  | 'note-too-large'
  | 'too-many-overlapping-claims'
  | 'too-many-occurrences'
  | 'time-limit';

/**
 * A limit passed: thrown by a step that cannot go on, and turned into an error on the file it
 * names (`article` or `claims`) by the compiler.
 */
export class LimitError extends Error {
  constructor(
    readonly ruleId: LimitRuleId,
    reason: string,
    readonly place: Point | undefined,
    readonly file: 'article' | 'claims' = 'article',
  ) {
    super(reason);
    this.name = 'LimitError';
  }
}

/** `1234567` → `"1,234,567"`, the same on every machine. */
export function count(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/gu, ',');
}

/** A byte count for people: "16 MB (16,777,216 bytes)", "16 KB (16,384 bytes)". */
export function bytes(value: number): string {
  if (value >= megabyte && value % megabyte === 0) return `${value / megabyte} MB (${count(value)} bytes)`;
  if (value >= 1024 && value % 1024 === 0) return `${value / 1024} KB (${count(value)} bytes)`;
  return `${count(value)} bytes`;
}

/** The reason of a file that is too large, e.g. for the article. */
export function sizeReason(what: 'article' | 'claims file', found: number, limit: number): string {
  const fix =
    what === 'article'
      ? 'split it into several articles'
      : 'split the article, or move long notes and references out of it';
  return `The ${what} is ${count(found)} bytes long, more than the limit of ${bytes(limit)}: ${fix}`;
}

/** Where a line ends in `text` from `start` (at `\n`, `\r` or the end), and where the next starts. */
function lineEnd(text: string, start: number): { end: number; next: number } {
  for (let index = start; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x0a) return { end: index, next: index + 1 };
    if (code === 0x0d)
      return { end: index, next: text.charCodeAt(index + 1) === 0x0a ? index + 2 : index + 1 };
  }
  return { end: text.length, next: text.length + 1 };
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code !== 0x20 && code !== 0x09 && code !== 0x0b && code !== 0x0c) return false;
  }
  return true;
}

/**
 * A plain-text article's blocks are its lines that are not blank: the place of the first line
 * past `limit` of them, with how many there are, or `undefined` when there are not so many.
 */
export function txtBlocksOverLimit(text: string, limit: number): { found: number; place: Point } | undefined {
  let blocks = 0;
  let place: Point | undefined;
  let line = 1;
  for (let start = 0; start <= text.length; line++) {
    const { end, next } = lineEnd(text, start);
    // Blank as parse-txt has it: nothing left once trimmed.
    if (text.slice(start, end).trim() !== '') {
      blocks += 1;
      if (blocks === limit + 1) {
        const column = text.slice(start, end).search(/\S/u) + 1;
        place = { line, column };
      }
    }
    start = next;
  }
  return place === undefined ? undefined : { found: blocks, place };
}

/** `found` blocks, or at least that many when the count stopped early. */
export function tooManyBlocksReason(found: number, limit: number, complete = true): string {
  const what = complete ? count(found) : `at least ${count(found)}`;
  return `The article has ${what} blocks (paragraphs, headings, list items and other blocks), more than the limit of ${count(limit)}; the block past the limit starts here: split the article into several`;
}

export function nestingReason(found: number, limit: number, what: 'article' | 'note'): string {
  const nests = `nests block quotes, lists, emphasis or links ${count(found)} levels deep, more than the limit of ${limit}`;
  return what === 'article'
    ? `The article ${nests}; the level past the limit starts here: flatten it`
    : `the note ${nests}: flatten it`;
}

export function nestingGuardReason(found: number, limit: number, what: 'article' | 'note'): string {
  const inside = `is inside ${count(found)} block quotes and list items, more than the limit of ${limit} levels of nesting`;
  return what === 'article'
    ? `This line ${inside}; the level past the limit starts here: flatten it`
    : `a line of the note ${inside}: flatten it`;
}

/** The {@link LimitError} for Markdown nested too deeply to parse, or `undefined`. */
export function markdownNestingGuard(
  markdown: string,
  limit: number,
  what: 'article' | 'note',
): LimitError | undefined {
  const over = nestingOverLimit(markdown, limit);
  if (over === undefined) return undefined;
  return new LimitError(
    'nesting-too-deep',
    nestingGuardReason(over.found, limit, what),
    over.place,
    what === 'article' ? 'article' : 'claims',
  );
}

/**
 * Before Markdown is parsed: an upper bound on how many block quotes and list items each line
 * is inside, and the first line where it passes `limit` (micromark's time grows faster than
 * the nesting, and a line of 10,000 `- ` takes minutes).
 *
 * A line is inside at most `quotes + markers + min(⌊indentation / 2⌋, most)` of them, where
 * `quotes` and `markers` are the `>` and the list markers (`-`, `+`, `*`, `1.`, `1)`) that
 * start it, `indentation` counts the columns of the spaces and tabs between them, and `most` is
 * the bound of the lines before: a container is either opened on the line by a marker, or goes
 * on from an earlier line by its `>` or by at least two columns of indentation. So deep
 * indentation alone (code) never counts for more than the nesting the lines above reached,
 * and only a line that starts with more than `limit` markers can pass the limit without being
 * that deep (in practice, never). Lines inside a code fence that starts a line (`` ``` `` or
 * `~~~`) are skipped, and a rule (`- - -`, `* * *`) is not a list. The tree parsed from the text
 * is then measured exactly ({@link treeOverLimits}).
 */
export function nestingOverLimit(
  markdown: string,
  limit: number,
): { found: number; place: Point } | undefined {
  let most = 0;
  let fence: { char: number; length: number } | undefined;
  let line = 1;
  for (let start = 0; start <= markdown.length; line++) {
    const { end, next } = lineEnd(markdown, start);
    const prefix = containerPrefix(markdown, start, end);
    if (fence !== undefined) {
      if (prefix.indentation <= 3 && prefix.quotes === 0 && prefix.markers === 0) {
        if (closesFence(markdown, prefix.end, end, fence)) fence = undefined;
      }
    } else {
      const bound = prefix.quotes + prefix.markers + Math.min(Math.floor(prefix.indentation / 2), most);
      if (bound > limit) {
        return { found: bound, place: { line, column: (prefix.crossing(limit, most) ?? 0) + 1 } };
      }
      if (!isBlank(markdown, start, end)) most = Math.max(most, bound);
      if (prefix.quotes === 0 && prefix.markers === 0 && prefix.indentation <= 3) {
        fence = opensFence(markdown, prefix.end, end);
      }
    }
    start = next;
  }
  return undefined;
}

interface ContainerPrefix {
  quotes: number;
  markers: number;
  /** Columns of white space in the prefix (a tab counts up to the next multiple of 4). */
  indentation: number;
  /** Where the prefix ends. */
  end: number;
  /** The offset in the line where the bound passes `limit`, given `most`. */
  crossing: (limit: number, most: number) => number | undefined;
}

/** The `>`, list markers and white space that start the line `[start, end)`. */
function containerPrefix(text: string, start: number, end: number): ContainerPrefix {
  let quotes = 0;
  let markers = 0;
  let indentation = 0;
  let column = 0;
  /** After each container marker: its offset in the line, and the counts so far. */
  const steps: Array<[offset: number, quotes: number, markers: number, indentation: number]> = [];
  let index = start;
  while (index < end) {
    const code = text.charCodeAt(index);
    if (code === 0x20) {
      indentation += 1;
      column += 1;
      index += 1;
    } else if (code === 0x09) {
      const width = 4 - (column % 4);
      indentation += width;
      column += width;
      index += 1;
    } else if (code === 0x3e) {
      quotes += 1;
      steps.push([index - start, quotes, markers, indentation]);
      column += 1;
      index += 1;
    } else if ((code === 0x2d || code === 0x2b || code === 0x2a) && isMarkerEnd(text, index + 1, end)) {
      if (code !== 0x2b && isRule(text, index, end, code)) break;
      markers += 1;
      steps.push([index - start, quotes, markers, indentation]);
      column += 1;
      index += 1;
    } else if (code >= 0x30 && code <= 0x39) {
      let digits = index;
      while (digits < end && digits - index < 9 && isDigit(text.charCodeAt(digits))) digits += 1;
      const delimiter = text.charCodeAt(digits);
      if ((delimiter !== 0x2e && delimiter !== 0x29) || !isMarkerEnd(text, digits + 1, end)) break;
      markers += 1;
      steps.push([index - start, quotes, markers, indentation]);
      column += digits + 1 - index;
      index = digits + 1;
    } else {
      break;
    }
  }
  return {
    quotes,
    markers,
    indentation,
    end: index,
    crossing: (limit, most) => {
      for (const [offset, q, m, i] of steps) {
        if (q + m + Math.min(Math.floor(i / 2), most) > limit) return offset;
      }
      return undefined;
    },
  };
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** A list marker ends at white space or at the end of the line. */
function isMarkerEnd(text: string, index: number, end: number): boolean {
  if (index >= end) return true;
  const code = text.charCodeAt(index);
  return code === 0x20 || code === 0x09;
}

/** Whether the rest of the line is a thematic break made of `code` (`- - -`, `***`). */
function isRule(text: string, index: number, end: number, code: number): boolean {
  let marks = 0;
  for (let at = index; at < end; at++) {
    const next = text.charCodeAt(at);
    if (next === code) marks += 1;
    else if (next !== 0x20 && next !== 0x09) return false;
  }
  return marks >= 3;
}

function opensFence(text: string, index: number, end: number): { char: number; length: number } | undefined {
  const char = text.charCodeAt(index);
  if (char !== 0x60 && char !== 0x7e) return undefined;
  let length = 0;
  while (index + length < end && text.charCodeAt(index + length) === char) length += 1;
  return length >= 3 ? { char, length } : undefined;
}

function closesFence(
  text: string,
  index: number,
  end: number,
  fence: { char: number; length: number },
): boolean {
  let length = 0;
  while (index + length < end && text.charCodeAt(index + length) === fence.char) length += 1;
  return length >= fence.length && isBlank(text, index + length, end);
}

/** Nodes that nest: each is one level. */
const levelTypes = new Set([
  'blockquote',
  'listItem',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
  'footnoteDefinition',
]);

/** Nodes that are blocks, for the block count. */
const blockTypes = new Set([
  'paragraph',
  'heading',
  'thematicBreak',
  'blockquote',
  'list',
  'listItem',
  'code',
  'html',
  'definition',
  'footnoteDefinition',
  'table',
  'yaml',
]);

export interface TreeMeasure {
  /** How many blocks the tree holds. */
  blocks: number;
  /** The deepest nesting, in levels (see {@link levelTypes}). */
  nesting: number;
  /** Where the first block past the blocks limit starts. */
  blockPlace?: Point;
  /** Where nesting first passes its limit. */
  nestingPlace?: Point;
}

/**
 * Count the tree's blocks and measure its nesting, without recursion (the tree is not yet
 * known to be shallow). `blocksBefore` blocks are counted as already seen (a Markdown article
 * is parsed a run at a time).
 */
export function measureTree(
  tree: Root | Nodes,
  limits: { blocks: number; nesting: number },
  blocksBefore = 0,
): TreeMeasure {
  const measure: TreeMeasure = { blocks: blocksBefore, nesting: 0 };
  const stack: Array<[Nodes, number]> = [[tree, 0]];
  // Children are pushed in reverse so that nodes come out in document order.
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [node, above] = next;
    const level = levelTypes.has(node.type) ? above + 1 : above;
    if (blockTypes.has(node.type)) {
      measure.blocks += 1;
      if (measure.blocks === limits.blocks + 1 && node.position) measure.blockPlace = pointOf(node);
    }
    if (level > measure.nesting) {
      measure.nesting = level;
      if (level === limits.nesting + 1 && node.position) measure.nestingPlace = pointOf(node);
    }
    if ('children' in node) {
      const children = node.children as Nodes[];
      for (let index = children.length - 1; index >= 0; index--)
        stack.push([children[index] as Nodes, level]);
    }
  }
  return measure;
}

function pointOf(node: Nodes): Point {
  const start = node.position?.start;
  return { line: start?.line ?? 1, column: start?.column ?? 1 };
}

/** The {@link LimitError} for a measured tree, or `undefined` when it is within the limits. */
export function treeOverLimits(
  measure: TreeMeasure,
  limits: { blocks: number; nesting: number },
  what: 'article' | 'note',
  complete = true,
): LimitError | undefined {
  if (measure.nesting > limits.nesting) {
    return new LimitError(
      'nesting-too-deep',
      nestingReason(measure.nesting, limits.nesting, what),
      measure.nestingPlace,
      what === 'article' ? 'article' : 'claims',
    );
  }
  if (measure.blocks > limits.blocks) {
    return new LimitError(
      'too-many-blocks',
      tooManyBlocksReason(measure.blocks, limits.blocks, complete),
      measure.blockPlace,
    );
  }
  return undefined;
}
