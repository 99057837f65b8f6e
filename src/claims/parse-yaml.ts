/**
 * Read a YAML claims file into a {@link SourceTree}, keeping the line and column of every value.
 * Every error the YAML parser finds is reported, each with a hint on how to fix it.
 *
 * Two parsers, one result. Places are needed only to report a problem, and most builds have
 * none; keeping a position for every value of a 10,000-claim file costs several times more
 * than reading it. So a file is first read with js-yaml (YAML 1.2 core schema, the schema the
 * `yaml` package uses too), which keeps no positions; the places are found by reading the text
 * again with `yaml` the first time one is asked for. Whatever the quick reading cannot vouch
 * for goes to `yaml` straight away: a syntax error of any kind (whose message and place come
 * from `yaml`), a directive (`%YAML 1.1` changes how values read), an alias (`yaml` bounds how
 * far they expand), nesting deeper than {@link maxDepth}, or a top level that is not a mapping.
 * `parse-yaml.test.ts` checks that the two readings agree.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import type { Document, LineCounter, Scalar, YAMLError } from 'yaml';
import { yamlLibrary } from './yaml-library.ts';
import { childPointer, isRecord, lineCounterFor, pointAt, setOwn } from './tree.ts';
import type { NodePlace, ParseOutcome, PlaceIndex, SyntaxProblem } from './tree.ts';
import type { Point } from './types.ts';

/** Deeper than any claims file needs; keeps a hostile file from exhausting the stack. */
const maxDepth = 100;
/**
 * Aliases can make a small file expand enormously ("billion laughs"); stop well before. Only
 * values reached through an alias count: a file's own values are bounded by its length.
 */
const maxValues = 100_000;

/** A hint per YAML error code, saying how to fix the most common mistakes. */
const hints: Partial<Record<YAMLError['code'], string>> = {
  BLOCK_AS_IMPLICIT_KEY: 'put a value that contains ": " in quotes, or check the indentation',
  MULTILINE_IMPLICIT_KEY: 'check the indentation, or put a value that spans lines in quotes',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  BAD_INDENT: 'check the indentation of this line',
  MISSING_CHAR: 'add it',
  BAD_SCALAR_START: 'put the value in quotes',
  UNEXPECTED_TOKEN: 'check the syntax here, or put the value in quotes',
  MULTIPLE_DOCS: 'a claims file holds one document: remove the second "---" or merge the two',
  BAD_ALIAS: 'check the alias name after "*"',
};

export function parseYaml(text: string): ParseOutcome {
  const data = quickRead(text);
  if (data === undefined) return parseYamlWithPlaces(text);
  return { tree: { data, places: placesOnDemand(text) }, problems: [] };
}

/**
 * The data of a file that js-yaml reads without complaint and that holds nothing it could read
 * differently from `yaml` (see the module comment), or `undefined`.
 */
export function quickRead(text: string): Record<string, unknown> | undefined {
  if (rareSyntax.test(text) || hasShallowContinuation(text)) return undefined;
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
  return isRecord(data) && isPlainTree(data) ? data : undefined;
}

/**
 * What claims files seldom hold and js-yaml reads more leniently than `yaml` (which reports an
 * error): a directive, a document marker other than a first `---` line, a tab, a complex key
 * (`? `), an anchor, alias, tag or reserved character where a value starts, a comment glued
 * to a bracket, comma or quote, an empty key in a flow collection or a flow collection as a
 * key (or one that could be), a block scalar that starts with an empty line or gives its indentation, a flow
 * collection that goes on over lines (and, in {@link hasShallowContinuation}, a quoted value
 * whose next line is not indented). Also a value that starts with a sign or `0b`, where the two
 * read numbers differently (`-0`, `+.5`, `-0x1`, `0b1`). The rule is coarse on purpose: a false
 * alarm only costs the slower reading.
 */
