/**
 * Every occurrence of many patterns in one text (Rabin–Karp with many patterns): one walk over
 * the text per key length in use, however many patterns there are.
 *
 * Each pattern gets a *key*: its first `k` characters. Patterns are put in a hash table by the
 * hash of their key, one table per key length. Patterns of at least `keyLength` characters all
 * share one table, whose key is as long as the shortest of them allows, up to
 * {@link maxKeyLength}: the walk costs the same whatever the key's length, and text that shares
 * so long a key with a pattern is nearly always an occurrence of it, so few hits are verified
 * in vain. Shorter patterns add a table per distinct length, at most `keyLength - 1`; an
 * article's quotes are nearly all longer, so that is one walk. For each table the scan walks
 * the text once, rolling a polynomial hash of the window of its key length (mod 2³², so rolling
 * is a multiply, an add and a subtract). Each window's hash is first tried against the table's
 * *filter*, a bit set small enough to stay in the processor's cache, where each pattern sets two
 * bits: at most about one window in 64 gets past it without being an occurrence. Those that do
 * are looked up in the table (open-addressed typed arrays at most a quarter full), and each
 * pattern with that hash is verified with `startsWith`.
 *
 * The scan runs once per build, in a fresh process, so V8 has compiled none of it: until it has
 * compiled the walk, some thousands of windows in, each window costs ten times what it does
 * afterwards, and a build's other loops are in the same state. So the loops are small functions
 * of their own, with nothing but locals and typed arrays in them, that V8 compiles quickly; and
 * the text is walked a chunk at a time, filtering the chunk's windows and then verifying those
 * that passed, so that the verifying is compiled, in the background, while the filtering of the
 * next chunks goes on, rather than after the whole walk. The occurrences are kept in flat typed
 * arrays rather than an array per pattern, which spares the garbage collector as well.
 *
 * Cost: O(text length × key lengths in use) for the walk, plus one verification per hash hit;
 * the number of patterns only adds to the set-up. Every occurrence is reported, overlapping
 * ones included, and a pattern shorter than `keyLength` is found wherever it occurs. Quotes of a
 * letter or two in a long text occur millions of times: past `maxOccurrences` in all, the scan
 * stops with a {@link TooManyOccurrences} rather than fill the memory.
 */

const base = 0x01000193;
/** Multiplier that spreads a hash's bits before its top bits pick a slot. */
const mix = 0x9e3779b1 | 0;
/** A second such multiplier, for the filter's second bit. */
const mix2 = 0x85ebca6b | 0;
/** How many windows are filtered before those that passed are verified. */
const chunkLength = 1 << 14;
/** "No pattern" and "no occurrence" in the typed arrays below. */
export const none = -1;
/**
 * The longest key: a longer key leaves fewer hits to verify in vain, but each pattern's key is
 * hashed when the table is made, and past this length hardly any such hit is left to save.
 */
export const maxKeyLength = 32;

/**
 * Every occurrence of the patterns, as flat arrays indexed by occurrence. A pattern equal to an
 * earlier one is searched for once: its occurrences are those of the first (see `same`).
 */
export interface Occurrences {
  /** How many occurrences there are (the arrays by occurrence may be longer). */
  readonly count: number;
  /** `start[o]`: the offset in the text where occurrence `o` starts. */
  readonly start: Int32Array;
  /** `end[o]`: the offset in the text right after occurrence `o`. */
  readonly end: Int32Array;
  /** `pattern[o]`: the pattern (index) occurrence `o` is of, the first of equal patterns. */
  readonly pattern: Int32Array;
  /** `next[o]`: the next occurrence of the same pattern (they increase), or {@link none}. */
  readonly next: Int32Array;
  /** `first[p]`: the first occurrence of pattern `p`, or {@link none} (see `same`). */
  readonly first: Int32Array;
  /** `same[p]`: the first pattern equal to pattern `p` (`p` itself when there is none before). */
  readonly same: Int32Array;
}

/** The scan found more occurrences than it may keep. */
export class TooManyOccurrences extends Error {
  constructor(
    /** The pattern with the most occurrences so far. */
    readonly pattern: number,
    /** How many it has. */
    readonly occurrences: number,
    readonly limit: number,
  ) {
    super(`more than ${limit} occurrences`);
    this.name = 'TooManyOccurrences';
  }
}

/**
 * Every occurrence of each pattern in `text` (none of an empty pattern), as {@link Occurrences}.
 *
 * @throws TooManyOccurrences past `maxOccurrences` occurrences in all.
 */
