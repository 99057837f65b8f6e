/**
 * Compile one article in memory: read and validate its claims, run the pipeline, and make the
 * page and the annotation collection. Nothing is written here; every problem ends up as a
 * message on one of the two files, and `ok` says whether the article may be published.
 *
 * Limits, not crashes (`../pipeline/limits.ts`): a file larger than its limit is not even read;
 * the claims file's counts and the article's blocks and nesting are checked before the steps
 * they bound, and a step that finds a limit passed throws a `LimitError`, which becomes an
 * error here. The work after the files are read is synchronous and runs within the article's
 * time limit (`time-limit.ts`): past it, the build of the article stops with a `time-limit`
 * error that says what it was doing.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Element } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { toString } from 'hast-util-to-string';
import { VFile } from 'vfile';
import {
  serializeAnnotationCollection,
  toAnnotationCollection,
  type AnnotationCollection,
} from '../annotations/web-annotation.ts';
import { spanDescriber } from '../anchor/index.ts';
import { registerStyleFile, type StyleId } from '../cite/index.ts';
import { sourceFromFrontMatter } from '../claims/front-matter.ts';
import { readClaims } from '../claims/read-claims.ts';
import type { ClaimsDocument } from '../claims/types.ts';
import { openCitationCache, saveCitationCache } from '../cite/citation-cache.ts';
import { createAnchorPipeline, createPipeline } from '../pipeline/index.ts';
import { error, hasErrors, warning } from '../pipeline/report.ts';
import {
  LimitError,
  resolveLimits,
  seconds,
  sizeReason,
  timeLimitFor,
  type Limits,
  type ResolvedLimits,
} from '../pipeline/limits.ts';
import type { Point } from '../claims/types.ts';
import { collectGarbage, largePage } from '../pipeline/rehype-collect-garbage.ts';
import { pageHtml } from '../pipeline/rehype-stringify-page.ts';
import { citationFiles } from '../pipeline/rehype-cite-article.ts';
import type { ArticlePaths } from './discover.ts';
import type { ArticleWarmCache } from './warm-cache.ts';
import { TimeLimitExceeded, withinTime } from './time-limit.ts';

export interface CompiledArticle {
  slug: string;
  title: string;
  /** The source text and the claims file, each with its messages. */
  files: VFile[];
  ok: boolean;
  /** How many claims were anchored. */
  claims: number;
  html?: string;
  annotations?: string;
  /** Other files to write beside the page, by name (the article's BibTeX and CSL-JSON). */
  attachments?: Record<string, string>;
}

export interface CompileOptions {
  /** Folder that message file names are relative to (default: the working folder). */
  cwd?: string;
  /** IRI under which the built pages are published; the default names them by slug only. */
  baseUrl?: string;
  /** Fixed `generated` time for the annotations, for reproducible output. */
  generated?: string;
  style?: StyleId;
  /**
   * false: only read the claims and anchor them, as `marginalia check` does: every problem is
   * found, but no page, annotations or citations are made (default true).
   */
  render?: boolean;
  /**
   * Folder of the citation cache kept between runs (`src/cite/citation-cache.ts`); none when
   * undefined.
   */
  citationCache?: string;
  /** Limits other than the defaults (`../pipeline/limits.ts`); plain data, for the workers too. */
  limits?: Partial<Limits>;
  /**
   * What the last build of this article in this process left to reuse (`warm-cache.ts`: watch
   * mode); the output is the same with it or without. Not plain data: never given to a worker.
   */
  warm?: ArticleWarmCache;
}

type Role = 'article' | 'claims file';

const sizeRules = { article: 'article-too-large', 'claims file': 'claims-file-too-large' } as const;

/** A file's size limit, and what the file is called in the message past it. */
export interface SizeLimit {
  role: Role;
  maxBytes: number;
}

/**
 * A file as a vfile named relative to `cwd`, with a `read-error` message if it cannot be read;
 * one larger than `limit` is not read, and gets the limit's error instead.
 */
