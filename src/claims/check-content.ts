/**
 * The checks a JSON Schema cannot express: unique ids, `cites` that name references, references
 * that some claim cites, real calendar dates, safe URLs, and names that have a name.
 *
 * Each check looks only at values of the right type (a wrong type was reported already by
 * `check-shape.ts`), so one mistake gives one message.
 */
import { closest } from './closest.ts';
import { dateFields, nameFields } from './check-shape.ts';
import { readDate } from './dates.ts';
import { capitalise, describe, show } from './describe.ts';
import { report } from './problems.ts';
import type { CheckContext } from './problems.ts';
import { childPointer, isRecord, placeOf } from './tree.ts';

/** Schemes a `URL` may have: web pages, and mail addresses. Anything else could run script. */
const safeProtocols: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);
/** Schemes of a page's own address: web pages only. */
const webProtocols: ReadonlySet<string> = new Set(['http:', 'https:']);

export function checkContent(context: CheckContext): void {
  const data = context.tree.data;
  if (!isRecord(data)) return;
  const claims = entries(data.claims, '/claims');
  const references = entries(data.references, '/references');

  checkUniqueIds(context, claims, { noun: 'claim', rule: 'duplicate-claim-id' }, (id) =>
    /^[a-z0-9-]+$/.test(id),
  );
  const referenceIds = checkUniqueIds(context, references, {
    noun: 'reference',
    rule: 'duplicate-reference-id',
  });
  checkCites(context, claims, referenceIds);
  checkUnused(context, claims, referenceIds);
  if (
    Object.hasOwn(data, 'claims') &&
    (data.claims === null || (Array.isArray(data.claims) && data.claims.length === 0))
  ) {
    report(
      context,
      '/claims',
      'no-claims',
      'The article has no claims yet: its page shows the text alone. Add claims with id, quote, kind and note',
    );
  }

  if (isRecord(data.source)) checkCslItem(context, data.source, '/source');
  for (const { value, pointer } of references) checkCslItem(context, value, pointer);
  for (const { value, pointer } of claims)
    if ('reviewed' in value) checkDate(context, value.reviewed, childPointer(pointer, 'reviewed'));
  if (typeof data.canonical === 'string') checkUrl(context, data.canonical, '/canonical', webProtocols);
  if (isRecord(data.review)) {
    if ('date' in data.review) checkDate(context, data.review.date, '/review/date');
    if (typeof data.review.url === 'string') checkUrl(context, data.review.url, '/review/url', webProtocols);
  }
}

export interface Entry {
  value: Record<string, unknown>;
  pointer: string;
}

/** The mappings of a list, with their pointers (items of the wrong type are skipped). */
export function entries(list: unknown, pointer: string): Entry[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((value, index) =>
    isRecord(value) ? [{ value, pointer: childPointer(pointer, index) }] : [],
  );
}

/**
 * Report ids used twice in a list (at the second use, naming the line of the first); return
 * each id with the pointer of its first use. `valid` skips ids whose form is reported elsewhere.
 */
function checkUniqueIds(
  context: CheckContext,
  items: readonly Entry[],
  kind: { noun: 'claim' | 'reference'; rule: 'duplicate-claim-id' | 'duplicate-reference-id' },
  valid: (id: string) => boolean = () => true,
): Map<string, string> {
  const first = new Map<string, string>();
  for (const { value, pointer } of items) {
    const id = value.id;
    if (typeof id !== 'string' || !valid(id)) continue;
    const idPointer = childPointer(pointer, 'id');
    const earlier = first.get(id);
    if (earlier === undefined) {
      first.set(id, idPointer);
      continue;
    }
    const { noun } = kind;
    const line = placeOf(context.tree, earlier).line;
    const capital = noun === 'claim' ? 'Claim' : 'Reference';
    report(
      context,
      idPointer,
      kind.rule,
      `${capital} id ${show(id)} is already used by the ${noun} at line ${line}: give each ${noun} its own id`,
    );
  }
  return first;
}

