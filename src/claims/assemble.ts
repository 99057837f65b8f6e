/**
 * Build the typed {@link ClaimsDocument} from checked data, leaving out what the problems
 * spoil: a claim with any error, a reference without a usable id (or whose id repeats an
 * earlier one), and any single CSL field with an error. Unknown fields are dropped; dates come
 * out as `date-parts`.
 */
import { cslFields, dateFields, nameFields } from './check-shape.ts';
import schema from './claims.schema.json' with { type: 'json' };
import { readDate } from './dates.ts';
import { hasErrorWithin } from './problems.ts';
import type { CheckContext } from './problems.ts';
import { childPointer, isRecord, placeOf } from './tree.ts';
import { claimKinds, verdicts } from './types.ts';
import type { CheckLevel, Claim, ClaimKind, ClaimsDocument, CslItem, Review, Verdict } from './types.ts';

const nameParts: ReadonlySet<string> = new Set(Object.keys(schema.definitions.names.items.properties));

/** The fields of a claim, in the order of the contract (also the keys of `Claim.positions`). */
const claimFields = [
  'id',
  'quote',
  'prefix',
  'suffix',
  'kind',
  'verdict',
  'note',
  'cites',
  'reviewed',
] as const;

export function assemble(context: CheckContext): ClaimsDocument {
  const data = isRecord(context.tree.data) ? context.tree.data : {};
  const document: ClaimsDocument = {
    source: isRecord(data.source) ? cslItem(context, data.source, '/source') : {},
    references: references(context, data.references),
    claims: claims(context, data.claims),
  };
  if (typeof data.style === 'string' && !hasErrorWithin(context, '/style')) document.style = data.style;
  for (const field of ['canonical', 'provenance'] as const) {
    const value = data[field];
    if (typeof value === 'string' && !hasErrorWithin(context, `/${field}`)) document[field] = value.trim();
  }
  const review = isRecord(data.review) ? toReview(context, data.review) : undefined;
  if (review) document.review = review;
  const ratings = definitions(context, data.ratings, '/ratings', verdicts);
  if (ratings) document.ratings = ratings;
  const kinds = definitions(context, data.kinds, '/kinds', claimKinds);
  if (kinds) document.kinds = kinds;
  if (isRecord(data.checks) && !hasErrorWithin(context, '/checks')) {
    document.checks = Object.fromEntries(
      Object.entries(data.checks).filter((entry): entry is [string, CheckLevel] => isCheckLevel(entry[1])),
    );
  }
  return document;
}

function toReview(context: CheckContext, value: Record<string, unknown>): Review | undefined {
  const review: Review = {};
  if (typeof value.by === 'string' && !hasErrorWithin(context, '/review/by')) review.by = value.by.trim();
  if (typeof value.url === 'string' && !hasErrorWithin(context, '/review/url')) review.url = value.url.trim();
  if ('date' in value && !hasErrorWithin(context, '/review/date')) {
    const reading = readDate(value.date);
    if ('date' in reading) review.date = reading.date;
  }
  return Object.keys(review).length > 0 ? review : undefined;
}

/** A mapping of known names (verdicts or kinds) to their definitions, without those in error. */
function definitions<K extends string>(
  context: CheckContext,
  value: unknown,
  pointer: string,
  names: readonly K[],
): Partial<Record<K, string>> | undefined {
  if (!isRecord(value)) return undefined;
  const result: Partial<Record<K, string>> = {};
  for (const name of names) {
    const text = value[name];
    if (typeof text === 'string' && !hasErrorWithin(context, childPointer(pointer, name)))
      result[name] = text.trim();
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

function isCheckLevel(value: unknown): value is CheckLevel {
  return value === 'off' || value === 'warning' || value === 'error';
}

function references(context: CheckContext, list: unknown): ClaimsDocument['references'] {
  if (!Array.isArray(list)) return [];
  const result: ClaimsDocument['references'] = [];
  const ids = new Set<string>();
  list.forEach((value: unknown, index) => {
    const pointer = childPointer('/references', index);
    if (!isRecord(value) || typeof value.id !== 'string' || ids.has(value.id)) return;
    if (hasErrorWithin(context, childPointer(pointer, 'id'))) return;
    ids.add(value.id);
    result.push({ ...cslItem(context, value, pointer), id: value.id });
  });
  return result;
}

function claims(context: CheckContext, list: unknown): Claim[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((value: unknown, index) => {
    const pointer = childPointer('/claims', index);
    if (!isRecord(value) || hasErrorWithin(context, pointer)) return [];
    const claim = toClaim(context, value, pointer);
    return claim ? [claim] : [];
  });
}

/** A claim without errors; `undefined` only if the checks let through something they should not. */
function toClaim(context: CheckContext, value: Record<string, unknown>, pointer: string): Claim | undefined {
  const { id, quote, kind, note, prefix, suffix, verdict, cites } = value;
  if (typeof id !== 'string' || typeof quote !== 'string' || typeof note !== 'string' || !isKind(kind))
    return undefined;
  const claim = {
    id,
    quote,
    kind,
    note,
    cites: Array.isArray(cites) ? cites.filter((item): item is string => typeof item === 'string') : [],
  } as Claim;
  if (typeof prefix === 'string') claim.prefix = prefix;
  if (typeof suffix === 'string') claim.suffix = suffix;
  if (isVerdict(verdict)) claim.verdict = verdict;
  if ('reviewed' in value) {
    const reading = readDate(value.reviewed);
    if ('date' in reading) claim.reviewed = reading.date;
  }
  const fields = claimFields.filter((field) => Object.hasOwn(value, field));
  whenFirstRead(claim, 'positions', () => {
    const positions: Claim['positions'] = { claim: placeOf(context.tree, pointer) };
    for (const field of fields) positions[field] = placeOf(context.tree, childPointer(pointer, field));
    return positions;
  });
  return claim;
}

/**
 * Give `target` an enumerable `key` whose value is computed when first read, then kept. A
 * claim's positions are read only to report a problem with it: for a YAML file, the first
 * place asked for costs a second, slower reading of the whole file (`parse-yaml.ts`).
 */
function whenFirstRead<T extends object, K extends keyof T>(target: T, key: K, compute: () => T[K]): void {
  Object.defineProperty(target, key, {
    configurable: true,
    enumerable: true,
    get() {
      const value = compute();
      Object.defineProperty(target, key, { value, configurable: true, enumerable: true, writable: true });
      return value;
    },
  });
}

/** The known, valid CSL fields of an item, with dates as `date-parts`. */
function cslItem(context: CheckContext, item: Record<string, unknown>, pointer: string): CslItem {
  const result: CslItem = {};
  for (const [field, value] of Object.entries(item)) {
    if (!cslFields.has(field) || hasErrorWithin(context, childPointer(pointer, field))) continue;
    if (dateFields.has(field)) {
      const reading = readDate(value);
      if ('date' in reading) result[field] = reading.date;
    } else if (field === 'URL' && typeof value === 'string') {
      result.URL = value.trim();
    } else if (nameFields.has(field) && Array.isArray(value)) {
      result[field] = value.filter(isRecord).map((name) => pick(name, nameParts));
    } else {
      result[field] = structuredClone(value);
    }
  }
  return result;
}

function pick(object: Record<string, unknown>, keys: ReadonlySet<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([key]) => keys.has(key)));
}

function isKind(value: unknown): value is ClaimKind {
  return claimKinds.some((kind) => kind === value);
}

function isVerdict(value: unknown): value is Verdict {
  return verdicts.some((verdict) => verdict === value);
}
