/**
 * `npm run bench`: Marginalia's performance on real corpora (see bench/README.md).
 *
 *   npm run bench                  the full run (about 10 minutes on 2 cores)
 *   npm run bench -- --quick       S only, one run of each, a small site: a check that it works
 *   npm run bench -- --out DIR     write the results JSON into DIR (default bench/results/)
 *   npm run bench -- --no-browser  leave out the browser measurements
 *
 * Prints a table and writes the results as JSON (`bench/results/<time>.json` and
 * `bench/results/latest.json`).
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { corpusDir, ensureCorpus, ensureSite, type CorpusFiles, type CorpusName } from './corpus.ts';
import { measureCommands } from './commands.ts';
import { median, repository, runChild, timeCommand } from './measure.ts';
import type { PageLoad } from './browser.ts';
import {
  evaluateTargets,
  formatReport,
  type BenchResults,
  type BuildRow,
  type WatchResult,
} from './report.ts';

export interface BenchOptions {
  quick: boolean;
  browser: boolean;
  /** Folder for the results JSON. */
  out: string;
  /** Where corpora are made (default bench/.corpus/). */
  corpus?: string;
  /** Where the builds are written (default: marginalia-bench in the system's temporary folder). */
  outputs?: string;
  /** Called with each line of progress. */
  log?: (line: string) => void;
}

interface BuildConfig {
  corpus: CorpusName;
  format: 'txt' | 'md';
  claims: number;
}

const fullConfigs: BuildConfig[] = [
  { corpus: 'S', format: 'txt', claims: 1_000 },
  { corpus: 'S', format: 'md', claims: 1_000 },
  { corpus: 'M', format: 'txt', claims: 1_000 },
  { corpus: 'M', format: 'md', claims: 1_000 },
  { corpus: 'M', format: 'txt', claims: 10_000 },
  { corpus: 'M', format: 'md', claims: 10_000 },
  { corpus: 'L', format: 'txt', claims: 1_000 },
  { corpus: 'L', format: 'md', claims: 10_000 },
];
const quickConfigs = fullConfigs.filter((config) => config.corpus === 'S');

const bin = path.join(repository, 'bin/marginalia.js');
/** How long a page may take to load and get its reader ready. */
const pageTimeout = 60_000;

function claimsFileOf(files: CorpusFiles, count: number, kind: 'claims' | 'plain'): string {
  const file = files[kind].get(count);
  if (!file) throw new Error(`The corpus ${files.name} has no claims file of ${count} claims`);
  return file;
}

/**
 * Each build and the plain pipeline it is compared with, and the anchoring alone, in fresh
 * processes: one warm-up round (not counted), then `runs` rounds, each round running every
 * measurement of the corpus once, so that a slow spell of the machine falls on all alike.
 */
async function measureBuilds(
  corpora: Map<CorpusName, CorpusFiles>,
  configs: readonly BuildConfig[],
  quick: boolean,
  log: (line: string) => void,
): Promise<{ builds: BuildRow[]; anchoring: BenchResults['anchoring'] }> {
  const builds: BuildRow[] = [];
  const anchoring: BenchResults['anchoring'] = [];
  for (const [name, files] of corpora) {
    const mine = configs.filter((config) => config.corpus === name);
    if (mine.length === 0) continue;
    const counts = [...new Set(mine.map((config) => config.claims))];
    const jobs: Array<{ key: string; args: string[] }> = [
      ...mine.map((config) => ({
        key: `build ${config.format} ${config.claims}`,
        args: ['build', config.format, files[config.format], claimsFileOf(files, config.claims, 'claims')],
      })),
      ...counts.map((count) => ({
        key: `plain ${count}`,
        args: ['plain', files.md, claimsFileOf(files, count, 'plain')],
      })),
      ...counts.map((count) => ({
        key: `anchor ${count}`,
        args: ['anchor', files.txt, claimsFileOf(files, count, 'plain')],
      })),
    ];
    const runs = quick ? 1 : name === 'L' ? 3 : 5;
    const rounds = quick ? runs : runs + 1;
    const samples = new Map<string, Array<{ ms: number; rss: number }>>();
    for (let round = 0; round < rounds; round++) {
      const warmUp = !quick && round === 0;
      log(`${name}: ${warmUp ? 'warm-up' : `run ${quick ? round + 1 : round}/${runs}`}`);
      for (const job of jobs) {
        const result = await runChild(job.args);
        if (!result.ok) throw new Error(`${name} ${job.key}: ${result.problem ?? 'failed'}`);
        if (warmUp) continue;
        const list = samples.get(job.key) ?? [];
        list.push({ ms: result.ms, rss: result.maxRssBytes });
        samples.set(job.key, list);
      }
    }
    const stats = (key: string) => {
      const list = samples.get(key) ?? [];
      return {
        ms: median(list.map((sample) => sample.ms)),
        rss: median(list.map((sample) => sample.rss)),
        samples: list.map((sample) => Math.round(sample.ms)),
      };
    };
    for (const config of mine) {
      const build = stats(`build ${config.format} ${config.claims}`);
      const plain = stats(`plain ${config.claims}`);
      builds.push({
        ...config,
        bytes: files.bytes,
        buildMs: build.ms,
        plainMs: plain.ms,
        buildRssBytes: build.rss,
        plainRssBytes: plain.rss,
        buildSamples: build.samples,
        plainSamples: plain.samples,
      });
    }
    for (const count of counts) {
      const anchor = stats(`anchor ${count}`);
      anchoring.push({ corpus: name, claims: count, ms: anchor.ms, samples: anchor.samples });
    }
  }
  return { builds, anchoring };
}

