/**
 * What a copied passage puts on the clipboard, in APA 7, MLA 9 and Chicago author-date (CMOS 17),
 * for a source with an author and a date and for one with neither. Every expected string is
 * written out here by hand from the manuals (not produced by the code under test); the citation
 * pieces are made by the build's own code (citeproc with the CSL styles), as the page's data
 * carries them. The rules, with their sources:
 *
 * - Reference entries. APA 7 §9.4–9.8 (author, date, title, source), §10.2 (newspaper article,
 *   newspaper name in italics), §10.16 (web page: title in italics), §9.16 (retrieval date of an
 *   undated page: "Retrieved Month D, YYYY, from URL"), n.d. for no date. MLA 9 ch. 5 (core
 *   elements: Author. “Title of Source.” *Container*, Publication date, Location.; a standalone
 *   web page's title in italics; "Accessed D Mon. YYYY." last for an undated web source). CMOS 17
 *   §15.9 (author-date reference: Author. Year. “Title.” *Newspaper*, Month D, Year. URL.),
 *   §15.44 (n.d.), §14.12 and §15.50 (access date of an undated web page), §15.32 (no author:
 *   the title first).
 * - In-text citations. APA 7 §8.10–8.11 (Author, Year), §8.14 (no author: the title, in italics
 *   as in the reference, in title case, shortened), §8.28 (paragraph numbers: "para.", "paras.").
 *   MLA 9 ch. 6 (Author, then the locator; a title in the author's place, shortened and styled as
 *   in the works-cited list; numbered paragraphs: "par.", "pars.", after a comma). CMOS 17 §15.7
 *   and §15.22 (Author Year, locator: no comma before the year, a comma before the locator;
 *   "para."), §15.32 (title in the author's place, shortened), §15.44 (a comma before "n.d.").
 * - Placement. Run in: APA 7 §8.25–8.26, MLA 9 ch. 6 (quotations: short prose quotations),
 *   CMOS 17 §13.68: the citation follows the closing quotation mark, and the sentence's full stop
 *   follows the citation. Block: APA 7 §8.27, MLA 9 ch. 6 (long quotations), CMOS 17 §13.69: no
 *   quotation marks, the citation after the final punctuation, no full stop after it.
 * - Length. APA 7 §8.27: 40 words or more is a block. MLA 9: more than four lines of prose
 *   (Marginalia: more than 320 characters). CMOS 17 §13.10: a hundred words or more, or two or
 *   more paragraphs.
 * - Several paragraphs run in (plain text): each opens with a quotation mark, only the last
 *   closes (CMOS 17 §13.30).
 */
import { describe, expect, it } from 'vitest';
import type { CslItem } from '../claims/types.ts';
import {
  escapeHtml,
  escapeMarkdown,
  formatCopy,
  isBlockQuotation,
  safeHref,
  untitledStyle,
  type CitationStyle,
} from './copy-formats.ts';
import { citationStyle } from './style-pieces.ts';

const ledger: CslItem = {
  id: 'ledger',
  type: 'article-newspaper',
  title: 'Chinese firms race to match Sora',
  'container-title': 'The Daily Ledger',
  author: [{ family: 'Doe', given: 'Jane' }],
  issued: { 'date-parts': [[2024, 2, 20]] },
  URL: 'https://ledger.example/sora',
};
const untitled: CslItem = {
  id: 'untitled',
  type: 'webpage',
  title: 'OpenAI’s Sora and the state of Chinese AI video generation',
  URL: 'https://bitlyfool.example/sora',
  accessed: { 'date-parts': [[2026, 12, 4]] },
};

const url = 'https://example.org/ledger/#p-2:~:text=Chinese%20firms';
const link = (label: string): string => `<a href="${url}">${label}</a>`;

/** A short quotation (7 words, 39 characters): run in by every style. */
const short = 'Chinese firms are racing to match Sora.';
/** A long quotation (104 words, 646 characters): set off by every style. */
const long =
  'Chinese technology companies have spent the past year announcing video models of their own, ' +
  'each promising longer clips, steadier motion and a closer reading of the prompt. Few of them ' +
  'have been opened to the public, and fewer still have been measured against the same tests, so ' +
  'the claims are hard to compare. Engineers at two of the firms said that the limits were not ' +
  'only technical: the chips they could buy were slower, the data they could use was narrower, ' +
  'and the rules they had to follow were stricter than those their rivals abroad faced, which ' +
  'left them months behind on every release they had planned for the year.';

interface Expected {
  reference: { text: string; html: string; markdown: string };
  /** The in-text citation with "2" and with "2–3", as text, HTML (locator linked) and Markdown. */
  one: { text: string; html: string; markdown: string };
  several: { text: string; html: string; markdown: string };
}