export function scanAll(
  text: string,
  patterns: readonly string[],
  keyLength = 12,
  maxOccurrences = Infinity,
): Occurrences {
  const same = new Int32Array(patterns.length);
  /** The next pattern (index) with the same key hash as this one, or `none`. */
  const nextPattern = new Int32Array(patterns.length).fill(none);
  // Room for two occurrences a pattern: the list rarely has to grow during the walk, where
  // code that has never run yet would send V8 back from the walk's compiled code.
  const found = new OccurrenceList(Math.min(patterns.length * 2 + 64, maxOccurrences + 1), maxOccurrences);
  for (const table of buildTables(patterns, keyLength, same, nextPattern)) {
    walk(text, table, patterns, nextPattern, found);
  }

  const { count, start, end, pattern } = found;
  const next = new Int32Array(count);
  const first = new Int32Array(patterns.length).fill(none);
  // Linked back to front, so each pattern's list runs in the order found: increasing.
  for (let o = count - 1; o >= 0; o--) {
    const p = pattern[o] ?? 0;
    next[o] = first[p] ?? none;
    first[p] = o;
  }
  return { count, start, end, pattern, next, first, same };
}

/** The patterns whose keys have one length, by the hash of their key. */
interface KeyTable {
  readonly keyLength: number;
  /** `base ** keyLength` mod 2³²: what the character leaving the window weighs. */
  readonly outWeight: number;
  /** 32 minus log2 of the number of slots (a power of two). */
  readonly shift: number;
  /** 32 minus log2 of the number of bits in `filter`. */
  readonly filterShift: number;
  /**
   * A bit set with four times as many bits as there are slots. Each pattern sets two bits, one
   * picked by the top bits of its hash times {@link mix}, the other by those of its hash times
   * {@link mix2}; a window whose two bits are not both set is no occurrence. It is a sixteenth
   * of the size of the slots, so it stays in the processor's cache where they would not.
   */
  readonly filter: Int32Array;
  /** The hash each slot holds. */
  readonly slotHashes: Int32Array;
  /** The first pattern (index) with the slot's hash, or `none`. */
  readonly slotFirst: Int32Array;
}

/** Occurrences as they are found: growing typed arrays. */
class OccurrenceList {
  count = 0;
  start: Int32Array;
  end: Int32Array;
  pattern: Int32Array;

  constructor(
    capacity: number,
    readonly limit: number,
  ) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.pattern = new Int32Array(capacity);
  }

  add(start: number, end: number, pattern: number): void {
    if (this.count === this.start.length) {
      if (this.count >= this.limit) this.overflow();
      const length = Math.min(this.count * 2, this.limit);
      this.start = grown(this.start, length);
      this.end = grown(this.end, length);
      this.pattern = grown(this.pattern, length);
    }
    this.start[this.count] = start;
    this.end[this.count] = end;
    this.pattern[this.count] = pattern;
    this.count++;
  }

  /** Throws, naming the pattern with the most occurrences. */
  private overflow(): never {
    const counts = new Map<number, number>();
    let most = 0;
    let mostPattern = 0;
    for (let o = 0; o < this.count; o++) {
      const p = this.pattern[o] ?? 0;
      const seen = (counts.get(p) ?? 0) + 1;
      counts.set(p, seen);
      if (seen > most) {
        most = seen;
        mostPattern = p;
      }
    }
    throw new TooManyOccurrences(mostPattern, most, this.limit);
  }
}

function grown(array: Int32Array, length: number): Int32Array {
  const larger = new Int32Array(length);
  larger.set(array);
  return larger;
}

/**
 * Walks `text` with one table, a chunk of windows at a time: first the chunk's windows whose
 * hash passes the table's filter are listed, then each of those is looked up in the table and
 * verified.
 */
function walk(
  text: string,
  table: KeyTable,
  patterns: readonly string[],
  nextPattern: Int32Array,
  found: OccurrenceList,
): void {
  const k = table.keyLength;
  const length = text.length;
  const ends = new Int32Array(Math.min(chunkLength, length));
  const hashes = new Int32Array(ends.length);
  for (let from = k; from <= length; from += chunkLength) {
    const count = filterWindows(text, from, Math.min(from + chunkLength, length + 1), table, ends, hashes);
    verify(text, ends, hashes, count, table, patterns, nextPattern, found);
  }
}

/**
 * The windows of `text` that end in [from, to) and whose hash passes the table's filter: the
 * offset where each ends and its hash, written to `ends` and `hashes` (with room for `to -
 * from`). Returns how many there are.
 */
function filterWindows(
  text: string,
  from: number,
  to: number,
  table: KeyTable,
  ends: Int32Array,
  hashes: Int32Array,
): number {
  const { keyLength: k, outWeight, filterShift, filter } = table;
  let count = 0;
  let hash = 0;
  for (let i = from - k; i < from; i++) hash = (Math.imul(hash, base) + text.charCodeAt(i)) | 0;
  // At the top of each turn, `hash` is the hash of the window [end - k, end).
  for (let end = from; ; end++) {
    const bit = Math.imul(hash, mix) >>> filterShift;
    if (((filter[bit >>> 5] ?? 0) & (1 << (bit & 31))) !== 0) {
      const bit2 = Math.imul(hash, mix2) >>> filterShift;
      if (((filter[bit2 >>> 5] ?? 0) & (1 << (bit2 & 31))) !== 0) {
        ends[count] = end;
        hashes[count] = hash;
        count++;
      }
    }
    if (end + 1 === to) return count;
    hash =
      (Math.imul(hash, base) + text.charCodeAt(end) - Math.imul(text.charCodeAt(end - k), outWeight)) | 0;
  }
}