/** A site of many articles built with the command: cold on every core, cold on one, unchanged, one changed. */
async function measureSite(
  dir: string,
  outputs: string,
  quick: boolean,
  log: (line: string) => void,
): Promise<BenchResults['site']> {
  const count = quick ? 4 : 200;
  const claims = quick ? 3 : 30;
  log(`site: ${count} articles`);
  const articles = await ensureSite(count, claims, dir);
  const out = path.join(outputs, quick ? 'site-quick' : 'site');
  // Both first builds start with an empty citation cache of their own (a site's first build on
  // a new machine); the later ones keep the cache the build on every core filled.
  const citations = (name: string) => ({
    MARGINALIA_CACHE_DIR: path.join(outputs, `site-citations-${name}`),
  });
  const cli = (extra: string[] = [], env = citations('every-core')) =>
    timeCommand(process.execPath, [bin, 'build', 'article', '--out', out, '-q', ...extra], dir, env);
  const check = (what: string, run: { code: number; stderr: string }) => {
    if (run.code !== 0) throw new Error(`site ${what}: exit ${run.code}: ${run.stderr}`);
  };

  for (const name of ['one-core', 'every-core'])
    await rm(citations(name).MARGINALIA_CACHE_DIR, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
  log('site: cold build on one core');
  const serial = await cli(['--jobs', '1'], citations('one-core'));
  check('cold build on one core', serial);
  await rm(out, { recursive: true, force: true });
  log('site: cold build on every core');
  const cold = await cli();
  check('cold build', cold);
  // A worker thread that cannot start is a warning, not a failure: the figure would be one core's.
  if (cold.stderr.includes('no worker thread could start'))
    throw new Error(`site cold build: ${cold.stderr.trim()}`);
  log('site: nothing changed');
  const unchanged: number[] = [];
  for (let run = 0; run < (quick ? 1 : 3); run++) {
    const again = await cli();
    check('build with nothing changed', again);
    unchanged.push(again.ms);
  }
  log('site: one claims file changed');
  const changed = path.join(
    articles,
    (await import('node:fs')).readdirSync(articles).find((name) => name.endsWith('.claims.yaml')) ?? '',
  );
  const original = await readFile(changed, 'utf8');
  await writeFile(changed, `${original}# changed by the benchmark\n`);
  let one;
  try {
    one = await cli();
  } finally {
    await writeFile(changed, original);
  }
  check('build with one article changed', one);
  return {
    articles: count,
    claimsPerArticle: claims,
    coldOneCoreMs: serial.ms,
    coldMs: cold.ms,
    unchangedMs: median(unchanged),
    unchangedSamples: unchanged.map(Math.round),
    oneChangedMs: one.ms,
  };
}

/** The reader in headless Chromium: the page with many claims against the same page with one. */
async function measureBrowser(
  files: CorpusFiles,
  claims: number,
  dir: string,
  outputs: string,
  quick: boolean,
  log: (line: string) => void,
): Promise<BenchResults['browser']> {
  const folder = path.join(dir, 'article');
  await mkdir(folder, { recursive: true });
  const slug = files.name.toLowerCase();
  const withClaims = `${slug}-${claims}`;
  const without = `${slug}-1`;
  for (const [name, count] of [
    [withClaims, claims],
    [without, 1],
  ] as const) {
    await writeFile(path.join(folder, `${name}.md`), await readFile(files.md));
    await writeFile(
      path.join(folder, `${name}.claims.yaml`),
      await readFile(claimsFileOf(files, count, 'claims')),
    );
  }
  log(`browser: building the ${files.name} pages`);
  const out = path.join(outputs, 'pages');
  const built = await timeCommand(
    process.execPath,
    [bin, 'build', `article/${withClaims}.md`, `article/${without}.md`, '--out', out, '-q'],
    dir,
  );
  if (built.code !== 0) throw new Error(`Building the browser pages failed: ${built.stderr}`);

  const { serveStatic } = await import('../src/serve/serve.ts');
  const { launch, measurePage } = await import('./browser.ts');
  const served = await serveStatic({ dir: out });
  const browser = await launch();
  const pageBytes = (await readFile(path.join(out, withClaims, 'index.html'))).byteLength;
  try {
    // First paint varies from load to load by a factor of two or more (when the parser first
    // yields on a 13 MB page); nine rounds give a median that holds still between runs.
    const runs = quick ? 1 : 9;
    const loads: Record<'with' | 'without', PageLoad[]> = { with: [], without: [] };
    for (let round = 0; round < (quick ? runs : runs + 1); round++) {
      log(`browser: ${!quick && round === 0 ? 'warm-up' : `run ${quick ? round + 1 : round}/${runs}`}`);
      let page: PageLoad;
      try {
        page = await measurePage(browser, `${served.url}${withClaims}/`, quick ? 300 : 1500, pageTimeout);
      } catch (cause) {
        if ((cause as Error).name !== 'TimeoutError') throw cause;
        // A page that does not load in time is the finding: the other runs would not either.
        return {
          corpus: files.name,
          claims,
          pageBytes,
          error: `the page with ${claims.toLocaleString('en')} claims was not ready within ${pageTimeout / 1000} s`,
        };
      }
      const plain = await measurePage(browser, `${served.url}${without}/`, quick ? 300 : 1500, pageTimeout);
      if (!quick && round === 0) continue;
      loads.with.push(page);
      loads.without.push(plain);
    }
    const mid = (list: PageLoad[], key: keyof PageLoad) => median(list.map((load) => load[key]));
    return {
      corpus: files.name,
      claims,
      pageBytes,
      readyMs: mid(loads.with, 'readyMs'),
      loadMs: mid(loads.with, 'loadMs'),
      readyAfterLoadMs: mid(loads.with, 'readyAfterLoadMs'),
      firstPaintMs: mid(loads.with, 'firstPaintMs'),
      firstPaintWithoutClaimsMs: mid(loads.without, 'firstPaintMs'),
      longestTaskAfterLoadMs: mid(loads.with, 'longestTaskAfterLoadMs'),
      samples: loads.with,
      samplesWithoutClaims: loads.without,
    };
  } finally {
    await browser.close();
    await served.close();
  }
}

/**
 * Watch mode in Chromium (`watch-latency.ts`): the seed article, and (full run) the M corpus's
 * article with 10,000 claims, each served from a copy of its own.
 */
async function measureWatch(
  corpus: CorpusFiles | undefined,
  outputs: string,
  quick: boolean,
  log: (line: string) => void,
): Promise<WatchResult[]> {
  const { cp } = await import('node:fs/promises');
  const { launch } = await import('./browser.ts');
  const { measureWatchLatency } = await import('./watch-latency.ts');
  const browser = await launch();
  const results: WatchResult[] = [];
  const folder = path.join(outputs, 'watch');
  await rm(folder, { recursive: true, force: true });
  try {
    const cases: Array<{ article: WatchResult['article']; slug: string; copy: () => Promise<void> }> = [
      {
        article: 'seed',
        slug: 'sora-china-ai-video',
        copy: () => cp(path.join(repository, 'article'), path.join(folder, 'seed'), { recursive: true }),
      },
    ];
    if (corpus && !quick) {
      cases.push({
        article: corpus.name,
        slug: 'watched',
        copy: async () => {
          await mkdir(path.join(folder, corpus.name), { recursive: true });
          await cp(corpus.md, path.join(folder, corpus.name, 'watched.md'));
          await cp(
            claimsFileOf(corpus, 10_000, 'claims'),
            path.join(folder, corpus.name, 'watched.claims.yaml'),
          );
        },
      });
    }
    for (const watchCase of cases) {
      log(
        `watch mode: ${watchCase.article === 'seed' ? 'the seed article' : `${watchCase.article}, 10,000 claims`}`,
      );
      await watchCase.copy();
      const articles = path.join(folder, watchCase.article);
      const times = await measureWatchLatency({
        browser,
        articles,
        slug: watchCase.slug,
        claimsFile: path.join(articles, `${watchCase.slug}.claims.yaml`),
        out: path.join(folder, `build-${watchCase.article}`),
        runs: quick ? 3 : watchCase.article === 'seed' ? 11 : 5,
      });
      if (times.errors.length > 0)
        throw new Error(`The watched page reported errors: ${times.errors.join('; ')}`);
      results.push({
        article: watchCase.article,
        claims: times.claims,
        shownMs: median(times.shown),
        readyMs: median(times.ready),
        shownSamples: times.shown,
        readySamples: times.ready,
      });
    }
  } finally {
    await browser.close();
  }
  return results;
}

export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const log = options.log ?? (() => undefined);
  const dir = options.corpus ?? corpusDir;
  // What the builds write (JavaScript among it) stays out of the repository.
  const outputs = options.outputs ?? path.join(tmpdir(), 'marginalia-bench');
  const names: CorpusName[] = options.quick ? ['S'] : ['S', 'M', 'L'];
  const corpora = new Map<CorpusName, CorpusFiles>();
  for (const name of names) {
    log(`corpus ${name}`);
    corpora.set(name, await ensureCorpus(name, dir));
  }
  const started = Date.now();
  const commands = await measureCommands(path.join(outputs, 'commands'), options.quick, log);
  const { builds, anchoring } = await measureBuilds(
    corpora,
    options.quick ? quickConfigs : fullConfigs,
    options.quick,
    log,
  );

  log('reader bundle');
  const { buildReaderBundle } = await import('../src/reader/build-bundle.ts');
  const bundleFile = path.join(outputs, 'marginalia-reader.js');
  const bundle = await buildReaderBundle(bundleFile);

  const site = await measureSite(
    path.join(dir, options.quick ? 'site-quick' : 'site'),
    outputs,
    options.quick,
    log,
  );
  const browserCorpus = corpora.get(options.quick ? 'S' : 'M');
  const browser =
    options.browser && browserCorpus
      ? await measureBrowser(
          browserCorpus,
          options.quick ? 1_000 : 10_000,
          path.join(dir, 'pages'),
          outputs,
          options.quick,
          log,
        )
      : undefined;
  const watch = options.browser
    ? await measureWatch(corpora.get('M'), outputs, options.quick, log)
    : undefined;

  const results: BenchResults = {
    date: new Date().toISOString(),
    node: process.version,
    quick: options.quick,
    seconds: Math.round((Date.now() - started) / 1000),
    corpora: Object.fromEntries(
      [...corpora].map(([name, files]) => [name, { bytes: files.bytes, addresses: files.addresses }]),
    ),
    commands,
    builds,
    anchoring,
    bundle,
    site,
    ...(browser ? { browser } : {}),
    ...(watch ? { watch } : {}),
    targets: [],
  };
  results.targets = evaluateTargets(results);
  await mkdir(options.out, { recursive: true });
  const json = `${JSON.stringify(results, null, 2)}\n`;
  await writeFile(path.join(options.out, `${results.date.replace(/[:.]/gu, '-')}.json`), json);
  await writeFile(path.join(options.out, 'latest.json'), json);
  return results;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      browser: { type: 'boolean', default: true },
      'no-browser': { type: 'boolean', default: false },
      out: { type: 'string', default: path.join(repository, 'bench/results') },
    },
  });
  const results = await runBench({
    quick: values.quick,
    browser: values.browser && !values['no-browser'],
    out: values.out,
    log: (line) => process.stderr.write(`· ${line}\n`),
  });
  process.stdout.write(formatReport(results));
}
