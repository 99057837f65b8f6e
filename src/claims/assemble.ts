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
import type { Claim, ClaimKind, ClaimsDocument, CslItem, Verdict } from './types.ts';

const nameParts: ReadonlySet<string> = new Set(Object.keys(schema.definitions.names.items.properties));

/** The fields of a claim, in the order of the contract (also the keys of `Claim.positions`). */
const claimFields = ['id', 'quote', 'prefix', 'suffix', 'kind', 'verdict', 'note', 'cites'] as const;

export function assemble(context: CheckContext): ClaimsDocument {
  const data = isRecord(context.tree.data) ? context.tree.data : {};
  const document: ClaimsDocument = {
    source: isRecord(data.source) ? cslItem(context, data.source, '/source') : {},
    references: references(context, data.references),
    claims: claims(context, data.claims),
  };
  if (typeof data.style === 'string' && !hasErrorWithin(context, '/style')) document.style = data.style;
  return document;
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