const expected: Record<'apa' | 'mla' | 'chicago-author-date', { ledger: Expected; untitled: Expected }> = {
  apa: {
    ledger: {
      reference: {
        text: 'Doe, J. (2024, February 20). Chinese firms race to match Sora. The Daily Ledger. https://ledger.example/sora',
        html: 'Doe, J. (2024, February 20). Chinese firms race to match Sora. <i>The Daily Ledger</i>. <a href="https://ledger.example/sora">https://ledger.example/sora</a>',
        markdown:
          'Doe, J. (2024, February 20). Chinese firms race to match Sora. *The Daily Ledger*. <https://ledger.example/sora>',
      },
      one: {
        text: '(Doe, 2024, para. 2)',
        html: `(Doe, 2024, ${link('para. 2')})`,
        markdown: `(Doe, 2024, [para. 2](${url}))`,
      },
      several: {
        text: '(Doe, 2024, paras. 2–3)',
        html: `(Doe, 2024, ${link('paras. 2–3')})`,
        markdown: `(Doe, 2024, [paras. 2–3](${url}))`,
      },
    },
    untitled: {
      reference: {
        text: 'OpenAI’s Sora and the state of Chinese AI video generation. (n.d.). Retrieved December 4, 2026, from https://bitlyfool.example/sora',
        html: '<i>OpenAI’s Sora and the state of Chinese AI video generation</i>. (n.d.). Retrieved December 4, 2026, from <a href="https://bitlyfool.example/sora">https://bitlyfool.example/sora</a>',
        markdown:
          '*OpenAI’s Sora and the state of Chinese AI video generation*. (n.d.). Retrieved December 4, 2026, from <https://bitlyfool.example/sora>',
      },
      one: {
        text: '(OpenAI’s Sora, n.d., para. 2)',
        html: `(<i>OpenAI’s Sora</i>, n.d., ${link('para. 2')})`,
        markdown: `(*OpenAI’s Sora*, n.d., [para. 2](${url}))`,
      },
      several: {
        text: '(OpenAI’s Sora, n.d., paras. 2–3)',
        html: `(<i>OpenAI’s Sora</i>, n.d., ${link('paras. 2–3')})`,
        markdown: `(*OpenAI’s Sora*, n.d., [paras. 2–3](${url}))`,
      },
    },
  },
  mla: {
    ledger: {
      reference: {
        text: 'Doe, Jane. “Chinese Firms Race to Match Sora.” The Daily Ledger, 20 Feb. 2024, https://ledger.example/sora.',
        html: 'Doe, Jane. “Chinese Firms Race to Match Sora.” <i>The Daily Ledger</i>, 20 Feb. 2024, <a href="https://ledger.example/sora">https://ledger.example/sora</a>.',
        markdown:
          'Doe, Jane. “Chinese Firms Race to Match Sora.” *The Daily Ledger*, 20 Feb. 2024, <https://ledger.example/sora>.',
      },
      one: {
        text: '(Doe, par. 2)',
        html: `(Doe, ${link('par. 2')})`,
        markdown: `(Doe, [par. 2](${url}))`,
      },
      several: {
        text: '(Doe, pars. 2–3)',
        html: `(Doe, ${link('pars. 2–3')})`,
        markdown: `(Doe, [pars. 2–3](${url}))`,
      },
    },
    untitled: {
      reference: {
        text: 'OpenAI’s Sora and the State of Chinese AI Video Generation. https://bitlyfool.example/sora. Accessed 4 Dec. 2026.',
        html: '<i>OpenAI’s Sora and the State of Chinese AI Video Generation</i>. <a href="https://bitlyfool.example/sora">https://bitlyfool.example/sora</a>. Accessed 4 Dec. 2026.',
        markdown:
          '*OpenAI’s Sora and the State of Chinese AI Video Generation*. <https://bitlyfool.example/sora>. Accessed 4 Dec. 2026.',
      },
      one: {
        text: '(OpenAI’s Sora, par. 2)',
        html: `(<i>OpenAI’s Sora</i>, ${link('par. 2')})`,
        markdown: `(*OpenAI’s Sora*, [par. 2](${url}))`,
      },
      several: {
        text: '(OpenAI’s Sora, pars. 2–3)',
        html: `(<i>OpenAI’s Sora</i>, ${link('pars. 2–3')})`,
        markdown: `(*OpenAI’s Sora*, [pars. 2–3](${url}))`,
      },
    },
  },
  'chicago-author-date': {
    ledger: {
      reference: {
        text: 'Doe, Jane. 2024. “Chinese Firms Race to Match Sora.” The Daily Ledger, February 20, 2024. https://ledger.example/sora.',
        html: 'Doe, Jane. 2024. “Chinese Firms Race to Match Sora.” <i>The Daily Ledger</i>, February 20, 2024. <a href="https://ledger.example/sora">https://ledger.example/sora</a>.',
        markdown:
          'Doe, Jane. 2024. “Chinese Firms Race to Match Sora.” *The Daily Ledger*, February 20, 2024. <https://ledger.example/sora>.',
      },
      one: {
        text: '(Doe 2024, para. 2)',
        html: `(Doe 2024, ${link('para. 2')})`,
        markdown: `(Doe 2024, [para. 2](${url}))`,
      },
      several: {
        text: '(Doe 2024, paras. 2–3)',
        html: `(Doe 2024, ${link('paras. 2–3')})`,
        markdown: `(Doe 2024, [paras. 2–3](${url}))`,
      },
    },
    untitled: {
      reference: {
        text: '“OpenAI’s Sora and the State of Chinese AI Video Generation.” n.d. Accessed December 4, 2026. https://bitlyfool.example/sora.',
        html: '“OpenAI’s Sora and the State of Chinese AI Video Generation.” n.d. Accessed December 4, 2026. <a href="https://bitlyfool.example/sora">https://bitlyfool.example/sora</a>.',
        markdown:
          '“OpenAI’s Sora and the State of Chinese AI Video Generation.” n.d. Accessed December 4, 2026. <https://bitlyfool.example/sora>.',
      },
      one: {
        text: '(“OpenAI’s Sora,” n.d., para. 2)',
        html: `(“OpenAI’s Sora,” n.d., ${link('para. 2')})`,
        markdown: `(“OpenAI’s Sora,” n.d., [para. 2](${url}))`,
      },
      several: {
        text: '(“OpenAI’s Sora,” n.d., paras. 2–3)',
        html: `(“OpenAI’s Sora,” n.d., ${link('paras. 2–3')})`,
        markdown: `(“OpenAI’s Sora,” n.d., [paras. 2–3](${url}))`,
      },
    },
  },
};

