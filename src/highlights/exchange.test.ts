import { describe, expect, it } from 'vitest';
import { failedMusts, loadSuiteTest } from '../annotations/w3c-suite.ts';
import { describeHighlight } from './anchoring.ts';
import type { ArticleText } from './article-text.ts';
import { fromJsonLd, toJsonLd, toMarkdown, type ExportArticle } from './exchange.ts';
import { createHighlight, type Highlight, type HighlightColour } from './model.ts';

const text: ArticleText = {
  blocks: [
    'Sora’s impact',
    'This innovative technology, capable of generating minute-long videos with just a simple prompt, marks a leap.',
    'Chinese companies rely on AI chips, particularly those supplied by Nvidia.',
  ],
  ids: ['h-1', 'p-1', 'p-2'],
  paragraphs: [0, 1, 2],
};

const article: ExportArticle = {
  title: 'Sora and China’s AI race',
  url: 'https://example.org/sora/#p-2',
  style: {
    reference: {
      text: 'Brooks, L. (2024, February 20). Sora and China’s AI race. The Guardian.',
      html: 'Brooks, L. (2024, February 20). <i>Sora and China’s AI race</i>. The Guardian.',
      markdown: 'Brooks, L. (2024, February 20). *Sora and China’s AI race*. The Guardian.',
    },
    inText: {
      text: ['(Brooks, 2024', ', ', ')'],
      html: ['(Brooks, 2024', ', ', ')'],
      markdown: ['(Brooks, 2024', ', ', ')'],
    },
    pin: ['para.', 'paras.'],
    block: { words: 40 },
  },
  text,
};

function highlightOf(passage: string, colour: HighlightColour = 'yellow', note = ''): Highlight {
  const block = text.blocks.findIndex((content) => content.includes(passage));
  const start = text.blocks[block]?.indexOf(passage) ?? -1;
  const target = describeHighlight(text.blocks, { block, start, end: start + passage.length });
  return createHighlight(target, colour, note, new Date('2024-03-01T10:00:00Z'));
}

describe('toMarkdown', () => {
  it('should quote each highlight in reading order with its in-text citation, linked locator, reference, colour and note', () => {
    // Arrange
    const later = highlightOf('supplied by Nvidia', 'blue', 'Which chips?\n*Really* <b>all</b>?');
    const earlier = highlightOf('minute-long videos', 'green');

    // Act
    const markdown = toMarkdown([later, earlier], article);

    // Assert
    expect(markdown).toBe(
      [
        '# Highlights: Sora and China’s AI race',
        '“minute-long videos” (Brooks, 2024, [para. 1](https://example.org/sora/#p-1:~:text=minute%2Dlong%20videos))',
        'Brooks, L. (2024, February 20). *Sora and China’s AI race*. The Guardian.',
        '**Agree**',
        '“supplied by Nvidia” (Brooks, 2024, [para. 2](https://example.org/sora/#p-2:~:text=supplied%20by%20Nvidia))',
        'Brooks, L. (2024, February 20). *Sora and China’s AI race*. The Guardian.',
        '**Question**: Which chips?\n\\*Really\\* \\<b>all\\</b>?',
      ].join('\n\n') + '\n',
    );
  });

  it('should quote the passage as it reads now, and list orphans last with their saved text', () => {
    // Arrange
    const moved = highlightOf('capable of generating minute-long videos with just a simple prompt');
    const gone = highlightOf('particularly those supplied by Nvidia', 'pink', 'Source?');
    const edited: ExportArticle = {
      ...article,
      text: {
        ...text,
        blocks: [
          'Sora’s impact',
          'This innovative technology, capable of generating realistic minute-long videos with just a simple prompt, marks a leap.',
          'Chinese companies rely on AI chips.',
        ],
      },
    };

    // Act
    const markdown = toMarkdown([gone, moved], edited);

    // Assert
    expect(markdown).toContain(
      '“capable of generating realistic minute-long videos with just a simple prompt” (Brooks, 2024, [para. 1]',
    );
    expect(markdown.indexOf('realistic')).toBeLessThan(markdown.indexOf('## Not found in the current text'));
    expect(markdown).toMatch(
      /## Not found in the current text\n\n“particularly those supplied by Nvidia” \(Brooks, 2024\)\n\nBrooks, L\. \(2024, February 20\)\. \*Sora and China’s AI race\*\. The Guardian\.\n\n<https:\/\/example\.org\/sora\/#p-2>\n\n\*\*Disagree\*\*: Source\?\n$/,
    );
  });

  it('should leave out the locator of a heading and give the link on its own line', () => {
    // Act
    const markdown = toMarkdown([highlightOf('Sora’s impact')], article);

    // Assert
    expect(markdown).toContain(
      '“Sora’s impact” (Brooks, 2024)\n\nBrooks, L. (2024, February 20). *Sora and China’s AI race*. The Guardian.\n\n<https://example.org/sora/#h-1:~:text=Sora%E2%80%99s%20impact>',
    );
  });
});

