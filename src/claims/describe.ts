/**
 * Words for messages: how to name a place in the claims file ("field "kind" of claim
 * "gdp-growth"") and how to quote the user's own text safely.
 */
import { isRecord, pointerFrom, pointerSegments, valueAt } from './tree.ts';

export type Format = 'yaml' | 'json';

/**
 * User text inside a message: in double quotes, shortened, with escapes for quotes, backslashes
 * and invisible characters, so that a message can neither break its line nor hide text (control
 * and bidirectional characters are shown as `\uXXXX`).
 */
export function show(text: string, max = 60): string {
  const short = text.length > max ? `${text.slice(0, max)}…` : text;
  const escaped = short.replace(/[\p{Cc}\p{Cf}\u2028\u2029"\\]/gu, (char) =>
    char === '"' || char === '\\'
      ? `\\${char}`
      : `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
  return `"${escaped}"`;
}

/**
 * A phrase naming the value at `pointer`: `the claims file`, `the source`, `claim "gdp-growth"`
 * (or `claim 2` when it has no usable id), `reference "openai-sora-2024"`,
 * `field "kind" of claim "gdp-growth"`, `item 1 of field "author" of the source`.
 */
export function describe(data: unknown, pointer: string): string {
  return phrase(data, pointerSegments(pointer));
}

function phrase(data: unknown, segments: readonly string[]): string {
  const [first, second] = segments;
  if (first === undefined) return 'the claims file';
  if (segments.length === 1 && first === 'source') return 'the source';
  if (segments.length === 2 && (first === 'claims' || first === 'references') && second !== undefined) {
    const noun = first === 'claims' ? 'claim' : 'reference';
    const item = valueAt(data, pointerFrom(segments));
    if (isRecord(item) && typeof item.id === 'string' && item.id.trim() !== '')
      return `${noun} ${show(item.id)}`;
    return `${noun} ${Number(second) + 1}`;
  }
  const parent = segments.slice(0, -1);
  const last = segments.at(-1) ?? '';
  const own = Array.isArray(valueAt(data, pointerFrom(parent)))
    ? `item ${Number(last) + 1}`
    : `field ${show(last)}`;
  return parent.length === 0 ? own : `${own} of ${phrase(data, parent)}`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** How a key is written in this format: `note:` in YAML, `"note":` in JSON. */
export function keySyntax(format: Format, key: string): string {
  return format === 'json' ? `"${key}":` : `${key}:`;
}

/** A list of ids written in this format: `[a, b]` in YAML, `["a", "b"]` in JSON. */
export function listSyntax(format: Format, items: readonly string[]): string {
  return `[${items.map((item) => (format === 'json' ? JSON.stringify(item) : item)).join(', ')}]`;
}

/** `a, b or c`. */
export function alternatives(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1) ?? ''}`;
}
