/**
 * Pin cites: the paragraph a quotation comes from, in the form a citation style uses.
 *
 * The labels come from the page's data, formatted at build time (`style-pieces.ts`): `para.` and
 * `paras.` in APA 7 (§8.28: quoting material without page numbers) and in Chicago author-date
 * (CMOS 17 §15.22: "para." and the number for a source without pages), `par.` and `pars.` in
 * MLA 9 (ch. 6, numbered paragraphs). Without a style, the paragraph sign, doubled for a range
 * (`¶ 3`, `¶¶ 3–5`), as the page itself shows paragraphs.
 *
 * Ranges use an en dash without spaces (`3–5`), as all three manuals do for number ranges.
 */

/** The paragraph sign, for one paragraph and for several. */
export const pilcrowLabels = ['¶', '¶¶'] as const;

/**
 * The pin cite of paragraphs `first` to `last` (1-based, as the page numbers them):
 * `pinCite(3)` → "¶ 3", `pinCite(3, 5)` → "¶¶ 3–5", `pinCite(3, 5, ['para.', 'paras.'])` →
 * "paras. 3–5".
 *
 * @throws RangeError unless `first` and `last` are whole numbers with `1 ≤ first ≤ last`.
 */
export function pinCite(
  first: number,
  last = first,
  labels: readonly [one: string, many: string] = pilcrowLabels,
): string {
  if (!Number.isInteger(first) || !Number.isInteger(last) || first < 1 || last < first) {
    throw new RangeError(`Not a range of paragraph numbers: ${first}–${last}`);
  }
  const [one, many] = labels;
  return first === last ? `${one} ${first}` : `${many} ${first}–${last}`;
}
