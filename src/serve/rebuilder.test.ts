import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copySeed } from '../../test/seed-copy.ts';
import { build } from '../build/build.ts';
import { Rebuilder } from './rebuilder.ts';
import { pageVersion } from './static-files.ts';

const seedCopy = copySeed('marginalia-rebuilder-');
afterAll(() => seedCopy.remove());
const { work, paths } = seedCopy;
const slug = paths.slug;
const claimsPath = paths.claims;
const out = path.join(work, 'out');
const page = path.join(out, slug, 'index.html');
const versionOnDisk = (): string => pageVersion(statSync(page));

describe('Rebuilder', () => {
  it('should send the first save after a warm-up as a patch from the page on disk', async () => {
    // Arrange: the server's first build (plain), then the warm-up, which writes nothing.
    await build([paths], { outDir: out, write: true, cwd: work, progress: false });
    const rebuilder = new Rebuilder({
      outDir: out,
      cwd: work,
      stderr: () => undefined,
      stdout: () => undefined,
    });
    const first = versionOnDisk();
    const bytes = readFileSync(page, 'utf8');
    await rebuilder.warmUp([paths]);
    expect(versionOnDisk()).toBe(first);
    expect(readFileSync(page, 'utf8')).toBe(bytes);

    // Act
    writeFileSync(
      claimsPath,
      readFileSync(claimsPath, 'utf8').replace('OpenAI announced Sora', 'OpenAI, warm, announced Sora'),
    );
    const outcome = await rebuilder.rebuild([paths]);

    // Assert: the note's item alone, from the version on disk before to the one after.
    expect(outcome.rebuilt).toEqual([slug]);
    const patch = outcome.patches.get(slug);
    expect(patch?.from).toBe(first);
    expect(patch?.to).toBe(versionOnDisk());
    expect(patch?.parts.map((part) => part.at)).toEqual([[{ id: 'note-sora-unveiling' }]]);
    expect(patch?.parts[0]?.html).toContain('OpenAI, warm, announced Sora');
  }, 60_000);

  it('should reload rather than patch a page whose file is not the one it wrote last', async () => {
    // Arrange: a rebuilder that never saw this page.
    const rebuilder = new Rebuilder({
      outDir: out,
      cwd: work,
      stderr: () => undefined,
      stdout: () => undefined,
    });
    writeFileSync(claimsPath, readFileSync(claimsPath, 'utf8').replace('OpenAI, warm,', 'OpenAI, cold,'));

    // Act
    const outcome = await rebuilder.rebuild([paths]);

    // Assert
    expect(outcome.rebuilt).toEqual([slug]);
    expect(outcome.patches.size).toBe(0);
  }, 60_000);
});
