/**
 * Reference sanity: what a schema lets through but a citation style would print wrongly, or a
 * reader would find wrong. Each check looks at the source and every reference, and each problem
 * names the field and what to write instead. All are warnings unless the claims file's `checks:`
 * says otherwise (rule id → off | warning | error, as for the editorial checks).
 *
 * | rule id               | what it finds                                                          |
 * | --------------------- | ---------------------------------------------------------------------- |
 * | `csl-type-mismatch`   | a type that does not fit the fields: a Federal Register document typed `legislation` or `bill` (it is a `regulation`, CSL 1.0.2), `legislation` without a `number`, an article in a periodical without `container-title` |
 * | `missing-title`       | a `title` that is empty (one left out is a `missing-field` error)      |
 * | `date-in-future`      | a date after today (a source dated after the review is `source-after-review`'s) |
 * | `missing-access-date` | an undated web source (`webpage`, `post-weblog`, `post` without `issued`) without `accessed`, which MLA and Chicago print for it |
 */
import type { RuleId } from '../pipeline/messages.ts';
import { dateFields } from './check-shape.ts';
import { readDate } from './dates.ts';
import { capitalise, describe, keySyntax, show } from './describe.ts';
import { report, type CheckContext } from './problems.ts';
import { childPointer, isRecord } from './tree.ts';

/** The rule ids of this file, each a warning unless the claims file's `checks:` changes it. */
export const referenceRules = [
  'csl-type-mismatch',
  'missing-title',
  'date-in-future',
  'missing-access-date',
] as const satisfies readonly RuleId[];
type ReferenceRule = (typeof referenceRules)[number];

/** CSL types of an article in a periodical, which is cited by its container. */
const periodicalArticles: ReadonlySet<string> = new Set([
  'article-journal',
  'article-magazine',
  'article-newspaper',
]);
/** CSL types of web sources, whose access date MLA and Chicago print when they are undated. */
const webTypes: ReadonlySet<string> = new Set(['webpage', 'post-weblog', 'post']);

type Day = readonly [year: number, month: number, day: number];

/**
 * Check the source and every reference. `today` is the day of the check (the local date), for
 * the future dates.
 */
export function checkReferences(context: CheckContext, today: Date = new Date()): void {
  const data = context.tree.data;
  if (!isRecord(data)) return;
  // Each a warning unless the file's `checks:` sets its level (`report` applies it).
  const add = (rule: ReferenceRule, pointer: string, reason: string): void =>
    report(context, pointer, rule, reason);

  const now: Day = [today.getFullYear(), today.getMonth() + 1, today.getDate()];
  const items: Array<{ item: Record<string, unknown>; pointer: string }> = [];
  if (isRecord(data.source)) items.push({ item: data.source, pointer: '/source' });
  if (Array.isArray(data.references)) {
    data.references.forEach((item: unknown, index) => {
      if (isRecord(item)) items.push({ item, pointer: childPointer('/references', index) });
    });
  }

  for (const { item, pointer } of items) {
    const where = describe(context.tree.data, pointer);
    const type = typeof item.type === 'string' ? item.type : '';
    const field = (name: string): string => keySyntax(context.format, name);
    const typePointer = 'type' in item ? childPointer(pointer, 'type') : pointer;
    const container = typeof item['container-title'] === 'string' ? item['container-title'] : '';

    if ((type === 'legislation' || type === 'bill') && /\bfederal\s+register\b/iu.test(container)) {
      add(
        'csl-type-mismatch',
        typePointer,
        `${capitalise(where)} is a Federal Register document typed ${show(type)}, which CSL keeps for laws and bills: write ${field('type')} regulation (the CSL 1.0.2 type for rules and regulations), so that styles do not print it as a public law`,
      );
    } else if (type === 'legislation' && !has(item, 'number')) {
      add(
        'csl-type-mismatch',
        typePointer,
        `${capitalise(where)} is typed "legislation" but has no number: add ${field('number')} with the law's number (e.g. Pub. L. No. 117-167), or use the type that fits (regulation for a rule, report or webpage for a document about a law)`,
      );
    }
    if (periodicalArticles.has(type) && !has(item, 'container-title')) {
      add(
        'csl-type-mismatch',
        typePointer,
        `${capitalise(where)} is typed ${show(type)} but names no periodical: add ${field('container-title')} with the journal, magazine or newspaper, or use webpage for a page of a website`,
      );
    }
    // A title left out altogether is a missing-field error already (the schema requires one).
    if ('title' in item && !has(item, 'title')) {
      add(
        'missing-title',
        childPointer(pointer, 'title'),
        `${capitalise(where)} has no title: add ${field('title')} with the work's own title as published (or a description in square brackets for an untitled work)`,
      );
    }
    if (webTypes.has(type) && !has(item, 'issued') && !has(item, 'accessed')) {
      add(
        'missing-access-date',
        pointer,
        `${capitalise(where)} is an undated web source with no access date: add ${field('accessed')} with the day you read it (YYYY-MM-DD); MLA and Chicago print it for an undated page`,
      );
    }
    for (const [name, value] of Object.entries(item)) {
      if (!dateFields.has(name)) continue;
      const first = firstDay(value);
      if (!first) continue;
      const datePointer = childPointer(pointer, name);
      if (after(first, now)) {
        add(
          'date-in-future',
          datePointer,
          `${capitalise(describe(context.tree.data, datePointer))} is after today: check the year and the month (a date is written YYYY-MM-DD)`,
        );
      }
    }
  }
}

function has(item: Record<string, unknown>, field: string): boolean {
  const value = item[field];
  if (typeof value === 'string') return value.trim() !== '';
  return value !== undefined && value !== null;
}

/** The earliest day a date may mean (2024-02 → 2024-02-01), or undefined for one that is not plain. */
function firstDay(value: unknown): Day | undefined {
  const parts = dateParts(value);
  return parts && [parts[0], parts[1] ?? 1, parts[2] ?? 1];
}

function dateParts(value: unknown): [number, number?, number?] | undefined {
  const reading = readDate(value);
  if (!('date' in reading)) return undefined;
  const parts = reading.date['date-parts']?.[0]?.map(Number);
  if (!parts || parts.length === 0 || parts.some(Number.isNaN)) return undefined;
  return parts as [number, number?, number?];
}

function after(a: Day, b: Day): boolean {
  return (a[0] - b[0] || a[1] - b[1] || a[2] - b[2]) > 0;
}