const rareSyntax =
  /^%|\n(?:---|\.\.\.)|^(?:---|\.\.\.)[^\n]|\t|(?:^|[\s[{,])\?(?:\s|$)|(?:^[ ]*|[-:?,[{][ ]+|[[{,])[&!%@`]|(?:[-:?[{][ ]+|[[{])\*|[[{,\]}"']#|[[{,]\s*:|[\]}]\s*:(?:\s|$)|(?:^|[-:?][ ]+)[|>][-+1-9]*[ ]*(?:#[^\n]*)?\n[ ]*(?:\n|$)|[|>][-+]?[1-9]|(?:^|[-:?][ ]+)[ ]*[[{][^\n\]}]*$|[{,]\s*[[{]|(?:^[ ]*|[-:?,[{][ ]+|[[{,])(?:[-+](?:\.|0[xob])|-0(?![.0-9eE])|0b)/mu;

/** A line's indentation, its `- ` item markers, and what follows them. */
const lineParts = /^( *)((?:-(?: +|$))*)(.*)$/u;

/** A mapping key and the colon after it, at the start of what follows a line's item markers. */
const keyPart =
  /^(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s"'#&*!|>%@`[{\]},?:-][^#]*?|[-?:][^\s#][^#]*?) *:(?: +|$)/u;

/**
 * Whether a quoted value goes on to a line that is not indented past its key (or its `-`):
 * `yaml` reports an error there, js-yaml reads on. The lines of a plain or block value, which
 * are indented past their key, are skipped: a quotation mark in them is only text.
 */
function hasShallowContinuation(text: string): boolean {
  /** Lines indented more than this belong to the value above (-1: none does). */
  let skipAbove = -1;
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const indent = spacesAt(text, start, end);
    // Blank lines, and the lines of the value above, are passed over without a closer look.
    if (start + indent === end || (skipAbove >= 0 && indent > skipAbove)) {
      start = end + 1;
      continue;
    }
    skipAbove = -1;
    const [, , markers = '', content = ''] = lineParts.exec(text.slice(start, end)) ?? [];
    const key = content.startsWith('#') ? null : keyPart.exec(content);
    // A value alone on its line belongs to a key above; its own indentation is the safe bound.
    const parentColumn = key ? indent + markers.length : markers ? indent + markers.lastIndexOf('-') : indent;
    const value = key ? content.slice(key[0].length) : content;
    const quote = value.charAt(0);
    if (value === '' || quote === '#') {
      start = end + 1;
      continue;
    }
    if (quote !== '"' && quote !== "'") {
      skipAbove = parentColumn;
      start = end + 1;
      continue;
    }
    const open = start + indent + markers.length + (content.length - value.length);
    const close = closingQuote(text, quote, open + 1);
    if (close === -1) return true;
    // Every line the quoted value goes on to must be indented past its key (or be blank).
    while (end < close) {
      start = end + 1;
      end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      const lineIndent = spacesAt(text, start, end);
      if (start + lineIndent < end && lineIndent <= parentColumn) return true;
    }
    start = end + 1;
  }
  return false;
}

/** How many spaces the text has from `start`, up to `end`. */
function spacesAt(text: string, start: number, end: number): number {
  let index = start;
  while (index < end && text.charCodeAt(index) === 32) index += 1;
  return index - start;
}

/** Where the quoted scalar that opens before `from` closes, or -1. */
function closingQuote(text: string, quote: string, from: number): number {
  for (let index = text.indexOf(quote, from); index !== -1; index = text.indexOf(quote, index + 1)) {
    if (quote === "'") {
      if (text[index + 1] !== "'") return index;
      index += 1;
    } else {
      let backslashes = 0;
      while (text[index - 1 - backslashes] === '\\') backslashes += 1;
      if (backslashes % 2 === 0) return index;
    }
  }
  return -1;
}

/**
 * Whether `root` is a tree of plain objects, arrays and scalars no deeper than {@link maxDepth}
 * in which no object is reached twice (js-yaml gives an alias the object it names).
 */
function isPlainTree(root: object): boolean {
  const seen = new Set<object>();
  const stack: Array<[unknown, number]> = [[root, 0]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [value, depth] = next;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > maxDepth || seen.has(value)) return false;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value as unknown[]) stack.push([item, depth + 1]);
    } else if (isRecord(value)) {
      for (const key in value) stack.push([value[key], depth + 1]);
    } else {
      return false;
    }
  }
  return true;
}

/** The places of `text`'s values, read with `yaml` when the first is asked for. */
function placesOnDemand(text: string): PlaceIndex {
  let places: PlaceIndex | undefined;
  return {
    get(pointer) {
      places ??= parseYamlWithPlaces(text).tree?.places ?? new Map<string, NodePlace>();
      return places.get(pointer);
    },
  };
}

/** What a file nested too deeply is told. */
const tooDeep = 'Invalid YAML: the file is nested too deeply: a claims file needs only a few levels';

/**
 * The offset of the first token of `text` nested deeper than {@link maxDepth} by a bound that
 * never falls short: a line's indentation, plus its `- ` items, plus the flow collections
 * (`[`, `{`) open around it. Read with `yaml`'s lexer, which does not recurse, so that a file
 * nested thousands of levels deep is refused before the parser, which does, would run out of
 * stack (a real claims file is indented a dozen columns at most).
 */
export function yamlTooDeepAt(text: string): number | undefined {
  let offset = 0;
  let flow = 0;
  let indent = 0;
  let items = 0;
  let lineStart = true;
  let scalarNext = false;
  const { CST, Lexer } = yamlLibrary();
  for (const token of new Lexer().lex(text)) {
    // The lexer's markers (document, flow end, scalar) take no room in the text.
    if (token === '\x02' || token === '\x18' || token === '\x1f') {
      scalarNext = token === '\x1f';
      continue;
    }
    const type = scalarNext ? 'scalar' : CST.tokenType(token);
    scalarNext = false;
    if (type === 'newline') {
      lineStart = true;
      indent = 0;
      items = 0;
    } else if (type === 'space' && lineStart) {
      indent = token.length;
    } else {
      lineStart = false;
      if (type === 'seq-item-ind') items += 1;
      else if (type === 'flow-seq-start' || type === 'flow-map-start') flow += 1;
      else if (type === 'flow-seq-end' || type === 'flow-map-end') flow = Math.max(0, flow - 1);
      if (indent + items + flow > maxDepth) return offset;
    }
    offset += token.length;
  }
  return undefined;
}

/** Read `text` with `yaml`, keeping the place of every value. */
export function parseYamlWithPlaces(text: string): ParseOutcome {
  const deep = yamlTooDeepAt(text);
  if (deep !== undefined) {
    const place = pointAt(lineCounterFor(text), deep);
    return { tree: undefined, problems: [{ place, reason: tooDeep, fatal: true }] };
  }
  const lineCounter = new (yamlLibrary().LineCounter)();
  let document: Document.Parsed;
  try {
    document = yamlLibrary().parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    const reason = `Could not read the claims file as YAML (${String(error)}): check its syntax`;
    return { tree: undefined, problems: [{ place: { line: 1, column: 1 }, reason, fatal: true }] };
  }
  // `yaml` reports running out of stack, on a file nested thousands of levels deep, as an error
  // of its own, followed by as many errors as there were open collections: the first says it all.
  const overflow = document.errors.find((error) => /call stack/iu.test(error.message));
  if (overflow) {
    return {
      tree: undefined,
      problems: [{ place: pointAt(lineCounter, overflow.pos[0]), reason: tooDeep, fatal: true }],
    };
  }
  const problems = distinct([
    ...document.errors.map((error) => syntaxProblem(error, text, lineCounter, true)),
    ...document.warnings.map((warning) => syntaxProblem(warning, text, lineCounter, false)),
  ]);
  if (problems.some((problem) => problem.fatal)) return { tree: undefined, problems };

  try {
    return { tree: buildTree(document, lineCounter), problems };
  } catch (error) {
    if (!(error instanceof TreeLimitError)) throw error;
    const reason = `The claims file ${error.what}: ${error.fix}`;
    problems.push({ place: pointAt(lineCounter, error.offset), reason, fatal: true });
    return { tree: undefined, problems };
  }
}

/** The problems without repeats (the same reason at the same place). */
function distinct(problems: readonly SyntaxProblem[]): SyntaxProblem[] {
  const seen = new Set<string>();
  return problems.filter(({ place, reason }) => {
    const key = `${place.line}:${place.column}:${reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function syntaxProblem(
  error: YAMLError,
  text: string,
  lineCounter: LineCounter,
  fatal: boolean,
): SyntaxProblem {
  const place = pointAt(lineCounter, error.pos[0]);
  if (error.code === 'DUPLICATE_KEY') {
    const key = keyTextAt(text, error.pos[0]);
    const reason = `Invalid YAML: the key ${key ? `"${key}" ` : ''}appears twice in one mapping: remove or rename one of them`;
    return { place, reason, fatal };
  }
  const message = error.message.replace(/\.$/, '');
  const hint = hints[error.code] ?? (fatal ? 'fix the syntax here' : 'check this line');
  return { place, reason: `Invalid YAML, ${lowerFirst(message)}: ${hint}`, fatal };
}

/** The key written at `offset` (for duplicate-key messages), without quotes. */
function keyTextAt(text: string, offset: number): string | undefined {
  const match = /^(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\n]|'')*)'|([^:#\n]*[^:#\s]))/.exec(
    text.slice(offset, offset + 200),
  );
  const key = match?.[1] ?? match?.[2] ?? match?.[3];
  return key === undefined ? undefined : key.slice(0, 60);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

class TreeLimitError extends Error {
  constructor(
    readonly offset: number,
    readonly what: string,
    readonly fix: string,
  ) {
    super(what);
  }
}

/** Plain data and places from a parsed document without errors. */
function buildTree(document: Document.Parsed, lineCounter: LineCounter) {
  const places = new Map<string, NodePlace>();
  /** Collections being built: an alias to one of them would loop forever. */
  const open = new Set<unknown>();
  let count = 0;

  const startOf = (node: unknown): number => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? range[0] : 0;
  };

  /**
   * Convert `node` at `pointer`. `keyPlace` is where its key starts (inside a mapping);
   * `aliasPlace` is where the alias that led here starts, which then stands for the whole value.
   */
  const build = (
    node: unknown,
    pointer: string,
    depth: number,
    keyPlace?: Point,
    aliasPlace?: Point,
  ): unknown => {
    if (aliasPlace !== undefined) count += 1;
    if (count > maxValues) {
      throw new TreeLimitError(startOf(node), 'expands to too many values', 'use fewer aliases (*name)');
    }
    if (depth > maxDepth) {
      throw new TreeLimitError(
        startOf(node),
        'is nested too deeply',
        'a claims file needs only a few levels',
      );
    }
    const value = aliasPlace ?? valuePlace(node, keyPlace);
    places.set(pointer, keyPlace ? { value, key: keyPlace } : { value });

    if (yamlLibrary().isAlias(node)) {
      const target = node.resolve(document);
      if (target === undefined) return null;
      if (open.has(target)) {
        throw new TreeLimitError(startOf(node), 'has an alias inside the value it names', 'remove the alias');
      }
      return build(target, pointer, depth + 1, keyPlace, aliasPlace ?? value);
    }
    if (yamlLibrary().isScalar(node)) return scalarValue(node);
    if (yamlLibrary().isMap(node)) {
      open.add(node);
      const object: Record<string, unknown> = {};
      for (const pair of node.items) {
        const key = keyText(pair.key);
        const childKeyPlace =
          aliasPlace ?? (pair.key === null ? value : pointAt(lineCounter, startOf(pair.key)));
        setOwn(
          object,
          key,
          build(pair.value, childPointer(pointer, key), depth + 1, childKeyPlace, aliasPlace),
        );
      }
      open.delete(node);
      return object;
    }
    if (yamlLibrary().isSeq(node)) {
      open.add(node);
      const array = node.items.map((item, index) =>
        build(item, childPointer(pointer, index), depth + 1, undefined, aliasPlace),
      );
      open.delete(node);
      return array;
    }
    return null;
  };

  /** Where a value starts; an empty value (`note:` and nothing after) is placed at its key. */
  const valuePlace = (node: unknown, keyPlace: Point | undefined): Point => {
    const empty =
      node === null ||
      (yamlLibrary().isScalar(node) && node.value === null && node.range?.[0] === node.range?.[1]);
    if (empty && keyPlace) return keyPlace;
    return pointAt(lineCounter, startOf(node));
  };

  const data = build(document.contents, '', 0);
  return { data, places };
}

function keyText(key: unknown): string {
  if (key === null || key === undefined) return '';
  if (yamlLibrary().isScalar(key)) {
    const value = scalarValue(key);
    return value === null ? '' : String(value);
  }
  return '[complex key]';
}

/**
 * The value of a scalar. A YAML 1.1 timestamp (`%YAML 1.1` files read `2024-02-20` as a date)
 * comes back as the text written, so that no time zone can move it to another day.
 */
function scalarValue(node: Scalar): unknown {
  const value: unknown = node.value;
  if (value instanceof Date) {
    const source = (node as Scalar & { source?: unknown }).source;
    return typeof source === 'string' ? source : value.toISOString().slice(0, 10);
  }
  if (typeof value === 'bigint') return Number(value);
  return value;
}
