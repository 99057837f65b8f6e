/**
 * `marginalia init SOURCE`: write a starter claims file beside an article (`SOURCE` is its
 * `.txt` or `.md` text), never over an existing one. Exit 0 when written, 1 when the article
 * already has a claims file, 2 for a wrong command line.
 */
import { existsSync, statSync } from 'node:fs';
import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sourceFromFrontMatter } from '../claims/front-matter.ts';
import { starterClaimsFile } from '../claims/starter.ts';
import { readArticleBlocks } from '../pipeline/parse-article.ts';
import type { Io } from './main.ts';

const claimsSuffixes = ['.claims.yaml', '.claims.yml', '.claims.json'];

export async function init(paths: readonly string[], io: Io): Promise<number> {
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

  const text = await readFile(given, 'utf8');
  const source = format === 'md' ? sourceFromFrontMatter(text) : {};
  const article = await readArticleBlocks(text, format, source.title);
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
