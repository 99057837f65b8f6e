/**
 * Marginalia as a library (the package's main entry): build articles as the command does, or
 * compile one in memory. The pipeline's plugins are in `marginalia/pipeline`, the claims reader
 * in `marginalia/claims`, the `<marginalia-reader>` element in `marginalia/reader`.
 */
export { build, type BuildOptions, type BuildResult, type BuiltArticle } from './build/build.ts';
export {
  compileArticle,
  compileFiles,
  type CompiledArticle,
  type CompileOptions,
} from './build/compile-article.ts';
export { discoverArticles, UsageError, type ArticlePaths } from './build/discover.ts';
export { createAnchorPipeline, createPipeline, type PipelineOptions } from './pipeline/index.ts';
export { readClaims, type ClaimsDocument } from './claims/index.ts';
export { formatMessages } from './cli/format-messages.ts';
