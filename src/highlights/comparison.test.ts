/**
 * Highlights come back when their words are still there: the reader's anchoring against the
 * Hypothesis-style baseline of `comparison.ts`, over real texts with generated edits of each
 * class. 300 highlights a class here (a few seconds); `MARGINALIA_COMPARISON_PER_CLASS=2000`
 * runs more, and `node --import tsx src/highlights/comparison.ts --per-class 2000` prints the
 * table that the README shows.
 */
import { describe, expect, it } from 'vitest';
import { compare, rates, survivingRows, table, type Row } from './comparison.ts';

const perClass = Number(process.env['MARGINALIA_COMPARISON_PER_CLASS'] ?? 300);

describe('highlight anchoring against the baseline', () => {
  const tallies = compare(perClass);
  const tallyOf = (row: Row) => {
    const tally = tallies.get(row);
    if (!tally) throw new Error(`no figures for ${row}`);
    return tally;
  };

  it('should have made the highlights of every class', () => {
    for (const [row, tally] of tallies) expect(tally.highlights, `${row}\n${table(tallies)}`).toBe(perClass);
  });

  // Repeated words whose context is rewritten can only be told apart by what is left of the
  // context: there the rule of old stays, held below to the baseline.
  const held = survivingRows.filter((row) => row !== 'rewrite-around, words repeated');
  it.each(held)('should keep precision ≥ 99.5 %% and recall ≥ 99 %% when the words survive: %s', (row) => {
    const { precision, recall } = rates(tallyOf(row), 'ours');
    expect(precision, table(tallies)).toBeGreaterThanOrEqual(0.995);
    expect(recall, table(tallies)).toBeGreaterThanOrEqual(0.99);
  });

  it.each<Row>(['rewrite-around, words repeated', 'words-inserted-inside', 'words-deleted-inside'])(
    'should be at least as precise as the baseline where words are repeated or edited: %s',
    (row) => {
      const tally = tallyOf(row);
      expect(rates(tally, 'ours').precision, table(tallies)).toBeGreaterThanOrEqual(
        rates(tally, 'baseline').precision,
      );
    },
  );

  it('should place few highlights whose words were deleted, far fewer than the baseline', () => {
    const tally = tallyOf('passage-deleted');
    expect(tally.ours.wrong / tally.highlights, table(tallies)).toBeLessThanOrEqual(0.1);
    expect(tally.ours.wrong, table(tallies)).toBeLessThan(tally.baseline.wrong / 4);
  });
});
