/**
 * Operations on a YAML claims file through the `yaml` library's document model: the file is
 * parsed with `parseDocument`, the operations are made on its nodes, and only the items they
 * touch are written again (`toString` of the item) and spliced into the text in their place.
 * Everything else keeps its bytes: comments, key order, blank lines, quoting, flow or block
 * style. Inside an item that changed, its comments and the style of its unchanged values stay.
 *
 * The result is checked: read again, it must hold the edited document's data and every one of
 * its comments. Where splicing cannot be done (a list written in flow style, a list missing),
 * the whole document is written by `toString`, which still keeps comments and key order.
 */
import { isDeepStrictEqual } from 'node:util';
import {
  Document,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  Scalar,
  visit,
  type Node,
  type Pair,
  type ToStringOptions,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { claimFieldOrder, ChangeError, type FileData, type ListName, type Operation } from './operations.ts';

/** The file's data (for `operationsFor`), or a ChangeError when the YAML does not parse. */
export function yamlData(text: string): FileData {
  const doc = parseDocument(text);
  if (doc.errors.length > 0)
    throw new ChangeError(`The claims file does not parse: ${doc.errors[0]?.message}`);
  const data = doc.toJS() as Record<string, unknown> | null;
  const list = (name: string): unknown[] => {
    const value = data?.[name];
    return Array.isArray(value) ? value : [];
  };
  return { claims: list('claims'), references: list('references') };
}

export function applyYaml(text: string, operations: readonly Operation[]): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0)
    throw new ChangeError(`The claims file does not parse: ${doc.errors[0]?.message}`);
  /** Splices to make, as [start, end, text], on the original text. */
  const splices: Array<[number, number, string]> = [];
  let whole = false;
  for (const operation of operations) {
    const seq = listOf(doc, operation.list);
    const options = stringOptions(text, operation.list);
    const blockSeq = seq !== undefined && !seq.flow && seq.items.length > 0 && seq.range !== undefined;
    if (operation.op === 'append') {
      const node = doc.createNode(operation.value) as YAMLMap;
      styleNew(node);
      if (!blockSeq || !seq) {
        appendWhole(doc, operation.list, node);
        whole = true;
        continue;
      }
      const anchor = lastWritten(seq);
      seq.items.push(node);
      splices.push([end(text, anchor), end(text, anchor), appended(text, seq, node, options)]);
      continue;
    }
    const item = seq?.items[operation.index];
    if (!seq || !isMap(item))
      throw new ChangeError(`Item ${operation.index + 1} of ${operation.list} is not there`);
    if (operation.op === 'remove') {
      seq.items.splice(operation.index, 1);
      if (!blockSeq || !item.range) whole = true;
      else splices.push(removal(text, item));
      continue;
    }
    for (const key of operation.remove) item.delete(key);
    for (const [key, value] of Object.entries(operation.set)) setInOrder(doc, item, key, value);
    if (!blockSeq || !item.range) whole = true;
    else splices.push([item.range[0], end(text, item), itemText(item, column(text, item.range[0]), options)]);
  }
  const result = whole ? doc.toString(stringOptions(text, 'claims')) : splice(text, splices);
  check(doc, result);
  return result;
}

/**
 * How the file writes flow collections, and never a folded line. Claims hold lists (`cites:
 * [a, b]`), references hold mappings (`author: [{ literal: OpenAI }]`): the padding of each
 * list's items follows how the file pads that kind of collection.
 */
function stringOptions(text: string, list: ListName): ToStringOptions {
  const [open, close] = list === 'claims' ? ['\\[', '\\]'] : ['\\{', '\\}'];
  const padded = (text.match(new RegExp(`${open} \\S`, 'gu')) ?? []).length;
  const tight = (text.match(new RegExp(`${open}[^\\s${close}]`, 'gu')) ?? []).length;
  return { lineWidth: 0, flowCollectionPadding: padded > tight };
}

function listOf(doc: Document, list: ListName): YAMLSeq | undefined {
  const node = doc.get(list, true);
  return isSeq(node) ? node : undefined;
}

/** Adds to a list that is in flow style, or missing: the document is then written whole. */
function appendWhole(doc: Document, list: ListName, node: YAMLMap): void {
  const seq = listOf(doc, list);
  if (seq) {
    seq.flow = false;
    seq.items.push(node);
    return;
  }
  doc.set(list, doc.createNode([node]));
  // `references` goes before `claims`, as in every claims file.
  const contents = doc.contents;
  if (list === 'references' && isMap(contents)) {
    const pairs = contents.items as Pair[];
    const added = pairs.pop();
    const at = pairs.findIndex((pair) => isScalar(pair.key) && pair.key.value === 'claims');
    if (added) pairs.splice(at === -1 ? pairs.length : at, 0, added);
  }
}

/** A new item's style: a note of several lines as a literal block, lists of ids and names in flow style. */
function styleNew(node: YAMLMap): void {
  visit(node, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if (key === 'note' && isScalar(pair.value) && String(pair.value.value).includes('\n'))
        pair.value.type = Scalar.BLOCK_LITERAL;
      if (key === 'cites' && isSeq(pair.value)) pair.value.flow = true;
      if (key === 'author' || key === 'editor') {
        if (isSeq(pair.value)) for (const name of pair.value.items) if (isMap(name)) name.flow = true;
      }
      if ((key === 'issued' || key === 'accessed') && isMap(pair.value)) pair.value.flow = true;
    },
  });
}

