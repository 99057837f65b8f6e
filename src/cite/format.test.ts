import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Cite } from '@citation-js/core';
import type { CslItem } from '../claims/types.ts';
import { formatInText, formatReference, formatReferenceList, toBibTeX, toCslJson } from './format.ts';
import { article } from './test-items.ts';

const sora: CslItem = {
  id: 'openai-sora-2024',
  type: 'webpage',
  title: 'Video generation models as world simulators',
  author: [{ literal: 'OpenAI' }],
  issued: { 'date-parts': [[2024, 2, 15]] },
  URL: 'https://openai.com/index/video-generation-models-as-world-simulators/',
};

const hostile: CslItem = {
  id: 'hostile',
  type: 'webpage',
  title: '<script>alert(1)</script>',
  author: [{ literal: 'Mallory' }],
  issued: { 'date-parts': [[2024]] },
  URL: 'javascript:alert(1)',
};

const soraUrl = 'https://openai.com/index/video-generation-models-as-world-simulators/';
const doiUrl = 'https://doi.org/10.1234/jbh.2020.003';

function html(nodes: ElementContent[]): string {
  return unified().use(rehypeStringify).stringify({ type: 'root', children: nodes });
}

function elements(nodes: ElementContent[]): Element[] {
  const found: Element[] = [];
  visit({ type: 'root', children: nodes } as Root, 'element', (node: Element) => {
    found.push(node);
  });
  return found;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('formatReference', () => {
  it('should format a web page in APA 7th edition', () => {
    // Act
    const result = formatReference(sora, 'apa');

    // Assert
    expect(result.text).toBe(
      `OpenAI. (2024, February 15). Video generation models as world simulators. ${soraUrl}`,
    );
    expect(html(result.html)).toBe(
      `OpenAI. (2024, February 15). <i>Video generation models as world simulators</i>. <a href="${soraUrl}">${soraUrl}</a>`,
    );
  });

  it('should format a web page in MLA 9th edition', () => {
    // Act
    const result = formatReference(sora, 'mla');

    // Assert
    expect(result.text).toBe(
      `OpenAI. Video Generation Models as World Simulators. 15 Feb. 2024, ${soraUrl}.`,
    );
    expect(html(result.html)).toBe(
      `OpenAI. <i>Video Generation Models as World Simulators</i>. 15 Feb. 2024, <a href="${soraUrl}">${soraUrl}</a>.`,
    );
  });

  it('should format a web page in Chicago author-date', () => {
    // Act
    const result = formatReference(sora, 'chicago-author-date');

    // Assert
    expect(result.text).toBe(
      `OpenAI. 2024. “Video Generation Models as World Simulators.” February 15, 2024. ${soraUrl}.`,
    );
    expect(html(result.html)).toBe(
      `OpenAI. 2024. “Video Generation Models as World Simulators.” February 15, 2024. <a href="${soraUrl}">${soraUrl}</a>.`,
    );
  });

  it('should format a journal article by two authors in APA 7th edition', () => {
    // Act
    const result = formatReference(article, 'apa');

    // Assert
    expect(result.text).toBe(
      `Smith, J., & Doe, J. (2020). Reading the marginalia of medieval manuscripts. Journal of Book History, 12(3), 45–67. ${doiUrl}`,
    );
    expect(html(result.html)).toBe(
      `Smith, J., &#x26; Doe, J. (2020). Reading the marginalia of medieval manuscripts. <i>Journal of Book History</i>, <i>12</i>(3), 45–67. <a href="${doiUrl}">${doiUrl}</a>`,
    );
  });

  it('should format a journal article by two authors in MLA 9th edition', () => {
    // Act
    const result = formatReference(article, 'mla');

    // Assert
    expect(result.text).toBe(
      `Smith, Jane, and John Doe. “Reading the Marginalia of Medieval Manuscripts.” Journal of Book History, vol. 12, no. 3, May 2020, pp. 45–67, ${doiUrl}.`,
    );
    expect(html(result.html)).toBe(
      `Smith, Jane, and John Doe. “Reading the Marginalia of Medieval Manuscripts.” <i>Journal of Book History</i>, vol. 12, no. 3, May 2020, pp. 45–67, <a href="${doiUrl}">${doiUrl}</a>.`,
    );
  });

  it('should format a journal article by two authors in Chicago author-date', () => {
    // Act
    const result = formatReference(article, 'chicago-author-date');

    // Assert
    expect(result.text).toBe(
      `Smith, Jane, and John Doe. 2020. “Reading the Marginalia of Medieval Manuscripts.” Journal of Book History 12 (3): 45–67. ${doiUrl}.`,
    );
    expect(html(result.html)).toBe(
      `Smith, Jane, and John Doe. 2020. “Reading the Marginalia of Medieval Manuscripts.” <i>Journal of Book History</i> 12 (3): 45–67. <a href="${doiUrl}">${doiUrl}</a>.`,
    );
  });

  it('should keep a hostile title and URL inert and show them literally', () => {
    // Act
    const results = (['apa', 'mla', 'chicago-author-date'] as const).map((style) =>
      formatReference(hostile, style),
    );

    // Assert
    for (const result of results) {
      const nodes = elements(result.html);
      expect(nodes.map((node) => node.tagName)).not.toContain('script');
      expect(nodes.map((node) => node.tagName)).not.toContain('a');
      expect(nodes.every((node) => !String(node.properties['href'] ?? '').startsWith('javascript:'))).toBe(
        true,
      );
      expect(toString({ type: 'root', children: result.html } as Root)).toMatch(
        /<script>alert\(1\)<\/script>/i,
      );
      expect(toString({ type: 'root', children: result.html } as Root)).toContain('javascript:alert(1)');
      expect(html(result.html)).not.toMatch(/<script|href="javascript:/i);
    }
    expect(results[0]?.text).toBe('Mallory. (2024). <script>alert(1)</script>. javascript:alert(1)');
  });

  it('should keep the rich text citeproc reads in fields and show any other markup as text', () => {
    // Arrange: citeproc reads <b> and <span style="font-variant:small-caps;"> in a field as formatting
    const item: CslItem = {
      ...sora,
      id: 'styled',
      title:
        'A <span style="font-variant:small-caps;">Small</span> <b>bold</b> <img src=x onerror=alert(1)> test',
    };

    // Act
    const result = formatReference(item, 'apa');

    // Assert
    const nodes = elements(result.html);
    expect(html(result.html)).toContain('<span class="csl-font-variant-small-caps">Small</span> <b>bold</b>');
    expect(nodes.map((node) => node.tagName)).not.toContain('img');
    expect(nodes.flatMap((node) => Object.keys(node.properties))).not.toContain('onError');
    expect(result.text).toContain('Small bold <img src=x onerror=alert(1)> test');
  });

  it('should keep a site named by its address in lower case in every style', () => {
    // Arrange
    const item: CslItem = {
      id: 'untitled',
      type: 'webpage',
      title: '[An untitled article on video generation]',
      'container-title': 'bitlyfool.com',
      URL: 'https://bitlyfool.com/a',
    };

    // Act
    const texts = (['apa', 'mla', 'chicago-author-date'] as const).map(
      (style) => formatReference(item, style).text,
    );

    // Assert
    for (const text of texts) {
      expect(text).toContain('bitlyfool.com');
      expect(text).not.toMatch(/Bitlyfool|\.Com/);
    }
    expect(texts[0]).toBe(
      '[An untitled article on video generation]. (n.d.). bitlyfool.com. https://bitlyfool.com/a',
    );
    expect(JSON.parse(toCslJson(item))).toEqual([item]);
  });

  it('should cite a Federal Register rule typed regulation as a rule, not as a law', () => {
    // Arrange
    const rule: CslItem = {
      id: 'rule',
      type: 'regulation',
      genre: 'Interim final rule',
      title: 'Export Controls on Semiconductor Manufacturing Items',
      author: [{ literal: 'Bureau of Industry and Security, U.S. Department of Commerce' }],
      'container-title': 'Federal Register',
      volume: '88',
      page: '73424',
      issued: { 'date-parts': [[2023, 10, 25]] },
    };

    // Act
    const apa = formatReference(rule, 'apa').text;
    const mla = formatReference(rule, 'mla').text;
    const chicago = formatReference(rule, 'chicago-author-date').text;

    // Assert
    expect(apa).toBe(
      'Bureau of Industry and Security, U.S. Department of Commerce. (2023). Export Controls on Semiconductor Manufacturing Items [Interim final rule]. In Federal Register (Vol. 88, p. 73424).',
    );
    expect(mla).toContain('Federal Register, vol. 88, 25 Oct. 2023, p. 73424');
    expect(chicago).toContain('Interim final rule. Federal Register.');
    for (const text of [apa, mla, chicago]) expect(text).not.toContain('Pub. L.');
  });

  it('should run citeproc once per item and style however often it is asked', () => {
    // Arrange
    const item: CslItem = { ...article, id: 'cached-once' };
    const format = vi.spyOn(Cite.prototype, 'format');

    // Act
    const first = formatReference(item, 'apa');
    const calls = format.mock.calls.length;
    const later = Array.from({ length: 5 }, () => formatReference(item, 'apa'));

    // Assert: one call makes the HTML, and the text is read off it
    expect(calls).toBe(1);
    expect(format.mock.calls.length).toBe(calls);
    expect(later.every((result) => result.text === first.text)).toBe(true);
  });

  it('should hand out a fresh copy that callers may change', () => {
    // Arrange
    const first = formatReference(sora, 'apa');
    first.html.splice(0, first.html.length, { type: 'text', value: 'changed' });

    // Act
    const second = formatReference(sora, 'apa');

    // Assert
    expect(html(second.html)).toMatch(/^OpenAI\. \(2024/);
  });

  it('should throw a clear error for an unknown style', () => {
    // Act
    const act = () => formatReference(sora, 'ieee');

    // Assert
    expect(act).toThrow('Unknown citation style "ieee"');
  });
});

describe('formatReferenceList', () => {
  const here: CslItem & { id: string } = {
    id: 'sora-is-here',
    type: 'webpage',
    title: 'Sora is here',
    author: [{ literal: 'OpenAI' }],
    issued: { 'date-parts': [[2024, 12, 9]] },
    URL: 'https://openai.com/index/sora-is-here/',
  };
  const simulators = sora as CslItem & { id: string };
  const other: CslItem & { id: string } = { ...article, id: 'other' } as CslItem & { id: string };
  const texts = (list: Map<string, { text: string }>) => [...list].map(([id, { text }]) => [id, text]);

  it.each(['apa', 'chicago-author-date'] as const)(
    'should tell apart two works by one author in one year in %s, in the list’s order',
    (style) => {
      // Act
      const list = formatReferenceList([here, other, simulators], style);

      // Assert: "2024a" for February, "2024b" for December, whatever order they came in (Chicago
      // puts a 3-em dash for the author repeated).
      const entries = texts(list);
      expect(entries.map(([id]) => id).filter((id) => id !== 'other')).toEqual([simulators.id, here.id]);
      expect(list.get(simulators.id)?.text).toMatch(/^OpenAI\. (\()?2024a\b/u);
      expect(list.get(here.id)?.text).toMatch(/^(?:OpenAI|———)\. (\()?2024b\b/u);
      expect(formatReference(here, style).text).not.toMatch(/2024[ab]/u);
    },
  );

  it('should add no letter in MLA, which tells works apart by their titles', () => {
    // Act
    const list = formatReferenceList([here, simulators], 'mla');

    // Assert
    expect(
      texts(list)
        .map(([, text]) => text)
        .join(' '),
    ).not.toMatch(/2024[ab]/u);
    expect(list.get(here.id)?.text).toBe(formatReference(here, 'mla').text);
  });
});

describe('formatInText', () => {
  it('should cite a paragraph the way each style does', () => {
    // Arrange
    const locator = { label: 'paragraph', value: '3' } as const;

    // Act
    const apa = formatInText(sora, 'apa', locator);
    const mla = formatInText(sora, 'mla', locator);
    const chicago = formatInText(sora, 'chicago-author-date', locator);

    // Assert: each as the style file prints it (this MLA style file puts no space after "para.")
    expect(apa.text).toBe('(OpenAI, 2024, para. 3)');
    expect(mla.text).toBe('(OpenAI, para.3)');
    expect(chicago.text).toBe('(OpenAI 2024, para. 3)');
    expect(html(apa.html)).toBe('(OpenAI, 2024, para. 3)');
  });

  it('should cite two authors without a locator', () => {
    // Act
    const apa = formatInText(article, 'apa');
    const mla = formatInText(article, 'mla');
    const chicago = formatInText(article, 'chicago-author-date');

    // Assert
    expect(apa.text).toBe('(Smith & Doe, 2020)');
    expect(html(apa.html)).toBe('(Smith &#x26; Doe, 2020)');
    expect(mla.text).toBe('(Smith and Doe)');
    expect(chicago.text).toBe('(Smith and Doe 2020)');
  });

  it('should cache each locator apart', () => {
    // Act
    const third = formatInText(sora, 'apa', { label: 'paragraph', value: '3' });
    const fourth = formatInText(sora, 'apa', { label: 'paragraph', value: '4' });

    // Assert
    expect([third.text, fourth.text]).toEqual(['(OpenAI, 2024, para. 3)', '(OpenAI, 2024, para. 4)']);
  });
});

describe('toBibTeX', () => {
  it('should write a journal article as a BibTeX entry', () => {
    // Act
    const bibtex = toBibTeX(article);

    // Assert
    expect(bibtex).toBe(
      [
        '@article{Smith2020Reading,',
        '\tauthor = {Smith, Jane and Doe, John},',
        '\tjournal = {Journal of Book History},',
        '\tdoi = {10.1234/jbh.2020.003},',
        '\tnumber = {3},',
        '\tyear = {2020},',
        '\tmonth = {5},',
        '\tpages = {45--67},',
        '\ttitle = {Reading the marginalia of medieval manuscripts},',
        '\tvolume = {12},',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('should write a web page with its URL', () => {
    // Act
    const bibtex = toBibTeX(sora);

    // Assert
    expect(bibtex).toBe(
      [
        '@misc{OpenAI2024Video,',
        '\tauthor = {{OpenAI}},',
        '\tyear = {2024},',
        '\tmonth = {feb 15},',
        '\ttitle = {Video generation models as world simulators},',
        `\turl = {${soraUrl}},`,
        `\thowpublished = {${soraUrl}},`,
        '}',
        '',
      ].join('\n'),
    );
  });
});

describe('toCslJson', () => {
  it('should write the item as a CSL-JSON array', () => {
    // Act
    const json = toCslJson(sora);

    // Assert
    expect(JSON.parse(json)).toEqual([sora]);
    expect(json.endsWith('\n')).toBe(true);
  });
});
