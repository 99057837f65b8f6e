/**
 * Personal highlights, DOM-light: the model, the article's text, anchoring (describe a span,
 * find it again after edits), storage per article in `localStorage`, and export/import
 * (Markdown, W3C Web Annotation JSON-LD). The reader's element wires them to the page.
 */
export {
  colourLabel,
  createHighlight,
  defaultColour,
  highlightColours,
  isColour,
  type Highlight,
  type HighlightColour,
  type HighlightPosition,
  type HighlightQuote,
  type HighlightTarget,
} from './model.ts';
export {
  blockSelector,
  contentHash,
  paragraphOf,
  rangeOfSpan,
  readArticleText,
  spansOfRange,
  type ArticleText,
} from './article-text.ts';
export {
  anchorHighlight,
  anchorHighlights,
  describeHighlight,
  maxErrorRate,
  minContextScore,
  selfEvidentLength,
  type HighlightAnchor,
} from './anchoring.ts';
export {
  browserStorage,
  HighlightStore,
  type CorruptEntry,
  type LoadResult,
  type StorageEventLike,
  type StorageEventSource,
  type StorageLike,
  type StoreChange,
  type WriteFailure,
  type WriteResult,
} from './store.ts';
export { fromJsonLd, toJsonLd, toMarkdown, type ExportArticle, type ImportResult } from './exchange.ts';
