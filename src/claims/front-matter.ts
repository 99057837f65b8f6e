/**
 * The article's own metadata from a `.md` article's YAML front matter, as CSL-JSON fields of
 * its `source`: what `marginalia init` writes into a starter claims file, and what the build
 * uses for each field that the claims file's `source` leaves out.
 *
 * | front matter                                            | CSL field         |
 * | ------------------------------------------------------- | ----------------- |
 * | `title`                                                 | `title`           |
 * | `author`, `authors` (a name, a list, or CSL names)      | `author`          |
 * | `date`, `published`, `pubDate`, `datePublished`, `issued` | `issued`        |
 * | `url`, `URL`, `link`, `canonical`, `permalink`          | `URL`             |
 * | `publication`, `site`, `site_name`, `container-title`   | `container-title` |
 * | `publisher`                                             | `publisher`       |
 * | `language`, `lang`                                      | `language`        |
 * | `doi`, `DOI`                                            | `DOI`             |
 * | `description`, `summary`, `abstract`                    | `abstract`        |
 *
 * Keys are matched ignoring case. A value that would not pass the claims file's checks (a date
 * that is not a date, an address that is not http(s)) is left out rather than reported: the
 * front matter belongs to the article, which is published as it is.
 */
import { parse as parseName } from '@citation-js/name';
import { frontMatter } from '../pipeline/remark-parse-md.ts';
import { readDate } from './dates.ts';
import { isRecord } from './tree.ts';
import { yamlLibrary } from './yaml-library.ts';
import type { CslItem, CslName } from './types.ts';

type Field =
  'title' | 'author' | 'issued' | 'URL' | 'container-title' | 'publisher' | 'language' | 'DOI' | 'abstract';

const keys: Record<string, Field> = {
  title: 'title',
  author: 'author',
  authors: 'author',
  date: 'issued',
  published: 'issued',
  pubdate: 'issued',
  datepublished: 'issued',
  issued: 'issued',
  url: 'URL',
  link: 'URL',
  canonical: 'URL',
  permalink: 'URL',
  publication: 'container-title',
  site: 'container-title',
  site_name: 'container-title',
  'container-title': 'container-title',
  publisher: 'publisher',
  language: 'language',
  lang: 'language',
  doi: 'DOI',
  description: 'abstract',
  summary: 'abstract',
  abstract: 'abstract',
};

/** The CSL fields that the front matter of `markdown` gives (none when it has no front matter). */
export function sourceFromFrontMatter(markdown: string): CslItem {
  const fence = frontMatter.exec(markdown);
  if (!fence) return {};
  let data: unknown;
  try {
    data = yamlLibrary().parse(
      fence[0].replace(/^---[ \t]*\r?\n/u, '').replace(/\r?\n?---[ \t]*(?:\r?\n)?$/u, ''),
    );
  } catch {
    return {};
  }
  if (!isRecord(data)) return {};
  const source: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const field = keys[key.toLowerCase()];
    if (field === undefined || field in source) continue;
    const read = readField(field, value);
    if (read !== undefined) source[field] = read;
  }
  return source as CslItem;
}

function readField(field: Field, value: unknown): unknown {
  if (field === 'author') return readNames(value);
  if (field === 'issued') {
    const text = value instanceof Date ? value.toISOString() : value;
    // A date with a time: the day is what a citation gives.
    const day = typeof text === 'string' ? text.replace(/^(\d{4}-\d{2}-\d{2})[T ].*$/u, '$1') : text;
    return 'date' in readDate(day) ? day : undefined;
  }
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  if (field === 'URL' && !/^https?:\/\/[^\s/]+/u.test(text.trim())) return undefined;
  return text.trim();
}

/** Names as CSL: "Jane Doe" or "Doe, Jane" parsed; a CSL name object kept; organisations as given. */
function readNames(value: unknown): CslName[] | undefined {
  const list = Array.isArray(value) ? value : [value];
  const names = list.flatMap((item: unknown): CslName[] => {
    if (typeof item === 'string' && item.trim() !== '') return [nameOf(item.trim())];
    if (!isRecord(item)) return [];
    if (typeof item['name'] === 'string' && item['name'].trim() !== '') return [nameOf(item['name'].trim())];
    const name: CslName = {};
    for (const part of ['family', 'given', 'literal'] as const) {
      if (typeof item[part] === 'string') name[part] = item[part];
    }
    return Object.keys(name).length > 0 ? [name] : [];
  });
  return names.length > 0 ? names : undefined;
}

function nameOf(text: string): CslName {
  const parsed = parseName(text);
  // One word is an organisation or a mononym: kept whole.
  if (parsed.given === undefined || parsed.family === undefined) return { literal: text };
  return {
    family: [parsed['non-dropping-particle'], parsed.family].filter(Boolean).join(' '),
    given: parsed.given,
  };
}