describe('toJsonLd', () => {
  const annotationMusts = loadSuiteTest('annotations/annotationMusts.test');
  const collectionMusts = loadSuiteTest('collections/collectionMusts.test');

  it('should write an AnnotationCollection that passes every MUST of the W3C suite', () => {
    // Arrange
    const highlights = [highlightOf('minute-long videos', 'green', 'Good point'), highlightOf('Nvidia')];

    // Act
    const collection = toJsonLd(highlights, article, new Date('2024-03-02T00:00:00Z'));
    const items = (collection['first'] as { items: unknown[] }).items;

    // Assert
    expect(failedMusts(collectionMusts, collection)).toEqual([]);
    expect(items).toHaveLength(2);
    for (const item of items) expect(failedMusts(annotationMusts, item)).toEqual([]);
  });

  it('should describe a highlight with a note as commenting, with the note and colour as bodies and both selectors', () => {
    // Arrange
    const highlight = highlightOf('minute-long videos', 'green', 'Good point');

    // Act
    const collection = toJsonLd([highlight], article);

    // Assert
    expect(collection).toMatchObject({
      id: 'https://example.org/sora/#highlights',
      type: 'AnnotationCollection',
      total: 1,
      first: {
        items: [
          {
            id: `urn:uuid:${highlight.id}`,
            type: 'Annotation',
            motivation: 'commenting',
            body: [
              { type: 'TextualBody', value: 'Good point', format: 'text/plain', purpose: 'commenting' },
              { type: 'TextualBody', value: 'green', format: 'text/plain', purpose: 'tagging' },
            ],
            target: {
              source: 'https://example.org/sora/',
              selector: [
                {
                  type: 'TextQuoteSelector',
                  exact: 'minute-long videos',
                  prefix: highlight.quote.prefix,
                  suffix: highlight.quote.suffix,
                },
                { type: 'TextPositionSelector', ...highlight.position },
              ],
            },
          },
        ],
      },
    });
  });

  it('should describe a highlight without a note as highlighting, and an empty collection without a page', () => {
    // Act
    const one = toJsonLd([highlightOf('Nvidia')], article);
    const none = toJsonLd([], article);

    // Assert
    expect(one).toMatchObject({ first: { items: [{ motivation: 'highlighting' }] } });
    expect(none).toMatchObject({ total: 0 });
    expect(none).not.toHaveProperty('first');
  });
});

