/**
 * Read a JSON claims file (RFC 8259, strict: no comments, no trailing commas) into a
 * {@link SourceTree}, keeping the line and column of every value and key.
 *
 * `jsonc-parser` (the parser behind VS Code's JSON support) reads the text and gives the offset
 * of every value and error. This module words the first error for people who edit JSON by hand
 * ("a comma before } is not allowed: remove it") and places it where the mistake is; later errors
 * are mostly echoes of the first and are not reported. Duplicate property names, which the
 * parser accepts, are reported all at once.
 */
import { createScanner, parseTree, printParseErrorCode, visit } from 'jsonc-parser';
import type { Node, ParseError, ParseOptions } from 'jsonc-parser';
import { show } from './describe.ts';
import { childPointer, lineCounterFor, pointAt, setOwn } from './tree.ts';
import type { NodePlace, ParseOutcome, SyntaxProblem } from './tree.ts';
import type { Point } from './types.ts';

/** Deeper than any claims file needs; keeps a hostile file from exhausting the stack. */
const maxDepth = 100;

/** Exactly what `JSON.parse` accepts. */
const strict: ParseOptions = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

const noComments = 'JSON does not allow comments: remove it (a .claims.yaml file may have comments)';

export function parseJson(text: string): ParseOutcome {
  const lineCounter = lineCounterFor(text);
  const point = (offset: number): Point => pointAt(lineCounter, offset);
  const problem = (offset: number, reason: string): SyntaxProblem => ({
    place: point(offset),
    reason: `Invalid JSON: ${reason}`,
    fatal: true,
  });

  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    const reason = 'the file is nested too deeply: a claims file needs only a few levels';
    return { tree: undefined, problems: [problem(deep, reason)] };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, strict);
  if (errors.length > 0 || root === undefined) {
    const { offset, reason } = explain(text, firstError(text), point);
    return { tree: undefined, problems: [problem(offset, reason)] };
  }

  const places = new Map<string, NodePlace>();
  const duplicates: SyntaxProblem[] = [];
  const build = (node: Node, pointer: string, key?: Point): unknown => {
    const value = point(node.offset);
    places.set(pointer, key ? { value, key } : { value });
    if (node.type === 'array') {
      return (node.children ?? []).map((item, index) => build(item, childPointer(pointer, index), undefined));
    }
    if (node.type !== 'object') return node.value as unknown;
    const object: Record<string, unknown> = {};
    const seen = new Map<string, number>();
    for (const property of node.children ?? []) {
      const [nameNode, valueNode] = property.children ?? [];
      if (!nameNode || !valueNode) continue;
      const name = String(nameNode.value);
      const first = seen.get(name);
      if (first === undefined) seen.set(name, nameNode.offset);
      else {
        const reason = `the property ${show(name)} appears twice in one object (first at line ${point(first).line}): remove or rename one of them`;
        duplicates.push(problem(nameNode.offset, reason));
      }
      setOwn(object, name, build(valueNode, childPointer(pointer, name), point(nameNode.offset)));
    }
    return object;
  };
  const data = build(root, '');
  if (duplicates.length > 0) return { tree: undefined, problems: duplicates };
  return { tree: { data, places }, problems: [] };
}

/**
 * The offset of the first `{` or `[` nested deeper than {@link maxDepth}, found with the
 * parser's scanner before the (recursive) parser itself runs.
 */
function tooDeepAt(text: string): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  // Every token but the end of the file has a length.
  for (scanner.scan(); scanner.getTokenLength() > 0; scanner.scan()) {
    const char = text[scanner.getTokenOffset()];
    if (char === '{' || char === '[') depth += 1;
    else if (char === '}' || char === ']') depth = Math.max(depth - 1, 0);
    if (depth > maxDepth) return scanner.getTokenOffset();
  }
  return undefined;
}

/** An object or array being read. */
interface Container {
  opener: '{' | '[';
  offset: number;
  /** The last property name read in an object. */
  key?: string;
}

