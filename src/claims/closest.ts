/** Longer values are not compared (the cost grows with the product of the lengths). */
const maxLength = 100;

/**
 * "Did you mean …?": the known value closest to a misspelt one, when one is close enough.
 *
 * Values are compared ignoring case and treating spaces, hyphens and underscores alike, so
 * `Fact` finds `fact` and `partly supported` finds `partly-supported`. Beyond that a candidate
 * is close when few edits turn one into the other (one edit per three letters, at least one; a
 * swap of two neighbouring letters is one edit), or when the two share a long beginning
 * (`causation` → `causal`, `recommend` → `recommendation`). The nearest wins; ties go to the
 * candidate listed first.
 */
export function closest(value: string, candidates: readonly string[]): string | undefined {
  const wanted = normalise(value);
  if (wanted === '' || wanted.length > maxLength) return undefined;
  let best: { candidate: string; score: number } | undefined;
  for (const candidate of candidates) {
    const known = normalise(candidate);
    if (known.length > maxLength) continue;
    const score = known === wanted ? 0 : closeness(wanted, known);
    if (score !== undefined && (best === undefined || score < best.score)) best = { candidate, score };
  }
  return best?.candidate;
}

function normalise(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-');
}

/** A score (lower is closer), or `undefined` when the two are not close. */
function closeness(a: string, b: string): number | undefined {
  const distance = editDistance(a, b);
  if (distance <= Math.max(1, Math.floor(Math.max(a.length, b.length) / 3))) return distance;
  const prefix = commonPrefixLength(a, b);
  if (prefix >= Math.max(4, Math.ceil(Math.min(a.length, b.length) * 0.6))) return distance;
  return undefined;
}

function commonPrefixLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length += 1;
  return length;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const table: number[] = Array.from({ length: rows * columns }, () => 0);
  const at = (i: number, j: number): number => table[i * columns + j] ?? 0;
  for (let i = 0; i < rows; i += 1) table[i * columns] = i;
  for (let j = 0; j < columns; j += 1) table[j] = j;
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < columns; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      table[i * columns + j] = best;
    }
  }
  return at(a.length, b.length);
}
