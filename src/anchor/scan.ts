/**
 * Every occurrence of many patterns in one text (Rabin–Karp with many patterns): one walk over
 * the text per key length in use, however many patterns there are.
 *
 * Each pattern gets a *key*: its first `k = min(length, keyLength)` characters. Patterns are
 * put in a hash table by the hash of their key, one table per key length (patterns longer than
 * `keyLength` all share one; shorter ones add one per distinct length, at most
 * `keyLength - 1`). For each table the scan walks the text once, rolling a polynomial hash of
 * the window of its key length (mod 2³², so rolling is a multiply, an add and a subtract). An
 * article's quotes are nearly all longer than `keyLength`, so that is one walk; a walk per
 * table rather than one walk rolling every table keeps the loop's state in locals, which
 * measured a quarter faster. The tables are open-addressed typed arrays at most a quarter
 * full, so at almost every position the lookup is one read of an empty slot. Where a key's
 * hash does turn up, each pattern with that hash is verified with `startsWith`.
 *
 * Cost: O(text length × key lengths in use) for the walk, plus one verification per hash hit;
 * the number of patterns only adds to the set-up. Every occurrence is reported, overlapping
 * ones included, and a pattern shorter than `keyLength` is found wherever it occurs.
 */

const base = 0x01000193;
/** Multiplier that spreads a hash's bits before its top bits pick a slot. */
const mix = 0x9e3779b1 | 0;
const empty = -1;

/** The patterns whose keys have one length, by the hash of their key. */
interface KeyTable {
  readonly keyLength: number;
  /** `base ** keyLength` mod 2³²: what the character leaving the window weighs. */
  readonly outWeight: number;
  /** 32 minus log2 of the number of slots (a power of two). */
  readonly shift: number;
  /** The hash each slot holds. */
  readonly slotHashes: Int32Array;
  /** The first pattern (index) with the slot's hash, or `empty`. */
  readonly slotFirst: Int32Array;
}

/**
 * The start offsets of every occurrence of each pattern in `text`, in increasing order, one
 * array per pattern (empty for an empty pattern). Equal patterns share one array.
 */
export function findAll(text: string, patterns: readonly string[], keyLength = 12): number[][] {
  const starts = new Map<string, number[]>();
  for (const pattern of patterns) if (pattern !== '') starts.set(pattern, []);
  const distinct = [...starts.keys()];
  const found = distinct.map((pattern) => starts.get(pattern) ?? []);
  /** The next pattern (index) with the same key hash as this one, or `empty`. */
  const nextPattern = new Int32Array(distinct.length).fill(empty);
  const tables = buildTables(distinct, keyLength, nextPattern);

  for (const table of tables) {
    const { keyLength: k, outWeight, shift, slotHashes, slotFirst } = table;
    const mask = slotFirst.length - 1;
    let hash = 0;
    for (let i = 0; i < text.length; i++) {
      hash = (Math.imul(hash, base) + text.charCodeAt(i)) | 0;
      if (i >= k) hash = (hash - Math.imul(text.charCodeAt(i - k), outWeight)) | 0;
      if (i + 1 < k) continue;
      let slot = Math.imul(hash, mix) >>> shift;
      let index = slotFirst[slot] ?? empty;
      while (index !== empty && slotHashes[slot] !== hash) {
        slot = (slot + 1) & mask;
        index = slotFirst[slot] ?? empty;
      }
      const start = i + 1 - k;
      for (; index !== empty; index = nextPattern[index] ?? empty) {
        if (text.startsWith(distinct[index] ?? '', start)) found[index]?.push(start);
      }
    }
  }
  return patterns.map((pattern) => starts.get(pattern) ?? []);
}

function buildTables(patterns: readonly string[], keyLength: number, nextPattern: Int32Array): KeyTable[] {
  const byLength = new Map<number, number[]>();
  patterns.forEach((pattern, index) => {
    const k = Math.min(pattern.length, keyLength);
    const indexes = byLength.get(k) ?? [];
    indexes.push(index);
    byLength.set(k, indexes);
  });
  return [...byLength].map(([k, indexes]) => {
    const bits = Math.max(4, Math.ceil(Math.log2(indexes.length * 4)));
    const table: KeyTable = {
      keyLength: k,
      outWeight: power(base, k),
      shift: 32 - bits,
      slotHashes: new Int32Array(2 ** bits),
      slotFirst: new Int32Array(2 ** bits).fill(empty),
    };
    const mask = 2 ** bits - 1;
    for (const index of indexes) {
      const hash = hashOf(patterns[index] ?? '', k);
      let slot = Math.imul(hash, mix) >>> table.shift;
      while (table.slotFirst[slot] !== empty && table.slotHashes[slot] !== hash) {
        slot = (slot + 1) & mask;
      }
      nextPattern[index] = table.slotFirst[slot] ?? empty;
      table.slotFirst[slot] = index;
      table.slotHashes[slot] = hash;
    }
    return table;
  });
}

function hashOf(text: string, length: number): number {
  let hash = 0;
  for (let i = 0; i < length; i++) hash = (Math.imul(hash, base) + text.charCodeAt(i)) | 0;
  return hash;
}

function power(value: number, exponent: number): number {
  let result = 1;
  for (let i = 0; i < exponent; i++) result = Math.imul(result, value);
  return result;
}
