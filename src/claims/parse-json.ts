/**
 * Read a JSON claims file (RFC 8259, strict: no comments, no trailing commas) into a
 * {@link SourceTree}, keeping the line and column of every value and key.
 *
 * `JSON.parse` tells neither where values are nor, reliably, where an error is; this reader does
 * both, and words its errors for people who edit JSON by hand ("a comma before } is not
 * allowed: remove it"). It stops at the first syntax error, as a JSON reader must; duplicate
 * property names are reported all at once after reading.
 */
import { show } from './describe.ts';
import { childPointer, lineCounterFor, pointAt, setOwn } from './tree.ts';
import type { NodePlace, ParseOutcome, SyntaxProblem } from './tree.ts';
import type { LineCounter } from 'yaml';
import type { Point } from './types.ts';

/** Deeper than any claims file needs; keeps a hostile file from exhausting the stack. */
const maxDepth = 100;

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export function parseJson(text: string): ParseOutcome {
  const reader = new JsonReader(text);
  try {
    const data = reader.document();
    if (reader.duplicates.length > 0) return { tree: undefined, problems: reader.duplicates };
    return { tree: { data, places: reader.places }, problems: [] };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const place = pointAt(reader.lineCounter, error.offset);
    return { tree: undefined, problems: [{ place, reason: `Invalid JSON: ${error.reason}`, fatal: true }] };
  }
}

class JsonReader {
  readonly lineCounter: LineCounter;
  readonly places = new Map<string, NodePlace>();
  readonly duplicates: SyntaxProblem[] = [];
  private offset = 0;

  constructor(private readonly text: string) {
    this.lineCounter = lineCounterFor(text);
  }

  document(): unknown {
    this.skipSpace();
    if (this.offset >= this.text.length) {
      throw new JsonSyntaxError(0, 'the file is empty: write an object with "source" and "claims"');
    }
    const data = this.value('', 0, undefined);
    this.skipSpace();
    if (this.offset < this.text.length) {
      throw new JsonSyntaxError(
        this.offset,
        'there is more text after the end of the top-level object: remove it',
      );
    }
    return data;
  }

  private value(pointer: string, depth: number, key: Point | undefined): unknown {
    if (depth > maxDepth)
      throw new JsonSyntaxError(
        this.offset,
        'the file is nested too deeply: a claims file needs only a few levels',
      );
    const start = this.offset;
    const place = this.point(start);
    this.places.set(pointer, key ? { value: place, key } : { value: place });
    const char = this.text[start];
    switch (char) {
      case '{':
        return this.object(pointer, depth);
      case '[':
        return this.array(pointer, depth);
      case '"':
        return this.string();
      case undefined:
        throw new JsonSyntaxError(
          start,
          'the file ends where a value should be: add the value and close every { and [',
        );
      default:
        if (char === '-' || (char >= '0' && char <= '9')) return this.number();
        return this.word(char);
    }
  }

