/**
 * Check the claims file against `claims.schema.json` with Ajv, and turn each Ajv error into a
 * problem with its own rule id, placed at the value at fault, in words that say how to fix it.
 *
 * Dates are left to `check-content.ts`, which reads every accepted form and explains a bad date
 * in one message rather than one per part.
 */
import type { ErrorObject, SchemaObject, ValidateFunction } from 'ajv';
import schema from './claims.schema.json' with { type: 'json' };
import validateClaims from './validate-claims.js';
import { closest } from './closest.ts';
import { alternatives, capitalise, describe, keySyntax, listSyntax, show } from './describe.ts';
import type { Format } from './describe.ts';
import { report } from './problems.ts';
import type { CheckContext } from './problems.ts';
import { childPointer, isRecord, pointerFrom, pointerSegments, valueAt } from './tree.ts';
import { claimKinds, verdicts } from './types.ts';

/** The JSON Schema of a claims file (also usable by editors for completion). */
export const claimsSchema: SchemaObject = schema;

const cslProperties: Record<string, { $ref?: string; description: string }> =
  schema.definitions.cslItem.properties;

/** Every CSL-JSON variable that a source or reference may have. */
export const cslFields: ReadonlySet<string> = new Set(Object.keys(cslProperties));
/** CSL variables that hold a date. */
export const dateFields: ReadonlySet<string> = fieldsOf('#/definitions/date');
/** CSL variables that hold a list of names. */
export const nameFields: ReadonlySet<string> = fieldsOf('#/definitions/names');
/** The CSL item types, from the schema. */
export const cslTypes: readonly string[] = schema.definitions.cslItem.properties.type.enum;

function fieldsOf(ref: string): ReadonlySet<string> {
  return new Set(
    Object.entries(cslProperties)
      .filter(([, property]) => property.$ref === ref)
      .map(([field]) => field),
  );
}

/**
 * The schema compiled ahead by Ajv (`validate-claims.js`, written by `npm run generate` with
 * the options of `validator-source.ts`): no command spends time compiling it when it starts.
 */
const validate = validateClaims as ValidateFunction;

export function checkShape(context: CheckContext): void {
  validate(context.tree.data);
  for (const error of relevant(validate.errors ?? [])) explain(context, error);
}

/**
 * The errors worth reporting: one per value and keyword (`source` and reference items are
 * checked by two schemas), no `enum` or `pattern` error beside a `type` error for the same value,
 * and nothing inside dates but unknown fields.
 */
function relevant(errors: readonly ErrorObject[]): ErrorObject[] {
  const typed = new Set(
    errors.filter((error) => error.keyword === 'type').map((error) => error.instancePath),
  );
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.instancePath} ${error.keyword} ${JSON.stringify(error.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    if (error.keyword !== 'type' && typed.has(error.instancePath)) return false;
    return error.keyword === 'additionalProperties' || datePointer(error.instancePath) === undefined;
  });
}

/** The pointer of the CSL date that `pointer` is in (or is), if any. */
export function datePointer(pointer: string): string | undefined {
  const segments = pointerSegments(pointer);
  if (segments[0] === 'review' && segments[1] === 'date') return '/review/date';
  if (segments[0] === 'claims' && segments[2] === 'reviewed' && segments[1] !== undefined)
    return pointerFrom(segments.slice(0, 3));
  const depth = segments[0] === 'source' ? 1 : segments[0] === 'references' ? 2 : undefined;
  if (depth === undefined || segments.length <= depth) return undefined;
  return dateFields.has(segments[depth] ?? '') ? pointerFrom(segments.slice(0, depth + 1)) : undefined;
}

