/**
 * The reader's highlights of one article, kept in the browser's `localStorage`.
 *
 * Design:
 * - **One key per highlight**: `marginalia:highlights:<slug>:<id>` (the slug URI-encoded), whose
 *   value is the highlight as JSON with a format version, `{"v":1,"id":…}`. A corrupt, foreign or
 *   half-written value spoils only its own highlight, and a write touches only the highlight it
 *   is about, so two tabs never overwrite each other's lists.
 * - **Nothing unreadable is lost**: a value that is not JSON, not a highlight, or of another format
 *   version (a later Marginalia) is skipped and reported by `load` in `corrupt`, with its key and
 *   the reason, and left in storage untouched; this store never writes over it.
 * - **Failures are results, not exceptions**: a full quota comes back as
 *   `{ok: false, reason: 'quota'}`, storage that the browser refuses (private modes, blocked
 *   site data) as `reason: 'unavailable'`, so the reader can be told.
 * - **Two tabs**: a tab learns of another's writes from the `storage` event, which browsers fire
 *   in every other tab of the origin; `subscribe` passes them on, one change per key. Edits are
 *   read-modify-write on the stored entry (`update`), so a note changed in one tab and a colour
 *   changed in another both stay.
 * - **Delete with undo, without tombstones**: `remove` deletes the key and returns the highlight
 *   as it was; `restore` (the undo) writes it back only if no entry has the key meanwhile (another
 *   tab re-created or edited it, and that newer state wins). Other tabs see the removal, then the
 *   restoration, as two ordinary storage events. Nothing is left to clean up later.
 *
 * The store holds no list of its own: `load` reads storage every time, so two stores on one
 * storage behave exactly as two tabs do.
 */
import { readHighlight, type Highlight, type HighlightColour } from './model.ts';

/** What the store needs of `localStorage` (tests pass a fake). */
export interface StorageLike {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** What the store reads of a `StorageEvent`. */
export interface StorageEventLike {
  readonly key: string | null;
  readonly newValue: string | null;
  readonly storageArea?: unknown;
}

/** Where `storage` events arrive: the window. */
export interface StorageEventSource {
  addEventListener(type: 'storage', listener: (event: StorageEventLike) => void): void;
  removeEventListener(type: 'storage', listener: (event: StorageEventLike) => void): void;
}

export type WriteFailure = {
  ok: false;
  /**
   * `quota`: storage is full. `unavailable`: the browser refuses storage. `missing`: the highlight
   * is no longer stored (deleted in another tab) or no longer readable. `exists`: `restore` found
   * the highlight stored again.
   */
  reason: 'quota' | 'unavailable' | 'missing' | 'exists';
  message: string;
};

export type WriteResult = { ok: true } | WriteFailure;

export interface CorruptEntry {
  key: string;
  /** The stored value, as it is. */
  value: string;
  reason: string;
}

export interface LoadResult {
  /** In no particular order (anchoring gives reading order). */
  highlights: Highlight[];
  corrupt: CorruptEntry[];
  /** Set when storage could not be read at all. */
  failure?: WriteFailure;
}

/** A change made by another tab. */
export type StoreChange =
  | { type: 'saved'; highlight: Highlight }
  | { type: 'removed'; id: string }
  | { type: 'corrupt'; entry: CorruptEntry }
  /** Storage was cleared, or changed in a way best read again: call `load`. */
  | { type: 'reset' };

export const storageKeyPrefix = 'marginalia:highlights:';
const formatVersion = 1;

export class HighlightStore {
  /** Every key of this article's highlights starts with it. */
  readonly prefix: string;
  readonly #storage: StorageLike;
  readonly #events: StorageEventSource | undefined;

  /**
   * @param slug The article's slug.
   * @param storage `localStorage`, or a fake.
   * @param events The window, whose `storage` events tell of other tabs' changes.
   */
  constructor(slug: string, storage: StorageLike, events?: StorageEventSource) {
    this.prefix = `${storageKeyPrefix}${encodeURIComponent(slug)}:`;
    this.#storage = storage;
    this.#events = events;
  }

  /** The storage key of a highlight. */
  keyOf(id: string): string {
    return this.prefix + id;
  }

  /** Every readable highlight of the article, and the entries that could not be read. */
  load(): LoadResult {
    const result: LoadResult = { highlights: [], corrupt: [] };
    try {
      const keys: string[] = [];
      for (let index = 0; index < this.#storage.length; index++) {
        const key = this.#storage.key(index);
        if (key?.startsWith(this.prefix)) keys.push(key);
      }
      for (const key of keys.sort()) {
        const value = this.#storage.getItem(key);
        if (value === null) continue;
        const read = this.#read(key, value);
        if ('reason' in read) result.corrupt.push(read);
        else result.highlights.push(read);
      }
    } catch (error) {
      result.failure = failure(error);
    }
    return result;
  }

  /** Stores a highlight (new or changed), as it is. */
  save(highlight: Highlight): WriteResult {
    return this.#write(this.keyOf(highlight.id), serialize(highlight));
  }

