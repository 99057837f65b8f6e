import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copySeed } from '../../test/seed-copy.ts';
import { build, type BuildOptions } from './build.ts';
import { WarmCache } from './warm-cache.ts';

const seedCopy = copySeed('marginalia-warm-');
afterAll(() => seedCopy.remove());
const { work, paths } = seedCopy;
const slug = paths.slug;
const claimsPath = paths.claims;
const textPath = paths.article;

const options = (outDir: string): BuildOptions => ({
  outDir,
  write: true,
  cwd: work,
  jobs: 1,
  progress: false,
  generated: '2026-01-01T00:00:00Z',
});

/** Every file of the article's output folder, by name. */
function outputOf(outDir: string): Record<string, string> {
  const folder = path.join(outDir, slug);
  return Object.fromEntries(
    readdirSync(folder)
      .sort()
      .map((name) => [name, readFileSync(path.join(folder, name), 'utf8')]),
  );
}

function edit(file: string, change: (text: string) => string): void {
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(file, after);
}

/** The claim block that starts with `  - id: ID`, up to the next claim. */
function claimBlock(text: string, id: string): string {
  const start = text.indexOf(`  - id: ${id}\n`);
  const next = text.indexOf('\n  - id: ', start + 1);
  return text.slice(start, next === -1 ? undefined : next + 1);
}

describe('warm rebuilds', () => {
  it('should write the same bytes as a build from nothing after each kind of change', async () => {
    const warm = new WarmCache();
    const warmOut = path.join(work, 'warm');
    let round = 0;
    /** A warm rebuild (no build cache, so that it really compiles) against a fresh build. */
    const compare = async (): Promise<void> => {
      round += 1;
      const rebuilt = await build([paths], { ...options(warmOut), cache: false, warmCache: warm });
      const coldOut = path.join(work, `cold-${round}`);
      const fresh = await build([paths], { ...options(coldOut), cache: false });
      expect(rebuilt.ok).toBe(true);
      expect(fresh.ok).toBe(true);
      const warmFiles = outputOf(warmOut);
      const coldFiles = outputOf(coldOut);
      expect(Object.keys(warmFiles)).toEqual(Object.keys(coldFiles));
      for (const name of Object.keys(coldFiles))
        expect(warmFiles[name], `${name}, round ${round}`).toBe(coldFiles[name]);
    };

    await compare(); // the first build fills the cache
    await compare(); // nothing changed: everything from the cache
    const cached = warm.article(warmOut, slug);
    expect(cached.notes.items.size).toBeGreaterThan(30);
    expect(cached.annotations.size).toBe(cached.notes.items.size);
    edit(claimsPath, (text) =>
      text.replace('OpenAI announced Sora on 15 February', 'OpenAI announced **Sora** on 15 February'),
    );
    await compare();
    edit(claimsPath, (text) => {
      const block = claimBlock(text, 'sora-unveiling');
      return text.replace(block, block.replace('verdict: supported', 'verdict: misleading'));
    });
    await compare();
    edit(claimsPath, (text) =>
      text.replace('quote: "OpenAI’s recent unveiling of Sora"', 'quote: "recent unveiling of Sora"'),
    );
    await compare();
    edit(claimsPath, (text) => text.replace(claimBlock(text, 'groundbreaking-software'), ''));
    await compare();
    edit(
      claimsPath,
      (text) =>
        `${text}\n  - id: added-claim\n    quote: "has sent shockwaves"\n    kind: fact\n    verdict: supported\n    note: A note *added* later, citing [the report](https://openai.com/index/video-generation-models-as-world-simulators/).\n    cites: [openai-sora-report-2024]\n`,
    );
    await compare();
    edit(claimsPath, (text) =>
      text.replace(
        /^( {2}title: )(.*)$/mu,
        (_, key: string, title: string) => `${key}${title.slice(0, -1)} (revised)"`,
      ),
    );
    await compare();
    const parsed = cached.parsed?.tree;
    expect(parsed?.type).toBe('root');
    edit(textPath, (text) => `A new first paragraph, written later.\n\n${text}`);
    await compare();
    // The article changed: parsed again, and the new tree kept.
    expect(cached.parsed?.text).toBe(readFileSync(textPath, 'utf8'));
    expect(cached.parsed?.tree).not.toBe(parsed);
    edit(claimsPath, (text) => text.replace('review:\n', 'review:\n  url: https://example.org/review\n'));
    await compare();
  }, 120_000);
});