export async function load(
  file: string | undefined,
  cwd: string,
  limit?: SizeLimit,
): Promise<VFile | undefined> {
  if (file === undefined) return undefined;
  const vfile = new VFile({ path: path.relative(cwd, file), cwd });
  try {
    const { size } = await stat(file);
    if (limit && size > limit.maxBytes) {
      error(vfile, sizeReason(limit.role, size, limit.maxBytes), startOfFile, sizeRules[limit.role]);
      return vfile;
    }
    vfile.value = await readFile(file, 'utf8');
  } catch (cause) {
    error(vfile, `Cannot read the file: ${(cause as Error).message}`, undefined, 'read-error');
  }
  return vfile;
}

const startOfFile: Point = { line: 1, column: 1 };

export async function compileArticle(
  paths: ArticlePaths,
  options: CompileOptions = {},
): Promise<CompiledArticle> {
  const cwd = options.cwd ?? process.cwd();
  const limits = resolveLimits(options.limits);
  const [articleFile, claimsFile] = await Promise.all([
    load(paths.article, cwd, { role: 'article', maxBytes: limits.articleBytes }),
    load(paths.claims, cwd, { role: 'claims file', maxBytes: limits.claimsFileBytes }),
  ]);
  return compileFiles(paths, articleFile, claimsFile, options);
}

/** Bytes of a file's text in UTF-8. */
function sizeOf(file: VFile): number {
  return typeof file.value === 'string' ? Buffer.byteLength(file.value, 'utf8') : file.value.byteLength;
}

/** Compile an article from files already in memory (their `value` is the text). */
export async function compileFiles(
  paths: ArticlePaths,
  articleFile: VFile | undefined,
  claimsFile: VFile | undefined,
  options: CompileOptions = {},
): Promise<CompiledArticle> {
  const files = [articleFile, claimsFile].filter((file): file is VFile => file !== undefined);
  const failed = (title = paths.slug): CompiledArticle => ({
    slug: paths.slug,
    title,
    files,
    ok: false,
    claims: 0,
  });

  if (!articleFile || !claimsFile) {
    const present = (articleFile ?? claimsFile) as VFile;
    error(
      present,
      articleFile
        ? `No claims file beside the article: write ${paths.slug}.claims.yaml next to it`
        : `No article beside the claims file: put the text in ${paths.slug}.txt or ${paths.slug}.md next to it`,
      { line: 1, column: 1 },
      'missing-file',
    );
    return failed();
  }
  if (hasErrors(files)) return failed();

  const limits = resolveLimits(options.limits);
  const articleBytes = sizeOf(articleFile);
  const claimsBytes = sizeOf(claimsFile);
  if (articleBytes > limits.articleBytes) {
    error(
      articleFile,
      sizeReason('article', articleBytes, limits.articleBytes),
      startOfFile,
      'article-too-large',
    );
  }
  if (claimsBytes > limits.claimsFileBytes) {
    error(
      claimsFile,
      sizeReason('claims file', claimsBytes, limits.claimsFileBytes),
      startOfFile,
      'claims-file-too-large',
    );
  }
  if (hasErrors(files)) return failed();

  const timeMs = limits.timeMs ?? timeLimitFor(articleBytes + claimsBytes);
  const progress: Progress = { stage: 'claims' };
  if (options.render !== false) await openCitationCache(options.citationCache);
  try {
    return withinTime(timeMs, () => compileWithin(paths, articleFile, claimsFile, options, limits, progress));
  } catch (cause) {
    if (!(cause instanceof TimeLimitExceeded)) throw cause;
    reportTimeLimit(articleFile, claimsFile, timeMs, progress);
    return failed(progress.title);
  } finally {
    // What the cache holds is complete even when the build was stopped: each citation is put in
    // once it is formatted.
    if (options.render !== false) await saveCitationCache();
  }
}

/** Where the compile has got to, for the message of one that runs out of time. */
interface Progress {
  stage: 'claims' | 'pipeline' | 'annotations';
  title?: string;
}

