/**
 * The benchmark's results: their shape (the JSON written to bench/results/), the targets of the
 * performance issue checked against them, and the table printed at the end.
 */
import type { PageLoad } from './browser.ts';
import type { CommandResults } from './commands.ts';
import type { CorpusName } from './corpus.ts';

export interface BuildRow {
  corpus: CorpusName;
  format: 'txt' | 'md';
  claims: number;
  /** Size of the corpus's Markdown file. */
  bytes: number;
  /** Medians over the runs. */
  buildMs: number;
  plainMs: number;
  buildRssBytes: number;
  plainRssBytes: number;
  buildSamples: number[];
  plainSamples: number[];
}

export interface Target {
  id: string;
  what: string;
  value: number;
  /** How the value is shown, with its unit. */
  shown: string;
  limit: string;
  met: boolean;
}

export interface BenchResults {
  date: string;
  node: string;
  quick: boolean;
  /** Time the measurements took (corpora made beforehand not counted). */
  seconds: number;
  corpora: Partial<Record<CorpusName, { bytes: number; addresses: number }>>;
  /** Whole processes on the seed article: build, check, and plain unified. */
  commands: CommandResults;
  builds: BuildRow[];
  anchoring: Array<{ corpus: CorpusName; claims: number; ms: number; samples: number[] }>;
  /** The reader bundle: its entry file, and (when it loads more on demand) all its files, gzipped. */
  bundle: { bytes: number; gzipBytes: number; totalGzipBytes?: number };
  site: {
    articles: number;
    claimsPerArticle: number;
    coldOneCoreMs: number;
    coldMs: number;
    unchangedMs: number;
    unchangedSamples: number[];
    oneChangedMs: number;
  };
  browser?: BrowserResult;
  targets: Target[];
}

/** The page measurements, or what kept them from being made. */
export type BrowserResult =
  | { corpus: CorpusName; claims: number; pageBytes: number; error: string }
  | {
      corpus: CorpusName;
      claims: number;
      pageBytes: number;
      error?: undefined;
      readyMs: number;
      loadMs: number;
      readyAfterLoadMs: number;
      firstPaintMs: number;
      firstPaintWithoutClaimsMs: number;
      longestTaskAfterLoadMs: number;
      samples: PageLoad[];
      /** The loads of the page with one claim, in the same rounds. */
      samplesWithoutClaims: PageLoad[];
    };