/**
 * Looks up the windows ending at `ends`, with hashes `hashes`, in the table and adds the
 * patterns found there.
 */
function verify(
  text: string,
  ends: Int32Array,
  hashes: Int32Array,
  count: number,
  table: KeyTable,
  patterns: readonly string[],
  nextPattern: Int32Array,
  found: OccurrenceList,
): void {
  const { keyLength: k, shift, slotHashes, slotFirst } = table;
  const mask = slotFirst.length - 1;
  for (let c = 0; c < count; c++) {
    const start = (ends[c] ?? 0) - k;
    const hash = hashes[c] ?? 0;
    let slot = Math.imul(hash, mix) >>> shift;
    let index = slotFirst[slot] ?? none;
    while (index !== none && slotHashes[slot] !== hash) {
      slot = (slot + 1) & mask;
      index = slotFirst[slot] ?? none;
    }
    for (; index !== none; index = nextPattern[index] ?? none) {
      const pattern = patterns[index] ?? '';
      if (text.startsWith(pattern, start)) found.add(start, start + pattern.length, index);
    }
  }
}

/**
 * The tables of the non-empty patterns. A pattern equal to an earlier one is left out of them,
 * and `same` says which it equals (it has the same key, so it would share its slot).
 */
function buildTables(
  patterns: readonly string[],
  keyLength: number,
  same: Int32Array,
  nextPattern: Int32Array,
): KeyTable[] {
  // A pattern's table is picked by its length, up to `keyLength` (the long patterns' table).
  const counts = new Int32Array(keyLength + 1);
  let longKey = maxKeyLength;
  for (const pattern of patterns) {
    const length = pattern.length;
    if (length >= keyLength && length < longKey) longKey = length;
    const group = Math.min(length, keyLength);
    counts[group] = (counts[group] ?? 0) + 1;
  }
  longKey = Math.max(longKey, keyLength);
  const tables: KeyTable[] = [];
  const tableOf: Array<KeyTable | undefined> = [];
  // Group 0 holds the empty patterns, which have no table.
  for (let group = 1; group <= keyLength; group++) {
    const count = counts[group] ?? 0;
    if (count === 0) continue;
    const k = group === keyLength ? longKey : group;
    const bits = Math.max(4, Math.ceil(Math.log2(count * 4)));
    const table: KeyTable = {
      keyLength: k,
      outWeight: power(base, k),
      shift: 32 - bits,
      filterShift: 32 - bits - 2,
      filter: new Int32Array(2 ** (bits + 2 - 5)),
      slotHashes: new Int32Array(2 ** bits),
      slotFirst: new Int32Array(2 ** bits).fill(none),
    };
    tables.push(table);
    tableOf[group] = table;
  }

  for (let index = 0; index < patterns.length; index++) {
    same[index] = index;
    const pattern = patterns[index] ?? '';
    const table = tableOf[Math.min(pattern.length, keyLength)];
    if (table === undefined) continue;
    const { slotFirst, slotHashes, filter, filterShift } = table;
    const mask = slotFirst.length - 1;
    const hash = hashOf(pattern, 0, table.keyLength);
    let slot = Math.imul(hash, mix) >>> table.shift;
    while (slotFirst[slot] !== none && slotHashes[slot] !== hash) slot = (slot + 1) & mask;
    // An equal pattern has the same hash, so it would be in this slot's list.
    let equal = slotFirst[slot] ?? none;
    while (equal !== none && patterns[equal] !== pattern) equal = nextPattern[equal] ?? none;
    if (equal !== none) {
      same[index] = equal;
      continue;
    }
    nextPattern[index] = slotFirst[slot] ?? none;
    slotFirst[slot] = index;
    slotHashes[slot] = hash;
    setBit(filter, Math.imul(hash, mix) >>> filterShift);
    setBit(filter, Math.imul(hash, mix2) >>> filterShift);
  }
  return tables;
}

function setBit(bits: Int32Array, bit: number): void {
  bits[bit >>> 5] = (bits[bit >>> 5] ?? 0) | (1 << (bit & 31));
}

/** The hash of the `length` characters of `text` from `start`. */
function hashOf(text: string, start: number, length: number): number {
  let hash = 0;
  for (let i = start; i < start + length; i++) hash = (Math.imul(hash, base) + text.charCodeAt(i)) | 0;
  return hash;
}

function power(value: number, exponent: number): number {
  let result = 1;
  for (let i = 0; i < exponent; i++) result = Math.imul(result, value);
  return result;
}
