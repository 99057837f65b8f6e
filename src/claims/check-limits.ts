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
import type { Point } from './types.ts';

/**
 * Whether the file is within the limits on counts; it is not read further when it is not.
 * `text` is the file's text, where the first item past a limit is found without reading the
 * whole file again for its places (which, for a file of 200,000 claims, takes many seconds).
 */
export function checkLimits(context: CheckContext, text: string, limits: ResolvedLimits): boolean {
  const data = context.tree.data;
  if (!isRecord(data)) return true;
  let within = true;
  for (const [field, limit] of [
    ['claims', limits.claims],
    ['references', limits.references],
  ] as const) {
    const list = data[field];
    if (!Array.isArray(list) || list.length <= limit) continue;
    const place = itemPlace(text, field, limit, context.format);
    context.problems.push({
      pointer: `/${field}`,
      place: place ?? { line: 1, column: 1 },
      ruleId: field === 'claims' ? 'too-many-claims' : 'too-many-references',
      reason: `The claims file has ${count(list.length)} ${field}, more than the limit of ${count(limit)}${place?.item ? '; the first past the limit is here' : ''}: split the article into several`,
      fatal: true,
    });
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

/**
 * Where item `index` of the top-level list `field` starts, found in the text: in YAML written
 * in the usual block style, the line of its `- `; otherwise (flow style, JSON), where the list's
 * key is (`item` unset); `undefined` when neither is found.
 */
function itemPlace(
  text: string,
  field: string,
  index: number,
  format: CheckContext['format'],
): (Point & { item?: true }) | undefined {
  const key = new RegExp(format === 'json' ? `"${field}"\\s*:` : `^${field}[ \\t]*:`, 'mu').exec(text);
  if (!key) return undefined;
  const lineOf = (offset: number): number => {
    let line = 1;
    for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line += 1;
    return line;
  };
  const keyLine = lineOf(key.index);
  const keyPlace = { line: keyLine, column: key.index - text.lastIndexOf('\n', key.index - 1) };
  if (format === 'json') return keyPlace;
  const item = /^( *)- /u;
  let indent: string | undefined;
  let seen = -1;
  let line = keyLine;
  for (let start = text.indexOf('\n', key.index) + 1; start > 0; start = text.indexOf('\n', start) + 1) {
    line += 1;
    const end = text.indexOf('\n', start);
    const content = text.slice(start, end === -1 ? text.length : end);
    const found = item.exec(content);
    if (found) {
      indent ??= found[1];
      if (found[1] === indent) seen += 1;
      if (seen === index) return { line, column: (indent?.length ?? 0) + 1, item: true };
    } else if (/^\S/u.test(content) && !content.startsWith('#')) {
      return keyPlace;
    }
  }
  return keyPlace;
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
