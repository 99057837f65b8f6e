/**
 * Rewrite the `quote`, `prefix` and `suffix` of claims in the text of a claims file, changing
 * nothing else: every other byte (comments, key order, quoting, blank lines) stays as it was.
 *
 * - YAML: through the `yaml` library's concrete syntax tree (the tokens of the file, which
 *   print back to the same text): a value keeps its style (plain, quoted, block) where the new
 *   text allows it; a field to remove is taken out with its line; a field to add goes after the
 *   quote (or the prefix), indented as the claim's other fields, in block and flow mappings.
 * - JSON: through jsonc-parser's tree of the file, whose nodes give where each value is: a value
 *   is replaced, a property removed with its comma, a new one written after the quote, on a line
 *   of its own with the quote's indentation when the quote has one.
 *
 * The new text is read back with the claims file's own reader and compared with what was
 * meant: a claim whose edit would read back otherwise (a plain value that YAML would take for
 * a number or a date) is tried again double-quoted, and left as it was if that fails too.
 */
import { findNodeAtLocation, parseTree, type Node as JsonNode } from 'jsonc-parser';
import { isDeepStrictEqual } from 'node:util';
import type { CST, Scalar, YAMLMap } from 'yaml';
import type { Format } from './describe.ts';
import { parseJson } from './parse-json.ts';
import { parseYaml } from './parse-yaml.ts';
import { isRecord } from './tree.ts';
import { yamlLibrary } from './yaml-library.ts';

export const quoteFields = ['quote', 'prefix', 'suffix'] as const;
export type QuoteField = (typeof quoteFields)[number];

/** A claim's new selector: `prefix` or `suffix` left out is removed from the claim. */
export interface QuoteEdit {
  id: string;
  quote: string;
  prefix?: string;
  suffix?: string;
}

export interface EditOutcome {
  text: string;
  /** Ids of the claims that could not be rewritten, with why. */
  failed: Map<string, string>;
}

export function editQuotes(text: string, format: Format, edits: readonly QuoteEdit[]): EditOutcome {
  const failed = new Map<string, string>();
  const quoted = new Set<string>();
  let pending = [...edits];
  // Each round either quotes more values or drops an edit: it ends.
  for (;;) {
    const result = format === 'json' ? editJson(text, pending) : editYaml(text, pending, quoted);
    for (const [id, reason] of result.failed) failed.set(id, reason);
    pending = pending.filter((edit) => !result.failed.has(edit.id));
    const wrong = misread(text, result.text, format, pending);
    if (wrong.length === 0) return { text: result.text, failed };
    const unquoted = format === 'yaml' ? wrong.filter((id) => !quoted.has(id)) : [];
    if (unquoted.length > 0) {
      for (const id of unquoted) quoted.add(id);
      continue;
    }
    for (const id of wrong) failed.set(id, 'its new text would not read back as written');
    pending = pending.filter((edit) => !wrong.includes(edit.id));
  }
}

/** Ids of the edits that the new text does not read back as meant (or all, if anything else changed). */
function misread(before: string, after: string, format: Format, edits: readonly QuoteEdit[]): string[] {
  const read = (text: string) => (format === 'json' ? parseJson(text) : parseYaml(text)).tree?.data;
  const old = read(before);
  const now = read(after);
  if (!isRecord(old) || !isRecord(now) || !Array.isArray(old.claims) || !Array.isArray(now.claims))
    return edits.map((edit) => edit.id);
  const byId = new Map(edits.map((edit) => [edit.id, edit]));
  const expected = old.claims.map((claim: unknown) => {
    const edit = isRecord(claim) && typeof claim.id === 'string' ? byId.get(claim.id) : undefined;
    if (!edit || !isRecord(claim)) return claim;
    const copy: Record<string, unknown> = { ...claim, quote: edit.quote };
    for (const field of ['prefix', 'suffix'] as const) {
      if (edit[field] === undefined) delete copy[field];
      else copy[field] = edit[field];
    }
    return copy;
  });
  const nowSorted = sorted(now.claims as unknown[]);
  const expectedSorted = sorted(expected);
  const wrong = edits
    .filter((edit) => {
      const index = expected.findIndex((claim) => isRecord(claim) && claim.id === edit.id);
      return !isDeepStrictEqual(nowSorted[index], expectedSorted[index]);
    })
    .map((edit) => edit.id);
  const rest = (data: Record<string, unknown>) => ({ ...data, claims: undefined });
  if (wrong.length === 0 && !isDeepStrictEqual(rest(old), rest(now))) return edits.map((edit) => edit.id);
  return wrong;
}