const cases = (['apa', 'mla', 'chicago-author-date'] as const).flatMap((style) =>
  (['ledger', 'untitled'] as const).map((source) => ({
    style,
    source,
    item: source === 'ledger' ? ledger : untitled,
    want: expected[style][source],
  })),
);

describe.each(cases)('a copy in $style of a source $source', ({ style, item, want }) => {
  const cited: CitationStyle = citationStyle(item, style);
  const { reference, one, several } = want;

  it('should run a short quotation in, the citation after the closing mark and the full stop after it', () => {
    // Act
    const copy = formatCopy({ paragraphs: [short], style: cited, numbers: [2, 2], url });

    // Assert
    const quote = '“Chinese firms are racing to match Sora”';
    expect(copy).toEqual({
      plain: `${quote} ${one.text}.\n\n${reference.text}\n\n${url}`,
      html: `<p>${quote} ${one.html}.</p><p>${reference.html}</p>`,
      markdown: `${quote} ${one.markdown}.\n\n${reference.markdown}`,
    });
  });

  it('should set a long quotation off as a block, the citation after its final punctuation', () => {
    // Act
    const copy = formatCopy({ paragraphs: [long], style: cited, numbers: [2, 2], url });

    // Assert
    expect(copy).toEqual({
      plain: `“${long.slice(0, -1)}” ${one.text}.\n\n${reference.text}\n\n${url}`,
      html: `<blockquote cite="${url}"><p>${long} ${one.html}</p></blockquote><p>${reference.html}</p>`,
      markdown: `> ${long} ${one.markdown}\n\n${reference.markdown}`,
    });
  });

  it('should set a quotation of two paragraphs off as a block, and cite both paragraphs', () => {
    // Arrange
    const paragraphs = [
      'Few of them have been opened to the public.',
      'The chips they could buy were slower.',
    ];

    // Act
    const copy = formatCopy({ paragraphs, style: cited, numbers: [2, 3], url });

    // Assert
    expect(copy).toEqual({
      plain:
        `“Few of them have been opened to the public.\n\n“The chips they could buy were slower” ${several.text}.` +
        `\n\n${reference.text}\n\n${url}`,
      html:
        `<blockquote cite="${url}"><p>Few of them have been opened to the public.</p>` +
        `<p>The chips they could buy were slower. ${several.html}</p></blockquote><p>${reference.html}</p>`,
      markdown:
        `> Few of them have been opened to the public.\n>\n> The chips they could buy were slower. ${several.markdown}` +
        `\n\n${reference.markdown}`,
    });
  });
});