/** Sets `key` of `item`: in place when it is there, else where the file's field order puts it. */
function setInOrder(doc: Document, item: YAMLMap, key: string, value: unknown): void {
  const current = item.get(key, true);
  if (current !== undefined && isDeepStrictEqual((item.toJS(doc) as Record<string, unknown>)[key], value))
    return;
  const node = doc.createNode(value);
  if (isScalar(current) && isScalar(node) && typeof value === 'string') {
    // Keep the value's style (quoted, literal block) where it can carry the new text.
    const multiline = value.includes('\n');
    const block = current.type === Scalar.BLOCK_LITERAL || current.type === Scalar.BLOCK_FOLDED;
    if ((block || !multiline) && current.type !== undefined) node.type = current.type;
    if (multiline && !block && key === 'note') node.type = Scalar.BLOCK_LITERAL;
    node.comment = current.comment ?? null;
  } else if (isSeq(node) && (key === 'cites' || (isSeq(current) && current.flow))) {
    node.flow = true;
  } else if (isScalar(node) && key === 'note' && typeof value === 'string' && value.includes('\n')) {
    node.type = Scalar.BLOCK_LITERAL;
  }
  if (current !== undefined) {
    item.set(key, node);
    return;
  }
  const order: readonly string[] = claimFieldOrder;
  const rank = order.indexOf(key);
  const pairs = item.items as Pair[];
  const after = pairs.findIndex(
    (pair) => order.indexOf(String(isScalar(pair.key) ? pair.key.value : '')) > rank,
  );
  item.set(key, node);
  if (rank !== -1 && after !== -1) {
    const added = pairs.pop();
    if (added) pairs.splice(after, 0, added);
  }
}

/** Where a node's text ends: after its last line's line break, when it has one. */
function end(text: string, node: Node): number {
  const at = node.range?.[2] ?? text.length;
  return at;
}

/** The column of `offset` in its line. */
function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** The last item of `seq` that is in the text (not one appended by this change). */
function lastWritten(seq: YAMLSeq): Node {
  return (seq.items as Node[]).filter((item) => item.range).at(-1) as Node;
}

/**
 * The text an item takes up, from the start of the line of its `-` to its end, with a blank line
 * before it when one follows it too (so that items stay one blank line apart).
 */
function removal(text: string, item: Node): [number, number, string] {
  const dash = text.lastIndexOf('-', item.range?.[0] ?? 0);
  let start = text.lastIndexOf('\n', dash) + 1;
  const stop = end(text, item);
  const blankBefore = /\n[ \t]*\n$/u.exec(text.slice(0, start));
  if (blankBefore && (stop >= text.length || /^[ \t]*\n/u.test(text.slice(stop))))
    start -= blankBefore[0].length - 1;
  return [start, stop, ''];
}

/** An item's text, for the place at `indent` after its `- `: its first line bare, the others indented. */
function itemText(item: YAMLMap, indent: number, options: ToStringOptions): string {
  const { commentBefore, spaceBefore } = item;
  item.commentBefore = null;
  item.spaceBefore = false;
  const single = new Document();
  single.contents = item;
  const text = single.toString(options);
  item.commentBefore = commentBefore ?? null;
  item.spaceBefore = spaceBefore ?? false;
  const pad = ' '.repeat(indent);
  return text
    .split('\n')
    .map((line, index) => (index === 0 || line === '' ? line : pad + line))
    .join('\n');
}

/** The text of a new last item of `seq`, as the others are written (indent, blank lines). */
function appended(text: string, seq: YAMLSeq, node: YAMLMap, options: ToStringOptions): string {
  const written = (seq.items as Node[]).filter((item) => item.range);
  const last = written.at(-1) as Node;
  const dashAt = text.lastIndexOf('-', last.range?.[0] ?? 0);
  const indent = column(text, dashAt);
  const before = written.at(-2);
  const blankBetween =
    before?.range !== undefined && /\n[ \t]*\n/u.test(text.slice(Math.max(0, end(text, before) - 1), dashAt));
  const atLineStart = text.charAt(end(text, last) - 1) === '\n';
  return `${atLineStart ? '' : '\n'}${blankBetween ? '\n' : ''}${' '.repeat(indent)}- ${itemText(node, indent + 2, options)}`;
}

function splice(text: string, splices: Array<[number, number, string]>): string {
  let result = text;
  // From the end, so that earlier offsets hold; of two at one place, the later first, so that
  // the earlier ends up first.
  const ordered = splices.map((item, index) => ({ item, index }));
  ordered.sort((a, b) => b.item[0] - a.item[0] || b.index - a.index);
  for (const [start, stop, replacement] of ordered.map(({ item }) => item)) {
    result = result.slice(0, start) + replacement + result.slice(stop);
  }
  return result;
}

/** Every comment of a document, line by line. */
function comments(doc: Document): string[] {
  const found: string[] = [];
  const add = (comment: string | null | undefined): void => {
    if (comment)
      found.push(
        ...comment
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      );
  };
  add(doc.commentBefore);
  visit(doc, {
    Node(_, node) {
      add(node.commentBefore);
      add(node.comment);
    },
  });
  add(doc.comment);
  return found;
}

/**
 * The result must read as the edited document: the same data, and every comment of it (a
 * comment above a deleted item stays in the text: it may be about the items after it).
 */
function check(edited: Document, result: string): void {
  const reread = parseDocument(result);
  if (reread.errors.length > 0 || !isDeepStrictEqual(reread.toJS(), edited.toJS())) {
    throw new Error('Editing the YAML went wrong: the result does not read back as the change');
  }
  const kept = comments(reread);
  for (const comment of comments(edited)) {
    const at = kept.indexOf(comment);
    if (at === -1) throw new Error('Editing the YAML went wrong: a comment would have been lost');
    kept.splice(at, 1);
  }
}
