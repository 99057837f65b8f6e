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
import { appendFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { engineVersions } from './engine.ts';

const fileName = 'citations-v2.jsonl';
/** The cache before it was a log: removed by the first save. */
const oldFileName = 'citations-v1.json';
/** A compacted log keeps at most this many entries and this many bytes, the newest. */
const most = { entries: 20_000, bytes: 8 * 1024 * 1024 };
/**
 * The log is compacted when it holds more lines than twice its entries (one citation appended
 * by builds running at once), or more than 1.25 times the entries or twice the bytes it keeps
 * (citations of earlier versions of the program or of styles no longer used are never read).
 */
function overgrown({ lines, entries, bytes }: { lines: number; entries: number; bytes: number }): boolean {
  return lines > entries * 2 || entries > most.entries * 1.25 || bytes > most.bytes * 2;
}

interface Store {
  file: string;
  entries: Map<string, unknown>;
  /** Lines in the file (each entry's, and those read over or skipped), as this process knows. */
  lines: number;
  /** Its length, as this process knows. */
  bytes: number;
  /** Keys stored since the last save, to append. */
  added: string[];
  /** Whether this process has removed the cache file of earlier versions (once is enough). */
  oldRemoved: boolean;
}

let store: Store | undefined;
let namespace: string | undefined;

/**
 * What every key shares: the engine's versions and the source of this folder's formatting code
 * (a change to how citeproc's output is cleaned up must not reuse old results): `format` and
 * `styles` beside this module, compiled or not; in the command's bundle, where they are parts
 * of larger files, the program's id that the package build records (`dist/program-id.txt`, a
 * hash of every file of the program), else the file that holds this module.
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
    // The command's bundle (dist/bin/) holds them in its chunks: the program's id stands in.
    const bundled = [read('../program-id.txt') ?? read(import.meta.url)];
    for (const source of sources.every((found) => found === undefined) ? bundled : sources) {
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
  store = { file, ...(await readLog(file)), added: [], oldRemoved: false };
}

/** The entries of the log in `file`, later lines over earlier ones, and how many lines it has. */
async function readLog(
  file: string,
): Promise<{ entries: Map<string, unknown>; lines: number; bytes: number }> {
  const entries = new Map<string, unknown>();
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { entries, lines: 0, bytes: 0 }; // no cache yet, or one that cannot be read: start empty
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
  return { entries, lines, bytes: text.length };
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
 * Append the citations stored since the last save to the log, in one write that starts on a
 * line of its own (a write cut short before cannot take the first new line with it). When the
 * log has overgrown (`overgrown`), it is written again instead: what the file holds now and
 * what this process has, the newest that fit in `most`, into a temporary file renamed over the
 * log (lines another build appends meanwhile may be lost: they are only formatted again).
 */
export async function saveCitationCache(): Promise<void> {
  if (!store || store.added.length === 0) return;
  const current = store;
  const line = (key: string, value: unknown) => `${JSON.stringify([key, value])}\n`;
  const added = [...new Set(current.added.splice(0))].flatMap((key) => {
    const value = current.entries.get(key);
    return value === undefined ? [] : [line(key, value)];
  });
  try {
    const dir = path.dirname(current.file);
    await mkdir(dir, { recursive: true });
    const chunk = `\n${added.join('')}`;
    current.lines += added.length;
    current.bytes += chunk.length;
    if (!overgrown({ ...current, entries: current.entries.size })) {
      await appendFile(current.file, chunk);
      if (!current.oldRemoved) {
        current.oldRemoved = true;
        await rm(path.join(dir, oldFileName), { force: true });
      }
      return;
    }
    const { entries } = await readLog(current.file);
    for (const [key, value] of current.entries) if (!entries.has(key)) entries.set(key, value);
    const kept: string[] = [];
    let bytes = 0;
    for (const [key, value] of [...entries].reverse()) {
      const text = line(key, value);
      if (kept.length >= most.entries || bytes + text.length > most.bytes) break;
      kept.push(text);
      bytes += text.length;
    }
    kept.reverse();
    current.entries = new Map(kept.map((text) => JSON.parse(text) as [string, unknown]));
    current.lines = kept.length;
    current.bytes = bytes;
    const temporary = `${current.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile(temporary, kept.join(''));
    await rename(temporary, current.file);
  } catch {
    // A cache that cannot be written only costs the next build some time.
  }
}
