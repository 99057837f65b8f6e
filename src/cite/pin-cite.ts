/**
 * Pin cites: the paragraph a quotation comes from, in the form a citation style uses.
 *
 * Sources for the forms:
 * - `pilcrow` (`¶ 3`, `¶¶ 3–5`): the paragraph sign, singular and doubled for a range, with a
 *   space before the number, as the Chicago Manual of Style shows it (CMOS 18, 13.117 and
 *   10.49: "(Claussen 2015, ¶ 2.15)"). The default, and what the page itself shows.
 * - `para.` (`para. 3`, `paras. 3–5`): APA 7th edition, section 8.28 (quoting material without
 *   page numbers: "para." and a paragraph number), and the Chicago Manual of Style (CMOS 18,
 *   13.117, "(Claussen 2015, para. 2.15)"; plural "paras.", CMOS 7.15, as the Chicago Manual's
 *   Q&A "Does the Chicago 18th (author-date style) use para/paras" answers). These are also the
 *   short forms of the CSL term "paragraph" in the en-US locale that the APA and Chicago
 *   author-date CSL styles print for a paragraph locator.
 * - `par.` (`par. 3`, `pars. 3–5`): the MLA Handbook (8th ed., 56–57; guides to the 9th edition
 *   give the same): a source with numbered paragraphs is cited "par." or "pars." and the
 *   number, after a comma ("(Chan, par. 2)"). The MLA 9th edition CSL style does not override the en-US term,
 *   so CSL would print "para." here; the handbook's form wins.
 *
 * Ranges use an en dash without spaces (`3–5`), as all three guides do for number ranges.
 */

/** How a style names a paragraph. */
export type PinForm = 'pilcrow' | 'para.' | 'par.';

const labels: Readonly<Record<PinForm, readonly [one: string, many: string]>> = {
  pilcrow: ['¶', '¶¶'],
  'para.': ['para.', 'paras.'],
  'par.': ['par.', 'pars.'],
};

/** The pin-cite form of each built-in citation style; any other style uses the pilcrow. */
const styleForms: ReadonlyMap<string, PinForm> = new Map([
  ['apa', 'para.'],
  ['chicago-author-date', 'para.'],
  ['mla', 'par.'],
]);

/**
 * The pin cite of paragraphs `first` to `last` (1-based, as the page numbers them):
 * `pinCite(3)` → "¶ 3", `pinCite(3, 5)` → "¶¶ 3–5", `pinCite(3, 5, 'para.')` → "paras. 3–5".
 *
 * @throws RangeError unless `first` and `last` are whole numbers with `1 ≤ first ≤ last`.
 */
export function pinCite(first: number, last = first, form: PinForm = 'pilcrow'): string {
  if (!Number.isInteger(first) || !Number.isInteger(last) || first < 1 || last < first) {
    throw new RangeError(`Not a range of paragraph numbers: ${first}–${last}`);
  }
  const [one, many] = labels[form];
  return first === last ? `${one} ${first}` : `${many} ${first}–${last}`;
}

/** The pin-cite form a citation style uses: `apa` → "para.", `mla` → "par.", others "¶". */
export function pinFormFor(styleId: string): PinForm {
  return styleForms.get(styleId) ?? 'pilcrow';
}