function reportTimeLimit(articleFile: VFile, claimsFile: VFile, timeMs: number, progress: Progress): void {
  const stopped = `The build of this article took longer than its time limit of ${seconds(timeMs)} and was stopped`;
  const fix = 'simplify it, or allow more time with --time-limit';
  if (progress.stage === 'claims') {
    error(claimsFile, `${stopped} while reading the claims file: ${fix}`, startOfFile, 'time-limit');
    return;
  }
  const parsing = articleFile.data.parsing;
  if (progress.stage === 'pipeline' && parsing && !articleFile.data.blocks) {
    error(
      articleFile,
      `${stopped} while parsing the Markdown from this line on: something there is slow to read (such as long runs of *, _, [ or ], or thousands of lines underlined with = or -): ${fix}`,
      { line: parsing.line, column: 1 },
      'time-limit',
    );
    return;
  }
  const doing =
    progress.stage === 'annotations'
      ? 'making the annotations'
      : articleFile.data.blocks
        ? 'marking the claims and rendering the notes (a note with long runs of *, _, [ or ] is slow to read)'
        : 'reading the article';
  error(articleFile, `${stopped} while ${doing}: ${fix}`, startOfFile, 'time-limit');
}

/** The synchronous part of {@link compileFiles}, run within the time limit. */
function compileWithin(
  paths: ArticlePaths,
  articleFile: VFile,
  claimsFile: VFile,
  options: CompileOptions,
  limits: ResolvedLimits,
  progress: Progress,
): CompiledArticle {
  const files = [articleFile, claimsFile];
  const failed = (title = paths.slug): CompiledArticle => ({
    slug: paths.slug,
    title,
    files,
    ok: false,
    claims: 0,
  });
  const claims = readClaims(claimsFile, {
    limits,
    ...(paths.format === 'md' ? { source: sourceFromFrontMatter(String(articleFile.value)) } : {}),
  });
  if (!claims) return failed();
  const title = claims.source.title ?? paths.slug;
  progress.title = title;

  let style: StyleId = options.style ?? 'apa';
  if (claims.style !== undefined) {
    try {
      style = registerStyleFile(path.resolve(path.dirname(paths.claims ?? ''), claims.style));
    } catch (cause) {
      error(claimsFile, (cause as Error).message, undefined, 'style-not-found');
    }
  }

  progress.stage = 'pipeline';
  /** A limit passed in the pipeline, as an error on the file it is about. */
  const reportLimit = (cause: unknown): void => {
    if (!(cause instanceof LimitError)) throw cause;
    error(cause.file === 'article' ? articleFile : claimsFile, cause.message, cause.place, cause.ruleId);
  };

  if (options.render === false) {
    const anchoring = createAnchorPipeline({ format: paths.format, claims, claimsFile, limits });
    try {
      anchoring.runSync(anchoring.parse(articleFile), articleFile);
    } catch (cause) {
      reportLimit(cause);
    }
    const ok = !hasErrors(files);
    return { ...failed(title), ok, claims: ok ? (articleFile.data.anchored?.length ?? 0) : 0 };
  }

  const canonical = canonicalUrl(paths.slug, claims, options.baseUrl);
  const processor = createPipeline({
    format: paths.format,
    slug: paths.slug,
    claims,
    claimsFile,
    style,
    limits,
    ...(canonical === undefined ? {} : { canonical }),
    ...(options.warm === undefined ? {} : { notesCache: options.warm.notes, outline: true }),
  });
  let html: string | undefined;
  try {
    html = renderPage(
      processor,
      articleFile,
      files,
      options.warm && {
        cache: options.warm,
        key: JSON.stringify([paths.format, limits]),
      },
    );
  } catch (cause) {
    reportLimit(cause);
    return failed(title);
  }
  if (html === undefined) return failed(title);
  const canonicalLevel = claims.checks?.['no-canonical-url'] ?? 'warning';
  if (canonical === undefined && canonicalLevel !== 'off') {
    (canonicalLevel === 'error' ? error : warning)(
      claimsFile,
      'The page has no published address, so copied quotes link to wherever it is read (a local server, a file): build with --base-url https://your.site/ or give the page its address in canonical:',
      { line: 1, column: 1 },
      'no-canonical-url',
    );
  }
  if (hasErrors(files)) return failed(title);
  const outline = articleFile.data.pageOutline;
  if (options.warm && outline) options.warm.page = { html, outline };
  delete articleFile.data.pageOutline;
  // The page's trees are garbage now; on a long article, return their memory before the annotations.
  if (html.length >= largePage) collectGarbage();
  progress.stage = 'annotations';

  const collection = annotationCollection(paths.slug, claims, articleFile, options);
  // The notes' trees were handed over for this only: let them go before the JSON is written.
  delete articleFile.data.notes;
  return {
    slug: paths.slug,
    title,
    files,
    ok: true,
    claims: articleFile.data.anchored?.length ?? 0,
    html,
    annotations: serializeAnnotationCollection(collection, options.warm?.annotations),
    attachments: citationAttachments(articleFile),
  };
}

