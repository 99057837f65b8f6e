/**
 * Editorial checks: what a fact-checking editor would query before publication, as warnings
 * that a claims file may turn off or make errors under `checks:` (see `check-levels.ts`).
 *
 * - `verdict-on-opinion`: an opinion or a recommendation with a verdict;
 * - `verdict-without-citation`: a verdict other than `unverifiable` with nothing cited;
 * - `uncited-source`: a note that links to a source, or names one with a date, that its claim
 *   does not cite (best effort: see `source-mentions.ts`);
 * - `reference-without-date`: a reference with no `issued` date;
 * - `reference-without-url`: a reference of a kind read online with no `URL` or `DOI`;
 * - `source-after-review`: a claim citing a source published after the claim was reviewed (its
 *   own `reviewed` date, or else the review's).
 *
 * Like the other checks, each looks only at values of the right type: a wrong type was reported
 * by `check-shape.ts` already.
 */
import { entries } from './check-content.ts';
import type { Entry } from './check-content.ts';
import { readDate } from './dates.ts';
import { capitalise, describe, keySyntax, show } from './describe.ts';
import { levelOf, report } from './problems.ts';
import type { CheckContext } from './problems.ts';
import { attributionsIn, linksIn, mentions } from './source-mentions.ts';
import { childPointer, isRecord } from './tree.ts';
import { verdicts } from './types.ts';

/** CSL types whose works are read online, and so have an address (or a DOI) to cite. */
const onlineTypes: ReadonlySet<string> = new Set([
  'webpage',
  'post',
  'post-weblog',
  'article',
  'article-journal',
  'dataset',
  'software',
]);

/** Kinds of claim that state a view rather than something to check. */
const viewKinds: ReadonlySet<string> = new Set(['opinion', 'recommendation']);

interface Reference {
  id: string;
  value: Record<string, unknown>;
  pointer: string;
}

export function checkEditorial(context: CheckContext): void {
  const data = context.tree.data;
  if (!isRecord(data)) return;
  // A check the claims file turned off is not run at all: on a file of thousands of claims,
  // reading every note for the sources it names is most of the time these checks take.
  const on = (rule: Parameters<typeof levelOf>[1]): boolean => levelOf(context, rule) !== 'off';
  const verdictChecks = on('verdict-on-opinion') || on('verdict-without-citation');
  const noteChecks = on('uncited-source');
  const dateChecks = on('source-after-review');
  const references = referencesOf(entries(data.references, '/references'));
  const byId = new Map(references.map((reference) => [reference.id, reference]));
  const reviewDate = isRecord(data.review) ? data.review.date : undefined;

  if (verdictChecks || noteChecks || dateChecks) {
    for (const claim of entries(data.claims, '/claims')) {
      if (verdictChecks) checkVerdict(context, claim);
      if (noteChecks) {
        const cited = citesOf(claim.value).flatMap((id) => {
          const reference = byId.get(id);
          return reference ? [reference] : [];
        });
        checkNote(context, claim, cited, references);
      }
      if (dateChecks) checkSourceDates(context, claim, byId, reviewDate);
    }
  }
  for (const reference of references) {
    checkReferenceDate(context, reference);
    checkReferenceAddress(context, reference);
  }
}

/** References with a usable id, the first of each id only (a repeated id is reported elsewhere). */
function referencesOf(list: readonly Entry[]): Reference[] {
  const seen = new Set<string>();
  return list.flatMap(({ value, pointer }) => {
    const id = value.id;
    if (typeof id !== 'string' || seen.has(id)) return [];
    seen.add(id);
    return [{ id, value, pointer }];
  });
}

function citesOf(claim: Record<string, unknown>): string[] {
  return Array.isArray(claim.cites) ? claim.cites.filter((id): id is string => typeof id === 'string') : [];
}

