/**
 * A change to an article's claims file on disk, made safely:
 *
 * - against the version the editor saw: the request carries the file's hash, and a file changed
 *   since (in a text editor, by `git pull`) is never overwritten: the change is refused;
 * - checked before it is written: the article is built in memory with the changed file, and a
 *   change that would add an error (a quote not in the article, a duplicate id) is refused with
 *   the build's messages;
 * - written atomically: a temporary file beside it, renamed over it (a reader of the file sees
 *   the old text or the new, never half), with the file's permissions;
 * - one at a time per file.
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmod, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { compileFiles } from '../../build/compile-article.ts';
import type { ArticlePaths } from '../../build/discover.ts';
import { formatMessages } from '../../cli/format-messages.ts';
import type { EditChange } from '../../editor/protocol.ts';
import { applyJson, jsonData } from './json-edit.ts';
import { operationsFor, type FileData, type Operation } from './operations.ts';
import { applyYaml, yamlData } from './yaml-edit.ts';

/** The file changed on disk since the editor read it. */
export class StaleError extends Error {}

/** The change would break the article: the build's messages about it. */
export class InvalidChangeError extends Error {
  readonly problems: string[];
  constructor(message: string, problems: string[]) {
    super(message);
    this.problems = problems;
  }
}

export function hashOf(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

export function isJson(file: string): boolean {
  return /\.json$/iu.test(file);
}

/** The claims file's text and hash. */
export async function readClaimsText(file: string): Promise<{ text: string; hash: string }> {
  const bytes = await readFile(file);
  return { text: bytes.toString('utf8'), hash: hashOf(bytes) };
}

/** The file's lists, and how to apply operations to its text. */
export function formatOf(file: string): {
  data: (text: string) => FileData;
  apply: (text: string, operations: readonly Operation[]) => string;
} {
  return isJson(file) ? { data: jsonData, apply: applyJson } : { data: yamlData, apply: applyYaml };
}

const locks = new Map<string, Promise<unknown>>();

/** Runs `task` when the tasks on the same file before it are done. */
function serialised<T>(file: string, task: () => Promise<T>): Promise<T> {
  const before = locks.get(file) ?? Promise.resolve();
  const run = before.then(task, task);
  const settled = run.catch(() => undefined);
  locks.set(file, settled);
  void settled.then(() => {
    if (locks.get(file) === settled) locks.delete(file);
  });
  return run;
}

/**
 * Makes `change` to the article's claims file, if it still has hash `hash`; resolves with the
 * new hash. Throws StaleError, InvalidChangeError, or ChangeError (from `operations.ts`).
 */
export function changeClaimsFile(
  article: ArticlePaths,
  hash: string,
  change: EditChange,
  cwd: string,
): Promise<string> {
  const file = article.claims;
  if (file === undefined) return Promise.reject(new StaleError('The article has no claims file'));
  return serialised(file, async () => {
    const before = await readClaimsText(file);
    if (before.hash !== hash) throw staleError(file, cwd);
    const format = formatOf(file);
    const text = format.apply(before.text, operationsFor(format.data(before.text), change));
    await checkBuild(article, before.text, text, cwd);
    if ((await readClaimsText(file)).hash !== hash) throw staleError(file, cwd);
    await writeAtomically(file, text);
    return hashOf(text);
  });
}

function staleError(file: string, cwd: string): StaleError {
  return new StaleError(
    `${path.relative(cwd, file)} was changed on disk since this page loaded; nothing was written. The page reloads with the file as it is now`,
  );
}

/** Problems of the article built with `claims` as its claims file, as `FILE:LINE:COLUMN` lines. */
async function errorsWith(article: ArticlePaths, claims: string, cwd: string): Promise<string[]> {
  const name = path.relative(cwd, article.claims ?? '');
  const claimsFile = new VFile({ path: name, cwd, value: claims });
  let articleFile: VFile | undefined;
  if (article.article !== undefined) {
    articleFile = new VFile({ path: path.relative(cwd, article.article), cwd });
    articleFile.value = await readFile(article.article, 'utf8');
  }
  const compiled = await compileFiles(article, articleFile, claimsFile, { cwd });
  return formatMessages(compiled.files).filter((line) => /: error /u.test(line));
}

/** The message of a problem line, without its place (which a change moves). */
function withoutPlace(line: string): string {
  return line.replace(/^.*?:\d+:\d+: /u, '');
}

/** Refuses a change that gives the article an error it did not have. */
async function checkBuild(article: ArticlePaths, before: string, after: string, cwd: string): Promise<void> {
  const errors = await errorsWith(article, after, cwd);
  if (errors.length === 0) return;
  const known = new Map<string, number>();
  for (const line of await errorsWith(article, before, cwd)) {
    known.set(withoutPlace(line), (known.get(withoutPlace(line)) ?? 0) + 1);
  }
  const added = errors.filter((line) => {
    const count = known.get(withoutPlace(line)) ?? 0;
    known.set(withoutPlace(line), count - 1);
    return count <= 0;
  });
  if (added.length > 0) {
    throw new InvalidChangeError('The change was not written: the article would not build with it', added);
  }
}

/** Writes `file` by renaming a temporary file beside it over it, keeping its permissions. */
export async function writeAtomically(file: string, text: string): Promise<void> {
  const mode = await stat(file).then(
    (found) => found.mode & 0o777,
    () => 0o644,
  );
  const temporary = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    await writeFile(temporary, text, { mode });
    await chmod(temporary, mode);
    await rename(temporary, file);
  } catch (cause) {
    await rm(temporary, { force: true });
    throw cause;
  }
}
