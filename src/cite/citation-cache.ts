/**
 * Formatted citations kept between runs, keyed by their content: the item, the style's XML,
 * the locale and locator, the versions of Citation.js and citeproc, and this program's own
 * citation code. A citation is formatted by citeproc once on a machine, and every later build
 * (of any article, into any folder) reads it back, without loading citeproc at all.
 *
 * The cache is one JSON file in a folder of the caller's choosing (the command uses
 * `node_modules/.cache/marginalia/` of the working folder, or the user's cache folder). It is
 * only an optimisation: a missing, unreadable or corrupt file is an empty cache, a failed write
 * is ignored, and a value read back that is not what the key computes cannot happen unless the
 * file was edited by hand (delete it, or build with `--no-cache`).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { engineVersions } from './engine.ts';

const fileName = 'citations-v1.json';
/** Entries beyond this many are dropped, oldest first, when the cache is saved. */
const maxEntries = 20_000;

interface Store {
  file: string;
  entries: Map<string, unknown>;
  dirty: boolean;
}

let store: Store | undefined;
let namespace: string | undefined;

/**
 * What every key shares: the engine's versions and the source of this folder's formatting code
 * (a change to how citeproc's output is cleaned up must not reuse old results).
 */
function keyNamespace(): string {
  if (namespace === undefined) {
    const hash = createHash('sha256').update(engineVersions());
    for (const name of ['format', 'styles']) {
      for (const extension of ['.js', '.ts']) {
        try {
          hash.update(readFileSync(fileURLToPath(new URL(`./${name}${extension}`, import.meta.url))));
          break;
        } catch {
          // Compiled (.js) or run from the sources (.ts): one of the two is there.
        }
      }
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
  store = { file, entries: await readEntries(file), dirty: false };
}

async function readEntries(file: string): Promise<Map<string, unknown>> {
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
      return new Map(Object.entries(parsed));
  } catch {
    // No cache yet, or one that cannot be read: start empty.
  }
  return new Map();
}

/** The cached value for `key`, if any. */
export function cachedCitation(key: string): unknown {
  return store?.entries.get(key);
}

/** Remember `value` (JSON data) for `key`, to be written by `saveCitationCache`. */
export function storeCitation(key: string, value: unknown): void {
  if (!store) return;
  store.entries.set(key, value);
  store.dirty = true;
}

/**
 * Write what was added since the cache was read, merged with what another process may have
 * written meanwhile, atomically (a temporary file renamed over the old one).
 */
export async function saveCitationCache(): Promise<void> {
  if (!store?.dirty) return;
  const { file } = store;
  try {
    const merged = await readEntries(file);
    for (const [key, value] of store.entries) merged.set(key, value);
    const entries = [...merged].slice(-maxEntries);
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile(temporary, JSON.stringify(Object.fromEntries(entries)));
    await rename(temporary, file);
    store.dirty = false;
  } catch {
    // A cache that cannot be written only costs the next build some time.
  }
}