function explain(context: CheckContext, error: ErrorObject): void {
  const pointer = error.instancePath;
  const field = pointerSegments(pointer).at(-1) ?? '';
  switch (error.keyword) {
    case 'type':
      wrongType(context, pointer, error.schema as string | string[]);
      return;
    case 'required':
      missingField(context, pointer, String(error.params.missingProperty));
      return;
    case 'additionalProperties':
      unknownField(context, pointer, String(error.params.additionalProperty), error.parentSchema);
      return;
    case 'enum':
      if (field === 'kind' || field === 'verdict' || field === 'type') {
        unknownValue(context, pointer, field);
        return;
      }
      if (pointerSegments(pointer)[0] === 'checks' && pointerSegments(pointer).length === 2) {
        const level = valueAt(context.tree.data, pointer);
        report(
          context,
          pointer,
          'wrong-type',
          `Check ${show(field)} is set to ${show(String(level))}: use off, warning or error`,
        );
        return;
      }
      break;
    case 'pattern':
      if (field === 'id') return invalidClaimId(context, pointer);
      if (field === 'quote') {
        const claim = describe(context.tree.data, pointer.slice(0, pointer.lastIndexOf('/')));
        report(
          context,
          pointer,
          'empty-quote',
          `The quote of ${claim} is empty: copy the exact words of the article that the claim is about`,
        );
        return;
      }
      break;
  }
  // Not reached with the schema as written; kept so that a schema change cannot hide a problem.
  report(
    context,
    pointer,
    'wrong-type',
    `${capitalise(describe(context.tree.data, pointer))} is not valid (${error.message ?? error.keyword}): see claims.schema.json`,
  );
}

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  null: 'empty',
};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return isRecord(value) ? 'object' : typeof value;
}

function wrongType(context: CheckContext, pointer: string, expected: string | string[]): void {
  const { data } = context.tree;
  const value = valueAt(data, pointer);
  const wanted = alternatives(
    (Array.isArray(expected) ? expected : [expected]).map((type) => typeNames[type] ?? type),
  );
  const where = capitalise(describe(data, pointer));
  const fix = typeFix(context.format, pointerSegments(pointer), expected, value);
  const reason =
    value === null
      ? `${where} is empty: ${fix}`
      : `${where} should be ${wanted}, not ${typeNames[typeOf(value)]}: ${fix}`;
  report(context, pointer, 'wrong-type', reason);
}

/** How to write the value right, for the places people most often get wrong. */
function typeFix(
  format: Format,
  segments: readonly string[],
  expected: string | string[],
  value: unknown,
): string {
  const last = segments.at(-1) ?? '';
  const parent = segments.at(-2) ?? '';
  const isItem = /^\d+$/.test(last);
  const exampleName =
    format === 'json'
      ? '{"family": "Doe", "given": "Jane"} or {"literal": "Reuters"}'
      : '{family: Doe, given: Jane} or {literal: Reuters}';

  if (segments.length === 2 && segments[0] === 'claims') {
    return 'write each claim as a mapping with id, quote, kind and note';
  }
  if (segments.length === 2 && segments[0] === 'references') {
    return 'write each reference as a mapping with id, type and title';
  }
  if (segments.length === 1 && last === 'source')
    return 'write the source as a mapping with at least a title';
  if (isItem && nameFields.has(parent)) return `write each name as ${exampleName}`;
  if (nameFields.has(last))
    return `write a list of names, such as ${keySyntax(format, last)} [${exampleName.split(' or ')[0]}]`;
  if (last === 'cites' && (typeof value === 'string' || typeof value === 'number')) {
    return `write a list of reference ids, such as ${keySyntax(format, 'cites')} ${listSyntax(format, [String(value)])}`;
  }
  if (value === null) {
    const hint = fieldHint(segments.slice(0, -1), last);
    return hint ? `write ${hint}` : 'give it a value, or remove the field';
  }
  if (expected === 'array') {
    return format === 'json'
      ? 'write a list in [ ]'
      : 'write a list: each item on its own line after "- ", or [a, b]';
  }
  if (expected === 'object')
    return format === 'json' ? 'write an object in { }' : 'write a mapping of "field: value" lines';
  if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
    return format === 'json' ? 'put it in double quotes' : 'put it in quotes, so that it is read as text';
  }
  if (expected === 'string') {
    return format === 'json'
      ? 'write it as a string in double quotes'
      : 'write it as text (in quotes if it contains ": " or starts with "-", "[" or "{")';
  }
  return `write ${alternatives((Array.isArray(expected) ? expected : [expected]).map((type) => typeNames[type] ?? type))}`;
}