describe('isBlockQuotation', () => {
  const words = (count: number): string => Array.from({ length: count }, () => 'word').join(' ');

  it.each([
    // APA 7 §8.27: 40 words or more.
    ['apa', words(39), false],
    ['apa', words(40), true],
    // MLA 9: more than four lines of prose; Marginalia counts 80 characters a line.
    ['mla', 'x'.repeat(320), false],
    ['mla', 'x'.repeat(321), true],
    // CMOS 17 §13.10: a hundred words or more.
    ['chicago-author-date', words(99), false],
    ['chicago-author-date', words(100), true],
  ] as const)('should in %s set off %#', (style, text, block) => {
    // Arrange
    const rule = citationStyle(ledger, style).block;

    // Act
    const result = isBlockQuotation([text], rule);

    // Assert
    expect(result).toBe(block);
  });

  it('should not count a dash standing alone as a word', () => {
    // Act
    const result = isBlockQuotation([`${words(39)} —`], { words: 40 });

    // Assert
    expect(result).toBe(false);
  });
});

describe('formatCopy', () => {
  const apa = (): CitationStyle => citationStyle(ledger, 'apa');

  it('should keep a closing question mark in the quotation and add the full stop after the citation', () => {
    // Act
    const { plain } = formatCopy({ paragraphs: ['Can they catch up?'], style: apa(), numbers: [4, 4], url });

    // Assert
    expect(plain.split('\n\n')[0]).toBe('“Can they catch up?” (Doe, 2024, para. 4).');
  });

  it('should add no full stop after a quotation that ends no sentence, nor move an ellipsis', () => {
    // Act
    const cut = formatCopy({ paragraphs: ['racing to match Sora'], style: apa(), numbers: [4, 4], url });
    const trailing = formatCopy({ paragraphs: ['racing to match…'], style: apa(), numbers: [4, 4], url });

    // Assert
    expect(cut.plain.split('\n\n')[0]).toBe('“racing to match Sora” (Doe, 2024, para. 4)');
    expect(trailing.plain.split('\n\n')[0]).toBe('“racing to match…” (Doe, 2024, para. 4)');
  });

  it('should make double marks single inside a run-in quotation and keep them in a block', () => {
    // Arrange
    const quoted = 'He called it “a world simulator”.';

    // Act
    const runIn = formatCopy({ paragraphs: [quoted], style: apa(), numbers: [1, 1], url });
    const block = formatCopy({ paragraphs: [quoted, quoted], style: apa(), numbers: [1, 2], url });

    // Assert
    expect(runIn.html).toMatch(/^<p>“He called it ‘a world simulator’” \(Doe/);
    expect(block.html).toMatch(/^<blockquote cite="[^"]+"><p>He called it “a world simulator”\.<\/p>/);
  });

  it('should cite a heading without a locator and give the link on its own line', () => {
    // Act
    const copy = formatCopy({ paragraphs: ['Sora’s impact'], style: apa(), numbers: null, url });

    // Assert
    expect(copy.plain).toBe(`“Sora’s impact” (Doe, 2024)\n\n${expected.apa.ledger.reference.text}\n\n${url}`);
    expect(copy.markdown).toBe(
      `“Sora’s impact” (Doe, 2024)\n\n${expected.apa.ledger.reference.markdown}\n\n<${url}>`,
    );
    expect(copy.html).toBe(
      `<p>“Sora’s impact” (Doe, 2024)</p><p>${expected.apa.ledger.reference.html}</p><p>${link(url)}</p>`,
    );
  });

  it('should cite an untitled work by its bracketed description, shortened, its brackets and quotation marks closed', () => {
    // Arrange: a work with no title of its own, described in square brackets (APA 7 §9.29;
    // MLA 9 §5.25 and §6.10: a shortened title in quotation marks for a web page, a comma
    // inside the closing mark before "par."; CMOS 17 §15.32: the title stands for the author).
    const described: CslItem = {
      id: 'described',
      type: 'webpage',
      title: '[OpenAI’s Sora and the state of Chinese AI video generation]',
      'container-title': 'bitlyfool.com',
      URL: 'https://bitlyfool.example/sora',
    };
    const copy = (style: 'apa' | 'mla' | 'chicago-author-date', numbers: [number, number] | null) =>
      formatCopy({
        paragraphs: ['Sora’s impact'],
        style: citationStyle(described, style),
        numbers,
        url,
      }).plain.split('\n\n')[0];

    // Act
    const copies = {
      apa: [copy('apa', [2, 2]), copy('apa', null)],
      mla: [copy('mla', [2, 2]), copy('mla', null)],
      chicago: [copy('chicago-author-date', [2, 2]), copy('chicago-author-date', null)],
    };

    // Assert
    expect(copies).toEqual({
      apa: ['“Sora’s impact” ([OpenAI’s Sora], n.d., para. 2)', '“Sora’s impact” ([OpenAI’s Sora], n.d.)'],
      mla: ['“Sora’s impact” (“[OpenAI’s Sora],” par. 2)', '“Sora’s impact” (“[OpenAI’s Sora]”)'],
      chicago: [
        '“Sora’s impact” (“[OpenAI’s Sora],” n.d., para. 2)',
        '“Sora’s impact” (“[OpenAI’s Sora],” n.d.)',
      ],
    });
  });

  it('should cite with the title and the paragraph sign when the page offers no style', () => {
    // Act
    const copy = formatCopy({
      paragraphs: ['founded in 1642.', 'Visitors still cross'],
      style: untitledStyle('Harwick & its railway'),
      numbers: [1, 2],
      url,
    });

    // Assert
    expect(copy).toEqual({
      plain: `“founded in 1642.\n\n“Visitors still cross” (Harwick & its railway, ¶¶ 1–2)\n\n${url}`,
      html: `<blockquote cite="${url}"><p>founded in 1642.</p><p>Visitors still cross (<i>Harwick &#38; its railway</i>, ${link('¶¶ 1–2')})</p></blockquote>`,
      markdown: `> founded in 1642.\n>\n> Visitors still cross (*Harwick & its railway*, [¶¶ 1–2](${url}))`,
    });
  });

  it('should escape the quotation and the link, and leave out a link that is not http(s) or file', () => {
    // Arrange
    const paragraphs = ['<script>alert("x")</script> & [so](on) *now*'];

    // Act
    const safe = formatCopy({
      paragraphs,
      style: apa(),
      numbers: [1, 1],
      url: 'https://example.org/a?b=1&c="2"',
    });
    const unsafe = formatCopy({ paragraphs, style: apa(), numbers: [1, 1], url: 'javascript:alert(1)' });

    // Assert
    expect(safe.html).toBe(
      '<p>“&#60;script&#62;alert(&#39;x&#39;)&#60;/script&#62; &#38; [so](on) *now*” (Doe, 2024, <a href="https://example.org/a?b=1&#38;c=%222%22">para. 1</a>)</p>' +
        `<p>${expected.apa.ledger.reference.html}</p>`,
    );
    expect(safe.markdown.split('\n\n')[0]).toBe(
      "“\\<script>alert('x')\\</script> & \\[so\\](on) \\*now\\*” (Doe, 2024, [para. 1](https://example.org/a?b=1&c=%222%22))",
    );
    expect(unsafe.plain).toBe(
      `“<script>alert('x')</script> & [so](on) *now*” (Doe, 2024, para. 1)\n\n${expected.apa.ledger.reference.text}`,
    );
    expect(unsafe.html).not.toContain('javascript');
    expect(unsafe.markdown).not.toContain('javascript');
  });
});

describe('safeHref', () => {
  it('should keep http, https and file URLs and refuse the rest', () => {
    // Arrange
    const urls = [
      'http://a.org/x',
      'https://a.org/#p-1:~:text=a',
      'file:///home/r/build/a/index.html',
      'JavaScript:alert(1)',
      'mailto:a@b.org',
      '/relative',
    ];

    // Act
    const hrefs = urls.map(safeHref);

    // Assert
    expect(hrefs).toEqual([
      'http://a.org/x',
      'https://a.org/#p-1:~:text=a',
      'file:///home/r/build/a/index.html',
      null,
      null,
      null,
    ]);
  });
});

describe('escapeHtml', () => {
  it('should escape the five characters that matter in content and attributes', () => {
    // Act
    const escaped = escapeHtml(`<a href="x" title='y'>&</a>`);

    // Assert
    expect(escaped).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;');
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['- not a list item', '\\- not a list item'],
    ['+ not either', '\\+ not either'],
    ['> not a quote', '\\> not a quote'],
    ['12) not numbered', '12\\) not numbered'],
    ['`code` and ~~struck~~ and a\\b', '\\`code\\` and \\~\\~struck\\~\\~ and a\\\\b'],
    ['fine - text, 3. and (this)', 'fine - text, 3. and (this)'],
  ])('should make %j show as written', (text, expected) => {
    // Act
    const escaped = escapeMarkdown(text);

    // Assert
    expect(escaped).toBe(expected);
  });
});