function checkVerdict(context: CheckContext, { value, pointer }: Entry): void {
  const { kind, verdict } = value;
  // An unknown verdict is an error already: one mistake, one message.
  if (typeof verdict !== 'string' || !(verdicts as readonly string[]).includes(verdict)) return;
  const where = (): string => capitalise(describe(context.tree.data, pointer));
  const at = childPointer(pointer, 'verdict');
  if (typeof kind === 'string' && viewKinds.has(kind)) {
    const noun = kind === 'opinion' ? 'an opinion' : 'a recommendation';
    report(
      context,
      at,
      'verdict-on-opinion',
      `${where()} is ${noun} but has the verdict ${show(verdict)}: opinions and recommendations carry no verdict; remove ${keySyntax(context.format, 'verdict')} or, if the claim states something that can be checked, give it another kind`,
    );
    return;
  }
  if (verdict === 'unverifiable' || citesOf(value).length > 0) return;
  report(
    context,
    at,
    'verdict-without-citation',
    `${where()} has the verdict ${show(verdict)} but cites no reference: add the sources the verdict rests on under ${keySyntax(context.format, 'cites')}, or make it unverifiable if there are none`,
  );
}

/** A link, or a named source with a date, in the note that none of the claim's references covers. */
function checkNote(
  context: CheckContext,
  { value, pointer }: Entry,
  cited: readonly Reference[],
  references: readonly Reference[],
): void {
  const note = value.note;
  if (typeof note !== 'string') return;
  const at = childPointer(pointer, 'note');
  // Worded only for a problem found: most notes have none.
  const where = (): string => `The note of ${describe(context.tree.data, pointer)}`;
  const cites = keySyntax(context.format, 'cites');

  for (const url of linksIn(note)) {
    if (cited.some((reference) => isAddressOf(reference, url))) continue;
    const other = references.find((reference) => isAddressOf(reference, url));
    report(
      context,
      at,
      'uncited-source',
      other
        ? `${where()} links to ${show(url)}, the address of reference ${show(other.id)}, which the claim does not cite: add ${show(other.id)} to its ${cites}`
        : `${where()} links to ${show(url)}, which is not the address of any reference the claim cites: add a reference for that source and cite it`,
      { actual: url },
    );
  }

  for (const { sentence, names } of attributionsIn(note)) {
    if (cited.some((reference) => shortNames(reference).some((name) => mentions(sentence, name)))) continue;
    if (names.some((name) => cited.some((reference) => isNamed(reference, name)))) continue;
    const name = names[0] ?? '';
    const other = references.find((reference) => isNamed(reference, name));
    const excerpt = show(sentence, 80);
    report(
      context,
      at,
      'uncited-source',
      other
        ? `${where()} names ${show(name)} as a source (${excerpt}) but does not cite reference ${show(other.id)}: add it to the claim's ${cites}`
        : `${where()} names ${show(name)} as a source (${excerpt}) but cites no reference for it: add a reference for that source and cite it`,
      { actual: name, ...(other ? { expected: [other.id] } : {}) },
    );
  }
}

/** The names a reference goes by in prose: its authors, publication and publisher. */
function shortNames({ value }: Reference): string[] {
  const names: string[] = [];
  for (const field of ['author', 'editor']) {
    const list = value[field];
    if (!Array.isArray(list)) continue;
    for (const person of list) {
      if (!isRecord(person)) continue;
      if (typeof person.literal === 'string') names.push(person.literal);
      if (typeof person.family === 'string' && person.family.length > 2) names.push(person.family);
    }
  }
  for (const field of ['container-title', 'publisher']) {
    const text = value[field];
    if (typeof text === 'string') names.push(text);
  }
  return names;
}

/** Whether a name found in a note is one of the reference's, or occurs in its title. */
function isNamed(reference: Reference, name: string): boolean {
  const title = reference.value.title;
  const names = [...shortNames(reference), ...(typeof title === 'string' ? [title] : [])];
  return names.some((own) => mentions(own, name) || mentions(name, own));
}

function isAddressOf(reference: Reference, url: string): boolean {
  const wanted = comparable(url);
  return addressesOf(reference).includes(wanted);
}

/** A reference's addresses, comparable: worked out once per reference, not once per link of every note. */
const referenceAddresses = new WeakMap<Reference, string[]>();

