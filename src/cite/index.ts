/**
 * Citation formatting with a real CSL processor (citeproc-js through Citation.js), for the
 * build. See `styles.ts` for the styles and `format.ts` for the outputs.
 */
export {
  assertStyle,
  builtinStyleIds,
  builtinStyles,
  isStyleId,
  registerStyleFile,
  styleLabel,
  type BuiltinStyleId,
  type StyleId,
} from './styles.ts';
export {
  formatInText,
  formatReference,
  formatReferenceList,
  locatorLabels,
  toBibTeX,
  toCslJson,
  type FormattedCitation,
  type Locator,
  type LocatorLabel,
} from './format.ts';