/** Each item with its keys in one order, so that comparing ignores where a field was added. */
function sorted(items: readonly unknown[]): unknown[] {
  return items.map((item) =>
    isRecord(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b))) : item,
  );
}

function editJson(text: string, edits: readonly QuoteEdit[]): EditOutcome {
  const failed = new Map<string, string>();
  let result = text;
  for (const edit of edits) {
    const ids = (claimNodes(result) ?? []).map((item) => findNodeAtLocation(item, ['id'])?.value as unknown);
    const index = ids.indexOf(edit.id);
    if (index === -1 || ids.indexOf(edit.id, index + 1) !== -1) {
      failed.set(edit.id, 'its id does not name exactly one claim');
      continue;
    }
    for (const field of quoteFields) {
      const claim = claimNodes(result)?.[index];
      if (claim?.type !== 'object') break;
      const next = editJsonField(result, claim, field, edit[field]);
      if (next === undefined) {
        failed.set(edit.id, 'its quote is not a property of its own');
        break;
      }
      result = next;
    }
  }
  return { text: result, failed };
}

function claimNodes(text: string): JsonNode[] | undefined {
  const tree = parseTree(text);
  return (tree && findNodeAtLocation(tree, ['claims']))?.children;
}

/** The text with `field` of the claim object set to `value` (removed when undefined). */
function editJsonField(
  text: string,
  claim: JsonNode,
  field: QuoteField,
  value: string | undefined,
): string | undefined {
  const properties = claim.children ?? [];
  const keyOfProperty = (property: JsonNode) => property.children?.[0]?.value as unknown;
  const index = properties.findIndex((property) => keyOfProperty(property) === field);
  const property = properties[index];
  const splice = (start: number, end: number, insert: string) =>
    text.slice(0, start) + insert + text.slice(end);
  if (property) {
    const valueNode = property.children?.[1];
    if (!valueNode) return undefined;
    if (value === undefined) {
      const before = properties[index - 1];
      const after = properties[index + 1];
      if (before) return splice(before.offset + before.length, property.offset + property.length, '');
      if (after) return splice(property.offset, after.offset, '');
      return splice(property.offset, property.offset + property.length, '');
    }
    if (valueNode.value === value) return text;
    return splice(valueNode.offset, valueNode.offset + valueNode.length, JSON.stringify(value));
  }
  if (value === undefined) return text;
  const anchorKey =
    field === 'suffix' && properties.some((p) => keyOfProperty(p) === 'prefix') ? 'prefix' : 'quote';
  const anchor = properties.find((p) => keyOfProperty(p) === anchorKey);
  if (!anchor) return undefined;
  const end = anchor.offset + anchor.length;
  // On a line of its own when the quote is: with the quote's indentation.
  const lineStart = text.lastIndexOf('\n', anchor.offset) + 1;
  const indent = /^[ \t]*/u.exec(text.slice(lineStart, anchor.offset))?.[0] ?? '';
  const ownLine = text.slice(lineStart, anchor.offset) === indent;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const separator = ownLine ? `,${eol}${indent}` : ', ';
  return splice(end, end, `${separator}${JSON.stringify(field)}: ${JSON.stringify(value)}`);
}

type BlockItem = CST.BlockMap['items'][number];

