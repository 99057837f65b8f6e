import { describe, expect, it, vi } from 'vitest';
import { FakeStorageArea } from './fake-storage.ts';
import { createHighlight, type Highlight } from './model.ts';
import { HighlightStore, type StoreChange } from './store.ts';

const slug = 'sora-china-ai-video';

function highlight(exact: string, start = 0): Highlight {
  return createHighlight(
    {
      quote: { exact, prefix: 'before ', suffix: ' after' },
      position: { start, end: start + exact.length },
      contentHash: 'abc:100',
    },
    'yellow',
    '',
    new Date('2024-03-01T10:00:00Z'),
  );
}

function byId(highlights: readonly Highlight[]): Highlight[] {
  return [...highlights].sort((a, b) => a.id.localeCompare(b.id));
}

describe('HighlightStore', () => {
  it('should give back what it saved, one key per highlight under the article’s prefix', () => {
    // Arrange
    const area = new FakeStorageArea();
    const store = new HighlightStore(slug, area.tab().storage);
    const first = highlight('first passage', 10);
    const second = highlight('second passage', 50);

    // Act
    store.save(first);
    store.save(second);
    const loaded = store.load();

    // Assert
    expect(byId(loaded.highlights)).toEqual(byId([first, second]));
    expect(loaded.corrupt).toEqual([]);
    expect([...area.entries.keys()].sort()).toEqual(
      [`marginalia:highlights:${slug}:${first.id}`, `marginalia:highlights:${slug}:${second.id}`].sort(),
    );
  });

  it('should keep the articles apart, also when one slug starts with another', () => {
    // Arrange
    const area = new FakeStorageArea();
    const short = new HighlightStore('sora', area.tab().storage);
    const long = new HighlightStore('sora-2', area.tab().storage);
    short.save(highlight('one passage'));

    // Act
    const loaded = long.load();

    // Assert
    expect(loaded.highlights).toEqual([]);
  });

  it('should skip and report corrupt entries, keep them untouched, and still load the others', () => {
    // Arrange
    const area = new FakeStorageArea();
    const store = new HighlightStore(slug, area.tab().storage);
    const good = highlight('good passage');
    store.save(good);
    const cut = `${store.prefix}0f8fad5b-d9cb-469f-a165-70867728950e`;
    const wrongShape = `${store.prefix}7c9e6679-7425-40de-944b-e07fc1f90ae7`;
    const later = `${store.prefix}16fd2706-8baf-433b-82eb-8c7fada847da`;
    area.entries.set(cut, '{"v":1,"id":"0f8fad5b-d9cb-469f-a165-70867728950e","colour":"yel');
    area.entries.set(wrongShape, '{"v":1,"id":"7c9e6679-7425-40de-944b-e07fc1f90ae7","quote":"x"}');
    area.entries.set(later, '{"v":2,"id":"16fd2706-8baf-433b-82eb-8c7fada847da"}');
    const before = new Map(area.entries);

    // Act
    const loaded = store.load();

    // Assert
    expect(loaded.highlights).toEqual([good]);
    expect(loaded.corrupt.map((entry) => [entry.key, entry.reason]).sort()).toEqual(
      [
        [cut, 'not JSON (cut short?)'],
        [wrongShape, 'no quote'],
        [later, 'unknown format version 2'],
      ].sort(),
    );
    expect(area.entries).toEqual(before);
  });

  it('should report an entry whose id does not match its key as corrupt', () => {
    // Arrange
    const area = new FakeStorageArea();
    const store = new HighlightStore(slug, area.tab().storage);
    const moved = highlight('moved passage');
    store.save(moved);
    const value = area.entries.get(store.keyOf(moved.id)) ?? '';
    area.entries.delete(store.keyOf(moved.id));
    area.entries.set(store.keyOf('2c1b8f5e-3f1a-4b6e-9c1d-7a5e0b9f4d21'), value);

    // Act
    const loaded = store.load();

    // Assert
    expect(loaded.highlights).toEqual([]);
    expect(loaded.corrupt).toMatchObject([{ reason: 'id does not match its key' }]);
  });

  it('should discard a corrupt entry only when asked, and only while it is unchanged', () => {
    // Arrange
    const area = new FakeStorageArea();
    const store = new HighlightStore(slug, area.tab().storage);
    area.entries.set(`${store.prefix}x`, 'garbage');
    area.entries.set(`${store.prefix}y`, 'garbage');
    const [first, second] = store.load().corrupt;
    area.entries.set(`${store.prefix}y`, 'changed meanwhile');

    // Act
    if (first) store.discard(first);
    if (second) store.discard(second);

    // Assert
    expect([...area.entries]).toEqual([[`${store.prefix}y`, 'changed meanwhile']]);
  });

  it('should report a full quota as a result, and store nothing of a failed write', () => {
    // Arrange
    const area = new FakeStorageArea();
    const store = new HighlightStore(slug, area.tab().storage);
    store.save(highlight('fits'));
    area.quota = area.used() + 100;

    // Act
    const result = store.save(highlight('does not fit', 20));

    // Assert
    expect(result).toMatchObject({ ok: false, reason: 'quota' });
    expect(store.load().highlights.map((h) => h.quote.exact)).toEqual(['fits']);
  });

  it('should save all of several highlights or none of them', () => {
    // Arrange
    const area = new FakeStorageArea();
    const store = new HighlightStore(slug, area.tab().storage);
    const kept = highlight('already there');
    store.save(kept);
    const changed = { ...kept, note: 'a long note '.repeat(20) };
    area.quota = area.used() + 600;

    // Act
    const result = store.saveAll([changed, highlight('new one', 30), highlight('another new one', 60)]);

    // Assert
    expect(result).toMatchObject({ ok: false, reason: 'quota' });
    expect(store.load().highlights).toEqual([kept]);
  });

  it('should report storage that throws on reading as unavailable, not throw', () => {
    // Arrange
    const denied = () => {
      throw Object.assign(new Error('denied'), { name: 'SecurityError' });
    };
    const store = new HighlightStore(slug, {
      get length(): number {
        return denied();
      },
      key: denied,
      getItem: denied,
      setItem: denied,
      removeItem: denied,
    });

    // Act
    const loaded = store.load();
    const saved = store.save(highlight('passage'));

    // Assert
    expect(loaded).toMatchObject({ highlights: [], corrupt: [], failure: { reason: 'unavailable' } });
    expect(saved).toMatchObject({ ok: false, reason: 'unavailable' });
  });

  it('should update a note and colour on the stored entry and set the modified time', () => {
    // Arrange
    const area = new FakeStorageArea();
    const store = new HighlightStore(slug, area.tab().storage);
    const saved = highlight('passage');
    store.save(saved);

    // Act
    const result = store.update(
      saved.id,
      { note: 'Check this', colour: 'blue' },
      new Date('2024-03-02T08:00:00Z'),
    );

    // Assert
    const expected = { ...saved, note: 'Check this', colour: 'blue', modified: '2024-03-02T08:00:00.000Z' };
    expect(result).toEqual({ ok: true, highlight: expected });
    expect(store.load().highlights).toEqual([expected]);
  });

  it('should delete and undo: the highlight comes back as it was', () => {
    // Arrange
    const area = new FakeStorageArea();
    const store = new HighlightStore(slug, area.tab().storage);
    const saved = highlight('passage');
    store.save(saved);

    // Act
    const removed = store.remove(saved.id);
    const afterRemove = store.load().highlights;
    const restored = removed ? store.restore(removed) : undefined;

    // Assert
    expect(removed).toEqual(saved);
    expect(afterRemove).toEqual([]);
    expect(restored).toEqual({ ok: true });
    expect(store.load().highlights).toEqual([saved]);
  });
});

