import { describe, expect, it } from 'vitest';
import type { Claim, CslItem } from '../claims/types.ts';
import {
  annotationIds,
  plainReference,
  serializeAnnotationCollection,
  toAnnotationCollection,
  type AnchoredClaim,
  type AnnotationInput,
  type LinkedReferenceBody,
  type TextualBody,
} from './web-annotation.ts';
import { failedMusts, loadSuiteTest } from './w3c-suite.ts';

// The opening of the Sora article, as blocks; the document text joins them with a blank line.
const blocks = [
  'China in the realm of artificial intelligence (AI), OpenAI’s recent unveiling of Sora, a groundbreaking video creation software, has sent shockwaves through the industry.',
  'This innovative technology, capable of generating minute-long videos with just a simple prompt, marks a significant leap forward in AI capabilities, surpassing its predecessors by a wide margin.',
  'Sora’s impact on China’s AI landscape',
  'Sora’s emergence has raised questions about China‘s position in the global AI race. Despite efforts by over 15 Chinese companies, including tech giants like Baidu, Alibaba, and Tencent, to develop AI video generators, Sora’s capabilities highlight a significant gap in technological advancement.',
];
const text = blocks.join('\n\n');

/** Anchor `exact` the simple way (first occurrence), with 32 characters of context. */
function anchored(claim: Claim, noteHtml: string, paragraph?: number): AnchoredClaim {
  const start = text.indexOf(claim.quote);
  if (start === -1) throw new Error(`fixture quote not in text: ${claim.quote}`);
  const end = start + claim.quote.length;
  const result: AnchoredClaim = {
    claim,
    exact: claim.quote,
    prefix: text.slice(Math.max(0, start - 32), start),
    suffix: text.slice(end, end + 32),
    start,
    end,
    noteHtml,
    noteText: noteHtml.replace(/<[^>]*>/g, ''),
  };
  if (paragraph !== undefined) result.paragraph = paragraph;
  return result;
}

function claim(fields: Partial<Claim> & Pick<Claim, 'id' | 'quote' | 'kind'>): Claim {
  return { note: 'A note.', cites: [], positions: {}, ...fields };
}

const references: Array<CslItem & { id: string }> = [
  {
    id: 'openai-sora-2024',
    type: 'webpage',
    title: 'Video generation models as world simulators',
    author: [{ literal: 'OpenAI' }],
    issued: { 'date-parts': [[2024, 2, 15]] },
    URL: 'https://openai.com/index/video-generation-models-as-world-simulators/',
  },
  {
    id: 'stanford-ai-index-2024',
    type: 'report',
    title: 'AI Index Report 2024',
    publisher: 'Stanford HAI',
    DOI: '10.48550/arXiv.2405.19522',
  },
  {
    id: 'editor-call',
    type: 'personal_communication',
    title: 'Telephone interview with an industry analyst',
    author: [{ family: 'Li', given: 'Wei' }],
    issued: { 'date-parts': [[2024, 3, 1]] },
  },
];

const claims: AnchoredClaim[] = [
  anchored(
    claim({
      id: 'minute-long-videos',
      quote: 'capable of generating minute-long videos',
      kind: 'fact',
      verdict: 'supported',
      cites: ['openai-sora-2024'],
    }),
    '<p>OpenAI’s own announcement shows clips of up to a minute.</p>',
    2,
  ),
  anchored(
    claim({ id: 'china-position', quote: 'China‘s position in the global AI race', kind: 'opinion' }),
    '<p>A framing, not a finding.</p>',
    3,
  ),
  anchored(
    claim({
      id: 'over-15-companies',
      quote: 'over 15 Chinese companies',
      kind: 'statistic',
      verdict: 'unverifiable',
      cites: ['stanford-ai-index-2024', 'editor-call'],
    }),
    '<p>No list of the <em>15 companies</em> is given.</p>',
    3,
  ),
];

const generated = '2024-03-05T10:00:00Z';

function input(overrides: Partial<AnnotationInput> = {}): AnnotationInput {
  return {
    slug: 'sora-china-ai-video',
    pageUrl: 'https://example.org/sora-china-ai-video/',
    source: {
      title: 'Sora and China’s AI video race',
      'container-title': 'Example Tech News',
      URL: 'https://news.example.com/2024/02/sora-china',
    },
    references,
    claims,
    generated,
    ...overrides,
  };
}