function editYaml(text: string, edits: readonly QuoteEdit[], quoted: ReadonlySet<string>): EditOutcome {
  const { Composer, CST, isMap, isSeq, Parser } = yamlLibrary();
  const failed = new Map<string, string>();
  const tokens = [...new Parser().parse(text)];
  const documents = [...new Composer({ keepSourceTokens: true }).compose(tokens)];
  const [document] = documents;
  const claims = document?.get('claims', true);
  if (!document || documents.length > 1 || document.errors.length > 0 || !isSeq(claims)) {
    for (const edit of edits) failed.set(edit.id, 'the file cannot be edited as a YAML document');
    return { text, failed };
  }
  const maps = claims.items.filter((item): item is YAMLMap => isMap(item));
  for (const edit of edits) {
    const matching = maps.filter((map) => map.get('id') === edit.id);
    const [map] = matching;
    const reason =
      matching.length !== 1 || !map
        ? 'its id does not name exactly one claim'
        : editYamlClaim(map, edit, quoted.has(edit.id));
    if (reason !== undefined) failed.set(edit.id, reason);
  }
  return { text: tokens.map((token) => CST.stringify(token)).join(''), failed };
}

/** Edits one claim's mapping in place; a reason when it cannot be edited. */
function editYamlClaim(map: YAMLMap, edit: QuoteEdit, quote: boolean): string | undefined {
  const { CST, isScalar } = yamlLibrary();
  const token = map.srcToken;
  if (token?.type !== 'block-map' && token?.type !== 'flow-collection') return 'it is not a mapping';
  const inFlow = token.type === 'flow-collection';
  const items = token.items as BlockItem[];
  for (const field of quoteFields) {
    const wanted = edit[field];
    const node = map.get(field, true);
    const index = items.findIndex((item) => item.key && 'source' in item.key && item.key.source === field);
    if (node !== undefined && (!isScalar(node) || index === -1)) return `its ${field} is not a plain value`;
    const scalar = node as Scalar | undefined;
    if (wanted === undefined) {
      if (index !== -1) removeItem(items, index);
    } else if (scalar?.srcToken) {
      if (scalar.value === wanted && !quote) continue;
      const type = quote
        ? 'QUOTE_DOUBLE'
        : scalar.type === 'PLAIN' || scalar.type === undefined
          ? undefined
          : scalar.type;
      CST.setScalarValue(scalar.srcToken, wanted, { afterKey: !inFlow, inFlow, ...(type ? { type } : {}) });
    } else {
      const previous = ['quote', 'prefix'].map((key) => items.findIndex((item) => keyOf(item) === key));
      const after = Math.max(...previous.slice(0, field === 'suffix' ? 2 : 1));
      if (after === -1) return 'it has no quote to put the context beside';
      const item = newItem(field, wanted, token.indent, inFlow, quote);
      if (!inFlow && !endsLine(items[after])) return 'its quote does not end its line';
      items.splice(after + 1, 0, item);
    }
  }
  return undefined;
}

function keyOf(item: BlockItem | undefined): string | undefined {
  return item?.key && 'source' in item.key ? item.key.source : undefined;
}

function removeItem(items: BlockItem[], index: number): void {
  const [removed] = items.splice(index, 1);
  const next = items[index];
  // In a flow mapping the first item's start has no comma: the next one takes its place.
  if (index === 0 && removed && next) next.start = removed.start;
}

function endsLine(item: BlockItem | undefined): boolean {
  const { CST } = yamlLibrary();
  return item !== undefined && CST.stringify(item as CST.CollectionItem).endsWith('\n');
}

function newItem(
  field: QuoteField,
  value: string,
  indent: number,
  inFlow: boolean,
  quote: boolean,
): BlockItem {
  const at = { offset: 0, indent };
  const start: CST.SourceToken[] = inFlow
    ? [
        { type: 'comma', ...at, source: ',' },
        { type: 'space', ...at, source: ' ' },
      ]
    : [{ type: 'space', ...at, source: ' '.repeat(indent) }];
  const item: BlockItem = {
    start,
    key: { type: 'scalar', ...at, source: field },
    sep: [
      { type: 'map-value-ind', ...at, source: ':' },
      { type: 'space', ...at, source: ' ' },
    ],
    value: {
      type: 'scalar',
      ...at,
      source: '',
      end: inFlow ? [] : [{ type: 'newline', ...at, source: '\n' }],
    },
  };
  if (item.value)
    yamlLibrary().CST.setScalarValue(item.value, value, {
      afterKey: !inFlow,
      inFlow,
      type: quote ? 'QUOTE_DOUBLE' : 'PLAIN',
    });
  return item;
}
