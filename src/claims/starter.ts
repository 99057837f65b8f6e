/**
 * A starter claims file for an article (`marginalia init`): the article's `source` from what is
 * known (a `.md` article's front matter; else a `.txt` article's opening heading; else a title
 * made from the slug, marked to be replaced), then `references` and `claims` empty, each with a
 * commented example. The example claim quotes a passage of this article that occurs once and
 * cites the example reference, so that the file still passes `check` once both are uncommented.
 */
import { anchorQuotes } from '../anchor/index.ts';
import type { ArticleBlocks } from '../pipeline/quote-problems.ts';
import type { CslItem, CslName } from './types.ts';
import { yamlLibrary } from './yaml-library.ts';

export interface StarterInput {
  slug: string;
  /** The article's path as the user named it, for the comments. */
  articlePath: string;
  /** Fields known from the article's front matter. */
  source: CslItem;
  article: ArticleBlocks;
}

export function starterClaimsFile({ slug, articlePath, source, article }: StarterInput): string {
  const known = source.title !== undefined;
  const title = source.title ?? headingTitle(article) ?? titleFromSlug(slug);
  const quote = examplePassage(article);
  const lines = [
    `# Claims for ${articlePath}, started by \`marginalia init\`. Each claim quotes the article`,
    `# exactly and says what the editor found; \`marginalia check ${articlePath}\` tells what is wrong.`,
    '# Every field is described in the README, under "The claims file".',
    '',
    'source: # the article itself, as a CSL-JSON item',
    `  title: ${scalar(title)}${known || headingTitle(article) ? '' : ' # replace with the headline'}`,
    '  type: webpage # or article-newspaper, article-magazine, post-weblog, report, …',
    field('container-title', source['container-title'], 'the publication'),
    ...(source.author
      ? [`  author: ${names(source.author)}`]
      : ['  # author: [{ family: Doe, given: Jane }]']),
    field('issued', source.issued, '2024-02-20 (or 2024-02, or 2024)'),
    field('URL', source.URL, 'https://example.org/the-article'),
    ...(['publisher', 'language', 'DOI', 'abstract'] as const).flatMap((name) =>
      typeof source[name] === 'string' ? [`  ${name}: ${scalar(source[name])}`] : [],
    ),
    '',
    'references: # works that the notes cite, as CSL-JSON items; uncomment the example and change it',
    '  # - id: example-source',
    '  #   type: webpage',
    '  #   title: The title of the source',
    '  #   author: [{ family: Doe, given: Jane }]',
    '  #   issued: 2024-02-20',
    '  #   URL: https://example.org/source',
    '',
    'claims: # one item per claim, in any order; uncomment the example and change it',
    `  # - id: ${quote === undefined ? 'first-claim' : idFrom(quote)} # unique: lower-case letters, digits, hyphens`,
    `  #   quote: ${quote === undefined ? '"…"' : JSON.stringify(quote)} # the article's exact words`,
    '  #   kind: fact # fact, statistic, comparison, causal, prediction, opinion or recommendation',
    '  #   verdict: unverifiable # optional: supported, partly-supported, unsupported, misleading, disputed, unverifiable',
    '  #   note: |',
    '  #     What the editor found, in a few sentences of Markdown.',
    '  #   cites: [example-source] # ids from references',
    '',
  ];
  return lines.join('\n');
}

function field(name: string, value: unknown, example: string): string {
  if (typeof value === 'string') return `  ${name}: ${scalar(value)}`;
  return `  # ${name}: ${example}`;
}

/** A YAML scalar: plain where YAML reads it back as the same string, else quoted. */
function scalar(value: string): string {
  return yamlLibrary().stringify(value, { lineWidth: 0 }).trimEnd();
}

function names(list: readonly CslName[]): string {
  const one = (name: CslName) =>
    `{ ${Object.entries(name)
      .map(([part, value]) => `${part}: ${scalar(String(value))}`)
      .join(', ')} }`;
  return `[${list.map(one).join(', ')}]`;
}

/** A `.txt` article's opening heading (a `.md` article's is its front matter's title). */
function headingTitle(article: ArticleBlocks): string | undefined {
  return article.texts.length > 1 && article.paragraphs[0] === undefined ? article.texts[0] : undefined;
}

function titleFromSlug(slug: string): string {
  const words = slug.replace(/[-_]+/gu, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The first words of the first paragraph (up to about 60 characters, whole words, at least 3
 * words) that occur once in the article, or `undefined` when there is no such passage.
 */
function examplePassage(article: ArticleBlocks): string | undefined {
  const index = article.paragraphs.findIndex((paragraph) => paragraph !== undefined);
  const words = (article.texts[index] ?? '').split(/\s+/u).filter(Boolean);
  for (let count = 3; count <= words.length; count++) {
    const passage = words
      .slice(0, count)
      .join(' ')
      .replace(/[,;:]$/u, '');
    if (passage.length < 20 && count < words.length) continue;
    const [result] = anchorQuotes(article.texts, [{ exact: passage }]);
    if (result?.status === 'found') return passage;
    if (passage.length > 200) return undefined;
  }
  return undefined;
}

function idFrom(passage: string): string {
  const words = passage
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9\s-]/gu, '')
    .split(/\s+/u)
    .filter(Boolean);
  return words.slice(0, 4).join('-') || 'first-claim';
}