/** The parser's first error, and what it had read just before. */
interface Situation {
  error: ReturnType<typeof printParseErrorCode>;
  offset: number;
  /** The innermost object or array not yet closed; none at the top level. */
  container: Container | undefined;
  /** The last thing read: an opening `{` or `[`, a property name, a `:`, a `,` or a value. */
  after: 'opener' | 'key' | ':' | ',' | 'value';
  /** Where the last comma is. */
  comma: number;
  /** Where the last value starts and ends, when it is a number. */
  number: { start: number; end: number } | undefined;
}

/** Read the text again, following the parser's steps, to learn what it expected at its first error. */
function firstError(text: string): Situation {
  const open: Container[] = [];
  let after: Situation['after'] = 'opener';
  let comma = 0;
  let number: Situation['number'];
  const found: Situation[] = [];
  const close = (_offset: number, length: number): void => {
    // At the end of the file (a token of length 0) the container is not closed: keep it for the
    // error that follows.
    if (length > 0) open.pop();
    after = 'value';
    number = undefined;
  };
  visit(
    text,
    {
      onObjectBegin: (offset) => {
        open.push({ opener: '{', offset });
        after = 'opener';
      },
      onArrayBegin: (offset) => {
        open.push({ opener: '[', offset });
        after = 'opener';
      },
      onObjectProperty: (name) => {
        const container = open.at(-1);
        if (container) container.key = name;
        after = 'key';
      },
      onSeparator: (char, offset) => {
        if (char === ',') {
          after = ',';
          comma = offset;
        } else after = ':';
      },
      onLiteralValue: (value, offset, length) => {
        after = 'value';
        number = typeof value === 'number' ? { start: offset, end: offset + length } : undefined;
      },
      onObjectEnd: close,
      onArrayEnd: close,
      onError: (error, offset) => {
        if (found.length > 0) return;
        const top = open.at(-1);
        const container = top && { ...top };
        found.push({ error: printParseErrorCode(error), offset, container, after, comma, number });
      },
    },
    strict,
  );
  const [first] = found;
  if (!first) throw new Error('parseJson: the parser reported an error on its first reading only');
  return first;
}

interface Explained {
  offset: number;
  reason: string;
}

/** Say what is wrong at the parser's first error and how to fix it. */
function explain(text: string, situation: Situation, point: (offset: number) => Point): Explained {
  const { error, offset, container, after } = situation;
  const at = (reason: string, where = offset): Explained => ({ offset: where, reason });
  switch (error) {
    case 'InvalidCommentToken':
      return at(noComments);
    case 'UnexpectedEndOfString':
    case 'InvalidEscapeCharacter':
    case 'InvalidUnicode':
    case 'InvalidCharacter':
      return stringProblem(text, offset);
    case 'UnexpectedEndOfNumber':
    case 'InvalidNumberFormat':
      return at(notANumber(text, offset));
  }

  const char = text[offset];
  if (char === undefined) {
    if (!container) return at('the file is empty: write an object with "source" and "claims"', 0);
    if (after === ':')
      return at('the file ends where a value should be: add the value and close every { and [');
    const { line, column } = point(container.offset);
    const closer = container.opener === '{' ? '}' : ']';
    return at(
      `the file ends before the "${container.opener}" at line ${line}, column ${column} is closed: add "${closer}"`,
    );
  }
  if (char === '/' || char === '#') return at(noComments);
  const found = describeChar(char);
  if (after === 'value') {
    // `01` or `1.5.3`: the parser read a number and stopped where JSON numbers stop.
    const { number } = situation;
    if (number?.end === offset && /[\d.eE]/.test(char))
      return at(notANumber(text, number.start), number.start);
    if (!container) return at('there is more text after the end of the top-level object: remove it');
    return container.opener === '{'
      ? at(
          `expected "," or "}" after the value of ${show(container.key ?? '')}, found ${found}: add a comma between two properties`,
        )
      : at(`expected "," or "]" after a list item, found ${found}: add a comma between two items`);
  }
  if (container?.opener === '{' && after === 'key') {
    return at(
      `expected ":" after the property name ${show(container.key ?? '')}, found ${found}: put a colon between the name and its value`,
    );
  }
  if (container?.opener === '{' && after !== ':') {
    if (char === '}') return at('a comma before "}" is not allowed: remove this comma', situation.comma);
    return at(propertyNameProblem(text, offset));
  }
  if (char === ']' && after === ',')
    return at('a comma before "]" is not allowed: remove this comma', situation.comma);
  return at(valueProblem(text, offset));
}

