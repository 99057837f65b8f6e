import type { ArticleText } from '../highlights/article-text.ts';
import { fromJsonLd, toJsonLd, toMarkdown } from '../highlights/exchange.ts';
import type { Highlight } from '../highlights/model.ts';
import type { HighlightStore } from '../highlights/store.ts';
import { citationStyleOf, linkBase } from './copy-content.ts';
import { countOf, failureText, importedText } from './highlight-messages.ts';
import type { PageData, StyledReference } from './page-data.ts';
import { saveFile } from './save-file.ts';

/**
 * The reader's highlights in and out of the page: "Export Markdown" (cited quotes in the
 * reader's citation style, with their notes), "Export JSON-LD" (a W3C Web Annotation collection)
 * and "Import…" (such a file read back: what is not here yet is added, all or nothing). The
 * formats are `src/highlights/exchange.ts`'s; this is the wiring to the page.
 */
export interface TransferTarget {
  data: PageData;
  /** The reader's citation style now (the page's default when it chose none). */
  style(): StyledReference | undefined;
  /** The article's text. */
  text(): ArticleText;
  /** Every highlight, placed ones in reading order first. */
  all(): Highlight[];
  store: HighlightStore | undefined;
  /** Why highlights cannot be stored at all; "" when they can. */
  storageProblem: string;
  /** Adds highlights to the page (placing them); returns how each was placed. */
  add(highlights: readonly Highlight[], unsaved: string): ReadonlyArray<{ anchor: { status: string } }>;
  /** Says how it went, in the panel and the live region. */
  tell(text: string, error: boolean): void;
}

/** The largest file the import reads, in bytes. */
const importLimit = 5 * 1024 * 1024;

/** Downloads every highlight as Markdown: cited quotes in the reader's citation style, with their notes. */
export function exportMarkdown(target: TransferTarget): void {
  const { title, slug } = target.data;
  const style = target.style();
  const text = toMarkdown(target.all(), {
    title,
    url: linkBase(target.data, location.href),
    style: citationStyleOf(title, style),
    text: target.text(),
  });
  exported(target, `${slug || 'article'}-highlights.md`, text, 'text/markdown', 'Markdown');
}

/** Downloads every highlight as a W3C Web Annotation collection (JSON-LD). */
export function exportJsonLd(target: TransferTarget): void {
  const { title, slug } = target.data;
  const text = `${JSON.stringify(toJsonLd(target.all(), { title, url: location.href }), null, 2)}\n`;
  exported(target, `${slug || 'article'}-highlights.jsonld`, text, 'application/ld+json', 'JSON-LD');
}

/**
 * Imports a Web Annotation JSON-LD file: its highlights that are not here yet are added (and
 * stored, all or none). A file with any problem changes nothing, and the panel says why.
 */
export async function importFile(target: TransferTarget, file: File): Promise<void> {
  const failed = (why: string): void =>
    target.tell(`Could not import “${file.name}”: ${why} Nothing was changed.`, true);
  if (file.size > importLimit) return failed('the file is larger than 5 MB.');
  let text: string;
  try {
    text = await file.text();
  } catch {
    return failed('the browser could not read it.');
  }
  const result = fromJsonLd(text, target.all());
  if (!result.ok) return failed(result.message);
  if (result.added.length > 0 && target.store) {
    const written = target.store.saveAll(result.added);
    if (!written.ok) return failed(failureText(written).replace('the highlight was', 'they were'));
  }
  const items = target.add(result.added, target.store ? '' : target.storageProblem);
  const orphans = items.filter((item) => item.anchor.status === 'orphan').length;
  target.tell(importedText(result.added.length, result.duplicates, orphans), false);
}

function exported(target: TransferTarget, name: string, text: string, type: string, format: string): void {
  try {
    saveFile(name, text, type);
  } catch (error) {
    console.error(error);
    target.tell(`Could not export: the browser refused the download.`, true);
    return;
  }
  target.tell(`Exported ${countOf(target.all().length)} as ${format}: ${name}.`, false);
}
