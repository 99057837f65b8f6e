/**
 * The claims file's limits (`../pipeline/limits.ts`), checked right after it is parsed, before
 * anything is done for each claim: more claims or references than the limit stop the reading
 * (each claim costs checks, anchoring, a note and its citations, and the page grows with them);
 * a note (or the provenance) longer than the limit is an error at that note, and its claim is
 * left out as for any other error.
 */
import { bytes, count, type ResolvedLimits } from '../pipeline/limits.ts';
import type { CheckContext } from './problems.ts';
import { report } from './problems.ts';
import { isRecord } from './tree.ts';

/** Whether the file is within the limits on counts; it is not read further when it is not. */
export function checkLimits(context: CheckContext, limits: ResolvedLimits): boolean {
  const data = context.tree.data;
  if (!isRecord(data)) return true;
  let within = true;
  for (const [field, limit] of [
    ['claims', limits.claims],
    ['references', limits.references],
  ] as const) {
    const list = data[field];
    if (!Array.isArray(list) || list.length <= limit) continue;
    report(
      context,
      `/${field}/${limit}`,
      field === 'claims' ? 'too-many-claims' : 'too-many-references',
      `The claims file has ${count(list.length)} ${field}, more than the limit of ${count(limit)}; the first past the limit is here: split the article into several`,
    );
    within = false;
  }
  if (!within) return false;

  const claims = Array.isArray(data['claims']) ? data['claims'] : [];
  claims.forEach((claim, index) => {
    if (!isRecord(claim)) return;
    checkNote(context, `/claims/${index}/note`, claim['note'], limits.noteBytes, 'note');
  });
  checkNote(context, '/provenance', data['provenance'], limits.noteBytes, 'provenance');
  return true;
}

function checkNote(
  context: CheckContext,
  pointer: string,
  value: unknown,
  limit: number,
  what: 'note' | 'provenance',
): void {
  // UTF-8 takes at most three bytes per UTF-16 code unit: most notes need no counting.
  if (typeof value !== 'string' || value.length <= limit / 3) return;
  const size = Buffer.byteLength(value, 'utf8');
  if (size <= limit) return;
  report(
    context,
    pointer,
    'note-too-large',
    `The ${what} is ${count(size)} bytes long, more than the limit of ${bytes(limit)}: shorten it, and cite the longer text as a reference`,
  );
}