  /**
   * Stores several highlights, all or none: when one cannot be written (the quota), those already
   * written by this call are put back as they were.
   */
  saveAll(highlights: readonly Highlight[]): WriteResult {
    const previous: Array<[string, string | null]> = [];
    for (const highlight of highlights) {
      const key = this.keyOf(highlight.id);
      let result: WriteResult;
      try {
        previous.push([key, this.#storage.getItem(key)]);
        result = this.#write(key, serialize(highlight));
      } catch (error) {
        result = failure(error);
      }
      if (!result.ok) {
        for (const [written, value] of previous.reverse()) {
          try {
            if (value === null) this.#storage.removeItem(written);
            else this.#storage.setItem(written, value);
          } catch {
            // Putting back a value that was there cannot need more room; nothing else to try.
          }
        }
        return result;
      }
    }
    return { ok: true };
  }

  /**
   * Changes a highlight's colour or note, on the entry as it is stored now (another tab may have
   * changed its other field), and sets `modified`. Returns the highlight as stored.
   */
  update(
    id: string,
    changes: { colour?: HighlightColour; note?: string },
    now = new Date(),
  ): (WriteResult & { ok: true; highlight: Highlight }) | WriteFailure {
    const current = this.get(id);
    if (current === undefined) {
      return {
        ok: false,
        reason: 'missing',
        message: 'This highlight is no longer stored (deleted in another tab?).',
      };
    }
    const highlight: Highlight = { ...current, ...changes, modified: now.toISOString() };
    const result = this.save(highlight);
    return result.ok ? { ok: true, highlight } : result;
  }

  /** The stored highlight with this id, if it is stored and readable. */
  get(id: string): Highlight | undefined {
    const key = this.keyOf(id);
    try {
      const value = this.#storage.getItem(key);
      const read = value === null ? undefined : this.#read(key, value);
      return read === undefined || 'reason' in read ? undefined : read;
    } catch {
      return undefined;
    }
  }

  /**
   * Deletes a highlight and returns it as it was stored (keep it to undo), or `undefined` when
   * it was not stored. An unreadable entry is not deleted (see `discard`).
   */
  remove(id: string): Highlight | undefined {
    const highlight = this.get(id);
    if (highlight === undefined) return undefined;
    try {
      this.#storage.removeItem(this.keyOf(id));
    } catch {
      return undefined;
    }
    return highlight;
  }

  /** Undoes `remove`: stores the highlight again, unless it has been stored again meanwhile. */
  restore(highlight: Highlight): WriteResult {
    const key = this.keyOf(highlight.id);
    try {
      if (this.#storage.getItem(key) !== null) {
        return {
          ok: false,
          reason: 'exists',
          message: 'This highlight was restored or changed in another tab.',
        };
      }
    } catch (error) {
      return failure(error);
    }
    return this.#write(key, serialize(highlight));
  }

  /** Deletes an entry that `load` reported as corrupt (when the reader asks to). */
  discard(entry: CorruptEntry): void {
    if (!entry.key.startsWith(this.prefix)) return;
    try {
      if (this.#storage.getItem(entry.key) === entry.value) this.#storage.removeItem(entry.key);
    } catch {
      // Storage refused: the entry stays, as it would have anyway.
    }
  }

  /**
   * Calls `listener` with each change that another tab makes to this article's highlights (this
   * store's own writes are not reported: the caller made them). Returns the unsubscribe function.
   */
  subscribe(listener: (change: StoreChange) => void): () => void {
    const onStorage = (event: StorageEventLike): void => {
      if (
        event.storageArea !== undefined &&
        event.storageArea !== null &&
        event.storageArea !== this.#storage
      )
        return;
      const { key, newValue } = event;
      if (key === null) {
        listener({ type: 'reset' });
      } else if (key.startsWith(this.prefix)) {
        if (newValue === null) {
          listener({ type: 'removed', id: key.slice(this.prefix.length) });
        } else {
          const read = this.#read(key, newValue);
          listener('reason' in read ? { type: 'corrupt', entry: read } : { type: 'saved', highlight: read });
        }
      }
    };
    this.#events?.addEventListener('storage', onStorage);
    return () => this.#events?.removeEventListener('storage', onStorage);
  }

  #read(key: string, value: string): Highlight | CorruptEntry {
    const corrupt = (reason: string): CorruptEntry => ({ key, value, reason });
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      return corrupt('not JSON (cut short?)');
    }
    const version = typeof parsed === 'object' && parsed !== null ? (parsed as { v?: unknown }).v : undefined;
    if (version !== formatVersion)
      return corrupt(`unknown format version ${JSON.stringify(version ?? null)}`);
    const highlight = readHighlight(parsed);
    if (typeof highlight === 'string') return corrupt(highlight);
    if (this.keyOf(highlight.id) !== key) return corrupt('id does not match its key');
    return highlight;
  }

  #write(key: string, value: string): WriteResult {
    try {
      this.#storage.setItem(key, value);
      return { ok: true };
    } catch (error) {
      return failure(error);
    }
  }
}

function serialize(highlight: Highlight): string {
  const { id, colour, note, created, modified, quote, position, contentHash } = highlight;
  return JSON.stringify({
    v: formatVersion,
    id,
    colour,
    note,
    created,
    modified,
    quote,
    position,
    contentHash,
  });
}

/**
 * What a storage exception means. Browsers name a full quota `QuotaExceededError` (code 22),
 * older Firefox `NS_ERROR_DOM_QUOTA_REACHED` (code 1014); anything else (`SecurityError` when
 * site data is blocked, …) makes storage unavailable.
 */
function failure(error: unknown): WriteFailure {
  const { name, code } = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: unknown;
    code?: unknown;
  };
  if (
    name === 'QuotaExceededError' ||
    name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    code === 22 ||
    code === 1014
  ) {
    return {
      ok: false,
      reason: 'quota',
      message: 'The browser’s storage for this site is full: the highlight was not saved.',
    };
  }
  return {
    ok: false,
    reason: 'unavailable',
    message: 'The browser does not let this page store highlights.',
  };
}

/** `window.localStorage`, or `undefined` where reading it throws (blocked site data). */
export function browserStorage(): StorageLike | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}