/** What to write in each required field, by the kind of mapping that holds it. */
const fieldHints: ReadonlyMap<string, string> = new Map([
  ['file source', "the article's metadata, with at least its title"],
  ['file claims', 'a list of claims, each with id, quote, kind and note'],
  ['claim id', 'a unique id of lower-case letters, digits and hyphens'],
  ['claim quote', 'the exact words of the article that the claim is about'],
  ['claim kind', `one of ${claimKinds.join(', ')}`],
  ['claim note', "the editor's note, in Markdown"],
  ['source title', "the article's title"],
  ['reference id', 'a unique id that claims can cite'],
  ['reference type', 'a CSL type such as webpage, article-newspaper, article-journal, book or report'],
  ['reference title', 'the title of the work'],
]);

function fieldHint(owner: readonly string[], field: string): string | undefined {
  return fieldHints.get(`${ownerKind(owner)} ${field}`);
}

function ownerKind(segments: readonly string[]): 'file' | 'claim' | 'source' | 'reference' | 'other' {
  if (segments.length === 0) return 'file';
  if (segments.length === 1 && segments[0] === 'source') return 'source';
  if (segments.length === 2 && segments[0] === 'claims') return 'claim';
  if (segments.length === 2 && segments[0] === 'references') return 'reference';
  return 'other';
}

function missingField(context: CheckContext, pointer: string, field: string): void {
  const owner = capitalise(describe(context.tree.data, pointer));
  const hint = fieldHint(pointerSegments(pointer), field);
  const fix = `add ${keySyntax(context.format, field)}${hint ? ` with ${hint}` : ''}`;
  report(context, pointer, 'missing-field', `${owner} has no ${show(field)}: ${fix}`);
}

function unknownField(context: CheckContext, pointer: string, field: string, parentSchema: unknown): void {
  const properties =
    isRecord(parentSchema) && isRecord(parentSchema.properties) ? parentSchema.properties : {};
  const known = Object.keys(properties).filter((key) => key !== '$schema');
  const suggestion = closest(field, known);
  const where = describe(context.tree.data, pointer);
  const isCsl = known.length > 20;
  const fix = suggestion
    ? `did you mean ${show(suggestion)}?`
    : isCsl
      ? 'remove it, or use a CSL-JSON variable name'
      : `remove it (known fields: ${known.join(', ')})`;
  report(
    context,
    childPointer(pointer, field),
    'unknown-field',
    `${capitalise(where)} has an unknown field ${show(field)}, which is ignored: ${fix}`,
    { at: 'key', ...(suggestion ? { expected: [suggestion] } : {}) },
  );
}

function unknownValue(context: CheckContext, pointer: string, field: 'kind' | 'verdict' | 'type'): void {
  const value = valueAt(context.tree.data, pointer);
  const text = typeof value === 'string' ? value : String(value);
  const owner = describe(context.tree.data, pointer.slice(0, pointer.lastIndexOf('/')));
  const known = field === 'kind' ? claimKinds : field === 'verdict' ? verdicts : cslTypes;
  const suggestion = closest(text, known);
  const did = suggestion ? `did you mean ${show(suggestion)}? ` : '';
  const options = { actual: text, ...(suggestion ? { expected: [suggestion] } : {}) };
  if (field === 'type') {
    const usual =
      'webpage, article-newspaper, article-magazine, article-journal, post-weblog, book, chapter, report or dataset';
    const use = `${did ? 'Use' : 'use'} a CSL item type such as ${usual}`;
    report(
      context,
      pointer,
      'unknown-csl-type',
      `Unknown CSL type ${show(text)} for ${owner}: ${did}${use}`,
      options,
    );
    return;
  }
  const use = `${did ? 'Use' : 'use'} one of ${known.join(', ')}`;
  const ruleId = field === 'kind' ? 'unknown-kind' : 'unknown-verdict';
  report(context, pointer, ruleId, `Unknown ${field} ${show(text)} for ${owner}: ${did}${use}`, options);
}

function invalidClaimId(context: CheckContext, pointer: string): void {
  const value = String(valueAt(context.tree.data, pointer));
  const slug = value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const example = slug === '' ? '' : `, such as ${show(slug)}`;
  report(
    context,
    pointer,
    'invalid-claim-id',
    `Claim id ${show(value)} is not valid: use only lower-case letters, digits and hyphens${example}`,
    { actual: value, ...(slug === '' ? {} : { expected: [slug] }) },
  );
}
