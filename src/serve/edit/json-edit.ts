/**
 * Operations on a `.claims.json` file with jsonc-parser's `modify` and `applyEdits`: each edit
 * touches only the value it changes, formatted with the file's own indentation and line ends;
 * everything else keeps its bytes.
 */
import {
  applyEdits,
  modify,
  parse,
  printParseErrorCode,
  type FormattingOptions,
  type ParseError,
} from 'jsonc-parser';
import { ChangeError, claimFieldOrder, type FileData, type Operation } from './operations.ts';

const order: readonly string[] = claimFieldOrder;

function parsed(text: string): Record<string, unknown> {
  const errors: ParseError[] = [];
  const data = parse(text, errors, { allowTrailingComma: false, disallowComments: false }) as unknown;
  if (errors.length > 0) {
    throw new ChangeError(`The claims file does not parse: ${printParseErrorCode(errors[0]?.error ?? 1)}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new ChangeError('The claims file is not a JSON object');
  return data as Record<string, unknown>;
}

/** The file's data (for `operationsFor`). */
export function jsonData(text: string): FileData {
  const data = parsed(text);
  const list = (name: string): unknown[] => {
    const value = data[name];
    return Array.isArray(value) ? value : [];
  };
  return { claims: list('claims'), references: list('references') };
}

/** The file's indentation (the first indented line's) and line end. */
function formattingOf(text: string): FormattingOptions {
  const indent = /\n([ \t]+)\S/u.exec(text)?.[1] ?? '  ';
  return {
    insertSpaces: !indent.startsWith('\t'),
    tabSize: indent.startsWith('\t') ? 1 : indent.length,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
    insertFinalNewline: text.endsWith('\n'),
  };
}

export function applyJson(text: string, operations: readonly Operation[]): string {
  const formattingOptions = formattingOf(text);
  let result = text;
  for (const operation of operations) {
    const data = parsed(result);
    const list = Array.isArray(data[operation.list]) ? (data[operation.list] as unknown[]) : undefined;
    if (operation.op === 'append') {
      const edits = list
        ? modify(result, [operation.list, list.length], operation.value, {
            formattingOptions,
            isArrayInsertion: true,
          })
        : modify(result, [operation.list], [operation.value], { formattingOptions });
      result = applyEdits(result, edits);
      continue;
    }
    const item = list?.[operation.index];
    if (typeof item !== 'object' || item === null)
      throw new ChangeError(`Item ${operation.index + 1} of ${operation.list} is not there`);
    const path = [operation.list, operation.index];
    if (operation.op === 'remove') {
      result = applyEdits(result, modify(result, path, undefined, { formattingOptions }));
      continue;
    }
    for (const key of operation.remove) {
      if (key in item)
        result = applyEdits(result, modify(result, [...path, key], undefined, { formattingOptions }));
    }
    for (const [key, value] of Object.entries(operation.set)) {
      const getInsertionIndex = (properties: string[]): number => {
        const rank = order.indexOf(key);
        const after = properties.findIndex((property) => order.indexOf(property) > rank);
        return rank === -1 || after === -1 ? properties.length : after;
      };
      result = applyEdits(
        result,
        modify(result, [...path, key], value, { formattingOptions, getInsertionIndex }),
      );
    }
  }
  parsed(result);
  return result;
}