describe('HighlightStore in two tabs', () => {
  function twoTabs() {
    const area = new FakeStorageArea();
    const a = area.tab();
    const b = area.tab();
    return {
      area,
      a: new HighlightStore(slug, a.storage, a.window),
      b: new HighlightStore(slug, b.storage, b.window),
    };
  }

  it('should keep the highlights that each tab adds', () => {
    // Arrange
    const { a, b } = twoTabs();
    const fromA = highlight('from tab A');
    const fromB = highlight('from tab B', 40);

    // Act
    a.save(fromA);
    b.save(fromB);
    a.save({ ...fromA, note: 'edited in A' });

    // Assert
    expect(byId(a.load().highlights)).toEqual(byId([{ ...fromA, note: 'edited in A' }, fromB]));
    expect(byId(b.load().highlights)).toEqual(byId(a.load().highlights));
  });

  it('should tell the other tab of each change, and not the tab that made it', () => {
    // Arrange
    const { a, b } = twoTabs();
    const inA = vi.fn<(change: StoreChange) => void>();
    const inB = vi.fn<(change: StoreChange) => void>();
    a.subscribe(inA);
    b.subscribe(inB);
    const saved = highlight('passage');

    // Act
    a.save(saved);
    a.remove(saved.id);

    // Assert
    expect(inA).not.toHaveBeenCalled();
    expect(inB.mock.calls).toEqual([
      [{ type: 'saved', highlight: saved }],
      [{ type: 'removed', id: saved.id }],
    ]);
  });

  it('should stop telling a tab once it unsubscribes', () => {
    // Arrange
    const { a, b } = twoTabs();
    const inB = vi.fn<(change: StoreChange) => void>();
    const unsubscribe = b.subscribe(inB);

    // Act
    unsubscribe();
    a.save(highlight('passage'));

    // Assert
    expect(inB).not.toHaveBeenCalled();
  });

  it('should tell the other tab of a corrupt entry without throwing', () => {
    // Arrange
    const { area, b } = twoTabs();
    const c = area.tab();
    const inB = vi.fn<(change: StoreChange) => void>();
    b.subscribe(inB);

    // Act
    c.storage.setItem(`${b.prefix}0f8fad5b-d9cb-469f-a165-70867728950e`, '{"v":1,');
    c.storage.setItem('marginalia:settings', '{}');

    // Assert
    expect(inB.mock.calls).toEqual([
      [
        {
          type: 'corrupt',
          entry: {
            key: `${b.prefix}0f8fad5b-d9cb-469f-a165-70867728950e`,
            value: '{"v":1,',
            reason: 'not JSON (cut short?)',
          },
        },
      ],
    ]);
  });

  it('should keep a note changed in one tab and a colour changed in the other', () => {
    // Arrange: both tabs loaded the same highlight
    const { a, b } = twoTabs();
    const saved = highlight('passage');
    a.save(saved);

    // Act
    a.update(saved.id, { note: 'from A' });
    b.update(saved.id, { colour: 'green' });

    // Assert
    expect(a.load().highlights).toMatchObject([{ note: 'from A', colour: 'green' }]);
  });

  it('should refuse to edit a highlight that the other tab deleted', () => {
    // Arrange
    const { a, b } = twoTabs();
    const saved = highlight('passage');
    a.save(saved);

    // Act
    b.remove(saved.id);
    const result = a.update(saved.id, { note: 'too late' });

    // Assert
    expect(result).toMatchObject({ ok: false, reason: 'missing' });
    expect(a.load().highlights).toEqual([]);
  });

  it('should not let an undo overwrite what the other tab stored meanwhile', () => {
    // Arrange
    const { a, b } = twoTabs();
    const saved = highlight('passage');
    a.save(saved);
    const removed = a.remove(saved.id);
    const recreated = { ...saved, note: 'saved again in B' };
    b.save(recreated);

    // Act
    const result = removed ? a.restore(removed) : undefined;

    // Assert
    expect(result).toMatchObject({ ok: false, reason: 'exists' });
    expect(a.load().highlights).toEqual([recreated]);
  });

  it('should ask the other tab to reload when storage is cleared', () => {
    // Arrange
    const inB = vi.fn<(change: StoreChange) => void>();
    const events = new Map<string, (event: { key: string | null; newValue: string | null }) => void>();
    const store = new HighlightStore(
      slug,
      { length: 0, key: () => null, getItem: () => null, setItem() {}, removeItem() {} },
      {
        addEventListener: (type, listener) => events.set(type, listener),
        removeEventListener: (type) => events.delete(type),
      },
    );
    store.subscribe(inB);

    // Act
    events.get('storage')?.({ key: null, newValue: null });

    // Assert
    expect(inB.mock.calls).toEqual([[{ type: 'reset' }]]);
  });
});