function checkCites(
  context: CheckContext,
  claims: readonly Entry[],
  referenceIds: ReadonlyMap<string, string>,
): void {
  const known = [...referenceIds.keys()];
  for (const { value, pointer } of claims) {
    if (!Array.isArray(value.cites)) continue;
    value.cites.forEach((id: unknown, index) => {
      if (typeof id !== 'string' || referenceIds.has(id)) return;
      const suggestion = closest(id, known);
      const fix = suggestion
        ? `did you mean ${show(suggestion)}?`
        : `add a reference with id ${show(id)} under references, or correct the id`;
      report(
        context,
        childPointer(childPointer(pointer, 'cites'), index),
        'unknown-reference',
        `${capitalise(describe(context.tree.data, pointer))} cites ${show(id)}, which is not the id of any reference: ${fix}`,
        { actual: id, ...(suggestion ? { expected: [suggestion] } : {}) },
      );
    });
  }
}

function checkUnused(
  context: CheckContext,
  claims: readonly Entry[],
  referenceIds: ReadonlyMap<string, string>,
): void {
  const cited = new Set(claims.flatMap(({ value }) => (Array.isArray(value.cites) ? value.cites : [])));
  for (const [id, pointer] of referenceIds) {
    if (cited.has(id)) continue;
    report(
      context,
      pointer,
      'unused-reference',
      `Reference ${show(id)} is not cited by any claim: add it to the cites of the claims it supports, or remove it`,
    );
  }
}

function checkCslItem(context: CheckContext, item: Record<string, unknown>, pointer: string): void {
  for (const [field, value] of Object.entries(item)) {
    const fieldPointer = childPointer(pointer, field);
    if (dateFields.has(field)) checkDate(context, value, fieldPointer);
    else if (field === 'URL' && typeof value === 'string') checkUrl(context, value, fieldPointer);
    else if (nameFields.has(field) && Array.isArray(value)) checkNames(context, value, fieldPointer);
  }
}

function checkDate(context: CheckContext, value: unknown, pointer: string): void {
  const reading = readDate(value);
  if (!('problem' in reading)) return;
  const example =
    context.format === 'json'
      ? '"2024-02-20", "2024-02" or "2024", or as {"date-parts": [[2024, 2, 20]]}'
      : '2024-02-20, 2024-02 or 2024, or as {date-parts: [[2024, 2, 20]]}';
  const where = capitalise(describe(context.tree.data, pointer));
  report(
    context,
    pointer,
    'invalid-date',
    `${where} is not a valid date (${reading.problem}): write it as ${example}`,
  );
}

function checkUrl(
  context: CheckContext,
  value: string,
  pointer: string,
  protocols: ReadonlySet<string> = safeProtocols,
): void {
  const where = capitalise(describe(context.tree.data, pointer));
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    report(
      context,
      pointer,
      'unsafe-url',
      `${where} is not a full web address (${show(value)}): write it with its scheme, such as https://example.org/page`,
    );
    return;
  }
  if (protocols.has(url.protocol)) return;
  report(
    context,
    pointer,
    'unsafe-url',
    `${where} uses the scheme ${show(url.protocol)}, which is not allowed: use an https:// or http:// address`,
    { actual: url.protocol },
  );
}

function checkNames(context: CheckContext, names: readonly unknown[], pointer: string): void {
  names.forEach((name, index) => {
    if (!isRecord(name) || 'family' in name || 'given' in name || 'literal' in name) return;
    const namePointer = childPointer(pointer, index);
    const where = capitalise(describe(context.tree.data, namePointer));
    const fix =
      context.format === 'json'
        ? 'add "family" and "given", or "literal"'
        : 'add family: and given:, or literal:';
    report(context, namePointer, 'missing-field', `${where} has no name: ${fix}`);
  });
}