  private object(pointer: string, depth: number): Record<string, unknown> {
    const open = this.offset;
    const object: Record<string, unknown> = {};
    const seen = new Map<string, number>();
    this.offset += 1;
    this.skipSpace();
    if (this.text[this.offset] === '}') {
      this.offset += 1;
      return object;
    }
    for (;;) {
      const keyStart = this.offset;
      this.expectKey(open);
      const key = this.string();
      this.skipSpace();
      if (this.text[this.offset] !== ':') {
        throw this.unexpected(
          `expected ":" after the property name ${show(key)}`,
          'put a colon between the name and its value',
          open,
          '}',
        );
      }
      this.offset += 1;
      this.skipSpace();
      const keyPlace = this.point(keyStart);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, keyStart);
      else {
        const reason = `Invalid JSON: the property ${show(key)} appears twice in one object (first at line ${this.point(first).line}): remove or rename one of them`;
        this.duplicates.push({ place: keyPlace, reason, fatal: true });
      }
      setOwn(object, key, this.value(childPointer(pointer, key), depth + 1, keyPlace));
      this.skipSpace();
      const next = this.text[this.offset];
      if (next === '}') {
        this.offset += 1;
        return object;
      }
      if (next !== ',') {
        throw this.unexpected(
          `expected "," or "}" after the value of ${show(key)}`,
          'add a comma between two properties',
          open,
          '}',
        );
      }
      const comma = this.offset;
      this.offset += 1;
      this.skipSpace();
      if (this.text[this.offset] === '}')
        throw new JsonSyntaxError(comma, 'a comma before "}" is not allowed: remove this comma');
    }
  }

  private array(pointer: string, depth: number): unknown[] {
    const open = this.offset;
    const array: unknown[] = [];
    this.offset += 1;
    this.skipSpace();
    if (this.text[this.offset] === ']') {
      this.offset += 1;
      return array;
    }
    for (;;) {
      if (this.offset >= this.text.length) throw this.unclosed(open, ']');
      array.push(this.value(childPointer(pointer, array.length), depth + 1, undefined));
      this.skipSpace();
      const next = this.text[this.offset];
      if (next === ']') {
        this.offset += 1;
        return array;
      }
      if (next !== ',')
        throw this.unexpected(
          'expected "," or "]" after a list item',
          'add a comma between two items',
          open,
          ']',
        );
      const comma = this.offset;
      this.offset += 1;
      this.skipSpace();
      if (this.text[this.offset] === ']')
        throw new JsonSyntaxError(comma, 'a comma before "]" is not allowed: remove this comma');
    }
  }

  /** Check that a property name in double quotes starts here, explaining the usual mistakes. */
  private expectKey(open: number): void {
    const char = this.text[this.offset];
    if (char === '"') return;
    if (char === undefined) throw this.unclosed(open, '}');
    if (char === "'")
      throw new JsonSyntaxError(this.offset, 'property names must be in double quotes, not single quotes');
    const word = /^[\p{L}\p{N}_$-]+/u.exec(this.text.slice(this.offset, this.offset + 100))?.[0];
    if (word)
      throw new JsonSyntaxError(this.offset, `property names must be in double quotes: write "${word}"`);
    throw new JsonSyntaxError(
      this.offset,
      `expected a property name in double quotes, found ${describeChar(char)}`,
    );
  }

  /** A string starting at the current offset (on its opening quote). */
  private string(): string {
    const open = this.offset;
    let result = '';
    let index = open + 1;
    for (;;) {
      const char = this.text[index];
      if (char === undefined) {
        throw new JsonSyntaxError(open, 'this string is not closed: add the closing double quote');
      }
      if (char === '"') break;
      if (char === '\\') {
        const escape = this.text[index + 1];
        const simple = escape === undefined ? undefined : simpleEscapes[escape];
        if (simple !== undefined) {
          result += simple;
          index += 2;
          continue;
        }
        if (escape === 'u' && /^[\da-fA-F]{4}$/.test(this.text.slice(index + 2, index + 6))) {
          result += String.fromCharCode(Number.parseInt(this.text.slice(index + 2, index + 6), 16));
          index += 6;
          continue;
        }
        const written = escape === 'u' ? '\\u' : `\\${escape ?? ''}`;
        throw new JsonSyntaxError(
          index,
          `${show(written)} is not a JSON escape: write \\\\ for a backslash, or \\uXXXX with four hex digits`,
        );
      }
      if (char < ' ') {
        if (char === '\n' || char === '\r') {
          throw new JsonSyntaxError(
            index,
            'a line break inside a string must be written \\n (or is a closing double quote missing?)',
          );
        }
        const code = char.charCodeAt(0).toString(16).padStart(4, '0');
        throw new JsonSyntaxError(
          index,
          `a control character inside a string must be escaped: write \\u${code}${char === '\t' ? ' or \\t' : ''}`,
        );
      }
      result += char;
      index += 1;
    }
    this.offset = index + 1;
    return result;
  }

  private number(): number {
    const start = this.offset;
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(start, start + 400));
    const written = match?.[0] ?? '';
    const after = this.text[start + written.length];
    if (written === '' || written === '-' || (after !== undefined && /[\d.eE]/.test(after))) {
      const token = /^[-+.\w]*/.exec(this.text.slice(start, start + 40))?.[0] ?? '';
      throw new JsonSyntaxError(
        start,
        `${show(token)} is not a JSON number: write digits with an optional "." and exponent, no leading zeros (or put it in double quotes)`,
      );
    }
    this.offset = start + written.length;
    return Number(written);
  }

  /** `true`, `false` or `null`, or an explanation of what else was found. */
  private word(char: string): boolean | null {
    const start = this.offset;
    const word = /^[\p{L}\p{N}_$]+/u.exec(this.text.slice(start, start + 100))?.[0];
    const literals = { true: true, false: false, null: null } as const;
    if (word === 'true' || word === 'false' || word === 'null') {
      this.offset += word.length;
      return literals[word];
    }
    if (char === "'") throw new JsonSyntaxError(start, 'strings must be in double quotes, not single quotes');
    if (char === '/' || char === '#') {
      throw new JsonSyntaxError(
        start,
        'JSON does not allow comments: remove it (a .claims.yaml file may have comments)',
      );
    }
    if (char === '.' || char === '+') {
      throw new JsonSyntaxError(start, 'a JSON number starts with a digit or "-": write 0.5, not .5 or +1');
    }
    if (word) {
      const lower = word.toLowerCase();
      const hint =
        lower === 'true' || lower === 'false' || lower === 'null'
          ? `write ${lower} in lower case`
          : 'put text in double quotes';
      throw new JsonSyntaxError(start, `${show(word)} is not a JSON value: ${hint}`);
    }
    throw new JsonSyntaxError(start, `expected a value, found ${describeChar(char)}`);
  }

  private unexpected(what: string, fix: string, open: number, closer: string): JsonSyntaxError {
    if (this.offset >= this.text.length) return this.unclosed(open, closer);
    return new JsonSyntaxError(
      this.offset,
      `${what}, found ${describeChar(this.text[this.offset] ?? '')}: ${fix}`,
    );
  }

  private unclosed(open: number, closer: string): JsonSyntaxError {
    const { line, column } = this.point(open);
    return new JsonSyntaxError(
      this.text.length,
      `the file ends before the "${this.text[open] ?? ''}" at line ${line}, column ${column} is closed: add "${closer}"`,
    );
  }

  private skipSpace(): void {
    while (this.offset < this.text.length) {
      const char = this.text[this.offset];
      if (char !== ' ' && char !== '\t' && char !== '\n' && char !== '\r') return;
      this.offset += 1;
    }
  }

  private point(offset: number): Point {
    return pointAt(this.lineCounter, offset);
  }
}

const simpleEscapes: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

function describeChar(char: string): string {
  if (char === '') return 'the end of the file';
  if (char === '"') return 'a string';
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f)
    return `the control character U+${code.toString(16).padStart(4, '0').toUpperCase()}`;
  return show(char);
}