const annotationMusts = loadSuiteTest('annotations/annotationMusts.test');
const collectionMusts = loadSuiteTest('collections/collectionMusts.test');
const pageMusts = loadSuiteTest('collections/pages/pageMusts.test');

/** Round trip through the file's text, so what is checked is what a consumer reads. */
function written(collection: ReturnType<typeof toAnnotationCollection>): Record<string, unknown> {
  return JSON.parse(serializeAnnotationCollection(collection)) as Record<string, unknown>;
}

describe('toAnnotationCollection', () => {
  it('should pass every MUST assertion of annotationMusts.test for each annotation', () => {
    // Arrange
    const collection = written(toAnnotationCollection(input()));
    const items = (collection['first'] as { items: unknown[] }).items;

    // Act
    const failures = items.map((annotation) => failedMusts(annotationMusts, annotation));

    // Assert
    expect(items).toHaveLength(3);
    expect(failures).toEqual([[], [], []]);
  });

  it('should pass every MUST assertion of collectionMusts.test and pageMusts.test', () => {
    // Arrange
    const collection = written(toAnnotationCollection(input()));

    // Act
    const collectionFailures = failedMusts(collectionMusts, collection);
    const pageFailures = failedMusts(pageMusts, collection['first']);

    // Assert
    expect(collectionFailures).toEqual([]);
    expect(pageFailures).toEqual([]);
  });

  it('should pass the MUST assertions with a urn: page and no article URL', () => {
    // Arrange
    const collection = written(
      toAnnotationCollection(
        input({ pageUrl: 'urn:marginalia:sora-china-ai-video', source: { title: 'Sora' } }),
      ),
    );
    const items = (collection['first'] as { items: Array<Record<string, unknown>> }).items;

    // Act
    const failures = [
      failedMusts(collectionMusts, collection),
      ...items.map((item) => failedMusts(annotationMusts, item)),
    ];

    // Assert
    expect(failures).toEqual([[], [], [], []]);
    expect(items[0]?.['target']).toMatchObject({ source: 'urn:marginalia:sora-china-ai-video' });
  });

  it('should write an empty collection without pages when there are no claims', () => {
    // Arrange
    const collection = written(toAnnotationCollection(input({ claims: [] })));

    // Act
    const failures = failedMusts(collectionMusts, collection);

    // Assert
    expect(failures).toEqual([]);
    expect(collection['total']).toBe(0);
    expect(collection).not.toHaveProperty('first');
    expect(collection).not.toHaveProperty('last');
  });

  it('should identify the collection, its page and each annotation from the page URL', () => {
    // Arrange
    const base = 'https://example.org/sora-china-ai-video/annotations.jsonld';

    // Act
    const collection = toAnnotationCollection(input());

    // Assert
    expect(collection).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: base,
      type: 'AnnotationCollection',
      label: 'Claims in “Sora and China’s AI video race”',
      total: 3,
      generated,
      generator: { type: 'Software', name: 'Marginalia' },
      last: `${base}#page-1`,
    });
    expect(collection.first).toMatchObject({
      id: `${base}#page-1`,
      type: 'AnnotationPage',
      startIndex: 0,
    });
    expect(collection.first?.items.map((item) => item.id)).toEqual([
      `${base}#annotation-minute-long-videos`,
      `${base}#annotation-china-position`,
      `${base}#annotation-over-15-companies`,
    ]);
  });

  it('should target the article URL with a quote and a position selector for the same passage', () => {
    // Arrange
    const second = claims[1] as AnchoredClaim;

    // Act
    const annotation = toAnnotationCollection(input()).first?.items[1];

    // Assert
    expect(annotation?.target).toEqual({
      type: 'SpecificResource',
      source: 'https://news.example.com/2024/02/sora-china',
      selector: [
        { type: 'TextQuoteSelector', exact: second.exact, prefix: second.prefix, suffix: second.suffix },
        { type: 'TextPositionSelector', start: second.start, end: second.end },
      ],
    });
    expect(text.slice(second.start, second.end)).toBe(second.exact);
  });

  it('should leave out an empty prefix at the start of the text', () => {
    // Arrange
    const first = anchored(
      claim({ id: 'opening', quote: 'China in the realm', kind: 'fact' }),
      '<p>x</p>',
      1,
    );

    // Act
    const annotation = toAnnotationCollection(input({ claims: [first] })).first?.items[0];

    // Assert
    expect(first.prefix).toBe('');
    expect(annotation?.target.selector[0]).toEqual({
      type: 'TextQuoteSelector',
      exact: 'China in the realm',
      suffix: first.suffix,
    });
  });

  it('should give the note, the kind, the verdict when there is one, and each cited reference as bodies', () => {
    // Arrange
    const collection = toAnnotationCollection(input());

    // Act
    const [withVerdict, withoutVerdict, withTwoCites] = collection.first?.items ?? [];

    // Assert
    expect(withVerdict?.motivation).toBe('assessing');
    expect(withVerdict?.body).toEqual([
      {
        type: 'TextualBody',
        value: '<p>OpenAI’s own announcement shows clips of up to a minute.</p>',
        format: 'text/html',
        language: 'en',
        purpose: 'assessing',
      },
      { type: 'TextualBody', value: 'fact', format: 'text/plain', purpose: 'classifying' },
      { type: 'TextualBody', value: 'supported', format: 'text/plain', purpose: 'tagging' },
      {
        type: 'SpecificResource',
        purpose: 'linking',
        source: {
          id: 'https://openai.com/index/video-generation-models-as-world-simulators/',
          type: 'Text',
          label: 'Video generation models as world simulators',
        },
      },
    ]);
    expect(withoutVerdict?.body.map((body) => body.purpose)).toEqual(['assessing', 'classifying']);
    expect(withTwoCites?.body.slice(3)).toEqual([
      {
        type: 'SpecificResource',
        purpose: 'linking',
        source: {
          id: 'https://doi.org/10.48550/arXiv.2405.19522',
          type: 'Text',
          label: 'AI Index Report 2024',
        },
      },
      {
        type: 'TextualBody',
        value: 'Li, Wei (2024). Telephone interview with an industry analyst.',
        format: 'text/plain',
        purpose: 'linking',
      },
    ]);
  });

  it('should not link a reference whose URL is not http(s)', () => {
    // Arrange
    const unsafe = { id: 'unsafe', title: 'Click me', URL: 'javascript:alert(1)' };
    const citing = anchored(
      claim({ id: 'x', quote: 'Sora', kind: 'fact', cites: ['unsafe'] }),
      '<p>x</p>',
      1,
    );

    // Act
    const annotation = toAnnotationCollection(input({ references: [unsafe], claims: [citing] })).first
      ?.items[0];

    // Assert
    expect(annotation?.body[2]).toEqual({
      type: 'TextualBody',
      value: 'Click me.',
      format: 'text/plain',
      purpose: 'linking',
    });
    expect(JSON.stringify(annotation)).not.toContain('javascript:');
  });

  it('should fall back to the page when the article URL is not a web address', () => {
    // Arrange
    const source = { title: 'Sora', URL: 'javascript:alert(1)' };

    // Act
    const annotation = toAnnotationCollection(input({ source })).first?.items[0];

    // Assert
    expect(annotation?.target.source).toBe('https://example.org/sora-china-ai-video/');
  });

  it('should percent-encode non-ASCII characters in URLs so they pass as format uri', () => {
    // Arrange
    const reference = { id: 'wiki', title: 'Sora', URL: 'https://zh.wikipedia.org/wiki/Sora_(模型) [2024]' };
    const citing = anchored(claim({ id: 'x', quote: 'Sora', kind: 'fact', cites: ['wiki'] }), '<p>x</p>', 1);

    // Act
    const collection = toAnnotationCollection(input({ references: [reference], claims: [citing] }));
    const body = collection.first?.items[0]?.body[2] as LinkedReferenceBody;

    // Assert
    expect(body.source.id).toBe('https://zh.wikipedia.org/wiki/Sora_(%E6%A8%A1%E5%9E%8B)%20%5B2024%5D');
    const writtenItems = (written(collection)['first'] as { items: unknown[] }).items;
    expect(failedMusts(annotationMusts, writtenItems[0])).toEqual([]);
  });

  it('should take unchanged annotations from the cache in a later build, whose time differs, and write what a fresh build writes', () => {
    // Arrange
    const cache: NonNullable<Parameters<typeof serializeAnnotationCollection>[1]> = new Map();
    const later = '2024-03-05T10:00:07Z';
    serializeAnnotationCollection(toAnnotationCollection(input()), cache);
    const kept = new Map([...cache].map(([id, entry]) => [id, entry.parts]));
    const dated = toAnnotationCollection(input({ generated: later, created: '2024-03-01T00:00:00Z' }));
    const undated = toAnnotationCollection(input({ generated: later }));

    // Act
    const again = serializeAnnotationCollection(undated, cache);
    const reused = [...cache].filter(([id, entry]) => kept.get(id) === entry.parts).length;
    const withDate = serializeAnnotationCollection(dated, cache);

    // Assert
    expect(kept.size).toBe(claims.length);
    expect(again).toBe(serializeAnnotationCollection(undated));
    expect(again).toContain(later);
    expect(again).not.toContain(generated);
    expect(again).not.toContain('\\u0000');
    expect(reused).toBe(claims.length);
    expect(withDate).toBe(serializeAnnotationCollection(dated));
  });

  it('should keep untrusted note text intact through the written JSON', () => {
    // Arrange
    const hostile =
      '<p>He said “it’s <b>fine</b>” & left: </script><script>alert("x")</script> — 中文, עברית, 🎬, \u2028line</p>';
    const noted = anchored(claim({ id: 'x', quote: 'Sora', kind: 'opinion' }), hostile, 1);
    const collection = toAnnotationCollection(input({ claims: [noted] }));

    // Act
    const textOut = serializeAnnotationCollection(collection);
    const parsed = JSON.parse(textOut) as typeof collection;

    // Assert
    expect(parsed).toEqual(collection);
    expect((parsed.first?.items[0]?.body[0] as TextualBody).value).toBe(hostile);
    expect(textOut).not.toMatch(/[<>&\u2028\u2029]/);
    expect(textOut.endsWith('}\n')).toBe(true);
  });

  it('should use a fixed generated time and default created to it', () => {
    // Act
    const annotation = toAnnotationCollection(input()).first?.items[0];

    // Assert
    expect(annotation?.generated).toBe(generated);
    expect(annotation?.created).toBe(generated);
  });

  it('should credit the reviewer as each annotation’s creator, created on the day each claim was reviewed', () => {
    // Arrange
    const [first, second, third] = claims as [AnchoredClaim, AnchoredClaim, AnchoredClaim];
    const reviewedLater = {
      ...second,
      claim: { ...second.claim, reviewed: { 'date-parts': [[2024, 3, 1]] } },
    };
    const review = {
      by: 'The  desk',
      date: { 'date-parts': [[2024, 2, 28]] },
      url: 'https://example.org/about/desk',
    };

    // Act
    const collection = written(
      toAnnotationCollection(input({ review, claims: [first, reviewedLater, third] })),
    );
    const items = (collection['first'] as { items: Array<Record<string, unknown>> }).items;
    const monthOnly = toAnnotationCollection(input({ review: { date: { 'date-parts': [[2024, 2]] } } }));

    // Assert
    expect(items.map((item) => item['creator'])).toEqual(
      Array(3).fill({ name: 'The desk', homepage: 'https://example.org/about/desk' }),
    );
    expect(items.map((item) => item['created'])).toEqual([
      '2024-02-28T00:00:00Z',
      '2024-03-01T00:00:00Z',
      '2024-02-28T00:00:00Z',
    ]);
    expect(items.map((item) => failedMusts(annotationMusts, item))).toEqual([[], [], []]);
    expect(monthOnly.first?.items[0]?.created).toBe(generated);
    expect(monthOnly.first?.items[0]).not.toHaveProperty('creator');
  });

  it('should default generated to now, as an xsd:dateTime to the second', () => {
    // Arrange
    const before = Date.now();
    const withoutGenerated = input();
    delete withoutGenerated.generated;

    // Act
    const { generated: stamp } = toAnnotationCollection(withoutGenerated);

    // Assert
    expect(stamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(Date.parse(stamp)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
  });

  it('should throw on a generated time that is not an xsd:dateTime', () => {
    // Act
    const act = () => toAnnotationCollection(input({ generated: '5 March 2024' }));

    // Assert
    expect(act).toThrow(/generated must be an xsd:dateTime/);
  });

  it('should throw on positions that do not make a range', () => {
    // Arrange
    const broken = { ...(claims[0] as AnchoredClaim), start: 10, end: 5 };

    // Act
    const act = () => toAnnotationCollection(input({ claims: [broken] }));

    // Assert
    expect(act).toThrow(/minute-long-videos: start and end/);
  });
});

