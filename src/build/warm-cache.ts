/**
 * What a warm process (watch and edit mode: `src/serve/rebuilder.ts`) keeps of each article's
 * last build, so that a save rebuilds only what it changed: the notes rendered and written to
 * HTML (`rehype-notes.ts`), each note's HTML and text for the annotations, each
 * annotation's JSON (`serializeAnnotationCollection`), the article's parsed tree, and the page. Everything is keyed by what it was made
 * from, so a rebuild writes the same bytes as a build from nothing; each build keeps only what
 * it used, so the cache holds one build's worth per article.
 *
 * It lives in memory only, for the life of the process, and is used on the build's own thread
 * (never handed to a worker).
 */
import type { Element } from 'hast';
import type { Root } from 'mdast';
import type { AnnotationJsonCache } from '../annotations/web-annotation.ts';
import type { NotesCache } from '../pipeline/rehype-notes.ts';
import type { PageOutline } from '../pipeline/rehype-stringify-page.ts';

/** One article's share. */
export interface ArticleWarmCache {
  notes: NotesCache;
  /** A rendered note's HTML and text, by the note's elements (the same array from build to build). */
  noteText: WeakMap<readonly Element[], { html: string; text: string }>;
  annotations: AnnotationJsonCache;
  /**
   * The article's tree as the parser left it, and what it was parsed from: the next build
   * parses again only when one of them changed (a save of the claims file alone does not).
   */
  parsed?: { text: string; key: string; tree: Root };
  /**
   * The page the last build made, and where its elements are: watch mode sends an open page
   * only what changed from one build to the next (`src/serve/page-patch.ts`).
   */
  page?: PageSnapshot;
}

export interface PageSnapshot {
  html: string;
  outline: PageOutline;
}

export class WarmCache {
  private readonly _articles = new Map<string, ArticleWarmCache>();

  /** The cache of the article built into `outDir/slug` (for `CompileOptions.warm`). */
  article(outDir: string, slug: string): ArticleWarmCache {
    const key = `${outDir}\0${slug}`;
    let entry = this._articles.get(key);
    if (entry === undefined) {
      entry = {
        notes: { bodies: new Map(), items: new Map() },
        noteText: new WeakMap(),
        annotations: new Map(),
      };
      this._articles.set(key, entry);
    }
    return entry;
  }
}
