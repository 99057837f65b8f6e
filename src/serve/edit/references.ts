/**
 * A reference from what an editor pastes: BibTeX (and BibLaTeX), RIS or CSL-JSON, read by
 * citation-js on this machine; or a bare DOI or URL, made into a reference with only that (the
 * editor fills in the rest), or looked up on doi.org on request, which needs the network and
 * says so plainly when it is not there. Each item keeps only the CSL variables the claims file
 * accepts, gets an unused id, and dates written as the claims file writes them (`2024-02-15`).
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import schema from '../../claims/claims.schema.json' with { type: 'json' };
import type { ParseReferenceAnswer, ReferenceInput } from '../../editor/protocol.ts';
import { formatReference } from '../../cite/index.ts';
import { ChangeError } from './operations.ts';

/** The CSL variables a claims file accepts in a reference. */
const allowed = new Set(Object.keys(schema.definitions.cslItem.properties));

const doiPattern = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)?(10\.\d{4,9}\/\S+)$/iu;
const urlPattern = /^https?:\/\/\S+$/iu;

/** How long a DOI lookup may take before it is given up. */
const lookupTimeoutMs = 10_000;

/** The lookup could not be done (no network, doi.org down, an unknown DOI). */
export class LookupError extends Error {}

export async function parseReferences(
  text: string,
  taken: Iterable<string>,
  lookup = false,
): Promise<ParseReferenceAnswer> {
  const trimmed = text.trim();
  const used = new Set(taken);
  const doi = doiPattern.exec(trimmed)?.[1];
  let raw: Array<Record<string, unknown>>;
  let note: string | undefined;
  if (doi !== undefined && lookup) {
    raw = await lookUp(doi);
  } else if (doi !== undefined) {
    raw = [{ type: 'article-journal', title: '', DOI: doi, URL: `https://doi.org/${doi}` }];
    note = 'Made from the DOI alone: fill in the title (and authors, date, journal), or look the DOI up.';
  } else if (urlPattern.test(trimmed)) {
    raw = [{ type: 'webpage', title: '', URL: trimmed }];
    note = 'Made from the address alone: fill in the title (and authors, date, site).';
  } else {
    try {
      raw = new Cite(trimmed).data;
    } catch {
      throw new ChangeError('This is not BibTeX, RIS, CSL-JSON, a DOI or a URL that could be read');
    }
  }
  if (raw.length === 0) throw new ChangeError('No reference found in the text');
  const dropped = new Set<string>();
  const items = raw.map((entry) => {
    const item = cleanItem(entry, dropped);
    item.id = uniqueId(entry, item, used);
    used.add(item.id);
    return item;
  });
  return {
    items,
    previews: raw.map((entry, index) => preview(entry, items[index])),
    dropped: [...dropped].sort(),
    ...(note === undefined ? {} : { note }),
  };
}

/** The reference formatted in APA, from citation-js's own item (its dates as date parts). */
function preview(entry: Record<string, unknown>, item: ReferenceInput | undefined): string {
  if (!item?.title) return '';
  const dates = Object.fromEntries(Object.entries(entry).filter(([key]) => isDate(key)));
  try {
    return formatReference({ ...item, ...dates }, 'apa').text;
  } catch {
    return item.title;
  }
}

/** The item with only the accepted variables, and its dates as text where they are plain. */
function cleanItem(entry: Record<string, unknown>, dropped: Set<string>): ReferenceInput {
  const item: ReferenceInput = {
    id: '',
    type: typeof entry['type'] === 'string' ? entry['type'] : 'document',
    title: '',
  };
  for (const [key, value] of Object.entries(entry)) {
    if (key === 'id' || key.startsWith('_') || key === 'citation-key') continue;
    if (!allowed.has(key)) {
      dropped.add(key);
      continue;
    }
    item[key] = isDate(key) ? plainDate(value) : value;
  }
  if (typeof item.title !== 'string') item.title = '';
  return item;
}

function isDate(key: string): boolean {
  return ['issued', 'accessed', 'submitted', 'original-date', 'event-date', 'available-date'].includes(key);
}

/** `{date-parts: [[2024, 2, 15]]}` → `2024-02-15`; anything else as it is. */
function plainDate(value: unknown): unknown {
  const parts = (value as { 'date-parts'?: unknown })?.['date-parts'];
  if (!Array.isArray(parts) || parts.length !== 1 || Object.keys(value as object).length !== 1) return value;
  const [first] = parts as unknown[][];
  if (!Array.isArray(first) || first.length === 0 || !first.every((part) => Number.isInteger(Number(part))))
    return value;
  const [year, month, day] = first.map(Number);
  return [String(year).padStart(4, '0'), month, day]
    .filter((part) => part !== undefined)
    .map((part, index) => (index === 0 ? part : String(part).padStart(2, '0')))
    .join('-');
}

/** An id from the entry's own key, or its first author and year: `[a-z0-9-]+`, unused. */
function uniqueId(entry: Record<string, unknown>, item: ReferenceInput, used: Set<string>): string {
  const own = typeof entry['citation-key'] === 'string' ? entry['citation-key'] : entry['id'];
  const author = (item['author'] as Array<{ family?: string; literal?: string }> | undefined)?.[0];
  const year = /^\d{4}/u.exec(typeof item['issued'] === 'string' ? item['issued'] : '')?.[0];
  const doi = typeof item['DOI'] === 'string' ? item['DOI'].split('/').slice(1).join('-') : undefined;
  const url =
    typeof item['URL'] === 'string' ? new URL(item['URL']).hostname.replace(/^www\./u, '') : undefined;
  const name =
    author?.family ?? author?.literal ?? (item.title.split(/\s+/u).slice(0, 3).join(' ') || doi || url);
  const made = [name, year].filter(Boolean).join(' ');
  const source = typeof own === 'string' && !own.startsWith('temp_id') ? own : made;
  const base =
    source
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/gu, '-')
      .replace(/^-+|-+$/gu, '')
      .slice(0, 48) || 'reference';
  if (!used.has(base)) return base;
  for (let number = 2; ; number++) if (!used.has(`${base}-${number}`)) return `${base}-${number}`;
}

/** The DOI's metadata from doi.org, or a LookupError saying why not. */
async function lookUp(doi: string): Promise<Array<Record<string, unknown>>> {
  // @ts-expect-error: the plugin ships no types; it registers the DOI input format.
  await import('@citation-js/plugin-doi');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${lookupTimeoutMs / 1000} s`)),
      lookupTimeoutMs,
    );
  });
  try {
    const parser = Cite as unknown as { async(data: unknown): Promise<Cite> };
    const cite = await Promise.race([parser.async(doi), timeout]);
    if (cite.data.length === 0) throw new Error('doi.org knows no such DOI');
    return cite.data;
  } catch (cause) {
    throw new LookupError(
      `Could not look ${doi} up on doi.org (${(cause as Error).message}): this machine may have no network. Paste the reference as BibTeX or RIS instead, or fill in its fields.`,
    );
  } finally {
    clearTimeout(timer);
  }
}
