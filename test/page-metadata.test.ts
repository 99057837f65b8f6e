/**
 * The page's head, read back by the tools that read it: html-metadata (Wikimedia's scraper,
 * which reads the general tags and Open Graph for link previews, and the Highwire Press and
 * Dublin Core tags that reference managers' connectors read), and jsonld (the ClaimReview
 * JSON-LD, expanded against a local copy of the schema.org context: no network). metascraper
 * was not used: it needs the native `re2` module, which cannot be built without the network.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import jsonld from 'jsonld';
import htmlMetadata from 'html-metadata';
import type { DefaultTreeAdapterMap } from 'parse5';
import { parse } from 'parse5';
import { VFile } from 'vfile';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileArticle, compileFiles, type CompiledArticle } from '../src/build/compile-article.ts';
import { discoverArticles } from '../src/build/discover.ts';

const articles = fileURLToPath(new URL('browser/articles/', import.meta.url));
const schemaContext = JSON.parse(
  readFileSync(fileURLToPath(new URL('data/schema.org/schemaorgcontext.jsonld', import.meta.url)), 'utf8'),
) as object;

/** Serves the schema.org context from the test data; any other address fails the test. */
const documentLoader = async (url: string) => {
  if (!/^https?:\/\/schema\.org\/?$/u.test(url)) throw new Error(`no network in the tests: ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: schemaContext };
};

const schema = (term: string): string => `http://schema.org/${term}`;

async function build(slug: string): Promise<CompiledArticle> {
  const paths = discoverArticles([articles]).find((article) => article.slug === slug);
  if (!paths) throw new Error(`no article ${slug}`);
  return compileArticle(paths, { cwd: articles, baseUrl: 'https://example.org/' });
}

type Node = DefaultTreeAdapterMap['node'];

/** The page's script elements as a browser parses them: their type and text. */
function scripts(html: string): Array<{ type: string; text: string }> {
  const found: Array<{ type: string; text: string }> = [];
  const walk = (node: Node): void => {
    if ('tagName' in node && node.tagName === 'script') {
      const type = node.attrs.find((attribute) => attribute.name === 'type')?.value ?? '';
      const text = node.childNodes.map((child) => ('value' in child ? child.value : '')).join('');
      found.push({ type, text });
    }
    if ('childNodes' in node) for (const child of node.childNodes) walk(child);
  };
  walk(parse(html) as Node);
  return found;
}

function scriptElements(html: string): string[] {
  return scripts(html).map((script) => script.type);
}

/** The JSON-LD blocks of the page, parsed. */
function jsonLdBlocks(html: string): unknown[] {
  return scripts(html)
    .filter((script) => script.type === 'application/ld+json')
    .map((script) => JSON.parse(script.text) as unknown);
}

let ledger: CompiledArticle;

beforeAll(async () => {
  ledger = await build('ledger');
});

describe('the page’s metadata, for link previews', () => {
  it('should give a preview its title, description and address', async () => {
    // Act
    const metadata = await htmlMetadata.loadFromString(ledger.html ?? '');

    // Assert
    const description =
      '3 claims in “Chinese firms race to match Sora” checked, each with an editor’s note, a verdict where one can be given, and its sources, by Example desk.';
    expect(metadata.general).toMatchObject({
      title: 'Chinese firms race to match Sora · Marginalia',
      description,
      canonical: 'https://example.org/ledger/',
    });
    expect(metadata.openGraph).toMatchObject({
      title: 'Chinese firms race to match Sora',
      type: 'article',
      url: 'https://example.org/ledger/',
      description,
      site_name: 'Example desk',
    });
  });
});

describe('the page’s metadata, for reference managers', () => {
  it('should carry Highwire Press, Dublin Core and Open Graph tags for the article as reviewed', async () => {
    // Act
    const metadata = await htmlMetadata.loadFromString(ledger.html ?? '');

    // Assert
    expect(metadata.highwirePress).toMatchObject({
      title: 'Chinese firms race to match Sora',
      author: 'Jane Doe',
      publication_date: '2024/02/20',
      journal_title: 'The Daily Ledger',
      public_url: 'https://ledger.example/sora',
      fulltext_html_url: 'https://example.org/ledger/',
    });
    expect(metadata.dublinCore).toMatchObject({
      title: 'Chinese firms race to match Sora',
      creator: 'Jane Doe',
      date: '2024-02-20',
      publisher: 'The Daily Ledger',
      identifier: 'https://ledger.example/sora',
    });
    expect(metadata.openGraph).toMatchObject({
      title: 'Chinese firms race to match Sora',
      type: 'article',
      url: 'https://example.org/ledger/',
      site_name: 'Example desk',
    });
    expect(ledger.html).toContain('<link rel="canonical" href="https://example.org/ledger/">');
  });

  it('should name each author once, and leave out what the source does not know', async () => {
    // Act
    const untitled = await build('untitled');
    const metadata = await htmlMetadata.loadFromString(untitled.html ?? '');

    // Assert
    expect(metadata.highwirePress).toEqual({
      title: 'OpenAI’s Sora and the state of Chinese AI video generation',
      public_url: 'https://bitlyfool.example/sora',
      fulltext_html_url: 'https://example.org/untitled/',
    });
    expect(jsonLdBlocks(untitled.html ?? '')).toEqual([]);
  });
});

describe('the page’s ClaimReview JSON-LD', () => {
  it('should expand to one ClaimReview per claim with a verdict, with the quote, the verdict and the article', async () => {
    // Arrange
    const [block] = jsonLdBlocks(ledger.html ?? '');

    // Act
    const expanded = (await jsonld.expand(block as object, { documentLoader })) as Array<
      Record<string, unknown>
    >;

    // Assert
    const reviews = expanded.filter((node) =>
      (node['@type'] as string[] | undefined)?.includes(schema('ClaimReview')),
    );
    expect(reviews).toHaveLength(2);
    const [racing, chips] = reviews;
    // The article and the reviewer are nodes of the graph that every review names by its @id.
    const byId = new Map(expanded.map((node) => [node['@id'], node]));
    const named = (value: unknown) =>
      (value as Array<{ '@id': string }>).map(({ '@id': id }) => byId.get(id));
    const claim = (racing?.[schema('itemReviewed')] as Array<Record<string, unknown>>)[0];
    expect(claim?.['@type']).toEqual([schema('Claim')]);
    expect(named(claim?.[schema('appearance')])).toMatchObject([
      {
        '@id': 'https://ledger.example/sora',
        '@type': [schema('NewsArticle')],
        [schema('url')]: [{ '@id': 'https://ledger.example/sora' }],
        [schema('headline')]: [{ '@value': 'Chinese firms race to match Sora' }],
        [schema('datePublished')]: [{ '@type': schema('Date'), '@value': '2024-02-20' }],
        [schema('author')]: [{ '@type': [schema('Person')], [schema('name')]: [{ '@value': 'Jane Doe' }] }],
      },
    ]);
    expect(named(racing?.[schema('author')])).toMatchObject([
      {
        '@id': 'https://example.org/ledger/#reviewer',
        '@type': [schema('Organization')],
        [schema('name')]: [{ '@value': 'Example desk' }],
        [schema('url')]: [{ '@id': 'https://example.org/about' }],
      },
    ]);
    expect(chips?.[schema('itemReviewed')]).toEqual(racing?.[schema('itemReviewed')]);
    expect(racing).toMatchObject({
      [schema('url')]: [{ '@id': 'https://example.org/ledger/#note-racing' }],
      [schema('claimReviewed')]: [{ '@value': 'Chinese firms are racing to match Sora.' }],
      [schema('datePublished')]: [{ '@type': schema('Date'), '@value': '2024-03-01' }],
      [schema('reviewRating')]: [
        {
          '@type': [schema('Rating')],
          [schema('alternateName')]: [{ '@value': 'Partly supported' }],
          [schema('ratingValue')]: [{ '@value': 4 }],
          [schema('bestRating')]: [{ '@value': 5 }],
          [schema('worstRating')]: [{ '@value': 1 }],
        },
      ],
    });
    // "Unverifiable" is not a point on the scale: its words only, and the claim's own review date.
    expect(chips?.[schema('reviewRating')]).toEqual([
      { '@type': [schema('Rating')], [schema('alternateName')]: [{ '@value': 'Unverifiable' }] },
    ]);
    expect(chips?.[schema('datePublished')]).toEqual([{ '@type': schema('Date'), '@value': '2024-03-02' }]);
  });
});

describe('escaping the metadata', () => {
  it('should keep quotes and </script> in a title and a quote inside their tags', async () => {
    // Arrange
    const title = 'The "AI" race </script><script>alert(1)</script> & more';
    const quote = 'said </script><script>alert(2)</script> “so”';
    const articleFile = new VFile({ path: 'escape.txt', value: `${quote} and more words here.\n` });
    const claimsFile = new VFile({
      path: 'escape.claims.yaml',
      value: [
        'source:',
        `  title: ${JSON.stringify(title)}`,
        '  author: [{ literal: "Doe </title> & Co" }]',
        'claims:',
        '  - id: said',
        `    quote: ${JSON.stringify(quote)}`,
        '    kind: fact',
        '    verdict: misleading',
        '    note: Checked.',
        '',
      ].join('\n'),
    });

    // Act
    const built = await compileFiles(
      { slug: 'escape', format: 'txt', article: 'escape.txt', claims: 'escape.claims.yaml' },
      articleFile,
      claimsFile,
      { cwd: path.dirname(articles), baseUrl: 'https://example.org/' },
    );

    // Assert
    const html = built.html ?? '';
    const metadata = await htmlMetadata.loadFromString(html);
    expect(metadata.highwirePress).toMatchObject({ title: title, author: 'Doe </title> & Co' });
    expect(metadata.openGraph).toMatchObject({ title });
    const [block] = jsonLdBlocks(html) as Array<{ '@graph': Array<Record<string, unknown>> }>;
    expect(block?.['@graph']).toMatchObject([
      { '@id': 'https://example.org/escape/#reviewed-article', headline: title },
      {
        claimReviewed: quote,
        itemReviewed: { appearance: { '@id': 'https://example.org/escape/#reviewed-article' } },
      },
    ]);
    // Parsed as a browser parses it: the reader's script, the JSON-LD and the page's data, no other.
    expect(scriptElements(html)).toEqual(['module', 'application/ld+json', 'application/json']);
  });
});
