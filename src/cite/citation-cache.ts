/**
 * Formatted citations kept between runs, keyed by their content: the item, the style's XML,
 * the locale and locator, the versions of Citation.js and citeproc, and this program's own
 * citation code. A citation is formatted by citeproc once on a machine, and every later build
 * (of any article, into any folder) reads it back, without loading citeproc at all.
 *
 * The cache is one file in a folder of the caller's choosing (the command uses
 * `node_modules/.cache/marginalia/` of the working folder, or the user's cache folder): a log,
 * one `[key, value]` JSON line per citation, to which each article's new citations are
 * appended in one write. Threads and processes building at once each append their own lines;
 * nothing is read back or rewritten per article (rewriting the whole cache after every article
 * made a site's first build slower with each article it built). A line that cannot be read (a
 * write cut short, an edit by hand) is skipped and the others are kept. When the log holds many
 * more lines than entries it is written again, compacted, by the next save. It is only an
 * optimisation: a missing or unreadable file is an empty cache, and a failed write is ignored.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { engineVersions } from './engine.ts';

const fileName = 'citations-v2.jsonl';
/** Entries beyond this many are dropped, oldest first, when the log is compacted. */
const maxEntries = 20_000;
/** The log is compacted when it holds more lines than this many times its entries (or the most). */
const slack = 2;

interface Store {
  file: string;
  entries: Map<string, unknown>;
  /** Lines in the file when it was read (each entry's, and those read over or skipped). */
  lines: number;
  /** Keys stored since the last save, to append. */
  added: string[];
}

let store: Store | undefined;
let namespace: string | undefined;

/**
 * What every key shares: the engine's versions and the source of this folder's formatting code
 * (a change to how citeproc's output is cleaned up must not reuse old results): `format` and
 * `styles` beside this module, compiled or not; in the command's bundle, where they are part of
 * the file that holds this module, that file.
 */
function keyNamespace(): string {
  if (namespace === undefined) {
    const hash = createHash('sha256').update(engineVersions());
    const read = (name: string): Buffer | undefined => {
      try {
        return readFileSync(fileURLToPath(new URL(name, import.meta.url)));
      } catch {
        return undefined;
      }
    };
    const sources = ['format', 'styles'].map((name) => read(`./${name}.js`) ?? read(`./${name}.ts`));
    for (const source of sources.every((found) => found === undefined) ? [read(import.meta.url)] : sources) {
      if (source) hash.update(source);
    }
    namespace = hash.digest('hex');
  }
  return namespace;
}

/** The key of a citation: its description (item, style XML, options) under the namespace. */
export function citationKey(description: unknown): string {
  return createHash('sha256').update(keyNamespace()).update(JSON.stringify(description)).digest('base64url');
}

/**
 * Use the cache in `dir` for this process (read now; a second call with the same folder does
 * nothing). `undefined` turns it off.
 */
export async function openCitationCache(dir: string | undefined): Promise<void> {
  if (dir === undefined) {
    store = undefined;
    return;
  }
  const file = path.join(dir, fileName);
  if (store?.file === file) return;
  store = { file, ...(await readLog(file)), added: [] };
}

/** The entries of the log in `file`, later lines over earlier ones, and how many lines it has. */
async function readLog(file: string): Promise<{ entries: Map<string, unknown>; lines: number }> {
  const entries = new Map<string, unknown>();
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { entries, lines: 0 }; // no cache yet, or one that cannot be read: start empty
  }
  let lines = 0;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    lines += 1;
    try {
      const parsed: unknown = JSON.parse(line);
      if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string') {
        entries.delete(parsed[0]); // kept in the order last written, for compaction
        entries.set(parsed[0], parsed[1]);
      }
    } catch {
      // A line cut short or edited by hand: only its citation is lost.
    }
  }
  return { entries, lines };
}

/** The cached value for `key`, if any. */
export function cachedCitation(key: string): unknown {
  return store?.entries.get(key);
}

/** Remember `value` (JSON data) for `key`, to be written by `saveCitationCache`. */
export function storeCitation(key: string, value: unknown): void {
  if (!store) return;
  store.entries.delete(key);
  store.entries.set(key, value);
  store.added.push(key);
}

/**
 * Append the citations stored since the last save to the log, in one write. When the log has
 * grown to many more lines than entries (the same citation appended by builds running at once,
 * entries over the most), it is written again instead: what the file holds now and what this
 * process has, the newest `maxEntries`, into a temporary file renamed over the log.
 */
export async function saveCitationCache(): Promise<void> {
  if (!store || store.added.length === 0) return;
  const current = store;
  const added = [...new Set(current.added.splice(0))];
  const line = (key: string) => `${JSON.stringify([key, current.entries.get(key)])}\n`;
  try {
    await mkdir(path.dirname(current.file), { recursive: true });
    current.lines += added.length;
    if (current.lines <= Math.max(current.entries.size * slack, maxEntries)) {
      await appendFile(current.file, added.map(line).join(''));
      return;
    }
    const { entries } = await readLog(current.file);
    for (const key of added) {
      entries.delete(key);
      entries.set(key, current.entries.get(key));
    }
    const kept = [...entries.keys()].slice(-maxEntries);
    current.entries = new Map(kept.map((key) => [key, entries.get(key)]));
    current.lines = kept.length;
    const temporary = `${current.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile(temporary, kept.map(line).join(''));
    await rename(temporary, current.file);
  } catch {
    // A cache that cannot be written only costs the next build some time.
  }
}
