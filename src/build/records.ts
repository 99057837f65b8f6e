/**
 * An article's build result as plain data: what a worker thread sends back and what the build
 * cache keeps. It holds what the command prints (the messages, the title, the claim count) and
 * not the page itself, which is already written by then.
 */
import path from 'node:path';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { CompiledArticle } from './compile-article.ts';
import type { ArticlePaths } from './discover.ts';

/** An article as the build reports it: its messages and counts, without the page. */
export interface BuiltArticle extends Omit<CompiledArticle, 'html' | 'annotations'> {
  /** Whether it came from the build cache: nothing changed since it was last built. */
  cached: boolean;
}

/** A vfile message as plain data. */
export interface MessageRecord {
  reason: string;
  /** `true` for an error, `false` for a warning, `null` for information. */
  fatal: boolean | null;
  place?: VFileMessage['place'];
  ruleId?: string;
  source?: string;
  note?: string;
  url?: string;
  expected?: string[];
  actual?: string;
}

export interface ArticleRecord {
  slug: string;
  title: string;
  ok: boolean;
  claims: number;
  /** Messages on the article's text, when it has one. */
  article?: MessageRecord[];
  /** Messages on the claims file, when it has one. */
  claimsFile?: MessageRecord[];
}

function toMessageRecord(message: VFileMessage): MessageRecord {
  const record: MessageRecord = { reason: message.reason, fatal: message.fatal ?? null };
  if (message.place) record.place = message.place;
  if (message.ruleId) record.ruleId = message.ruleId;
  if (message.source) record.source = message.source;
  if (message.note) record.note = message.note;
  if (message.url) record.url = message.url;
  if (message.expected) record.expected = message.expected;
  if (message.actual) record.actual = message.actual;
  return record;
}

/**
 * The files of an article in the order `compileArticle` gives them: the text (when the article
 * has one), then the claims file (when it has one).
 */
function roles(paths: ArticlePaths): Array<'article' | 'claimsFile'> {
  return [
    ...(paths.article === undefined ? [] : (['article'] as const)),
    ...(paths.claims === undefined ? [] : (['claimsFile'] as const)),
  ];
}

export function toRecord(
  article: Omit<CompiledArticle, 'html' | 'annotations'>,
  paths: ArticlePaths,
): ArticleRecord {
  const record: ArticleRecord = {
    slug: article.slug,
    title: article.title,
    ok: article.ok,
    claims: article.claims,
  };
  roles(paths).forEach((role, index) => {
    const file = article.files[index];
    if (file) record[role] = file.messages.map(toMessageRecord);
  });
  return record;
}

/**
 * The article of a record again, with real vfiles named as `compileArticle` names them
 * (relative to `cwd`), so that messages print the same whether the article was compiled here,
 * in a worker, or came from the cache.
 */
export function fromRecord(
  record: ArticleRecord,
  paths: ArticlePaths,
  cwd: string,
  cached: boolean,
): BuiltArticle {
  const files = roles(paths).map((role) => {
    const file = new VFile({
      path: path.relative(cwd, (role === 'article' ? paths.article : paths.claims) ?? ''),
      cwd,
    });
    for (const saved of record[role] ?? []) {
      const message = file.message(saved.reason, {
        ...(saved.place ? { place: saved.place } : {}),
        ...(saved.ruleId ? { ruleId: saved.ruleId } : {}),
        ...(saved.source ? { source: saved.source } : {}),
      });
      message.fatal = saved.fatal ?? undefined;
      if (saved.note !== undefined) message.note = saved.note;
      if (saved.url !== undefined) message.url = saved.url;
      if (saved.expected !== undefined) message.expected = saved.expected;
      if (saved.actual !== undefined) message.actual = saved.actual;
    }
    return file;
  });
  return { slug: record.slug, title: record.title, ok: record.ok, claims: record.claims, files, cached };
}
