/**
 * Add the legend to the page's header, after the verdict summary: what each verdict and each
 * kind of claim the article uses means, in plain words (the claims file's own `ratings:` and
 * `kinds:` where it gives them, Marginalia's wording otherwise). Each verdict shows the glyph
 * the text shows after a passage, each kind the underline its passages have, so that the
 * legend reads the same on screen, in grey and in print. It opens by saying whose verdicts they
 * are, and whose definitions (the claims file's `review:`), when the file says.
 */
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import type { VFile } from 'vfile';
import { claimKinds, verdicts, type ClaimsDocument, type Review } from '../claims/types.ts';
import { kindDefinitions, kindLabels, noVerdictLabel, verdictDefinitions, verdictLabels } from './labels.ts';
import { pageHeader } from './page-header.ts';
import { dateOf } from './rehype-page.ts';
import { glyph, verdictLegendId } from './rehype-verdict-summary.ts';

export interface RehypeLegendOptions {
  claims: ClaimsDocument;
}

/** The legend entry of a kind. */
export function kindLegendId(kind: string): string {
  return `legend-kind-${kind}`;
}

export default function rehypeLegend(options: RehypeLegendOptions) {
  const { ratings = {}, kinds: kindWords = {}, review } = options.claims;
  const whose = attribution(review, Object.keys(ratings).length > 0);

  return function transformer(tree: Root, file: VFile): void {
    const header = pageHeader(tree);
    const anchored = file.data.anchored ?? [];
    if (!header || anchored.length === 0) return;
    const used = (test: (claim: (typeof anchored)[number]['claim']) => boolean) =>
      anchored.some(({ claim }) => test(claim));
    const entry = (id: string, term: Element, definition: string): Element =>
      h('div.marginalia-legend-entry', { id }, [h('dt', term), h('dd', definition)]);

    const verdictEntries = [...verdicts, 'none' as const]
      .filter((verdict) => used((claim) => (claim.verdict ?? 'none') === verdict))
      .map((verdict) =>
        entry(
          verdictLegendId(verdict),
          h('span.marginalia-legend-verdict', { dataVerdict: verdict }, [
            glyph(verdict),
            verdict === 'none' ? noVerdictLabel : verdictLabels[verdict],
          ]),
          (verdict === 'none' ? undefined : ratings[verdict]) ?? verdictDefinitions[verdict],
        ),
      );
    const kindEntries = claimKinds
      .filter((kind) => used((claim) => claim.kind === kind))
      .map((kind) =>
        entry(
          kindLegendId(kind),
          h('span.marginalia-legend-kind', { dataKind: kind }, kindLabels[kind]),
          kindWords[kind] ?? kindDefinitions[kind],
        ),
      );
    header.children.push(
      h('section.marginalia-legend#marginalia-legend', { ariaLabelledby: 'marginalia-legend-heading' }, [
        h('h2#marginalia-legend-heading', 'What the marks mean'),
        whose ? h('p.marginalia-legend-review', whose) : null,
        h('h3', 'Verdicts, after each passage'),
        h('dl.marginalia-legend-verdicts', verdictEntries),
        h('h3', 'Kinds of claim, by their underline'),
        h('dl.marginalia-legend-kinds', kindEntries),
      ]),
    );
  };
}

/**
 * Whose verdicts the legend defines: "Verdicts by Marginalia desk (5 December 2026), defined
 * below in its own words." (the last words when the file gives its own `ratings:`); `undefined`
 * when the file names no reviewer and gives no ratings. The date alone is under the byline.
 */
function attribution(review: Review | undefined, ownRatings: boolean): ElementContent[] | undefined {
  const by = review?.by?.trim();
  const when = dateOf(review?.date);
  if (!by) {
    return ownRatings
      ? [{ type: 'text', value: 'The verdicts are defined below in this publication’s own words.' }]
      : undefined;
  }
  return [
    { type: 'text', value: `Verdicts by ${by}` },
    ...(when
      ? [
          { type: 'text', value: ' (' } as const,
          h('time', { dateTime: when.iso }, when.text),
          { type: 'text', value: ')' } as const,
        ]
      : []),
    { type: 'text', value: ownRatings ? ', defined below in its own words.' : '.' },
  ];
}