/** Where a property name should start: explain the usual mistakes. */
function propertyNameProblem(text: string, offset: number): string {
  const char = text[offset] ?? '';
  if (char === "'") return 'property names must be in double quotes, not single quotes';
  const word = /^[\p{L}\p{N}_$-]+/u.exec(text.slice(offset, offset + 100))?.[0];
  if (word) return `property names must be in double quotes: write "${word}"`;
  return `expected a property name in double quotes, found ${describeChar(char)}`;
}

/** Where a value should start: explain the usual mistakes. */
function valueProblem(text: string, offset: number): string {
  const char = text[offset] ?? '';
  if (char === "'") return 'strings must be in double quotes, not single quotes';
  if (char === '.' || char === '+')
    return 'a JSON number starts with a digit or "-": write 0.5, not .5 or +1';
  if (char === '-') return notANumber(text, offset);
  const word = /^[\p{L}\p{N}_$]+/u.exec(text.slice(offset, offset + 100))?.[0];
  if (word) {
    const lower = word.toLowerCase();
    const hint =
      lower === 'true' || lower === 'false' || lower === 'null'
        ? `write ${lower} in lower case`
        : 'put text in double quotes';
    return `${show(word)} is not a JSON value: ${hint}`;
  }
  return `expected a value, found ${describeChar(char)}`;
}

function notANumber(text: string, start: number): string {
  const token = /^[-+.\w]*/.exec(text.slice(start, start + 40))?.[0] ?? '';
  return `${show(token)} is not a JSON number: write digits with an optional "." and exponent, no leading zeros (or put it in double quotes)`;
}

/**
 * The first mistake inside the string whose opening quote is at `open` (the parser places every
 * string error at the opening quote).
 */
function stringProblem(text: string, open: number): Explained {
  // eslint-disable-next-line no-control-regex -- JSON strings may not hold raw control characters
  const valid = /(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[\da-fA-F]{4})*/y;
  valid.lastIndex = open + 1;
  valid.exec(text);
  const index = valid.lastIndex;
  const char = text[index];
  const escape = text[index + 1];
  if (char === undefined || (char === '\\' && escape === undefined)) {
    return { offset: open, reason: 'this string is not closed: add the closing double quote' };
  }
  if (char === '\\') {
    const written = escape === 'u' ? '\\u' : `\\${escape ?? ''}`;
    const reason = `${show(written)} is not a JSON escape: write \\\\ for a backslash, or \\uXXXX with four hex digits`;
    return { offset: index, reason };
  }
  if (char === '\n' || char === '\r') {
    const reason = 'a line break inside a string must be written \\n (or is a closing double quote missing?)';
    return { offset: index, reason };
  }
  const code = char.charCodeAt(0).toString(16).padStart(4, '0');
  const reason = `a control character inside a string must be escaped: write \\u${code}${char === '\t' ? ' or \\t' : ''}`;
  return { offset: index, reason };
}

function describeChar(char: string): string {
  if (char === '') return 'the end of the file';
  if (char === '"') return 'a string';
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f)
    return `the control character U+${code.toString(16).padStart(4, '0').toUpperCase()}`;
  return show(char);
}