function addressesOf(reference: Reference): string[] {
  let addresses = referenceAddresses.get(reference);
  if (addresses === undefined) {
    const { value } = reference;
    addresses = [
      ...(typeof value.URL === 'string' ? [value.URL] : []),
      ...(typeof value.DOI === 'string'
        ? [`https://doi.org/${value.DOI.replace(/^https?:\/\/(dx\.)?doi\.org\//iu, '')}`]
        : []),
    ].map(comparable);
    referenceAddresses.set(reference, addresses);
  }
  return addresses;
}

/** An address without its scheme, `www.`, fragment or final slash, host in lower case. */
function comparable(address: string): string {
  try {
    const url = new URL(address.trim());
    const host = url.host.toLowerCase().replace(/^www\./u, '');
    return `${host}${url.pathname.replace(/\/+$/u, '')}${url.search}`;
  } catch {
    return address.trim();
  }
}

function checkSourceDates(
  context: CheckContext,
  { value, pointer }: Entry,
  byId: ReadonlyMap<string, Reference>,
  reviewDate: unknown,
): void {
  const own = value.reviewed !== undefined;
  const reviewed = dayRange(own ? value.reviewed : reviewDate);
  if (!reviewed || !Array.isArray(value.cites)) return;
  const where = (): string => capitalise(describe(context.tree.data, pointer));
  const whose = own
    ? `its own ${keySyntax(context.format, 'reviewed')} date`
    : `the date under ${keySyntax(context.format, 'review')}`;
  value.cites.forEach((id: unknown, index) => {
    if (typeof id !== 'string') return;
    const issued = dayRange(byId.get(id)?.value.issued);
    if (!issued || issued.first <= reviewed.last) return;
    report(
      context,
      childPointer(childPointer(pointer, 'cites'), index),
      'source-after-review',
      `${where()} was reviewed on ${reviewed.text} (${whose}) but cites ${show(id)}, published ${issued.text}: a note cannot rest on a source published after its review; correct the review date (or give this claim its own ${keySyntax(context.format, 'reviewed')}) or the source's date`,
      { actual: id },
    );
  });
}

interface DayRange {
  /** The first and last day the date can mean, as YYYYMMDD numbers. */
  first: number;
  last: number;
  /** The date as written: 2024, 2024-05 or 2024-05-23. */
  text: string;
}

/** The days a date covers (a year covers all of its days), or `undefined` without date-parts. */
function dayRange(value: unknown): DayRange | undefined {
  if (value === undefined) return undefined;
  const reading = readDate(value);
  if (!('date' in reading)) return undefined;
  const parts = reading.date['date-parts'];
  const start = parts?.[0]?.map(Number);
  const end = parts?.at(-1)?.map(Number);
  if (!start || !end || start.length === 0 || start.some((part) => !Number.isFinite(part))) return undefined;
  const [year = 0, month, day] = start;
  const [endYear = year, endMonth, endDay] = end;
  const lastMonth = endMonth ?? 12;
  const lastDay = endDay ?? new Date(Date.UTC(endYear, lastMonth, 0)).getUTCDate();
  return {
    first: year * 10_000 + (month ?? 1) * 100 + (day ?? 1),
    last: endYear * 10_000 + lastMonth * 100 + lastDay,
    text: start.map((part, index) => (index === 0 ? String(part) : String(part).padStart(2, '0'))).join('-'),
  };
}

function checkReferenceDate(context: CheckContext, { id, value, pointer }: Reference): void {
  if (value.issued !== undefined) return;
  report(
    context,
    childPointer(pointer, 'id'),
    'reference-without-date',
    `Reference ${show(id)} has no date: add ${keySyntax(context.format, 'issued')} with the date it was published (a year will do); if no date can be found, say so in the notes that cite it`,
  );
}

function checkReferenceAddress(context: CheckContext, { id, value, pointer }: Reference): void {
  const type = value.type;
  if (typeof type !== 'string' || !onlineTypes.has(type)) return;
  if (nonEmpty(value.URL) || nonEmpty(value.DOI)) return;
  report(
    context,
    childPointer(pointer, 'id'),
    'reference-without-url',
    `Reference ${show(id)} is of type ${show(type)} but has no URL or DOI: add ${keySyntax(context.format, 'URL')} with the address where it can be read, or its ${keySyntax(context.format, 'DOI')}`,
  );
}

function nonEmpty(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}
