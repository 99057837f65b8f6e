import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cachedCitation, openCitationCache, saveCitationCache, storeCitation } from './citation-cache.ts';

const work = mkdtempSync(path.join(tmpdir(), 'marginalia-citations-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => openCitationCache(undefined));

let folders = 0;
/** An empty cache folder, and the log's path in it. */
function folder(): { dir: string; log: string } {
  const dir = path.join(work, `cache-${(folders += 1)}`);
  return { dir, log: path.join(dir, 'citations-v2.jsonl') };
}

/** Opens `dir` afresh, as the next process would. */
async function reopen(dir: string): Promise<void> {
  await openCitationCache(undefined);
  await openCitationCache(dir);
}

const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);

describe('the citation cache', () => {
  it('should keep what a build stored for the next process, appending each save', async () => {
    // Arrange
    const { dir, log } = folder();
    await openCitationCache(dir);
    storeCitation('a', { text: 'A' });
    await saveCitationCache();
    const first = readFileSync(log, 'utf8');

    // Act
    storeCitation('b', 'B');
    await saveCitationCache();
    await reopen(dir);

    // Assert: the second save added to the file, and did not rewrite it.
    expect(readFileSync(log, 'utf8').startsWith(first)).toBe(true);
    expect(lines(log)).toHaveLength(2);
    expect(cachedCitation('a')).toEqual({ text: 'A' });
    expect(cachedCitation('b')).toBe('B');
  });

  it('should keep what another process added meanwhile', async () => {
    // Arrange
    const { dir, log } = folder();
    await openCitationCache(dir);
    storeCitation('mine', 1);
    await saveCitationCache();
    appendFileSync(log, `${JSON.stringify(['theirs', 2])}\n`);

    // Act
    storeCitation('mine too', 3);
    await saveCitationCache();
    await reopen(dir);

    // Assert
    expect([cachedCitation('mine'), cachedCitation('theirs'), cachedCitation('mine too')]).toEqual([1, 2, 3]);
  });

  it('should lose only the lines it cannot read', async () => {
    // Arrange: a line cut short in the middle, one of another shape, and an empty one.
    const { dir, log } = folder();
    await openCitationCache(dir);
    storeCitation('before', 'kept');
    await saveCitationCache();
    appendFileSync(log, '["cut", {"html": [\n{"not": "an entry"}\n\n');
    appendFileSync(log, `${JSON.stringify(['after', 'kept too'])}\n`);

    // Act
    await reopen(dir);

    // Assert
    expect(cachedCitation('before')).toBe('kept');
    expect(cachedCitation('after')).toBe('kept too');
    expect(cachedCitation('cut')).toBeUndefined();
  });

  it('should take the last line written for a key', async () => {
    // Arrange
    const { dir } = folder();
    await openCitationCache(dir);
    storeCitation('key', 'old');
    await saveCitationCache();
    storeCitation('key', 'new');
    await saveCitationCache();

    // Act
    await reopen(dir);

    // Assert
    expect(cachedCitation('key')).toBe('new');
  });

  it('should write a log of many more lines than entries again, compacted, on the next save', async () => {
    // Arrange: 25,000 lines for 10 citations, as builds running at once might leave.
    const { dir, log } = folder();
    await openCitationCache(dir);
    const repeated = Array.from({ length: 25_000 }, (_, index) =>
      JSON.stringify([`key-${index % 10}`, index]),
    );
    storeCitation('seed', 0);
    await saveCitationCache();
    writeFileSync(log, `${repeated.join('\n')}\n`);
    await reopen(dir);

    // Act
    storeCitation('new', 'value');
    await saveCitationCache();
    await reopen(dir);

    // Assert
    expect(lines(log)).toHaveLength(11);
    expect(cachedCitation('key-3')).toBe(24_993);
    expect(cachedCitation('new')).toBe('value');
  });

  it('should keep the newest 20,000 of a log of more citations, written again on the next save', async () => {
    // Arrange: 30,000 different citations, as years of builds by earlier versions leave.
    const { dir, log } = folder();
    await openCitationCache(dir);
    storeCitation('seed', 0);
    await saveCitationCache();
    const distinct = Array.from({ length: 30_000 }, (_, index) => JSON.stringify([`key-${index}`, index]));
    writeFileSync(log, `${distinct.join('\n')}\n`);
    await reopen(dir);

    // Act
    storeCitation('new', 'value');
    await saveCitationCache();
    await reopen(dir);

    // Assert
    expect(lines(log)).toHaveLength(20_000);
    expect(cachedCitation('new')).toBe('value');
    expect(cachedCitation('key-29999')).toBe(29_999);
    expect(cachedCitation('key-10000')).toBeUndefined();
  });

  it('should start each save on a line of its own, after a write cut short', async () => {
    // Arrange
    const { dir, log } = folder();
    await openCitationCache(dir);
    storeCitation('first', 1);
    await saveCitationCache();
    appendFileSync(log, '["cut short", {"ht');

    // Act
    storeCitation('next', 2);
    await saveCitationCache();
    await reopen(dir);

    // Assert
    expect(cachedCitation('first')).toBe(1);
    expect(cachedCitation('next')).toBe(2);
  });

  it('should remove the cache file of earlier versions when it saves', async () => {
    // Arrange
    const { dir } = folder();
    mkdirSync(dir, { recursive: true });
    const old = path.join(dir, 'citations-v1.json');
    writeFileSync(old, '{}');
    await openCitationCache(dir);

    // Act
    storeCitation('key', 'value');
    await saveCitationCache();

    // Assert
    expect(existsSync(old)).toBe(false);
  });
});