describe('annotationIds', () => {
  it.each([
    ['https://example.org/sora/', 'https://example.org/sora/annotations.jsonld'],
    ['https://example.org/sora', 'https://example.org/sora/annotations.jsonld'],
    ['https://example.org/sora/index.html?x=1#top', 'https://example.org/sora/annotations.jsonld'],
    ['https://example.org/été/', 'https://example.org/%C3%A9t%C3%A9/annotations.jsonld'],
    ['urn:marginalia:sora', 'urn:marginalia:sora/annotations.jsonld'],
    ['file:///srv/build/sora/', 'file:///srv/build/sora/annotations.jsonld'],
  ])('should place the collection of %s at %s', (pageUrl, expected) => {
    // Act
    const ids = annotationIds(pageUrl);

    // Assert
    expect(ids.collection).toBe(expected);
    expect(ids.page).toBe(`${expected}#page-1`);
    expect(ids.annotation('a-claim')).toBe(`${expected}#annotation-a-claim`);
  });

  it.each(['sora/', '/sora/', 'javascript:alert(1)', 'data:text/html,x'])(
    'should reject %s as a page URL',
    (pageUrl) => {
      // Act
      const act = () => annotationIds(pageUrl);

      // Assert
      expect(act).toThrow(TypeError);
    },
  );
});

