/**
 * Read a YAML claims file into a {@link SourceTree}, keeping the line and column of every value.
 * Every error the YAML parser finds is reported, each with a hint on how to fix it.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Scalar, YAMLError } from 'yaml';
import { childPointer, pointAt, setOwn } from './tree.ts';
import type { NodePlace, ParseOutcome, SyntaxProblem } from './tree.ts';
import type { Point } from './types.ts';

/** Deeper than any claims file needs; keeps a hostile file from exhausting the stack. */
const maxDepth = 100;
/** Aliases can make a small file expand enormously ("billion laughs"); stop well before. */
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
  const lineCounter = new LineCounter();
  let document: Document.Parsed;
  try {
    document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    const reason = `Could not read the claims file as YAML (${String(error)}): check its syntax`;
    return { tree: undefined, problems: [{ place: { line: 1, column: 1 }, reason, fatal: true }] };
  }
  const problems: SyntaxProblem[] = [
    ...document.errors.map((error) => syntaxProblem(error, text, lineCounter, true)),
    ...document.warnings.map((warning) => syntaxProblem(warning, text, lineCounter, false)),
  ];
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
    count += 1;
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

    if (isAlias(node)) {
      const target = node.resolve(document);
      if (target === undefined) return null;
      if (open.has(target)) {
        throw new TreeLimitError(startOf(node), 'has an alias inside the value it names', 'remove the alias');
      }
      return build(target, pointer, depth + 1, keyPlace, aliasPlace ?? value);
    }
    if (isScalar(node)) return scalarValue(node);
    if (isMap(node)) {
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
    if (isSeq(node)) {
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
      node === null || (isScalar(node) && node.value === null && node.range?.[0] === node.range?.[1]);
    if (empty && keyPlace) return keyPlace;
    return pointAt(lineCounter, startOf(node));
  };

  const data = build(document.contents, '', 0);
  return { data, places };
}

function keyText(key: unknown): string {
  if (key === null || key === undefined) return '';
  if (isScalar(key)) {
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
