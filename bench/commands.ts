/**
 * Whole processes, as a user waits for them (start to exit): `marginalia build` of the seed
 * article into an empty folder and `marginalia check` of it, against plain unified on the same
 * text in a fresh process (`plain-unified.mjs`). Run in rounds, each round running every command
 * once, so that a slow spell of the machine falls on all alike.
 *
 * The build is timed twice: with the citation cache of earlier runs (a machine's usual state
 * after its first build: no citation is formatted again), and with an empty citation cache
 * (the first build ever on a machine, citeproc loaded and run).
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { median, repository, timeCommand } from './measure.ts';

export interface CommandResults {
  /** The article, relative to the repository. */
  article: string;
  bytes: number;
  plainMs: number;
  buildMs: number;
  buildColdCacheMs: number;
  checkMs: number;
  samples: { plain: number[]; build: number[]; buildColdCache: number[]; check: number[] };
}

const bin = path.join(repository, 'bin/marginalia.js');
const plainScript = path.join(repository, 'bench/plain-unified.mjs');
export const seedArticle = 'article/sora-china-ai-video.txt';

export async function measureCommands(
  work: string,
  quick: boolean,
  log: (line: string) => void,
): Promise<CommandResults> {
  const article = path.join(repository, seedArticle);
  const cache = path.join(work, 'citation-cache');
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  const samples: CommandResults['samples'] = { plain: [], build: [], buildColdCache: [], check: [] };
  const runs = quick ? 2 : 15;
  let fresh = 0;
  const ok = (what: string, run: { code: number; stderr: string }) => {
    if (run.code !== 0) throw new Error(`${what} exited ${run.code}: ${run.stderr}`);
  };
  for (let round = 0; round <= runs; round++) {
    const warmUp = round === 0;
    log(`commands: ${warmUp ? 'warm-up' : `run ${round}/${runs}`}`);
    fresh += 1;
    const out = (name: string) => path.join(work, `${name}-${fresh}`);
    const plain = await timeCommand(process.execPath, [plainScript, article, out('plain.html')], work);
    ok('plain unified', plain);
    const build = await timeCommand(
      process.execPath,
      [bin, 'build', article, '--out', out('build'), '-q'],
      work,
      {
        MARGINALIA_CACHE_DIR: cache,
      },
    );
    ok('marginalia build', build);
    const coldCache = path.join(work, `empty-cache-${fresh}`);
    const cold = await timeCommand(
      process.execPath,
      [bin, 'build', article, '--out', out('cold'), '-q'],
      work,
      {
        MARGINALIA_CACHE_DIR: coldCache,
      },
    );
    ok('marginalia build (empty citation cache)', cold);
    const check = await timeCommand(process.execPath, [bin, 'check', article, '-q'], work, {
      MARGINALIA_CACHE_DIR: cache,
    });
    ok('marginalia check', check);
    if (warmUp) continue;
    samples.plain.push(plain.ms);
    samples.build.push(build.ms);
    samples.buildColdCache.push(cold.ms);
    samples.check.push(check.ms);
  }
  const { size } = await import('node:fs').then((fs) => fs.statSync(article));
  const round = (list: number[]) => list.map(Math.round);
  return {
    article: seedArticle,
    bytes: size,
    plainMs: median(samples.plain),
    buildMs: median(samples.build),
    buildColdCacheMs: median(samples.buildColdCache),
    checkMs: median(samples.check),
    samples: {
      plain: round(samples.plain),
      build: round(samples.build),
      buildColdCache: round(samples.buildColdCache),
      check: round(samples.check),
    },
  };
}