describe('plainReference', () => {
  it('should write authors, year, title, container and publisher, leaving out what is missing', () => {
    // Arrange
    const reference = {
      id: 'r',
      title: 'A study',
      'container-title': 'Journal of Things',
      publisher: 'Press',
      author: [{ family: 'Doe', given: 'Jane' }, { literal: 'The Lab' }],
      issued: { 'date-parts': [[2021]] },
    };

    // Act
    const result = plainReference(reference);

    // Assert
    expect(result).toBe('Doe, Jane; The Lab (2021). A study. Journal of Things. Press.');
    expect(plainReference({ id: 'bare-id' })).toBe('bare-id');
  });
});

describe('the W3C suite check itself', () => {
  it('should fail an annotation without a target or with the wrong @context', () => {
    // Arrange
    const good = written(toAnnotationCollection(input())).first as { items: Array<Record<string, unknown>> };
    const annotation = good.items[0] as Record<string, unknown>;
    const withoutTarget = { ...annotation };
    delete withoutTarget['target'];
    const wrongContext = { ...annotation, '@context': 'http://www.w3.org/ns/oa.jsonld' };

    // Act
    const missingTarget = failedMusts(annotationMusts, withoutTarget).map((failure) => failure.file);
    const badContext = failedMusts(annotationMusts, wrongContext).map((failure) => failure.file);

    // Assert
    expect(missingTarget).toContain('annotations/3.1-targetKeyFound.json');
    expect(badContext).toEqual(['annotations/3.1-annotationContextValidated.json']);
  });

  it('should fail a purpose on a bare linked body, a bad date and a relative id', () => {
    // Arrange
    const annotation = (
      written(toAnnotationCollection(input())).first as { items: Array<Record<string, unknown>> }
    ).items[0] as Record<string, unknown>;
    const broken = {
      ...annotation,
      id: 'annotation-1',
      created: '2024-02-30T10:00:00Z',
      body: [{ id: 'https://example.org/ref', type: 'Text', purpose: 'linking' }],
    };

    // Act
    const failures = failedMusts(annotationMusts, broken).map((failure) => failure.file);

    // Assert
    expect(failures).toEqual(
      expect.arrayContaining([
        'annotations/3.1-annotationIdValidated.json',
        'annotations/3.3.1-annotationCreatedValidated.json',
        'annotations/bodiesTargets/3.3.5-bodyEWRNoPurpose.json',
      ]),
    );
  });

  it('should fail a quote selector without its exact text', () => {
    // Arrange
    const annotation = (
      written(toAnnotationCollection(input())).first as { items: Array<Record<string, unknown>> }
    ).items[0] as Record<string, unknown>;
    const broken = {
      ...annotation,
      target: { source: 'https://example.org/a', selector: [{ type: 'TextQuoteSelector', prefix: 'x' }] },
    };

    // Act
    const failures = failedMusts(annotationMusts, broken).map((failure) => failure.file);

    // Assert
    expect(failures).toContain('annotations/specificResource/4.2.4-textQuoteSelectorValid.json');
  });

  it('should fail a collection of the wrong type with a negative total', () => {
    // Arrange
    const collection = { ...written(toAnnotationCollection(input())), type: 'Collection', total: -1 };

    // Act
    const failures = failedMusts(collectionMusts, collection).map((failure) => failure.file);

    // Assert
    expect(failures).toEqual(
      expect.arrayContaining([
        'collections/5.1-collectionTypeValidated.json',
        'collections/5.1-collectionTotalValidated.json',
      ]),
    );
  });
});
