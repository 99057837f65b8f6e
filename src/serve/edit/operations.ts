/**
 * A change to a claims file as operations on its two lists, `claims` and `references`, made
 * from the editor's request and the file's data: what `yaml-edit.ts` and `json-edit.ts` apply to
 * the text. Here the change is checked against the file (ids unique, the claim to change there,
 * every cited id a reference); the result is checked again by building it.
 */
import type { ClaimInput, EditChange, ReferenceInput } from '../../editor/protocol.ts';

export type ListName = 'claims' | 'references';

export type Operation =
  | { op: 'append'; list: ListName; value: Record<string, unknown> }
  /** Set these fields of item `index` (in place: its other fields, their order and comments stay). */
  | { op: 'update'; list: ListName; index: number; set: Record<string, unknown>; remove: string[] }
  | { op: 'remove'; list: ListName; index: number };

/** A change the file does not allow, with the reason for people. */
export class ChangeError extends Error {}

/** The order of a claim's fields in a claims file. */
export const claimFieldOrder = [
  'id',
  'quote',
  'prefix',
  'suffix',
  'kind',
  'verdict',
  'note',
  'cites',
] as const;

/** The file's data as far as a change needs it. */
export interface FileData {
  claims: unknown[];
  references: unknown[];
}

function idOf(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const id = (item as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

/** A note as the file keeps it: no white space at its ends, a final line break when it has several lines. */
export function tidyNote(note: string): string {
  const trimmed = note
    .replace(/\r\n?/gu, '\n')
    .replace(/[ \t]+$/gmu, '')
    .trim();
  return trimmed.includes('\n') ? `${trimmed}\n` : trimmed;
}

/** A claim's fields in the file's order, the empty optional ones left out. */
export function claimFields(claim: ClaimInput): Record<string, unknown> {
  const fields: Record<string, unknown> = { id: claim.id, quote: claim.quote };
  if (claim.prefix) fields['prefix'] = claim.prefix;
  if (claim.suffix) fields['suffix'] = claim.suffix;
  fields['kind'] = claim.kind;
  if (claim.verdict) fields['verdict'] = claim.verdict;
  fields['note'] = tidyNote(claim.note);
  if (claim.cites.length > 0) fields['cites'] = [...claim.cites];
  return fields;
}

/** The operations that make `change` to a file holding `data`. */
export function operationsFor(data: FileData, change: EditChange): Operation[] {
  const claimIds = data.claims.map(idOf);
  const referenceIds = new Set(data.references.map(idOf).filter((id) => id !== undefined));
  const indexOfClaim = (id: string): number => {
    const index = claimIds.indexOf(id);
    if (index === -1) throw new ChangeError(`There is no claim "${id}" in the claims file (any more)`);
    return index;
  };
  const added = 'references' in change && change.references ? change.references : [];
  const operations: Operation[] = added.map((reference) => {
    if (referenceIds.has(reference.id))
      throw new ChangeError(`There is a reference "${reference.id}" already: give the new one another id`);
    referenceIds.add(reference.id);
    return { op: 'append', list: 'references', value: referenceFields(reference) };
  });
  const checkCites = (claim: ClaimInput): void => {
    const unknown = claim.cites.filter((id) => !referenceIds.has(id));
    if (unknown.length > 0)
      throw new ChangeError(`No reference has the id ${unknown.map((id) => `"${id}"`).join(', ')}`);
  };
  switch (change.type) {
    case 'add-claim': {
      if (claimIds.includes(change.claim.id))
        throw new ChangeError(`There is a claim "${change.claim.id}" already: choose another id`);
      checkCites(change.claim);
      operations.push({ op: 'append', list: 'claims', value: claimFields(change.claim) });
      break;
    }
    case 'update-claim': {
      const index = indexOfClaim(change.id);
      if (change.claim.id !== change.id && claimIds.includes(change.claim.id))
        throw new ChangeError(`There is a claim "${change.claim.id}" already: choose another id`);
      checkCites(change.claim);
      const set = claimFields(change.claim);
      const remove = claimFieldOrder.filter((field) => !(field in set));
      operations.push({ op: 'update', list: 'claims', index, set, remove });
      break;
    }
    case 'delete-claim':
      operations.push({ op: 'remove', list: 'claims', index: indexOfClaim(change.id) });
      break;
    case 'add-references':
      if (operations.length === 0) throw new ChangeError('No reference to add');
      break;
  }
  return operations;
}

/** A reference's fields, `id`, `type` and `title` first. */
function referenceFields(reference: ReferenceInput): Record<string, unknown> {
  const { id, type, title, ...rest } = reference;
  return { id, type, title, ...rest };
}
