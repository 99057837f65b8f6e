/**
 * Test helper: `localStorage` as several tabs of one origin see it. Each tab has its own
 * `Storage` view and window; a write through one tab fires a `storage` event in every other tab
 * (never in its own), as browsers do. A quota (in UTF-16 code units of keys and values, as
 * browsers count) makes writes beyond it throw a `QuotaExceededError`.
 */
import type { StorageEventLike, StorageEventSource, StorageLike } from './store.ts';

export interface FakeTab {
  storage: StorageLike;
  window: StorageEventSource;
}

export class FakeStorageArea {
  readonly entries = new Map<string, string>();
  /** Writes fail once keys and values would take more than this. */
  quota = Infinity;
  readonly #tabs: Array<{ storage: StorageLike; listeners: Set<(event: StorageEventLike) => void> }> = [];

  /** A new tab on this storage. */
  tab(): FakeTab {
    const listeners = new Set<(event: StorageEventLike) => void>();
    const { entries } = this;
    const storage: StorageLike = {
      get length() {
        return entries.size;
      },
      key: (index) => [...entries.keys()][index] ?? null,
      getItem: (key) => entries.get(key) ?? null,
      setItem: (key, value) => this.#set(storage, key, String(value)),
      removeItem: (key) => this.#remove(storage, key),
    };
    this.#tabs.push({ storage, listeners });
    const window: StorageEventSource = {
      addEventListener: (_type, listener) => listeners.add(listener),
      removeEventListener: (_type, listener) => listeners.delete(listener),
    };
    return { storage, window };
  }

  /** The space used, in code units of keys and values. */
  used(): number {
    let size = 0;
    for (const [key, value] of this.entries) size += key.length + value.length;
    return size;
  }

  #set(from: StorageLike, key: string, value: string): void {
    const old = this.entries.get(key) ?? null;
    const growth = value.length - (old?.length ?? -key.length);
    if (this.used() + growth > this.quota) {
      throw Object.assign(new Error('The quota has been exceeded.'), {
        name: 'QuotaExceededError',
        code: 22,
      });
    }
    this.entries.set(key, value);
    if (old !== value) this.#dispatch(from, key, value);
  }

  #remove(from: StorageLike, key: string): void {
    if (!this.entries.delete(key)) return;
    this.#dispatch(from, key, null);
  }

  #dispatch(from: StorageLike, key: string, newValue: string | null): void {
    for (const tab of this.#tabs) {
      if (tab.storage === from) continue;
      for (const listener of tab.listeners) listener({ key, newValue, storageArea: tab.storage });
    }
  }
}