/**
 * The page's published address: `<baseUrl><slug>/` when the build has a base URL, else the
 * claims file's `canonical`, else none.
 */
export function canonicalUrl(
  slug: string,
  claims: ClaimsDocument,
  baseUrl: string | undefined,
): string | undefined {
  if (baseUrl !== undefined) return new URL(`${encodeURIComponent(slug)}/`, baseUrl).href;
  return claims.canonical;
}

/** The anchored claims as a W3C annotation collection, each note as HTML and as text. */
function annotationCollection(
  slug: string,
  claims: ClaimsDocument,
  articleFile: VFile,
  options: CompileOptions,
): AnnotationCollection {
  const describeSpan = spanDescriber(articleFile.data.blocks ?? []);
  const notes = articleFile.data.notes ?? new Map();
  const pageUrl = options.baseUrl ? new URL(`${slug}/`, options.baseUrl).href : `urn:marginalia:${slug}`;
  return toAnnotationCollection({
    slug,
    pageUrl,
    source: claims.source,
    references: claims.references,
    ...(claims.review === undefined ? {} : { review: claims.review }),
    ...(options.generated === undefined ? {} : { generated: options.generated }),
    claims: (articleFile.data.anchored ?? []).map((item) => {
      const described = describeSpan(item.span);
      const note = notes.get(item.claim.id) ?? [];
      return {
        claim: item.claim,
        ...described,
        ...(item.paragraph === undefined ? {} : { paragraph: item.paragraph }),
        ...noteTexts(note, options.warm),
      };
    }),
  });
}

/**
 * A rendered note as HTML and as text; from the warm cache when an earlier build rendered the
 * same note (its elements are then the same array).
 */
function noteTexts(
  note: Element[],
  warm: ArticleWarmCache | undefined,
): { noteHtml: string; noteText: string } {
  const known = warm?.noteText.get(note);
  if (known) return { noteHtml: known.html, noteText: known.text };
  const html = pageHtml({ type: 'root', children: note });
  const text = note.map((node: Element) => toString(node)).join('\n\n');
  warm?.noteText.set(note, { html, text });
  return { noteHtml: html, noteText: text };
}

/**
 * The page's HTML, or `undefined` when the pipeline reported an error. The page's tree stays
 * inside: it can be freed before the annotations are made.
 */
function renderPage(
  processor: ReturnType<typeof createPipeline>,
  articleFile: VFile,
  files: VFile[],
  warm: { cache: ArticleWarmCache; key: string } | undefined,
): string | undefined {
  const tree = processor.runSync(parseArticle(processor, articleFile, warm), articleFile);
  if (hasErrors(files)) return undefined;
  return processor.stringify(tree, articleFile);
}

/**
 * The article's tree as the parser makes it. A warm build keeps a copy and hands out another
 * while the text and `key` (what else the parser depends on) stay the same: the pipeline
 * changes the tree it is given, and a copy costs a twentieth of parsing the text again.
 */
function parseArticle(
  processor: ReturnType<typeof createPipeline>,
  articleFile: VFile,
  warm: { cache: ArticleWarmCache; key: string } | undefined,
): MdastRoot {
  const text = String(articleFile.value);
  const kept = warm?.cache.parsed;
  if (kept && kept.key === warm?.key && kept.text === text) return structuredClone(kept.tree);
  const tree = processor.parse(articleFile) as MdastRoot;
  if (warm) warm.cache.parsed = { text, key: warm.key, tree: structuredClone(tree) };
  return tree;
}

/** The article's BibTeX and CSL-JSON, to download beside the page. */
function citationAttachments(file: VFile): Record<string, string> {
  const citation = file.data.citation;
  if (!citation) return {};
  return { [citationFiles.bibtex]: citation.bibtex, [citationFiles.cslJson]: citation.cslJson };
}
