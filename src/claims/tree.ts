/**
 * The claims file as plain data plus where each value sits in the text. Both parsers (YAML and
 * JSON) produce this shape, so validation never needs to know which format it read.
 *
 * Values are addressed by JSON Pointer (RFC 6901), the form Ajv uses for `instancePath`:
 * `''` is the root, `/claims/0/quote` the quote of the first claim.
 */
import type { LineCounter } from 'yaml';
import { yamlLibrary } from './yaml-library.ts';
import type { Point } from './types.ts';

/** Where one value starts, and where its key starts when it is a mapping entry. */
export interface NodePlace {
  value: Point;
  key?: Point;
}

/** Where each value is, by pointer: a map, or something that finds them only when first asked. */
export interface PlaceIndex {
  get(pointer: string): NodePlace | undefined;
}

export interface SourceTree {
  /** Plain JSON-like data: objects, arrays, strings, numbers, booleans and null. */
  data: unknown;
  places: PlaceIndex;
}

/** A problem found while parsing: the text is not valid YAML or JSON. */
export interface SyntaxProblem {
  place: Point;
  reason: string;
  /** `false` for parser warnings that leave the data usable. */
  fatal: boolean;
}

export interface ParseOutcome {
  /** Absent when the text could not be read at all. */
  tree: SourceTree | undefined;
  problems: SyntaxProblem[];
}

/** Point of the start of the file, used when nothing more precise is known. */
export const startOfFile: Point = { line: 1, column: 1 };

/** The pointer of `key` (a property name or an index) inside `parent`. */
export function childPointer(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}/${key}`;
  // Most keys need no escaping: skip the two replacements for them.
  if (!key.includes('~') && !key.includes('/')) return `${parent}/${key}`;
  return `${parent}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

/** The reference tokens of a pointer: `/claims/0/id` → `['claims', '0', 'id']`. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}

export function pointerFrom(segments: readonly string[]): string {
  return segments.reduce<string>((pointer, segment) => childPointer(pointer, segment), '');
}

/** Whether `pointer` is `ancestor` itself or lies inside it (`/claims/1` does not contain `/claims/10`). */
export function isWithin(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`);
}

/** The value at `pointer`, or `undefined` when there is none. */
export function valueAt(data: unknown, pointer: string): unknown {
  let value = data;
  for (const segment of pointerSegments(pointer)) {
    if (Array.isArray(value)) value = /^\d+$/.test(segment) ? value[Number(segment)] : undefined;
    else if (isRecord(value) && Object.hasOwn(value, segment)) value = value[segment];
    else return undefined;
  }
  return value;
}

/**
 * Where the value at `pointer` starts (or its key, when asked and known). A pointer with no
 * recorded place (a value reached through a YAML alias, say) falls back to its nearest ancestor.
 */
export function placeOf(tree: SourceTree, pointer: string, which: 'value' | 'key' = 'value'): Point {
  let current = pointer;
  for (;;) {
    const place = tree.places.get(current);
    if (place) return which === 'key' && place.key ? place.key : place.value;
    if (current === '') return startOfFile;
    current = current.slice(0, current.lastIndexOf('/'));
  }
}

/** A plain object (a mapping), not an array, a date or null. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Set an own, enumerable property, even one named `__proto__` (plain assignment would change the
 * object's prototype instead of adding a field).
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A line counter for `text`, the same that the YAML parser fills while it reads. */
export function lineCounterFor(text: string): LineCounter {
  const lineCounter = new (yamlLibrary().LineCounter)();
  lineCounter.addNewLine(0);
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
    lineCounter.addNewLine(index + 1);
  }
  return lineCounter;
}

/** The 1-based line and column of a 0-based offset. */
export function pointAt(lineCounter: LineCounter, offset: number): Point {
  const { line, col } = lineCounter.linePos(offset);
  return { line: Math.max(line, 1), column: Math.max(col, 1) };
}
