/**
 * The `marginalia` command: `build` and `check` (../shared/CONTRACT.md §2), `fix` and `init` (§5).
 * Exit codes: 0 all well, 1 an article has an error, 2 a wrong command line.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { build } from '../build/build.ts';
import { discoverArticles, UsageError } from '../build/discover.ts';
import { citationCacheFolder } from './cache-folder.ts';
import { formatMessages, summarize, useColor, type FormatOptions } from './format-messages.ts';

export const usage = `Usage: marginalia <command> [PATH…] [options]

Commands:
  build [PATH…]   build each article into the output folder (default PATH: article/)
  check [PATH…]   validate the same way as build, write nothing
  fix [PATH…]     re-anchor the claims of edited articles: rewrite each quote, prefix and suffix
                  that can be placed with confidence, report the rest
  init SOURCE     write a starter claims file beside the article SOURCE (never over one)
  serve [PATH…]   build and serve on this machine (--watch, --edit: see marginalia serve --help)

PATH is an article's text (.txt or .md), its claims file (.claims.yaml, .claims.yml or
.claims.json), or a folder: every article in it.

Options:
  --out DIR       output folder for build (default: build/)
  --base-url URL  address the built pages will be published under (their canonical address,
                  every copied link, the ids in annotations.jsonld)
  -j, --jobs N    build with N threads (default: one per core, for many or large articles)
  --time-limit S  stop work on an article after S seconds (default: 30, and 10 more per MB)
  --no-cache      rebuild every article, and format every citation again
  -q, --quiet     print problems only
  --dry-run       fix: print the changes as a diff, write nothing
  --verbose       show the file's line, and the article's text for a quote that missed, under
                  each problem (the default when standard error is a terminal)
  -h, --help      show this help

Exit status: 0 all well, 1 an article has an error (nothing of it is written; for fix, a claim
that could not be placed; for init, a claims file already there or an article past a limit), 2 a
wrong command line.
`;

/** Problem lines go to stderr, and nothing else does; progress and summaries go to stdout. */
export interface Io {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /** Whether stderr is a terminal: problems then come with excerpts. */
  terminal?: boolean;
  /** Whether to colour the excerpts. */
  color?: boolean;
}

const consoleIo: Io = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  terminal: process.stderr.isTTY === true,
  color: useColor(process.stderr),
};

export async function main(argv: readonly string[], io: Io = consoleIo): Promise<number> {
  if (argv[0] === 'serve') return (await import('./serve.ts')).serve(argv.slice(1), io);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string' },
        'base-url': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        jobs: { type: 'string', short: 'j' },
        'time-limit': { type: 'string' },
        'no-cache': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        'dry-run': { type: 'boolean' },
        verbose: { type: 'boolean' },
      },
    });
  } catch (cause) {
    io.stderr(`marginalia: ${(cause as Error).message}`);
    io.stderr('Run `marginalia --help` for usage.');
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...paths] = positionals;
  if (values.help || command === 'help') {
    io.stdout(usage);
    return 0;
  }
  const format: FormatOptions = {
    excerpts: values.verbose ?? io.terminal ?? false,
    color: io.color ?? false,
  };
  const timeLimit = values['time-limit'] === undefined ? undefined : Number(values['time-limit']);
  if (timeLimit !== undefined && !(timeLimit > 0 && Number.isFinite(timeLimit))) {
    io.stderr(`marginalia: --time-limit must be a number of seconds above 0, not "${values['time-limit']}"`);
    return 2;
  }
  const timeMs = timeLimit === undefined ? undefined : timeLimit * 1000;
  if (command === 'fix' || command === 'init') {
    const misplaced = [
      'out',
      'base-url',
      'jobs',
      'no-cache',
      ...(command === 'init' ? ['dry-run'] : []),
    ].find((option) => values[option as keyof typeof values] !== undefined);
    if (misplaced !== undefined) {
      io.stderr(`marginalia: --${misplaced} does not go with ${command}`);
      return 2;
    }
    // Each command's module is loaded only when it runs: build and check start without them.
    if (command === 'fix') {
      const { fix } = await import('./fix.ts');
      const dryRun = values['dry-run'] ?? false;
      return fix(paths, { dryRun, quiet: values.quiet ?? false, format, ...(timeMs ? { timeMs } : {}) }, io);
    }
    const { init } = await import('./init.ts');
    return init(paths, io, { format, ...(timeMs ? { timeMs } : {}) });
  }
  if (values['dry-run'] !== undefined) {
    io.stderr('marginalia: --dry-run goes with fix');
    return 2;
  }
  if (command !== 'build' && command !== 'check') {
    io.stderr(
      command === undefined ? 'marginalia: no command given' : `marginalia: unknown command "${command}"`,
    );
    io.stderr('Run `marginalia --help` for usage.');
    return 2;
  }
  if (command === 'check' && values.out !== undefined) {
    io.stderr('marginalia: --out goes with build; check writes nothing');
    return 2;
  }
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) {
    io.stderr(`marginalia: --jobs must be a whole number from 1, not "${values.jobs}"`);
    return 2;
  }
  const baseUrl = values['base-url'];
  if (baseUrl !== undefined && !/^https?:\/\/[^/]/u.test(baseUrl)) {
    io.stderr(`marginalia: --base-url must be an http(s) address, not "${baseUrl}"`);
    return 2;
  }

  let articles;
  try {
    articles = discoverArticles(paths.length > 0 ? paths : ['article']);
  } catch (cause) {
    if (!(cause instanceof UsageError)) throw cause;
    io.stderr(`marginalia: ${cause.message}`);
    return 2;
  }
  if (articles.length === 0) {
    io.stderr(`marginalia: no article found in ${paths.join(', ') || 'article/'}`);
    return 2;
  }

  const outDir = values.out ?? 'build';
  const write = command === 'build';
  const result = await build(articles, {
    outDir,
    write,
    ...(jobs === undefined ? {} : { jobs }),
    ...(timeMs === undefined ? {} : { limits: { timeMs } }),
    ...(values['no-cache'] ? { cache: false } : { citationCache: citationCacheFolder() }),
    ...(values.quiet ? { progress: false as const } : {}),
    ...(baseUrl === undefined ? {} : { baseUrl: baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/` }),
    onArticle: (article) => {
      for (const line of formatMessages(article.files, format)) io.stderr(line);
      if (values.quiet) return;
      if (!article.ok) io.stdout(`✗ ${article.slug}: not ${write ? 'built' : 'valid'}`);
      else if (write)
        io.stdout(`✓ ${path.join(outDir, article.slug, 'index.html')} (${article.claims} claims)`);
      else io.stdout(`✓ ${article.slug} (${article.claims} claims)`);
    },
  });
  if (result.workerFailure !== undefined) {
    io.stderr(
      `marginalia: warning: no worker thread could start (${result.workerFailure}); the articles were built on one thread`,
    );
  }
  const summary = summarize(result.articles.flatMap((article) => article.files));
  if (summary && !values.quiet) io.stdout(summary);
  if (write && result.bundle && !values.quiet) {
    io.stdout(
      `✓ ${path.join(outDir, 'assets', 'marginalia-reader.js')} (${(result.bundle.gzipBytes / 1024).toFixed(1)} KB gzipped)`,
    );
  }
  return result.ok ? 0 : 1;
}
