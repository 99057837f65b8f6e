/**
 * `marginalia fix [--dry-run] [PATH…]` (../shared/CONTRACT.md §5): after an article's text was
 * edited, re-anchor every claim and rewrite the claims file's `quote`, `prefix` and `suffix` of
 * those that can be placed with confidence (`../claims/fix-claims.ts`), keeping everything else
 * in the file as it was; the file is written atomically.
 *
 * stdout: each change (`FILE:LINE:COLUMN: claim "id" in ¶ N (how): quote "old" → "new"`), then
 * a line per article; with `--dry-run`, the changes as a unified diff of the claims file, and
 * nothing is written. stderr: the claims that could not be placed, left as they were, each as
 * `check` reports it. Exit 0 when every claim is placed (`check` then passes), 1 otherwise, 2
 * for a wrong command line.
 */
import { createTwoFilesPatch } from 'diff';
import path from 'node:path';
import { discoverArticles, UsageError } from '../build/discover.ts';
import { writeFileAtomically } from '../build/write-output.ts';
import { fixArticle, type FixedArticle, type QuoteChange } from '../claims/fix-claims.ts';
import { formatMessages, type FormatOptions } from './format-messages.ts';
import type { Io } from './main.ts';

export interface FixOptions {
  dryRun: boolean;
  quiet: boolean;
  format: FormatOptions;
}

export async function fix(paths: readonly string[], options: FixOptions, io: Io): Promise<number> {
  let articles;
  try {
    articles = discoverArticles(paths.length > 0 ? paths : ['article']);
  } catch (cause) {
    if (!(cause instanceof UsageError)) throw cause;
    io.stderr(`marginalia: ${cause.message}`);
    return 2;
  }
  if (articles.length === 0) {
    io.stderr(`marginalia: no article found in ${paths.join(', ') || 'article/'}`);
    return 2;
  }
  let ok = true;
  for (const article of articles) {
    const fixed = await fixArticle(article);
    for (const line of formatMessages(fixed.files, options.format)) io.stderr(line);
    const changed = fixed.claims !== undefined && fixed.claims.after !== fixed.claims.before;
    if (fixed.claims && changed) {
      if (options.dryRun) {
        io.stdout(diff(fixed.claims.path, fixed.claims.before, fixed.claims.after));
      } else {
        await writeFileAtomically(path.resolve(fixed.claims.path), fixed.claims.after);
      }
    }
    if (!options.quiet) {
      for (const change of fixed.changes) io.stdout(describeChange(fixed.claims?.path ?? '', change));
      io.stdout(summary(fixed, options.dryRun));
    }
    ok &&= fixed.ok;
  }
  return ok ? 0 : 1;
}

function diff(file: string, before: string, after: string): string {
  const patch = createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after);
  return patch.replace(/^=+\n/u, '').trimEnd();
}

/** `FILE:LINE:COLUMN: claim "id" in ¶ 4 (typography): quote "Sora's" → "Sora’s"; prefix "a " removed`. */
function describeChange(file: string, change: QuoteChange): string {
  const parts = [`quote ${JSON.stringify(change.before.exact)} → ${JSON.stringify(change.after.exact)}`];
  for (const field of ['prefix', 'suffix'] as const) {
    const before = change.before[field];
    const after = change.after[field];
    if (before === after) continue;
    if (after === undefined) parts.push(`${field} ${JSON.stringify(before)} removed`);
    else if (before === undefined) parts.push(`${field} ${JSON.stringify(after)} added`);
    else parts.push(`${field} ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
  }
  if (change.before.exact === change.after.exact) parts.shift();
  const at = change.place ? `${file}:${change.place.line}:${change.place.column}` : file;
  return `${at}: claim "${change.id}" in ${change.where} (${how[change.by]}): ${parts.join('; ')}`;
}

const how: Record<QuoteChange['by'], string> = {
  context: 'its words, whose context changed',
  typography: 'its words in the article’s typography',
  markdown: 'its words without Markdown syntax',
  fuzzy: 'the closest passage',
};

function summary(fixed: FixedArticle, dryRun: boolean): string {
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const rewritten = fixed.changes.length;
  const parts = [
    `${count(rewritten, 'claim')} ${dryRun ? 'to rewrite' : 'rewritten'}`,
    `${fixed.inPlace} in place`,
    ...(fixed.unplaced > 0 ? [`${count(fixed.unplaced, 'claim')} not placed (left as they were)`] : []),
  ];
  const where = fixed.claims?.path ?? fixed.slug;
  return `${fixed.ok ? '✓' : '✗'} ${where}: ${parts.join(', ')}${dryRun && rewritten > 0 ? ' (dry run: nothing written)' : ''}`;
}