describe('fromJsonLd', () => {
  it('should give back the exported highlights (round trip), without their content hash', () => {
    // Arrange
    const highlights = [
      highlightOf('minute-long videos', 'green', 'Line one\n\nLine two'),
      highlightOf('Nvidia', 'pink'),
    ];
    const file = JSON.stringify(toJsonLd(highlights, article));

    // Act
    const result = fromJsonLd(file, []);

    // Assert
    expect(result).toEqual({
      ok: true,
      added: highlights.map((highlight) => ({ ...highlight, contentHash: '' })),
      duplicates: 0,
    });
  });

  it('should merge without duplicates: same id, or same quote at the same position', () => {
    // Arrange
    const kept = highlightOf('minute-long videos');
    const samePlace = { ...highlightOf('Nvidia'), id: '3b241101-e2bb-4255-8caf-4136c566a962' };
    const fresh = highlightOf('AI chips', 'blue');
    const file = JSON.stringify(toJsonLd([kept, samePlace, fresh, fresh], article));

    // Act
    const result = fromJsonLd(file, [kept, highlightOf('Nvidia')]);

    // Assert
    expect(result).toMatchObject({ ok: true, duplicates: 3 });
    expect(result.ok && result.added.map((highlight) => highlight.id)).toEqual([fresh.id]);
  });

  it('should read a lone annotation from another tool, keeping an HTML note as text only', () => {
    // Arrange
    const file = JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://annotations.example/a/42',
      type: 'Annotation',
      body: [
        {
          type: 'TextualBody',
          value: '<p>Is <b>this</b> &amp; that <img src=x onerror=alert(1)> true?</p>',
          format: 'text/html',
        },
        { type: 'TextualBody', value: 'Question', purpose: 'tagging' },
      ],
      target: {
        source: 'https://example.org/sora/',
        selector: [
          { type: 'TextPositionSelector', start: 30, end: 48 },
          { type: 'TextQuoteSelector', exact: 'minute-long videos' },
        ],
      },
    });

    // Act
    const result = fromJsonLd(file, [], new Date('2024-03-03T12:00:00Z'));

    // Assert
    expect(result).toMatchObject({
      ok: true,
      added: [
        {
          colour: 'blue',
          note: 'Is this & that  true?',
          created: '2024-03-03T12:00:00.000Z',
          quote: { exact: 'minute-long videos', prefix: '', suffix: '' },
          position: { start: 30, end: 48 },
          contentHash: '',
        },
      ],
    });
    expect(result.ok && result.added[0]?.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it.each([
    ['not JSON', '{"type": "AnnotationCollection",', /^This file is not JSON: /],
    [
      'not an annotation file',
      '{"type": "Person"}',
      /expected an AnnotationCollection, an AnnotationPage or an Annotation/,
    ],
    [
      'a collection whose page is only linked',
      '{"type": "AnnotationCollection", "first": "https://x.org/page1"}',
      /^Page 1 of the collection is only linked \(https:\/\/x\.org\/page1\), not in the file\.$/,
    ],
    [
      'an annotation without a quote',
      JSON.stringify([
        {
          type: 'Annotation',
          target: {
            selector: [
              { type: 'TextQuoteSelector', exact: 'a' },
              { type: 'TextPositionSelector', start: 0, end: 1 },
            ],
          },
        },
        {
          type: 'Annotation',
          target: {
            selector: [
              { type: 'TextQuoteSelector', exact: 'b' },
              { type: 'TextPositionSelector', start: 0, end: 1 },
            ],
          },
        },
        { type: 'Annotation', target: { selector: { type: 'TextPositionSelector', start: 0, end: 1 } } },
      ]),
      /^annotation 3: the target has no TextQuoteSelector\.$/,
    ],
    [
      'a bad position',
      JSON.stringify({
        type: 'Annotation',
        target: {
          selector: [
            { type: 'TextQuoteSelector', exact: 'a' },
            { type: 'TextPositionSelector', start: 5, end: 2 },
          ],
        },
      }),
      /^annotation 1: the TextPositionSelector’s start and end are not offsets with start ≤ end\.$/,
    ],
    [
      'a bad date',
      JSON.stringify({
        type: 'Annotation',
        created: 'yesterday',
        target: {
          selector: [
            { type: 'TextQuoteSelector', exact: 'a' },
            { type: 'TextPositionSelector', start: 0, end: 1 },
          ],
        },
      }),
      /^annotation 1: created is not a date-time/,
    ],
    [
      'a body value that is not text',
      JSON.stringify({
        type: 'Annotation',
        body: { type: 'TextualBody', value: 3 },
        target: {
          selector: [
            { type: 'TextQuoteSelector', exact: 'a' },
            { type: 'TextPositionSelector', start: 0, end: 1 },
          ],
        },
      }),
      /^annotation 1: body 1 has a value that is not text\.$/,
    ],
  ])('should refuse %s with a clear message and import nothing', (_case, file, message) => {
    // Act
    const result = fromJsonLd(file, []);

    // Assert
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });

  it('should import nothing when a later annotation is bad, though earlier ones were good', () => {
    // Arrange
    const good = JSON.parse(JSON.stringify(toJsonLd([highlightOf('Nvidia')], article))) as {
      first: { items: Array<Record<string, unknown>> };
    };
    good.first.items.push({ type: 'Annotation', target: 'https://example.org/sora/' });

    // Act
    const result = fromJsonLd(JSON.stringify(good), []);

    // Assert
    expect(result).toEqual({ ok: false, message: 'annotation 2: the target has no selector.' });
  });
});
