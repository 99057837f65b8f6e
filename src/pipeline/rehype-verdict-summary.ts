/**
 * Add the verdict summary to the page's header: how many claims the article has and how many
 * of them have each verdict, "32 claims: 8 supported, 8 partly supported, …, 6 without a
 * verdict", verdicts in the order of the contract (best supported first), none left out that
 * the article uses. Each count links to its verdict's entry in the legend (`rehype-legend`);
 * the reader makes each a filter that dims every other passage. A glyph before each verdict
 * (the page stylesheet draws it, as it does after each passage) tells them apart in grey and in
 * print.
 */
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import type { VFile } from 'vfile';
import { verdicts, type Verdict } from '../claims/types.ts';
import { verdictLabels } from './labels.ts';
import { pageHeader } from './page-header.ts';

/** The legend entry of a verdict (or of the claims without one). */
export function verdictLegendId(verdict: Verdict | 'none'): string {
  return `legend-verdict-${verdict}`;
}

/** How many claims have each verdict (`none`: without one), in the contract's order. */
export function verdictCounts(
  found: ReadonlyArray<{ claim: { verdict?: Verdict } }>,
): Array<[Verdict | 'none', number]> {
  const counts = new Map<Verdict | 'none', number>();
  for (const { claim } of found)
    counts.set(claim.verdict ?? 'none', (counts.get(claim.verdict ?? 'none') ?? 0) + 1);
  return [...verdicts, 'none' as const].flatMap((verdict) => {
    const count = counts.get(verdict) ?? 0;
    return count > 0 ? [[verdict, count] as [Verdict | 'none', number]] : [];
  });
}

/** The glyph of a verdict: drawn by the page stylesheet, hidden from assistive technology (the words say it). */
export function glyph(verdict: Verdict | 'none'): Element {
  return h('span.marginalia-glyph', { dataVerdict: verdict, ariaHidden: 'true' });
}

export default function rehypeVerdictSummary() {
  return function transformer(tree: Root, file: VFile): void {
    const header = pageHeader(tree);
    const anchored = file.data.anchored ?? [];
    if (!header || anchored.length === 0) return;
    const counts = verdictCounts(anchored);
    const items = counts.flatMap(([verdict, count], index): ElementContent[] => [
      ...(index > 0 ? [h('span.marginalia-verdicts-sep', ', ')] : []),
      h('a.marginalia-verdict-count', { href: `#${verdictLegendId(verdict)}`, dataVerdict: verdict }, [
        glyph(verdict),
        `${count} ${verdict === 'none' ? 'without a verdict' : verdictLabels[verdict].toLowerCase()}`,
      ]),
    ]);
    header.children.push(
      h('p.marginalia-verdicts', [
        h(
          'span.marginalia-verdicts-total',
          `${anchored.length} ${anchored.length === 1 ? 'claim' : 'claims'}:`,
        ),
        ' ',
        ...items,
      ]),
    );
  };
}
