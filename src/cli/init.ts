/**
 * `marginalia init SOURCE`: write a starter claims file beside an article (`SOURCE` is its
 * `.txt` or `.md` text), never over an existing one. Exit 0 when written, 1 when the article
 * already has a claims file or is past a limit of the build's (`../pipeline/limits.ts`; its
 * message printed as `check` prints it), 2 for a wrong command line.
 */
import { existsSync, statSync } from 'node:fs';
import { link, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import { load } from '../build/compile-article.ts';
import { TimeLimitExceeded, withinTime } from '../build/time-limit.ts';
import { sourceFromFrontMatter } from '../claims/front-matter.ts';
import { starterClaimsFile } from '../claims/starter.ts';
import type { CslItem } from '../claims/types.ts';
import { LimitError, resolveLimits, seconds, timeLimitFor } from '../pipeline/limits.ts';
import { readArticleBlocks } from '../pipeline/parse-article.ts';
import type { ArticleBlocks } from '../pipeline/quote-problems.ts';
import { error, hasErrors } from '../pipeline/report.ts';
import { formatMessages, type FormatOptions } from './format-messages.ts';
import type { Io } from './main.ts';

const claimsSuffixes = ['.claims.yaml', '.claims.yml', '.claims.json'];

export interface InitOptions {
  format?: FormatOptions;
  /** Time limit for reading the article, in milliseconds (default: the build's). */
  timeMs?: number;
}

export async function init(paths: readonly string[], io: Io, options: InitOptions = {}): Promise<number> {
  const [given, ...extra] = paths;
  if (given === undefined || extra.length > 0) {
    io.stderr('marginalia: init takes one article: marginalia init article/<slug>.md (or .txt)');
    return 2;
  }
  const match = /^(.*)\.(txt|md)$/u.exec(given);
  if (!match?.[1] || path.basename(match[1]) === '') {
    io.stderr(`marginalia: ${given} is not an article's text: name its .txt or .md file`);
    return 2;
  }
  if (!existsSync(given) || !statSync(given).isFile()) {
    io.stderr(`marginalia: ${given}: no such file`);
    return 2;
  }
  const base = match[1];
  const format = match[2] === 'md' ? 'md' : 'txt';
  const existing = claimsSuffixes.map((suffix) => base + suffix).find((file) => existsSync(file));
  if (existing !== undefined) {
    io.stderr(`marginalia: ${existing} already exists: init never writes over a claims file`);
    return 1;
  }

  const read = await readWithinLimits(given, format, options.timeMs);
  if (!read.article) {
    for (const line of formatMessages([read.file], options.format)) io.stderr(line);
    return 1;
  }
  const { source, blocks: article } = read.article;
  const target = `${base}.claims.yaml`;
  const content = starterClaimsFile({ slug: path.basename(base), articlePath: given, source, article });
  if (!(await writeNew(target, content))) {
    io.stderr(`marginalia: ${target} already exists: init never writes over a claims file`);
    return 1;
  }
  io.stdout(`✓ ${target}: write the claims there, then run \`marginalia check ${given}\``);
  return 0;
}

/**
 * The article's metadata and blocks, read as the build reads them, within its limits: a text
 * past its size or nesting limits, or one that takes longer than the time limit to read, gets
 * the build's error on `file` instead.
 */
async function readWithinLimits(
  given: string,
  format: 'txt' | 'md',
  timeMs: number | undefined,
): Promise<{ file: VFile; article?: { source: CslItem; blocks: ArticleBlocks } }> {
  const limits = resolveLimits(timeMs === undefined ? {} : { timeMs });
  const file = (await load(given, process.cwd(), {
    role: 'article',
    maxBytes: limits.articleBytes,
  })) as VFile;
  if (hasErrors([file])) return { file };
  const text = String(file.value);
  const limit = limits.timeMs ?? timeLimitFor(Buffer.byteLength(text));
  try {
    return withinTime(limit, () => {
      const source = format === 'md' ? sourceFromFrontMatter(text) : {};
      return { file, article: { source, blocks: readArticleBlocks(text, format, source.title, limits) } };
    });
  } catch (cause) {
    if (cause instanceof LimitError) {
      error(file, cause.message, cause.place, cause.ruleId);
    } else if (cause instanceof TimeLimitExceeded) {
      const reason = `Reading this article took longer than its time limit of ${seconds(limit)} and was stopped: simplify it`;
      error(file, reason, { line: 1, column: 1 }, 'time-limit');
    } else {
      throw cause;
    }
    return { file };
  }
}

/**
 * Write `file` whole or not at all, and only if it does not exist: the text goes to a temporary
 * file that is then linked to its name (which fails if the name is taken). False when taken.
 */
async function writeNew(file: string, content: string): Promise<boolean> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  await writeFile(temporary, content, { flag: 'wx' });
  try {
    await link(temporary, file);
    return true;
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw cause;
  } finally {
    await unlink(temporary);
  }
}