const ratio = (value: number) => `${value.toFixed(2)}×`;
const ms = (value: number) => `${Math.round(value)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The targets, each with its measured value; those without a measurement are left out. */
export function evaluateTargets(results: BenchResults): Target[] {
  const targets: Target[] = [];
  const { commands } = results;
  const build = commands.buildMs / commands.plainMs;
  const cold = commands.buildColdCacheMs / commands.plainMs;
  const check = commands.checkMs / commands.plainMs;
  targets.push(
    {
      id: 'process-build',
      what: '(11) `marginalia build` of the seed article into an empty folder, whole process, against plain unified in a fresh process',
      value: build,
      shown: `${ratio(build)} (${ms(commands.buildMs)} / ${ms(commands.plainMs)})`,
      limit: '≤ 2×',
      met: build <= 2,
    },
    {
      id: 'process-build-cold',
      what: '(11) the same, the first build on the machine (empty citation cache: citeproc runs)',
      value: cold,
      shown: `${ratio(cold)} (${ms(commands.buildColdCacheMs)} / ${ms(commands.plainMs)})`,
      limit: '≤ 2×',
      met: cold <= 2,
    },
    {
      id: 'process-check',
      what: '(11) `marginalia check` of the seed article, whole process, against plain unified',
      value: check,
      shown: `${ratio(check)} (${ms(commands.checkMs)} / ${ms(commands.plainMs)})`,
      limit: '≤ 1.5×',
      met: check <= 1.5,
    },
  );
  const row = (corpus: CorpusName, format: 'txt' | 'md', claims: number) =>
    results.builds.find(
      (build) => build.corpus === corpus && build.format === format && build.claims === claims,
    );
  for (const corpus of ['M', 'L'] as const) {
    const build = row(corpus, 'md', 10_000);
    if (build) {
      const value = build.buildMs / build.plainMs;
      targets.push({
        id: `a-md-${corpus}`,
        what: `(a) .md build time, ${corpus}, 10,000 claims, against the plain pipeline`,
        value,
        shown: ratio(value),
        limit: '≤ 1.25×',
        met: value <= 1.25,
      });
    }
  }
  for (const corpus of ['S', 'M', 'L'] as const) {
    const build = row(corpus, 'txt', 1_000);
    if (build) {
      const value = build.plainMs / build.buildMs;
      targets.push({
        id: `a-txt-${corpus}`,
        what: `(a) .txt build, ${corpus}, 1,000 claims: how many times faster than the plain pipeline on the .md`,
        value,
        shown: ratio(value),
        limit: '≥ 5×',
        met: value >= 5,
      });
    }
  }
  const anchor = results.anchoring.find((item) => item.corpus === 'M' && item.claims === 10_000);
  if (anchor) {
    targets.push({
      id: 'b-anchor-M',
      what: '(b) anchoring alone, M, 10,000 quotes (first call in a fresh process)',
      value: anchor.ms,
      shown: ms(anchor.ms),
      limit: '< 50 ms',
      met: anchor.ms < 50,
    });
  }
  const large = row('L', 'md', 10_000);
  if (large) {
    const value = large.buildRssBytes / large.plainRssBytes;
    targets.push({
      id: 'c-memory-L',
      what: '(c) peak memory, L, .md, 10,000 claims, against the plain pipeline',
      value,
      shown: `${ratio(value)} (${mb(large.buildRssBytes)} / ${mb(large.plainRssBytes)})`,
      limit: '≤ 1.25×',
      met: value <= 1.25,
    });
  }
  const browser = results.browser;
  if (browser?.error !== undefined) {
    const what = `(d) the ${browser.corpus} page, ${browser.claims.toLocaleString('en')} claims, in Chromium`;
    targets.push({
      id: 'd-ready',
      what,
      value: Number.NaN,
      shown: browser.error,
      limit: 'ready ≤ 150 ms after load',
      met: false,
    });
  } else if (browser) {
    const paint = browser.firstPaintMs / browser.firstPaintWithoutClaimsMs;
    targets.push(
      {
        id: 'd-ready',
        what: `(d) reader ready after the load event, ${browser.corpus} page, ${browser.claims.toLocaleString('en')} claims`,
        value: browser.readyAfterLoadMs,
        shown: ms(browser.readyAfterLoadMs),
        limit: '≤ 150 ms',
        met: browser.readyAfterLoadMs <= 150,
      },
      {
        id: 'd-first-paint',
        what: '(d) first paint against the same page with one claim',
        value: paint,
        shown: `${ratio(paint)} (${ms(browser.firstPaintMs)} / ${ms(browser.firstPaintWithoutClaimsMs)})`,
        limit: '≤ 1.3×',
        met: paint <= 1.3,
      },
      {
        id: 'd-long-task',
        what: '(d) longest main-thread task after load',
        value: browser.longestTaskAfterLoadMs,
        shown: browser.longestTaskAfterLoadMs === 0 ? 'none ≥ 50 ms' : ms(browser.longestTaskAfterLoadMs),
        limit: '≤ 50 ms',
        met: browser.longestTaskAfterLoadMs <= 50,
      },
    );
  }
  targets.push({
    id: 'e-bundle',
    what: '(e) reader bundle, gzipped',
    value: results.bundle.gzipBytes,
    shown:
      results.bundle.totalGzipBytes === undefined ||
      results.bundle.totalGzipBytes === results.bundle.gzipBytes
        ? kb(results.bundle.gzipBytes)
        : `${kb(results.bundle.gzipBytes)} (entry; ${kb(results.bundle.totalGzipBytes)} with what it loads later)`,
    limit: '< 15 KB',
    met: results.bundle.gzipBytes < 15 * 1024,
  });
  targets.push({
    id: 'site-unchanged',
    what: `(3) second build of ${results.site.articles} articles, nothing changed (the command, start to exit)`,
    value: results.site.unchangedMs,
    shown: ms(results.site.unchangedMs),
    limit: '< 1 s',
    met: results.site.unchangedMs < 1000,
  });
  return targets;
}

function table(header: string[], rows: string[][]): string {
  const lines = [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}

/** The results as Markdown: the README's Performance section shows this. */
export function formatReport(results: BenchResults): string {
  const parts: string[] = [];
  const corpora = Object.entries(results.corpora)
    .map(
      ([name, corpus]) =>
        `${name} ${kb(corpus.bytes)} (${corpus.addresses} address${corpus.addresses === 1 ? '' : 'es'})`,
    )
    .join(', ');
  parts.push(
    `Marginalia benchmark, ${results.date.slice(0, 10)}, Node.js ${results.node}${results.quick ? ', quick mode' : ''}. Corpora: ${corpora}. Medians; each build in a fresh process.\n`,
  );
  const { commands } = results;
  parts.push(
    table(
      [`whole processes, ${commands.article} (${kb(commands.bytes)})`, 'time', '× plain unified'],
      [
        ['plain unified (remark-parse → remark-rehype → rehype-stringify)', ms(commands.plainMs), ratio(1)],
        [
          'marginalia build, into an empty folder',
          ms(commands.buildMs),
          ratio(commands.buildMs / commands.plainMs),
        ],
        [
          'marginalia build, empty citation cache too',
          ms(commands.buildColdCacheMs),
          ratio(commands.buildColdCacheMs / commands.plainMs),
        ],
        ['marginalia check', ms(commands.checkMs), ratio(commands.checkMs / commands.plainMs)],
      ],
    ),
  );
  parts.push(
    table(
      [
        'corpus',
        'format',
        'claims',
        'build',
        'plain pipeline',
        'time ×',
        'peak memory',
        'plain peak',
        'memory ×',
      ],
      results.builds.map((build) => [
        build.corpus,
        build.format,
        build.claims.toLocaleString('en'),
        ms(build.buildMs),
        ms(build.plainMs),
        ratio(build.buildMs / build.plainMs),
        mb(build.buildRssBytes),
        mb(build.plainRssBytes),
        ratio(build.buildRssBytes / build.plainRssBytes),
      ]),
    ),
  );
  parts.push(
    table(
      ['anchoring alone', 'quotes', 'time'],
      results.anchoring.map((item) => [item.corpus, item.claims.toLocaleString('en'), ms(item.ms)]),
    ),
  );
  const { site } = results;
  parts.push(
    table(
      [`site of ${site.articles} articles, ${site.claimsPerArticle} claims each`, 'time'],
      [
        ['first build, one core', ms(site.coldOneCoreMs)],
        ['first build, every core', ms(site.coldMs)],
        ['again, nothing changed', ms(site.unchangedMs)],
        ['again, one claims file changed', ms(site.oneChangedMs)],
      ],
    ),
  );
  const browser = results.browser;
  if (browser) {
    const header = `browser, ${browser.corpus} page, ${browser.claims.toLocaleString('en')} claims (${kb(browser.pageBytes)})`;
    parts.push(
      browser.error !== undefined
        ? table([header, 'time'], [['reader ready', browser.error]])
        : table(
            [header, 'time'],
            [
              ['load event end', ms(browser.loadMs)],
              ['reader ready (from navigation)', ms(browser.readyMs)],
              ['first paint', ms(browser.firstPaintMs)],
              ['first paint, same page with one claim', ms(browser.firstPaintWithoutClaimsMs)],
            ],
          ),
    );
  }
  parts.push(
    table(
      ['target', 'measured', 'limit', 'met'],
      results.targets.map((target) => [target.what, target.shown, target.limit, target.met ? 'yes' : 'no']),
    ),
  );
  return parts.join('\n');
}
