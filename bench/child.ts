/**
 * One measurement in a fresh process (run by `run.ts` as `node --import tsx bench/child.ts …`),
 * printed as one line of JSON on stdout. Every mode loads its modules first and then times only
 * the work, from reading the files to holding the output in memory; `maxRssBytes` is the
 * process's peak resident memory at the end.
 *
 *   build FORMAT ARTICLE CLAIMS   compile one article (`compileArticle`), Marginalia's build
 *   plain MARKDOWN PLAIN_JSON      remark-parse → remark-rehype → rehype-stringify on the article,
 *                                  then on each note, the baseline
 *   anchor TXT PLAIN_JSON          anchoring alone: every quote of the claims in the article's
 *                                  blocks (`anchorQuotes`), the first call in the process
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/** What `src/cite/engine.ts` and `src/cite/format.ts` load on first use. */
const citationPackages = [
  '@citation-js/core',
  '@citation-js/plugin-csl',
  '@citation-js/plugin-bibtex',
  'parse5',
  'hast-util-from-parse5',
];

export interface ChildResult {
  mode: string;
  /** Time of the work, in milliseconds. */
  ms: number;
  /** Time to load the modules before it. */
  loadMs: number;
  maxRssBytes: number;
  /** Whether the work did what it should (the article built, every quote anchored). */
  ok: boolean;
  /** Claims anchored, or HTML characters written. */
  count: number;
  /** What went wrong, when not ok. */
  problem?: string;
}

async function build(
  format: string,
  article: string,
  claims: string,
): Promise<Omit<ChildResult, 'maxRssBytes'>> {
  const loadStart = performance.now();
  const { compileArticle } = await import('../src/build/compile-article.ts');
  // The packages that the build loads only once it has a citation to format (`src/cite/`):
  // loaded here, with the rest, so that the figure stays the work's alone. They come from
  // Node's module cache when the build asks for them.
  const load = createRequire(new URL('../src/cite/engine.ts', import.meta.url));
  for (const name of citationPackages) load(name);
  const start = performance.now();
  const result = await compileArticle(
    { slug: 'bench', article, claims, format: format === 'md' ? 'md' : 'txt' },
    { generated: '2024-01-01T00:00:00Z' },
  );
  const ms = performance.now() - start;
  const problem = result.files
    .flatMap((file) => file.messages.filter((message) => message.fatal))
    .map(String)
    .slice(0, 3)
    .join('; ');
  return {
    mode: 'build',
    ms,
    loadMs: start - loadStart,
    ok: result.ok,
    count: result.claims,
    ...(problem ? { problem } : {}),
  };
}

async function plain(markdown: string, plainJson: string): Promise<Omit<ChildResult, 'maxRssBytes'>> {
  const loadStart = performance.now();
  const [{ unified }, { default: remarkParse }, { default: remarkRehype }, { default: rehypeStringify }] =
    await Promise.all([
      import('unified'),
      import('remark-parse'),
      import('remark-rehype'),
      import('rehype-stringify'),
    ]);
  const start = performance.now();
  const [text, claims] = await Promise.all([readFile(markdown, 'utf8'), readFile(plainJson, 'utf8')]);
  const { notes } = JSON.parse(claims) as { notes: string[] };
  const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeStringify).freeze();
  let count = String(await processor.process(text)).length;
  for (const note of notes) count += String(await processor.process(note)).length;
  return { mode: 'plain', ms: performance.now() - start, loadMs: start - loadStart, ok: true, count };
}

async function anchor(txt: string, plainJson: string): Promise<Omit<ChildResult, 'maxRssBytes'>> {
  const loadStart = performance.now();
  const [{ parseTxt }, { anchorQuotes }] = await Promise.all([
    import('../src/pipeline/remark-parse-txt.ts'),
    import('../src/anchor/index.ts'),
  ]);
  const [text, claims] = await Promise.all([readFile(txt, 'utf8'), readFile(plainJson, 'utf8')]);
  const { quotes } = JSON.parse(claims) as {
    quotes: Array<{ exact: string; prefix?: string; suffix?: string }>;
  };
  // The blocks as remark-claims sees them: a .txt block is one text node.
  const blocks = parseTxt(text).children.map((block) =>
    'children' in block ? block.children.map((child) => ('value' in child ? child.value : '')).join('') : '',
  );
  const start = performance.now();
  const results = anchorQuotes(blocks, quotes);
  const ms = performance.now() - start;
  const found = results.filter((result) => result.status === 'found').length;
  return {
    mode: 'anchor',
    ms,
    loadMs: start - loadStart,
    ok: found === quotes.length,
    count: found,
    ...(found === quotes.length ? {} : { problem: `${quotes.length - found} quotes not anchored` }),
  };
}

const [mode, ...args] = process.argv.slice(2);
const run = { build, plain, anchor }[mode ?? ''];
if (!run || args.length < 2) {
  console.error('Usage: child.ts build FORMAT ARTICLE CLAIMS | plain MARKDOWN JSON | anchor TXT JSON');
  process.exit(2);
}
const result = await (run as (...given: string[]) => Promise<Omit<ChildResult, 'maxRssBytes'>>)(...args);
// maxRSS is in kilobytes.
const output: ChildResult = { ...result, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
process.stdout.write(`${JSON.stringify(output)}\n`);
